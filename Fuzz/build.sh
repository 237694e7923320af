#!/usr/bin/env bash
# Builds the libFuzzer targets into Fuzz/.build/ by compiling the library sources directly with
# swiftc (no change to Package.swift):
#   SurveyModel   -> Fuzz/.build/SurveyModel.o   (+ module)
#   SurveyFiles   -> Fuzz/.build/SurveyFiles.o   (+ module; zlib via the package's Sources/CZlib)
#   fuzz-csv, fuzz-xlsx                           (Fuzz/Targets/*.swift, linked with libFuzzer and -lz)
#
# Usage: Fuzz/build.sh [--sanitize fuzzer,address] [-O|-Onone]
# Defaults: -sanitize=fuzzer,address (coverage-guided + AddressSanitizer, which sees out-of-bounds
# reads through the readers' unsafe pointers) and -O (what ships; Swift's own bounds, overflow and
# unwrap checks stay on). -Onone adds the debug bounds checks of UnsafeBufferPointer subscripts.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
OUT="$HERE/.build"
SANITIZE="fuzzer,address"
OPT="-O"
while [ $# -gt 0 ]; do
    case "$1" in
        --sanitize) SANITIZE="$2"; shift 2 ;;
        -O|-Onone|-Osize) OPT="$1"; shift ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
done
SWIFTC="${SWIFTC:-swiftc}"
mkdir -p "$OUT/modules"
COMMON=(-use-ld=lld -swift-version 6 -parse-as-library "$OPT" -g -sanitize="$SANITIZE" -I "$OUT/modules" -I "$ROOT/Sources/CZlib")

echo "== SurveyModel"
"$SWIFTC" "${COMMON[@]}" -module-name SurveyModel -wmo -c \
    -emit-module -emit-module-path "$OUT/modules/SurveyModel.swiftmodule" \
    $(find "$ROOT/Sources/SurveyModel" -name '*.swift' | sort) -o "$OUT/SurveyModel.o"

echo "== SurveyFiles"
"$SWIFTC" "${COMMON[@]}" -module-name SurveyFiles -wmo -c \
    -emit-module -emit-module-path "$OUT/modules/SurveyFiles.swiftmodule" \
    $(find "$ROOT/Sources/SurveyFiles" -name '*.swift' | sort) -o "$OUT/SurveyFiles.o"

for target in csv xlsx; do
    case $target in csv) main=CSVFuzz.swift ;; xlsx) main=XLSXFuzz.swift ;; esac
    echo "== fuzz-$target"
    "$SWIFTC" "${COMMON[@]}" -module-name Fuzz${target} \
        "$HERE/Targets/FuzzSupport.swift" "$HERE/Targets/$main" \
        "$OUT/SurveyModel.o" "$OUT/SurveyFiles.o" -lz -o "$OUT/fuzz-$target"
done
# What was built (others may edit the sources between builds): commit, and a hash of the sources.
{
    date -u +%FT%TZ
    git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo "no git"
    find "$ROOT/Sources/SurveyModel" "$ROOT/Sources/SurveyFiles" "$HERE/Targets" -name '*.swift' -print0 | sort -z | xargs -0 cat | sha256sum | cut -c1-16
} > "$OUT/BUILD-INFO"
echo "built: $OUT/fuzz-csv $OUT/fuzz-xlsx ($(tr '\n' ' ' < "$OUT/BUILD-INFO"))"
