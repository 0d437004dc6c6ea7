/*
 * The portable UTF-8 check: one character at a time (eight ASCII bytes at a time where it can),
 * with the line feeds counted on the way. For CPUs without AVX2 or NEON.
 */

#include "utf8_implementations.h"
#include <string.h>

int hecha_utf8_portable(const uint8_t *bytes, size_t length, size_t *line_feeds) {
    size_t i = 0, lf = 0;
    while (i < length) {
        if (i + 8 <= length) {
            uint64_t w;
            memcpy(&w, bytes + i, 8);
            if ((w & 0x8080808080808080ULL) == 0) {
                uint64_t x = w ^ 0x0A0A0A0A0A0A0A0AULL;
                const uint64_t low7 = 0x7F7F7F7F7F7F7F7FULL;
                lf += (size_t)__builtin_popcountll(~(((x & low7) + low7) | x | low7));
                i += 8;
                continue;
            }
        }
        uint8_t b = bytes[i];
        if (b < 0x80) {
            lf += b == '\n';
            i++;
            continue;
        }
        size_t n;
        uint8_t low = 0x80, high = 0xBF;
        if (b >= 0xC2 && b <= 0xDF) n = 2;
        else if (b == 0xE0) { n = 3; low = 0xA0; }
        else if ((b >= 0xE1 && b <= 0xEC) || b == 0xEE || b == 0xEF) n = 3;
        else if (b == 0xED) { n = 3; high = 0x9F; }
        else if (b == 0xF0) { n = 4; low = 0x90; }
        else if (b >= 0xF1 && b <= 0xF3) n = 4;
        else if (b == 0xF4) { n = 4; high = 0x8F; }
        else return 0;
        if (i + n > length) return 0;
        for (size_t k = 1; k < n; k++) {
            uint8_t c = bytes[i + k];
            if (c < (k == 1 ? low : 0x80) || c > (k == 1 ? high : 0xBF)) return 0;
        }
        i += n;
    }
    *line_feeds = lf;
    return 1;
}
