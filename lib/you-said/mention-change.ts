// How mentions of a shipped theme moved between two closed quarters, in words a developer reads. The
// rule for noise is the targets' one (lib/targets/status.ts): a change inside the latest quarter's
// interval is not a change yet, so "fewer mentions" is said only when the interval has left it behind.
import { readTarget } from "@/lib/targets/status";

/** A published mention rate: share of a quarter's respondents, with its Wilson 95% interval. */
export type PublicRate = { period: string; rate: number; low: number; high: number };

export const MENTION_CHANGES = ["fewer", "more", "no_clear_change", "no_data"] as const;
export type MentionChangeKind = (typeof MENTION_CHANGES)[number];
export const mentionChangeLabels: Record<MentionChangeKind, string> = {
  fewer: "Mentioned less",
  more: "Mentioned more",
  no_clear_change: "No clear change yet",
  no_data: "Not enough answers to compare",
};

export function readMentionChange(previous: PublicRate | null, latest: PublicRate | null): MentionChangeKind {
  if (!previous || !latest) return "no_data";
  const { withinNoise } = readTarget(
    { direction: "lower", goal: 0, baseline: { period: previous.period, value: previous.rate }, due: latest.period },
    { period: latest.period, value: latest.rate, low: latest.low, high: latest.high },
  );
  if (withinNoise || latest.rate === previous.rate) return "no_clear_change";
  return latest.rate < previous.rate ? "fewer" : "more";
}
