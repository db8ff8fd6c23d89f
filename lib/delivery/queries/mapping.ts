import "server-only";
import { sql } from "drizzle-orm";
import { getDb, selectRows } from "@/lib/db/client";
import { deliveryRepoTeams } from "@/lib/db/schema";
import { eq } from "drizzle-orm";
import { notFound, pgErrorCode } from "@/lib/errors";

export type RepoRow = {
  repo: string;
  teamId: string | null;
  teamName: string | null;
  changes: number;
  deployments: number;
  incidents: number;
};

/**
 * Every repository or service seen in events or mapped, with its team and its event counts. Events of
 * an unmapped repository are kept and listed here; mapping it counts them from then on.
 */
export async function listDeliveryRepos(): Promise<RepoRow[]> {
  const db = await getDb();
  const rows = await selectRows<{
    repo: string;
    team_id: string | null;
    team_name: string | null;
    changes: number;
    deployments: number;
    incidents: number;
  }>(
    db,
    sql`with seen as (
          select repo, count(*)::int as changes, 0 as deployments, 0 as incidents from delivery_changes group by repo
          union all select repo, 0, count(*)::int, 0 from delivery_deployments group by repo
          union all select repo, 0, 0, count(*)::int from delivery_incidents group by repo
          union all select repo, 0, 0, 0 from delivery_repo_teams
        )
        select s.repo, m.team_id, t.name as team_name, sum(s.changes)::int as changes,
               sum(s.deployments)::int as deployments, sum(s.incidents)::int as incidents
        from seen s
        left join delivery_repo_teams m on m.repo = s.repo
        left join teams t on t.id = m.team_id
        group by s.repo, m.team_id, t.name
        order by (m.team_id is null) desc, sum(s.changes + s.deployments + s.incidents) desc, s.repo`,
  );
  return rows.map((r) => ({
    repo: r.repo,
    teamId: r.team_id,
    teamName: r.team_name,
    changes: Number(r.changes),
    deployments: Number(r.deployments),
    incidents: Number(r.incidents),
  }));
}

/** Maps a repository to a team, or unmaps it (teamId null); its events stay either way. */
export async function setRepoTeam({ repo, teamId }: { repo: string; teamId: string | null }) {
  const db = await getDb();
  if (teamId === null) {
    await db.delete(deliveryRepoTeams).where(eq(deliveryRepoTeams.repo, repo));
    return;
  }
  try {
    await db
      .insert(deliveryRepoTeams)
      .values({ repo, teamId })
      .onConflictDoUpdate({ target: deliveryRepoTeams.repo, set: { teamId } });
  } catch (error) {
    if (pgErrorCode(error) === "23503") throw notFound("Team");
    throw error;
  }
}
