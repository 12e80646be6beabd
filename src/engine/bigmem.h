/* Large scratch and result memory that is written in full right after it is allocated.
 *
 * A fresh 64 MB buffer costs 16384 page faults, which on a virtualised machine take longer than the
 * work that fills it (about 4 ms per MB measured here against 0.5 ms per MB with huge pages). Blocks
 * of 1 MB or more therefore come straight from mmap, 2 MB aligned and marked for transparent huge
 * pages, so the kernel can back them with 512-fold fewer faults where it allows (THP "madvise" or
 * "always" mode); elsewhere the hint is ignored and the memory works the same. A freed block is kept
 * for a while and handed out again for the same rounded size (see dx_big_alloc_js): reused pages
 * cost no faults at all. */
#ifndef DX_ENGINE_BIGMEM_H
#define DX_ENGINE_BIGMEM_H

#include <JavaScriptCore/JavaScript.h>
#include <stddef.h>

/* At least n bytes (n may be 0), not zeroed; aborts when out of memory. Free with dx_big_free(p, n).
 * DX_NO_HUGE=1 leaves out the huge-page hint here too. */
void *dx_big_alloc(size_t n);
void dx_big_free(void *p, size_t n);

/* dx_big_alloc for a block that a JS object of ctx's runtime will own (freed by its finalizer).
 * A freed block is kept for the next allocation of its size (up to 128 MB of them in all, none for
 * more than 5 s once another call comes), since its pages are present: on a VM, fresh memory can cost more to fault in than the work that fills
 * it. A program's dead buffers only come back when a collection finds them, so when this thread's
 * runtime has had DX_BIG_GC_STEP bytes of such blocks since the last time and none is kept that
 * fits, an eden collection runs first: V8 likewise counts external memory towards its next
 * scavenge. DX_NO_BIG_REUSE=1 turns both off. */
#define DX_BIG_GC_STEP ((size_t)64 << 20)
void *dx_big_alloc_js(JSContextRef ctx, size_t n);

/* To be called before ctx's runtime makes a string of `bytes` characters' storage (1 MB or more
 * counts). JSC frees a dead string's storage only when a full collection has swept its cell, and
 * paces full collections by the live heap, so a program that makes big strings one after another
 * maps fresh memory for each. Once such strings add up to DX_BIG_GC_STEP, or to twice the live
 * objects' bytes if more, a synchronous full collection runs, and their memory is reused. */
void dx_big_string(JSContextRef ctx, size_t bytes);

/* Marks the 2 MB-aligned part of [p, p + bytes) of memory someone else allocated (a JSC string, say)
 * for huge pages; does nothing for blocks under 4 MB or when DX_NO_HUGE is set. */
void dx_hint_huge(void *p, size_t bytes);

#endif
