import "server-only";
import { buildBacklog, listScopeMemberTexts, mergeBacklogItems, updateBacklogItem } from "@/lib/backlog/queries";
import type { UpdateBacklogItemInput } from "@/lib/backlog/schemas";
import type { DbClient } from "@/lib/db/client";
import { FRICTION_SCOPE, quartersScope } from "@/lib/backlog/scope";
import { seedThemes } from "./texts";

export const DEMO_BACKLOG_SCOPE = quartersScope("2026-Q1", "2026-Q4");

const normalize = (text: string) =>
  text
    .toLowerCase()
    .replace(/^honestly\?\s*/, "")
    .replace(/[\s.!?]+$/, "")
    .trim();

/**
 * The demo workspace's curated backlog: the friction log and all four quarters analysed, then a PM's
 * curation. Each seed theme is found as the item holding most of its texts (not by id or label), so
 * a change in the clustering only changes which edits apply. Slow CI is marked done in Q3, so its Q4
 * mention rate shows the drop.
 */
export async function seedDemoBacklog(tx: DbClient): Promise<Record<string, string | undefined>> {
  await buildBacklog({ scope: FRICTION_SCOPE }, tx);
  // Built last, so the backlog page opens on it.
  await buildBacklog({ scope: DEMO_BACKLOG_SCOPE, k: 12 }, tx);

  const themeOfText = new Map(seedThemes.flatMap((t) => t.texts.map((text) => [normalize(text), t.theme] as const)));
  const counts = new Map<string, Map<string, number>>(); // theme → item → answers
  for (const { itemId, text } of await listScopeMemberTexts({ scope: DEMO_BACKLOG_SCOPE }, tx)) {
    const theme = themeOfText.get(normalize(text));
    if (!theme) continue;
    const perItem = counts.get(theme) ?? new Map<string, number>();
    perItem.set(itemId, (perItem.get(itemId) ?? 0) + 1);
    counts.set(theme, perItem);
  }
  const used = new Set<string>();
  /** The item holding most of a seed theme's answers, unless an earlier theme already took it. */
  const itemFor = (theme: string) => {
    const ranked = [...(counts.get(theme) ?? new Map<string, number>())].sort((a, b) => b[1] - a[1]);
    const id = ranked[0] && !used.has(ranked[0][0]) ? ranked[0][0] : undefined;
    if (id) used.add(id);
    return { id, runnerUp: ranked[1] && ranked[1][1] >= 5 && !used.has(ranked[1][0]) ? ranked[1][0] : undefined };
  };
  const curate = async (theme: string, patch: UpdateBacklogItemInput, statusChangedAt?: string) => {
    const { id, runnerUp } = itemFor(theme);
    if (!id) return;
    await updateBacklogItem(
      { id, patch, statusChangedAt: statusChangedAt ? new Date(statusChangedAt) : undefined },
      tx,
    );
    return { id, runnerUp };
  };

  const slowCi = await curate(
    "slow-ci",
    {
      customLabel: "Slow CI builds",
      status: "done",
      effort: "L",
      owner: "Build & CI team",
      notes: "Remote build cache and test sharding shipped in September.",
    },
    "2026-09-15T12:00:00Z",
  );
  const flaky = await curate(
    "flaky-tests",
    {
      customLabel: "Flaky tests",
      status: "in_progress",
      effort: "M",
      owner: "Developer productivity",
      notes: "Auto-quarantine pilot with Checkout.",
    },
    "2026-10-20T12:00:00Z",
  );
  const deployWait = await curate(
    "deploy-wait",
    { customLabel: "Waiting on deploy approvals", status: "planned", effort: "M", owner: "Delivery platform" },
    "2026-10-27T12:00:00Z",
  );
  const docs = await curate("docs", {
    customLabel: "Docs are hard to find and out of date",
    effort: "S",
    owner: "Platform docs guild",
  });
  // If the clustering split the docs complaints, show a merge.
  if (docs?.runnerUp) await mergeBacklogItems({ id: docs.runnerUp, targetId: docs.id }, tx);
  // A PM's names for the other themes; status and effort stay for the demo's visitor to set.
  await curate("k8s-config", { customLabel: "Too much Kubernetes YAML" });
  await curate("environments", { customLabel: "Waiting for test environments" });
  await curate("code-review", { customLabel: "Code review turnaround" });
  await curate("protect-good", {
    customLabel: "What works: keep it",
    status: "wont_do",
    notes: "Praise, not a problem: protect these.",
  });
  return { "slow-ci": slowCi?.id, "flaky-tests": flaky?.id, "deploy-wait": deployWait?.id };
}
