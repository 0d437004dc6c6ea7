#!/usr/bin/env bash
# One large export read on 1 and on 2 threads: the vehicle register (30M rows, 2 GB) of a region
# whose roster is small (100k persons by default), run with the roster and the register as its
# only sources, so that the register is nearly all of the sources stage. Each run is
# `hecha run --threads N --timings` (N = 1, and 3 for two pieces); the figures are the stage time of `source vehicle-registry`
# and the whole run's wall time, the runs of 1 and 2 threads interleaved. With 2 threads the
# inputs' SHA-256 for the manifest is computed on a background thread from the start (with 1, when
# the manifest is written), so it shares the cores with the register's pieces for part of the
# read. A file is split only on the threads left when every source has one: the 2-piece runs are
# `--threads 3` (the roster source's facts on one thread, the register's two pieces on two). Run
# from anywhere:
#
#   benchmarks/split.sh               # RUNS=5 pairs
#   RUNS=3 PERSONS=200000 benchmarks/split.sh
#
# Environment: PERSONS (100000), VEHICLES (30000000), SEED (1), CACHE (benchmarks/.cache), RUNS (5).
# Prints each run, the medians and the speed-ups. On two cores the register's two pieces share
# them with the hashing and the roster source's facts; `perf record` per thread shows each
# piece's own core time (benchmarks/README.md).
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
# the roster and the vehicle register only (the rules that need other sources are skipped)
awk '/^sources:/ { print; inside = 1; next } inside && /^  / { if ($1 == "civil-affairs:" || $1 == "vehicle-registry:") print; next } { inside = 0; print }' \
    "$REGION/region.yaml" > "$REGION/vehicles-only.yaml"
FILE=$REGION/data/vehicles/机动车登记.csv
BYTES=$(stat -c %s "$FILE")
cat "$REGION"/data/*/* > /dev/null   # warm the page cache

# run THREADS: one run; prints the vehicle register's stage seconds and the run's wall seconds
run() {
    /usr/bin/time -f "%e" -o "$WORK/time" "$HECHA" run --region "$REGION/vehicles-only.yaml" --rulesets "$ROOT/rulesets" \
        --out "$WORK/out" --no-ledger --quiet --timings --threads "$1" 2> "$WORK/err"
    local stage
    stage=$(awk '/source vehicle-registry/ { print $(NF - 1) }' "$WORK/err")
    echo "$stage $(cat "$WORK/time")"
}
median() { printf "%s\n" "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

one=() two=() wone=() wtwo=()
for r in $(seq "$RUNS"); do
    read -r s1 w1 < <(run 1)
    read -r s2 w2 < <(run 3)
    echo "pair $r: 1 thread ${s1} s (run ${w1} s), 2 pieces ${s2} s (run ${w2} s)" >&2
    one+=("$s1") two+=("$s2") wone+=("$w1") wtwo+=("$w2")
done
t1=$(median "${one[@]}") t2=$(median "${two[@]}") r1=$(median "${wone[@]}") r2=$(median "${wtwo[@]}")
echo
echo "vehicle register: $(awk -v b="$BYTES" 'BEGIN { printf "%.2f GB", b / 1e9 }'), $VEHICLES rows; roster $PERSONS persons; medians of $RUNS interleaved pairs"
awk -v t1="$t1" -v t2="$t2" -v b="$BYTES" 'BEGIN {
    printf "1 thread:   %6.2f s  %5.2f GB/s\n", t1, b / 1e9 / t1
    printf "2 pieces:   %6.2f s  %5.2f GB/s  (%.2fx)\n", t2, b / 1e9 / t2, t1 / t2
}'
echo "whole run: 1 thread ${r1} s, 3 threads ${r2} s ($(awk -v a="$r1" -v b="$r2" 'BEGIN { printf "%.2fx", a / b }'))"
