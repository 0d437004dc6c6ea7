/* Chooses the UTF-8 check as `scan_dispatch.c` chooses the record scanner (the same choice). */

#include "utf8_implementations.h"
#include "scan_implementations.h"

int hecha_utf8_check_using(hecha_scan_implementation implementation, const uint8_t *bytes, size_t length,
                           size_t *line_feeds) {
    switch (implementation) {
    case HECHA_SCAN_BEST:
        return hecha_utf8_check_using(hecha_scan_best_implementation(), bytes, length, line_feeds);
    case HECHA_SCAN_PORTABLE:
        return hecha_utf8_portable(bytes, length, line_feeds);
    case HECHA_SCAN_AVX2:
        if (!hecha_scan_has_avx2()) return -1;
        return hecha_utf8_avx2(bytes, length, line_feeds);
    case HECHA_SCAN_NEON:
        return hecha_utf8_neon(bytes, length, line_feeds);
    }
    return -1;
}

int hecha_utf8_check(const uint8_t *bytes, size_t length, size_t *line_feeds) {
    return hecha_utf8_check_using(HECHA_SCAN_BEST, bytes, length, line_feeds);
}
