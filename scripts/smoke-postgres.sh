#!/usr/bin/env bash
# The PostgreSQL path end to end: migrate a fresh database with `npm run db:migrate`, start the
# production server on it with the demo workspace, and run the shell e2e specs against it.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${TEST_DATABASE_URL:?set TEST_DATABASE_URL to a PostgreSQL server URL}"
port=${SMOKE_PORT:-3199}
db=dxpulse_smoke
admin_url=$TEST_DATABASE_URL
url=$(node -e 'const u=new URL(process.argv[1]); u.pathname="/"+process.argv[2]; console.log(u.toString())' "$TEST_DATABASE_URL" "$db")

node -e '
const postgres = require("postgres");
const sql = postgres(process.argv[1], { max: 1, onnotice: () => {} });
(async () => { await sql.unsafe(`drop database if exists ${process.argv[2]} with (force)`); await sql.unsafe(`create database ${process.argv[2]}`); await sql.end(); })();
' "$admin_url" "$db"

DATABASE_URL="$url" npm run -s db:migrate
if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "port $port is already in use"; exit 1; fi
# Started directly (not through npx) so that killing $server stops the server itself.
DATABASE_URL="$url" DEMO_SEED=true AUTH_SECRET=smoke-secret-smoke-secret NEXTAUTH_URL="http://localhost:$port" \
  node_modules/.bin/next start -p "$port" > /tmp/dxpulse-smoke.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -sf "http://localhost:$port/api/health" >/dev/null && break; sleep 1; done
curl -sf "http://localhost:$port/api/health" | grep -q '"engine":"postgres"' || { cat /tmp/dxpulse-smoke.log; echo "health check failed"; exit 1; }
E2E_BASE_URL="http://localhost:$port" E2E_ENGINE=postgres npx playwright test e2e/shell.spec.ts
