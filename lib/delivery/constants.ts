// Delivery events (DORA four keys measured from systems): providers, statuses and the rules that turn
// events into keys. Free of drizzle so the schema, the server and the browser share them.
export const deliveryProviders = ["github", "gitlab"] as const;
export type DeliveryProvider = (typeof deliveryProviders)[number];
export const providerLabel: Record<DeliveryProvider, string> = { github: "GitHub", gitlab: "GitLab" };

/** Where a deployment or incident came from: a webhook provider or a CSV import from another tool. */
export const eventOrigins = [...deliveryProviders, "csv"] as const;
export type EventOrigin = (typeof eventOrigins)[number];

export const deploymentStatuses = ["pending", "success", "failure"] as const;
export type DeploymentStatus = (typeof deploymentStatuses)[number];

/** Environment names that count as production when the provider does not say so itself. */
export const PRODUCTION_ENVIRONMENTS = ["production", "prod", "live"] as const;
/** A GitHub issue is an incident while it carries this label (GitLab has its own incident issue type). */
export const INCIDENT_LABEL = "incident";

/**
 * Change failure window: a production deployment failed when an incident opens on its repository
 * after it finished, before the repository's next production deployment finished and within this
 * many hours, or when that next deployment is a rollback. Beyond the window an incident is not
 * blamed on a deployment (it still counts for time to restore).
 */
export const CHANGE_FAILURE_WINDOW_HOURS = 168;

/** Largest webhook body taken (GitHub caps its own payloads at 25 MB; pushes of 20 commits are ~50 KB). */
export const WEBHOOK_MAX_BYTES = 2 * 1024 * 1024;
/** Largest CSV import, as text in the JSON body. */
export const CSV_IMPORT_MAX_BYTES = 4 * 1024 * 1024;
export const CSV_IMPORT_MAX_ROWS = 20_000;

export const deliveryKeyNames = {
  deploymentFrequency: "Deployment frequency",
  leadTime: "Lead time for changes",
  changeFailureRate: "Change failure rate",
  timeToRestore: "Time to restore",
} as const;
export type DeliveryKey = keyof typeof deliveryKeyNames;

/** Which self-reported survey metric (lib/analytics/dora.ts) each measured key sits beside. */
export const surveyMetricOfKey: Record<DeliveryKey, string> = {
  deploymentFrequency: "dora.deployment_frequency",
  leadTime: "dora.lead_time",
  changeFailureRate: "dora.change_failure_rate",
  timeToRestore: "dora.recovery_time",
};

/** The CSV import's columns (lib/delivery/csv-import.ts), and an example file the settings page shows. */
export const CSV_COLUMNS = [
  "kind",
  "id",
  "service",
  "environment",
  "status",
  "started_at",
  "finished_at",
  "rollback",
  "commit_times",
  "opened_at",
  "resolved_at",
] as const;
export const CSV_EXAMPLE = [
  CSV_COLUMNS.join(","),
  "deployment,d-101,payments-api,production,success,2026-04-02T10:00:00Z,2026-04-02T10:12:00Z,false,2026-04-01T15:00:00Z;2026-04-02T08:30:00Z,,",
  "incident,inc-7,payments-api,,,,,,,2026-04-02T11:00:00Z,2026-04-02T13:30:00Z",
].join("\n");
