import { sql } from "drizzle-orm";
import { boolean, index, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { surveys } from "./surveys";
import { teams } from "./workspace";

// Invite-only links (README, "Invite-only links: design and limits"). No table here has a serial id,
// a timestamp or a reference to a response: nothing can order the used marks by when they were set.

/** A team's distribution list; `inviteOnly` turns its open survey links off. */
export const inviteLists = pgTable("invite_lists", {
  teamId: uuid("team_id")
    .primaryKey()
    .references(() => teams.id, { onDelete: "cascade" }),
  inviteOnly: boolean("invite_only").notNull().default(false),
});
export type InviteList = typeof inviteLists.$inferSelect;

/** One person on a team's list; the same address twice (in any case) is one person. */
export const inviteListMembers = pgTable(
  "invite_list_members",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    teamId: uuid("team_id")
      .notNull()
      .references(() => inviteLists.teamId, { onDelete: "cascade" }),
    email: text("email").notNull(),
  },
  (t) => [uniqueIndex("invite_list_members_team_email").on(t.teamId, sql`lower(${t.email})`)],
);
export type InviteListMember = typeof inviteListMembers.$inferSelect;

/**
 * One person asked to answer one survey for one team. Only the SHA-256 of the latest link sent is kept
 * (sending again rotates it), and `used` is a plain boolean: no time, no response id.
 */
export const surveyInvites = pgTable(
  "survey_invites",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    surveyId: uuid("survey_id")
      .notNull()
      .references(() => surveys.id, { onDelete: "cascade" }),
    teamId: uuid("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    tokenHash: text("token_hash").unique(),
    used: boolean("used").notNull().default(false),
  },
  (t) => [
    uniqueIndex("survey_invites_survey_team_email").on(t.surveyId, t.teamId, sql`lower(${t.email})`),
    index("survey_invites_survey_idx").on(t.surveyId),
  ],
);
export type SurveyInvite = typeof surveyInvites.$inferSelect;
