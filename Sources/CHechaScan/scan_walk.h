#ifndef CHECHA_SCAN_WALK_H
#define CHECHA_SCAN_WALK_H

/*
 * The part of the scanner every implementation shares: given, for a block of 64 bytes, the
 * positions of its quotes, commas and line feeds as bit masks, it follows the records through
 * the block. Each implementation only differs in how it computes the masks (`SCAN_DEFINE`).
 */

#include "CHechaScan.h"
#include <string.h>

/// Where one 64-byte block has quotes, commas and line feeds: bit k stands for byte k.
typedef struct {
    uint64_t quote, comma, newline;
} scan_masks;

/// The record being followed, and what was found so far.
typedef struct {
    const uint8_t *bytes;
    uint32_t key_column, columns;
    hecha_plain_record *out;
    size_t capacity, count;
    size_t record_start, key_start, key_end;
    uint32_t field;
} scan_walk;

/// Whether the check character and the birth date of an id whose first 17 digits are `body`
/// (their weighted digit sum being `sum`) are right: the body, or 0.
static inline uint64_t scan_id_finish(uint64_t body, unsigned sum, uint8_t last) {
    static const uint8_t checks[11] = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
    uint8_t expected = checks[sum % 11];
    if (last != expected && !(expected == 'X' && last == 'x')) return 0;
    unsigned date = (unsigned)((body / 1000) % 100000000);
    unsigned year = date / 10000, month = (date / 100) % 100, day = date % 100;
    static const uint8_t days[13] = {0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (year < 1900 || month < 1 || month > 12 || day < 1) return 0;
    unsigned leap = month == 2 && ((year % 4 == 0 && year % 100 != 0) || year % 400 == 0);
    if (day > days[month] + leap) return 0;
    return body;
}

/// The first 17 digits of the 18 characters at `p`, one digit at a time (see `scan_id_body`).
static inline uint64_t scan_id_digits_scalar(const uint8_t *p) {
    static const uint8_t weights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    uint64_t body = 0;
    unsigned sum = 0;
    for (int k = 0; k < 17; k++) {
        unsigned d = (unsigned)p[k] - '0';
        if (d > 9) return 0;
        body = body * 10 + d;
        sum += d * weights[k];
    }
    return scan_id_finish(body, sum, p[17]);
}

/// The first 17 digits of the id number in `p[0, n)`, or 0 when it is not a valid 18-character
/// id written plainly (see `hecha_plain_record.key_body`); `DIGITS` reads the 18 characters.
#define SCAN_ID_BODY(NAME, DIGITS, ATTR)                                        \
    ATTR static inline uint64_t NAME(const uint8_t *p, size_t n) {             \
        while (n > 0 && (p[0] == ' ' || p[0] == '\t')) p++, n--;               \
        while (n > 0 && (p[n - 1] == ' ' || p[n - 1] == '\t')) n--;            \
        return n == 18 ? DIGITS(p) : 0;                                         \
    }

/// Follows the records through the block at `base` whose masks are `m` (only the bits in `valid`
/// are bytes of the input). Returns 1 when the scan must stop at `w->record_start`.
#define SCAN_WALK_BLOCK(NAME, ID_BODY, ATTR) \
ATTR static inline __attribute__((always_inline)) int NAME(scan_walk *w, size_t base, scan_masks m, uint64_t valid) { \
    uint64_t limit = valid; \
    int stops = 0; \
    uint64_t quotes = m.quote & valid; \
    if (quotes) { \
        /* only what comes before the first quote; the record holding it is not plain */ \
        limit = (quotes & (0 - quotes)) - 1; \
        stops = 1; \
    } \
    uint64_t structural = (m.comma | m.newline) & limit; \
    while (structural) { \
        unsigned k = (unsigned)__builtin_ctzll(structural); \
        structural &= structural - 1; \
        size_t pos = base + k; \
        if ((m.newline >> k) & 1) { \
            size_t end = pos; \
            if (end > w->record_start && w->bytes[end - 1] == '\r') end--; \
            if (end == w->record_start && w->field == 0) return 1;  /* a blank line: left to the reader */ \
            if (w->field + 1 != w->columns) return 1;                /* a wrong number of fields */ \
            if (w->field == w->key_column) w->key_end = end; \
            hecha_plain_record *r = &w->out[w->count++]; \
            r->start = (uint32_t)w->record_start; \
            r->end = (uint32_t)end; \
            r->next = (uint32_t)(pos + 1); \
            r->key_start = (uint32_t)w->key_start; \
            r->key_end = (uint32_t)w->key_end; \
            r->key_body = ID_BODY(w->bytes + w->key_start, w->key_end - w->key_start); \
            w->record_start = pos + 1; \
            w->field = 0; \
            w->key_start = pos + 1;  /* used only when the key is the first column */ \
            if (w->count == w->capacity) return 1; \
        } else { \
            if (w->field == w->key_column) w->key_end = pos; \
            w->field++; \
            if (w->field == w->key_column) w->key_start = pos + 1; \
        } \
    } \
    return stops; \
}

/// Defines `NAME(bytes, length, key_column, columns, out, capacity, consumed)` from `CLASSIFY(p)`,
/// a function giving the masks of the 64 bytes at `p`, and `WALK`, a block walker made by
/// `SCAN_WALK_BLOCK`, compiled with the target attribute `ATTR`.
/// The bytes after the last whole block are copied into a zero-filled block first (a zero byte
/// is none of the three), so nothing is read past `length`.
#define SCAN_DEFINE(NAME, CLASSIFY, WALK, ATTR)                                                                       \
    ATTR size_t NAME(const uint8_t *bytes, size_t length, uint32_t key_column, uint32_t columns,                \
                     hecha_plain_record *out, size_t capacity, size_t *consumed) {                            \
        scan_walk w = {bytes, key_column, columns, out, capacity, 0, 0, 0, 0, 0};                               \
        size_t base = 0;                                                                                       \
        int stopped = capacity == 0 || columns == 0 || key_column >= columns;                                  \
        for (; !stopped && base + 64 <= length; base += 64) {                                                  \
            stopped = WALK(&w, base, CLASSIFY(bytes + base), ~(uint64_t)0);                         \
        }                                                                                                      \
        if (!stopped && base < length) {                                                                       \
            uint8_t tail[64];                                                                                  \
            memset(tail, 0, sizeof tail);                                                                      \
            memcpy(tail, bytes + base, length - base);                                                         \
            WALK(&w, base, CLASSIFY(tail), ((uint64_t)1 << (length - base)) - 1);                   \
        }                                                                                                      \
        *consumed = w.record_start;                                                                            \
        return w.count;                                                                                        \
    }

#endif
