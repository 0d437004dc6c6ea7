/*
 * Checks every scanner this CPU has against a byte-by-byte reference on random CSV-like bytes
 * (quotes, commas, CR, LF, blank lines, multi-byte text), at every length and alignment up to a
 * few blocks, and at every capacity. Built and run with AddressSanitizer and
 * UndefinedBehaviorSanitizer by fuzz/scan/run.sh (part of .ci/run): any read past the bytes
 * given or past `out[capacity - 1]` stops it.
 *
 *   fuzz/scan/run.sh [ROUNDS]
 */

#include "CHechaScan.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "check_random.h"

/// The scanner's contract, one byte at a time.
static size_t reference(const uint8_t *b, size_t n, uint32_t key, uint32_t columns, hecha_plain_record *out,
                        size_t capacity, size_t *consumed) {
    size_t count = 0, start = 0;
    *consumed = 0;
    if (capacity == 0 || columns == 0 || key >= columns) return 0;
    while (count < capacity) {
        size_t i = start, key_start = start, key_end = start;
        uint32_t field = 0;
        int plain = 1;
        while (i < n && b[i] != '\n') {
            if (b[i] == '"') { plain = 0; break; }
            if (b[i] == ',') {
                if (field == key) key_end = i;
                field++;
                if (field == key) key_start = i + 1;
            }
            i++;
        }
        if (!plain || i >= n) break;
        size_t end = i > start && b[i - 1] == '\r' ? i - 1 : i;
        if (end == start && field == 0) break;
        if (field + 1 != columns) break;
        if (field == key) key_end = end;
        out[count++] = (hecha_plain_record){(uint32_t)start, (uint32_t)end, (uint32_t)(i + 1), (uint32_t)key_start,
                                            (uint32_t)key_end, 0};
        start = i + 1;
    }
    *consumed = start;
    return count;
}


static void fill(uint8_t *b, size_t n) {
    static const uint8_t alphabet[] = {'1', '2', 'X', 'a', ',', ',', ',', '\n', '\r', '"', 0xE4, 0xB8, 0xAD, ' '};
    uint32_t quote_rate = next_random() % 4;  // some inputs have no quotes at all
    for (size_t i = 0; i < n; i++) {
        uint8_t c = alphabet[next_random() % sizeof alphabet];
        if (c == '"' && quote_rate != 0 && next_random() % 8 != 0) c = 'q';
        if (c == '"' && quote_rate == 0) c = 'q';
        b[i] = c;
    }
}

int main(int argc, char **argv) {
    check_random_seed(88172645463325252ULL);
    long rounds = argc > 1 ? atol(argv[1]) : 20000;
    const hecha_scan_implementation kinds[] = {HECHA_SCAN_BEST, HECHA_SCAN_PORTABLE, HECHA_SCAN_AVX2, HECHA_SCAN_NEON};
    const char *names[] = {"best", "portable", "avx2", "neon"};
    int available[4] = {0};
    long compared = 0;
    for (long round = 0; round < rounds; round++) {
        size_t n = next_random() % 300;
        size_t offset = next_random() % 64;
        uint8_t *block = malloc(n + offset + 1);
        uint8_t *b = block + offset;
        fill(b, n);
        uint8_t *exact = malloc(n ? n : 1);  // an allocation of exactly n bytes, so ASan sees any overread
        memcpy(exact, b, n);
        uint32_t columns = 1 + next_random() % 5, key = next_random() % (columns + 1);
        size_t capacity = next_random() % 6;
        hecha_plain_record expected[8], got[8];
        size_t expected_consumed, got_consumed;
        size_t want = reference(exact, n, key, columns, expected, capacity, &expected_consumed);
        for (int k = 0; k < 4; k++) {
            hecha_plain_record *out = capacity ? malloc(capacity * sizeof *out) : NULL;
            size_t have = hecha_scan_plain_records_using(kinds[k], exact, n, key, columns, out, capacity, &got_consumed);
            if (have == (size_t)-1) { free(out); continue; }
            available[k] = 1;
            if (capacity) memcpy(got, out, have * sizeof *out);
            free(out);
            compared++;
            // (key_body is compared with IDNumber's parse in ConnectorKitTests)
            int same = have == want && got_consumed == expected_consumed;
            for (size_t r = 0; same && r < have; r++) {
                same = got[r].start == expected[r].start && got[r].end == expected[r].end && got[r].next == expected[r].next
                    && got[r].key_start == expected[r].key_start && got[r].key_end == expected[r].key_end;
            }
            if (!same) {
                fprintf(stderr, "%s differs from the reference (round %ld, %zu bytes, key %u of %u, capacity %zu): "
                        "%zu records to %zu, consumed %zu to %zu\n",
                        names[k], round, n, key, columns, capacity, have, want, got_consumed, expected_consumed);
                return 1;
            }
        }
        free(exact);
        free(block);
    }
    // the id numbers read from key fields: every implementation as the portable one
    for (long round = 0; round < rounds; round++) {
        uint8_t line[40];
        size_t n = 0;
        line[n++] = 'a';
        line[n++] = ',';
        if (next_random() % 4 == 0) line[n++] = ' ';
        uint64_t body = 0;
        unsigned sum = 0;
        static const uint8_t weights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        for (int k = 0; k < 17; k++) {
            uint8_t d = (uint8_t)(next_random() % 10);
            if (k == 6) d = 1 + (next_random() % 2);                   // a year from 1000 to 2999
            if (k == 10) d = (uint8_t)(next_random() % 2);             // a month 00..19
            if (k == 12) d = (uint8_t)(next_random() % 4);             // a day 00..39
            body = body * 10 + d;
            sum += d * weights[k];
            line[n++] = (uint8_t)('0' + d);
        }
        (void)body;
        line[n++] = next_random() % 3 ? "10X98765432"[sum % 11] : (uint8_t)('0' + next_random() % 10);
        if (line[n - 1] == 'X' && next_random() % 2) line[n - 1] = 'x';
        if (next_random() % 20 == 0) line[3 + next_random() % 17] = 'a';  // not a digit
        if (next_random() % 4 == 0) line[n++] = '\t';
        line[n++] = ',';
        line[n++] = 'b';
        line[n++] = '\n';
        hecha_plain_record portable, other;
        size_t consumed;
        if (hecha_scan_plain_records_using(HECHA_SCAN_PORTABLE, line, n, 1, 3, &portable, 1, &consumed) != 1) return 1;
        for (int k = 2; k < 4; k++) {
            if (hecha_scan_plain_records_using(kinds[k], line, n, 1, 3, &other, 1, &consumed) != 1) continue;
            if (other.key_body != portable.key_body) {
                fprintf(stderr, "%s reads the id '%.*s' as %llu, the portable scanner as %llu\n", names[k], (int)(n - 5), line + 2,
                        (unsigned long long)other.key_body, (unsigned long long)portable.key_body);
                return 1;
            }
        }
    }
    printf("scanners checked: %ld comparisons over %ld inputs (", compared, rounds);
    for (int k = 1; k < 4; k++) printf("%s%s", names[k], available[k] ? " yes" : " not on this CPU"), printf(k < 3 ? ", " : ")\n");
    return 0;
}
