// Public API of the free-text domain.
export { analyzeText, type TextAnalysis } from "./analyze";
export {
  clusterAnswers,
  type AnswerItem,
  type ClusterOptions,
  type ClusterResult,
  type SubTheme,
  type Theme,
} from "./cluster";
export { checkThemeName, checkThemeNames, type NameProblem } from "./name-check";
export { isNonAnswer } from "./non-answer";
export { scoreSentiment } from "./sentiment";
export { adjustedRandIndex, clusteringAccuracy, normalizedMutualInformation } from "./metrics";
