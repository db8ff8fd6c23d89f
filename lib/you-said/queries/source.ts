import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { getBacklog, getDashboardBacklog } from "@/lib/backlog/queries";
import type { BacklogView } from "@/lib/backlog/item-view";
import type { DbClient } from "@/lib/db/client";
import { backlogItems, youSaidItems, type YouSaidItem } from "@/lib/db/schema";
import { getWorkspaceSettings } from "@/lib/workspace/queries";

// What the page is built from: the dashboard's backlog (the one an editor picked for leadership, so
// developers and leadership read the same themes) and the editors' rows for that backlog's items.

export type PageSource = {
  scope: string | null;
  ranAt: string | null;
  k: number;
  view: BacklogView | null;
  rows: YouSaidItem[];
};

export async function loadPageSource(client: DbClient): Promise<PageSource> {
  const [dashboard, settings] = await Promise.all([getDashboardBacklog(client), getWorkspaceSettings(client)]);
  if (!dashboard) return { scope: null, ranAt: null, k: settings.anonymityThreshold, view: null, rows: [] };
  const [view, rows] = await Promise.all([
    getBacklog({ scope: dashboard.scope }, client),
    client
      .select({ row: youSaidItems })
      .from(youSaidItems)
      .innerJoin(backlogItems, eq(backlogItems.id, youSaidItems.backlogItemId))
      .where(and(eq(backlogItems.scope, dashboard.scope), isNull(backlogItems.mergedIntoId))),
  ]);
  return {
    scope: dashboard.scope,
    ranAt: dashboard.ranAt,
    k: view.anonymityThreshold,
    view,
    rows: rows.map((r) => r.row),
  };
}

/** The words the public page shows: published ones only. */
export const publishedWords = (rows: readonly YouSaidItem[]) =>
  rows.flatMap((r) =>
    r.publishedAt && r.publishedTitle !== null && r.publishedStatus !== null
      ? [
          {
            backlogItemId: r.backlogItemId,
            title: r.publishedTitle,
            note: r.publishedNote ?? "",
            status: r.publishedStatus,
            publishedAt: r.publishedAt.toISOString(),
          },
        ]
      : [],
  );

/** The words the preview shows: every draft, as it would read once published. */
export const draftWords = (rows: readonly YouSaidItem[]) =>
  rows.map((r) => ({
    backlogItemId: r.backlogItemId,
    title: r.draftTitle,
    note: r.draftNote,
    status: r.draftStatus,
    publishedAt: r.publishedAt?.toISOString() ?? null,
  }));
