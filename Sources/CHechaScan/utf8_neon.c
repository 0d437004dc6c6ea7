/*
 * The NEON UTF-8 check (the lookup algorithm of `utf8_tables.h`), 64 bytes at a time as four
 * 16-byte vectors, with the line feeds counted from the same loads.
 */

#include "utf8_implementations.h"
#include "utf8_tables.h"
#include <string.h>

#if defined(__aarch64__)
#include <arm_neon.h>

typedef struct {
    uint8x16_t error, prev_input, prev_incomplete;
    size_t line_feeds;
} utf8_neon_state;

static inline void check_16(utf8_neon_state *s, uint8x16_t input, uint8x16_t prev_input) {
    const uint8x16_t t1 = {UTF8_BYTE_1_HIGH}, t2 = {UTF8_BYTE_1_LOW}, t3 = {UTF8_BYTE_2_HIGH};
    uint8x16_t prev1 = vextq_u8(prev_input, input, 15);
    uint8x16_t special = vandq_u8(vandq_u8(vqtbl1q_u8(t1, vshrq_n_u8(prev1, 4)), vqtbl1q_u8(t2, vandq_u8(prev1, vdupq_n_u8(0x0F)))),
                                  vqtbl1q_u8(t3, vshrq_n_u8(input, 4)));
    uint8x16_t third = vqsubq_u8(vextq_u8(prev_input, input, 14), vdupq_n_u8(0xE0 - 0x80));
    uint8x16_t fourth = vqsubq_u8(vextq_u8(prev_input, input, 13), vdupq_n_u8(0xF0 - 0x80));
    uint8x16_t must23 = vandq_u8(vorrq_u8(third, fourth), vdupq_n_u8(0x80));
    s->error = vorrq_u8(s->error, veorq_u8(must23, special));
}

static inline void check_64(utf8_neon_state *s, const uint8_t *p) {
    uint8x16_t v0 = vld1q_u8(p), v1 = vld1q_u8(p + 16), v2 = vld1q_u8(p + 32), v3 = vld1q_u8(p + 48);
    uint8x16_t newline = vdupq_n_u8('\n');
    // each line feed compares as 0xFF; 0xFF >> 7 is 1, and four of them fit a byte
    uint8x16_t ones = vaddq_u8(vaddq_u8(vshrq_n_u8(vceqq_u8(v0, newline), 7), vshrq_n_u8(vceqq_u8(v1, newline), 7)),
                               vaddq_u8(vshrq_n_u8(vceqq_u8(v2, newline), 7), vshrq_n_u8(vceqq_u8(v3, newline), 7)));
    s->line_feeds += vaddvq_u8(ones);
    if (vmaxvq_u8(vorrq_u8(vorrq_u8(v0, v1), vorrq_u8(v2, v3))) < 0x80) {
        s->error = vorrq_u8(s->error, s->prev_incomplete);
        return;
    }
    check_16(s, v0, s->prev_input);
    check_16(s, v1, v0);
    check_16(s, v2, v1);
    check_16(s, v3, v2);
    const uint8x16_t max = {255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 0xF0 - 1, 0xE0 - 1, 0xC0 - 1};
    s->prev_incomplete = vqsubq_u8(v3, max);
    s->prev_input = v3;
}

int hecha_utf8_neon(const uint8_t *bytes, size_t length, size_t *line_feeds) {
    utf8_neon_state s = {vdupq_n_u8(0), vdupq_n_u8(0), vdupq_n_u8(0), 0};
    size_t i = 0;
    for (; i + 64 <= length; i += 64) check_64(&s, bytes + i);
    if (i < length) {
        uint8_t tail[64];
        memset(tail, 0, sizeof tail);
        memcpy(tail, bytes + i, length - i);
        check_64(&s, tail);
    }
    s.error = vorrq_u8(s.error, s.prev_incomplete);
    if (vmaxvq_u8(s.error) != 0) return 0;
    *line_feeds = s.line_feeds;
    return 1;
}

#else

int hecha_utf8_neon(const uint8_t *bytes, size_t length, size_t *line_feeds) {
    (void)bytes; (void)length; (void)line_feeds;
    return -1;
}

#endif
