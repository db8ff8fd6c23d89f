import { defineConfig } from "@playwright/test";
import e2e from "./playwright.config";

// The development server, opened the way newcomers open it (http://127.0.0.1:<port>). Its spec
// starts `next dev` itself on a free port; the main suite (playwright.config.ts) runs `next start`.
export default defineConfig({
  ...e2e,
  testDir: "./e2e/dev-server",
  testMatch: "**/*.dev.ts",
  // First compiles of the sign-in page and the dashboard take a while on a small machine.
  timeout: 360_000,
  expect: { timeout: 30_000 },
  workers: 1,
  webServer: undefined,
  use: { ...e2e.use, baseURL: undefined },
});
