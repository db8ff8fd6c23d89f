"use client";
import { useState } from "react";
import { useCreateFrictionLink, useFrictionLinks, type FrictionLink } from "@/lib/responses/hooks";
import { CopyButton } from "./copy-button";
import { useOrigin } from "./survey-links";
import { InlineError } from "@/components/ui/form-status";
import { ClientForm } from "@/components/ui/client-form";

/** The always-on friction log: a workspace link and optional per-team links. */
export function FrictionLinks({
  initialLinks,
  teams,
  canEdit,
}: {
  initialLinks: FrictionLink[];
  teams: { id: string; name: string }[];
  canEdit: boolean;
}) {
  const origin = useOrigin();
  const [teamId, setTeamId] = useState("");
  const links = useFrictionLinks(initialLinks);
  const create = useCreateFrictionLink();
  const withTeam = new Set(links.data.map((l) => l.teamId));
  return (
    <section className="card stack" aria-labelledby="friction-heading">
      <div>
        <h2 id="friction-heading">Friction log</h2>
        <p className="muted small">
          An always-open, one-sentence form. Entries join the survey comments in the backlog’s theme analysis.
        </p>
      </div>
      {links.data.length ? (
        <ul className="stack" style={{ listStyle: "none", margin: 0, padding: 0 }}>
          {links.data.map((l) => (
            <li key={l.id} className="row-between">
              <div>
                <strong>{l.teamName ?? "Everyone"}</strong>{" "}
                <span className="muted small">
                  · {l.entries === null ? "fewer than k entries" : `${l.entries}+ entries`}
                </span>
                {l.token ? (
                  <div>
                    <code className="link-url">{`${origin}/f/${l.token}`}</code>
                  </div>
                ) : null}
              </div>
              {l.token ? <CopyButton text={`${origin}/f/${l.token}`} /> : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">No friction-log link yet.</p>
      )}
      {canEdit ? (
        <ClientForm
          className="row"
          onSubmit={() => {
            create.mutate(teamId || null);
          }}
        >
          <label className="sr-only" htmlFor="friction-team">
            Team for the new friction link
          </label>
          <select
            id="friction-team"
            className="input"
            style={{ maxWidth: 260 }}
            value={teamId}
            onChange={(e) => setTeamId(e.target.value)}
          >
            <option value="">Everyone</option>
            {teams
              .filter((t) => !withTeam.has(t.id))
              .map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
          </select>
          <button className="btn" disabled={create.isPending || (!teamId && withTeam.has(null))}>
            Create friction link
          </button>
          <InlineError message={create.error?.message} />
        </ClientForm>
      ) : null}
    </section>
  );
}
