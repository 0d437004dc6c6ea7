/*
 * The NEON scanner: each 64-byte block compared as four 16-byte vectors, the compare results
 * folded into a 64-bit mask by pairwise additions (NEON has no movemask). NEON is part of every
 * AArch64 CPU, so no check is needed at run time.
 */

#include "scan_walk.h"
#include "scan_implementations.h"

#if defined(__aarch64__)
#include <arm_neon.h>

/// Bit k of the result is the top bit of byte k of the four compare results (each byte 0 or 0xFF).
static inline uint64_t neon_mask(uint8x16_t a, uint8x16_t b, uint8x16_t c, uint8x16_t d) {
    const uint8x16_t bits = {1, 2, 4, 8, 16, 32, 64, 128, 1, 2, 4, 8, 16, 32, 64, 128};
    uint8x16_t ab = vpaddq_u8(vandq_u8(a, bits), vandq_u8(b, bits));
    uint8x16_t cd = vpaddq_u8(vandq_u8(c, bits), vandq_u8(d, bits));
    uint8x16_t all = vpaddq_u8(ab, cd);
    all = vpaddq_u8(all, all);
    return vgetq_lane_u64(vreinterpretq_u64_u8(all), 0);
}

static inline scan_masks classify_neon(const uint8_t *p) {
    uint8x16_t v0 = vld1q_u8(p), v1 = vld1q_u8(p + 16), v2 = vld1q_u8(p + 32), v3 = vld1q_u8(p + 48);
    uint8x16_t quote = vdupq_n_u8('"'), comma = vdupq_n_u8(','), newline = vdupq_n_u8('\n');
    scan_masks m;
    m.quote = neon_mask(vceqq_u8(v0, quote), vceqq_u8(v1, quote), vceqq_u8(v2, quote), vceqq_u8(v3, quote));
    m.comma = neon_mask(vceqq_u8(v0, comma), vceqq_u8(v1, comma), vceqq_u8(v2, comma), vceqq_u8(v3, comma));
    m.newline = neon_mask(vceqq_u8(v0, newline), vceqq_u8(v1, newline), vceqq_u8(v2, newline), vceqq_u8(v3, newline));
    return m;
}

SCAN_ID_BODY(id_body_neon, scan_id_digits_scalar, )
SCAN_WALK_BLOCK(walk_neon, id_body_neon, )
SCAN_DEFINE(hecha_scan_neon, classify_neon, walk_neon, )

#else

size_t hecha_scan_neon(const uint8_t *bytes, size_t length, uint32_t key_column, uint32_t columns,
                       hecha_plain_record *out, size_t capacity, size_t *consumed) {
    (void)bytes; (void)length; (void)key_column; (void)columns; (void)out; (void)capacity; (void)consumed;
    return (size_t)-1;
}

#endif
