#!/usr/bin/env bash
# A vehicle register in PostgreSQL against the same register as a file: generates a region
# (`hecha generate --persons N`, 30 vehicle rows a roster person), loads its 机动车登记.csv into a
# table of a throwaway cluster (.ci/postgres; columns named as the export's headers, text), and
# runs the region twice: vehicle-registry from the file, then from the table with the roster's keys
# pushed down. Prints, for each run: wall time, vehicle rows that reached Hecha, Hecha's peak
# resident memory (from /usr/bin/time, or /proc when it is missing).
#
#   benchmarks/warehouse.sh                   # 20,000 persons (600,000 vehicle rows)
#   PERSONS=100000 benchmarks/warehouse.sh
#   REGION=benchmarks/.cache/region-p1000000-v30000000-d2000000-s1 RUNS=3 benchmarks/warehouse.sh
#
# Environment: PERSONS (20000), SEED (1), REGION (a generated region folder to use instead of
# generating one; it is only read), RUNS (1: the file and table runs alternate, each RUNS times),
# HECHA (a built hecha; default: a release build made here), HECHA_TEST_POSTGRES_URL with
# PGPASSWORD (a server to use instead of a throwaway one). Both runs are without a lead ledger.
# Not a test: it prints figures and leaves nothing but a temporary folder, removed on exit.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
PERSONS=${PERSONS:-20000}
SEED=${SEED:-1}
WORK=$(mktemp -d)
STARTED_CLUSTER=
cleanup() {
    [ -n "$STARTED_CLUSTER" ] && postgres_stop
    rm -rf "$WORK"
}
trap cleanup EXIT

if [ -z "${HECHA:-}" ]; then
    echo "building (release)…" >&2
    swift build -c release --product hecha --package-path "$ROOT" >&2
    HECHA=$ROOT/.build/release/hecha
fi
source "$ROOT/.ci/postgres"
if [ -z "${HECHA_TEST_POSTGRES_URL:-}" ]; then
    postgres_start
    STARTED_CLUSTER=1
fi
PSQL="$(postgres_bin)/psql $HECHA_TEST_POSTGRES_URL -q -v ON_ERROR_STOP=1"

if [ -n "${REGION:-}" ]; then
    REGION=$(cd "$REGION" && pwd)
else
    echo "generating $PERSONS persons…" >&2
    "$HECHA" generate --persons "$PERSONS" --seed "$SEED" --out "$WORK/region" >&2
    REGION=$WORK/region
fi
FILE="$REGION/data/vehicles/机动车登记.csv"
RUNS=${RUNS:-1}

echo "loading the vehicle register…" >&2
# the header's names become the text columns; a record the table cannot hold (a wrong number of
# fields) is left out and counted
python3 - "$FILE" "$WORK/columns.sql" "$WORK/rows.tsv" <<'PY'
import csv, sys
src, ddl, tsv = sys.argv[1:4]
with open(src, encoding="utf-8-sig", newline="") as f, open(tsv, "w", encoding="utf-8") as out:
    rows = csv.reader(f)
    header = [h.strip() for h in next(rows)]
    skipped = 0
    esc = lambda v: v.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
    for r in rows:
        if len(r) != len(header):
            skipped += 1
            continue
        out.write("\t".join(esc(v) for v in r) + "\n")
with open(ddl, "w", encoding="utf-8") as d:
    d.write("DROP TABLE IF EXISTS bench_vehicle_register;\nCREATE TABLE bench_vehicle_register (%s);\n"
            % ", ".join('"%s" text' % h.replace('"', '""') for h in header))
print(f"left out {skipped} records with a wrong number of fields", file=sys.stderr)
PY
$PSQL -f "$WORK/columns.sql"
$PSQL -c "\\copy bench_vehicle_register FROM '$WORK/rows.tsv'"
# VACUUM as well, so that autovacuum does not start on the new table during the runs
$PSQL -c "VACUUM ANALYZE bench_vehicle_register"
TABLE_ROWS=$($PSQL -At -c "SELECT count(*) FROM bench_vehicle_register")

# both region files in the work folder, their source folders made absolute (the region is only read)
sed "s|{path: data/|{path: $REGION/data/|" "$REGION/region.yaml" > "$WORK/file.yaml"
sed "s|^  vehicle-registry: .*|  vehicle-registry: {database: $HECHA_TEST_POSTGRES_URL, table: bench_vehicle_register}|" \
    "$WORK/file.yaml" > "$WORK/warehouse.yaml"

measure() {  # name region-file
    local out="$WORK/out-$1" start end peak
    start=$(date +%s.%N)
    if [ -x /usr/bin/time ]; then
        /usr/bin/time -v -o "$WORK/time-$1" "$HECHA" run --region "$2" --out "$out" --no-ledger --quiet --rulesets "$ROOT/rulesets" >&2
        peak=$(awk -F: '/Maximum resident set size/ {gsub(/ /, "", $2); print $2}' "$WORK/time-$1")
    else
        "$HECHA" run --region "$2" --out "$out" --no-ledger --quiet --rulesets "$ROOT/rulesets" >&2 & local pid=$!
        peak=0
        while kill -0 $pid 2>/dev/null; do
            local rss; rss=$(awk '/VmHWM/ {print $2}' /proc/$pid/status 2>/dev/null || echo 0)
            [ "${rss:-0}" -gt "$peak" ] && peak=$rss
            sleep 0.05
        done
        wait $pid
    fi
    end=$(date +%s.%N)
    python3 - "$out/manifest.json" "$1" "$(echo "$end - $start" | bc)" "$peak" <<'PY'
import json, sys
m = json.load(open(sys.argv[1], encoding="utf-8"))
v = next(s for s in m["sources"] if s["id"] == "vehicle-registry")
w = v.get("warehouse")
moved = w["fetched"] if w else v["total"]["read"]
print(f"{sys.argv[2]:>10}: {float(sys.argv[3]):6.2f} s, vehicle rows to Hecha {moved:>9,}, "
      f"accepted {v['total']['accepted']:,}, peak RSS {int(sys.argv[4]) / 1024:6.1f} MiB, findings {m['findings']}")
PY
}

echo "vehicle register: $TABLE_ROWS rows in the table; $(($(wc -l < "$FILE") - 1)) lines in the file"
for run in $(seq "$RUNS"); do
    measure file "$WORK/file.yaml"
    measure warehouse "$WORK/warehouse.yaml"
done
