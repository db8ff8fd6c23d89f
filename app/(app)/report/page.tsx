import type { Metadata } from "next";
import Link from "next/link";
import { DriverPriorities, DriversChart } from "@/components/analytics/drivers-chart";
import { PrintButton } from "@/components/journeys/print-button";
import { NpsTrendSvg } from "@/components/report/report-charts";
import { TableScroll } from "@/components/ui/table-scroll";
import { requireUser } from "@/lib/auth/guard";
import { getLeadershipReport } from "@/lib/report/queries";
import { reportQuerySchema } from "@/lib/report/schemas";
import { requestFormatter } from "@/lib/request-locale";
import { formatTargetValue } from "@/lib/targets/format-value";
import { targetStatusLabels } from "@/lib/targets/status";

export const metadata: Metadata = { title: "Quarterly report" };

/** The leadership report of one quarter, laid out for A4 (print CSS in globals.css); the PDF is its twin. */
export default async function ReportPage({ searchParams }: { searchParams: Promise<{ period?: string }> }) {
  await requireUser("viewer");
  const parsed = reportQuerySchema.safeParse(await searchParams);
  const report = await getLeadershipReport({ period: parsed.success ? parsed.data.period : undefined });
  const format = await requestFormatter();
  const { nps } = report;
  const drivers = report.drivers?.analysis;

  return (
    <article className="report stack" data-testid="leadership-report">
      <div className="row-between no-print">
        <Link href="/dashboard">← Dashboard</Link>
        <form className="row" method="get" action="/report">
          <label htmlFor="report-period">Quarter</label>
          <select id="report-period" name="period" className="input" defaultValue={report.period ?? ""}>
            {report.periods.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
          <button className="btn btn-sm">Show</button>
        </form>
        <div className="row">
          {report.period ? (
            <a className="btn" href={`/api/report/pdf?period=${report.period}`} download data-testid="report-pdf">
              Download PDF
            </a>
          ) : null}
          <PrintButton />
        </div>
      </div>

      <header className="report-header">
        <p className="muted small">DX Pulse · leadership report · printed {format.date(new Date())}</p>
        <h1>Developer experience, {report.period ?? "no published quarter yet"}</h1>
        <p className="muted small">
          Every figure is the dashboard’s own: groups of fewer than {report.k} people, and groups that would reveal
          them, are left out.
        </p>
      </header>

      {!report.period ? (
        <p className="card">No survey has closed with results yet. The report fills in once one has.</p>
      ) : (
        <>
          <section className="card stack report-section" aria-labelledby="report-nps">
            <h2 id="report-nps">Platform NPS</h2>
            {nps.current ? (
              <>
                <p className="report-figure" data-testid="report-nps">
                  <strong>{format.nps(nps.current.score)}</strong>{" "}
                  <span className="muted">
                    95% interval {format.interval(nps.current.ciLow, nps.current.ciHigh)} ·{" "}
                    {format.number(nps.current.n)} answers
                  </span>
                </p>
                <p>
                  {nps.change && nps.previous
                    ? `${format.signed(nps.change.delta)} since ${nps.previous.period} (${format.interval(nps.change.ciLow, nps.change.ciHigh)}); ${nps.change.withinNoise ? "within noise: not yet a real change." : "a change beyond sampling noise."}`
                    : "No earlier quarter to compare with."}
                </p>
                <NpsTrendSvg report={report} format={format} />
              </>
            ) : (
              <p className="muted">Not published for this quarter.</p>
            )}
          </section>

          <section className="card stack report-section" aria-labelledby="report-dimensions">
            <h2 id="report-dimensions">Dimension scores</h2>
            <TableScroll label="Dimension scores">
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">Dimension</th>
                    <th scope="col" className="right">
                      Mean (1–5)
                    </th>
                    <th scope="col" className="right">
                      Favourable
                    </th>
                    <th scope="col" className="right">
                      Change
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {report.dimensions.map((d) => (
                    <tr key={d.key}>
                      <td>{d.name}</td>
                      <td className="right">{d.current ? format.mean(d.current.mean) : "Hidden"}</td>
                      <td className="right">{d.current ? format.percentOf100(d.current.favorablePct) : "—"}</td>
                      <td className="right">{d.change === null ? "—" : format.signed(d.change, 2)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          </section>

          <section className="card stack report-section" aria-labelledby="report-responses">
            <h2 id="report-responses">Response rate</h2>
            {report.responses ? (
              <p>
                {report.responses.title}:{" "}
                {report.responses.total === null ? "hidden" : format.number(report.responses.total)} responses
                {report.responses.rate !== null
                  ? ` from ${format.number(report.responses.invited!)} developers asked (${format.percent(report.responses.rate)})`
                  : ""}
                .
              </p>
            ) : (
              <p className="muted">No response figures published for this quarter.</p>
            )}
          </section>

          <section className="card stack report-section report-page-break" aria-labelledby="report-actions">
            <h2 id="report-actions">Top actions</h2>
            {report.actions.length ? (
              <ol className="report-actions" data-testid="report-actions">
                {report.actions.map((a) => (
                  <li key={a.rank}>
                    <strong>{a.label}</strong>{" "}
                    <span className="muted small">
                      · {format.percent(a.share)} of respondents · {a.quadrant}
                    </span>
                  </li>
                ))}
              </ol>
            ) : (
              <p className="muted">No open backlog items yet.</p>
            )}
          </section>

          <section className="card stack report-section" aria-labelledby="report-drivers">
            <h2 id="report-drivers">What drives platform NPS</h2>
            {!drivers ? (
              <p className="muted">No closed survey this quarter.</p>
            ) : drivers.hidden ? (
              <p className="muted">Hidden to protect anonymity.</p>
            ) : !drivers.stable ? (
              <p className="muted">Not shown: {drivers.reason}</p>
            ) : (
              <>
                <DriversChart drivers={drivers.drivers} format={format} title="What drives platform NPS" />
                <DriverPriorities drivers={drivers.drivers} format={format} />
              </>
            )}
          </section>

          <section className="card stack report-section" aria-labelledby="report-targets" data-slot="targets">
            <h2 id="report-targets">Targets</h2>
            {report.targets.length ? (
              <ul className="stack report-targets" data-testid="report-targets">
                {report.targets.map((t) => (
                  <li key={t.id}>
                    <strong>{t.label}</strong>: goal {formatTargetValue(format, t.metric, t.goal)} by {t.due} ·{" "}
                    <span className="badge">{targetStatusLabels[t.status]}</span>
                    <br />
                    <span className="muted small">{t.summary}</span>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">No targets set yet.</p>
            )}
          </section>
        </>
      )}
    </article>
  );
}
