// Runs once when a server starts: open the database, apply migrations and (embedded demo) seed,
// so the first request does not pay for it and a broken DATABASE_URL fails loudly at start-up.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Before the first request: rate limits and sign-in throttling key on the TCP peer's address.
  const { recordSocketAddresses } = await import("@/lib/api/client-address");
  recordSocketAddresses();
  const { getDatabaseHandle } = await import("@/lib/db/client");
  const { isBuildPhase } = await import("@/lib/env");
  if (isBuildPhase) return;
  const started = Date.now();
  const handle = await getDatabaseHandle();
  console.log(`[dx-pulse] database ready (${handle.engine}) in ${Date.now() - started} ms`);
}
