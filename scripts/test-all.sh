#!/usr/bin/env bash
# Every test: typecheck, lint, migration check, unit + integration on PGlite and on PostgreSQL,
# production build, end-to-end in chromium. `npm test` runs this; so does CI.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "typecheck";        npx tsc --noEmit
step "lint";             npx eslint --max-warnings 0 .
step "migrations"
npx drizzle-kit check
# A schema edited without its generated migration would produce a new file here.
npx drizzle-kit generate --name schema-drift >/dev/null
if [ -n "$(git status --porcelain -- db/migrations)" ]; then
  git status --porcelain -- db/migrations
  echo "db/migrations is not in step with db/*.ts: run npm run db:generate and commit the result." >&2
  exit 1
fi
step "tests on PGlite";  npx vitest run
step "tests on PostgreSQL"
PARLEY_TEST_DB=postgres npx vitest run
step "build";            npx next build
step "end-to-end";       npx playwright test
