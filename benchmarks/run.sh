#!/usr/bin/env bash
# Hecha against DuckDB and against `cat` on a generated region (default: 1M roster persons,
# 30M vehicle rows, 2M death rows). Run from anywhere:
#
#   benchmarks/run.sh                         # the full benchmark (generates the region once, cached)
#   PERSONS=100000 benchmarks/run.sh          # a smaller region
#   VEHICLES=60000000 ONLY=hecha benchmarks/run.sh   # peak memory with more vehicle rows, same roster
#
# Environment: PERSONS, VEHICLES (default 30 × PERSONS), DEATHS (2 × PERSONS), SEED (1),
# THREADS (nproc; DuckDB's thread count — Hecha uses every core too), CACHE (benchmarks/.cache),
# HECHA (a hecha binary to measure instead of building one),
# ONLY (hecha | duckdb | plain | cat, or several with commas, e.g. hecha,plain: run only those; plain is duckdb_plain.sh, an analyst's
# plain SQL for five checks), RUNS (1; with 3, each tool runs three times,
# interleaved, and the table shows medians). Installs DuckDB (pip) and GNU time (apt-get)
# when missing. Each measurement is `/usr/bin/time -v`: wall time, CPU time (user + system) and
# peak resident memory. The files are read once before measuring, so every tool reads from the
# page cache.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
PERSONS=${PERSONS:-1000000}
VEHICLES=${VEHICLES:-$((PERSONS * 30))}
DEATHS=${DEATHS:-$((PERSONS * 2))}
SEED=${SEED:-1}
THREADS=${THREADS:-$(nproc)}
CACHE=${CACHE:-$ROOT/benchmarks/.cache}
ONLY=${ONLY:-}
RUNS=${RUNS:-1}
REGION=$CACHE/region-p$PERSONS-v$VEHICLES-d$DEATHS-s$SEED
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

python3 -c 'import duckdb' 2>/dev/null || pip install --quiet duckdb
[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time; }

source "$ROOT/benchmarks/common.sh"
hecha_binary
generated_region "$REGION" --persons "$PERSONS" --seed "$SEED" --vehicle-rows "$VEHICLES" --death-rows "$DEATHS"
mapfile -t FILES < <(find "$REGION/data" -type f | sort)
INPUT_BYTES=$(cat "${FILES[@]}" | wc -c)

# measure NAME COMMAND…: runs the command under /usr/bin/time -v; records wall s, cpu s, peak MiB
# (appended, one value per run).
declare -A WALL CPU PEAK
measure() {
    local name=$1
    shift
    /usr/bin/time -v -o "$WORK/$name.time" "$@" > "$WORK/$name.out" 2> "$WORK/$name.err"
    WALL[$name]+=" $(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$WORK/$name.time")"
    CPU[$name]+=" $(awk -F': ' '/User time/ { u = $2 } /System time/ { s = $2 } END { print u + s }' "$WORK/$name.time")"
    PEAK[$name]+=" $(awk -F': ' '/Maximum resident/ { printf "%.0f", $2 / 1024 }' "$WORK/$name.time")"
}
# selected NAME: whether ONLY is empty or names NAME (ONLY may list several, e.g. hecha,plain)
selected() { [ -z "$ONLY" ] || [[ ",$ONLY," == *",$1,"* ]]; }
# median VALUES…
median() { printf "%s\n" "$@" | sort -g | awk '{ v[NR] = $1 } END { if (NR) print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

cat "${FILES[@]}" > /dev/null   # warm the page cache
for run in $(seq "$RUNS"); do
    [ "$RUNS" -gt 1 ] && echo "run $run of $RUNS" >&2
    if selected cat; then
        measure cat sh -c 'cat "$@" > /dev/null' sh "${FILES[@]}"
    fi
    if selected hecha; then
        measure hecha "$HECHA" run --region "$REGION/region.yaml" --rulesets "$ROOT/rulesets" --out "$WORK/out" --quiet --timings
        echo "Hecha stages:" >&2
        grep -v "^stage timings" "$WORK/hecha.err" >&2 || true
        python3 - "$REGION/expected-findings.jsonl" "$WORK/out/findings.jsonl" >&2 <<'PY'
import json, sys
def keys(p):
    return sorted(tuple(json.loads(l).get(k) for k in ("rule", "household", "person", "application", "amount")) for l in open(p, encoding="utf-8"))
a, b = keys(sys.argv[1]), keys(sys.argv[2])
print(f"hecha findings: {len(b)}; expected: {len(a)}; " + ("identical on rule, household, person, application, amount" if a == b else "DIFFERENT"))
PY
    fi
    if selected duckdb; then
        measure duckdb python3 "$ROOT/benchmarks/duckdb_rules.py" "$REGION" --threads "$THREADS"
        echo "DuckDB stages:" >&2
        cat "$WORK/duckdb.err" >&2
        grep "households match" "$WORK/duckdb.out" >&2 || true
    fi
    if selected plain; then
        measure plain "$ROOT/benchmarks/duckdb_plain.sh" "$REGION" "$THREADS"
        cat "$WORK/plain.out" >&2
    fi
done
for name in cat hecha duckdb plain; do
    [ -n "${WALL[$name]:-}" ] && echo "$name runs — wall:${WALL[$name]}; cpu:${CPU[$name]}; peak MiB:${PEAK[$name]}" >&2
    # shellcheck disable=SC2086
    { WALL[$name]=$(median ${WALL[$name]:-}); CPU[$name]=$(median ${CPU[$name]:-}); PEAK[$name]=$(median ${PEAK[$name]:-}); }
done

ratio() { awk -v a="${1:-}" -v b="${2:-}" 'BEGIN { if (a != "" && b != "" && b + 0 > 0) printf "%.2f", a / b; else printf "–" }'; }
echo
[ "$RUNS" -gt 1 ] && echo "medians of $RUNS runs"
echo "region: $PERSONS persons, $VEHICLES vehicle rows, $DEATHS death rows; ${#FILES[@]} files, $((INPUT_BYTES / 1000000)) MB; $THREADS threads; $(nproc) cores"
printf "%-16s %10s %10s %10s %10s %14s %13s %12s\n" figure hecha duckdb plain cat "hecha/duckdb" "hecha/plain" "hecha/cat"
for f in wall cpu peak; do
    case $f in
        wall) h=${WALL[hecha]:-}; d=${WALL[duckdb]:-}; p=${WALL[plain]:-}; c=${WALL[cat]:-}; label="wall (s)";;
        cpu)  h=${CPU[hecha]:-};  d=${CPU[duckdb]:-};  p=${CPU[plain]:-};  c=${CPU[cat]:-};  label="cpu (s)";;
        peak) h=${PEAK[hecha]:-}; d=${PEAK[duckdb]:-}; p=${PEAK[plain]:-}; c=${PEAK[cat]:-}; label="peak RSS (MiB)";;
    esac
    printf "%-16s %10s %10s %10s %10s %14s %13s %12s\n" "$label" "${h:-–}" "${d:-–}" "${p:-–}" "${c:-–}" \
        "$(ratio "$h" "$d")" "$(ratio "$h" "$p")" "$(ratio "$h" "$c")"
done
