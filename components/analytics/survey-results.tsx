"use client";
import { useDeferredValue, useId, useState } from "react";
import { CardSkeleton } from "@/components/ui/skeleton";
import type { QuestionResult } from "@/lib/analytics/types";
import { HiddenValue } from "./analytics-card";
import { FilterBar } from "./filter-bar";
import { formatInterval, formatMean, formatNps, formatPct } from "./format";
import { useSurveyComments, useSurveyResults } from "@/lib/analytics/hooks";
import { useAnalyticsFilter } from "./use-analytics-filter";

const npsClass = (v: string) => (+v >= 9 ? "nps-promoter" : +v >= 7 ? "nps-passive" : "nps-detractor");

function Distribution({ q }: { q: QuestionResult }) {
  if (q.result.hidden) return null;
  const max = Math.max(1, ...q.result.buckets.map((b) => b.count));
  const total = q.result.buckets.reduce((s, b) => s + b.count, 0) || 1;
  return (
    <div className="results-bars" role="list" aria-label="Answer distribution">
      {q.result.buckets.map((b) => (
        <div className="results-bar" role="listitem" key={b.value}>
          <span>{b.label}</span>
          <span className="track" aria-hidden>
            <span
              className={`fill ${q.kind === "nps" ? npsClass(b.value) : ""}`}
              style={{ width: `${(b.count / max) * 100}%` }}
            />
          </span>
          <span className="right small">
            {b.count} <span className="muted">({formatPct((b.count / total) * 100)})</span>
          </span>
        </div>
      ))}
    </div>
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
        <div className="alert alert-error" role="alert">
          {(query.error as Error).message}
        </div>
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

function QuestionCard({ surveyId, q, k, index }: { surveyId: string; q: QuestionResult; k: number; index: number }) {
  const r = q.result;
  return (
    <section className="card stack" aria-labelledby={`q-${q.id}`} data-testid="question-result">
      <div className="row-between">
        <h2 className="analytics-card-title" id={`q-${q.id}`}>
          {index + 1}. {q.prompt}
        </h2>
        <span className="badge">{q.kind.replace("_", " ")}</span>
      </div>
      {q.rewordings.map((w) => (
        <p key={`${w.period}-${w.previousPrompt}`} className="small muted" data-testid="question-rewording">
          Reworded in {w.period}; before that it asked “{w.previousPrompt}”. Compare its trend with care.
        </p>
      ))}
      {r.hidden ? (
        <HiddenValue k={k} reason={r.reason} />
      ) : (
        <>
          <p className="muted small">
            {r.answered} answered
            {r.nps
              ? ` · NPS ${formatNps(r.nps.score)} (95% interval ${formatInterval(r.nps.ciLow, r.nps.ciHigh)})`
              : ""}
            {r.score ? ` · mean ${formatMean(r.score.mean)} · ${formatPct(r.score.favorablePct)} favorable` : ""}
          </p>
          {q.kind === "free_text" ? <Comments surveyId={surveyId} q={q} k={k} /> : <Distribution q={q} />}
        </>
      )}
    </section>
  );
}

export function SurveyResultsView({ surveyId }: { surveyId: string }) {
  const { filter } = useAnalyticsFilter();
  const query = useSurveyResults(surveyId, filter);
  return (
    <div className="stack">
      <FilterBar showPeriods={false} />
      {query.isPending ? (
        <CardSkeleton lines={4} />
      ) : query.isError ? (
        <div className="alert alert-error" role="alert">
          {(query.error as Error).message}
        </div>
      ) : query.data.questions.length === 0 ? (
        <div className="empty">This survey has no questions.</div>
      ) : (
        <>
          <div className="card row">
            <div>
              <div className="stat-label">Responses</div>
              <div className="stat">{query.data.total.hidden ? "—" : query.data.total.n}</div>
            </div>
            {query.data.total.hidden ? <HiddenValue k={query.data.k} reason={query.data.total.reason} /> : null}
          </div>
          {query.data.questions.map((q, i) => (
            <QuestionCard key={q.id} surveyId={surveyId} q={q} k={query.data.k} index={i} />
          ))}
        </>
      )}
    </div>
  );
}
