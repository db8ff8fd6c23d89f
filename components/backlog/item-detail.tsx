"use client";
import { QueryError } from "@/components/ui/query-error";
import { PlanPanel } from "@/components/targets/plan-panel";
import { useEffect, useRef, useState } from "react";
import { CardSkeleton } from "@/components/ui/skeleton";
import { Field, InputField } from "@/components/ui/field";
import {
  useBacklogItem,
  useMergeBacklogItem,
  useMoveThemeMembers,
  useUnmergeBacklogItem,
  useUpdateBacklogItem,
} from "@/lib/backlog/hooks";
import type { BacklogItemDetail, BacklogListItem } from "@/lib/backlog/queries";
import { IMPACT_WEIGHTS, quadrantLabels } from "@/lib/backlog/prioritise";
import { decimal, percent, quadrantBadge, statusBadge } from "./format";
import { MentionRateChart } from "./mention-rate-chart";
import { BACKLOG_STATUSES, backlogStatusLabels, EFFORTS } from "@/lib/backlog/constants";
import { TableScroll } from "@/components/ui/table-scroll";
import { InlineError, SubmitRow } from "@/components/ui/form-status";
import { Options, RecordOptions } from "@/components/ui/options";
import { ClientForm } from "@/components/ui/client-form";
import { CarriedFrom } from "./carried-from";
import { SubThemes } from "./sub-themes";
import { groupQuotes } from "./group-quotes";

const NEW_THEME = "__new__";

export function ItemDetail({
  itemId,
  items,
  canEdit,
  population,
  onSelect,
  describeScope = (scope) => scope,
}: {
  itemId: string;
  items: BacklogListItem[];
  canEdit: boolean;
  population: { nps: number | null; likert: number | null };
  onSelect: (id: string | null) => void;
  /** A scope's human name, for "carried from …". */
  describeScope?: (scope: string) => string;
}) {
  const query = useBacklogItem(itemId);
  const heading = useRef<HTMLHeadingElement>(null);
  // Held here, not in the form: saving a status, name or effort re-keys the form, which would forget it.
  const [savedItemId, setSavedItemId] = useState<string | null>(null);
  const loaded = query.isSuccess;
  // Opening a theme moves focus (and the view) to its details, below the chart and list.
  useEffect(() => {
    if (!loaded) return;
    heading.current?.focus({ preventScroll: true });
    heading.current?.scrollIntoView({ block: "start", behavior: "smooth" });
  }, [loaded]);
  if (query.isPending) return <CardSkeleton lines={6} />;
  if (query.isError) {
    return (
      <QueryError what="this theme" error={query.error} onRetry={() => query.refetch()} retrying={query.isFetching} />
    );
  }
  const detail = query.data;
  const item = detail.item;
  const others = items.filter((i) => i.id !== item.id);
  const marker =
    item.statusChangedPeriod && item.status !== "new"
      ? { period: item.statusChangedPeriod, label: backlogStatusLabels[item.status] }
      : null;

  return (
    <section
      className="card stack backlog-detail"
      aria-labelledby="backlog-detail-heading"
      data-testid="backlog-detail"
    >
      <div className="row-between">
        <div>
          <h2 id="backlog-detail-heading" ref={heading} tabIndex={-1}>
            {item.label}
          </h2>
          <div className="row">
            <span className={quadrantBadge[item.quadrant]}>{quadrantLabels[item.quadrant]}</span>
            <span className={statusBadge[item.status]} data-testid="detail-status">
              {backlogStatusLabels[item.status]}
            </span>
            {item.effort ? <span className="badge">Effort {item.effort}</span> : null}
            {item.owner ? <span className="small muted">Owner: {item.owner}</span> : null}
            {item.customLabel ? <span className="small muted">Generated name: {item.generatedLabel}</span> : null}
          </div>
        </div>
        <button type="button" className="btn btn-sm btn-ghost" onClick={() => onSelect(null)}>
          Close
        </button>
      </div>
      <CarriedFrom item={item} canEdit={canEdit} describeScope={describeScope} />

      <div className="grid-4">
        <div>
          <div className="stat">{item.respondents}</div>
          <div className="stat-label">respondents mention it</div>
        </div>
        <div>
          <div className="stat">{percent(item.share, 1)}</div>
          <div className="stat-label">of respondents in scope</div>
        </div>
        <div>
          <div className="stat">{item.impact.toFixed(2)}</div>
          <div className="stat-label">impact (0–1)</div>
        </div>
        <div>
          <div className="stat">{decimal(item.sentiment)}</div>
          <div className="stat-label">mean sentiment (−1 to 1)</div>
        </div>
      </div>

      <details className="backlog-explain">
        <summary>How impact is calculated</summary>
        <p className="small">
          Impact = {IMPACT_WEIGHTS.nps} × NPS pain + {IMPACT_WEIGHTS.likert} × score pain + {IMPACT_WEIGHTS.sentiment} ×
          negative share. A pain component is 0.5 when the people who mention this theme score like everyone in scope, 1
          when they score 20% of the scale lower (2 NPS points, 0.8 on the 1–5 questions) and 0 when 20% higher.
          Components without data are left out and the rest re-weighted.
        </p>
        <TableScroll label="How impact is calculated">
          <table className="table small">
            <thead>
              <tr>
                <th>Component</th>
                <th>Mentioners</th>
                <th>Everyone</th>
                <th className="right">Value</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <td>NPS pain</td>
                <td>{decimal(item.mentionersNps, 1)}</td>
                <td>{decimal(population.nps, 1)}</td>
                <td className="right">{decimal(item.impactComponents.nps)}</td>
              </tr>
              <tr>
                <td>Score (1–5) pain</td>
                <td>{decimal(item.mentionersLikert)}</td>
                <td>{decimal(population.likert)}</td>
                <td className="right">{decimal(item.impactComponents.likert)}</td>
              </tr>
              <tr>
                <td>Negative mentions</td>
                <td colSpan={2}>
                  {item.negativeShare === null ? "—" : `${percent(item.negativeShare)} of ${item.mentions} mentions`}
                </td>
                <td className="right">{decimal(item.impactComponents.sentiment)}</td>
              </tr>
            </tbody>
          </table>
        </TableScroll>
      </details>

      <div>
        <h3>Mention rate per quarter</h3>
        {item.mentionRates.length > 1 ? (
          <MentionRateChart rates={item.mentionRates} marker={marker} />
        ) : (
          <p className="small muted">
            {item.mentionRates[0]?.rate != null
              ? `${percent(item.mentionRates[0].rate, 1)} of respondents in ${item.mentionRates[0].period}. `
              : ""}
            Analyse a range of quarters to follow this theme over time.
          </p>
        )}
      </div>

      <SubThemes detail={detail} canEdit={canEdit} onSelect={onSelect} />

      {detail.quotesHidden ? (
        <div className="alert alert-info" data-testid="quotes-hidden">
          Fewer than {detail.anonymityThreshold} people mention this theme, so its answers and team breakdown stay
          hidden to protect their anonymity.
        </div>
      ) : (
        <>
          <TeamReach detail={detail} />
          <Quotes detail={detail} others={others} canEdit={canEdit} onSelect={onSelect} />
        </>
      )}

      {item.mergedFrom.length ? <MergedFrom item={item} canEdit={canEdit} /> : null}
      {canEdit ? (
        <CurationForm
          key={`${item.id}-${item.status}-${item.customLabel}-${item.effort}`}
          item={item}
          saved={savedItemId === item.id}
          onSavedChange={(saved) => setSavedItemId(saved ? item.id : null)}
        />
      ) : null}
      <PlanPanel itemId={item.id} owner={item.owner} canEdit={canEdit} />
      {canEdit && others.length ? <MergeForm item={item} others={others} onSelect={onSelect} /> : null}
    </section>
  );
}

function TeamReach({ detail }: { detail: BacklogItemDetail }) {
  if (!detail.teams.length && !detail.hiddenTeamMentioners) return null;
  return (
    <div>
      <h3>Reach by team</h3>
      <TableScroll label="Reach by team">
        <table className="table">
          <thead>
            <tr>
              <th>Team</th>
              <th className="right">Mention it</th>
              <th className="right">Share of the team’s respondents</th>
            </tr>
          </thead>
          <tbody>
            {detail.teams.map((t) => (
              <tr key={t.teamId ?? "none"}>
                <td>{t.name}</td>
                <td className="right">{t.mentioners}</td>
                <td className="right">{percent(t.share)}</td>
              </tr>
            ))}
            {detail.hiddenTeamMentioners ? (
              <tr>
                <td className="muted" colSpan={3}>
                  {detail.hiddenTeamMentioners} more in teams with fewer than {detail.anonymityThreshold} mentions (not
                  shown)
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </TableScroll>
    </div>
  );
}

function Quotes({
  detail,
  others,
  canEdit,
  onSelect,
}: {
  detail: BacklogItemDetail;
  others: BacklogListItem[];
  canEdit: boolean;
  onSelect: (id: string | null) => void;
}) {
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [target, setTarget] = useState("");
  const [newLabel, setNewLabel] = useState("");
  const move = useMoveThemeMembers(detail.item.id, {
    onSuccess: () => {
      setSelected(new Set());
      setNewLabel("");
    },
  });
  const errors = move.fieldErrors;
  const toggle = (ids: string[], on: boolean) =>
    setSelected((prev) => {
      const next = new Set(prev);
      for (const id of ids) {
        if (on) next.add(id);
        else next.delete(id);
      }
      return next;
    });

  return (
    <div className="stack">
      <h3>
        What people wrote{" "}
        <span className="muted small">
          ({detail.quoteCount} answers
          {detail.quotes.length < detail.quoteCount ? `, first ${detail.quotes.length} shown` : ""})
        </span>
      </h3>
      {/* Focusable so keyboard users can scroll a long list of quotes. */}
      <ul className="backlog-quotes" tabIndex={0} aria-label="Answers in this theme">
        {groupQuotes(detail.quotes).map((group) => {
          const q = group[0];
          const checked = group.every((g) => selected.has(g.id));
          return (
            <li key={q.id} className={q.representative ? "representative" : undefined}>
              {canEdit ? (
                <label className="backlog-quote-check">
                  <input
                    type="checkbox"
                    checked={checked}
                    onChange={() =>
                      toggle(
                        group.map((g) => g.id),
                        !checked,
                      )
                    }
                  />
                  <span className="sr-only">
                    Select {group.length > 1 ? `these ${group.length} answers` : "answer"}
                  </span>
                </label>
              ) : null}
              <blockquote>{q.text}</blockquote>
              <span className="row small muted">
                {group.length > 1 ? <span className="badge">{group.length} answers like this</span> : null}
                {q.representative ? <span className="badge badge-accent">Representative</span> : null}
                {group.some((g) => g.pinned) ? (
                  <span className="badge" title="Moved here by hand; re-analysis keeps it here">
                    Placed by hand
                  </span>
                ) : null}
                {q.source === "friction" ? <span className="badge">Friction log</span> : null}
              </span>
            </li>
          );
        })}
      </ul>
      {canEdit ? (
        <ClientForm
          className="backlog-move row"
          aria-label="Move selected answers"
          onSubmit={() => {
            move.mutate({
              memberIds: [...selected],
              ...(target === NEW_THEME ? { newLabel } : { targetId: target || undefined }),
            });
          }}
        >
          <Field
            label={`Move ${selected.size || ""} selected answer${selected.size === 1 ? "" : "s"} to`}
            error={errors.targetId ?? errors.memberIds}
          >
            {(p) => (
              <select {...p} className="input" value={target} onChange={(e) => setTarget(e.target.value)}>
                <option value="">Choose a theme…</option>
                <option value={NEW_THEME}>A new theme (split)</option>
                <RecordOptions records={others} />
              </select>
            )}
          </Field>
          {target === NEW_THEME ? (
            <InputField
              label="New theme name"
              error={errors.newLabel}
              value={newLabel}
              onChange={(e) => setNewLabel(e.target.value)}
              maxLength={120}
            />
          ) : null}
          <button className="btn" disabled={move.isPending || selected.size === 0 || !target}>
            {move.isPending ? "Moving…" : "Move"}
          </button>
          {move.isSuccess ? (
            <button type="button" className="btn btn-ghost btn-sm" onClick={() => onSelect(move.data.targetId)}>
              Open the theme they moved to
            </button>
          ) : null}
          <InlineError message={move.generalError} />
        </ClientForm>
      ) : null}
    </div>
  );
}

function MergedFrom({ item, canEdit }: { item: BacklogListItem; canEdit: boolean }) {
  const unmerge = useUnmergeBacklogItem();
  return (
    <div>
      <h3>Merged into this theme</h3>
      <ul className="backlog-merged">
        {item.mergedFrom.map((m) => (
          <li key={m.id} className="row">
            <span>{m.label}</span>
            {canEdit ? (
              <button
                type="button"
                className="btn btn-sm btn-ghost"
                onClick={() => unmerge.mutate(m.id)}
                disabled={unmerge.isPending}
              >
                Undo merge
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {unmerge.error ? (
        <p className="field-error" role="alert">
          {unmerge.error.message}
        </p>
      ) : null}
    </div>
  );
}

function CurationForm({
  item,
  saved,
  onSavedChange,
}: {
  item: BacklogListItem;
  saved: boolean;
  onSavedChange: (saved: boolean) => void;
}) {
  const save = useUpdateBacklogItem(item.id, { onSuccess: () => onSavedChange(true) });
  const errors = save.fieldErrors;
  return (
    <form
      className="stack backlog-curate"
      aria-label="Curate this theme"
      // A new edit makes the last "Saved" stale.
      onChange={() => saved && onSavedChange(false)}
      onSubmit={(e) => {
        e.preventDefault();
        onSavedChange(false);
        const form = new FormData(e.currentTarget);
        const name = String(form.get("customLabel") ?? "").trim();
        save.mutate({
          customLabel: name && name !== item.generatedLabel ? name : null,
          effort: form.get("effort") ? String(form.get("effort")) : null,
          status: String(form.get("status")),
          owner: String(form.get("owner") ?? ""),
          notes: String(form.get("notes") ?? ""),
        });
      }}
    >
      <h3>Curate</h3>
      <div className="grid-2">
        <InputField
          label="Name"
          hint="Leave empty to use the generated name."
          error={errors.customLabel}
          name="customLabel"
          defaultValue={item.customLabel ?? ""}
          placeholder={item.generatedLabel}
          maxLength={120}
        />
        <InputField label="Owner" error={errors.owner} name="owner" defaultValue={item.owner} maxLength={100} />
        <Field label="Status" error={errors.status}>
          {(p) => (
            <select {...p} className="input" name="status" defaultValue={item.status}>
              <Options values={BACKLOG_STATUSES} labels={backlogStatusLabels} />
            </select>
          )}
        </Field>
        <Field label="Effort" hint="S, M or L: the rank divides by 1, 2 or 4." error={errors.effort}>
          {(p) => (
            <select {...p} className="input" name="effort" defaultValue={item.effort ?? ""}>
              <option value="">Not sized</option>
              <Options values={EFFORTS} />
            </select>
          )}
        </Field>
      </div>
      <Field label="Notes" error={errors.notes}>
        {(p) => <textarea {...p} className="input" name="notes" defaultValue={item.notes} maxLength={4000} />}
      </Field>
      <SubmitRow mutation={save} label="Save changes" pendingLabel="Saving…" done={saved} doneLabel="Saved" />
    </form>
  );
}

function MergeForm({
  item,
  others,
  onSelect,
}: {
  item: BacklogListItem;
  others: BacklogListItem[];
  onSelect: (id: string | null) => void;
}) {
  const [target, setTarget] = useState("");
  const merge = useMergeBacklogItem(item.id, { onSuccess: (data) => onSelect(data.target.id) });
  const errors = merge.fieldErrors;
  return (
    <ClientForm
      className="row backlog-merge"
      aria-label="Merge this theme"
      onSubmit={() => {
        merge.mutate({ targetId: target });
      }}
    >
      <Field
        label="Merge this theme into"
        hint="Its answers count towards the other theme from now on, also after re-analysis."
        error={errors.targetId}
      >
        {(p) => (
          <select {...p} className="input" value={target} onChange={(e) => setTarget(e.target.value)}>
            <option value="">Choose a theme…</option>
            <RecordOptions records={others} />
          </select>
        )}
      </Field>
      <button className="btn" disabled={!target || merge.isPending}>
        {merge.isPending ? "Merging…" : "Merge"}
      </button>
      <InlineError message={merge.generalError} />
    </ClientForm>
  );
}
