/*
 * Checks every UTF-8 check this CPU has against a reference that decodes code points (RFC 3629:
 * shortest form, no surrogates, at most U+10FFFF, nothing cut off at the end), on random mixes of
 * valid characters of every length and broken ones, at every length up to a few blocks. Run by
 * fuzz/scan/run.sh with the scanner's check.
 */

#include "CHechaScan.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "check_random.h"

static int reference(const uint8_t *b, size_t n, size_t *lf) {
    size_t i = 0, count = 0;
    while (i < n) {
        uint8_t c = b[i];
        size_t len = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
        if (len == 0 || i + len > n) return 0;
        uint32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
        for (size_t k = 1; k < len; k++) {
            if ((b[i + k] & 0xC0) != 0x80) return 0;
            cp = (cp << 6) | (b[i + k] & 0x3F);
        }
        static const uint32_t least[] = {0, 0, 0x80, 0x800, 0x10000};
        if (cp < least[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
        count += c == '\n';
        i += len;
    }
    *lf = count;
    return 1;
}


/// Appends one piece: mostly valid characters (ASCII, line feeds, quotes, 2-, 3- and 4-byte ones at the
/// edges of their ranges), sometimes a broken one.
static size_t piece(uint8_t *out, int broken_rate) {
    static const uint8_t pieces[][4] = {
        {'a'}, {'\n'}, {','}, {0xC2, 0x80}, {0xDF, 0xBF}, {0xE4, 0xB8, 0xAD}, {0xE0, 0xA0, 0x80}, {0xED, 0x9F, 0xBF},
        {0xEF, 0xBF, 0xBF}, {0xF0, 0x90, 0x80, 0x80}, {0xF4, 0x8F, 0xBF, 0xBF}, {0xE9, 0x95, 0x87}, {'"'},
    };
    static const uint8_t lengths[] = {1, 1, 1, 2, 2, 3, 3, 3, 3, 4, 4, 3, 1};
    static const uint8_t broken[][4] = {
        {0x80}, {0xBF}, {0xC0, 0x80}, {0xC1, 0xBF}, {0xE0, 0x9F, 0xBF}, {0xED, 0xA0, 0x80}, {0xF0, 0x8F, 0xBF, 0xBF},
        {0xF4, 0x90, 0x80, 0x80}, {0xF5, 0x80, 0x80, 0x80}, {0xFF}, {0xE4, 0xB8}, {0xE4}, {0xF0, 0x90, 0x80}, {0xC2},
    };
    static const uint8_t broken_lengths[] = {1, 1, 2, 2, 3, 3, 4, 4, 4, 1, 2, 1, 3, 1};
    if (broken_rate && next_random() % broken_rate == 0) {
        size_t k = next_random() % (sizeof broken_lengths);
        memcpy(out, broken[k], broken_lengths[k]);
        return broken_lengths[k];
    }
    size_t k = next_random() % (sizeof lengths);
    memcpy(out, pieces[k], lengths[k]);
    return lengths[k];
}

int main(int argc, char **argv) {
    check_random_seed(0x9E3779B97F4A7C15ULL);
    long rounds = argc > 1 ? atol(argv[1]) : 20000;
    const hecha_scan_implementation kinds[] = {HECHA_SCAN_BEST, HECHA_SCAN_PORTABLE, HECHA_SCAN_AVX2, HECHA_SCAN_NEON};
    const char *names[] = {"best", "portable", "avx2", "neon"};
    int available[4] = {0};
    long valid = 0;
    for (long round = 0; round < rounds; round++) {
        uint8_t text[400];
        size_t n = 0, target = next_random() % 380;
        int broken_rate = next_random() % 3 == 0 ? 0 : 40 + (int)(next_random() % 200);
        while (n < target) n += piece(text + n, broken_rate);
        if (next_random() % 4 == 0 && n > 0) n -= next_random() % (n < 4 ? n : 4);  // cut at any byte
        uint8_t *exact = malloc(n ? n : 1);  // exactly n bytes, so ASan sees any overread
        memcpy(exact, text, n);
        size_t want_lf = 0, got_lf = 0;
        int want = reference(exact, n, &want_lf);
        valid += want;
        for (int k = 0; k < 4; k++) {
            int got = hecha_utf8_check_using(kinds[k], exact, n, &got_lf);
            if (got == -1) continue;
            available[k] = 1;
            if (got != want || (want && got_lf != want_lf)) {
                fprintf(stderr, "utf-8 check %s differs from the reference (round %ld, %zu bytes): %d to %d, %zu to %zu line feeds\n",
                        names[k], round, n, got, want, got_lf, want_lf);
                return 1;
            }
        }
        // the quote and line-feed counts of the same bytes, against a byte-by-byte count
        size_t want_q = 0, want_l = 0;
        for (size_t i = 0; i < n; i++) {
            want_q += exact[i] == '"';
            want_l += exact[i] == '\n';
        }
        for (int k = 0; k < 4; k++) {
            size_t got_q = 0, got_l = 0;
            if (hecha_count_quotes_and_line_feeds_using(kinds[k], exact, n, &got_q, &got_l) == -1) continue;
            if (got_q != want_q || got_l != want_l) {
                fprintf(stderr, "quote count %s differs from the reference (round %ld, %zu bytes): %zu/%zu to %zu/%zu\n",
                        names[k], round, n, got_q, got_l, want_q, want_l);
                return 1;
            }
        }
        free(exact);
    }
    printf("utf-8 checks and quote counts compared on %ld inputs, %ld of them valid (portable %s, avx2 %s, neon %s)\n", rounds, valid,
           available[1] ? "yes" : "no", available[2] ? "yes" : "not on this CPU", available[3] ? "yes" : "not on this CPU");
    return 0;
}
