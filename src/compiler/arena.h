/* Arena allocator for compiler data: one arena per parsed file owns every AST node, string and
 * table the parser makes, and is released in one call. Allocation is a pointer bump inside
 * chunks that start at chunk_size and double up to 2 MiB as the arena grows, so a small file
 * costs one small chunk and a large one few allocations; an allocation larger than a quarter of
 * a chunk gets a chunk of its own. Not thread-safe: an arena belongs to one parse at a time. */
#ifndef JS_ARENA_H
#define JS_ARENA_H

#include <stddef.h>
#include <stdint.h>

typedef struct js_arena_chunk js_arena_chunk;

typedef struct js_arena {
  js_arena_chunk *head;   /* chunk being filled; older chunks follow through ->next */
  char *cur, *end;        /* free space of the head chunk */
  size_t chunk_size;      /* size of the next ordinary chunk (payload bytes) */
  size_t first_chunk;     /* chunk_size after init and free */
  size_t total;           /* bytes obtained from malloc, for statistics and tests */
} js_arena;

/* Prepares an empty arena whose first chunk has chunk_size bytes (0 picks 64 KiB). Allocates
 * nothing. */
void js_arena_init(js_arena *a, size_t chunk_size);

/* Returns size bytes aligned to 8, uninitialised, or NULL when malloc fails. size 0 returns a
 * valid unique pointer. The memory lives until js_arena_free. */
void *js_arena_alloc(js_arena *a, size_t size);

/* As js_arena_alloc, zero-filled. */
void *js_arena_zalloc(js_arena *a, size_t size);

/* Copies len bytes and appends a NUL; NULL when out of memory. */
char *js_arena_strndup(js_arena *a, const char *s, size_t len);

/* Releases every chunk; the arena is empty again and may be reused. */
void js_arena_free(js_arena *a);

#endif
