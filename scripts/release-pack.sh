#!/usr/bin/env bash
# Builds the published packages and packs each into a tarball, ready for
# `npm publish <tarball>` or for an app to install before the packages are on
# npm (see the install section of plugins/build-vs-buy/README.md).
#   yarn release:pack [output directory, default: release-packages]
# RELEASE_PACK_SKIP_TSC=1 skips the type check, for a caller that has just
# written dist-types with `yarn tsc:full` (scripts/test-all.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-release-packages}"
# A relative directory is taken from the repository's root.
[[ "$out" == /* ]] || out="$(pwd)/$out"
rm -rf "$out"
mkdir -p "$out"
if [ -n "${RELEASE_PACK_SKIP_TSC:-}" ]; then
  yarn workspaces foreach --all --no-private --topological run build
else
  yarn release:build
fi
# `yarn pack` runs each package's prepack (publishConfig's dist entry points)
# and replaces workspace: ranges with the versions being released.
yarn workspaces foreach --all --no-private pack --out "$out/%s-%v.tgz"
ls -1 "$out"
