/* Large, huge-page-backed blocks (bigmem.h). */
#include "engine/bigmem.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>

#include "engine/jsc_private.h"

#define BIG_MIN ((size_t)1 << 20)
#define HUGE_PAGE ((size_t)2 << 20)

static size_t big_length(size_t n) { return (n + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1); }

/* DX_NO_HUGE=1 turns every huge-page hint off (for comparisons: see docs/performance.md). */
static bool huge_off(void) {
    static int off = -1;
    if (off < 0) off = getenv("DX_NO_HUGE") != NULL;
    return off;
}

static _Atomic size_t mapped_count;   /* fresh mappings made (dx__big_mapped, for tests) */

size_t dx__big_mapped(void) { return mapped_count; }

/* A fresh 2 MB-aligned mapping of len bytes (a multiple of HUGE_PAGE), marked for huge pages;
 * NULL when the system refuses it. */
static void *map_block(size_t len) {
    uint8_t *raw = mmap(NULL, len + HUGE_PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (raw == MAP_FAILED) return NULL;
    mapped_count++;
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

/* ---- blocks kept for reuse ----
 * Freed blocks of up to KEEP_MAX bytes in all are kept (the oldest go first), at most KEEP_SLOTS of
 * them, and handed out again for an allocation of the same rounded size: their pages are present,
 * where a fresh mapping faults in and zeroes every page again. A block kept for more than KEEP_MS
 * is unmapped at the next allocation or free of a big block (an idle program keeps them until
 * then). Shared by every thread (each runtime frees its buffers on its own thread), hence the
 * lock, which costs nothing beside a 1 MB block. */
#define KEEP_SLOTS 4
#define KEEP_MAX ((size_t)128 << 20)
#define KEEP_MS 5000   /* a kept block unused this long is unmapped at the next call */
static struct {
    void *p;
    size_t len;
    uint64_t since;   /* when it was kept (monotonic ms) */
} kept[KEEP_SLOTS];
static size_t kept_count, kept_bytes;
static pthread_mutex_t kept_lock = PTHREAD_MUTEX_INITIALIZER;

/* DX_NO_BIG_REUSE=1 turns keeping and the collections of dx_big_alloc_js off (for comparisons). */
static bool reuse_off(void) {
    static int off = -1;
    if (off < 0) off = getenv("DX_NO_BIG_REUSE") != NULL;
    return off;
}

static uint64_t now_ms(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (uint64_t)t.tv_sec * 1000 + (uint64_t)t.tv_nsec / 1000000;
}

/* Removes the oldest kept block into evicted[*n] (the lock is held). */
static void evict_oldest(void **evicted, size_t *evicted_len, size_t *n) {
    evicted[*n] = kept[0].p;
    evicted_len[(*n)++] = kept[0].len;
    kept_bytes -= kept[0].len;
    memmove(&kept[0], &kept[1], (kept_count - 1) * sizeof kept[0]);
    kept_count--;
}

static void *take_kept(size_t len) {
    void *p = NULL, *evicted[KEEP_SLOTS];
    size_t evicted_len[KEEP_SLOTS], n_evicted = 0;
    uint64_t now = now_ms();
    pthread_mutex_lock(&kept_lock);
    while (kept_count && now - kept[0].since > KEEP_MS) evict_oldest(evicted, evicted_len, &n_evicted);
    for (size_t i = kept_count; i-- > 0;) {   /* the newest first */
        if (kept[i].len != len) continue;
        p = kept[i].p;
        kept_bytes -= len;
        memmove(&kept[i], &kept[i + 1], (kept_count - i - 1) * sizeof kept[0]);
        kept_count--;
        break;
    }
    pthread_mutex_unlock(&kept_lock);
    for (size_t i = 0; i < n_evicted; i++) munmap(evicted[i], evicted_len[i]);
    return p;
}

/* Keeps [p, p + len) for reuse, or unmaps it; unmaps the blocks it evicts. */
static void keep(void *p, size_t len) {
    void *evicted[KEEP_SLOTS];
    size_t evicted_len[KEEP_SLOTS], n_evicted = 0;
    if (len > KEEP_MAX || reuse_off()) {
        munmap(p, len);
        return;
    }
    uint64_t now = now_ms();
    pthread_mutex_lock(&kept_lock);
    while (kept_count && (kept_count == KEEP_SLOTS || kept_bytes + len > KEEP_MAX || now - kept[0].since > KEEP_MS))
        evict_oldest(evicted, evicted_len, &n_evicted);
    kept[kept_count].p = p;
    kept[kept_count].len = len;
    kept[kept_count].since = now;
    kept_count++;
    kept_bytes += len;
    pthread_mutex_unlock(&kept_lock);
    for (size_t i = 0; i < n_evicted; i++) munmap(evicted[i], evicted_len[i]);
}

void *dx_big_try_alloc(size_t n) {
    if (n < BIG_MIN) return malloc(n ? n : 1);
    size_t len = big_length(n);
    void *p = take_kept(len);
    return p ? p : map_block(len);
}

void *dx_big_alloc(size_t n) {
    void *p = dx_big_try_alloc(n);
    if (!p) abort();
    return p;
}

/* Bytes of blocks this thread's runtime has had from dx_big_alloc_js since its last collection. */
static __thread size_t js_since_gc;

/* Bytes of big strings this thread's runtime has made since its last full collection here, and
 * how many may come before the next one. */
static __thread size_t str_since_gc, str_step;

static double stat_of(JSContextRef ctx, JSObjectRef stats, const char *name) {
    JSStringRef key = JSStringCreateWithUTF8CString(name);
    JSValueRef v = JSObjectGetProperty(ctx, stats, key, NULL);
    JSStringRelease(key);
    double d = v ? JSValueToNumber(ctx, v, NULL) : 0;
    return d == d && d > 0 ? d : 0;
}

void dx__big_string(JSContextRef ctx, size_t bytes) {
    if (reuse_off()) return;
    if (!str_step) str_step = DX_BIG_GC_STEP;
    str_since_gc += bytes;
    if (str_since_gc < str_step) return;
    str_since_gc = 0;
    JSSynchronousGarbageCollectForDebugging(ctx);
    /* The next one after twice the objects' bytes (the heap less the memory cells point to, such
     * as strings' characters): a full collection's marking then costs at most about half as many
     * bytes as were allocated since the last one. */
    JSObjectRef stats = JSGetMemoryUsageStatistics(ctx);
    double heap = stat_of(ctx, stats, "heapSize"), extra = stat_of(ctx, stats, "extraMemorySize");
    double objects = heap > extra ? heap - extra : 0;
    str_step = 2 * objects > (double)DX_BIG_GC_STEP ? (size_t)(2 * objects) : DX_BIG_GC_STEP;
}

void dx_big_account_js(JSContextRef ctx, size_t n) {
    if (reuse_off()) return;
    /* Nothing is kept for blocks under BIG_MIN, so the eden collection comes once the step is
     * reached. It matters more than for big blocks: such buffers are many, and in this JSC only a
     * full collection subtracts dead ArrayBuffers' bytes from the heap size the collector paces
     * itself by, so left to itself it makes every other collection a full one, and lets dead
     * buffers pile up (docs/performance.md, session 6). */
    js_since_gc += n;
    if (js_since_gc >= DX_BIG_GC_STEP) {
        js_since_gc = 0;
        JSSynchronousEdenCollectForDebugging(ctx);
    }
}

void *dx_big_try_alloc_js(JSContextRef ctx, size_t n) {
    if (reuse_off()) return dx_big_try_alloc(n);
    if (n < BIG_MIN) {
        dx_big_account_js(ctx, n);
        return dx_big_try_alloc(n);
    }
    size_t len = big_length(n);
    js_since_gc += len;
    void *p = take_kept(len);
    if (p) return p;
    if (js_since_gc >= DX_BIG_GC_STEP) {
        /* An eden collection frees the blocks of buffers that died young, before more memory is
         * mapped (the collector's own pace, set by the live heap's size, would let hundreds of MB
         * of dead buffers pile up first). */
        js_since_gc = 0;
        JSSynchronousEdenCollectForDebugging(ctx);
        p = take_kept(len);
        if (p) return p;
    }
    return map_block(len);
}

void *dx_big_alloc_js(JSContextRef ctx, size_t n) {
    void *p = dx_big_try_alloc_js(ctx, n);
    if (!p) abort();
    return p;
}

void dx_big_free(void *p, size_t n) {
    if (n < BIG_MIN) free(p);
    else keep(p, big_length(n));
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
