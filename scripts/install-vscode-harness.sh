#!/usr/bin/env bash
# Install everything test/vscode/harness.js needs to run a mocha suite inside a
# real VS Code extension host, offline (npm registry + Debian packages only):
#   - Debian packages: libkrb5-dev ripgrep chromium (+ build tools, CJK fonts)
#   - code-server@4.100.3 (= VS Code 1.100.3), prepared as in
#     shared/notes/real-vscode.md (ignore-scripts install, lib/vscode deps,
#     ripgrep from /usr/bin/rg, native rebuilds, symlinks, built-in extensions,
#     argon2 rebuild)
#   - playwright-core (no browser download) and @vscode/vsce@3.9.2 in
#     <cache>/tools, so the project's own package.json is never touched.
#
# Cache folder: $BILINT_HARNESS_CACHE, default
#   $HOME/.cache/bilint/code-server-4.100.3
# Idempotent: a marker file (<cache>/.bilint-harness-installed) is written at
# the very end; when it is present and matches the pinned versions, the npm part
# is skipped. The install is built in "<cache>.partial" and renamed into place
# only when complete, so an interrupted run never leaves a cache that looks good.
#
# Usage: bash scripts/install-vscode-harness.sh     (as root, or with sudo)
set -euo pipefail

CODE_SERVER_VERSION=4.100.3
PLAYWRIGHT_CORE_VERSION=1.65.1
VSCE_VERSION=3.9.2
CACHE="${BILINT_HARNESS_CACHE:-$HOME/.cache/bilint/code-server-${CODE_SERVER_VERSION}}"
MARKER_NAME=.bilint-harness-installed
STAMP="code-server@${CODE_SERVER_VERSION} playwright-core@${PLAYWRIGHT_CORE_VERSION} @vscode/vsce@${VSCE_VERSION} node-abi@$(node -p process.versions.modules)"
APT_PACKAGES=(libkrb5-dev ripgrep chromium build-essential python3 fonts-noto-cjk)

START=$(date +%s)
log() { printf '[install-vscode-harness] %s\n' "$*"; }
die() { printf '[install-vscode-harness] ERROR: %s\n' "$*" >&2; exit 1; }
trap 'rc=$?; [ $rc -eq 0 ] || printf "[install-vscode-harness] FAILED (exit %s) at line %s: %s\n" "$rc" "$LINENO" "$BASH_COMMAND" >&2' EXIT

command -v node >/dev/null || die "node is not on PATH (need Node 20)"
command -v npm >/dev/null || die "npm is not on PATH"
NODE_MAJOR=$(node -p 'process.versions.node.split(".")[0]')
[ "$NODE_MAJOR" = 20 ] || log "WARNING: node $(node --version); code-server ${CODE_SERVER_VERSION} is pinned for Node 20"

# ---- 1. Debian packages -----------------------------------------------------
SUDO=""
if [ "$(id -u)" != 0 ]; then
  command -v sudo >/dev/null || die "not root and no sudo: cannot apt-get install"
  SUDO=sudo
fi
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q '^install ok installed$' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  log "apt: installing ${missing[*]}"
  $SUDO apt-get update
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends "${missing[@]}"
else
  log "apt: ${APT_PACKAGES[*]} already installed"
fi
[ -x /usr/bin/rg ] || die "/usr/bin/rg missing after apt install"
[ -x /usr/lib/chromium/chromium ] || die "/usr/lib/chromium/chromium missing after apt install"
[ -f /usr/include/node/node.h ] || log "WARNING: /usr/include/node/node.h missing: native rebuilds may try to download Node headers and fail offline"

# ---- 2. npm part (skipped when the marker matches) --------------------------
if [ -f "$CACHE/$MARKER_NAME" ] && [ "$(cat "$CACHE/$MARKER_NAME")" = "$STAMP" ] \
   && [ -x "$CACHE/node_modules/.bin/code-server" ]; then
  log "already installed in $CACHE ($STAMP): nothing to do"
  log "done in $(( $(date +%s) - START )) s"
  exit 0
fi
if [ -e "$CACHE" ]; then
  if [ -f "$CACHE/$MARKER_NAME" ]; then
    log "existing install in $CACHE has a different stamp ($(cat "$CACHE/$MARKER_NAME")): rebuilding"
  else
    die "$CACHE exists but has no $MARKER_NAME: not ours or incomplete; remove it and rerun"
  fi
fi

STAGE="$CACHE.partial"
log "building in $STAGE"
rm -rf "$STAGE"
mkdir -p "$STAGE"
export npm_config_yes=true npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false

log "npm install --ignore-scripts code-server@${CODE_SERVER_VERSION}"
( cd "$STAGE" && printf '{"name":"bilint-vscode-harness-cache","private":true}\n' > package.json \
  && npm install --ignore-scripts --save-exact "code-server@${CODE_SERVER_VERSION}" )

CS="$STAGE/node_modules/code-server"
VS="$CS/lib/vscode"
[ -d "$VS" ] || die "$VS missing"

log "lib/vscode: npm install --omit=dev --ignore-scripts"
( cd "$VS" && npm install --omit=dev --ignore-scripts )

log "lib/vscode: ripgrep from /usr/bin/rg"
mkdir -p "$VS/node_modules/@vscode/ripgrep/bin"
cp /usr/bin/rg "$VS/node_modules/@vscode/ripgrep/bin/rg"

log "lib/vscode: npm rebuild (native modules)"
( cd "$VS" && npm rebuild )

log "symlinks"
ln -sfn node_modules "$VS/node_modules.asar"
ln -sfn code-linux.sh "$VS/bin/remote-cli/code-server"
ln -sfn browser-linux.sh "$VS/bin/helpers/browser.sh"

log "lib/vscode/extensions: npm install --omit=dev"
( cd "$VS/extensions" && npm install --omit=dev )

log "npm rebuild argon2"
( cd "$STAGE" && npm rebuild argon2 )

log "tools: playwright-core@${PLAYWRIGHT_CORE_VERSION} (--ignore-scripts, no browser download)"
mkdir -p "$STAGE/tools"
( cd "$STAGE/tools" && printf '{"name":"bilint-vscode-harness-tools","private":true}\n' > package.json \
  && npm install --ignore-scripts --save-exact "playwright-core@${PLAYWRIGHT_CORE_VERSION}" )
log "tools: @vscode/vsce@${VSCE_VERSION} (--omit=optional, no keytar)"
( cd "$STAGE/tools" && npm install --omit=optional --save-exact "@vscode/vsce@${VSCE_VERSION}" )

log "checks"
# code-server writes a default config.yaml into $HOME on every start: give it a throwaway HOME
CHECK_HOME=$(mktemp -d)
VERSION_LINE=$(HOME="$CHECK_HOME" XDG_CONFIG_HOME="$CHECK_HOME/.config" XDG_DATA_HOME="$CHECK_HOME/.local/share" \
  "$STAGE/node_modules/.bin/code-server" --version 2>&1 | grep -F "with Code" | head -1 || true)
rm -rf "$CHECK_HOME"
log "code-server --version: $VERSION_LINE"
case "$VERSION_LINE" in *"${CODE_SERVER_VERSION}"*) ;; *) die "unexpected code-server version: $VERSION_LINE" ;; esac
log "vsce --version: $("$STAGE/tools/node_modules/.bin/vsce" --version)"
node -e 'require(process.argv[1]); console.log("[install-vscode-harness] playwright-core loads")' \
  "$STAGE/tools/node_modules/playwright-core"
log "chromium: $(/usr/lib/chromium/chromium --version 2>/dev/null || true)"

printf '%s\n' "$STAMP" > "$STAGE/$MARKER_NAME"
rm -rf "$CACHE"
mkdir -p "$(dirname "$CACHE")"
mv "$STAGE" "$CACHE"
log "installed in $CACHE ($(du -sh "$CACHE" | cut -f1))"
log "done in $(( $(date +%s) - START )) s"
