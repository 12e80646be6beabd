/* Source maps (revision 3, ECMA-426): Base64 VLQ, a map built from printer mappings and written as
 * JSON, a strict decoder for maps read from untrusted bytes, position lookup and composition.
 * Plain C, no I/O: callers hand in and take out bytes.
 *
 * Positions are 0-based lines and 0-based columns counted in UTF-16 code units, as in the
 * "mappings" field itself (the `source-map` npm package reports 1-based lines instead). One map
 * object belongs to one thread at a time. */
#ifndef JS_SOURCEMAP_H
#define JS_SOURCEMAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ---- Base64 VLQ ----------------------------------------------------------------------------- */

/* Magnitudes up to 2^31 are representable; larger ones are refused by both directions, so
 * hostile "mappings" cannot overflow the decoder's arithmetic. */
#define JS_VLQ_MAX_MAGNITUDE ((int64_t)1 << 31)
/* Longest encoding of a value within that bound: 1 + 5 + 5 + 5 + 5 + 5 + 5 bits -> 7 digits. */
#define JS_VLQ_MAX_CHARS 7

/* Writes the VLQ digits of v to out (room for JS_VLQ_MAX_CHARS); returns how many, or 0 when
 * |v| > JS_VLQ_MAX_MAGNITUDE. Writes no NUL. */
size_t js_vlq_encode(int64_t v, char *out);

/* Reads one value starting at s[*pos] (s holds len bytes), advancing *pos past it. Returns 0, or
 * -1 when the digits end early, a byte is not Base64, or the magnitude exceeds the bound. */
int js_vlq_decode(const char *s, size_t len, size_t *pos, int64_t *v);

/* Standard Base64 (with padding) of len bytes: malloc'd, NUL-terminated; NULL when out of memory. */
char *js_base64_encode(const void *data, size_t len, size_t *out_len);
/* Decodes standard Base64 (padding optional, no white space); malloc'd with a NUL appended, NULL
 * when malformed or out of memory. */
char *js_base64_decode(const char *s, size_t len, size_t *out_len);

/* ---- maps ----------------------------------------------------------------------------------- */

typedef struct js_sourcemap js_sourcemap;

/* One original position: what a generated position maps to. source and name are borrowed from the
 * map (NULL when absent; a map can say that a generated range has no original). */
typedef struct js_sm_position {
  int32_t source_index; /* -1: no source */
  const char *source;   /* sources[source_index] as written in the map (sourceRoot not applied) */
  uint32_t line, col;   /* 0-based; col in UTF-16 units */
  int32_t name_index;   /* -1: no name */
  const char *name;
} js_sm_position;

/* An empty map to fill with js_sourcemap_add_*; NULL when out of memory. */
js_sourcemap *js_sourcemap_new(void);
void js_sourcemap_free(js_sourcemap *m);

/* Adds a source file (its name as it will appear in "sources", and optionally its text for
 * "sourcesContent", both copied; content NULL for none). Returns its index, or -1 when out of
 * memory. */
int32_t js_sourcemap_add_source(js_sourcemap *m, const char *name, const char *content, size_t content_len);
/* Returns the index of name in "names", adding it (copied) once; -1 when out of memory. */
int32_t js_sourcemap_add_name(js_sourcemap *m, const char *name, size_t len);
/* Adds a segment: generated (gen_line, gen_col) maps to (source, line, col) with an optional name
 * (-1), or to nothing when source is -1. Segments may come in any order. A segment at the same
 * generated position as the one added just before replaces it (the printer reports outer nodes
 * before inner ones, and the innermost is the token); other duplicates keep the first, as lookups
 * of decoded maps do. An unmapped segment right after another is dropped (it changes no lookup).
 * Returns 0, or -1 when out of memory or an index is out of range. */
int js_sourcemap_add_segment(js_sourcemap *m, uint32_t gen_line, uint32_t gen_col, int32_t source,
                             uint32_t line, uint32_t col, int32_t name);

/* Serialises the map as JSON: {"version":3,"file":...,"sources":[...],"sourcesContent":[...],
 * "names":[...],"mappings":"..."}. file may be NULL (then omitted); sourcesContent is written
 * when with_content is true and some source has content. Returns a malloc'd NUL-terminated
 * string (length in *len if len is not NULL), or NULL when out of memory. */
char *js_sourcemap_to_json(js_sourcemap *m, const char *file, bool with_content, size_t *len);

/* Limits for untrusted input. */
#define JS_SOURCEMAP_MAX_DEPTH 64 /* JSON nesting inside a map (arrays/objects of ignored fields) */

/* Decodes a v3 map from JSON bytes: strict JSON (RFC 8259, UTF-8), "version" 3, "sources" and
 * "mappings" present, indices and positions in range. Index maps ("sections", each with an
 * "offset" and an embedded "map") are flattened into one table; sections given by "url" are
 * refused. Returns the map, or NULL with a message (static text, with the byte offset for JSON
 * errors) in err (errsize bytes) when the input is malformed or memory runs out. Time and
 * memory are linear in len. */
js_sourcemap *js_sourcemap_parse(const char *json, size_t len, char *err, size_t errsize);

/* Where generated (line, col) comes from, with the semantics of the `source-map` package's
 * originalPositionFor (default bias): the segment on that line with the greatest column <= col.
 * Returns false when there is none, or when that segment maps to no source (then *out has
 * source_index -1). */
bool js_sourcemap_lookup(js_sourcemap *m, uint32_t line, uint32_t col, js_sm_position *out);

/* Accessors. Strings are borrowed from the map and NUL-terminated; content is NULL when absent. */
size_t js_sourcemap_source_count(const js_sourcemap *m);
const char *js_sourcemap_source(const js_sourcemap *m, size_t i);
const char *js_sourcemap_source_content(const js_sourcemap *m, size_t i, size_t *len);
const char *js_sourcemap_source_root(const js_sourcemap *m); /* NULL when absent */
const char *js_sourcemap_file(const js_sourcemap *m);        /* NULL when absent */
size_t js_sourcemap_name_count(const js_sourcemap *m);
const char *js_sourcemap_name(const js_sourcemap *m, size_t i);
size_t js_sourcemap_segment_count(js_sourcemap *m);

/* Composition for input source maps: outer maps C (generated) to B, inner maps B to A. The result
 * maps C to A: every segment of outer that points into outer source outer_source (-1: into any
 * source) is looked up in inner (js_sourcemap_lookup) and points where inner says, or to nothing
 * when inner has no position there; segments into other sources of outer are kept. Names come
 * from inner, else from outer. Sources and contents of inner (and of outer's other sources) are
 * copied. Returns a new map or NULL when out of memory. */
js_sourcemap *js_sourcemap_compose(js_sourcemap *outer, int32_t outer_source, js_sourcemap *inner);

/* Finds the last `//# sourceMappingURL=` (or `//@`) comment of a generated file, skipping trailing
 * white space and comments after it as the spec's extraction does loosely: returns true and the
 * URL's bytes (borrowed from src) when found. */
bool js_sourcemap_find_url(const char *src, size_t len, const char **url, size_t *url_len);

/* Decodes a `data:application/json[;charset=utf-8];base64,...` URL (or a non-base64 data URL with
 * percent escapes). Returns the malloc'd JSON bytes (NUL appended), or NULL when the URL is not
 * such a data URL or is malformed. */
char *js_sourcemap_decode_data_url(const char *url, size_t len, size_t *out_len);

#endif
