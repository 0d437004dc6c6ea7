#!/usr/bin/env bash
# The CSV scanner's and the UTF-8 check's implementations (Sources/CHechaScan) against references, built
# with AddressSanitizer and UndefinedBehaviorSanitizer:  fuzz/scan/run.sh [ROUNDS]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
CC=${CC:-$(command -v gcc || command -v clang || command -v cc)}
"$CC" -std=c11 -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer \
    -I "$ROOT/Sources/CHechaScan/include" -I "$ROOT/Sources/CHechaScan" \
    "$ROOT"/Sources/CHechaScan/*.c "$ROOT/fuzz/scan/scan_check.c" -o "$OUT/scan_check"
"$CC" -std=c11 -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer \
    -I "$ROOT/Sources/CHechaScan/include" -I "$ROOT/Sources/CHechaScan" \
    "$ROOT"/Sources/CHechaScan/*.c "$ROOT/fuzz/scan/utf8_check.c" -o "$OUT/utf8_check"
"$OUT/scan_check" "${1:-200000}"
"$OUT/utf8_check" "${1:-200000}"
# The NEON scanner, when a cross compiler for AArch64 and qemu are installed (.ci/run installs them).
if command -v aarch64-linux-gnu-gcc > /dev/null && command -v qemu-aarch64 > /dev/null; then
    aarch64-linux-gnu-gcc -std=c11 -O2 -static -I "$ROOT/Sources/CHechaScan/include" -I "$ROOT/Sources/CHechaScan" \
        "$ROOT"/Sources/CHechaScan/*.c "$ROOT/fuzz/scan/scan_check.c" -o "$OUT/scan_check_aarch64"
    aarch64-linux-gnu-gcc -std=c11 -O2 -static -I "$ROOT/Sources/CHechaScan/include" -I "$ROOT/Sources/CHechaScan" \
        "$ROOT"/Sources/CHechaScan/*.c "$ROOT/fuzz/scan/utf8_check.c" -o "$OUT/utf8_check_aarch64"
    qemu-aarch64 "$OUT/scan_check_aarch64" "${1:-200000}"
    qemu-aarch64 "$OUT/utf8_check_aarch64" "${1:-200000}"
elif [ "${HECHA_REQUIRE_NEON_CHECK:-0}" = 1 ]; then
    echo "error: aarch64-linux-gnu-gcc and qemu-aarch64 are needed to check the NEON scanner" >&2
    exit 1
fi
