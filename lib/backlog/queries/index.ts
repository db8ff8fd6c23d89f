// The backlog's SQL, split by what it serves; importers use "@/lib/backlog/queries".
//   scope-sql.ts  what a scope covers (population, free text), member respondents, the scope lock
//   releases.ts   who an item's published figures describe (the release rule is lib/anonymity/release.ts)
//   build.ts      analyse a scope and reconcile with curation (the rule is ../reconcile.ts)
//   view.ts       the ranked backlog and one item (what a viewer may see is ../item-view.ts)
//   curation.ts   rename, status, merge, move answers
//   pickers.ts    scopes and items to choose from
//   export.ts     CSV rows and quotes
//   themes.ts     themes as other domains read them (journey evidence)
//   carry.ts      curation carried into a new scope, and its undo (the rule is ../carry.ts)
//   dashboard.ts  the backlog the dashboard shows (the rule is ../dashboard-scope.ts)
//   sub-themes.ts sub-themes: stored by the analysis, counted, renamed (names carried with their theme), promoted (what shows is ../sub-theme-view.ts)
export type { BacklogItemDetail, BacklogListItem, BacklogQuote, BacklogView, MentionRate } from "../item-view";
export { buildBacklog, type BuildBacklogResult } from "./build";
export { undoCarry } from "./carry";
export { getDashboardBacklog, setDashboardBacklog, type DashboardBacklog } from "./dashboard";
export { mergeBacklogItems, moveThemeMembers, unmergeBacklogItem, updateBacklogItem } from "./curation";
export { listExampleQuotes, listScopeMemberTexts, openBacklogCsvRows } from "./export";
export { listBacklogItemNames, listBacklogScopeOptions, type BacklogScopeOptions } from "./pickers";
export { releaseUnreleasedThemes } from "./releases";
export { isCurrentRelease } from "./scope-sql";
export {
  countThemeReachByPeriod,
  getThemeLabel,
  listOpenThemes,
  listThemeLabels,
  listThemeQuotes,
  type OpenTheme,
  type ThemeReach,
} from "./themes";
export { getBacklog, getBacklogItem } from "./view";
export { promoteSubTheme, renameSubTheme } from "./sub-themes";
