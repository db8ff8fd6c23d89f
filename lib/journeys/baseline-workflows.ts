// Critical workflows timed each quarter against a target (DOMAIN.md "Baseline workflow timings").
export const builtInWorkflows = [
  { key: "new_service_first_deploy", name: "New service scaffold to first deploy", targetMinutes: 120 },
  { key: "change_to_staging", name: "Change to staging", targetMinutes: 15 },
  { key: "change_to_production", name: "Change to production", targetMinutes: 30 },
  { key: "rollback", name: "Roll back a deploy", targetMinutes: 5 },
  { key: "new_database", name: "Provision a new database", targetMinutes: 10 },
  { key: "add_monitoring", name: "Add monitoring to a service", targetMinutes: 30 },
  { key: "find_docs", name: "Find a service's docs", targetMinutes: 2 },
  { key: "onboard_developer", name: "Onboard a new developer", targetMinutes: 8 * 60 },
  { key: "ci_build_test", name: "CI build and test", targetMinutes: 10 },
] as const;
