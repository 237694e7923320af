#!/usr/bin/env bash
# Writes caresurvey's man pages (section 1: caresurvey.1 and one page per subcommand) into OUTDIR,
# with swift-argument-parser's generate-manual tool, built from the package's resolved checkout of
# swift-argument-parser (no network needed), reading the tool's own help (--experimental-dump-help).
# usage: scripts/make-man-pages.sh CARESURVEY_BINARY OUTDIR
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: $0 CARESURVEY_BINARY OUTDIR" >&2; exit 2; }
BINARY=$1 OUT=$2
cd "$(dirname "$0")/.."
swift build -c release --static-swift-stdlib --product generate-manual >&2
TOOL="$(swift build -c release --static-swift-stdlib --show-bin-path)/generate-manual"
mkdir -p "$OUT"
# A fixed date keeps the pages reproducible: the date of the commit built, else today.
DATE=$(git log -1 --format=%cs 2>/dev/null || date -u +%F)
"$TOOL" "$BINARY" --multi-page --date "$DATE" --output-directory "$OUT"
