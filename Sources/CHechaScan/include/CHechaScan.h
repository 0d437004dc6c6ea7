#ifndef CHECHA_SCAN_H
#define CHECHA_SCAN_H

/*
 * The fast scanner of agency exports. It checks that text is UTF-8 (counting its line feeds on the
 * way), and finds, 64 bytes at a time, the CSV records written plainly
 * (one line, no quote, the expected number of fields) and where one field (the person's id) is in
 * each. The CSV reader skips those whose id is of nobody on the roster, and parses every other
 * record itself. It also counts quotes and line feeds, to split one large file across threads.
 * This is the only byte-level SIMD code of the project; ConnectorKit's
 * `CSVReader+PlainRecords.swift`, `TextChunkReader` and `FileSplit` are its only callers.
 *
 * Implementations: AVX2 (x86-64, chosen at run time when the CPU has it), NEON (every AArch64
 * CPU) and a portable one (eight bytes at a time in a 64-bit word) for everything else. All
 * give the same result byte for byte (tested, also with AddressSanitizer).
 */

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// One record found by `hecha_scan_plain_records`, as offsets from the start of the bytes given.
typedef struct {
    /// The record's first byte.
    uint32_t start;
    /// Where its content ends: its line feed, or the carriage return before it.
    uint32_t end;
    /// Where the next record starts (after the line feed).
    uint32_t next;
    /// The key field's bytes are `[key_start, key_end)` (untrimmed).
    uint32_t key_start;
    uint32_t key_end;
    /// The key as an id number's first 17 digits, when it is a valid 18-character id written
    /// plainly (blanks around it allowed; check character right, lowercase x too; a birth date
    /// that exists, from 1900 on): what ConnectorKit's `IDNumber.plainBody` gives. 0 otherwise.
    uint64_t key_body;
} hecha_plain_record;

/// The implementations of the scanner.
typedef enum {
    /// Chosen by the CPU's features (the fastest one it has).
    HECHA_SCAN_BEST = 0,
    /// Eight bytes at a time in a 64-bit word, on every CPU.
    HECHA_SCAN_PORTABLE = 1,
    /// 32-byte AVX2 compares (x86-64 CPUs that have AVX2).
    HECHA_SCAN_AVX2 = 2,
    /// 16-byte NEON compares (AArch64).
    HECHA_SCAN_NEON = 3,
} hecha_scan_implementation;

/// Scans `bytes[0, length)`, which begins at the start of a record, for plain records: each is
/// one line ending in a line feed, holds no quote character, is not blank, and has exactly
/// `columns` comma-separated fields. It writes one entry per record to `out`, in order, and stops
/// before the first record that is not plain (or is cut off by the end of the bytes), or when
/// `capacity` entries are written. `*consumed` is then where the first record not reported
/// starts. Returns the number of entries written.
///
/// `key_column` (counted from 0, less than `columns`) is the field whose bytes each entry points
/// at. Returns `(size_t)-1` (and reads nothing) when `length` is 2^32 - 64 or more.
size_t hecha_scan_plain_records(const uint8_t *bytes, size_t length, uint32_t key_column, uint32_t columns,
                                hecha_plain_record *out, size_t capacity, size_t *consumed);

/// As `hecha_scan_plain_records`, with a given implementation (for tests and benchmarks); returns
/// `(size_t)-1` when this CPU or build lacks it.
size_t hecha_scan_plain_records_using(hecha_scan_implementation implementation, const uint8_t *bytes, size_t length,
                                      uint32_t key_column, uint32_t columns, hecha_plain_record *out, size_t capacity,
                                      size_t *consumed);

/// Whether `bytes[0, length)` is well-formed UTF-8 that ends on a character boundary: 1 when it
/// is, with `*line_feeds` set to the number of line feeds in it, 0 when it is not (the caller then
/// finds where, byte by byte). Works on any length.
int hecha_utf8_check(const uint8_t *bytes, size_t length, size_t *line_feeds);

/// As `hecha_utf8_check`, with a given implementation; returns -1 when this CPU or build lacks it.
int hecha_utf8_check_using(hecha_scan_implementation implementation, const uint8_t *bytes, size_t length,
                           size_t *line_feeds);

/// Counts the quote characters (`"`) and the line feeds in `bytes[0, length)`, into `*quotes` and
/// `*line_feeds`. A CSV file is split across threads by them: a line feed after an even number of
/// quotes from the start of the file ends a record (when the quoting is well-formed; the reader
/// checks that each piece ends where a record does).
void hecha_count_quotes_and_line_feeds(const uint8_t *bytes, size_t length, size_t *quotes, size_t *line_feeds);

/// As `hecha_count_quotes_and_line_feeds`, with a given implementation; returns 0, or -1 (and
/// counts nothing) when this CPU or build lacks it.
int hecha_count_quotes_and_line_feeds_using(hecha_scan_implementation implementation, const uint8_t *bytes,
                                            size_t length, size_t *quotes, size_t *line_feeds);

/// The implementation `HECHA_SCAN_BEST` stands for on this CPU.
hecha_scan_implementation hecha_scan_best_implementation(void);

#ifdef __cplusplus
}
#endif

#endif
