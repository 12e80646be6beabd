#include "compiler/arena.h"

#include <stdlib.h>
#include <string.h>

#if defined(__linux__)
#include <sys/mman.h>
#define JS_ARENA_MMAP 1
#endif

struct js_arena_chunk {
  js_arena_chunk *next;
  size_t size;   /* payload bytes */
  size_t mapped; /* bytes mapped with mmap (a 2 MiB multiple), or 0 when the chunk came from malloc */
  size_t pad;    /* four words: the payload stays 16-byte aligned */
};

#define JS_ARENA_ALIGN 8
#define JS_ARENA_DEFAULT_CHUNK ((size_t)64 * 1024)
/* Ordinary chunks stop doubling at the huge-page size of x86-64 and arm64. */
#define JS_ARENA_MAX_CHUNK ((size_t)2 << 20)

void js_arena_init(js_arena *a, size_t chunk_size) {
  a->head = NULL;
  a->cur = a->end = NULL;
  a->chunk_size = chunk_size > sizeof(js_arena_chunk) ? chunk_size : JS_ARENA_DEFAULT_CHUNK;
  a->first_chunk = a->chunk_size;
  a->total = 0;
}

#ifdef JS_ARENA_MMAP
/* A chunk of at least `bytes` (header included) in its own 2 MiB-aligned mapping, with a hint to
 * back it with transparent huge pages. A fresh arena page costs a page fault; parsing a large file
 * touches tens of megabytes, and with 4 KiB pages the faults were a third of the parse time. */
static js_arena_chunk *map_chunk(size_t bytes) {
  size_t len = (bytes + JS_ARENA_MAX_CHUNK - 1) & ~(JS_ARENA_MAX_CHUNK - 1);
  char *m = mmap(NULL, len + JS_ARENA_MAX_CHUNK, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (m == MAP_FAILED) return NULL;
  /* Keep the aligned part of the over-sized mapping, so the kernel can use whole huge pages. */
  char *start = (char *)(((uintptr_t)m + JS_ARENA_MAX_CHUNK - 1) & ~(uintptr_t)(JS_ARENA_MAX_CHUNK - 1));
  if (start > m) munmap(m, (size_t)(start - m));
  size_t tail = (size_t)(m + len + JS_ARENA_MAX_CHUNK - (start + len));
  if (tail) munmap(start + len, tail);
#ifdef MADV_HUGEPAGE
  madvise(start, len, MADV_HUGEPAGE); /* a hint: without huge pages the chunk works the same */
#endif
  js_arena_chunk *c = (js_arena_chunk *)start;
  c->mapped = len;
  c->size = len - sizeof *c;
  return c;
}
#endif

/* A chunk of `bytes` bytes, header included (rounded up when it is mapped). */
static js_arena_chunk *get_chunk(size_t bytes) {
#ifdef JS_ARENA_MMAP
  if (bytes >= JS_ARENA_MAX_CHUNK) return map_chunk(bytes);
#endif
  js_arena_chunk *c = malloc(bytes);
  if (!c) return NULL;
  c->mapped = 0;
  c->size = bytes - sizeof *c;
  return c;
}

static void put_chunk(js_arena_chunk *c) {
#ifdef JS_ARENA_MMAP
  if (c->mapped) {
    munmap(c, c->mapped);
    return;
  }
#endif
  free(c);
}

static void *new_chunk(js_arena *a, size_t bytes, int make_current) {
  js_arena_chunk *c = get_chunk(bytes);
  if (!c) return NULL;
  a->total += c->mapped ? c->mapped : bytes;
  char *data = (char *)(c + 1);
  if (make_current || !a->head) {
    c->next = a->head;
    a->head = c;
    a->cur = data;
    a->end = data + c->size;
  } else {
    /* A dedicated chunk for one large block goes behind the head, so the head's free space
     * stays usable for the small allocations that follow. */
    c->next = a->head->next;
    a->head->next = c;
  }
  return data;
}

void *js_arena_alloc(js_arena *a, size_t size) {
  if (size > SIZE_MAX / 2) return NULL;
  size = (size + (JS_ARENA_ALIGN - 1)) & ~(size_t)(JS_ARENA_ALIGN - 1);
  if (size == 0) size = JS_ARENA_ALIGN;
  if (a->cur && (size_t)(a->end - a->cur) >= size) {
    void *p = a->cur;
    a->cur += size;
    return p;
  }
  if (a->chunk_size <= sizeof(js_arena_chunk)) /* a zero-filled arena that missed js_arena_init */
    a->chunk_size = a->first_chunk = JS_ARENA_DEFAULT_CHUNK;
  if (size > (a->chunk_size - sizeof(js_arena_chunk)) / 4) {
    char *p = new_chunk(a, sizeof(js_arena_chunk) + size, 0);
    if (p && a->head && (char *)(a->head + 1) == p) {
      /* It became the head (first chunk): mark it full. */
      a->cur = a->end;
    }
    return p;
  }
  char *p = new_chunk(a, a->chunk_size, 1);
  if (!p) return NULL;
  a->cur = p + size;
  /* Each ordinary chunk doubles the next one's size, up to 2 MiB: few mallocs for a large file,
   * one small chunk for a small one. */
  if (a->chunk_size < JS_ARENA_MAX_CHUNK) {
    a->chunk_size *= 2;
    if (a->chunk_size > JS_ARENA_MAX_CHUNK) a->chunk_size = JS_ARENA_MAX_CHUNK;
  }
  return p;
}

void *js_arena_zalloc(js_arena *a, size_t size) {
  void *p = js_arena_alloc(a, size);
  if (p) memset(p, 0, size);
  return p;
}

char *js_arena_strndup(js_arena *a, const char *s, size_t len) {
  char *p = js_arena_alloc(a, len + 1);
  if (!p) return NULL;
  if (len) memcpy(p, s, len);
  p[len] = 0;
  return p;
}

void js_arena_free(js_arena *a) {
  js_arena_chunk *c = a->head;
  while (c) {
    js_arena_chunk *n = c->next;
    put_chunk(c);
    c = n;
  }
  a->head = NULL;
  a->cur = a->end = NULL;
  a->total = 0;
  a->chunk_size = a->first_chunk;
}
