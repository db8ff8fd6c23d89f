import "server-only";
import { desc } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { journeyMaps } from "@/lib/db/schema";

export async function listJourneyMaps() {
  const db = await getDb();
  return db.select().from(journeyMaps).orderBy(desc(journeyMaps.updatedAt));
}
