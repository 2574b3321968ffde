#!/usr/bin/env bash
# Runs the reliability suites of packages/reliability against PostgreSQL and
# SQLite, one file at a time (the PostgreSQL restart must not overlap the
# other suites), and writes the Jest report where scripts/test-totals.js
# counts it. In CI (CI set) the suite that restarts the local PostgreSQL
# cluster runs too; elsewhere it is skipped unless
# RELIABILITY_RESTART_POSTGRES=1, since a restart disturbs every user of the
# cluster.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING:-}" ]; then
  source scripts/postgres.sh
fi
if [ -n "${CI:-}" ]; then
  export RELIABILITY_RESTART_POSTGRES="${RELIABILITY_RESTART_POSTGRES:-1}"
fi
mkdir -p .test-results
exec yarn workspace reliability test:reliability --ci --runInBand --json \
  --outputFile="$PWD/.test-results/reliability.json" "$@"
