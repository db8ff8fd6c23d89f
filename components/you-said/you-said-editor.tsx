"use client";
import { useState } from "react";
import { ClientForm } from "@/components/ui/client-form";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { Field, InputField } from "@/components/ui/field";
import { ErrorAlert, SubmitRow } from "@/components/ui/form-status";
import { useFormat } from "@/components/ui/locale";
import { Options } from "@/components/ui/options";
import { QueryError } from "@/components/ui/query-error";
import { backlogStatusLabels } from "@/lib/backlog/constants";
import { parseScope } from "@/lib/backlog/scope";
import {
  YOU_SAID_NOTE_MAX,
  YOU_SAID_STATUSES,
  YOU_SAID_TITLE_MAX,
  youSaidStatusLabels,
} from "@/lib/you-said/constants";
import { usePublishYouSaid, useSaveYouSaidDraft, useYouSaidEditor, type YouSaidEditorData } from "@/lib/you-said/hooks";
import { YouSaidView } from "./you-said-view";

type EditorItem = YouSaidEditorData["items"][number];

function scopeWords(scope: string) {
  const parsed = parseScope(scope);
  if (parsed?.kind === "periods") return parsed.from === parsed.to ? parsed.from : `${parsed.from} to ${parsed.to}`;
  return parsed?.kind === "friction" ? "the friction log" : "one survey";
}

function stateOf(item: EditorItem): { label: string; badge: string } {
  if (item.published && !item.unpublishedChanges) return { label: "Live", badge: "badge badge-good" };
  if (item.published) return { label: "Live · changes not published", badge: "badge badge-warn" };
  if (item.saved) return { label: "Draft", badge: "badge badge-accent" };
  return { label: "Not on the page", badge: "badge" };
}

function ItemEditor({ item, k }: { item: EditorItem; k: number }) {
  const format = useFormat();
  const save = useSaveYouSaidDraft(item.backlogItemId);
  const publish = usePublishYouSaid();
  const state = stateOf(item);
  const errors = save.fieldErrors;
  const title = item.draft.title;
  return (
    <li className="card stack" data-testid="you-said-item">
      <div className="row-between you-said-theme-head">
        <div>
          <h3>{item.label}</h3>
          <p className="small muted">
            {`#${item.rank} on the backlog · ${backlogStatusLabels[item.backlogStatus]}`}
            {item.quotable ? "" : ` · fewer than ${k} people: the page shows its words but no share`}
          </p>
          {item.published ? (
            <p className="small">{`Developers read: “${item.published.title}” · ${youSaidStatusLabels[item.published.status]}`}</p>
          ) : null}
        </div>
        <span className={state.badge} data-testid="you-said-state">
          {state.label}
        </span>
      </div>
      <details open={item.saved && item.unpublishedChanges ? true : undefined}>
        <summary>{item.saved ? "Edit what developers read" : "Add to the page"}</summary>
        <ClientForm
          className="stack you-said-form"
          noValidate
          onSubmit={(form) => {
            const data = new FormData(form);
            save.mutate({ title: data.get("title"), note: data.get("note"), status: data.get("status") });
          }}
        >
          <InputField
            label="Title developers read"
            name="title"
            defaultValue={item.draft.title}
            maxLength={YOU_SAID_TITLE_MAX}
            hint="Plain words, no quotes from answers."
            error={errors.title}
          />
          <Field label="What we are doing" hint={`At most ${YOU_SAID_NOTE_MAX} characters.`} error={errors.note}>
            {(p) => (
              <textarea
                {...p}
                name="note"
                className="input"
                rows={3}
                maxLength={YOU_SAID_NOTE_MAX}
                defaultValue={item.draft.note}
              />
            )}
          </Field>
          <Field label="Status developers see" error={errors.status}>
            {(p) => (
              <select {...p} name="status" className="input" defaultValue={item.draft.status}>
                <Options values={YOU_SAID_STATUSES} labels={youSaidStatusLabels} />
              </select>
            )}
          </Field>
          <SubmitRow mutation={save} label="Save draft" pendingLabel="Saving…" doneLabel="Saved to the preview" />
        </ClientForm>
      </details>
      <div className="row">
        {item.saved && item.unpublishedChanges ? (
          <ConfirmButton
            className="btn btn-primary btn-sm"
            label={`Publish “${title}”`}
            disabled={publish.isPending}
            title={`Publish “${title}”?`}
            consequence="Anyone with the link to “You said, we did” reads this title, note and status, as the preview shows them. You can take it off the page again."
            confirmLabel="Publish"
            onConfirm={() => publish.mutate({ id: item.backlogItemId, publish: true })}
          >
            Publish
          </ConfirmButton>
        ) : null}
        {item.published ? (
          <>
            <ConfirmButton
              className="btn btn-sm"
              label={`Take “${item.published.title}” off the page`}
              disabled={publish.isPending}
              title={`Take “${item.published.title}” off the page?`}
              consequence="Developers no longer see it on “You said, we did”. Its draft stays here."
              confirmLabel="Take off the page"
              onConfirm={() => publish.mutate({ id: item.backlogItemId, publish: false })}
            >
              Unpublish
            </ConfirmButton>
            <span className="small muted">{`Published ${format.date(item.published.publishedAt)}`}</span>
          </>
        ) : null}
        <ErrorAlert message={publish.error ? "Could not change the page. Try again." : null} />
      </div>
    </li>
  );
}

/** Editors choose which themes developers read about, write the words, preview and publish them. */
export function YouSaidEditor({ initialData }: { initialData: YouSaidEditorData }) {
  const editor = useYouSaidEditor(initialData);
  const format = useFormat();
  const [tab, setTab] = useState<"preview" | "live">("preview");
  if (editor.error)
    return <QueryError what="the page's themes" error={editor.error} onRetry={() => void editor.refetch()} />;
  const data = editor.data;
  return (
    <div className="stack">
      <section className="card stack" aria-labelledby="you-said-themes">
        <h2 id="you-said-themes">Themes</h2>
        <p className="muted small">
          {data.scope
            ? `From the dashboard’s backlog (${scopeWords(data.scope)}). `
            : "Analyse answers on the backlog first. "}
          Developers see only what you publish: your title, note and status, and how often a theme was mentioned in the
          two latest closed quarters — never quotes, counts of people or teams.{" "}
          <a className="text-link" href="#you-said-preview-heading">
            See the preview
          </a>
        </p>
        {data.items.length === 0 ? <p className="muted">No themes yet.</p> : null}
        <ol className="you-said-list you-said-editor-list">
          {data.items.map((item) => (
            <ItemEditor key={item.backlogItemId} item={item} k={data.anonymityThreshold} />
          ))}
        </ol>
      </section>
      <section className="card stack" aria-labelledby="you-said-preview-heading">
        <div className="row-between">
          <h2 id="you-said-preview-heading">{tab === "preview" ? "Preview with your drafts" : "Live now"}</h2>
          <div className="row" role="group" aria-label="Which version">
            <button
              type="button"
              className="btn btn-sm"
              aria-pressed={tab === "preview"}
              onClick={() => setTab("preview")}
            >
              Preview
            </button>
            <button type="button" className="btn btn-sm" aria-pressed={tab === "live"} onClick={() => setTab("live")}>
              Live
            </button>
          </div>
        </div>
        <YouSaidView
          page={tab === "preview" ? data.preview : data.live}
          format={format}
          level={2}
          preview={tab === "preview"}
        />
      </section>
    </div>
  );
}
