import Link from "next/link";
import { quadrantLabels } from "@/lib/backlog/prioritise";
import { getBacklog, listBacklogScopeOptions } from "@/lib/backlog/queries";
import { parseScope } from "@/lib/backlog/scope";
import { percent, quadrantBadge, statusBadge } from "./format";

const statusLabel = {
  new: "New",
  planned: "Planned",
  in_progress: "In progress",
  done: "Done",
  wont_do: "Won’t do",
} as const;

/** The overview's "what to fix first": the top open items of the backlog analysed most recently. */
export async function TopBacklogItems({ limit = 5 }: { limit?: number }) {
  const { analysed } = await listBacklogScopeOptions();
  const scope = analysed.find((a) => parseScope(a.scope)?.kind === "periods")?.scope ?? analysed[0]?.scope;
  if (!scope) return null;
  const { items } = await getBacklog({ scope });
  const open = items.filter((i) => i.status !== "done" && i.status !== "wont_do").slice(0, limit);
  if (open.length === 0) return <p className="muted">Every theme in the backlog is done or parked.</p>;
  return (
    <ol
      className="stack"
      style={{ listStyle: "none", padding: 0, margin: 0, gap: "0.6rem" }}
      data-testid="top-backlog-items"
    >
      {open.map((item) => (
        <li key={item.id} style={{ display: "grid", gap: "0.25rem" }}>
          <Link href={`/backlog?scope=${encodeURIComponent(scope)}`}>
            <strong>{item.rank}.</strong> {item.label}
          </Link>
          <span className="row" style={{ gap: "0.4rem", paddingLeft: "1.1rem" }}>
            <span className="muted small">{percent(item.share)} of respondents</span>
            <span className={quadrantBadge[item.quadrant]}>{quadrantLabels[item.quadrant]}</span>
            {item.status !== "new" ? (
              <span className={statusBadge[item.status]}>{statusLabel[item.status]}</span>
            ) : null}
          </span>
        </li>
      ))}
    </ol>
  );
}
