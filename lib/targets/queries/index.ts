// Targets' and action plans' SQL; importers use "@/lib/targets/queries".
//   measures.ts  a measure's series, from the analytics and journeys queries (no second path to a figure)
//   targets.ts   targets: create, change, delete, and each read against its series
//   plans.ts     action plans, the roadmap, and backlog items for golden-path steps
//   options.ts   what a target or plan can be measured by, for the forms
export { getMeasureSeries, type MeasureRef } from "./measures";
export { createTarget, deleteTarget, getTarget, listTargets, updateTarget, type TargetView } from "./targets";
export {
  createStepBacklogItem,
  deletePlan,
  getPlan,
  getRoadmap,
  savePlan,
  type Roadmap,
  type RoadmapItem,
} from "./plans";
export { listMeasureOptions, type MeasureOptions } from "./options";
