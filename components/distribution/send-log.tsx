"use client";
import { TableScroll } from "@/components/ui/table-scroll";
import {
  channelLabels,
  messageKindLabels,
  messageStatusLabels,
  type MessageStatus,
} from "@/lib/distribution/constants";
import type { SendLogRow } from "@/lib/distribution/hooks";
import { useFormat } from "@/components/ui/locale";
import type { Formatter } from "@/lib/format";

const badge: Record<MessageStatus, string> = {
  scheduled: "badge",
  sending: "badge badge-accent",
  sent: "badge badge-good",
  retrying: "badge badge-warn",
  failed: "badge badge-bad",
  skipped: "badge",
};

function when(row: SendLogRow, f: Formatter): string {
  if (row.finishedAt) return f.dateTime(row.finishedAt);
  if (row.sendAfter) return `Due ${f.dateTime(row.sendAfter)}`;
  if (row.kind === "announce") return "When the survey opens";
  if (row.kind === "summary") return "When the survey closes";
  return "Soon";
}

function details(row: SendLogRow): string {
  const parts: string[] = [];
  if (row.emails)
    parts.push(
      `${row.emails.sent} sent${row.emails.failed ? `, ${row.emails.failed} failed` : ""}${row.emails.pending ? `, ${row.emails.pending} waiting` : ""}`,
    );
  for (const p of row.posts)
    parts.push(
      `${p.team}: ${p.status === "skipped" ? "no Slack channel set" : p.status}${p.error ? ` (${p.error})` : ""}`,
    );
  return parts.join(" · ");
}

/** A survey's messages and how each went: the send log. */
export function SendLog({ rows }: { rows: SendLogRow[] }) {
  const f = useFormat();
  if (rows.length === 0) return <p className="muted">Nothing scheduled yet.</p>;
  return (
    <TableScroll label="Send log">
      <table className="table" data-testid="send-log">
        <thead>
          <tr>
            <th scope="col">Message</th>
            <th scope="col">Channel</th>
            <th scope="col">Status</th>
            <th scope="col">When</th>
            <th scope="col">Details</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} data-testid="send-log-row" data-kind={row.kind} data-channel={row.channel}>
              <td>
                {messageKindLabels[row.kind]}
                {row.kind === "remind" && row.round > 0 ? ` (sent by hand, ${row.round})` : ""}
              </td>
              <td>{channelLabels[row.channel]}</td>
              <td>
                <span className={badge[row.status]} data-testid="send-log-status">
                  {messageStatusLabels[row.status]}
                </span>
                {row.attempts > 1 ? <div className="muted small">{row.attempts} attempts</div> : null}
              </td>
              <td className="small">{when(row, f)}</td>
              <td className="small">
                {row.error ? <div className="field-error">{row.error}</div> : null}
                {details(row)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
