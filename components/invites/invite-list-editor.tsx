"use client";
import { useId, useState } from "react";
import { QueryError } from "@/components/ui/query-error";
import { DoneBadge, ErrorAlert, InlineError } from "@/components/ui/form-status";
import { useInviteList, useSaveInviteList, useSetInviteOnly } from "@/lib/invites/hooks";

/**
 * A team's distribution list (pasted, or read from a CSV file into the box) and its invite-only switch.
 * Saving replaces the whole list, or nothing when a line is not an address: each such line is named.
 */
export function InviteListEditor({
  teamId,
  teamName,
  onClose,
}: {
  teamId: string;
  teamName: string;
  onClose: () => void;
}) {
  const id = useId();
  const list = useInviteList(teamId);
  const save = useSaveInviteList(teamId);
  const inviteOnly = useSetInviteOnly(teamId);
  const [text, setText] = useState<string | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const shown = text ?? list.data?.emails.join("\n") ?? "";
  const lineErrors = save.fieldErrors.text;

  if (list.isError)
    return <QueryError what="the distribution list" error={list.error} onRetry={() => list.refetch()} />;
  if (!list.data)
    return (
      <p className="muted small" role="status">
        Loading the list…
      </p>
    );

  return (
    <div className="stack" data-testid="invite-list-editor">
      <h3>Invitations for {teamName}</h3>
      <p className="muted small">
        Each person gets a single-use link: one answer each, and reminders go only to those who have not answered. The
        server knows who has answered, never which answer is whose.
      </p>
      <form
        className="stack"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate({ text: shown }, { onSuccess: () => setText(null) });
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-emails`}>Email addresses, one a line</label>
          <textarea
            id={`${id}-emails`}
            className="input"
            rows={8}
            value={shown}
            onChange={(e) => setText(e.target.value)}
            spellCheck={false}
            aria-invalid={lineErrors ? true : undefined}
            aria-describedby={`${id}-hint${lineErrors ? ` ${id}-errors` : ""}`}
          />
          <span className="hint" id={`${id}-hint`}>
            Paste addresses, “Name &lt;address&gt;” lines or spreadsheet rows; duplicates are merged.
          </span>
          {lineErrors ? (
            <div className="field-error" id={`${id}-errors`} role="alert">
              <p>{save.error?.message}</p>
              <ul>
                {lineErrors.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </div>
          ) : null}
        </div>
        <label className="field">
          <span className="label">…or read a CSV file</span>
          <input
            type="file"
            accept=".csv,.tsv,.txt,text/csv,text/plain"
            className="input"
            onChange={async (e) => {
              const file = e.target.files?.[0];
              setFileError(null);
              if (!file) return;
              if (file.size > 500_000) return setFileError("That file is too large for one list");
              setText(await file.text());
            }}
          />
        </label>
        <InlineError message={fileError} />
        <div className="row">
          <button className="btn btn-primary btn-sm" disabled={save.isPending}>
            {save.isPending ? "Saving…" : "Save list"}
          </button>
          <button type="button" className="btn btn-ghost btn-sm" onClick={onClose}>
            Close
          </button>
          <span className="muted small" role="status" data-testid="invite-list-count">
            {save.data ? save.data.summary : `${list.data.people} ${list.data.people === 1 ? "person" : "people"}`}
          </span>
        </div>
        <ErrorAlert message={save.generalError} />
      </form>
      <label className="row checkbox-row">
        <input
          type="checkbox"
          checked={inviteOnly.isPending ? Boolean(inviteOnly.variables?.inviteOnly) : list.data.inviteOnly}
          disabled={inviteOnly.isPending}
          onChange={(e) => inviteOnly.mutate({ inviteOnly: e.target.checked })}
        />{" "}
        Invite-only: turn this team’s shared survey links off
      </label>
      <p className="muted small">
        Shared team links stay available otherwise: anyone with one can answer, more than once.
      </p>
      <DoneBadge show={inviteOnly.isSuccess}>Saved</DoneBadge>
      <InlineError message={inviteOnly.generalError} />
    </div>
  );
}
