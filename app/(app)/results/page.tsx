import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { listSurveysWithResults } from "@/lib/analytics/queries";
import { TableScroll, NumberColumn } from "@/components/ui/table-scroll";

export const metadata: Metadata = { title: "Survey results" };

export default async function ResultsIndexPage() {
  const { k, surveys } = await listSurveysWithResults();
  return (
    <>
      <PageHeader title="Survey results" description="Answers to each survey, question by question." />
      {surveys.length === 0 ? (
        <EmptyState title="No responses yet">Results appear once a survey has responses.</EmptyState>
      ) : (
        <TableScroll label="Surveys with results" className="card">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Survey</th>
                <th scope="col">Quarter</th>
                <th scope="col">Status</th>
                <NumberColumn>Responses</NumberColumn>
              </tr>
            </thead>
            <tbody>
              {surveys.map((s) => (
                <tr key={s.id}>
                  <td>
                    <Link href={`/results/${s.id}`}>{s.title}</Link>
                  </td>
                  <td>{s.period}</td>
                  <td>
                    <span className="badge">{s.status}</span>
                  </td>
                  <td className="right">
                    {s.hidden ? (
                      <span className="hidden-note">
                        {s.reason === "collecting" ? "collecting answers" : `fewer than ${k}`}
                      </span>
                    ) : (
                      s.responses
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}
