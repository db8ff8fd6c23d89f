import type { Metadata } from "next";
import Link from "next/link";
import { FrictionLinks } from "@/components/surveys/friction-links";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/guard";
import { describeTally } from "@/lib/anonymity/surveys";
import { hasRole } from "@/lib/auth/roles";
import { listFrictionLinks } from "@/lib/responses/queries";
import { listSurveys } from "@/lib/surveys/queries";
import { getWorkspaceSettings, listTeams } from "@/lib/workspace/queries";
import { surveyStatusLabels } from "@/lib/surveys/constants";
import { TableScroll, NumberColumn } from "@/components/ui/table-scroll";
import { DraftsToReview } from "@/components/distribution/drafts-to-review";
import { listDraftsToReview } from "@/lib/distribution/queries";

export const metadata: Metadata = { title: "Surveys" };

const statusBadge = { draft: "badge", open: "badge badge-good", closed: "badge badge-warn" } as const;

export default async function SurveysPage() {
  const user = await requireUser("viewer");
  const canEdit = hasRole(user.role, "editor");
  const [surveys, frictionLinks, teams, { anonymityThreshold: k }, drafts] = await Promise.all([
    listSurveys(),
    listFrictionLinks({ showTokens: canEdit }),
    listTeams({ includeArchived: false }),
    getWorkspaceSettings(),
    canEdit ? listDraftsToReview() : [],
  ]);
  return (
    <>
      <PageHeader
        title="Surveys"
        description="Quarterly developer surveys and their links. Live response counts move in steps of the anonymity threshold; results publish when a survey closes."
        actions={
          canEdit ? (
            <div className="row">
              <Link className="btn" href="/surveys/import">
                Import past results
              </Link>
              <Link className="btn btn-primary" href="/surveys/new">
                New survey
              </Link>
            </div>
          ) : null
        }
      />
      <div className="stack">
        <DraftsToReview drafts={drafts} />
        {surveys.length === 0 ? (
          <EmptyState
            title="No surveys yet"
            action={
              canEdit ? (
                <Link className="btn btn-primary" href="/surveys/new">
                  Start from the quarterly template
                </Link>
              ) : null
            }
          >
            A quarterly developer-experience survey takes about five minutes to answer and sets the baseline for every
            trend.
          </EmptyState>
        ) : (
          <TableScroll label="Surveys" className="card">
            <table className="table">
              <caption className="sr-only">Surveys</caption>
              <thead>
                <tr>
                  <th scope="col">Survey</th>
                  <th scope="col">Quarter</th>
                  <th scope="col">Status</th>
                  <NumberColumn>Questions</NumberColumn>
                  <NumberColumn>Responses</NumberColumn>
                </tr>
              </thead>
              <tbody>
                {surveys.map((s) => (
                  <tr key={s.id}>
                    <td>
                      <Link href={`/surveys/${s.id}`}>{s.title}</Link>
                    </td>
                    <td>{s.period}</td>
                    <td>
                      <span className={statusBadge[s.status]}>{surveyStatusLabels[s.status]}</span>
                    </td>
                    <td className="right">{s.questionCount}</td>
                    <td className="right">{describeTally(s.responses, k)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
        <FrictionLinks
          initialLinks={frictionLinks}
          teams={teams.map((t) => ({ id: t.id, name: t.name }))}
          canEdit={canEdit}
        />
      </div>
    </>
  );
}
