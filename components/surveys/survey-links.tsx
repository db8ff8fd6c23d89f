"use client";
import { useState, useSyncExternalStore } from "react";
import { describeTally } from "@/lib/anonymity/surveys";
import { useCreateTeamLinks, useSurveyLinks, type SurveyLinks as LinkStats } from "@/lib/surveys/hooks";
import { CopyButton } from "./copy-button";
import { TableScroll, NumberColumn } from "@/components/ui/table-scroll";
import { InlineError } from "@/components/ui/form-status";

const subscribeNever = () => () => {};
/** This deployment's origin in the browser (empty during server rendering). */
export function useOrigin(): string {
  return useSyncExternalStore(
    subscribeNever,
    () => window.location.origin,
    () => "",
  );
}

const percent = (rate: number | null) => (rate === null ? "—" : `${Math.round(rate * 100)}%`);

/** Public and per-team links with copy buttons, QR codes and live response counts. */
export function SurveyLinks({
  surveyId,
  status,
  canEdit,
  k,
  initialLinks,
  teams,
}: {
  surveyId: string;
  status: string;
  canEdit: boolean;
  k: number;
  initialLinks: LinkStats;
  teams: { id: string; name: string }[];
}) {
  const origin = useOrigin();
  const links = useSurveyLinks(surveyId, { initialData: initialLinks, live: status === "open" });
  const createLinks = useCreateTeamLinks(surveyId);
  const rows = links.data.links;
  // "" stands for every team; a team that already has a link is not offered again.
  const [forTeam, setForTeam] = useState("");
  const linked = new Set(rows.map((l) => l.teamId));
  const unlinked = teams.filter((t) => !linked.has(t.id));
  const chosen = unlinked.find((t) => t.id === forTeam);
  const teamRows = rows.filter((l) => l.teamId && l.responses);
  // An invite-only team's denominator is the people it invited (exact); otherwise its headcount.
  const headcount = teamRows.reduce((n, l) => n + (l.invited ?? l.headcount ?? 0), 0);

  return (
    <div className="stack">
      {status === "draft" ? (
        <div className="alert alert-info">
          Links work once the survey is published; until then they show “not open yet”.
        </div>
      ) : null}
      <div className="grid-3">
        <div className="card">
          <div className="stat-label">Responses</div>
          <div className="stat" data-testid="total-responses">
            {describeTally(links.data.total, k)}
          </div>
        </div>
        <div className="card">
          <div className="stat-label">Response rate (team links)</div>
          <div className="stat">
            {headcount ? percent(teamRows.reduce((n, l) => n + (l.responses?.n ?? 0), 0) / headcount) : "—"}
          </div>
        </div>
        <div className="card">
          <div className="stat-label">Links</div>
          <div className="stat">{rows.length}</div>
        </div>
      </div>
      <TableScroll label="Survey links and live response counts" className="card">
        <table className="table">
          <caption className="sr-only">Survey links and live response counts</caption>
          <thead>
            <tr>
              <th scope="col">Audience</th>
              <th scope="col">Link</th>
              <NumberColumn>Responses</NumberColumn>
              <NumberColumn>Rate</NumberColumn>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((l) => {
              const url = l.token ? `${origin}/s/${l.token}` : null;
              const audience = l.teamName ?? "Everyone (no team)";
              return (
                <tr key={l.id} data-testid="survey-link-row">
                  <th scope="row">{audience}</th>
                  <td>
                    {l.inviteOnly ? (
                      <span className="small" data-testid="invite-only">
                        <span className="badge">Invite-only</span> Each person answers once through their own
                        invitation; this shared link is off.
                      </span>
                    ) : url ? (
                      <>
                        <code className="link-url">{url}</code>
                        <span className="muted small" style={{ display: "block" }}>
                          Anyone with this link can answer, more than once.
                        </span>
                      </>
                    ) : (
                      <span className="muted small">Shared by the platform team</span>
                    )}
                  </td>
                  <td className="right" data-testid="link-count">
                    {describeTally(l.responses, k)}
                    {l.invited ? (
                      <span className="muted small"> / {l.invited} invited</span>
                    ) : l.headcount ? (
                      <span className="muted small"> / {l.headcount}</span>
                    ) : null}
                  </td>
                  <td className="right">{percent(l.responseRate)}</td>
                  <td>
                    <div className="row nowrap">
                      {url && !l.inviteOnly ? <CopyButton text={url} label={`Copy link`} /> : null}
                      {canEdit && !l.inviteOnly ? (
                        <a
                          className="btn btn-sm"
                          href={`/surveys/${surveyId}/qr/${l.id}`}
                          aria-label={`Printable QR code for ${audience}`}
                        >
                          QR code
                        </a>
                      ) : null}
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
      {canEdit ? (
        <div className="row">
          <label className="row nowrap">
            <span className="label">Link for</span>
            <select className="input" value={chosen?.id ?? ""} onChange={(e) => setForTeam(e.target.value)}>
              <option value="">All teams</option>
              {unlinked.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="btn"
            onClick={() =>
              createLinks.mutate(chosen ? { teamIds: [chosen.id] } : {}, { onSuccess: () => setForTeam("") })
            }
            disabled={createLinks.isPending}
          >
            {createLinks.isPending
              ? "Creating…"
              : chosen
                ? `Create a link for ${chosen.name}`
                : "Create a link for every team"}
          </button>
          {createLinks.data ? (
            <span className="muted small" role="status">
              {createLinks.data.created
                ? `${createLinks.data.created} team link(s) added`
                : "Every team already has a link"}
            </span>
          ) : null}
          <InlineError message={createLinks.error?.message} />
        </div>
      ) : null}
      <p className="muted small">
        A team link only records which team the answer belongs to. Anyone holding an open link can answer more than
        once, so share team links only with the team. A team made invite-only in Settings → Teams answers through
        single-use personal invitations instead: one answer each, and its rate counts the people invited. While the
        survey is open, counts move in steps of {k} (“{k}+”) and no results are shown; they publish when it closes, for
        every group of at least {k} people.
      </p>
    </div>
  );
}
