#!/usr/bin/env bash
# Runs one fuzz target on its seed corpus (Fuzz/corpus/<target>/, read-only) and its working
# corpus (Fuzz/corpus-out/<target>/, gitignored, where libFuzzer keeps the new inputs it finds).
# Crash, timeout and out-of-memory inputs go to Fuzz/artifacts/<target>/.
#
# Usage: Fuzz/run.sh csv|xlsx [libFuzzer options…]     e.g.  Fuzz/run.sh csv -runs=1000000
# Build first with Fuzz/build.sh.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
target="${1:?usage: run.sh csv|xlsx [libFuzzer options]}"
shift
case "$target" in
    csv) maxlen=8192 ;;
    xlsx) maxlen=65536 ;;
    *) echo "unknown target $target (csv or xlsx)" >&2; exit 2 ;;
esac
mkdir -p "$HERE/corpus-out/$target" "$HERE/artifacts/$target"
# The Swift runtime's own crash backtracer fights AddressSanitizer: let libFuzzer/ASan report.
export SWIFT_BACKTRACE=enable=no
# One known Foundation leak on empty files is suppressed (see lsan.supp).
export LSAN_OPTIONS="suppressions=$HERE/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
export CARESURVEY_DATA="${CARESURVEY_DATA:-$(cd "$HERE/.." && pwd)}"
exec "$HERE/.build/fuzz-$target" \
    -max_len=$maxlen -timeout=10 -rss_limit_mb=2048 -dict="$HERE/$target.dict" \
    -artifact_prefix="$HERE/artifacts/$target/" -print_final_stats=1 \
    "$@" "$HERE/corpus-out/$target" "$HERE/corpus/$target"
