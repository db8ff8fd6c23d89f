// GET /api/health — liveness and database reachability, for load balancers and uptime checks
import { pingDatabase } from "@/lib/db/client";

export const dynamic = "force-dynamic";

export async function GET() {
  const database = await pingDatabase();
  return Response.json(
    {
      status: database.ok ? "ok" : "degraded",
      database: database.ok ? { ok: true, engine: database.engine } : { ok: false },
    },
    { status: database.ok ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
