#!/usr/bin/env bash
# `yarn test:all`: type checks, lint, formatting, the API reports, then every
# test suite. The adoption test (scripts/adoption, `yarn test:adoption`) runs
# beside the unit, reliability and end-to-end suites: alone it takes about as
# long as they do, mostly installing two fresh apps, and run after them it
# would take CI's run near its 30 minutes. The packages it installs are packed
# first, in the foreground, so that no suite sees a package.json that
# `yarn pack` has rewritten for publishing. Its output goes to
# .test-results/adoption.log and is printed at the end.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p .test-results

yarn tsc:full && yarn lint:all && yarn prettier:check &&
  yarn build:api-reports:only --ci || exit 1

packages="$(mktemp -d "${TMPDIR:-/tmp}/bvb-packages-XXXXXX")"
adoption=""
cleanup() {
  [ -n "$adoption" ] && kill "$adoption" 2>/dev/null
  rm -rf "$packages"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

status=0
# tsc:full has just written dist-types: packing does not check types again.
if RELEASE_PACK_SKIP_TSC=1 bash scripts/release-pack.sh "$packages" \
  >.test-results/adoption-pack.log 2>&1; then
  # `yarn test:adoption` without Yarn in between, so that the process to stop
  # is the test itself (it stops what it started).
  ADOPTION_PACKAGES="$packages" node scripts/adoption/adoption-test.js \
    >.test-results/adoption.log 2>&1 </dev/null &
  adoption=$!
else
  echo "release:pack failed, the adoption test cannot run:"
  tail -40 .test-results/adoption-pack.log
  node -e 'require("fs").writeFileSync(".test-results/adoption.json", JSON.stringify({ numPassedTests: 0, numFailedTests: 1 }))'
  status=1
fi

yarn test:unit && yarn test:reliability && yarn test:e2e || status=1

if [ -n "$adoption" ]; then
  wait "$adoption" || status=1
  adoption=""
  echo "--- yarn test:adoption (ran beside the suites above)"
  cat .test-results/adoption.log
fi
exit $status
