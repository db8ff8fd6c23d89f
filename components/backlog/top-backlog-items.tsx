import Link from "next/link";
import { quadrantLabels } from "@/lib/backlog/prioritise";
import { scopeHasNotes } from "@/lib/backlog/scope";
import { getBacklog, getDashboardBacklog, listBacklogScopeOptions } from "@/lib/backlog/queries";
import { requestFormatter } from "@/lib/request-locale";
import { percent, quadrantBadge, statusBadge } from "./format";
import { scopeLabel } from "./scope-label";

const statusLabel = {
  new: "New",
  planned: "Planned",
  in_progress: "In progress",
  done: "Done",
  wont_do: "Won’t do",
} as const;

/**
 * The overview's "what to fix first": the top open items of the backlog editors picked for the
 * dashboard (by default the widest range of quarters analysed), labelled with its scope and date, so
 * analysing another scope to look at history never changes what leadership reads here.
 */
export async function TopBacklogItems({ limit = 5, publicPage = false }: { limit?: number; publicPage?: boolean }) {
  const [dashboard, options, f] = await Promise.all([
    getDashboardBacklog(),
    listBacklogScopeOptions(),
    requestFormatter(),
  ]);
  if (!dashboard) return null;
  const { scope } = dashboard;
  // Feedback notes may quote people: a backlog built from them stays on signed-in pages.
  if (publicPage && scopeHasNotes(scope)) return null;
  const { items } = await getBacklog({ scope });
  const open = items.filter((i) => i.status !== "done" && i.status !== "wont_do").slice(0, limit);
  const caption = (
    <p className="small muted" data-testid="top-backlog-scope">
      From {scopeLabel(scope, options)}, analysed {f.date(dashboard.ranAt)}
      {dashboard.chosen ? "" : " (the widest backlog analysed)"}.
    </p>
  );
  if (open.length === 0)
    return (
      <>
        {caption}
        <p className="muted">Every theme in the backlog is done or parked.</p>
      </>
    );
  return (
    <>
      {caption}
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
    </>
  );
}
