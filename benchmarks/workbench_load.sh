#!/usr/bin/env bash
# The workbench under load: a generated region run into a ledger of about 100k leads, one worker
# per township (and an admin), `hecha serve` in release, then SESSIONS concurrent sessions listing,
# opening and updating leads for SECONDS (benchmarks/workbench_load.py). Prints requests per second,
# median and 95th-percentile latency per kind of request, and checks that every outcome the server
# accepted is in the ledger (no lost update).
#
#   benchmarks/workbench_load.sh                      # 20 sessions, 60 s
#   PERSONS=200000 SECONDS_=20 benchmarks/workbench_load.sh
#
# Environment: PERSONS (1000000), SEED (1), SESSIONS (20), SECONDS_ (60), CACHE (benchmarks/.cache),
# REGION_EVIDENCE=1 (serve with --region, so lead pages re-evaluate their rule; reads the region first).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
PERSONS=${PERSONS:-1000000}
SEED=${SEED:-1}
SESSIONS=${SESSIONS:-20}
SECONDS_=${SECONDS_:-60}
CACHE=${CACHE:-$ROOT/benchmarks/.cache}
REGION=$CACHE/load-p$PERSONS-s$SEED
WORK=$(mktemp -d)
SERVER_PID=
cleanup() {
    [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT

echo "building (release)…" >&2
swift build -c release --product hecha --package-path "$ROOT" >&2
HECHA=$ROOT/.build/release/hecha

if [ ! -f "$REGION/.complete" ]; then
    echo "generating $REGION…" >&2
    rm -rf "$REGION"
    mkdir -p "$REGION"
    "$HECHA" generate --persons "$PERSONS" --seed "$SEED" --vehicle-rows "$PERSONS" --death-rows "$PERSONS" --out "$REGION" >&2
    # short review intervals: about a quarter of the households become overdue leads
    sed "s/^parameters:/parameters:\n  review: {interval_months: {A: 1, B: 2, C: 4}}/" "$REGION/region.yaml" > "$REGION/region-many-findings.yaml"
    (cd "$ROOT" && "$HECHA" run --region "$REGION/region-many-findings.yaml" --out "$REGION/out" --ledger "$REGION/base.ledger.sqlite" --quiet >&2)
    touch "$REGION/.complete"
fi
cp "$REGION/base.ledger.sqlite" "$WORK/ledger.sqlite"
LEDGER=$WORK/ledger.sqlite
LEADS=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select count(*) from leads').fetchone()[0])" "$LEDGER")

echo "adding users…" >&2
: > "$WORK/users.tsv"
python3 -c "import sqlite3,sys; [print(t) for (t,) in sqlite3.connect(sys.argv[1]).execute('select distinct township from leads order by 1')]" "$LEDGER" > "$WORK/towns.txt"
i=0
while read -r town; do
    i=$((i + 1))
    echo "load-password-$i" | "$HECHA" users add "worker$i" --role worker --township "$town" --ledger "$LEDGER" >/dev/null
    printf 'worker%s\tload-password-%s\n' "$i" "$i" >> "$WORK/users.tsv"
done < "$WORK/towns.txt"

EXTRA=()
[ -n "${REGION_EVIDENCE:-}" ] && EXTRA=(--region "$REGION/region-many-findings.yaml")
"$HECHA" serve --ledger "$LEDGER" --port 0 "${EXTRA[@]}" > "$WORK/serve.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 600); do grep -q "http://" "$WORK/serve.log" && break; sleep 0.5; done
URL=$(grep -o 'http://[^/ ]*' "$WORK/serve.log" | head -1)
[ -n "$URL" ] || { cat "$WORK/serve.log" >&2; exit 1; }
echo "ledger: $LEADS leads, $i townships; $URL" >&2
python3 "$ROOT/benchmarks/workbench_load.py" "$URL" "$LEDGER" "$WORK/users.tsv" "$SESSIONS" "$SECONDS_"
echo "server peak memory: $(grep VmHWM /proc/$SERVER_PID/status | awk '{print $2, $3}')"
