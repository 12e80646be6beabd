/* Large, huge-page-backed blocks (bigmem.h). */
#include "engine/bigmem.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>

#define BIG_MIN ((size_t)1 << 20)
#define HUGE_PAGE ((size_t)2 << 20)

static size_t big_length(size_t n) { return (n + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1); }

/* DX_NO_HUGE=1 turns every huge-page hint off (for comparisons: see docs/performance.md). */
static bool huge_off(void) {
    static int off = -1;
    if (off < 0) off = getenv("DX_NO_HUGE") != NULL;
    return off;
}

void *dx_big_alloc(size_t n) {
    if (n < BIG_MIN) {
        void *p = malloc(n ? n : 1);
        if (!p) abort();
        return p;
    }
    size_t len = big_length(n);
    uint8_t *raw = mmap(NULL, len + HUGE_PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (raw == MAP_FAILED) abort();
    /* Keep the 2 MB-aligned part of the over-sized mapping: only whole aligned pages can be huge. */
    uint8_t *p = (uint8_t *)(((uintptr_t)raw + HUGE_PAGE - 1) & ~(uintptr_t)(HUGE_PAGE - 1));
    if (p > raw) munmap(raw, (size_t)(p - raw));
    size_t tail = (size_t)((raw + len + HUGE_PAGE) - (p + len));
    if (tail) munmap(p + len, tail);
#ifdef MADV_HUGEPAGE
    if (!huge_off()) madvise(p, len, MADV_HUGEPAGE);
#endif
    return p;
}

void dx_big_free(void *p, size_t n) {
    if (n < BIG_MIN) free(p);
    else munmap(p, big_length(n));
}

void dx_hint_huge(void *p, size_t bytes) {
#ifdef MADV_HUGEPAGE
    if (bytes < 2 * HUGE_PAGE || huge_off()) return;
    uintptr_t a = ((uintptr_t)p + HUGE_PAGE - 1) & ~(uintptr_t)(HUGE_PAGE - 1);
    uintptr_t e = ((uintptr_t)p + bytes) & ~(uintptr_t)(HUGE_PAGE - 1);
    if (e > a) madvise((void *)a, e - a, MADV_HUGEPAGE);
#else
    (void)p;
    (void)bytes;
#endif
}
