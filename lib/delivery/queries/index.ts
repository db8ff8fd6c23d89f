// The delivery domain's SQL; importers use "@/lib/delivery/queries".
//   events.ts   storing normalised events (merged with what is stored), delivery receipts, counts
//   sources.ts  webhook integrations and their secrets
//   mapping.ts  repositories → teams, and the repositories seen with their event counts
//   keys.ts     the four keys' aggregates per team and quarter (one statement)
//   views.ts    the four keys with their bands, per team across quarters
export { claimDelivery, countDeliveryEvents, storeDeliveryEvents } from "./events";
export {
  createDeliverySource,
  deleteDeliverySource,
  getDeliveryVerifier,
  listDeliverySources,
  regenerateDeliverySecret,
} from "./sources";
export { listDeliveryRepos, setRepoTeam, type RepoRow } from "./mapping";
export { deliveryKeysStatement, getDeliveryKeyAggregates, type KeyAggregateRow } from "./keys";
export { getDeliveryKeys } from "./views";
