#!/usr/bin/env bash
# The analyst's plain DuckDB SQL (duckdb_plain.sql) on a region written by `hecha generate`:
#
#   benchmarks/duckdb_plain.sh REGION_DIR [THREADS]
#
# Converts the GB18030 death register with iconv (part of the time, as the analyst must), then
# runs the five checks with THREADS threads (default: every core) and prints each count.
set -euo pipefail
region=$1
threads=${2:-$(nproc)}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
iconv -f GB18030 -t UTF-8 "$region/data/public-security/死亡人员.csv" > "$work/deaths.csv"
python3 - "$here/duckdb_plain.sql" "$region/data" "$work/deaths.csv" "$threads" <<'PY'
import sys
import duckdb
sql, data, deaths, threads = sys.argv[1:5]
con = duckdb.connect()
con.execute(f"SET threads = {int(threads)}")
lines = open(sql, encoding="utf-8").read().replace("{data}", data).replace("{deaths}", deaths).splitlines()
text = "\n".join(l for l in lines if not l.lstrip().startswith("--"))
for body in (s.strip() for s in text.split(";")):
    if not body:
        continue
    result = con.execute(body)
    if body.upper().startswith("SELECT"):
        check, households = result.fetchone()
        print(f"duckdb-plain {check:<10} {households:>8} households")
PY
