"use client";
import { QueryError } from "@/components/ui/query-error";
import { useState } from "react";
import { Skeleton } from "@/components/ui/skeleton";
import { auditActionLabel, describeAuditDetail } from "@/lib/audit/actions";
import { useAuditLog } from "@/lib/audit/hooks";
import { TableScroll } from "@/components/ui/table-scroll";
import { useFormat } from "@/components/ui/locale";

/** Settings → Audit log (owners): who changed what that can move a published figure. */
export function AuditLogPanel() {
  const [offset, setOffset] = useState(0);
  const page = useAuditLog(offset);
  const format = useFormat();

  return (
    <section className="card stack" aria-labelledby="audit-heading" data-testid="audit-log">
      <div>
        <h2 id="audit-heading">Audit log</h2>
        <p className="muted small">
          Edits that can change what people see: theme curation, platform adoption, the anonymity threshold, teams and
          roles. Never the answers themselves.
        </p>
      </div>
      {page.isPending ? (
        <div className="stack" role="status" aria-busy="true" aria-label="Loading the audit log">
          <Skeleton height={14} />
          <Skeleton height={14} />
          <Skeleton height={14} width="70%" />
        </div>
      ) : page.isError ? (
        <QueryError what="the audit log" error={page.error} onRetry={() => page.refetch()} retrying={page.isFetching} />
      ) : page.data.entries.length === 0 && offset === 0 ? (
        <p className="muted">No edits recorded yet.</p>
      ) : (
        <>
          <TableScroll label="Audit log entries">
            <table className="table audit-table">
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Who</th>
                  <th scope="col">What</th>
                  <th scope="col">Subject</th>
                </tr>
              </thead>
              <tbody>
                {page.data.entries.map((entry) => {
                  const detail = describeAuditDetail(entry.action, entry.detail);
                  return (
                    <tr key={entry.id}>
                      <td data-label="When">
                        <time dateTime={entry.at}>{format.dateTime(entry.at)}</time>
                      </td>
                      <td data-label="Who">{entry.actorEmail || <span className="muted">DX Pulse</span>}</td>
                      <td data-label="What">
                        {auditActionLabel(entry.action)}
                        {detail ? <span className="muted small"> · {detail}</span> : null}
                      </td>
                      <td data-label="Subject">{entry.subject}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableScroll>
          <div className="row">
            <button
              type="button"
              className="btn btn-sm"
              disabled={offset === 0 || page.isFetching}
              onClick={() => setOffset(Math.max(0, offset - page.data.pageSize))}
            >
              Newer
            </button>
            <button
              type="button"
              className="btn btn-sm"
              disabled={page.data.nextOffset === null || page.isFetching}
              onClick={() => setOffset(page.data.nextOffset ?? offset)}
            >
              Older
            </button>
          </div>
        </>
      )}
    </section>
  );
}
