#!/bin/sh
# Validates Bilint's SARIF output with Microsoft's official SARIF validator
# (the SARIF Multitool). Installs the tool on first use into a cache folder
# outside the repository, lints the real corpus (or validates the SARIF file
# given), and fails when the validator reports any error.
#
#   scripts/validate-sarif.sh            # lint ../shared/corpus/real, validate
#   scripts/validate-sarif.sh out.sarif  # validate an existing file
set -eu

ROOT=$(cd "$(dirname "$0")/.." && pwd)
VERSION=5.7.0
TOOL_DIR=${BILINT_SARIF_TOOL_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/bilint/sarif}
TOOL=$TOOL_DIR/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool

if [ ! -x "$TOOL" ]; then
  echo "Installing @microsoft/sarif-multitool-linux@$VERSION into $TOOL_DIR"
  mkdir -p "$TOOL_DIR"
  [ -f "$TOOL_DIR/package.json" ] || echo '{"private":true}' > "$TOOL_DIR/package.json"
  # --ignore-scripts: the package's install script is not needed to run the tool.
  (cd "$TOOL_DIR" && npm install --ignore-scripts --no-audit --no-fund --silent "@microsoft/sarif-multitool-linux@$VERSION")
  chmod +x "$TOOL"
fi

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

if [ $# -ge 1 ]; then
  INPUT=$1
else
  CORPUS=${BILINT_CORPUS:-$ROOT/../shared/corpus/real}
  INPUT=$WORK/bilint.sarif
  # Exit code 1 only means the posts have errors; 2 is a real failure.
  node "$ROOT/bin/bilint.js" "$CORPUS" --format sarif --output-file "$INPUT" || [ $? -eq 1 ]
fi

# The validator writes its findings as SARIF too; it exits 0 either way, so we read them.
"$TOOL" validate "$INPUT" --output "$WORK/report.sarif" --quiet >/dev/null 2>&1 || true
if [ ! -s "$WORK/report.sarif" ]; then
  echo "The SARIF validator produced no report for $INPUT." >&2
  exit 2
fi
node - "$WORK/report.sarif" "$INPUT" <<'JS'
const fs = require('fs');
const [report, input] = process.argv.slice(2);
const log = JSON.parse(fs.readFileSync(report, 'utf8').replace(/^\uFEFF/, ''));
const results = log.runs.flatMap((r) => r.results || []);
const errors = results.filter((r) => r.level === 'error');
const warnings = results.filter((r) => r.level !== 'error' && r.level !== 'note' && r.level !== 'none');
for (const r of results) {
  const text = r.message.text || (r.message.arguments || []).join(' | ');
  console.log(`${r.level || 'warning'} ${r.ruleId}: ${text}`);
}
const size = fs.statSync(input).size;
console.log(`SARIF validation of ${input} (${size} bytes): ${errors.length} errors, ${warnings.length} warnings.`);
process.exit(errors.length ? 1 : 0);
JS
