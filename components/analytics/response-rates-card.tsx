"use client";
import { useState } from "react";
import type { FilterParams } from "@/lib/analytics/hooks";
import type { ResponseRates } from "@/lib/analytics/types";
import { AnalyticsCard, ExportButton, HiddenValue } from "./analytics-card";
import { formatPct } from "./format";
import { useResponseRates } from "@/lib/analytics/hooks";
import { TableScroll, NumberColumn } from "@/components/ui/table-scroll";

function RatesTable({ data }: { data: ResponseRates }) {
  // Default to the latest quarter's largest survey: the quarterly one, not a side pulse.
  const sorted = [...data.surveys].sort(
    (a, b) => b.period.localeCompare(a.period) || (b.total.hidden ? 0 : b.total.n) - (a.total.hidden ? 0 : a.total.n),
  );
  const [surveyId, setSurveyId] = useState(sorted[0]?.surveyId);
  const survey = data.surveys.find((s) => s.surveyId === surveyId) ?? sorted[0];
  if (!survey) return null;
  return (
    <div className="stack">
      <div className="field">
        <label htmlFor="rates-survey">Survey</label>
        <select
          id="rates-survey"
          className="input"
          value={survey.surveyId}
          onChange={(e) => setSurveyId(e.target.value)}
        >
          {sorted.map((s) => (
            <option key={s.surveyId} value={s.surveyId}>
              {s.title} ({s.period})
            </option>
          ))}
        </select>
      </div>
      <TableScroll label="Responses and response rate per team">
        <table className="table" data-testid="response-rates-table">
          <caption className="sr-only">Responses and response rate per team</caption>
          <thead>
            <tr>
              <th scope="col">Team</th>
              <NumberColumn>Responses</NumberColumn>
              <NumberColumn>Headcount</NumberColumn>
              <th scope="col" style={{ width: "40%" }}>
                Response rate
              </th>
            </tr>
          </thead>
          <tbody>
            {survey.teams.map((t) => (
              <tr key={t.teamId ?? "none"}>
                <th scope="row">{t.name}</th>
                {t.value.hidden ? (
                  <td colSpan={1} className="right">
                    <HiddenValue k={data.k} reason={t.value.reason} compact />
                  </td>
                ) : (
                  <td className="right">{t.value.n}</td>
                )}
                <td className="right">
                  {t.invited !== null ? (
                    <>
                      {t.invited} <span className="muted small">invited</span>
                    </>
                  ) : (
                    (t.headcount ?? "—")
                  )}
                </td>
                <td>
                  {!t.value.hidden && t.value.rate !== null ? (
                    <div className="rate">
                      <div className="rate-bar" aria-hidden>
                        <span style={{ width: `${Math.min(100, t.value.rate * 100)}%` }} />
                      </div>
                      <span className="small">{formatPct(t.value.rate * 100)}</span>
                    </div>
                  ) : t.value.hidden ? (
                    <HiddenValue k={data.k} reason={t.value.reason} />
                  ) : (
                    <span className="muted small">no headcount</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
          {!survey.total.hidden ? (
            <tfoot>
              <tr>
                <th scope="row">All teams</th>
                <td className="right">
                  <strong>{survey.total.atLeast ? `${survey.total.n}+` : survey.total.n}</strong>
                </td>
                <td colSpan={2} />
              </tr>
            </tfoot>
          ) : null}
        </table>
      </TableScroll>
    </div>
  );
}

export function ResponseRatesCard({ filter }: { filter: FilterParams }) {
  const query = useResponseRates(filter);
  return (
    <AnalyticsCard
      title="Response rates"
      testId="response-rates"
      query={query}
      isEmpty={(d) => d.surveys.length === 0}
      empty="No responses in this range yet."
      actions={<ExportButton table="response-rates" filter={filter} />}
    >
      {(data) => <RatesTable data={data} />}
    </AnalyticsCard>
  );
}
