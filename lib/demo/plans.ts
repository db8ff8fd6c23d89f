import "server-only";
import { getMeasureSeries } from "@/lib/targets/queries/measures";
import type { DbClient } from "@/lib/db/client";
import * as s from "@/lib/db/schema";

// The demo's closing of the loop: leadership's targets (set when 2026-Q1 closed, so they have progress to
// read), action plans for the curated themes on the roadmap, and two themes published on "You said, we
// did". Values come from the demo's own answers through the same queries the pages use.

const BASELINE = "2026-Q1";
const FEEDBACK_LOOPS = "devex.feedback_loops";

async function baselineOf(tx: DbClient, metric: "nps" | "dimension", key: string) {
  const point = (await getMeasureSeries({ metric, key, teamId: null }, tx)).find((p) => p.period === BASELINE);
  return point && !point.hidden ? point.value : null;
}

export async function seedDemoPlans(tx: DbClient, items: Record<string, string | undefined>, ownerId: string) {
  const targets = [
    { metric: "nps" as const, metricKey: "", goal: 30, due: "2027-Q2", note: "Leadership's goal for the platform" },
    { metric: "dimension" as const, metricKey: FEEDBACK_LOOPS, goal: null, due: "2027-Q1", note: "" },
  ];
  for (const target of targets) {
    const value = await baselineOf(tx, target.metric, target.metricKey);
    if (value === null) continue;
    // A score's goal: half a point above where it started.
    const t = { ...target, goal: target.goal ?? Math.round((value + 0.5) * 10) / 10 };
    await tx
      .insert(s.targets)
      .values({ ...t, baselinePeriod: BASELINE, baselineValue: value, createdBy: ownerId, teamId: null });
  }

  const plans = [
    { item: items["slow-ci"], targetQuarter: "2026-Q3" },
    { item: items["flaky-tests"], targetQuarter: "2027-Q1" },
    { item: items["deploy-wait"], targetQuarter: "2027-Q1" },
  ];
  for (const p of plans)
    if (p.item)
      await tx.insert(s.backlogPlans).values({
        backlogItemId: p.item,
        targetQuarter: p.targetQuarter,
        measureKind: "dimension",
        measureKey: FEEDBACK_LOOPS,
      });

  const published = [
    {
      item: items["slow-ci"],
      title: "Faster CI builds",
      note: "A remote build cache and test sharding shipped in September: most builds now finish in under ten minutes.",
      status: "shipped" as const,
    },
    {
      item: items["flaky-tests"],
      title: "Fewer flaky tests",
      note: "Tests that fail at random are quarantined automatically until their owners fix them.",
      status: "in_progress" as const,
    },
  ];
  for (const p of published)
    if (p.item)
      await tx.insert(s.youSaidItems).values({
        backlogItemId: p.item,
        draftTitle: p.title,
        draftNote: p.note,
        draftStatus: p.status,
        publishedTitle: p.title,
        publishedNote: p.note,
        publishedStatus: p.status,
        publishedAt: new Date(),
        publishedBy: ownerId,
      });
}
