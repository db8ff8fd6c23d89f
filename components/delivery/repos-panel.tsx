"use client";
import { ErrorAlert } from "@/components/ui/form-status";
import { RecordOptions } from "@/components/ui/options";
import { NumberColumn, TableScroll } from "@/components/ui/table-scroll";
import { useDeliveryRepos, useMapRepo, type DeliveryRepo } from "@/lib/delivery/hooks";

/** Repositories and services seen in events, each with its team; unmapped ones first, with their counts. */
export function ReposPanel({
  initialRepos,
  teams,
}: {
  initialRepos: DeliveryRepo[];
  teams: { id: string; label: string }[];
}) {
  const repos = useDeliveryRepos(initialRepos);
  const map = useMapRepo();
  const unmapped = repos.data?.filter((r) => !r.teamId).length ?? 0;
  return (
    <section className="card stack" aria-labelledby="repos-heading">
      <div>
        <h2 id="repos-heading">Repositories and teams</h2>
        <p className="muted small">
          Events count towards a team once their repository or service is mapped to it — past events included.{" "}
          {unmapped ? `${unmapped} not mapped yet: their events are kept, not counted.` : null}
        </p>
      </div>
      {repos.data?.length ? (
        <TableScroll label="Repositories and their teams">
          <table className="table" data-testid="delivery-repos">
            <caption className="sr-only">Repositories and their teams</caption>
            <thead>
              <tr>
                <th scope="col">Repository or service</th>
                <th scope="col">Team</th>
                <NumberColumn>Commits</NumberColumn>
                <NumberColumn>Deployments</NumberColumn>
                <NumberColumn>Incidents</NumberColumn>
              </tr>
            </thead>
            <tbody>
              {repos.data.map((r) => (
                <tr key={r.repo}>
                  <th scope="row">
                    <code>{r.repo}</code>
                  </th>
                  <td>
                    <label className="sr-only" htmlFor={`repo-team-${r.repo}`}>
                      Team of {r.repo}
                    </label>
                    <select
                      id={`repo-team-${r.repo}`}
                      className="input"
                      value={r.teamId ?? ""}
                      disabled={map.isPending}
                      onChange={(e) => map.mutate({ repo: r.repo, teamId: e.target.value || null })}
                    >
                      <option value="">Not mapped</option>
                      <RecordOptions records={teams} />
                    </select>
                  </td>
                  <td className="right">{r.changes}</td>
                  <td className="right">{r.deployments}</td>
                  <td className="right">{r.incidents}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : (
        <p className="muted">
          No events yet. Add an integration or import a CSV; repositories appear here as events arrive.
        </p>
      )}
      <ErrorAlert message={map.generalError} />
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          const data = new FormData(e.currentTarget);
          map.mutate({ repo: String(data.get("repo") ?? ""), teamId: String(data.get("teamId") ?? "") || null });
          e.currentTarget.reset();
        }}
      >
        <label className="sr-only" htmlFor="map-repo-name">
          Repository or service
        </label>
        <input id="map-repo-name" name="repo" className="input" placeholder="owner/repository" required />
        <label className="sr-only" htmlFor="map-repo-team">
          Team
        </label>
        <select id="map-repo-team" name="teamId" className="input" required defaultValue="">
          <option value="" disabled>
            Choose a team
          </option>
          <RecordOptions records={teams} />
        </select>
        <button className="btn btn-primary">Map repository</button>
      </form>
    </section>
  );
}
