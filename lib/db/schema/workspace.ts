import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { ROLES } from "../../auth/constants";

export type { Role } from "../../auth/constants";
export const roleEnum = pgEnum("role", ROLES);

// A single-row table: one DX Pulse deployment serves one workspace.
export const workspaceSettings = pgTable(
  "workspace_settings",
  {
    id: integer("id").primaryKey().default(1),
    name: text("name").notNull().default("My engineering org"),
    anonymityThreshold: integer("anonymity_threshold").notNull().default(5),
    // Backlog quadrant cut-offs: share of respondents (0..1) and impact score (0..1).
    frequencyThreshold: real("frequency_threshold").notNull().default(0.1),
    impactThreshold: real("impact_threshold").notNull().default(0.5),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("workspace_settings_singleton", sql`${t.id} = 1`),
    check("workspace_settings_k_range", sql`${t.anonymityThreshold} between 3 and 100`),
  ],
);
export type WorkspaceSettings = typeof workspaceSettings.$inferSelect;

export const users = pgTable("users", {
  id: uuid("id").primaryKey().defaultRandom(),
  email: text("email").notNull().unique(),
  name: text("name").notNull().default(""),
  // Null for accounts that only sign in through SSO.
  passwordHash: text("password_hash"),
  role: roleEnum("role").notNull().default("viewer"),
  // Set while an owner has deactivated the person: they cannot sign in and their sessions end.
  deactivatedAt: timestamp("deactivated_at", { withTimezone: true }),
  // Bumped by sign-out, password change and deactivation: sessions carrying an older value end at once.
  sessionVersion: integer("session_version").notNull().default(0),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
export type User = typeof users.$inferSelect;

// One-time password reset links issued by an owner; only a hash of the token is stored.
export const passwordResetTokens = pgTable("password_reset_tokens", {
  tokenHash: text("token_hash").primaryKey(),
  userId: uuid("user_id")
    .notNull()
    .references(() => users.id, { onDelete: "cascade" }),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  usedAt: timestamp("used_at", { withTimezone: true }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
export type PasswordResetToken = typeof passwordResetTokens.$inferSelect;

// Sign-in throttling shared by every instance: one row per account ("account:<email>") and per client
// address ("address:<ip>"), with progressive delays rather than lock-outs.
export const loginThrottle = pgTable("login_throttle", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull().default(0),
  blockedUntil: timestamp("blocked_until", { withTimezone: true }),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

// What editors and owners changed that can move a published figure (curation, platform flags, access).
// Owners read it in Settings. Never holds answers or respondent data.
export const auditLog = pgTable(
  "audit_log",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid("actor_id").references(() => users.id, { onDelete: "set null" }),
    actorEmail: text("actor_email").notNull().default(""),
    action: text("action").notNull(),
    subject: text("subject").notNull().default(""),
    detail: jsonb("detail").$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index("audit_log_at").on(t.at)],
);
export type AuditEntry = typeof auditLog.$inferSelect;

export const teams = pgTable(
  "teams",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    headcount: integer("headcount").notNull().default(0),
    // The current flag; history per quarter lives in team_platform_changes.
    onPlatform: boolean("on_platform").notNull().default(false),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("teams_name_unique").on(sql`lower(${t.name})`),
    check("teams_headcount_nonneg", sql`${t.headcount} >= 0`),
  ],
);
export type Team = typeof teams.$inferSelect;

// "Team X moved onto the platform in 2026-Q2": adoption comparisons use the flag that held in each period.
export const teamPlatformChanges = pgTable(
  "team_platform_changes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    teamId: uuid("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    effectivePeriod: text("effective_period").notNull(),
    onPlatform: boolean("on_platform").notNull(),
  },
  (t) => [uniqueIndex("team_platform_changes_team_period").on(t.teamId, t.effectivePeriod)],
);
export type TeamPlatformChange = typeof teamPlatformChanges.$inferSelect;

// Workspace-defined dimensions beside the built-in SPACE / DevEx / DORA sets (lib/surveys/dimensions.ts).
export const customDimensions = pgTable("custom_dimensions", {
  id: uuid("id").primaryKey().defaultRandom(),
  key: text("key").notNull().unique(),
  name: text("name").notNull(),
  description: text("description").notNull().default(""),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
export type CustomDimension = typeof customDimensions.$inferSelect;
