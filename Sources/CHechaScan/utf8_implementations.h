#ifndef CHECHA_UTF8_IMPLEMENTATIONS_H
#define CHECHA_UTF8_IMPLEMENTATIONS_H

/* The UTF-8 checks, each in its own file; `utf8_dispatch.c` chooses among them. Each returns 1
   (valid, `*line_feeds` set), 0 (not valid) or -1 (not compiled for this architecture). */

#include "CHechaScan.h"

int hecha_utf8_portable(const uint8_t *bytes, size_t length, size_t *line_feeds);
int hecha_utf8_avx2(const uint8_t *bytes, size_t length, size_t *line_feeds);
int hecha_utf8_neon(const uint8_t *bytes, size_t length, size_t *line_feeds);

#endif
