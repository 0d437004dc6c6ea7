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

/// Follows the records through the block at `base` whose masks are `m` (only the bits in `valid`
/// are bytes of the input). Returns 1 when the scan must stop at `w->record_start`.
static inline __attribute__((always_inline)) int scan_walk_block(scan_walk *w, size_t base, scan_masks m, uint64_t valid) {
    uint64_t limit = valid;
    int stops = 0;
    uint64_t quotes = m.quote & valid;
    if (quotes) {
        // only what comes before the first quote; the record holding it is not plain
        limit = (quotes & (0 - quotes)) - 1;
        stops = 1;
    }
    uint64_t structural = (m.comma | m.newline) & limit;
    while (structural) {
        unsigned k = (unsigned)__builtin_ctzll(structural);
        structural &= structural - 1;
        size_t pos = base + k;
        if ((m.newline >> k) & 1) {
            size_t end = pos;
            if (end > w->record_start && w->bytes[end - 1] == '\r') end--;
            if (end == w->record_start && w->field == 0) return 1;  // a blank line: left to the reader
            if (w->field + 1 != w->columns) return 1;                // a wrong number of fields
            if (w->field == w->key_column) w->key_end = end;
            hecha_plain_record *r = &w->out[w->count++];
            r->start = (uint32_t)w->record_start;
            r->end = (uint32_t)end;
            r->next = (uint32_t)(pos + 1);
            r->key_start = (uint32_t)w->key_start;
            r->key_end = (uint32_t)w->key_end;
            w->record_start = pos + 1;
            w->field = 0;
            w->key_start = pos + 1;  // used only when the key is the first column
            if (w->count == w->capacity) return 1;
        } else {
            if (w->field == w->key_column) w->key_end = pos;
            w->field++;
            if (w->field == w->key_column) w->key_start = pos + 1;
        }
    }
    return stops;
}

/// Defines `NAME(bytes, length, key_column, columns, out, capacity, consumed)` from `CLASSIFY(p)`,
/// a function giving the masks of the 64 bytes at `p`, compiled with the target attribute `ATTR`.
/// The bytes after the last whole block are copied into a zero-filled block first (a zero byte
/// is none of the three), so nothing is read past `length`.
#define SCAN_DEFINE(NAME, CLASSIFY, ATTR)                                                                       \
    ATTR size_t NAME(const uint8_t *bytes, size_t length, uint32_t key_column, uint32_t columns,                \
                     hecha_plain_record *out, size_t capacity, size_t *consumed) {                            \
        scan_walk w = {bytes, key_column, columns, out, capacity, 0, 0, 0, 0, 0};                               \
        size_t base = 0;                                                                                       \
        int stopped = capacity == 0 || columns == 0 || key_column >= columns;                                  \
        for (; !stopped && base + 64 <= length; base += 64) {                                                  \
            stopped = scan_walk_block(&w, base, CLASSIFY(bytes + base), ~(uint64_t)0);                         \
        }                                                                                                      \
        if (!stopped && base < length) {                                                                       \
            uint8_t tail[64];                                                                                  \
            memset(tail, 0, sizeof tail);                                                                      \
            memcpy(tail, bytes + base, length - base);                                                         \
            scan_walk_block(&w, base, CLASSIFY(tail), ((uint64_t)1 << (length - base)) - 1);                   \
        }                                                                                                      \
        *consumed = w.record_start;                                                                            \
        return w.count;                                                                                        \
    }

#endif
