import type { Metadata } from "next";
import Link from "next/link";
import { NewMapForm } from "@/components/journeys/new-map-form";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/guard";
import { requestFormatter } from "@/lib/request-locale";
import { formatMinutes, minutesSavedFromTotals } from "@/lib/journeys/comparison";
import { listJourneyMaps } from "@/lib/journeys/queries";
import { journeyTemplates } from "@/lib/journeys/templates";
import { maturityLabels } from "@/lib/journeys/types";

export const metadata: Metadata = { title: "Journeys" };

export default async function JourneysPage() {
  const user = await requireUser("viewer");
  const canEdit = user.role !== "viewer";
  const [maps, format] = await Promise.all([listJourneyMaps(), requestFormatter()]);
  const templates = journeyTemplates.map((t) => ({
    id: t.id,
    name: t.name,
    workflow: t.workflow,
    persona: t.persona,
    currentSteps: t.current.length,
    goldenSteps: t.golden.filter((g) => g.outcome !== "eliminated").length,
  }));
  return (
    <>
      <PageHeader
        title="Journey maps"
        description="Workflows step by step: where time and cognitive load go today, and the golden path that removes the extraneous part."
        actions={
          <Link className="btn" href="/journeys/timings">
            Baseline timings
          </Link>
        }
      />
      <div className="stack">
        {maps.length === 0 ? (
          <EmptyState title="No journey maps yet">
            {canEdit
              ? "Start from a template below, or map a workflow of your own."
              : "An editor has not mapped a workflow yet."}
          </EmptyState>
        ) : (
          <ul className="grid-2 journey-map-list" aria-label="Journey maps">
            {maps.map((m) => {
              const saved = minutesSavedFromTotals(m);
              return (
                <li className="card stack journey-map-card" key={m.id}>
                  <div>
                    <h2>
                      <Link href={`/journeys/${m.id}`}>{m.name}</Link>
                    </h2>
                    {m.workflow ? <p className="muted small">{m.workflow}</p> : null}
                    {m.persona ? <p className="small">For: {m.persona}</p> : null}
                  </div>
                  <dl className="journey-mini-stats">
                    <div>
                      <dt>Current</dt>
                      <dd>
                        {m.currentSteps} steps · {formatMinutes(m.currentMinutes)}
                      </dd>
                    </div>
                    <div>
                      <dt>Golden</dt>
                      <dd>
                        {m.goldenSteps} steps · {formatMinutes(m.goldenMinutes)}
                      </dd>
                    </div>
                    <div>
                      <dt>Saved</dt>
                      <dd>{m.currentSteps || m.goldenSteps ? formatMinutes(saved) : "—"}</dd>
                    </div>
                  </dl>
                  <div className="row">
                    <span
                      className="badge"
                      title={`${maturityLabels[m.maturityNow]} → ${maturityLabels[m.maturityTarget]}`}
                    >
                      Maturity {m.maturityNow} → {m.maturityTarget}
                    </span>
                    <span className="muted small">Updated {format.date(m.updatedAt)}</span>
                  </div>
                </li>
              );
            })}
          </ul>
        )}
        {canEdit ? <NewMapForm templates={templates} /> : null}
      </div>
    </>
  );
}
