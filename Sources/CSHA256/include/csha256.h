#ifndef HECHA_CSHA256_H
#define HECHA_CSHA256_H

#include <stddef.h>
#include <stdint.h>

/// Whether this processor has the SHA extensions (and SSSE3/SSE4.1) that
/// `hecha_sha256_blocks_shani` needs. Always 0 on other architectures.
int hecha_sha256_shani_available(void);

/// Compresses `blocks` consecutive 64-byte blocks of `data` into `state` (the eight
/// working words a…h) with the SHA extensions, using the 64 round constants `k` (the
/// caller's table: one copy of the constants for both implementations). Call only when
/// available.
void hecha_sha256_blocks_shani(uint32_t state[8], const uint8_t *data, size_t blocks, const uint32_t k[64]);

#endif
