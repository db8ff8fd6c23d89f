// npm run db:migrate — applies drizzle/ migrations to DATABASE_URL, or to the embedded PGlite folder.
import { openDatabase } from "@/lib/db/client";
import { env } from "@/lib/env";

const started = Date.now();
const handle = await openDatabase({ url: env.DATABASE_URL });
await handle.close();
console.log(
  `Migrations applied to ${env.DATABASE_URL ? "PostgreSQL" : `PGlite (${env.PGLITE_DATA_DIR})`} in ${Date.now() - started} ms`,
);
