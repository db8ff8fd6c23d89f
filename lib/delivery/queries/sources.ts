import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { desc, eq } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { deliverySources } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";
import type { DeliveryProvider } from "../constants";

/** What a provider's check needs: GitHub signs with the secret itself; GitLab's token is compared by hash. */
export function verifierOf(provider: DeliveryProvider, secret: string): string {
  return provider === "github" ? secret : createHash("sha256").update(secret).digest("hex");
}

const publicColumns = {
  id: deliverySources.id,
  provider: deliverySources.provider,
  name: deliverySources.name,
  secretRotatedAt: deliverySources.secretRotatedAt,
  createdAt: deliverySources.createdAt,
};

export async function listDeliverySources() {
  const db = await getDb();
  return db.select(publicColumns).from(deliverySources).orderBy(desc(deliverySources.createdAt));
}

/** A new integration and its secret, which is returned this once and never again. */
export async function createDeliverySource({ provider, name }: { provider: DeliveryProvider; name: string }) {
  const db = await getDb();
  const secret = randomBytes(32).toString("base64url");
  const [source] = await db
    .insert(deliverySources)
    .values({ provider, name, verifier: verifierOf(provider, secret) })
    .returning(publicColumns);
  return { source, secret };
}

/** A fresh secret; deliveries signed with the old one are refused from now on. */
export async function regenerateDeliverySecret({ id }: { id: string }) {
  const db = await getDb();
  const [current] = await db
    .select({ provider: deliverySources.provider })
    .from(deliverySources)
    .where(eq(deliverySources.id, id));
  if (!current) throw notFound("Integration");
  const secret = randomBytes(32).toString("base64url");
  const [source] = await db
    .update(deliverySources)
    .set({ verifier: verifierOf(current.provider, secret), secretRotatedAt: new Date() })
    .where(eq(deliverySources.id, id))
    .returning(publicColumns);
  return { source, secret };
}

export async function deleteDeliverySource({ id }: { id: string }) {
  const db = await getDb();
  const rows = await db.delete(deliverySources).where(eq(deliverySources.id, id)).returning({ id: deliverySources.id });
  if (!rows.length) throw notFound("Integration");
}

/** The verifier of an integration, for checking one delivery; null for an unknown id. */
export async function getDeliveryVerifier({ id }: { id: string }) {
  const db = await getDb();
  const [row] = await db
    .select({ provider: deliverySources.provider, verifier: deliverySources.verifier })
    .from(deliverySources)
    .where(eq(deliverySources.id, id));
  return row ?? null;
}
