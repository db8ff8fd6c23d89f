// npm run db:seed — wipes the database and loads the demo workspace again.
import { openDatabase } from "@/lib/db/client";
import { DEMO_PASSWORD, demoUsers } from "@/lib/demo/accounts";
import { resetDatabase, seedDemo } from "@/lib/demo/seed";
import { env } from "@/lib/env";

const started = Date.now();
const handle = await openDatabase({ url: env.DATABASE_URL });
await resetDatabase(handle.db);
await seedDemo(handle.db);
await handle.close();
console.log(`Demo workspace seeded in ${Date.now() - started} ms.`);
for (const u of demoUsers) console.log(`  ${u.role.padEnd(6)} ${u.email} / ${DEMO_PASSWORD}`);
