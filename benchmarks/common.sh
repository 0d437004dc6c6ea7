# Shared by the benchmark scripts (sourced, not run): the hecha binary to measure and a generated
# region cached between runs.

# Sets HECHA to a release build of this checkout (ROOT), unless HECHA already names a binary.
# Release builds here leave out the run-time exclusivity checks (benchmarks/README.md).
hecha_binary() {
    if [ -z "${HECHA:-}" ]; then
        echo "building (release)…" >&2
        HECHA_UNCHECKED_EXCLUSIVITY=1 swift build -c release --package-path "$ROOT" --product hecha >&2
        HECHA=$ROOT/.build/release/hecha
    fi
}

# generated_region FOLDER GENERATE-OPTIONS…: writes the region with `hecha generate` unless FOLDER
# holds a complete one already (marked by FOLDER/.complete once generation finished), printing
# the generation's time and peak memory when GNU time is installed.
generated_region() {
    local folder=$1
    shift
    [ -f "$folder/.complete" ] && return 0
    echo "generating $folder…" >&2
    rm -rf "$folder" && mkdir -p "$folder"
    if [ -x /usr/bin/time ]; then
        /usr/bin/time -v -o "$folder/.generate.time" "$HECHA" generate "$@" --out "$folder" >&2
        grep -E "Elapsed|Maximum resident" "$folder/.generate.time" >&2
        rm -f "$folder/.generate.time"
    else
        "$HECHA" generate "$@" --out "$folder" >&2
    fi
    touch "$folder/.complete"
}
