#ifndef CHECHA_SCAN_IMPLEMENTATIONS_H
#define CHECHA_SCAN_IMPLEMENTATIONS_H

/* The implementations, each in its own file; `scan_dispatch.c` chooses among them. */

#include "CHechaScan.h"

size_t hecha_scan_portable(const uint8_t *bytes, size_t length, uint32_t key_column, uint32_t columns,
                           hecha_plain_record *out, size_t capacity, size_t *consumed);
/// Returns (size_t)-1 when not compiled for this architecture.
size_t hecha_scan_avx2(const uint8_t *bytes, size_t length, uint32_t key_column, uint32_t columns,
                       hecha_plain_record *out, size_t capacity, size_t *consumed);
/// Returns (size_t)-1 when not compiled for this architecture.
size_t hecha_scan_neon(const uint8_t *bytes, size_t length, uint32_t key_column, uint32_t columns,
                       hecha_plain_record *out, size_t capacity, size_t *consumed);
/// Whether this CPU can run `hecha_scan_avx2`.
int hecha_scan_has_avx2(void);

#endif
