// The journeys' SQL, split by what it serves; importers use "@/lib/journeys/queries".
//   maps.ts      maps with their steps and theme links
//   steps.ts     add, edit, delete and reorder steps
//   evidence.ts  links to backlog themes and their evidence (read through lib/backlog/queries)
//   timings.ts   baseline workflows and their quarterly timings
export {
  createJourneyMap,
  deleteJourneyMap,
  duplicateJourneyMap,
  getJourneyMap,
  listJourneyMaps,
  updateJourneyMap,
} from "./maps";
export { addJourneyStep, deleteJourneyStep, reorderJourneySteps, updateJourneyStep } from "./steps";
export {
  getJourneyEvidence,
  getLinkSuggestions,
  linkStepToTheme,
  listLinkableThemes,
  unlinkStepTheme,
} from "./evidence";
export {
  createWorkflow,
  deleteWorkflow,
  listTimingPeriods,
  listWorkflowTimings,
  recordWorkflowTiming,
  updateWorkflow,
} from "./timings";
