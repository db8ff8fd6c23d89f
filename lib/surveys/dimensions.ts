// Built-in dimension sets; workspaces add their own in custom_dimensions.
export type Framework = "SPACE" | "DevEx" | "DORA" | "Custom";
export type Dimension = { key: string; name: string; framework: Framework };

export const builtInDimensions: Dimension[] = [
  { key: "space.satisfaction", name: "Satisfaction & well-being", framework: "SPACE" },
  { key: "space.performance", name: "Performance", framework: "SPACE" },
  { key: "space.activity", name: "Activity", framework: "SPACE" },
  { key: "space.communication", name: "Communication & collaboration", framework: "SPACE" },
  { key: "space.efficiency", name: "Efficiency & flow", framework: "SPACE" },
  { key: "devex.feedback_loops", name: "Feedback loops", framework: "DevEx" },
  { key: "devex.cognitive_load", name: "Cognitive load", framework: "DevEx" },
  { key: "devex.flow_state", name: "Flow state", framework: "DevEx" },
  { key: "dora.deployment_frequency", name: "Deployment frequency", framework: "DORA" },
  { key: "dora.lead_time", name: "Lead time for changes", framework: "DORA" },
  { key: "dora.change_failure_rate", name: "Change failure rate", framework: "DORA" },
  { key: "dora.recovery_time", name: "Failed deployment recovery time", framework: "DORA" },
];

const byKey = new Map(builtInDimensions.map((d) => [d.key, d]));

export function isBuiltInDimension(key: string): boolean {
  return byKey.has(key);
}

export function dimensionName(key: string | null | undefined, custom: { key: string; name: string }[] = []): string {
  if (!key) return "Untagged";
  return byKey.get(key)?.name ?? custom.find((d) => d.key === key)?.name ?? key;
}

/** Custom dimension keys are namespaced so they never collide with built-in ones. */
export function customDimensionKey(name: string): string {
  const slug = name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 40);
  return `custom.${slug || "dimension"}`;
}
