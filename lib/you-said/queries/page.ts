import "server-only";
import { isNotNull } from "drizzle-orm";
import { getDb, type DbClient } from "@/lib/db/client";
import { youSaidItems } from "@/lib/db/schema";
import { toYouSaidPage, type YouSaidPage } from "../page";
import { loadPageSource, publishedWords } from "./source";

/** The public page: published words, the dashboard backlog's published figures. */
export async function getYouSaidPage(tx?: DbClient): Promise<YouSaidPage> {
  const client = tx ?? (await getDb());
  const source = await loadPageSource(client);
  return toYouSaidPage(source.view, publishedWords(source.rows), source.k);
}

/** Whether anything is published: the next survey's introduction links to the page only then. */
export async function hasPublishedYouSaid(tx?: DbClient): Promise<boolean> {
  const client = tx ?? (await getDb());
  const rows = await client
    .select({ id: youSaidItems.backlogItemId })
    .from(youSaidItems)
    .where(isNotNull(youSaidItems.publishedAt))
    .limit(1);
  return rows.length > 0;
}
