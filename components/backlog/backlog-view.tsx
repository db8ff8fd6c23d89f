"use client";
import { QueryError } from "@/components/ui/query-error";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { EmptyState } from "@/components/ui/empty-state";
import { InputField } from "@/components/ui/field";
import { CardSkeleton } from "@/components/ui/skeleton";
import {
  backlogExportHref,
  useBacklog,
  useBacklogAnalysis,
  useBuildBacklog,
  useUpdateBacklogThresholds,
  type BacklogData,
  type DashboardBacklogData,
} from "@/lib/backlog/hooks";
import type { BacklogScopeOptions } from "@/lib/backlog/queries";
import { parseScope, quartersScope } from "@/lib/backlog/scope";
import { analysisStageLabels } from "@/lib/backlog/constants";
import { percent } from "./format";
import { ImpactScatter } from "./impact-scatter";
import { ItemDetail } from "./item-detail";
import { RankedList } from "./ranked-list";
import { CUSTOM_RANGE, scopeChoices, scopeLabel } from "./scope-label";
import { InlineError } from "@/components/ui/form-status";
import { ClientForm } from "@/components/ui/client-form";
import { useFormat } from "@/components/ui/locale";
import { DashboardPick } from "./dashboard-pick";

export function BacklogView({
  canEdit,
  options,
  initialScope,
  initialView,
  initialDashboard,
}: {
  canEdit: boolean;
  options: BacklogScopeOptions;
  initialScope: string | null;
  initialView: BacklogData | null;
  initialDashboard?: DashboardBacklogData;
}) {
  const router = useRouter();
  const [scope, setScope] = useState(initialScope);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [rangeOpen, setRangeOpen] = useState(false);
  const choices = scopeChoices(options, scope);
  const groups = [...new Set(choices.map((c) => c.group))];
  const scopeId = useId();
  const describeScope = (value: string) => scopeLabel(value, options);

  function show(next: string) {
    setScope(next);
    setSelectedId(null);
    setRangeOpen(false);
    router.replace(`/backlog?scope=${encodeURIComponent(next)}`, { scroll: false });
  }

  const view = useBacklog(scope, { scope: initialScope, view: initialView });

  if (choices.length === 1 && options.frictionCount === 0 && options.surveys.length === 0) {
    return (
      <EmptyState title="Nothing to analyse yet">
        Themes appear once a survey has free-text answers or the friction log has entries.
      </EmptyState>
    );
  }

  const data = view.data;
  const selected = data?.items.find((i) => i.id === selectedId) ? selectedId : null;

  return (
    <div className="stack">
      <section className="card backlog-toolbar" aria-label="What to analyse">
        <div className="row backlog-toolbar-row">
          <div className="field backlog-scope">
            <label htmlFor={scopeId}>Answers from</label>
            <select
              id={scopeId}
              className="input"
              value={scope ?? ""}
              onChange={(e) => (e.target.value === CUSTOM_RANGE ? setRangeOpen(true) : show(e.target.value))}
            >
              {groups.map((g) => (
                <optgroup key={g} label={g}>
                  {choices
                    .filter((c) => c.group === g)
                    .map((c) => (
                      <option key={c.value} value={c.value}>
                        {c.label}
                      </option>
                    ))}
                </optgroup>
              ))}
            </select>
          </div>
          {rangeOpen ? (
            <QuarterRange
              periods={options.periods}
              current={scope}
              onShow={show}
              onCancel={() => setRangeOpen(false)}
            />
          ) : null}
          {scope && canEdit ? (
            <AnalyseForm scope={scope} describeScope={describeScope} onBuilt={() => setSelectedId(null)} />
          ) : null}
          {scope && data && data.items.length ? (
            <a className="btn" href={backlogExportHref(scope)} download data-testid="export-csv">
              Download CSV
            </a>
          ) : null}
        </div>
        {data?.run ? (
          <p className="small muted backlog-run" data-testid="backlog-run">
            Last analysed{" "}
            {new Date(data.run.ranAt).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" })}:{" "}
            {data.run.textCount} answers grouped into <strong data-testid="chosen-k">{data.run.chosenK}</strong> themes
            ({data.run.requestedK ? "number set by hand" : "number chosen automatically"})
            {data.items.length !== data.run.chosenK ? `, ${data.items.length} in the list after curation` : ""}.{" "}
            {data.population.respondents} respondents in scope; themes mentioned by fewer than {data.anonymityThreshold}{" "}
            people show no quotes.
          </p>
        ) : null}
        {scope && data ? (
          <DashboardPick
            scope={scope}
            analysed={data.run !== null}
            canEdit={canEdit}
            describeScope={describeScope}
            initial={initialDashboard}
          />
        ) : null}
      </section>

      {scope === null ? null : view.isPending ? (
        <div className="grid-2">
          <CardSkeleton lines={4} />
          <CardSkeleton lines={6} />
        </div>
      ) : view.isError ? (
        <QueryError what="the backlog" error={view.error} onRetry={() => view.refetch()} retrying={view.isFetching} />
      ) : !data!.run && data!.items.length === 0 ? (
        <EmptyState title={`${scopeLabel(scope, options)} has not been analysed yet`}>
          {canEdit
            ? "Analyse the answers to group them into themes, ranked by impact and frequency."
            : "An editor can analyse these answers to build the backlog."}
        </EmptyState>
      ) : data!.items.length === 0 ? (
        <EmptyState title="No themes">There are no free-text answers in this scope yet.</EmptyState>
      ) : (
        <>
          <div className="backlog-grid">
            <section className="card" aria-labelledby="scatter-heading">
              <div className="card-title">
                <h2 id="scatter-heading">Impact × frequency</h2>
              </div>
              <ImpactScatter
                items={data!.items}
                thresholds={data!.thresholds}
                selectedId={selected}
                onSelect={setSelectedId}
              />
              <Thresholds thresholds={data!.thresholds} canEdit={canEdit} />
            </section>
            <section className="card" aria-labelledby="ranked-heading">
              <div className="card-title">
                <h2 id="ranked-heading">Ranked themes</h2>
                <span className="small muted">{data!.items.length} themes</span>
              </div>
              <p className="small muted">
                Rank = share × impact ÷ effort (S 1, M 2, L 4). Done and won’t-do sink to the bottom.
              </p>
              <RankedList items={data!.items} selectedId={selected} onSelect={setSelectedId} />
            </section>
          </div>
          {selected ? (
            <ItemDetail
              key={selected}
              itemId={selected}
              items={data!.items}
              canEdit={canEdit}
              population={data!.population}
              onSelect={setSelectedId}
              describeScope={describeScope}
            />
          ) : (
            <p className="muted small">
              Choose a theme in the list or the chart to see what people wrote{canEdit ? " and curate it" : ""}.
            </p>
          )}
        </>
      )}
    </div>
  );
}

function AnalyseForm({
  scope,
  describeScope,
  onBuilt,
}: {
  scope: string;
  describeScope: (scope: string) => string;
  onBuilt: () => void;
}) {
  const f = useFormat();
  const [k, setK] = useState("");
  const build = useBuildBacklog({ onSuccess: onBuilt });
  const { analysis, running } = useBacklogAnalysis(scope);
  const errors = build.fieldErrors;
  // The outcome is news only for the analysis this page asked for; a reload shows the one still running.
  const mine = analysis && build.data?.analysis.id === analysis.id ? analysis : null;
  return (
    <ClientForm
      className="row backlog-analyse"
      onSubmit={() => {
        build.mutate({ scope, k: k.trim() ? Number(k) : null });
      }}
    >
      <InputField
        label="Number of themes"
        hint="Empty: chosen automatically"
        error={errors.k}
        className="input backlog-k"
        type="number"
        min={2}
        max={40}
        inputMode="numeric"
        value={k}
        onChange={(e) => setK(e.target.value)}
      />
      <button className="btn btn-primary" disabled={build.isPending || running}>
        {build.isPending || running ? "Analysing…" : "Analyse answers"}
      </button>
      <span role="status" className="small" data-testid="analysis-status">
        {running && analysis ? (
          <>
            {analysis.stage ? analysisStageLabels[analysis.stage] : "Waiting to start"} · {analysis.percent}%{" "}
            <progress className="analysis-progress" max={100} value={analysis.percent} aria-label="Analysis progress" />
          </>
        ) : mine?.state === "done" && mine.run ? (
          `Done: ${mine.run.chosenK} themes, ${mine.run.itemsMatched} kept with their edits, ${mine.run.itemsCreated} new` +
          (mine.run.carriedFrom
            ? `, ${mine.run.itemsCarried} of them curated as in ${describeScope(mine.run.carriedFrom.scope)} (analysed ${f.date(mine.run.carriedFrom.ranAt)}).`
            : ".")
        ) : analysis?.state === "failed" && (mine || !build.data) ? (
          <span className="job-error">The last analysis failed: {analysis.error ?? "no reason recorded"}.</span>
        ) : (
          ""
        )}
      </span>
      <InlineError message={build.generalError} />
    </ClientForm>
  );
}

function Thresholds({
  thresholds,
  canEdit,
}: {
  thresholds: { frequencyThreshold: number; impactThreshold: number };
  canEdit: boolean;
}) {
  const save = useUpdateBacklogThresholds();
  const errors = save.fieldErrors;
  if (!canEdit) {
    return (
      <p className="small muted">
        Frequent from {percent(thresholds.frequencyThreshold)} of respondents; painful from an impact of{" "}
        {thresholds.impactThreshold.toFixed(2)}.
      </p>
    );
  }
  return (
    <form
      className="row backlog-thresholds"
      aria-label="Quadrant thresholds"
      key={`${thresholds.frequencyThreshold}-${thresholds.impactThreshold}`}
      onSubmit={(e) => {
        e.preventDefault();
        const form = new FormData(e.currentTarget);
        save.mutate({
          frequencyThreshold: Number(form.get("frequency")) / 100,
          impactThreshold: Number(form.get("impact")),
        });
      }}
    >
      <InputField
        label="Frequent from (% of respondents)"
        error={errors.frequencyThreshold}
        name="frequency"
        type="number"
        min={1}
        max={100}
        step={1}
        defaultValue={Math.round(thresholds.frequencyThreshold * 100)}
      />
      <InputField
        label="Painful from (impact 0–1)"
        error={errors.impactThreshold}
        name="impact"
        type="number"
        min={0}
        max={1}
        step={0.05}
        defaultValue={thresholds.impactThreshold}
      />
      <button className="btn btn-sm" disabled={save.isPending}>
        {save.isPending ? "Saving…" : "Apply"}
      </button>
      <InlineError message={save.generalError} />
    </form>
  );
}

/** From–to quarter fields for a custom range; the earlier quarter always comes first. */
function QuarterRange({
  periods,
  current,
  onShow,
  onCancel,
}: {
  periods: string[];
  current: string | null;
  onShow: (scope: string) => void;
  onCancel: () => void;
}) {
  const shown = current ? parseScope(current) : null;
  const [from, setFrom] = useState(shown?.kind === "periods" ? shown.from : periods[0]);
  const [to, setTo] = useState(shown?.kind === "periods" ? shown.to : periods[periods.length - 1]);
  const fromId = useId();
  const toId = useId();
  const [first, last] = from <= to ? [from, to] : [to, from];
  return (
    <ClientForm
      className="row backlog-range"
      aria-label="Custom range of quarters"
      onSubmit={() => {
        onShow(quartersScope(first, last));
      }}
      onKeyDown={(e) => e.key === "Escape" && onCancel()}
    >
      <div className="field">
        <label htmlFor={fromId}>From</label>
        <select id={fromId} className="input" value={from} onChange={(e) => setFrom(e.target.value)} autoFocus>
          {periods.map((p) => (
            <option key={p}>{p}</option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={toId}>To</label>
        <select id={toId} className="input" value={to} onChange={(e) => setTo(e.target.value)}>
          {periods.map((p) => (
            <option key={p}>{p}</option>
          ))}
        </select>
      </div>
      <button type="submit" className="btn btn-primary">
        Show {first === last ? first : `${first} – ${last}`}
      </button>
      <button type="button" className="btn btn-ghost" onClick={onCancel}>
        Cancel
      </button>
    </ClientForm>
  );
}
