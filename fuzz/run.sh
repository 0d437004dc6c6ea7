#!/bin/sh
# Fuzzes the CSV and JSON Lines readers for SECONDS (default 60): mutated copies of the demo
# region's exports go through the real connectors in process; a crash, a hang (20 s per input)
# or counts that do not add up stop it with the input kept under fuzz/findings/.
#   fuzz/run.sh [SECONDS] [SEED]
set -eu
cd "$(dirname "$0")/.."
seconds="${1:-60}"
swift build --product hecha-fuzz >/dev/null
bin="$(swift build --show-bin-path)/hecha-fuzz"
# a bound on the whole run too, in case the driver itself cannot stop a hang
timeout --signal=KILL "$((seconds + 120))" "$bin" "$seconds" ${2:+"$2"}
