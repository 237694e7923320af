#!/usr/bin/env bash
# CareSurvey performance at national scale: see Benchmarks/README.md.
#
# Builds the release binary, generates the synthetic national returns (150 councils, seeds 7 and
# 8), times validate / measures / tables / compare on the national CSV and validate on the 150
# official workbooks (median of --runs runs, peak memory), R's survey package on the same data
# (when Rscript and the survey package are installed), and measures on the national CSV
# replicated 1×, 4×, 16×, 80× (about 10 million rows); writes Benchmarks/RESULTS.md.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
runs=5
r_runs=3
scale_runs=3
scales="1 4 16 80"
scratch=""
bin=""
baseline_bin=""
work=""
keep=0
skip_r=0
skip_scaling=0
max_load=1.0
out="$here/RESULTS.md"

usage() {
    sed -n '2,20p' "$here/README.md" >&2
    exit 2
}
while [ $# -gt 0 ]; do
    case $1 in
        --runs) runs=$2; shift 2 ;;
        --r-runs) r_runs=$2; shift 2 ;;
        --scale-runs) scale_runs=$2; shift 2 ;;
        --scales) scales=$2; shift 2 ;;
        --scratch-path) scratch=$2; shift 2 ;;
        --bin) bin=$2; shift 2 ;;
        --baseline-bin) baseline_bin=$2; shift 2 ;;
        --work) work=$2; shift 2 ;;
        --keep) keep=1; shift ;;
        --skip-r) skip_r=1; shift ;;
        --skip-scaling) skip_scaling=1; shift ;;
        --max-load) max_load=$2; shift 2 ;;
        --output) out=$2; shift 2 ;;
        -h|--help) usage ;;
        *) echo "unknown option $1" >&2; usage ;;
    esac
done

log() { echo "[bench] $*" >&2; }
load1() { cut -d' ' -f1 /proc/loadavg; }
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }

# Waits (up to 5 minutes) for the 1-minute load average to drop below --max-load, so the
# numbers are not another process's; goes on regardless afterwards (the load is reported).
wait_quiet() {
    local tries=0
    while awk -v l="$(load1)" -v m="$max_load" 'BEGIN { exit !(l > m) }' && [ $tries -lt 30 ]; do
        [ $tries -eq 0 ] && log "load average $(loadavg) is above $max_load; waiting (up to 5 min)"
        sleep 10
        tries=$((tries + 1))
    done
}

# ---- Build --------------------------------------------------------------------------------
if [ -z "$bin" ]; then
    log "building release"
    build_args=(-c release --package-path "$repo")
    [ -n "$scratch" ] && build_args+=(--scratch-path "$scratch")
    swift build "${build_args[@]}" >&2
    bin="$(swift build "${build_args[@]}" --show-bin-path)/caresurvey"
fi
[ -x "$bin" ] || { echo "no binary at $bin" >&2; exit 3; }
export CARESURVEY_DATA="$repo"

# ---- Data ---------------------------------------------------------------------------------
if [ -z "$work" ]; then work=$(mktemp -d /tmp/caresurvey-bench.XXXXXX); fi
mkdir -p "$work"
cleanup() { if [ $keep -eq 0 ]; then rm -rf "$work"; fi; }
trap cleanup EXIT
for seed in 7 8; do
    if [ ! -f "$work/national-$seed/ascs/returns.csv" ]; then
        log "generating national data, seed $seed"
        "$bin" example --councils 150 --seed "$seed" --output "$work/national-$seed" >&2
    fi
done
n7="$work/national-7/ascs"
n8="$work/national-8/ascs"

# ---- Timing -------------------------------------------------------------------------------
# time_runs N CMD... : runs CMD N times (stdout to a file, exit status 0 or 1 accepted) and prints
# "median min max cpu_median peak_kb" (seconds; cpu = user + system; peak = max RSS over runs).
time_runs() {
    local n=$1; shift
    local walls=() cpus=() peak=0 i start end rc
    for ((i = 0; i < n; i++)); do
        start=$(date +%s.%N)
        set +e
        /usr/bin/time -f "%U %S %M" -o "$work/time.txt" "$@" > "$work/stdout.txt" 2> "$work/stderr.txt"
        rc=$?
        set -e
        end=$(date +%s.%N)
        if [ $rc -gt 1 ]; then
            echo "command failed ($rc): $*" >&2
            tail -5 "$work/stderr.txt" >&2
            exit 4
        fi
        walls+=("$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.4f", b - a }')")
        read -r user sys kb < <(tail -1 "$work/time.txt")
        cpus+=("$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')")
        [ "$kb" -gt "$peak" ] && peak=$kb
    done
    local m mn mx c
    m=$(printf '%s\n' "${walls[@]}" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }')
    mn=$(printf '%s\n' "${walls[@]}" | sort -g | head -1)
    mx=$(printf '%s\n' "${walls[@]}" | sort -g | tail -1)
    c=$(printf '%s\n' "${cpus[@]}" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }')
    echo "$m $mn $mx $c $peak"
}

declare -A label command
names=(validate measures tables compare workbooks)
label[validate]="validate national CSV (127,533 rows)"
label[measures]="measures national CSV"
label[tables]="tables national CSV"
label[compare]="compare seed 7 → seed 8 (both from returns)"
label[workbooks]="validate 150 official workbooks (folder)"
command[validate]="validate $n7/returns.csv --format json"
command[measures]="measures $n7/returns.csv --population $n7/population.csv --format json"
command[tables]="tables $n7/returns.csv --population $n7/population.csv --format json"
command[compare]="compare --before $n7/returns.csv --before-population $n7/population.csv --after $n8/returns.csv --after-population $n8/population.csv --format json"
command[workbooks]="validate $n7/xlsx --format json"

declare -A result baseline
wait_quiet
national_load_before=$(loadavg)
for name in "${names[@]}"; do
    log "timing ${label[$name]} ($runs runs)"
    # shellcheck disable=SC2086
    result[$name]=$(time_runs "$runs" "$bin" ${command[$name]})
    if [ -n "$baseline_bin" ]; then
        # shellcheck disable=SC2086
        baseline[$name]=$(time_runs "$runs" "$baseline_bin" ${command[$name]})
    fi
done
national_load_after=$(loadavg)
rows=$(awk 'END { print NR - 1 }' "$n7/returns.csv")
set +e
"$bin" validate "$n7/returns.csv" --format json > "$work/validate.json"
set -e
respondents=$(awk -F'[:,]' '/"respondents"/ { gsub(/ /, "", $2); print $2; exit }' "$work/validate.json")

# ---- R -----------------------------------------------------------------------------------
r_status="not run (--skip-r)"
r_median=""
if [ $skip_r -eq 0 ]; then
    if command -v Rscript > /dev/null && Rscript -e 'quit(status = !requireNamespace("survey", quietly = TRUE))' > /dev/null 2>&1; then
        log "timing R survey ($r_runs runs)"
        r_times=()
        for ((i = 0; i < r_runs; i++)); do
            line=$(Rscript "$here/r-survey-bench.R" "$n7/returns.csv" "$n7/population.csv" 2>/dev/null | tail -1)
            r_times+=("$(echo "$line" | awk '{ print $(NF - 1) }')")
        done
        r_median=$(printf '%s\n' "${r_times[@]}" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }')
        r_status="R $(Rscript -e 'cat(as.character(getRversion()))' 2>/dev/null), survey $(Rscript -e 'cat(as.character(packageVersion("survey")))' 2>/dev/null)"
    else
        r_status="not run: Rscript with the survey package is not installed (apt-get install -y r-base-core r-cran-survey)"
    fi
fi

# ---- Scaling ------------------------------------------------------------------------------
scale_lines=()
if [ $skip_scaling -eq 0 ]; then
    for k in $scales; do
        log "replicating the national CSV ${k}×"
        "$here/replicate.sh" "$k" "$n7/returns.csv" "$n7/population.csv" "$work/big.csv" "$work/big-population.csv"
        big_rows=$(awk 'END { print NR - 1 }' "$work/big.csv")
        wait_quiet
        load=$(loadavg)
        n=$scale_runs
        [ "$k" -le 1 ] && n=$runs
        log "timing measures on $big_rows rows ($n runs)"
        t=$(time_runs "$n" "$bin" measures "$work/big.csv" --population "$work/big-population.csv" --format json)
        scale_lines+=("$k $big_rows $((respondents * k)) $t $load")
        rm -f "$work/big.csv" "$work/big-population.csv"
    done
fi

# ---- Report -------------------------------------------------------------------------------
{
    echo "# CareSurvey benchmark results"
    echo
    echo "Written by \`Benchmarks/run.sh\` ($(date -u '+%Y-%m-%d %H:%M UTC')). Wall times are medians of the runs"
    echo "(process start to exit, output written to a file); CPU = user + system; peak = maximum resident memory."
    echo "CPU time close to wall time means the run had one core to itself (the other busy or the work serial);"
    echo "with both cores free, the CSV is parsed in parallel chunks and wall time drops below CPU time."
    echo
    echo "- Machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)"
    echo "- Commit: $(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$repo" diff --quiet 2>/dev/null || echo ' (with uncommitted changes)'); binary: \`$bin\`"
    echo "- National data: \`caresurvey example --councils 150 --seed 7\` (ASCS: $rows rows, $respondents respondents, 150 councils)"
    echo "- Load average (1, 5, 15 min) before / after the national runs: $national_load_before / $national_load_after"
    echo
    echo "## National scale ($runs runs each)"
    echo
    if [ -n "$baseline_bin" ]; then
        echo "| command | median wall (s) | min–max (s) | CPU (s) | peak memory (MB) | baseline median wall (s) | baseline peak (MB) |"
        echo "|---|---:|---:|---:|---:|---:|---:|"
    else
        echo "| command | median wall (s) | min–max (s) | CPU (s) | peak memory (MB) |"
        echo "|---|---:|---:|---:|---:|"
    fi
    for name in "${names[@]}"; do
        read -r m mn mx c peak <<< "${result[$name]}"
        line="| ${label[$name]} | $m | $mn–$mx | $c | $((peak / 1024))"
        if [ -n "$baseline_bin" ]; then
            read -r bm _ _ _ bpeak <<< "${baseline[$name]}"
            line="$line | $bm | $((bpeak / 1024))"
        fi
        echo "$line |"
    done
    [ -n "$baseline_bin" ] && echo && echo "Baseline binary: \`$baseline_bin\`."
    echo
    echo "## R survey package, same data"
    echo
    if [ -n "$r_median" ]; then
        read -r m _ _ _ _ <<< "${result[measures]}"
        echo "\`Benchmarks/r-survey-bench.R\` (the eight ASCS measures for every council and England with \`svydesign\`/\`svyby\`;"
        echo "its own timer, R start-up excluded), $r_runs runs, $r_status:"
        echo
        echo "| | median (s) |"
        echo "|---|---:|"
        echo "| R survey | $r_median |"
        echo "| caresurvey measures (whole process) | $m |"
        echo "| ratio R / caresurvey | $(awk -v r="$r_median" -v c="$m" 'BEGIN { printf "%.0f×", r / c }') |"
    else
        echo "$r_status."
    fi
    echo
    echo "## Scaling: measures on the national CSV replicated (distinct council codes, matching population rows)"
    echo
    if [ ${#scale_lines[@]} -gt 0 ]; then
        echo "| copies | rows | respondents | runs | median wall (s) | CPU (s) | rows / s | µs per row | peak memory (MB) | load before |"
        echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"
        for line in "${scale_lines[@]}"; do
            read -r k r resp m _ _ c peak l1 l5 l15 <<< "$line"
            n=$scale_runs
            [ "$k" -le 1 ] && n=$runs
            awk -v k="$k" -v r="$r" -v resp="$resp" -v n="$n" -v m="$m" -v c="$c" -v p="$peak" -v l="$l1 $l5 $l15" 'BEGIN {
                printf "| %d× | %d | %d | %d | %.2f | %.2f | %.0f | %.2f | %d | %s |\n", k, r, resp, n, m, c, r / m, m / r * 1e6, p / 1024, l }'
        done
    else
        echo "Not run (--skip-scaling)."
    fi
    echo
    echo "## Targets"
    echo
    read -r m _ _ _ mpeak <<< "${result[measures]}"
    read -r w _ _ _ _ <<< "${result[workbooks]}"
    echo "| target | measured |"
    echo "|---|---|"
    echo "| measures on the national CSV ≤ 0.3 s wall | $m s |"
    echo "| 150 official workbooks read ≤ 30 s | $w s |"
    echo "| peak memory of national measures ≤ 150 MB | $((mpeak / 1024)) MB |"
    if [ ${#scale_lines[@]} -gt 0 ]; then
        read -r k r _ m _ _ _ peak _ <<< "${scale_lines[-1]}"
        echo "| 10 million rows, linear scaling | $r rows in $m s, $((peak / 1024)) MB peak (see µs per row above) |"
    fi
} > "$out"
log "wrote $out"
cat "$out"
