#ifndef CHECHA_UTF8_TABLES_H
#define CHECHA_UTF8_TABLES_H

/*
 * The tables of the vectorised UTF-8 check (J. Keiser and D. Lemire, "Validating UTF-8 in less
 * than one instruction per byte", 2021, as in simdjson): each byte pair is looked up by the high
 * and low nibble of its first byte and the high nibble of its second, and the three results ANDed
 * give the errors the pair shows. 3- and 4-byte characters are checked with the bytes two and
 * three back. The AVX2 and NEON checks use the same tables.
 */

#define UTF8_TOO_SHORT (1 << 0)
#define UTF8_TOO_LONG (1 << 1)
#define UTF8_OVERLONG_3 (1 << 2)
#define UTF8_TOO_LARGE (1 << 3)
#define UTF8_SURROGATE (1 << 4)
#define UTF8_OVERLONG_2 (1 << 5)
#define UTF8_TOO_LARGE_1000 (1 << 6)
#define UTF8_OVERLONG_4 (1 << 6)
#define UTF8_TWO_CONTS (1 << 7)
#define UTF8_CARRY (UTF8_TOO_SHORT | UTF8_TOO_LONG | UTF8_TWO_CONTS)

#define UTF8_BYTE_1_HIGH                                                                                     \
    UTF8_TOO_LONG, UTF8_TOO_LONG, UTF8_TOO_LONG, UTF8_TOO_LONG, UTF8_TOO_LONG, UTF8_TOO_LONG, UTF8_TOO_LONG, \
        UTF8_TOO_LONG, UTF8_TWO_CONTS, UTF8_TWO_CONTS, UTF8_TWO_CONTS, UTF8_TWO_CONTS,                       \
        UTF8_TOO_SHORT | UTF8_OVERLONG_2, UTF8_TOO_SHORT, UTF8_TOO_SHORT | UTF8_OVERLONG_3 | UTF8_SURROGATE,   \
        UTF8_TOO_SHORT | UTF8_TOO_LARGE | UTF8_TOO_LARGE_1000 | UTF8_OVERLONG_4

#define UTF8_BYTE_1_LOW                                                                                        \
    UTF8_CARRY | UTF8_OVERLONG_3 | UTF8_OVERLONG_2 | UTF8_OVERLONG_4, UTF8_CARRY | UTF8_OVERLONG_2, UTF8_CARRY, \
        UTF8_CARRY, UTF8_CARRY | UTF8_TOO_LARGE, UTF8_CARRY | UTF8_TOO_LARGE | UTF8_TOO_LARGE_1000,            \
        UTF8_CARRY | UTF8_TOO_LARGE | UTF8_TOO_LARGE_1000, UTF8_CARRY | UTF8_TOO_LARGE | UTF8_TOO_LARGE_1000,  \
        UTF8_CARRY | UTF8_TOO_LARGE | UTF8_TOO_LARGE_1000, UTF8_CARRY | UTF8_TOO_LARGE | UTF8_TOO_LARGE_1000,  \
        UTF8_CARRY | UTF8_TOO_LARGE | UTF8_TOO_LARGE_1000, UTF8_CARRY | UTF8_TOO_LARGE | UTF8_TOO_LARGE_1000,  \
        UTF8_CARRY | UTF8_TOO_LARGE | UTF8_TOO_LARGE_1000,                                                     \
        UTF8_CARRY | UTF8_TOO_LARGE | UTF8_TOO_LARGE_1000 | UTF8_SURROGATE,                                    \
        UTF8_CARRY | UTF8_TOO_LARGE | UTF8_TOO_LARGE_1000, UTF8_CARRY | UTF8_TOO_LARGE | UTF8_TOO_LARGE_1000

#define UTF8_BYTE_2_HIGH                                                                                         \
    UTF8_TOO_SHORT, UTF8_TOO_SHORT, UTF8_TOO_SHORT, UTF8_TOO_SHORT, UTF8_TOO_SHORT, UTF8_TOO_SHORT,              \
        UTF8_TOO_SHORT, UTF8_TOO_SHORT,                                                                          \
        UTF8_TOO_LONG | UTF8_OVERLONG_2 | UTF8_TWO_CONTS | UTF8_OVERLONG_3 | UTF8_TOO_LARGE_1000 | UTF8_OVERLONG_4, \
        UTF8_TOO_LONG | UTF8_OVERLONG_2 | UTF8_TWO_CONTS | UTF8_OVERLONG_3 | UTF8_TOO_LARGE,                      \
        UTF8_TOO_LONG | UTF8_OVERLONG_2 | UTF8_TWO_CONTS | UTF8_SURROGATE | UTF8_TOO_LARGE,                       \
        UTF8_TOO_LONG | UTF8_OVERLONG_2 | UTF8_TWO_CONTS | UTF8_SURROGATE | UTF8_TOO_LARGE, UTF8_TOO_SHORT,       \
        UTF8_TOO_SHORT, UTF8_TOO_SHORT, UTF8_TOO_SHORT

#endif
