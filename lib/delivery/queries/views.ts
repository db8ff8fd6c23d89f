import "server-only";
import { inArray } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { teams } from "@/lib/db/schema";
import { periodOfDate, shiftPeriod } from "@/lib/period";
import { computeDeliveryKeys, type DeliveryKeys } from "../keys";
import { getDeliveryKeyAggregates } from "./keys";

export type TeamDeliveryKeys = { teamId: string; name: string; onPlatform: boolean; quarters: DeliveryKeys[] };

/** Quarters shown when none are asked for: the current one and the seven before it. */
export const DEFAULT_QUARTERS = 8;

/**
 * The four keys of every mapped team with events, per quarter from…to. These describe systems, not
 * people: no survey answer is read here, so the anonymity threshold does not apply; the dashboards
 * put them beside the self-reported bands only as those are published (lib/analytics).
 */
export async function getDeliveryKeys({ from, to, now = new Date() }: { from?: string; to?: string; now?: Date }) {
  const last = to ?? periodOfDate(now);
  const first = from ?? shiftPeriod(last, -(DEFAULT_QUARTERS - 1));
  const aggregates = await getDeliveryKeyAggregates({ from: first, to: last });
  const teamIds = [...new Set(aggregates.map((a) => a.teamId))];
  const db = await getDb();
  const teamRows = teamIds.length
    ? await db
        .select({ id: teams.id, name: teams.name, onPlatform: teams.onPlatform })
        .from(teams)
        .where(inArray(teams.id, teamIds))
    : [];
  const byTeam = new Map<string, TeamDeliveryKeys>(
    teamRows.map((t) => [t.id, { teamId: t.id, name: t.name, onPlatform: t.onPlatform, quarters: [] }]),
  );
  for (const { teamId, ...row } of aggregates) byTeam.get(teamId)?.quarters.push(computeDeliveryKeys(row, now));
  const periods: string[] = [];
  for (let p = first; p <= last; p = shiftPeriod(p, 1)) periods.push(p);
  return {
    from: first,
    to: last,
    periods,
    teams: [...byTeam.values()].sort((a, b) => a.name.localeCompare(b.name)),
  };
}
