/*
 * The portable scanner: the masks of a block computed eight bytes at a time in a 64-bit word,
 * for CPUs without AVX2 or NEON.
 */

#include "scan_walk.h"
#include "scan_implementations.h"

/// 0x80 in each byte of `x` that is zero, 0 in the others (exact: no false positives, unlike the
/// shorter test that is only right for the lowest zero byte).
static inline uint64_t zero_bytes(uint64_t x) {
    const uint64_t low7 = 0x7F7F7F7F7F7F7F7FULL;
    return ~(((x & low7) + low7) | x | low7);
}

/// The high bits of the eight bytes of `x` (each 0x80 or 0) gathered into the low 8 bits, byte 0 first.
static inline uint64_t gather_high_bits(uint64_t x) {
    return ((x >> 7) * 0x0102040810204080ULL) >> 56;
}

static inline uint64_t load_word(const uint8_t *p) {
    uint64_t w;
    memcpy(&w, p, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    w = __builtin_bswap64(w);
#endif
    return w;
}

static inline scan_masks classify_portable(const uint8_t *p) {
    const uint64_t ones = 0x0101010101010101ULL;
    scan_masks m = {0, 0, 0};
    for (int i = 0; i < 8; i++) {
        uint64_t w = load_word(p + 8 * i);
        m.quote |= gather_high_bits(zero_bytes(w ^ (ones * '"'))) << (8 * i);
        m.comma |= gather_high_bits(zero_bytes(w ^ (ones * ','))) << (8 * i);
        m.newline |= gather_high_bits(zero_bytes(w ^ (ones * '\n'))) << (8 * i);
    }
    return m;
}

SCAN_ID_BODY(id_body_portable, scan_id_digits_scalar, )
SCAN_WALK_BLOCK(walk_portable, id_body_portable, )
SCAN_DEFINE(hecha_scan_portable, classify_portable, walk_portable, )
