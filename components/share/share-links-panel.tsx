"use client";
import { useState } from "react";
import { ClientForm } from "@/components/ui/client-form";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { Field, InputField } from "@/components/ui/field";
import { ErrorAlert, SubmitRow } from "@/components/ui/form-status";
import { formNumber } from "@/components/ui/form-values";
import { useFormat } from "@/components/ui/locale";
import { Options, RecordOptions } from "@/components/ui/options";
import { TableScroll } from "@/components/ui/table-scroll";
import {
  SHARE_DEFAULT_DAYS,
  SHARE_MAX_DAYS,
  SHARE_TARGETS,
  shareTargetLabels,
  type ShareTarget,
} from "@/lib/share/constants";
import { useCreateShareLink, useRevokeShareLink, useShareLinks, type ShareLinkRow } from "@/lib/share/hooks";

const stateBadge = { active: "badge badge-good", expired: "badge", revoked: "badge badge-bad" } as const;
const stateLabel = { active: "Active", expired: "Expired", revoked: "Revoked" } as const;

function CopyButton({ url }: { url: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      className="btn btn-sm"
      onClick={() =>
        void navigator.clipboard?.writeText(url).then(
          () => setCopied(true),
          () => setCopied(false),
        )
      }
    >
      {copied ? "Copied" : "Copy link"}
    </button>
  );
}

/** Create, list and revoke read-only share links (editors and owners). */
export function ShareLinksPanel({
  initialLinks,
  surveys,
  preset,
}: {
  initialLinks: ShareLinkRow[];
  surveys: { id: string; label: string }[];
  preset: { target: ShareTarget; surveyId: string | null };
}) {
  const format = useFormat();
  const links = useShareLinks(initialLinks);
  const [target, setTarget] = useState<ShareTarget>(preset.target);
  const [created, setCreated] = useState<{ url: string; link: ShareLinkRow } | null>(null);
  const create = useCreateShareLink({
    onSuccess: (r) => setCreated({ url: `${window.location.origin}${r.path}`, link: r.link }),
  });
  const revoke = useRevokeShareLink();
  const errors = create.fieldErrors;

  return (
    <div className="stack">
      <section className="card stack" aria-labelledby="new-share-heading">
        <h2 id="new-share-heading">New share link</h2>
        <p className="muted small">
          Anyone with the link can read the view until it expires or you revoke it, without signing in. They see exactly
          what a signed-in viewer sees: groups under the anonymity threshold stay hidden.
        </p>
        <ClientForm
          className="stack"
          noValidate
          onSubmit={(form) => {
            const data = new FormData(form);
            setCreated(null);
            create.mutate({
              target: data.get("target"),
              surveyId: data.get("target") === "survey" ? data.get("surveyId") : undefined,
              days: formNumber(data.get("days")),
              includeFreeText: data.get("includeFreeText") === "on",
            });
          }}
        >
          <div className="grid-2">
            <Field label="What to share" error={errors.target}>
              {(p) => (
                <select
                  {...p}
                  name="target"
                  className="input"
                  value={target}
                  onChange={(e) => setTarget(e.target.value as ShareTarget)}
                >
                  <Options values={SHARE_TARGETS} labels={shareTargetLabels} />
                </select>
              )}
            </Field>
            {target === "survey" ? (
              <Field label="Survey" error={errors.surveyId}>
                {(p) => (
                  <select {...p} name="surveyId" className="input" defaultValue={preset.surveyId ?? ""}>
                    <option value="">Choose a survey…</option>
                    <RecordOptions records={surveys} />
                  </select>
                )}
              </Field>
            ) : null}
            <InputField
              label="Expires after (days)"
              name="days"
              type="number"
              min={1}
              max={SHARE_MAX_DAYS}
              defaultValue={SHARE_DEFAULT_DAYS}
              hint={`At most ${SHARE_MAX_DAYS} days.`}
              error={errors.days}
            />
          </div>
          <label className="row" style={{ gap: "0.5rem" }}>
            <input type="checkbox" name="includeFreeText" />
            Include written answers (quotes and theme names). Off unless you choose it.
          </label>
          <SubmitRow mutation={create} label="Create link" pendingLabel="Creating…" />
        </ClientForm>
        {created ? (
          <div className="alert stack" role="status" data-testid="share-created">
            <p>Link created, valid until {format.date(created.link.expiresAt)}. Copy it now: it is shown only once.</p>
            <div className="row">
              <code className="share-url" data-testid="share-url">
                {created.url}
              </code>
              <CopyButton url={created.url} />
            </div>
          </div>
        ) : null}
      </section>

      <section className="card stack" aria-labelledby="share-list-heading">
        <h2 id="share-list-heading">Share links</h2>
        <ErrorAlert message={revoke.error ? "Could not revoke the link. Try again." : null} />
        <TableScroll label="Share links table">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Shows</th>
                <th scope="col">Shared by</th>
                <th scope="col">Expires</th>
                <th scope="col">Written answers</th>
                <th scope="col" className="right">
                  Views
                </th>
                <th scope="col">State</th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {links.data.length === 0 ? (
                <tr>
                  <td colSpan={7} className="muted">
                    No share links yet. Create one above, or use “Share” on the dashboard or a survey’s results.
                  </td>
                </tr>
              ) : null}
              {links.data.map((l) => (
                <tr key={l.id} data-testid="share-link-row">
                  <td>{l.surveyTitle ? `Results: ${l.surveyTitle}` : shareTargetLabels[l.target]}</td>
                  <td>{l.createdByName}</td>
                  <td>{format.date(l.expiresAt)}</td>
                  <td>{l.includeFreeText ? "Included" : "Left out"}</td>
                  <td className="right" data-testid="share-views">
                    {format.number(l.views)}
                  </td>
                  <td>
                    <span className={stateBadge[l.state]}>{stateLabel[l.state]}</span>
                  </td>
                  <td>
                    {l.state === "active" ? (
                      <ConfirmButton
                        className="btn btn-sm btn-danger"
                        disabled={revoke.isPending}
                        label={`Revoke the link to ${l.surveyTitle ?? "the dashboard"}`}
                        title="Revoke this share link?"
                        consequence="Anyone who opens it afterwards sees that it was revoked. This cannot be undone; create a new link to share again."
                        confirmLabel="Revoke link"
                        onConfirm={() => revoke.mutate(l.id)}
                      >
                        Revoke
                      </ConfirmButton>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>
    </div>
  );
}
