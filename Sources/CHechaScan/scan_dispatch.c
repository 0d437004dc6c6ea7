/*
 * Chooses the scanner once, by the CPU's features: AVX2 where the CPU has it, NEON on AArch64,
 * the portable one otherwise. `HECHA_SCAN=portable` in the environment forces the portable one
 * (to compare them on real files).
 */

#include "scan_implementations.h"
#include <stdlib.h>
#include <string.h>

static hecha_scan_implementation choose(void) {
    const char *forced = getenv("HECHA_SCAN");
    if (forced && strcmp(forced, "portable") == 0) return HECHA_SCAN_PORTABLE;
#if defined(__aarch64__)
    return HECHA_SCAN_NEON;
#else
    return hecha_scan_has_avx2() ? HECHA_SCAN_AVX2 : HECHA_SCAN_PORTABLE;
#endif
}

/// The choice, made on first use; 0 until then (a race only makes two threads choose alike).
static int best = 0;

hecha_scan_implementation hecha_scan_best_implementation(void) {
    int chosen = __atomic_load_n(&best, __ATOMIC_RELAXED);
    if (chosen == 0) {
        chosen = (int)choose();
        __atomic_store_n(&best, chosen, __ATOMIC_RELAXED);
    }
    return (hecha_scan_implementation)chosen;
}

size_t hecha_scan_plain_records_using(hecha_scan_implementation implementation, const uint8_t *bytes, size_t length,
                                      uint32_t key_column, uint32_t columns, hecha_plain_record *out, size_t capacity,
                                      size_t *consumed) {
    if (length > UINT32_MAX - 64) return (size_t)-1;
    switch (implementation) {
    case HECHA_SCAN_BEST:
        return hecha_scan_plain_records_using(hecha_scan_best_implementation(), bytes, length, key_column, columns, out,
                                              capacity, consumed);
    case HECHA_SCAN_PORTABLE:
        return hecha_scan_portable(bytes, length, key_column, columns, out, capacity, consumed);
    case HECHA_SCAN_AVX2:
        if (!hecha_scan_has_avx2()) return (size_t)-1;
        return hecha_scan_avx2(bytes, length, key_column, columns, out, capacity, consumed);
    case HECHA_SCAN_NEON:
        return hecha_scan_neon(bytes, length, key_column, columns, out, capacity, consumed);
    }
    return (size_t)-1;
}

size_t hecha_scan_plain_records(const uint8_t *bytes, size_t length, uint32_t key_column, uint32_t columns,
                                hecha_plain_record *out, size_t capacity, size_t *consumed) {
    return hecha_scan_plain_records_using(HECHA_SCAN_BEST, bytes, length, key_column, columns, out, capacity, consumed);
}
