#include "compiler/arena.h"

#include <stdlib.h>
#include <string.h>

struct js_arena_chunk {
  js_arena_chunk *next;
  size_t size;
  /* Payload follows, aligned like max_align_t because the header is two words. */
};

#define JS_ARENA_ALIGN 8
#define JS_ARENA_DEFAULT_CHUNK (64 * 1024)

void js_arena_init(js_arena *a, size_t chunk_size) {
  a->head = NULL;
  a->cur = a->end = NULL;
  a->chunk_size = chunk_size ? chunk_size : JS_ARENA_DEFAULT_CHUNK;
  a->total = 0;
}

static void *new_chunk(js_arena *a, size_t payload, int make_current) {
  js_arena_chunk *c = malloc(sizeof(js_arena_chunk) + payload);
  if (!c) return NULL;
  c->size = payload;
  a->total += sizeof(js_arena_chunk) + payload;
  char *data = (char *)(c + 1);
  if (make_current || !a->head) {
    c->next = a->head;
    a->head = c;
    a->cur = data;
    a->end = data + payload;
  } else {
    /* A dedicated chunk for one large block goes behind the head, so the head's free space
     * stays usable for the small allocations that follow. */
    c->next = a->head->next;
    a->head->next = c;
  }
  return data;
}

void *js_arena_alloc(js_arena *a, size_t size) {
  size = (size + (JS_ARENA_ALIGN - 1)) & ~(size_t)(JS_ARENA_ALIGN - 1);
  if (size == 0) size = JS_ARENA_ALIGN;
  if ((size_t)(a->end - a->cur) >= size && a->cur) {
    void *p = a->cur;
    a->cur += size;
    return p;
  }
  if (size > a->chunk_size / 4) {
    char *p = new_chunk(a, size, 0);
    if (p && a->head && (char *)(a->head + 1) == p) {
      /* It became the head (first chunk): mark it full. */
      a->cur = a->end;
    }
    return p;
  }
  char *p = new_chunk(a, a->chunk_size, 1);
  if (!p) return NULL;
  a->cur = p + size;
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
    free(c);
    c = n;
  }
  a->head = NULL;
  a->cur = a->end = NULL;
  a->total = 0;
}
