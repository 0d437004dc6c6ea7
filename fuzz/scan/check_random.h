// The checks' own pseudo-random numbers (xorshift64), so that every run of fuzz/scan/run.sh
// draws the same inputs and a failure can be repeated. Each check seeds it once with
// check_random_seed before its first draw.
#ifndef HECHA_CHECK_RANDOM_H
#define HECHA_CHECK_RANDOM_H

#include <stdint.h>

static uint64_t check_random_state = 88172645463325252ULL;

static void check_random_seed(uint64_t seed) { check_random_state = seed ? seed : 88172645463325252ULL; }

static uint32_t next_random(void) {
    check_random_state ^= check_random_state << 13;
    check_random_state ^= check_random_state >> 7;
    check_random_state ^= check_random_state << 17;
    return (uint32_t)check_random_state;
}

#endif
