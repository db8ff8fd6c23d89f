import "server-only";
import { desc, eq, sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { responses, surveys } from "@/lib/db/schema";

export async function listSurveys() {
  const db = await getDb();
  return db
    .select({
      id: surveys.id,
      title: surveys.title,
      period: surveys.period,
      status: surveys.status,
      updatedAt: surveys.updatedAt,
      responseCount: sql<number>`(select count(*)::int from ${responses} where ${responses.surveyId} = ${surveys.id})`,
    })
    .from(surveys)
    .orderBy(desc(surveys.period), desc(surveys.createdAt));
}

export async function getSurveyById({ id }: { id: string }) {
  const db = await getDb();
  const [survey] = await db.select().from(surveys).where(eq(surveys.id, id));
  return survey ?? null;
}
