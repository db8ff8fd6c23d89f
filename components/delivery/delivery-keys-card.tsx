"use client";
// The DORA four keys measured from delivery events beside what developers reported in the survey:
// "developers say High, systems say Medium". The survey side is only ever the published DORA summary
// (lib/analytics, one anonymity decision per survey): a team hidden there stays hidden here, whatever
// its events, and no figure is combined with another.
import { AnalyticsCard, HiddenValue } from "@/components/analytics/analytics-card";
import { DoraBandBadge } from "@/components/analytics/dora-card";
import { TableScroll } from "@/components/ui/table-scroll";
import type { FilterParams } from "@/lib/analytics/hooks";
import { useDoraSummary } from "@/lib/analytics/hooks";
import type { DoraGroupRow, DoraSummary } from "@/lib/analytics/types";
import { deliveryKeyNames, surveyMetricOfKey, type DeliveryKey } from "@/lib/delivery/constants";
import { useDeliveryKeys, type DeliveryKeysByTeam } from "@/lib/delivery/hooks";
import { formatDeployRate, formatDuration, formatRate } from "./format";

type Keys = DeliveryKeysByTeam["teams"][number]["quarters"][number];
const KEYS = Object.keys(deliveryKeyNames) as DeliveryKey[];

const measured: Record<DeliveryKey, (k: Keys) => string> = {
  deploymentFrequency: (k) => `${formatDeployRate(k.deploysPerDay)} (${k.deployments})`,
  leadTime: (k) => (k.changes ? `${formatDuration(k.leadTimeSeconds)} median, ${k.changes} commits` : "no commits"),
  changeFailureRate: (k) =>
    k.deployments ? `${formatRate(k.changeFailureRate)} of ${k.deployments}` : "no deployments",
  timeToRestore: (k) =>
    k.incidents
      ? `${formatDuration(k.restoreSeconds)} median, ${k.restoredIncidents}/${k.incidents} resolved`
      : "no incidents",
};

/** What developers said, as published: a band, hidden (under k, or to protect another group), or nothing asked. */
function SurveyBand({ row, metric, k }: { row: DoraGroupRow | undefined; metric: string | null; k: number }) {
  if (!row) return <span className="muted small">no survey</span>;
  const value = metric ? row.metrics[metric] : row.classification;
  if (!value) return <span className="muted small">not asked</span>;
  if (value.hidden) return <HiddenValue k={k} reason={value.reason} compact />;
  return <DoraBandBadge band={"median" in value ? value.median : value.band} />;
}

function SideBySide({
  data,
  dora,
  period,
}: {
  data: DeliveryKeysByTeam;
  dora: DoraSummary | undefined;
  period: string;
}) {
  const surveyRows = dora?.period === period ? dora.teams : [];
  const rows = data.teams
    .map((t) => ({ team: t, keys: t.quarters.find((q) => q.period === period) }))
    .filter((r): r is { team: (typeof data.teams)[number]; keys: Keys } => Boolean(r.keys));
  if (!rows.length) return <p className="muted">No delivery events of mapped repositories in {period}.</p>;
  return (
    <TableScroll label={`Developers say, systems say, ${period}`}>
      <table className="table" data-testid="delivery-keys-table">
        <caption className="sr-only">Developers say, systems say, {period}</caption>
        <thead>
          <tr>
            <th scope="col">Team</th>
            <th scope="col">Overall</th>
            {KEYS.map((key) => (
              <th scope="col" key={key}>
                {deliveryKeyNames[key]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(({ team, keys }) => {
            const survey = surveyRows.find((r) => r.id === team.teamId);
            return (
              <tr key={team.teamId} data-testid={`delivery-team-${team.name}`}>
                <th scope="row">{team.name}</th>
                <td>
                  <div className="small">
                    Developers say <SurveyBand row={survey} metric={null} k={dora?.k ?? 0} />
                  </div>
                  <div className="small">
                    Systems say <DoraBandBadge band={keys.overall} />
                  </div>
                </td>
                {KEYS.map((key) => (
                  <td key={key}>
                    <div className="small">
                      Developers <SurveyBand row={survey} metric={surveyMetricOfKey[key]} k={dora?.k ?? 0} />
                    </div>
                    <div className="small">
                      Systems <DoraBandBadge band={keys.bands[key]} />
                    </div>
                    <div className="muted small">{measured[key](keys)}</div>
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** Each team's overall measured band per quarter. */
function Trend({ data }: { data: DeliveryKeysByTeam }) {
  return (
    <TableScroll label="Measured DORA band per quarter">
      <table className="table" data-testid="delivery-trend">
        <caption className="sr-only">Measured DORA band per quarter</caption>
        <thead>
          <tr>
            <th scope="col">Team</th>
            {data.periods.map((p) => (
              <th scope="col" key={p}>
                {p}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.teams.map((t) => (
            <tr key={t.teamId}>
              <th scope="row">{t.name}</th>
              {data.periods.map((p) => {
                const q = t.quarters.find((x) => x.period === p);
                return <td key={p}>{q ? <DoraBandBadge band={q.overall} /> : <span className="muted">—</span>}</td>;
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

export function DeliveryKeysCard({ filter }: { filter: FilterParams }) {
  const query = useDeliveryKeys({});
  const dora = useDoraSummary(filter);
  const latestWithData = (d: DeliveryKeysByTeam) =>
    [...d.periods].reverse().find((p) => d.teams.some((t) => t.quarters.some((q) => q.period === p)));
  return (
    <AnalyticsCard
      title="DORA from systems"
      testId="delivery-keys"
      query={query}
      isEmpty={(d) => d.teams.length === 0}
      empty={
        <>
          No delivery events of mapped repositories yet. Connect GitHub or GitLab, or import a CSV, in{" "}
          <a className="text-link" href="/settings/delivery">
            Settings → Delivery events
          </a>
          .
        </>
      }
    >
      {(data) => {
        const period = filter.period ?? dora.data?.period ?? latestWithData(data) ?? data.to;
        return (
          <div className="stack">
            <p className="muted small">
              {period} · measured from deployments, commits and incidents of each team’s repositories, beside the bands
              its developers reported (shown only where the survey publishes them). Systems, not people: no figure is
              per person.
            </p>
            <SideBySide data={data} dora={dora.data} period={period} />
            <h3>Trend</h3>
            <Trend data={data} />
          </div>
        );
      }}
    </AnalyticsCard>
  );
}
