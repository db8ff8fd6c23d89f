// Survey series and distribution SQL, split by what it serves; importers use "@/lib/distribution/queries".
//   series.ts    series settings, drafting the next quarter's survey, drafts waiting for review
//   messages.ts  a survey's messages, their deliveries (claimed before sending), the send log
//   channels.ts  Slack channels (URLs masked on the way out), whether email is configured
//   content.ts   links, names and the published figures that go into a message
export * from "./series";
export * from "./messages";
export * from "./channels";
export * from "./content";
