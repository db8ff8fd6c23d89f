import { index, integer, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { backlogItems } from "./backlog";

// Sub-themes: the finer groups a backlog item's answers hold (lib/text/sub-themes.ts), stored by the
// analysis that built the item and replaced by the next one. A PM's rename is kept across analyses
// when a new sub-theme continues the old one (lib/backlog/match-themes.ts).
export const subThemes = pgTable(
  "sub_themes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    backlogItemId: uuid("backlog_item_id")
      .notNull()
      .references(() => backlogItems.id, { onDelete: "cascade" }),
    label: text("label").notNull(),
    customLabel: text("custom_label"),
    terms: text("terms").array().notNull().default([]),
    // Largest first at analysis time; also breaks ties when a respondent's answers span sub-themes.
    position: integer("position").notNull(),
  },
  (t) => [index("sub_themes_item_idx").on(t.backlogItemId)],
);
export type SubThemeRow = typeof subThemes.$inferSelect;

// The answers (theme_members source ids) the analysis put in each sub-theme. An answer counts for the
// sub-theme only while it is still a member of the sub-theme's item, so a move out of the theme takes it along.
export const subThemeMembers = pgTable(
  "sub_theme_members",
  {
    subThemeId: uuid("sub_theme_id")
      .notNull()
      .references(() => subThemes.id, { onDelete: "cascade" }),
    sourceId: text("source_id").notNull(),
    // 1..3 for the clustering's representative quotes of the sub-theme, null for the rest.
    representativeRank: integer("representative_rank"),
  },
  (t) => [primaryKey({ columns: [t.subThemeId, t.sourceId] }), index("sub_theme_members_source_idx").on(t.sourceId)],
);
