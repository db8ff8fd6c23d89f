// POST /api/testing/time-travel — test-only: a survey's scheduled work moves `days` earlier, as if that much time had
// passed (lib/testing/time-travel.ts); 404 unless the server runs with TIME_TRAVEL set (owner)
import { z } from "zod";
import { route } from "@/lib/api/route";
import { env } from "@/lib/env";
import { notFound } from "@/lib/errors";
import { letTimePass } from "@/lib/testing/time-travel";

const timeTravelSchema = z.object({ days: z.number().int().min(1).max(400), surveyId: z.uuid() });

export const POST = route({ access: "owner", body: timeTravelSchema }, async ({ body }) => {
  if (!env.TIME_TRAVEL) throw notFound("Time travel");
  return letTimePass(body);
});
