#!/usr/bin/env bash
# How fast report.html opens at a city's scale: generates a region of about 400k households
# (default 960,000 roster persons), runs Hecha on it with review intervals short enough that about a
# quarter of the households are overdue (about 90k findings, the size the issue names), and times
# headless Chromium opening the report through WebDriver (chromedriver): the load event, the first
# page of the list rendered, a filter by township, a sort by amount, and the rows the page holds.
#
#   benchmarks/report_render.sh                  # the full size (generates once, cached)
#   PERSONS=100000 benchmarks/report_render.sh   # a smaller region
#
# Environment: PERSONS (960000), SEED (1), RUNS (3 browser starts; each figure is printed per run),
# CACHE (benchmarks/.cache), INTERVALS (the review intervals by category, "{A: 1, B: 2, C: 4}"),
# REUSE=1 (time the report of the last run again, kept in CACHE, without running Hecha).
# Installs chromium and chromium-driver (apt-get) when missing. Prints the figures; writes nothing
# outside CACHE and a temporary folder.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
PERSONS=${PERSONS:-960000}
SEED=${SEED:-1}
RUNS=${RUNS:-3}
CACHE=${CACHE:-$ROOT/benchmarks/.cache}
INTERVALS=${INTERVALS:-"{A: 1, B: 2, C: 4}"}
REGION=$CACHE/report-p$PERSONS-s$SEED
OUT=$REGION.out
REUSE=${REUSE:-}
WORK=$(mktemp -d)
DRIVER_PID=
cleanup() {
    [ -n "$DRIVER_PID" ] && kill "$DRIVER_PID" 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    apt-get update -qq && apt-get install -y -qq chromium chromium-driver
fi

echo "building (release)…" >&2
swift build -c release --product hecha --package-path "$ROOT" >&2
HECHA=$ROOT/.build/release/hecha

if [ ! -f "$REGION/.complete" ]; then
    echo "generating $REGION…" >&2
    rm -rf "$REGION"
    mkdir -p "$REGION"
    # few vehicle and death rows: reading them is not what this measures
    "$HECHA" generate --persons "$PERSONS" --seed "$SEED" --vehicle-rows "$PERSONS" --death-rows "$PERSONS" --out "$REGION" >&2
    touch "$REGION/.complete"
fi
sed "s/^parameters:/parameters:\n  review: {interval_months: $INTERVALS}/" "$REGION/region.yaml" > "$REGION/region-many-findings.yaml"

if [ -z "$REUSE" ] || [ ! -f "$OUT/report.html" ]; then
    echo "running hecha…" >&2
    start=$(date +%s.%N)
    (cd "$ROOT" && "$HECHA" run --region "$REGION/region-many-findings.yaml" --out "$OUT" --quiet >&2)
    end=$(date +%s.%N)
    printf 'hecha run: %.1f s\n' "$(echo "$end - $start" | bc)"
fi
HOUSEHOLDS=$(($(wc -l < "$REGION/data/civil-affairs/低保家庭.csv") - 1))
FINDINGS=$(wc -l < "$OUT/findings.jsonl")
REPORT_BYTES=$(stat -c %s "$OUT/report.html")
printf 'region: %d persons, %d household rows; %d findings\n' "$PERSONS" "$HOUSEHOLDS" "$FINDINGS"
printf 'report.html: %.1f MB\n' "$(echo "$REPORT_BYTES / 1000000" | bc -l)"

PORT=$((20000 + RANDOM % 20000))
chromedriver --port="$PORT" > "$WORK/chromedriver.log" 2>&1 &
DRIVER_PID=$!
python3 - "$PORT" "$OUT/report.html" "$RUNS" <<'PY'
import json, sys, time, urllib.request

port, report, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
base = f"http://127.0.0.1:{port}"

def call(method, path, body=None):
    req = urllib.request.Request(base + path, method=method, data=None if body is None else json.dumps(body).encode(),
                                 headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=600) as r:
        return json.loads(r.read())["value"]

for _ in range(100):  # wait for chromedriver
    try:
        call("GET", "/status"); break
    except Exception:
        time.sleep(0.1)

MEASURE = """
var nav = performance.getEntriesByType("navigation")[0];
var rows = document.querySelectorAll("table.findings tbody tr").length;
var t0 = performance.now();
var town = document.getElementById("f-town");
town.value = town.options[1].value; town.dispatchEvent(new Event("change"));
var filtered = document.getElementById("f-info").textContent;
var t1 = performance.now();
town.value = ""; town.dispatchEvent(new Event("change"));
var t2 = performance.now();
document.querySelectorAll("table.findings th")[7].click();
var t3 = performance.now();
return {dcl: nav.domContentLoadedEventEnd, load: nav.loadEventEnd, rows: rows, elements: document.getElementsByTagName("*").length,
        filter: t1 - t0, info: filtered, sort: t3 - t2};
"""
print("headless Chromium, one fresh browser a run (ms):")
print(f"{'run':>3}  {'open (wall)':>11}  {'DOMContentLoaded':>16}  {'load':>7}  {'rows shown':>10}  {'elements':>8}  {'filter':>7}  {'sort':>7}")
for i in range(runs):
    caps = {"capabilities": {"alwaysMatch": {"browserName": "chrome", "goog:chromeOptions": {
        "args": ["--headless=new", "--disable-gpu", "--no-sandbox", "--window-size=1280,900"]}}}}
    session = call("POST", "/session", caps)["sessionId"]
    try:
        call("POST", f"/session/{session}/url", {"url": "about:blank"})
        t = time.monotonic()
        call("POST", f"/session/{session}/url", {"url": "file://" + report})  # returns after the load event
        wall = (time.monotonic() - t) * 1000
        m = call("POST", f"/session/{session}/execute/sync", {"script": MEASURE, "args": []})
        print(f"{i + 1:>3}  {wall:>11.0f}  {m['dcl']:>16.0f}  {m['load']:>7.0f}  {m['rows']:>10}  {m['elements']:>8}  "
              f"{m['filter']:>7.0f}  {m['sort']:>7.0f}")
    finally:
        call("DELETE", f"/session/{session}")
print(f"filter by the first township: {m['info']}")
PY
