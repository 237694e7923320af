#!/usr/bin/env bash
# CareSurvey performance at national scale: see Benchmarks/README.md.
#
# Builds the release binary, generates the synthetic national returns (150 councils, seeds 7 and
# 8) and national ASCOF data files (5 and 10 years), times validate / measures / tables / compare
# on the national CSV, validate on the 150 official workbooks, benchmark and trend on the ASCOF
# files (median of --runs runs, peak memory), R's survey package and a pandas closed form of the
# same measures on the same data, and measures on the national CSV replicated 1×, 4×,
# 16×, 80× (about 10 million rows); with --baseline-bin also checks that every output is
# byte-identical to the baseline's; writes Benchmarks/RESULTS.md.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
runs=5
r_runs=3
scale_runs=3
scales="1 4 16 80"
scratch=""
portable=0
bin=""
baseline_bin=""
work=""
keep=0
skip_r=0
skip_pandas=0
skip_scaling=0
instructions=0
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
        --portable) portable=1; shift ;;
        --bin) bin=$2; shift 2 ;;
        --baseline-bin) baseline_bin=$2; shift 2 ;;
        --work) work=$2; shift 2 ;;
        --keep) keep=1; shift ;;
        --skip-r) skip_r=1; shift ;;
        --skip-pandas) skip_pandas=1; shift ;;
        --instructions) instructions=1; shift ;;
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
    # --portable: the binary scripts/install.sh installs (Swift runtime and Foundation linked in).
    [ $portable -eq 1 ] && build_args+=(--static-swift-stdlib)
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

# benchmark and trend read the published national figures: synthetic ASCOF data files for every
# council in Reference/councils.json × every measure of the catalogue (5 years for benchmark, 10 for trend).
for years in 5 10; do
    if [ ! -f "$work/ascof-$years/ascof-2023-24.csv" ]; then
        log "generating national ASCOF files, $years years"
        python3 "$here/make-national-ascof.py" "$work/ascof-$years" "$years" > /dev/null
    fi
done
ascof5=$(printf '%s ' "$work"/ascof-5/ascof-*.csv)
ascof10=$(printf '%s ' "$work"/ascof-10/ascof-*.csv)
names+=(benchmark trend)
label[benchmark]="benchmark every council × measure × 5 years (10,000 rank draws)"
label[trend]="trend every area × measure × 10 years"
command[benchmark]="benchmark $ascof5 --format json"
command[trend]="trend $ascof10 --format json"

declare -A result baseline same instr
wait_quiet
national_load_before=$(loadavg)
for name in "${names[@]}"; do
    log "timing ${label[$name]} ($runs runs)"
    # shellcheck disable=SC2086
    result[$name]=$(time_runs "$runs" "$bin" ${command[$name]})
    cp "$work/stdout.txt" "$work/out-$name.txt"
    if [ -n "$baseline_bin" ]; then
        # shellcheck disable=SC2086
        baseline[$name]=$(time_runs "$runs" "$baseline_bin" ${command[$name]})
        if cmp -s "$work/stdout.txt" "$work/out-$name.txt"; then same[$name]="identical"; else same[$name]="DIFFERENT"; fi
    fi
    if [ $instructions -eq 1 ] && command -v valgrind > /dev/null; then
        log "counting instructions of $name (callgrind)"
        # shellcheck disable=SC2086
        valgrind --tool=callgrind --callgrind-out-file="$work/callgrind.out" "$bin" ${command[$name]} > /dev/null 2> "$work/callgrind.txt" || true
        instr[$name]=$(awk '/Collected/ { print $NF }' "$work/callgrind.txt")
    fi
done
national_load_after=$(loadavg)

# Every output format of every command, byte for byte, against the baseline binary.
output_check=""
if [ -n "$baseline_bin" ]; then
    log "comparing every output with the baseline binary"
    checked=0; differing=()
    for cmd in validate measures tables compare scores benchmark trend; do
        for format in text csv json; do
            case $cmd in
                validate) args="validate $n7/returns.csv" ;;
                measures) args="measures $n7/returns.csv --population $n7/population.csv --by gender,age-band" ;;
                tables) args="tables $n7/returns.csv --population $n7/population.csv" ;;
                compare) args="compare --before $n7/returns.csv --before-population $n7/population.csv --after $n8/returns.csv --after-population $n8/population.csv" ;;
                scores) args="scores $n7/returns.csv --population $n7/population.csv" ;;
                benchmark) args="benchmark $ascof5 --council 716" ;;
                trend) args="trend $ascof10 --council 716" ;;
            esac
            set +e
            # shellcheck disable=SC2086
            "$bin" $args --format $format > "$work/new.out" 2> /dev/null; rc_new=$?
            # shellcheck disable=SC2086
            "$baseline_bin" $args --format $format > "$work/old.out" 2> /dev/null; rc_old=$?
            set -e
            checked=$((checked + 1))
            if [ $rc_new -ne $rc_old ] || ! cmp -s "$work/new.out" "$work/old.out"; then differing+=("$cmd --format $format"); fi
        done
    done
    if [ ${#differing[@]} -eq 0 ]; then
        output_check="all $checked outputs (validate, measures by gender and age band, tables, compare, scores, benchmark and trend for council 716; text, csv, json) are byte-identical to the baseline's, with the same exit status."
    else
        output_check="DIFFERENT from the baseline: ${differing[*]} (of $checked outputs)."
    fi
fi
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
            line=$(Rscript "$here/r-survey-bench.R" "$n7/returns.csv" "$n7/population.csv" "$work/r.csv" 2>/dev/null | tail -1)
            r_times+=("$(echo "$line" | awk '{ print $(NF - 1) }')")
        done
        r_median=$(printf '%s\n' "${r_times[@]}" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }')
        r_status="R $(Rscript -e 'cat(as.character(getRversion()))' 2>/dev/null), survey $(Rscript -e 'cat(as.character(packageVersion("survey")))' 2>/dev/null)"
    else
        r_status="not run: Rscript with the survey package is not installed (apt-get install -y r-base-core r-cran-survey)"
    fi
fi

# ---- pandas -------------------------------------------------------------------------------
pandas_status="not run (--skip-pandas)"
pandas_median=""
agreement=""
if [ $skip_pandas -eq 0 ]; then
    if ! python3 -c 'import pandas' > /dev/null 2>&1; then
        log "installing pandas (pip install pandas)"
        python3 -m pip install --quiet pandas >&2 || true
    fi
    if python3 -c 'import pandas' > /dev/null 2>&1; then
        log "timing the pandas closed form ($r_runs runs)"
        p_times=()
        for ((i = 0; i < r_runs; i++)); do
            line=$(python3 "$here/pandas-closed-form.py" "$n7/returns.csv" "$n7/population.csv" "$work/pandas.csv" | tail -1)
            p_times+=("$(echo "$line" | awk '{ print $(NF - 1) }')")
        done
        pandas_median=$(printf '%s\n' "${p_times[@]}" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }')
        pandas_status="Python $(python3 -c 'import sys; print(sys.version.split()[0])'), pandas $(python3 -c 'import pandas; print(pandas.__version__)')"
        # The same numbers? Largest differences from caresurvey's estimates and standard errors.
        set +e
        "$bin" measures "$n7/returns.csv" --population "$n7/population.csv" --format csv > "$work/measures.csv" 2> /dev/null
        set -e
        agreement="pandas: $(python3 "$here/agreement.py" "$work/pandas.csv" "$work/measures.csv")"
        if [ -f "$work/r.csv" ]; then agreement="$agreement; R survey: $(python3 "$here/agreement.py" "$work/r.csv" "$work/measures.csv")"; fi
    else
        pandas_status="not run: pandas could not be installed (pip install pandas)"
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
    header="| command | median wall (s) | min–max (s) | CPU (s) | peak memory (MB)"
    rule="|---|---:|---:|---:|---:"
    if [ $instructions -eq 1 ]; then header="$header | instructions (callgrind)"; rule="$rule|---:"; fi
    if [ -n "$baseline_bin" ]; then header="$header | baseline median wall (s) | baseline peak (MB) | wall ratio | output"; rule="$rule|---:|---:|---:|---"; fi
    echo "$header |"
    echo "$rule|"
    for name in "${names[@]}"; do
        read -r m mn mx c peak <<< "${result[$name]}"
        line="| ${label[$name]} | $m | $mn–$mx | $c | $((peak / 1024))"
        [ $instructions -eq 1 ] && line="$line | ${instr[$name]:-}"
        if [ -n "$baseline_bin" ]; then
            read -r bm _ _ _ bpeak <<< "${baseline[$name]}"
            line="$line | $bm | $((bpeak / 1024)) | $(awk -v b="$bm" -v m="$m" 'BEGIN { printf "%.2f×", b / m }') | ${same[$name]}"
        fi
        echo "$line |"
    done
    if [ -n "$baseline_bin" ]; then
        echo
        echo "Baseline binary: \`$baseline_bin\` (wall ratio = baseline / this build). Outputs: $output_check"
    fi
    echo
    echo "## The same measures in R and pandas, same data"
    echo
    read -r m _ _ _ _ <<< "${result[measures]}"
    echo "Both scripts compute the eight ASCS measures for every council and England (1,208 estimates with"
    echo "standard errors) and time themselves (reading + scoring + estimating; interpreter start-up excluded),"
    echo "$r_runs runs each; caresurvey's time is its whole process. R: \`Benchmarks/r-survey-bench.R\` (\`svydesign\`/\`svyby\`),"
    echo "$r_status. pandas: \`Benchmarks/pandas-closed-form.py\` (the stratified estimator written out), $pandas_status."
    echo
    echo "| | median (s) | caresurvey is |"
    echo "|---|---:|---:|"
    echo "| caresurvey measures (whole process) | $m | |"
    [ -n "$r_median" ] && echo "| R survey | $r_median | $(awk -v r="$r_median" -v c="$m" 'BEGIN { printf "%.0f× faster", r / c }') |"
    [ -n "$pandas_median" ] && echo "| pandas closed form | $pandas_median | $(awk -v r="$pandas_median" -v c="$m" 'BEGIN { printf "%.1f× faster", r / c }') |"
    [ -n "$agreement" ] && echo && echo "Same numbers? $agreement."
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
    echo "## Targets (issue #17)"
    echo
    verdict() { awk -v v="$1" -v t="$2" 'BEGIN { print (v != "" && v + 0 <= t + 0) ? "met" : "not met" }'; }
    read -r vm _ _ _ _ <<< "${result[validate]}"
    read -r mm _ _ _ mpeak <<< "${result[measures]}"
    read -r tm _ _ _ _ <<< "${result[tables]}"
    read -r cm _ _ _ _ <<< "${result[compare]}"
    read -r wm _ _ _ _ <<< "${result[workbooks]}"
    read -r bm _ _ _ _ <<< "${result[benchmark]}"
    read -r trm _ _ _ _ <<< "${result[trend]}"
    echo "| target | measured | |"
    echo "|---|---|---|"
    echo "| measures on the national CSV ≤ 0.1 s wall | $mm s | $(verdict "$mm" 0.1) |"
    echo "| validate ≤ 0.1 s | $vm s | $(verdict "$vm" 0.1) |"
    echo "| tables ≤ 0.15 s | $tm s | $(verdict "$tm" 0.15) |"
    echo "| compare from two years of returns ≤ 0.2 s | $cm s | $(verdict "$cm" 0.2) |"
    echo "| 150 official workbooks ≤ 1 s | $wm s | $(verdict "$wm" 1) |"
    echo "| benchmark, all councils × measures × 5 years, 10,000 draws < 1 s (issue #12) | $bm s | $(verdict "$bm" 0.9999) |"
    echo "| trend, all areas × measures × 10 years < 0.5 s (issue #13) | $trm s | $(verdict "$trm" 0.4999) |"
    if [ ${#scale_lines[@]} -gt 0 ]; then
        read -r k r _ m _ _ _ peak _ <<< "${scale_lines[-1]}"
        echo "| $r rows ≤ 8 s | $m s | $(verdict "$m" 8) |"
        echo "| $r rows ≤ 1.5 GB peak | $((peak / 1024)) MB | $(verdict "$((peak / 1024))" 1536) |"
        read -r _ r1 _ m1 _ _ _ _ _ <<< "${scale_lines[0]}"
        echo "| linear from $r1 to $r rows | $(awk -v a="$m1" -v ra="$r1" -v b="$m" -v rb="$r" 'BEGIN { printf "%.2f → %.2f µs per row", a / ra * 1e6, b / rb * 1e6 }') | |"
    fi
    [ -n "$r_median" ] && echo "| ≥ 150× R survey | $(awk -v r="$r_median" -v c="$mm" 'BEGIN { printf "%.0f×", r / c }') | $(awk -v r="$r_median" -v c="$mm" 'BEGIN { print (r / c >= 150) ? "met" : "not met" }') |"
    [ -n "$pandas_median" ] && echo "| ≥ 5× pandas closed form | $(awk -v r="$pandas_median" -v c="$mm" 'BEGIN { printf "%.1f×", r / c }') | $(awk -v r="$pandas_median" -v c="$mm" 'BEGIN { print (r / c >= 5) ? "met" : "not met" }') |"
    echo
    echo "Peak memory of national measures: $((mpeak / 1024)) MB."
} > "$out"
log "wrote $out"
cat "$out"
