/* Source maps of the code the module loader compiled (ES modules, CommonJS TypeScript/JSX), so
 * error stacks can point at the original file.
 *
 * A builder collects the printer's mappings (js_print_options.on_mapping) and serialises them
 * into a compact blob (the one the transpile cache stores); a per-process registry keeps one blob
 * per compiled file, keyed by what JSC reports as a frame's file (the module URL for ES modules,
 * the filename for CommonJS), and decodes it only the first time a position in it is looked up,
 * which happens only when a stack is printed.
 *
 * Blob layout (unsigned LEB128 varints "u", zigzag varints "z"):
 *   u nnames, then per name: u len, len bytes
 *   u nsegs, then per segment, in generated order:
 *     u gen_line delta, u gen_col (absolute when the line changed, else delta),
 *     z orig_line delta, z orig_col delta, u name index + 1 (0: no name), u span
 * Lines and columns are 0-based, columns in UTF-16 units, as in source maps. Decoding validates
 * every count and index against the bytes present, so a corrupt blob is refused, never read past.
 *
 * The registry is thread-safe (workers compile modules on their own threads). */
#ifndef DX_MODULE_MAPS_H
#define DX_MODULE_MAPS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "compiler/ast.h"

typedef struct dx_map_seg {
    uint32_t gen_line, gen_col, line, col;
    int32_t name;  /* index into names, -1 for none */
    uint32_t span; /* how many UTF-16 units from here the output is the source's text verbatim */
    uint32_t src_offset; /* builder only: the node's byte offset in the source */
} dx_map_seg;

typedef struct dx_map_builder {
    const char *src; /* the parsed source (borrowed), to find original spellings of renamed names */
    size_t len;
    dx_map_seg *segs;
    size_t nsegs, cap;
    char **names;
    uint32_t *name_lens;
    size_t nnames, cap_names;
    uint32_t *table; /* open addressing over names: index + 1, 0 = empty */
    size_t table_cap;
    bool oom;
} dx_map_builder;

void dx_map_builder_init(dx_map_builder *b, const char *src, size_t len);
/* A js_mapping_fn: ud is the builder. Nodes without a location (made by a transform) add nothing,
 * so the segment before them covers them. Of several nodes starting at one generated position the
 * last reported (the innermost) wins. */
void dx_map_on_mapping(void *ud, uint32_t gen_line, uint32_t gen_col, const js_node *n);
/* Serialises the segments of code (the printed output, code_len bytes); returns 0 with a malloc'd
 * blob, or -1 when memory ran out at any point. Each segment's span is measured here: how far the
 * output after the segment's start equals the source after the node's start, up to the next
 * segment or the end of the line. */
int dx_map_builder_finish(dx_map_builder *b, const char *code, size_t code_len, uint8_t **blob, size_t *len);
void dx_map_builder_free(dx_map_builder *b);

/* A decoded blob. */
typedef struct dx_map {
    dx_map_seg *segs;
    size_t nsegs;
    char **names; /* NUL-terminated */
    size_t nnames;
} dx_map;

/* Decodes a blob; returns NULL when it is malformed or memory runs out. */
dx_map *dx_map_decode(const uint8_t *blob, size_t len);
void dx_map_free(dx_map *m);

typedef struct dx_map_pos {
    uint32_t line, col; /* 1-based; col in UTF-16 units */
    const char *name;   /* borrowed from the map (lives until the file is registered again), or NULL */
} dx_map_pos;

/* Maps a generated position (1-based line and column, as JSC's stack frames report them) to the
 * original one: the segment on that line with the greatest column <= col gives the original line
 * and column. When col lies within the segment's span (the output there is the source's text
 * verbatim) the column moves on by col's distance from the segment's start, so a frame keeps
 * pointing at the `(` or `.` JSC names, exactly as JSC reports it for the uncompiled file (the
 * stack printer then moves it as V8 would); past the span it stays at the segment's start, as
 * source-map consumers do. Returns false when the line has no segment at or before col. */
bool dx_map_lookup(const dx_map *m, uint32_t line1, uint32_t col1, dx_map_pos *out);

/* ---- the registry ---- */

/* Registers (a copy of) blob for key, replacing an earlier one. */
void dx_module_maps_register(const char *key, const uint8_t *blob, size_t len);
/* Looks a position up in key's map (decoding it on first use). *out->name is copied into name_buf
 * (size bytes, truncated) so it stays valid after the lock is released; out->name points there. */
bool dx_module_maps_lookup(const char *key, uint32_t line1, uint32_t col1, dx_map_pos *out, char *name_buf,
                           size_t size);
/* Drops every map (tests, and process exit checks under ASan). */
void dx_module_maps_clear(void);

#endif
