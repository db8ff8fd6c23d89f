// Delivery events from GitHub, GitLab and CSV imports, normalised to what the DORA four keys need.
// No payloads, authors, emails or messages are kept: the keys describe systems, not people.
import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  index,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { deliveryProviders, deploymentStatuses, eventOrigins } from "../../delivery/constants";
import { teams } from "./workspace";

export const deliveryProviderEnum = pgEnum("delivery_provider", deliveryProviders);
export const deliveryOriginEnum = pgEnum("delivery_origin", eventOrigins);
export const deploymentStatusEnum = pgEnum("deployment_status", deploymentStatuses);

// One webhook integration. `verifier` is what checks a delivery: GitHub's HMAC needs the secret itself;
// for GitLab, whose header carries the token, only its SHA-256 is kept.
export const deliverySources = pgTable("delivery_sources", {
  id: uuid("id").primaryKey().defaultRandom(),
  provider: deliveryProviderEnum("provider").notNull(),
  name: text("name").notNull(),
  verifier: text("verifier").notNull(),
  secretRotatedAt: timestamp("secret_rotated_at", { withTimezone: true }).notNull().defaultNow(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
export type DeliverySource = typeof deliverySources.$inferSelect;

// Delivery ids already taken, so a retried or replayed delivery is stored once.
export const deliveryReceipts = pgTable(
  "delivery_receipts",
  {
    sourceId: uuid("source_id")
      .notNull()
      .references(() => deliverySources.id, { onDelete: "cascade" }),
    deliveryId: text("delivery_id").notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.sourceId, t.deliveryId] })],
);

// Repositories (or services, from CSV) and the team that owns them. Events keep their repository,
// so mapping one later counts its past events.
export const deliveryRepoTeams = pgTable("delivery_repo_teams", {
  repo: text("repo").primaryKey(),
  teamId: uuid("team_id")
    .notNull()
    .references(() => teams.id, { onDelete: "cascade" }),
});

// A commit that reached the default branch: `pushedAt` is when it got there (what decides which
// production deployment contains it), `committedAt` is where its lead time starts.
export const deliveryChanges = pgTable(
  "delivery_changes",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    repo: text("repo").notNull(),
    sha: text("sha").notNull(),
    committedAt: timestamp("committed_at", { withTimezone: true }).notNull(),
    pushedAt: timestamp("pushed_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex("delivery_changes_repo_sha").on(t.repo, t.sha),
    index("delivery_changes_repo_pushed").on(t.repo, t.pushedAt),
  ],
);

export const deliveryDeployments = pgTable(
  "delivery_deployments",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    origin: deliveryOriginEnum("origin").notNull(),
    externalId: text("external_id").notNull(),
    repo: text("repo").notNull(),
    environment: text("environment").notNull(),
    production: boolean("production").notNull(),
    status: deploymentStatusEnum("status").notNull().default("pending"),
    sha: text("sha"),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    // Said so by the source (CSV column, a GitHub deployment task); redeploying an older sha is detected in SQL.
    rollback: boolean("rollback").notNull().default(false),
  },
  (t) => [
    uniqueIndex("delivery_deployments_external").on(t.origin, t.repo, t.externalId),
    index("delivery_deployments_prod_started")
      .on(t.repo, t.startedAt)
      .where(sql`${t.production} and ${t.status} = 'success'`),
    index("delivery_deployments_repo_sha").on(t.repo, t.sha),
  ],
);

export const deliveryIncidents = pgTable(
  "delivery_incidents",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    origin: deliveryOriginEnum("origin").notNull(),
    externalId: text("external_id").notNull(),
    repo: text("repo").notNull(),
    openedAt: timestamp("opened_at", { withTimezone: true }).notNull(),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    // The source's own last-change time, so an older event arriving late cannot undo a newer one.
    sourceUpdatedAt: timestamp("source_updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex("delivery_incidents_external").on(t.origin, t.repo, t.externalId),
    index("delivery_incidents_repo_opened").on(t.repo, t.openedAt),
  ],
);
