import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { listSurveys } from "@/lib/surveys/queries";

export const metadata: Metadata = { title: "Surveys" };

const statusBadge = { draft: "badge", open: "badge badge-good", closed: "badge" } as const;

export default async function SurveysPage() {
  const surveys = await listSurveys();
  return (
    <>
      <PageHeader title="Surveys" description="Quarterly developer surveys and their response counts." />
      {surveys.length === 0 ? (
        <EmptyState title="No surveys yet">Start from the quarterly developer-experience template.</EmptyState>
      ) : (
        <div className="card table-wrap">
          <table className="table">
            <thead>
              <tr><th>Survey</th><th>Period</th><th>Status</th><th className="right">Responses</th></tr>
            </thead>
            <tbody>
              {surveys.map((s) => (
                <tr key={s.id}>
                  <td>{s.title}</td>
                  <td>{s.period}</td>
                  <td><span className={statusBadge[s.status]}>{s.status}</span></td>
                  <td className="right">{s.responseCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
