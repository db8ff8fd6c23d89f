import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { JourneyCharts } from "@/components/journeys/journey-charts";
import { JourneySummary } from "@/components/journeys/journey-summary";
import { PrintButton } from "@/components/journeys/print-button";
import { TableScroll } from "@/components/ui/table-scroll";
import { requireUser } from "@/lib/auth/guard";
import { requestFormatter } from "@/lib/request-locale";
import { formatMinutes } from "@/lib/journeys/comparison";
import { getJourneyEvidence, getJourneyMap } from "@/lib/journeys/queries";
import { mapIdParams } from "@/lib/journeys/schemas";
import { auditFields, auditLabels, maturityLabels } from "@/lib/journeys/types";
import { JOURNEY_PATHS, loadTypeLabels, outcomeLabels, painLabels } from "@/lib/journeys/constants";

export const metadata: Metadata = { title: "Journey map — print" };

export default async function JourneyMapPrintPage({ params }: { params: Promise<{ id: string }> }) {
  await requireUser("viewer");
  const parsed = mapIdParams.safeParse(await params);
  if (!parsed.success) notFound();
  const [detail, evidence] = await Promise.all([
    getJourneyMap({ id: parsed.data.id }),
    getJourneyEvidence({ mapId: parsed.data.id }),
  ]);
  if (!detail) notFound();
  const { map, steps } = detail;
  const format = await requestFormatter();
  const evidenceById = new Map(evidence.themes.map((t) => [t.backlogItemId, t]));
  const nameById = new Map(steps.map((s) => [s.id, s.name]));

  return (
    <article className="journey-print stack">
      <div className="row-between no-print">
        <Link href={`/journeys/${map.id}`}>← Back to the map</Link>
        <PrintButton />
      </div>
      <header>
        <h1>{map.name}</h1>
        {map.workflow ? <p>{map.workflow}</p> : null}
        <p className="muted small">
          {map.persona ? `For ${map.persona} · ` : ""}Self-service maturity {map.maturityNow} (
          {maturityLabels[map.maturityNow]}) → target {map.maturityTarget} ({maturityLabels[map.maturityTarget]}) ·
          printed {format.date(new Date())}
        </p>
      </header>
      <JourneySummary steps={steps} />
      <JourneyCharts steps={steps} />
      {JOURNEY_PATHS.map((path) => {
        const own = steps.filter((s) => s.path === path).sort((a, b) => a.position - b.position);
        return (
          <section key={path} className="card journey-print-path" aria-labelledby={`print-${path}`}>
            <h2 id={`print-${path}`}>{path === "current" ? "Current path" : "Golden path"}</h2>
            {own.length === 0 ? (
              <p className="muted">No steps.</p>
            ) : (
              <TableScroll label={path === "current" ? "Current path steps" : "Golden path steps"}>
                <table className="table">
                  <thead>
                    <tr>
                      <th>#</th>
                      <th>Step</th>
                      <th>Time</th>
                      <th>Pain</th>
                      <th>Load</th>
                      <th>Audit</th>
                      {path === "golden" ? <th>Outcome</th> : null}
                    </tr>
                  </thead>
                  <tbody>
                    {own.map((s, i) => (
                      <tr key={s.id}>
                        <td>{i + 1}</td>
                        <td>
                          <strong>{s.name}</strong>
                          {s.notes ? <div className="small muted">{s.notes}</div> : null}
                          {s.themes
                            .filter((t) => t.status === "accepted")
                            .map((t) => {
                              const e = evidenceById.get(t.backlogItemId);
                              return (
                                <div key={t.backlogItemId} className="small">
                                  Theme “{t.label}”:{" "}
                                  {!e || e.hidden
                                    ? `fewer than ${evidence.k} people, details hidden`
                                    : `${Math.round((e.share ?? 0) * 100)}% of respondents${e.quotes[0] ? ` — “${e.quotes[0]}”` : ""}`}
                                </div>
                              );
                            })}
                        </td>
                        <td className="nowrap">{formatMinutes(s.minutes)}</td>
                        <td>{painLabels[s.pain]}</td>
                        <td className="nowrap">
                          {loadTypeLabels[s.loadType]} {s.loadLevel}/5
                        </td>
                        <td className="small">
                          {auditFields
                            .filter((f) => s[f] > 0)
                            .map((f) => `${auditLabels[f]} ${s[f]}`)
                            .join(", ") || "—"}
                        </td>
                        {path === "golden" ? (
                          <td className="small">
                            {s.outcome ? outcomeLabels[s.outcome] : "—"}
                            {s.counterpartStepId ? (
                              <div className="muted">was: {nameById.get(s.counterpartStepId)}</div>
                            ) : null}
                          </td>
                        ) : null}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            )}
          </section>
        );
      })}
    </article>
  );
}
