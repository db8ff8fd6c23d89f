// Analytics' SQL, split by what it serves; importers use "@/lib/analytics/queries".
//   aggregates.ts      the per-cell aggregates (the only statements that read answers) and lookups
//   trends.ts          NPS, dimension and adoption trends over quarters; the filter bar
//   quarter-views.ts   one quarter team by team, DORA bands, response rates
//   survey-results.ts  one survey's question results and comments; surveys with results
//   notice.ts          what a filter's group hides, why, the ways out, and which filter choices show anything
//   drivers.ts         one survey's driver analysis (moments and bootstrap replicates for ../drivers.ts)
// Which cells a view may sum is decided by ../groups.ts (from lib/anonymity); the sums are ../cell-sums.ts
// and ../question-results.ts.
export { analyticsSql } from "./aggregates";
export { getComments, getSurveyResults, listSurveysWithResults } from "./survey-results";
export { getDoraSummary, getResponseRates, getTeamComparison } from "./quarter-views";
export { getAdoptionComparison, getAnalyticsMeta, getDimensionTrends, getNpsTrend } from "./trends";
export { getFilterNotice } from "./notice";
export { getSurveyDrivers } from "./drivers";
