/*
 * The AVX2 UTF-8 check (the lookup algorithm of `utf8_tables.h`), 64 bytes at a time, with the
 * line feeds counted from the same loads. Called only when the CPU has AVX2.
 */

#include "utf8_implementations.h"
#include "utf8_tables.h"
#include <string.h>

#if defined(__x86_64__)
#include <immintrin.h>

#define AVX2 __attribute__((target("avx2")))
/// The 32 bytes that end `n` bytes before the end of `input`, `prev` being the vector before it.
#define PREV(input, prev, n) _mm256_alignr_epi8(input, _mm256_permute2x128_si256(prev, input, 0x21), 16 - (n))

typedef struct {
    __m256i error, prev_input, prev_incomplete;
    size_t line_feeds;
} utf8_avx2_state;

AVX2 static inline __m256i high_nibbles(__m256i v) { return _mm256_and_si256(_mm256_srli_epi16(v, 4), _mm256_set1_epi8(0x0F)); }

AVX2 static inline void check_32(utf8_avx2_state *s, __m256i input, __m256i prev_input) {
    static const uint8_t byte_1_high[16] = {UTF8_BYTE_1_HIGH}, byte_1_low[16] = {UTF8_BYTE_1_LOW},
                         byte_2_high[16] = {UTF8_BYTE_2_HIGH};
    const __m256i t1 = _mm256_broadcastsi128_si256(_mm_loadu_si128((const __m128i *)byte_1_high));
    const __m256i t2 = _mm256_broadcastsi128_si256(_mm_loadu_si128((const __m128i *)byte_1_low));
    const __m256i t3 = _mm256_broadcastsi128_si256(_mm_loadu_si128((const __m128i *)byte_2_high));
    __m256i prev1 = PREV(input, prev_input, 1);
    __m256i special = _mm256_and_si256(
        _mm256_and_si256(_mm256_shuffle_epi8(t1, high_nibbles(prev1)),
                         _mm256_shuffle_epi8(t2, _mm256_and_si256(prev1, _mm256_set1_epi8(0x0F)))),
        _mm256_shuffle_epi8(t3, high_nibbles(input)));
    __m256i third = _mm256_subs_epu8(PREV(input, prev_input, 2), _mm256_set1_epi8((char)(0xE0 - 0x80)));
    __m256i fourth = _mm256_subs_epu8(PREV(input, prev_input, 3), _mm256_set1_epi8((char)(0xF0 - 0x80)));
    __m256i must23 = _mm256_and_si256(_mm256_or_si256(third, fourth), _mm256_set1_epi8((char)0x80));
    s->error = _mm256_or_si256(s->error, _mm256_xor_si256(must23, special));
}

AVX2 static inline void check_64(utf8_avx2_state *s, const uint8_t *p) {
    __m256i a = _mm256_loadu_si256((const __m256i *)p), b = _mm256_loadu_si256((const __m256i *)(p + 32));
    const __m256i newline = _mm256_set1_epi8('\n');
    s->line_feeds += (size_t)__builtin_popcount((uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(a, newline)))
                   + (size_t)__builtin_popcount((uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(b, newline)));
    if (_mm256_movemask_epi8(_mm256_or_si256(a, b)) == 0) {
        // all ASCII: only a character the previous block left open is an error
        s->error = _mm256_or_si256(s->error, s->prev_incomplete);
        return;
    }
    check_32(s, a, s->prev_input);
    check_32(s, b, a);
    // a lead byte in the last three places whose character goes on in the next block
    const __m256i max = _mm256_setr_epi8(-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
                                         -1, -1, -1, -1, -1, -1, -1, -1, -1, (char)(0xF0 - 1), (char)(0xE0 - 1),
                                         (char)(0xC0 - 1));
    s->prev_incomplete = _mm256_subs_epu8(b, max);
    s->prev_input = b;
}

AVX2 int hecha_utf8_avx2(const uint8_t *bytes, size_t length, size_t *line_feeds) {
    utf8_avx2_state s = {_mm256_setzero_si256(), _mm256_setzero_si256(), _mm256_setzero_si256(), 0};
    size_t i = 0;
    for (; i + 64 <= length; i += 64) check_64(&s, bytes + i);
    if (i < length) {
        // the rest, zero-padded: a zero is ASCII, so a character cut off by the end is an error
        uint8_t tail[64];
        memset(tail, 0, sizeof tail);
        memcpy(tail, bytes + i, length - i);
        check_64(&s, tail);
    }
    s.error = _mm256_or_si256(s.error, s.prev_incomplete);
    if (!_mm256_testz_si256(s.error, s.error)) return 0;
    *line_feeds = s.line_feeds;
    return 1;
}

#else

int hecha_utf8_avx2(const uint8_t *bytes, size_t length, size_t *line_feeds) {
    (void)bytes; (void)length; (void)line_feeds;
    return -1;
}

#endif
