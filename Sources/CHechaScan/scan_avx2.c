/*
 * The AVX2 scanner: each 64-byte block compared as two 32-byte vectors. Compiled with the
 * target attribute only (no flag for the whole file), and called only when the CPU has AVX2.
 */

#include "scan_walk.h"
#include "scan_implementations.h"

#if defined(__x86_64__)
#include <immintrin.h>

__attribute__((target("avx2"))) static inline scan_masks classify_avx2(const uint8_t *p) {
    const __m256i quote = _mm256_set1_epi8('"'), comma = _mm256_set1_epi8(','), newline = _mm256_set1_epi8('\n');
    __m256i lo = _mm256_loadu_si256((const __m256i *)p);
    __m256i hi = _mm256_loadu_si256((const __m256i *)(p + 32));
#define SCAN_MASK(v) ((uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(lo, v)) | \
                      ((uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(hi, v)) << 32))
    scan_masks m = {SCAN_MASK(quote), SCAN_MASK(comma), SCAN_MASK(newline)};
#undef SCAN_MASK
    return m;
}

SCAN_DEFINE(hecha_scan_avx2, classify_avx2, __attribute__((target("avx2"))))

int hecha_scan_has_avx2(void) {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2");
}

#else

size_t hecha_scan_avx2(const uint8_t *bytes, size_t length, uint32_t key_column, uint32_t columns,
                       hecha_plain_record *out, size_t capacity, size_t *consumed) {
    (void)bytes; (void)length; (void)key_column; (void)columns; (void)out; (void)capacity; (void)consumed;
    return (size_t)-1;
}

int hecha_scan_has_avx2(void) { return 0; }

#endif
