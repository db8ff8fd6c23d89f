// `npm run dev` opened at http://127.0.0.1:<port> while NEXTAUTH_URL names localhost: Next.js must
// serve its dev scripts there (allowedDevOrigins) and next-auth's redirects must stay on 127.0.0.1,
// where the session cookie lives (lib/auth/dev-redirects.ts).
import { spawn, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { expect, test } from "@playwright/test";

const root = path.resolve(import.meta.dirname, "..", "..");
let server: ChildProcess | undefined;
let serverLog = "";
let origin = "";
let dataDir = "";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

test.beforeAll(async () => {
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  dataDir = `.data/dev-${port}`;
  rmSync(path.join(root, dataDir), { recursive: true, force: true });
  const env = {
    ...process.env,
    NODE_ENV: "development" as const,
    // The default distDir (.next/dev in development): another one would make next dev add include paths to tsconfig.json.
    NEXT_DIST_DIR: undefined,
    DATABASE_URL: "",
    PGLITE_DATA_DIR: dataDir,
    DEMO_SEED: "true",
    AUTH_SECRET: "dev-server-test-secret-0123456789",
    NEXTAUTH_URL: `http://localhost:${port}`,
    NEXT_TELEMETRY_DISABLED: "1",
  };
  // Its own process group, so that stopping it also stops the dev server's worker.
  const child = spawn(path.join(root, "node_modules", ".bin", "next"), ["dev", "-p", String(port)], {
    cwd: root,
    env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  server = child;
  child.stdout?.on("data", (chunk) => (serverLog += chunk));
  child.stderr?.on("data", (chunk) => (serverLog += chunk));
  const deadline = Date.now() + 240_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next dev exited:\n${serverLog}`);
    const healthy = await fetch(`${origin}/api/health`, { signal: AbortSignal.timeout(120_000) }).then(
      (r) => r.ok,
      () => false,
    );
    if (healthy) break;
    if (Date.now() > deadline) throw new Error(`next dev did not answer /api/health:\n${serverLog}`);
    await new Promise((r) => setTimeout(r, 500));
  }
});

test.afterAll(async () => {
  if (server?.pid && server.exitCode === null) {
    const exited = new Promise((resolve) => server!.once("exit", resolve));
    process.kill(-server.pid, "SIGTERM");
    await exited;
  }
  if (dataDir) rmSync(path.join(root, dataDir), { recursive: true, force: true });
});

test("signs in and out on the development server opened at 127.0.0.1", async ({ page }) => {
  const blocked: string[] = [];
  page.on("response", (response) => {
    if (response.status() === 403 && new URL(response.url()).pathname.startsWith("/_next/"))
      blocked.push(response.url());
  });
  // Every dev chunk loaded, so the form is hydrated before it is used.
  await page.goto(`${origin}/sign-in`, { waitUntil: "networkidle", timeout: 240_000 });
  expect(blocked, "next dev refused its scripts to a page opened at 127.0.0.1").toEqual([]);
  await page.getByLabel("Email").fill("owner@dxpulse.dev");
  await page.getByLabel("Password").fill("dxpulse-demo");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(`${origin}/dashboard`, { timeout: 240_000 });
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible({ timeout: 120_000 });

  // next-auth builds sign-out's redirect on NEXTAUTH_URL (localhost); it must come back to 127.0.0.1.
  // Sign-out is a client action: wait until the dashboard's dev chunks have loaded and hydrated it.
  await page.waitForLoadState("networkidle", { timeout: 240_000 });
  // A click that lands before hydration does nothing, so click again until it takes.
  await expect(async () => {
    if (new URL(page.url()).pathname === "/dashboard")
      await page.getByRole("button", { name: "Sign out" }).click({ timeout: 5_000 });
    await expect(page).toHaveURL(`${origin}/sign-in`, { timeout: 15_000 });
  }).toPass({ timeout: 180_000 });
  await expect(page.getByRole("button", { name: "Sign in", exact: true })).toBeVisible();

  expect(blocked).toEqual([]);
  expect(serverLog).not.toContain("Blocked cross-origin request");
});
