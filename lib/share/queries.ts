import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { desc, eq, sql } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/queries";
import type { PublicUser } from "@/lib/auth/queries";
import { getDb, type DbClient } from "@/lib/db/client";
import { shareLinks, surveys } from "@/lib/db/schema";
import { AppError, notFound } from "@/lib/errors";
import type { ShareTarget } from "./constants";
import type { CreateShareLinkInput } from "./schemas";

// Share links: read-only, expiring, revocable views of the overview or one survey's results for people
// without an account. A shared page answers from the same queries as the signed-in dashboards, so it
// shows exactly what a viewer would, under the same anonymity rules; this module only decides whether a
// token opens anything and what it may open.

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");
const DAY_MS = 24 * 60 * 60_000;

export type ShareState = "active" | "expired" | "revoked";
export type ShareLinkView = {
  id: string;
  target: ShareTarget;
  surveyId: string | null;
  surveyTitle: string | null;
  includeFreeText: boolean;
  createdByName: string;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
  views: number;
  state: ShareState;
};

const stateOf = (row: { revokedAt: Date | null; expiresAt: Date }, now: Date): ShareState =>
  row.revokedAt ? "revoked" : row.expiresAt.getTime() <= now.getTime() ? "expired" : "active";

const columns = {
  id: shareLinks.id,
  target: shareLinks.target,
  surveyId: shareLinks.surveyId,
  surveyTitle: surveys.title,
  includeFreeText: shareLinks.includeFreeText,
  createdByName: shareLinks.createdByName,
  createdAt: shareLinks.createdAt,
  expiresAt: shareLinks.expiresAt,
  revokedAt: shareLinks.revokedAt,
  views: shareLinks.views,
};
type Row = {
  id: string;
  target: ShareTarget;
  surveyId: string | null;
  surveyTitle: string | null;
  includeFreeText: boolean;
  createdByName: string;
  createdAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  views: number;
};
const toView = (r: Row, now: Date): ShareLinkView => ({
  id: r.id,
  target: r.target,
  surveyId: r.surveyId,
  surveyTitle: r.surveyTitle,
  includeFreeText: r.includeFreeText,
  createdByName: r.createdByName,
  views: r.views,
  createdAt: r.createdAt.toISOString(),
  expiresAt: r.expiresAt.toISOString(),
  revokedAt: r.revokedAt?.toISOString() ?? null,
  state: stateOf(r, now),
});

/** A new link; the token is returned once (only its hash is kept). */
export async function createShareLink({
  input,
  actor,
  now = new Date(),
}: {
  input: CreateShareLinkInput;
  actor: PublicUser;
  now?: Date;
}): Promise<{ token: string; link: ShareLinkView }> {
  const db = await getDb();
  const token = randomBytes(32).toString("base64url");
  const surveyId = input.target === "survey" ? input.surveyId! : null;
  return db.transaction(async (tx) => {
    let surveyTitle: string | null = null;
    if (surveyId) {
      const [survey] = await tx.select({ title: surveys.title }).from(surveys).where(eq(surveys.id, surveyId));
      if (!survey) throw new AppError("validation", "Choose a survey", { surveyId: ["Unknown survey"] });
      surveyTitle = survey.title;
    }
    const [row] = await tx
      .insert(shareLinks)
      .values({
        tokenHash: hashToken(token),
        target: input.target,
        surveyId,
        includeFreeText: input.includeFreeText,
        createdBy: actor.id,
        createdByName: actor.name || actor.email,
        createdAt: now,
        expiresAt: new Date(now.getTime() + input.days * DAY_MS),
      })
      .returning();
    await recordAudit(
      {
        actor,
        action: "share.create",
        subject: surveyTitle ?? "Dashboard overview",
        detail: { shareLinkId: row.id, days: input.days, includeFreeText: input.includeFreeText },
      },
      tx,
    );
    return { token, link: toView({ ...row, surveyTitle }, now) };
  });
}

/** Every link, newest first, with its state. */
export async function listShareLinks({ now = new Date(), tx }: { now?: Date; tx?: DbClient } = {}) {
  const db = tx ?? (await getDb());
  const rows = await db
    .select(columns)
    .from(shareLinks)
    .leftJoin(surveys, eq(surveys.id, shareLinks.surveyId))
    .orderBy(desc(shareLinks.createdAt));
  return { links: rows.map((r) => toView(r, now)) };
}

/** Revokes a link at once; revoking twice is harmless. */
export async function revokeShareLink({ id, actor, now = new Date() }: { id: string; actor: PublicUser; now?: Date }) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(shareLinks)
      .set({ revokedAt: sql`coalesce(${shareLinks.revokedAt}, ${now.toISOString()}::timestamptz)` })
      .where(eq(shareLinks.id, id))
      .returning();
    if (!row) throw notFound("Share link");
    await recordAudit({ actor, action: "share.revoke", subject: row.target, detail: { shareLinkId: id } }, tx);
    const { links } = await listShareLinks({ now, tx });
    return { link: links.find((l) => l.id === id)! };
  });
}

/** What a token opens, and whether it still may; null for a token that never existed. */
export async function findShareLink({ token, now = new Date() }: { token: string; now?: Date }) {
  const db = await getDb();
  const [row] = await db
    .select(columns)
    .from(shareLinks)
    .leftJoin(surveys, eq(surveys.id, shareLinks.surveyId))
    .where(eq(shareLinks.tokenHash, hashToken(token)));
  return row ? toView(row, now) : null;
}

/** One more view of a link: a counter, nothing about who looked. */
export async function countShareView({ id }: { id: string }) {
  const db = await getDb();
  await db
    .update(shareLinks)
    .set({ views: sql`${shareLinks.views} + 1` })
    .where(eq(shareLinks.id, id));
}

/**
 * The link behind a shared page's API call, if it is active and covers what is asked: the overview's
 * figures, or the one survey it names (and its free text only when the link includes it). 410 once
 * expired or revoked; 404 for anything the link does not open, so a token reveals nothing beyond its view.
 */
export async function requireShareAccess({
  token,
  view,
  surveyId,
  freeText = false,
}: {
  token: string;
  view: "meta" | "overview" | "survey";
  surveyId?: string;
  freeText?: boolean;
}): Promise<ShareLinkView> {
  const link = await findShareLink({ token });
  if (!link) throw notFound("Share link");
  if (link.state !== "active")
    throw new AppError("gone", `This share link has ${link.state === "revoked" ? "been revoked" : "expired"}.`);
  // The filter bar's quarters and teams come with every link; the rest only with the view it shares.
  const covers =
    view === "meta" ||
    (view === "overview" ? link.target === "overview" : link.target === "survey" && link.surveyId === surveyId);
  if (!covers || (freeText && !link.includeFreeText)) throw notFound("Shared view");
  return link;
}
