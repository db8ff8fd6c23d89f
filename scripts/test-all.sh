#!/usr/bin/env bash
# npm test — the whole suite: lint, typecheck, unit, integration (PGlite, and PostgreSQL when
# TEST_DATABASE_URL is set), production build, end-to-end in Chromium, a sign-in on the development
# server through 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
started=$(date +%s)
step() { echo; echo "━━ $1 ($(( $(date +%s) - started ))s)"; }

step "lint";               npm run lint --silent
step "typecheck";          npx tsc --noEmit
step "unit";               npx vitest run --project unit
step "integration: PGlite"; TEST_ENGINE=pglite npx vitest run --project integration
if [ -n "${TEST_DATABASE_URL:-}" ]; then
  step "integration: PostgreSQL"; TEST_ENGINE=postgres npx vitest run --project integration
else
  echo "TEST_DATABASE_URL is not set: skipping the PostgreSQL run of the integration suite (CI sets it)."
fi
step "build";              NEXT_DIST_DIR=.next npx next build
step "e2e";                npx playwright test
step "dev server opened at 127.0.0.1: sign in"; npx playwright test -c playwright.dev.config.ts
if [ -n "${TEST_DATABASE_URL:-}" ]; then
  step "PostgreSQL path: migrate, start, e2e smoke"; bash scripts/smoke-postgres.sh
  # Kills the server and stops PostgreSQL on purpose, so it runs last, one file at a time.
  if command -v pg_ctlcluster >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    step "system: two instances on one database; SIGKILL and database outage under load"; npx vitest run --project system --no-file-parallelism
  fi
fi
step "done in $(( $(date +%s) - started ))s"
