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

/// The first 17 digits of the 18 characters at `p` (see `scan_id_body`), with 16 of them read as
/// one vector: the digits checked by one compare, the weighted sum of the check character and the
/// number itself by multiply-adds, instead of a chain of 17 multiplications.
__attribute__((target("avx2"))) static inline uint64_t id_digits_avx2(const uint8_t *p) {
    __m128i d = _mm_sub_epi8(_mm_loadu_si128((const __m128i *)p), _mm_set1_epi8('0'));
    const __m128i nine = _mm_set1_epi8(9);
    unsigned d16 = (unsigned)p[16] - '0';
    if (_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_max_epu8(d, nine), nine)) != 0xFFFF || d16 > 9) return 0;
    const __m128i weights = _mm_setr_epi8(7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4);
    __m128i sums = _mm_madd_epi16(_mm_maddubs_epi16(d, weights), _mm_set1_epi16(1));
    sums = _mm_add_epi32(sums, _mm_shuffle_epi32(sums, 0x4E));
    sums = _mm_add_epi32(sums, _mm_shuffle_epi32(sums, 0xB1));
    unsigned sum = (unsigned)_mm_cvtsi128_si32(sums) + d16 * 2;
    __m128i pairs = _mm_maddubs_epi16(d, _mm_setr_epi8(10, 1, 10, 1, 10, 1, 10, 1, 10, 1, 10, 1, 10, 1, 10, 1));
    __m128i quads = _mm_madd_epi16(pairs, _mm_setr_epi16(100, 1, 100, 1, 100, 1, 100, 1));
    __m128i octets = _mm_madd_epi16(_mm_packus_epi32(quads, quads), _mm_setr_epi16(10000, 1, 10000, 1, 10000, 1, 10000, 1));
    uint64_t high = (uint32_t)_mm_cvtsi128_si32(octets), low = (uint32_t)_mm_extract_epi32(octets, 1);
    return scan_id_finish((high * 100000000 + low) * 10 + d16, sum, p[17]);
}

SCAN_ID_BODY(id_body_avx2, id_digits_avx2, __attribute__((target("avx2"))))
SCAN_WALK_BLOCK(walk_avx2, id_body_avx2, __attribute__((target("avx2"))))
SCAN_DEFINE(hecha_scan_avx2, classify_avx2, walk_avx2, __attribute__((target("avx2"))))

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
