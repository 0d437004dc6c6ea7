#!/usr/bin/env bash
# One large export read on 1 and on 2 threads: the vehicle register (30M rows, 2 GB) of a region
# whose roster is small (100k persons by default), so that the register is nearly all of the
# sources stage. Each run is `hecha run --threads N --timings`; the figure is the stage time of
# `source vehicle-registry`, the runs of 1 and 2 threads interleaved. Run from anywhere:
#
#   benchmarks/split.sh               # RUNS=5 pairs
#   RUNS=3 PERSONS=200000 benchmarks/split.sh
#
# Environment: PERSONS (100000), VEHICLES (30000000), SEED (1), CACHE (benchmarks/.cache), RUNS (5).
# Prints each run, the medians, the speed-up, and what Amdahl's law gives for 16 threads from the
# two medians (t(n) = serial + parallel / n) — an upper bound: 16 threads would also share the
# memory bandwidth, which this machine cannot show.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
PERSONS=${PERSONS:-100000}
VEHICLES=${VEHICLES:-30000000}
SEED=${SEED:-1}
CACHE=${CACHE:-$ROOT/benchmarks/.cache}
RUNS=${RUNS:-5}
REGION=$CACHE/region-p$PERSONS-v$VEHICLES-d$((PERSONS * 2))-s$SEED
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

echo "building (release)…" >&2
HECHA_UNCHECKED_EXCLUSIVITY=1 swift build -c release --package-path "$ROOT" --product hecha >&2
HECHA=${HECHA:-$ROOT/.build/release/hecha}

if [ ! -f "$REGION/.complete" ]; then
    echo "generating $REGION…" >&2
    rm -rf "$REGION"
    mkdir -p "$REGION"
    "$HECHA" generate --persons "$PERSONS" --seed "$SEED" --vehicle-rows "$VEHICLES" --death-rows $((PERSONS * 2)) --out "$REGION" >&2
    touch "$REGION/.complete"
fi
FILE=$REGION/data/vehicles/机动车登记.csv
BYTES=$(stat -c %s "$FILE")
cat "$REGION"/data/*/* > /dev/null   # warm the page cache

# run THREADS: one run; prints the vehicle register's stage seconds and the run's wall seconds
run() {
    /usr/bin/time -f "%e" -o "$WORK/time" "$HECHA" run --region "$REGION/region.yaml" --rulesets "$ROOT/rulesets" \
        --out "$WORK/out" --no-ledger --quiet --timings --threads "$1" 2> "$WORK/err"
    local stage
    stage=$(awk '/source vehicle-registry/ { print $(NF - 1) }' "$WORK/err")
    echo "$stage $(cat "$WORK/time")"
}
median() { printf "%s\n" "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

one=() two=()
for r in $(seq "$RUNS"); do
    read -r s1 w1 < <(run 1)
    read -r s2 w2 < <(run 2)
    echo "pair $r: 1 thread ${s1} s (run ${w1} s), 2 threads ${s2} s (run ${w2} s)" >&2
    one+=("$s1") two+=("$s2")
done
t1=$(median "${one[@]}") t2=$(median "${two[@]}")
echo
echo "vehicle register: $(awk -v b="$BYTES" 'BEGIN { printf "%.2f GB", b / 1e9 }'), $VEHICLES rows; roster $PERSONS persons; medians of $RUNS interleaved pairs"
awk -v t1="$t1" -v t2="$t2" -v b="$BYTES" 'BEGIN {
    printf "1 thread:   %6.2f s  %5.2f GB/s\n", t1, b / 1e9 / t1
    printf "2 threads:  %6.2f s  %5.2f GB/s  (%.2fx)\n", t2, b / 1e9 / t2, t1 / t2
    p = 2 * (t1 - t2); s = t1 - p; if (s < 0) s = 0
    printf "16 threads (Amdahl, from the two): %.2f s  %.2f GB/s  (serial part %.2f s)\n", s + p / 16, b / 1e9 / (s + p / 16), s
}'
