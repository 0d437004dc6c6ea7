#!/usr/bin/env bash
# What each rule costs: the evaluation stage of a generated region (default: 200k roster persons)
# with every rule, with none, and with each rule alone (the others listed under `rules: disable:`
# in a copy of the region file). Run from anywhere:
#
#   benchmarks/per_rule.sh                    # 200k persons, three rounds, medians
#   PERSONS=1000000 RUNS=1 benchmarks/per_rule.sh
#
# Environment: PERSONS (200000), SEED (1), RUNS (3: rounds, each running every configuration
# once, so that the machine's drift falls on all of them alike), CACHE (benchmarks/.cache), HECHA
# (a hecha binary to measure instead of building one). Prints, per configuration, the median of
# the evaluation stage (`hecha run --timings --no-ledger`) and its difference from "none" (the
# household views built with no rule reading them). Rules that share functions compute them once
# per household when they run together, so the rules' differences add up to more than "all".
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
PERSONS=${PERSONS:-200000}
SEED=${SEED:-1}
RUNS=${RUNS:-3}
CACHE=${CACHE:-$ROOT/benchmarks/.cache}
REGION=$CACHE/region-p$PERSONS-v$((PERSONS * 30))-d$((PERSONS * 2))-s$SEED
WORK=$(mktemp -d)
trap 'rm -rf "$WORK" "$REGION/.per-rule.yaml"' EXIT

source "$ROOT/benchmarks/common.sh"
hecha_binary
generated_region "$REGION" --persons "$PERSONS" --seed "$SEED"

# the rule ids, as `hecha rules` lists them ("id — title [...]")
mapfile -t RULES < <("$HECHA" rules --region "$REGION/region.yaml" --rulesets "$ROOT/rulesets" | sed -n 's/^\([a-z0-9-]*\) — .*/\1/p')
[ ${#RULES[@]} -gt 0 ] || { echo "no rules listed for $REGION/region.yaml" >&2; exit 1; }
CONFIGS=(all none "${RULES[@]}")

# evaluation seconds of one run with every rule but $1 disabled (all: none disabled; none: every one)
evaluate() {
    local keep=$1 disabled=() r
    for r in "${RULES[@]}"; do
        if [ "$keep" = none ] || { [ "$keep" != all ] && [ "$r" != "$keep" ]; }; then disabled+=("$r"); fi
    done
    local list
    list=$(IFS=,; echo "${disabled[*]}" | sed 's/,/, /g')
    sed "s/^sources:/rules:\n  disable: [$list]\nsources:/" "$REGION/region.yaml" > "$REGION/.per-rule.yaml"
    "$HECHA" run --region "$REGION/.per-rule.yaml" --rulesets "$ROOT/rulesets" --out "$WORK/out" \
        --no-ledger --timings --quiet 2>&1 | awk '$1 == "evaluation" { print $2 }'
}

grep -q '^rules:' "$REGION/region.yaml" && { echo "$REGION/region.yaml already has rules:; use a generated region" >&2; exit 1; }
for ((round = 1; round <= RUNS; round++)); do
    echo "round $round of $RUNS…" >&2
    for c in "${CONFIGS[@]}"; do echo "$c $(evaluate "$c")" >> "$WORK/times"; done
done

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
none=$(awk '$1 == "none" { print $2 }' "$WORK/times" | median)
echo "evaluation of $REGION (medians of $RUNS):"
printf '| %-22s | %8s | %12s |\n' "rules" "s" "s above none"
printf '| %-22s | %8s | %12s |\n' "---" "---:" "---:"
for c in "${CONFIGS[@]}"; do
    m=$(awk -v c="$c" '$1 == c { print $2 }' "$WORK/times" | median)
    awk -v c="$c" -v m="$m" -v n="$none" 'BEGIN { printf "| %-22s | %8.3f | %12.3f |\n", c, m, m - n }'
done
