"use client";
import { useState } from "react";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { InputField } from "@/components/ui/field";
import { ClientForm } from "@/components/ui/client-form";
import { DoneBadge, InlineError } from "@/components/ui/form-status";
import { usePromoteSubTheme, useRenameSubTheme } from "@/lib/backlog/hooks";
import type { BacklogItemDetail } from "@/lib/backlog/queries";
import { percent } from "./format";
import { groupQuotes } from "./group-quotes";

type SubTheme = BacklogItemDetail["subThemes"][number];

/**
 * The finer groups a theme's answers hold: a PM opens one to read its answers, renames it, or
 * promotes it to a theme of its own. Counts and quotes come already suppressed from the server
 * (lib/backlog/sub-theme-view.ts); a hidden sub-theme shows its name only.
 */
export function SubThemes({
  detail,
  canEdit,
  onSelect,
}: {
  detail: BacklogItemDetail;
  canEdit: boolean;
  onSelect: (id: string | null) => void;
}) {
  const [open, setOpen] = useState<string | null>(null);
  if (!detail.subThemes.length) return null;
  const anyHidden = detail.subThemes.some((s) => s.hidden);
  return (
    <div className="stack" data-testid="sub-themes">
      <h3>
        Sub-themes <span className="muted small">({detail.subThemes.length})</span>
      </h3>
      {anyHidden ? (
        <p className="small muted" data-testid="sub-themes-hidden-note">
          Counts and answers of some sub-themes are hidden: fewer than {detail.anonymityThreshold} people, or the
          theme’s total minus the other sub-themes would give such a group.
        </p>
      ) : null}
      <ul className="sub-themes">
        {detail.subThemes.map((sub) => (
          <li key={sub.id} data-testid="sub-theme">
            <button
              type="button"
              className="sub-theme-toggle"
              aria-expanded={open === sub.id}
              aria-controls={`sub-theme-${sub.id}`}
              onClick={() => setOpen(open === sub.id ? null : sub.id)}
            >
              <span className="sub-theme-name">{sub.label}</span>
              <span className="small muted" data-testid="sub-theme-figures">
                {sub.hidden
                  ? "hidden"
                  : `${sub.answers} answers · ${percent(sub.share ?? 0)} of the theme’s respondents`}
              </span>
            </button>
            {open === sub.id ? (
              <div id={`sub-theme-${sub.id}`} className="stack sub-theme-body">
                <OpenSubTheme sub={sub} detail={detail} canEdit={canEdit} onSelect={onSelect} />
              </div>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

function OpenSubTheme({
  sub,
  detail,
  canEdit,
  onSelect,
}: {
  sub: SubTheme;
  detail: BacklogItemDetail;
  canEdit: boolean;
  onSelect: (id: string | null) => void;
}) {
  return (
    <>
      {sub.terms.length ? <p className="small muted">Terms: {sub.terms.slice(0, 6).join(", ")}</p> : null}
      {sub.hidden ? (
        <div className="alert alert-info" data-testid="sub-theme-hidden">
          {sub.hidden === "below_threshold"
            ? `Fewer than ${detail.anonymityThreshold} people are in this sub-theme, so its count and answers stay hidden.`
            : "Its count and answers stay hidden: with the other sub-themes they would reveal a smaller group."}
        </div>
      ) : (
        <ul className="backlog-quotes" tabIndex={0} aria-label={`Answers in ${sub.label}`}>
          {groupQuotes(sub.quotes).map((group) => {
            const q = group[0];
            return (
              <li key={q.id} className={q.representative ? "representative" : undefined}>
                <blockquote>{q.text}</blockquote>
                {group.length > 1 || q.representative ? (
                  <span className="row small muted">
                    {group.length > 1 ? <span className="badge">{group.length} answers like this</span> : null}
                    {q.representative ? <span className="badge badge-accent">Representative</span> : null}
                  </span>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
      {canEdit ? <SubThemeCuration key={`${sub.id}-${sub.customLabel}`} sub={sub} onSelect={onSelect} /> : null}
    </>
  );
}

function SubThemeCuration({ sub, onSelect }: { sub: SubTheme; onSelect: (id: string | null) => void }) {
  const [name, setName] = useState(sub.customLabel ?? "");
  const rename = useRenameSubTheme(sub.id);
  const promote = usePromoteSubTheme({ onSuccess: (data) => onSelect(data.targetId) });
  return (
    <div className="row sub-theme-curate">
      <ClientForm
        className="row"
        aria-label={`Rename ${sub.label}`}
        onSubmit={() => rename.mutate({ customLabel: name.trim() && name.trim() !== sub.generatedLabel ? name : null })}
      >
        <InputField
          label="Sub-theme name"
          hint="Leave empty to use the generated name."
          error={rename.fieldErrors.customLabel}
          value={name}
          placeholder={sub.generatedLabel}
          onChange={(e) => setName(e.target.value)}
          maxLength={120}
        />
        <button className="btn" disabled={rename.isPending}>
          {rename.isPending ? "Saving…" : "Rename"}
        </button>
        <DoneBadge show={rename.isSuccess}>Renamed</DoneBadge>
        <InlineError message={rename.generalError} />
      </ClientForm>
      <ConfirmButton
        className="btn btn-ghost"
        title={`Make “${sub.label}” a theme of its own?`}
        consequence="Its answers move out of this theme into a new theme with this name, and stay there when answers are analysed again."
        confirmLabel="Make it a theme"
        disabled={promote.isPending}
        onConfirm={() => promote.mutate(sub.id)}
      >
        Make it a theme
      </ConfirmButton>
      {promote.error ? (
        <p className="field-error" role="alert">
          {promote.error.message}
        </p>
      ) : null}
    </div>
  );
}
