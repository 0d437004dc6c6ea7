/*
 * Counting quotes and line feeds, for splitting one large CSV file across threads: the parity of
 * the quotes before a byte says whether it is inside a quoted field, and the line feeds before it
 * give the line numbers of the records after it. AVX2 where the CPU has it (the target attribute
 * only, as in scan_avx2.c), eight bytes at a time in a 64-bit word otherwise.
 */

#include "scan_implementations.h"
#include <string.h>

/// Eight bytes at a time: a byte of `x ^ pattern` is zero exactly where the pattern byte is.
static inline unsigned count_equal_words(uint64_t w, uint64_t pattern) {
    const uint64_t low7 = 0x7F7F7F7F7F7F7F7FULL;
    uint64_t x = w ^ pattern;
    // the high bit of a byte of `~(((x & low7) + low7) | x | low7)` is set exactly when the byte is 0
    return (unsigned)__builtin_popcountll(~(((x & low7) + low7) | x | low7));
}

static void count_portable(const uint8_t *bytes, size_t length, size_t *quotes, size_t *line_feeds) {
    const uint64_t ones = 0x0101010101010101ULL;
    size_t q = 0, l = 0, i = 0;
    for (; i + 8 <= length; i += 8) {
        uint64_t w;
        memcpy(&w, bytes + i, 8);
        q += count_equal_words(w, ones * '"');
        l += count_equal_words(w, ones * '\n');
    }
    for (; i < length; i++) {
        q += bytes[i] == '"';
        l += bytes[i] == '\n';
    }
    *quotes = q;
    *line_feeds = l;
}

#if defined(__x86_64__)
#include <immintrin.h>

__attribute__((target("avx2,popcnt"))) static void count_avx2(const uint8_t *bytes, size_t length, size_t *quotes,
                                                               size_t *line_feeds) {
    const __m256i quote = _mm256_set1_epi8('"'), newline = _mm256_set1_epi8('\n');
    size_t q = 0, l = 0, i = 0;
    for (; i + 32 <= length; i += 32) {
        __m256i v = _mm256_loadu_si256((const __m256i *)(bytes + i));
        q += (size_t)_mm_popcnt_u32((uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(v, quote)));
        l += (size_t)_mm_popcnt_u32((uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(v, newline)));
    }
    size_t tq, tl;
    count_portable(bytes + i, length - i, &tq, &tl);
    *quotes = q + tq;
    *line_feeds = l + tl;
}
#endif

int hecha_count_quotes_and_line_feeds_using(hecha_scan_implementation implementation, const uint8_t *bytes,
                                            size_t length, size_t *quotes, size_t *line_feeds) {
    switch (implementation) {
    case HECHA_SCAN_BEST:
        return hecha_count_quotes_and_line_feeds_using(hecha_scan_best_implementation(), bytes, length, quotes,
                                                       line_feeds);
    case HECHA_SCAN_PORTABLE:
    case HECHA_SCAN_NEON:  // the word-at-a-time loop (the compiler vectorises it for NEON)
        count_portable(bytes, length, quotes, line_feeds);
        return 0;
    case HECHA_SCAN_AVX2:
#if defined(__x86_64__)
        if (!hecha_scan_has_avx2()) return -1;
        count_avx2(bytes, length, quotes, line_feeds);
        return 0;
#else
        return -1;
#endif
    }
    return -1;
}

void hecha_count_quotes_and_line_feeds(const uint8_t *bytes, size_t length, size_t *quotes, size_t *line_feeds) {
    (void)hecha_count_quotes_and_line_feeds_using(HECHA_SCAN_BEST, bytes, length, quotes, line_feeds);
}
