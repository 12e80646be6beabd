/* Large scratch and result memory that is written in full right after it is allocated.
 *
 * On a VM, faulting fresh memory in can take longer than the work that fills it. Blocks of 1 MB or
 * more come straight from mmap, 2 MB aligned and marked for transparent huge pages (512-fold fewer
 * faults where the kernel allows, THP "madvise" or "always" mode; elsewhere the hint is ignored),
 * and a freed block is kept for a while and handed out again for the same rounded size, which costs
 * no faults at all. Huge pages pay off when reused: measured here, a fresh huge page costs ~2.3 ms
 * per MB against ~0.5 ms for 4 KB pages, a reused one nothing (docs/performance.md, session 5). */
#ifndef DX_ENGINE_BIGMEM_H
#define DX_ENGINE_BIGMEM_H

#include <JavaScriptCore/JavaScript.h>
#include <stddef.h>

/* At least n bytes (n may be 0), not zeroed; aborts when out of memory. Free with dx_big_free(p, n).
 * DX_NO_HUGE=1 leaves out the huge-page hint here too. */
void *dx_big_alloc(size_t n);
void dx_big_free(void *p, size_t n);
/* The same, NULL when the system has no memory for it (for sizes a program chose). */
void *dx_big_try_alloc(size_t n);

/* dx_big_alloc for a block that a JS object of ctx's runtime will own (freed by its finalizer).
 * A freed big block is kept for the next allocation of its size (up to 128 MB of them in all, none
 * for more than 5 s once another call comes), since its pages are present. A program's dead buffers
 * only come back when a collection finds them, so when this thread's runtime has had DX_BIG_GC_STEP
 * bytes of such blocks (of any size) since the last time, an eden collection runs first (for a big
 * block, only if none is kept that fits): V8 likewise counts external memory towards its next
 * scavenge. DX_NO_BIG_REUSE=1 turns both off. */
#define DX_BIG_GC_STEP ((size_t)64 << 20)
void *dx_big_alloc_js(JSContextRef ctx, size_t n);
void *dx_big_try_alloc_js(JSContextRef ctx, size_t n);   /* NULL when out of memory */

/* Counts n bytes of memory from elsewhere (malloc) that a JS object of ctx's runtime now owns, such
 * as a NoCopy ArrayBuffer of bytes read from a stream, towards the step of dx_big_alloc_js. */
void dx_big_account_js(JSContextRef ctx, size_t n);

/* To be called before ctx's runtime makes a string of `bytes` characters' storage (1 MB or more
 * counts). JSC frees a dead string's storage only when a full collection has swept its cell, and
 * paces full collections by the live heap, so a program that makes big strings one after another
 * maps fresh memory for each. Once such strings add up to DX_BIG_GC_STEP, or to twice the live
 * objects' bytes if more, a synchronous full collection runs, and their memory is reused. */
void dx__big_string(JSContextRef ctx, size_t bytes);
static inline void dx_big_string(JSContextRef ctx, size_t bytes) {
    if (bytes >= ((size_t)1 << 20)) dx__big_string(ctx, bytes);   /* every string is made through here */
}

/* Marks the 2 MB-aligned part of [p, p + bytes) of memory someone else allocated (a JSC string, say)
 * for huge pages; does nothing for blocks under 4 MB or when DX_NO_HUGE is set. */
void dx_hint_huge(void *p, size_t bytes);

/* How many fresh mappings dx_big_alloc and dx_big_alloc_js have made so far (for tests). */
size_t dx__big_mapped(void);

#endif
