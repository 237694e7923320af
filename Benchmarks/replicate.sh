#!/usr/bin/env bash
# Builds a large input by replicating a tidy return and its population file K times, each copy
# with distinct council codes (copy k: numeric code c of up to 3 digits becomes c + 1000·k, any
# other code "R<k>-<code>"; copy 0 keeps the codes), so K copies hold K times the councils,
# rows and respondents of the original, each council with its own population rows.
#
# usage: Benchmarks/replicate.sh K returns.csv population.csv out-returns.csv out-population.csv
# Needs unquoted CSV with LF line ends (what `caresurvey example` writes); the LaCode column is
# found by name in each header.
set -euo pipefail
if [ $# -ne 5 ]; then
    echo "usage: $0 K returns.csv population.csv out-returns.csv out-population.csv" >&2
    exit 2
fi
copies=$1; returns=$2; population=$3; out_returns=$4; out_population=$5
for f in "$returns" "$population"; do
    if grep -q '"' "$f" || grep -q $'\r' "$f"; then
        echo "$0: $f has quotes or CR line ends; only plain CSV is supported" >&2
        exit 2
    fi
done

# replicate_one FILE OUT: header once, then every data row once per copy.
replicate_one() {
    local file=$1 out=$2
    head -n 1 "$file" > "$out"
    for ((k = 0; k < copies; k++)); do
        awk -F, -v OFS=, -v k="$k" '
            NR == 1 { for (i = 1; i <= NF; i++) if ($i == "LaCode") col = i; if (!col) { print "no LaCode column" > "/dev/stderr"; exit 3 }; next }
            k > 0 { if ($col ~ /^[0-9]+$/ && length($col) <= 3) $col = $col + 1000 * k; else $col = "R" k "-" $col }
            { print }
        ' "$file" >> "$out"
    done
}
replicate_one "$returns" "$out_returns"
replicate_one "$population" "$out_population"
