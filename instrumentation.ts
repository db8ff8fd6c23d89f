// Runs once when a server starts: open the database, apply migrations, finish start-up maintenance
// and (embedded demo) seed, so the first request does not pay for it and a broken DATABASE_URL fails
// loudly at start-up. Next.js waits for register() before it serves a request.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Before the first request: record each request's TCP peer address, refuse unsupported methods.
  const { installFrontDoor } = await import("@/lib/api/front-door");
  installFrontDoor();
  const { getDatabaseHandle } = await import("@/lib/db/client");
  const { demoSeedEnabled, isBuildPhase } = await import("@/lib/env");
  if (isBuildPhase) return;
  const started = Date.now();
  const handle = await getDatabaseHandle();
  // Backlog themes curated before published figures came from releases get their first one.
  const { releaseUnreleasedThemes } = await import("@/lib/backlog/queries");
  await releaseUnreleasedThemes(handle.db);
  console.log(`[dx-pulse] database ready (${handle.engine}) in ${Date.now() - started} ms`);
  if (demoSeedEnabled) {
    const { seedDemoIfEmpty } = await import("@/lib/demo/seed");
    await seedDemoIfEmpty(handle.db);
  }
  // This instance's job workers (lib/jobs): pg-boss installs or migrates its `pgboss` schema, then
  // polls for due jobs; SIGTERM/SIGINT hand running jobs back for a retry.
  const { startJobWorkers } = await import("@/lib/jobs/workers");
  await startJobWorkers();
  console.log(`[dx-pulse] job workers started`);
  // The clustering thread starts now and warms up in the background (lib/text/cluster-off-thread.ts),
  // so the first backlog analysis is as fast as later ones.
  const { warmClusteringThread } = await import("@/lib/text/cluster-off-thread");
  warmClusteringThread();
}
