"use client";
import { QueryError } from "@/components/ui/query-error";
import { useDeferredValue, useId, useState } from "react";
import { CardSkeleton } from "@/components/ui/skeleton";
import type { QuestionResult } from "@/lib/analytics/types";
import { HiddenValue } from "./analytics-card";
import { FilterBar } from "./filter-bar";
import { formatInterval, formatMean, formatNps, formatPct } from "./format";
import { useAnalyticsMeta, useAnalyticsSource, useSurveyComments, useSurveyResults } from "@/lib/analytics/hooks";
import { SuppressionNotice } from "./suppression-notice";
import { DriversCard } from "./drivers-card";
import { useAnalyticsFilter } from "./use-analytics-filter";
import { questionKindLabels, type QuestionKind } from "@/lib/surveys/constants";

const npsGroups = [
  { className: "nps-detractor", label: "Detractors", range: "0–6" },
  { className: "nps-passive", label: "Passives", range: "7–8" },
  { className: "nps-promoter", label: "Promoters", range: "9–10" },
] as const;
const npsClass = (v: string) => npsGroups[+v >= 9 ? 2 : +v >= 7 ? 1 : 0].className;

/** Says in words which colour is which NPS group, so the bars do not rely on colour alone. */
function NpsLegend() {
  return (
    <ul className="nps-legend small" aria-label="NPS groups" data-testid="nps-legend">
      {npsGroups.map((g) => (
        <li key={g.className}>
          <span className={`swatch ${g.className}`} aria-hidden />
          {g.label} ({g.range})
        </li>
      ))}
    </ul>
  );
}

function Distribution({ q, answered }: { q: QuestionResult; answered: number }) {
  if (q.result.hidden) return null;
  // Bars are shares of the people who answered this question (1 answer of 7 fills a seventh), not of the
  // most chosen value; with several choices per person the shares add up to more than 100%.
  const share = (count: number) => (answered ? (count / answered) * 100 : 0);
  return (
    <>
      {q.kind === "nps" ? <NpsLegend /> : null}
      <div className="results-bars" role="list" aria-label="Answer distribution">
        {q.result.buckets.map((b) => (
          <div className="results-bar" role="listitem" key={b.value} data-testid="result-bar">
            <span>{b.label}</span>
            <span className="track" aria-hidden>
              <span
                className={`fill ${q.kind === "nps" ? npsClass(b.value) : ""}`}
                style={{ width: `${share(b.count)}%` }}
              />
            </span>
            <span className="right small">
              {b.count} <span className="muted">({formatPct(share(b.count))})</span>
            </span>
          </div>
        ))}
      </div>
    </>
  );
}

function Highlight({ text, term }: { text: string; term: string }) {
  if (!term) return <>{text}</>;
  const parts = text.split(new RegExp(`(${term.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")})`, "i"));
  return <>{parts.map((p, i) => (i % 2 ? <mark key={i}>{p}</mark> : p))}</>;
}

function Comments({ surveyId, q, k }: { surveyId: string; q: QuestionResult; k: number }) {
  const { filter } = useAnalyticsFilter();
  const [search, setSearch] = useState("");
  const [offset, setOffset] = useState(0);
  const term = useDeferredValue(search.trim());
  const id = useId();
  const params = {
    team: filter.team,
    adoption: filter.adoption,
    question: q.id,
    q: term || undefined,
    offset: offset || undefined,
  };
  const query = useSurveyComments(surveyId, q.id, params);
  const page = query.data?.comments;
  return (
    <div className="stack">
      <div className="field">
        <label htmlFor={`${id}-search`}>Search answers</label>
        <input
          id={`${id}-search`}
          type="search"
          className="input"
          value={search}
          placeholder="e.g. deploy, flaky, docs"
          onChange={(e) => {
            setSearch(e.target.value);
            setOffset(0);
          }}
        />
      </div>
      {query.isPending ? (
        <CardSkeleton lines={2} />
      ) : query.isError ? (
        <QueryError
          what="these answers"
          error={query.error}
          onRetry={() => query.refetch()}
          retrying={query.isFetching}
        />
      ) : !page ? null : page.hidden ? (
        <HiddenValue k={k} reason={page.reason} />
      ) : page.total === 0 ? (
        <p className="muted">{term ? `No answers mention “${term}”.` : "No written answers."}</p>
      ) : (
        <>
          <p className="muted small" aria-live="polite">
            {page.total} answer{page.total === 1 ? "" : "s"}
            {term ? ` mentioning “${term}”` : ""} · showing {page.offset + 1}–{page.offset + page.items.length}
          </p>
          <ul className="comment-list">
            {page.items.map((text, i) => (
              <li key={`${page.offset}-${i}`}>
                <Highlight text={text} term={term} />
              </li>
            ))}
          </ul>
          <div className="row">
            <button
              type="button"
              className="btn btn-sm"
              disabled={page.offset === 0}
              onClick={() => setOffset(Math.max(0, page.offset - page.pageSize))}
            >
              Previous
            </button>
            <button
              type="button"
              className="btn btn-sm"
              disabled={page.offset + page.items.length >= page.total}
              onClick={() => setOffset(page.offset + page.pageSize)}
            >
              Next
            </button>
          </div>
        </>
      )}
    </div>
  );
}

function QuestionCard({
  surveyId,
  q,
  k,
  index,
  explained,
}: {
  surveyId: string;
  q: QuestionResult;
  k: number;
  index: number;
  /** The view's notice already says why results are hidden: no marker on every card. */
  explained: boolean;
}) {
  const r = q.result;
  const source = useAnalyticsSource();
  return (
    <section className="card stack" aria-labelledby={`q-${q.id}`} data-testid="question-result">
      <div className="row-between">
        <h2 className="analytics-card-title" id={`q-${q.id}`}>
          {index + 1}. {q.prompt}
        </h2>
        <span className="badge">{questionKindLabels[q.kind as QuestionKind] ?? q.kind}</span>
      </div>
      {q.rewordings.map((w) => (
        <p key={`${w.period}-${w.previousPrompt}`} className="small muted" data-testid="question-rewording">
          Reworded in {w.period}; before that it asked “{w.previousPrompt}”. Compare its trend with care.
        </p>
      ))}
      {r.hidden ? (
        explained ? null : (
          <HiddenValue k={k} reason={r.reason} />
        )
      ) : (
        <>
          <p className="muted small">
            {r.answered} answered
            {r.nps
              ? ` · NPS ${formatNps(r.nps.score)} (95% interval ${formatInterval(r.nps.ciLow, r.nps.ciHigh)})`
              : ""}
            {r.score ? ` · mean ${formatMean(r.score.mean)} · ${formatPct(r.score.favorablePct)} favorable` : ""}
          </p>
          {q.kind === "free_text" && !source.comments ? (
            <p className="muted small">Written answers are not included in this shared link.</p>
          ) : q.kind === "free_text" ? (
            <Comments surveyId={surveyId} q={q} k={k} />
          ) : (
            <Distribution q={q} answered={r.answered} />
          )}
        </>
      )}
    </section>
  );
}

export function SurveyResultsView({ surveyId }: { surveyId: string }) {
  const { filter, setFilter } = useAnalyticsFilter();
  const query = useSurveyResults(surveyId, filter);
  const meta = useAnalyticsMeta();
  const nameOf = (id: string) => meta.data?.teams.find((t) => t.id === id)?.name ?? "This team";
  const notice = query.data?.notice;
  return (
    <div className="stack">
      <FilterBar showPeriods={false} options={query.data?.options} />
      {notice ? (
        <SuppressionNotice notice={notice} k={query.data!.k} filter={filter} nameOf={nameOf} onChange={setFilter} />
      ) : null}
      {query.isPending ? (
        <CardSkeleton lines={4} />
      ) : query.isError ? (
        <QueryError
          what="the results"
          error={query.error}
          onRetry={() => query.refetch()}
          retrying={query.isFetching}
        />
      ) : query.data.questions.length === 0 ? (
        <div className="empty">This survey has no questions.</div>
      ) : (
        <>
          <div className="card row">
            <div>
              <div className="stat-label">Responses</div>
              <div className="stat">{query.data.total.hidden ? "—" : query.data.total.n}</div>
            </div>
            {query.data.total.hidden && !notice ? (
              <HiddenValue k={query.data.k} reason={query.data.total.reason} />
            ) : null}
          </div>
          <DriversCard surveyId={surveyId} explained={!!notice} />
          {query.data.questions.map((q, i) => (
            <QuestionCard key={q.id} surveyId={surveyId} q={q} k={query.data.k} index={i} explained={!!notice} />
          ))}
        </>
      )}
    </div>
  );
}
