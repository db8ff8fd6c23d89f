import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

// E2E runs against the production build on the embedded database, seeded with the demo workspace.
// Set E2E_BASE_URL to point the specs at a server you already run (e.g. `npm run dev`).
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = process.env.E2E_BASE_URL ?? `http://localhost:${port}`;
const chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));

export default defineConfig({
  testDir: "./e2e",
  testMatch: "**/*.spec.ts",
  // Generous for a loaded 2-core CI machine: the slowest specs take up to ~55 s there, and a timeout
  // is not what they test (each awaits its own conditions with its own limits).
  timeout: 120_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromium,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: process.env.E2E_BASE_URL
    ? undefined
    : {
        command: `rm -rf .data/e2e-${port} && npx next start -p ${port}`,
        url: `${baseURL}/api/health`,
        timeout: 120_000,
        reuseExistingServer: false,
        stdout: "pipe",
        env: {
          PGLITE_DATA_DIR: `.data/e2e-${port}`,
          DEMO_SEED: "true",
          DATABASE_URL: "",
          AUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret",
          NEXTAUTH_URL: baseURL,
          NEXT_TELEMETRY_DISABLED: "1",
          // e2e/distribution.spec.ts runs an SMTP server on this port and a Slack receiver on loopback.
          SMTP_URL: `smtp://127.0.0.1:${port + 1025}`,
          WEBHOOK_ALLOW_LOOPBACK: "true",
          // e2e/distribution.spec.ts advances a survey's scheduled work (POST /api/testing/time-travel).
          TIME_TRAVEL: "true",
        },
      },
});
