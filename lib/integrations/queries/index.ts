// API tokens' and webhooks' SQL, split by what it serves; importers use "@/lib/integrations/queries".
//   tokens.ts          API tokens, their per-minute windows and last use
//   webhooks.ts        endpoints, the delivery log, claiming a delivery for one attempt
//   webhook-events.ts  what each event's payload holds (the anonymity decisions are documented there)
export * from "./tokens";
export * from "./webhooks";
export * from "./webhook-events";
