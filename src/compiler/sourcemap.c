/* Source maps: Base64 VLQ, building and writing maps, a strict decoder for untrusted maps, lookup
 * and composition. See sourcemap.h for the contracts.
 *
 * One representation serves every use: a table of segments (generated position -> original
 * position) plus the "sources" and "names" arrays. Maps built by the printer and maps decoded from
 * JSON are the same object, so lookup, composition and serialisation work on either. Strings live
 * in the map's arena; the growable arrays are malloc'd. */
#include "compiler/sourcemap.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "compiler/arena.h"
#include "compiler/unicode.h"

typedef struct sm_seg {
  uint32_t gen_line, gen_col;
  int32_t src; /* -1: the generated range maps to nothing */
  uint32_t line, col;
  int32_t name; /* -1: no name */
} sm_seg;

typedef struct sm_source {
  char *name;    /* NULL when the map said null */
  char *content; /* NULL when absent */
  size_t content_len;
} sm_source;

struct js_sourcemap {
  js_arena arena;
  char *file, *source_root;
  sm_source *sources;
  size_t nsources, cap_sources;
  char **names;
  uint32_t *name_lens;
  size_t nnames, cap_names;
  uint32_t *name_table; /* open addressing over names: index + 1, 0 = empty (js_sourcemap_add_name) */
  size_t name_table_cap;
  sm_seg *segs;
  size_t nsegs, cap_segs;
  bool finished; /* segs sorted by generated position and compacted */
};

/* ---- Base64 and VLQ ------------------------------------------------------------------------- */

static const char b64_digits[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static int b64_value(unsigned char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

size_t js_vlq_encode(int64_t v, char *out) {
  if (v > JS_VLQ_MAX_MAGNITUDE || v < -JS_VLQ_MAX_MAGNITUDE) return 0;
  /* The sign goes in the lowest bit of the first digit, then 5 bits per digit, low bits first. */
  uint64_t u = v < 0 ? (((uint64_t)(-v)) << 1) | 1 : ((uint64_t)v) << 1;
  size_t n = 0;
  do {
    unsigned digit = (unsigned)(u & 31);
    u >>= 5;
    if (u) digit |= 32;
    out[n++] = b64_digits[digit];
  } while (u);
  return n;
}

int js_vlq_decode(const char *s, size_t len, size_t *pos, int64_t *v) {
  uint64_t u = 0;
  unsigned shift = 0;
  size_t i = *pos;
  for (;;) {
    if (i >= len) return -1;
    int d = b64_value((unsigned char)s[i++]);
    if (d < 0) return -1;
    /* Seven digits carry 35 bits, enough for 2^31 and the sign; an eighth is refused before it
     * can overflow anything, and the magnitude is checked below. */
    if (shift >= 35) return -1;
    u |= (uint64_t)(d & 31) << shift;
    shift += 5;
    if (!(d & 32)) break;
  }
  uint64_t mag = u >> 1;
  if (mag > (uint64_t)JS_VLQ_MAX_MAGNITUDE) return -1;
  *v = (u & 1) ? -(int64_t)mag : (int64_t)mag;
  *pos = i;
  return 0;
}

char *js_base64_encode(const void *data, size_t len, size_t *out_len) {
  const unsigned char *d = data;
  if (len > (SIZE_MAX - 1) / 4 * 3 - 3) return NULL;
  size_t n = (len + 2) / 3 * 4;
  char *out = malloc(n + 1);
  if (!out) return NULL;
  size_t o = 0, i = 0;
  for (; i + 2 < len; i += 3) {
    uint32_t w = (uint32_t)d[i] << 16 | (uint32_t)d[i + 1] << 8 | d[i + 2];
    out[o++] = b64_digits[w >> 18];
    out[o++] = b64_digits[(w >> 12) & 63];
    out[o++] = b64_digits[(w >> 6) & 63];
    out[o++] = b64_digits[w & 63];
  }
  if (i < len) {
    uint32_t w = (uint32_t)d[i] << 16 | (i + 1 < len ? (uint32_t)d[i + 1] << 8 : 0);
    out[o++] = b64_digits[w >> 18];
    out[o++] = b64_digits[(w >> 12) & 63];
    out[o++] = i + 1 < len ? b64_digits[(w >> 6) & 63] : '=';
    out[o++] = '=';
  }
  out[o] = 0;
  if (out_len) *out_len = o;
  return out;
}

char *js_base64_decode(const char *s, size_t len, size_t *out_len) {
  while (len && s[len - 1] == '=') len--;
  if (len % 4 == 1) return NULL;
  char *out = malloc(len / 4 * 3 + 3);
  if (!out) return NULL;
  size_t o = 0;
  uint32_t w = 0;
  int k = 0;
  for (size_t i = 0; i < len; i++) {
    int v = b64_value((unsigned char)s[i]);
    if (v < 0) {
      free(out);
      return NULL;
    }
    w = w << 6 | (uint32_t)v;
    if (++k == 4) {
      out[o++] = (char)(w >> 16);
      out[o++] = (char)(w >> 8);
      out[o++] = (char)w;
      w = 0;
      k = 0;
    }
  }
  if (k == 2) {
    out[o++] = (char)(w >> 4);
  } else if (k == 3) {
    out[o++] = (char)(w >> 10);
    out[o++] = (char)(w >> 2);
  }
  out[o] = 0;
  if (out_len) *out_len = o;
  return out;
}

/* ---- building ------------------------------------------------------------------------------- */

js_sourcemap *js_sourcemap_new(void) {
  js_sourcemap *m = calloc(1, sizeof *m);
  if (m) js_arena_init(&m->arena, 0);
  return m;
}

void js_sourcemap_free(js_sourcemap *m) {
  if (!m) return;
  js_arena_free(&m->arena);
  free(m->sources);
  free(m->names);
  free(m->name_lens);
  free(m->name_table);
  free(m->segs);
  free(m);
}

/* Grows *arr (elements of size sz) so that one more fits. */
static bool grow(void **arr, size_t *cap, size_t n, size_t sz) {
  if (n < *cap) return true;
  size_t nc = *cap ? *cap * 2 : 16;
  if (nc > SIZE_MAX / sz) return false;
  void *p = realloc(*arr, nc * sz);
  if (!p) return false;
  *arr = p;
  *cap = nc;
  return true;
}

static int32_t push_source(js_sourcemap *m, char *name, char *content, size_t content_len) {
  if (m->nsources >= INT32_MAX) return -1;
  if (!grow((void **)&m->sources, &m->cap_sources, m->nsources, sizeof *m->sources)) return -1;
  m->sources[m->nsources] = (sm_source){name, content, content_len};
  return (int32_t)m->nsources++;
}

int32_t js_sourcemap_add_source(js_sourcemap *m, const char *name, const char *content, size_t content_len) {
  char *n = name ? js_arena_strndup(&m->arena, name, strlen(name)) : NULL;
  char *c = content ? js_arena_strndup(&m->arena, content, content_len) : NULL;
  if ((name && !n) || (content && !c)) return -1;
  return push_source(m, n, c, content_len);
}

/* Appends a name without looking for an equal one: decoded maps keep their indices. */
static int32_t push_name(js_sourcemap *m, char *name, uint32_t len) {
  if (m->nnames >= INT32_MAX) return -1;
  size_t cap = m->cap_names;
  if (!grow((void **)&m->names, &cap, m->nnames, sizeof *m->names)) return -1;
  size_t cap2 = m->cap_names;
  if (!grow((void **)&m->name_lens, &cap2, m->nnames, sizeof *m->name_lens)) return -1;
  m->cap_names = cap < cap2 ? cap : cap2;
  m->names[m->nnames] = name;
  m->name_lens[m->nnames] = len;
  return (int32_t)m->nnames++;
}

static uint32_t hash_bytes(const char *s, size_t len) {
  uint32_t h = 2166136261u; /* FNV-1a */
  for (size_t i = 0; i < len; i++) h = (h ^ (unsigned char)s[i]) * 16777619u;
  return h;
}

static bool rehash_names(js_sourcemap *m, size_t cap) {
  uint32_t *t = calloc(cap, sizeof *t);
  if (!t) return false;
  for (size_t i = 0; i < m->nnames; i++) {
    size_t j = hash_bytes(m->names[i], m->name_lens[i]) & (cap - 1);
    while (t[j]) j = (j + 1) & (cap - 1);
    t[j] = (uint32_t)i + 1;
  }
  free(m->name_table);
  m->name_table = t;
  m->name_table_cap = cap;
  return true;
}

int32_t js_sourcemap_add_name(js_sourcemap *m, const char *name, size_t len) {
  if (len > UINT32_MAX) return -1;
  if ((m->nnames + 1) * 2 > m->name_table_cap &&
      !rehash_names(m, m->name_table_cap ? m->name_table_cap * 2 : 64))
    return -1;
  size_t mask = m->name_table_cap - 1;
  size_t j = hash_bytes(name, len) & mask;
  for (; m->name_table[j]; j = (j + 1) & mask) {
    uint32_t k = m->name_table[j] - 1;
    if (m->name_lens[k] == len && memcmp(m->names[k], name, len) == 0) return (int32_t)k;
  }
  char *copy = js_arena_strndup(&m->arena, name, len);
  if (!copy) return -1;
  int32_t idx = push_name(m, copy, (uint32_t)len);
  if (idx >= 0) m->name_table[j] = (uint32_t)idx + 1;
  return idx;
}

static int push_segment(js_sourcemap *m, sm_seg s) {
  /* The printer reports a node before its first child at the same position; the innermost node
   * is the token there (in `(a + b)` the sum starts at the parenthesis, `a` after it), so it
   * replaces the segment before it. */
  if (m->nsegs && m->segs[m->nsegs - 1].gen_line == s.gen_line && m->segs[m->nsegs - 1].gen_col == s.gen_col) {
    m->segs[m->nsegs - 1] = s;
    return 0;
  }
  if (!grow((void **)&m->segs, &m->cap_segs, m->nsegs, sizeof *m->segs)) return -1;
  m->segs[m->nsegs++] = s;
  m->finished = false;
  return 0;
}

int js_sourcemap_add_segment(js_sourcemap *m, uint32_t gen_line, uint32_t gen_col, int32_t source, uint32_t line,
                             uint32_t col, int32_t name) {
  if (source < -1 || (source >= 0 && (size_t)source >= m->nsources)) return -1;
  if (name < -1 || (name >= 0 && (size_t)name >= m->nnames)) return -1;
  if (source < 0) {
    line = col = 0;
    name = -1;
  }
  return push_segment(m, (sm_seg){gen_line, gen_col, source, line, col, name});
}

static int seg_cmp(const sm_seg *a, const sm_seg *b) {
  if (a->gen_line != b->gen_line) return a->gen_line < b->gen_line ? -1 : 1;
  if (a->gen_col != b->gen_col) return a->gen_col < b->gen_col ? -1 : 1;
  return 0;
}

/* Sorts the segments by generated position, stably (so among segments at one position the first
 * written stays first, and wins, as it does in the source-map package), then drops the later
 * segments at one position and unmapped segments that follow unmapped ones: neither changes a
 * lookup. (Repeats of one original position are kept: generatedPositionFor, the reverse lookup
 * debuggers use for breakpoints, finds the first, which is not always the token.) Returns false
 * when out of memory (the map is left unsorted). */
static bool finish(js_sourcemap *m) {
  if (m->finished) return true;
  bool sorted = true;
  for (size_t i = 1; i < m->nsegs && sorted; i++)
    if (seg_cmp(&m->segs[i - 1], &m->segs[i]) > 0) sorted = false;
  if (!sorted) {
    /* Bottom-up merge sort: stable and O(n log n) whatever order hostile input comes in. */
    sm_seg *tmp = malloc(m->nsegs * sizeof *tmp);
    if (!tmp) return false;
    sm_seg *a = m->segs, *b = tmp;
    for (size_t width = 1; width < m->nsegs; width *= 2) {
      for (size_t lo = 0; lo < m->nsegs; lo += 2 * width) {
        size_t mid = lo + width < m->nsegs ? lo + width : m->nsegs;
        size_t hi = lo + 2 * width < m->nsegs ? lo + 2 * width : m->nsegs;
        size_t i = lo, j = mid, k = lo;
        while (i < mid && j < hi) b[k++] = seg_cmp(&a[j], &a[i]) < 0 ? a[j++] : a[i++];
        while (i < mid) b[k++] = a[i++];
        while (j < hi) b[k++] = a[j++];
      }
      sm_seg *t = a;
      a = b;
      b = t;
    }
    if (a != m->segs) memcpy(m->segs, a, m->nsegs * sizeof *a);
    free(tmp);
  }
  size_t k = 0;
  for (size_t i = 0; i < m->nsegs; i++) {
    const sm_seg *s = &m->segs[i];
    if (k) {
      const sm_seg *prev = &m->segs[k - 1];
      if (seg_cmp(prev, s) == 0) continue;
      if (prev->gen_line == s->gen_line && prev->src < 0 && s->src < 0) continue;
    }
    m->segs[k++] = *s;
  }
  m->nsegs = k;
  m->finished = true;
  return true;
}

/* ---- JSON output ---------------------------------------------------------------------------- */

typedef struct buf {
  char *p;
  size_t len, cap;
  bool oom;
} buf;

static void put(buf *b, const char *s, size_t n) {
  if (b->oom) return;
  if (b->len + n + 1 > b->cap) {
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->len + n + 1) {
      if (cap > SIZE_MAX / 2) {
        b->oom = true;
        return;
      }
      cap *= 2;
    }
    char *np = realloc(b->p, cap);
    if (!np) {
      b->oom = true;
      return;
    }
    b->p = np;
    b->cap = cap;
  }
  memcpy(b->p + b->len, s, n);
  b->len += n;
}
static void puts_(buf *b, const char *s) { put(b, s, strlen(s)); }

/* A JSON string literal. Input is WTF-8: lone surrogates are written as \u escapes, and bytes that
 * are not UTF-8 at all as U+FFFD, so the output is always valid JSON in valid UTF-8. */
static void put_json_string(buf *b, const char *s, size_t n) {
  put(b, "\"", 1);
  size_t run = 0; /* start of the pending run of bytes copied as they are */
  for (size_t i = 0; i < n;) {
    unsigned char c = (unsigned char)s[i];
    char esc[16];
    const char *rep = NULL;
    size_t adv = 1;
    if (c < 0x80) {
      if (c == '"') rep = "\\\"";
      else if (c == '\\') rep = "\\\\";
      else if (c == '\n') rep = "\\n";
      else if (c == '\r') rep = "\\r";
      else if (c == '\t') rep = "\\t";
      else if (c < 0x20) {
        snprintf(esc, sizeof esc, "\\u%04x", c);
        rep = esc;
      }
    } else {
      uint32_t cp;
      int k = js_utf8_decode((const uint8_t *)s + i, (uint32_t)(n - i > 4 ? 4 : n - i), &cp);
      if (cp == 0xFFFD && k == 1) {
        /* Either a WTF-8 lone surrogate (ED A0..BF xx) or an ill-formed byte. */
        if (c == 0xED && i + 2 < n && ((unsigned char)s[i + 1] & 0xE0) == 0xA0 &&
            ((unsigned char)s[i + 2] & 0xC0) == 0x80) {
          uint32_t u = 0xD000 | (((unsigned char)s[i + 1] & 0x3F) << 6) | ((unsigned char)s[i + 2] & 0x3F);
          snprintf(esc, sizeof esc, "\\u%04x", u);
          adv = 3;
        } else {
          snprintf(esc, sizeof esc, "\\ufffd");
        }
        rep = esc;
      } else {
        adv = (size_t)k;
      }
    }
    if (rep) {
      put(b, s + run, i - run);
      puts_(b, rep);
      i += adv;
      run = i;
    } else {
      i += adv;
    }
  }
  put(b, s + run, n - run);
  put(b, "\"", 1);
}

static void put_vlq(buf *b, int64_t v) {
  char d[JS_VLQ_MAX_CHARS];
  size_t n = js_vlq_encode(v, d);
  put(b, d, n);
}

char *js_sourcemap_to_json(js_sourcemap *m, const char *file, bool with_content, size_t *len) {
  if (!finish(m)) return NULL;
  buf b = {0};
  puts_(&b, "{\"version\":3");
  if (!file) file = m->file;
  if (file) {
    puts_(&b, ",\"file\":");
    put_json_string(&b, file, strlen(file));
  }
  if (m->source_root) {
    puts_(&b, ",\"sourceRoot\":");
    put_json_string(&b, m->source_root, strlen(m->source_root));
  }
  puts_(&b, ",\"sources\":[");
  bool any_content = false;
  for (size_t i = 0; i < m->nsources; i++) {
    if (i) put(&b, ",", 1);
    if (m->sources[i].name) put_json_string(&b, m->sources[i].name, strlen(m->sources[i].name));
    else puts_(&b, "null");
    if (m->sources[i].content) any_content = true;
  }
  put(&b, "]", 1);
  if (with_content && any_content) {
    puts_(&b, ",\"sourcesContent\":[");
    for (size_t i = 0; i < m->nsources; i++) {
      if (i) put(&b, ",", 1);
      if (m->sources[i].content) put_json_string(&b, m->sources[i].content, m->sources[i].content_len);
      else puts_(&b, "null");
    }
    put(&b, "]", 1);
  }
  puts_(&b, ",\"names\":[");
  for (size_t i = 0; i < m->nnames; i++) {
    if (i) put(&b, ",", 1);
    put_json_string(&b, m->names[i], m->name_lens[i]);
  }
  puts_(&b, "],\"mappings\":\"");
  /* Fields are deltas: the column against the previous segment of the same line, the others
   * against the previous segment that had them, across lines. */
  uint32_t line = 0;
  int64_t prev_col = 0, prev_src = 0, prev_line = 0, prev_ocol = 0, prev_name = 0;
  bool first_on_line = true;
  for (size_t i = 0; i < m->nsegs; i++) {
    const sm_seg *s = &m->segs[i];
    while (line < s->gen_line) {
      put(&b, ";", 1);
      line++;
      prev_col = 0;
      first_on_line = true;
    }
    if (!first_on_line) put(&b, ",", 1);
    first_on_line = false;
    put_vlq(&b, (int64_t)s->gen_col - prev_col);
    prev_col = s->gen_col;
    if (s->src >= 0) {
      put_vlq(&b, s->src - prev_src);
      put_vlq(&b, (int64_t)s->line - prev_line);
      put_vlq(&b, (int64_t)s->col - prev_ocol);
      prev_src = s->src;
      prev_line = s->line;
      prev_ocol = s->col;
      if (s->name >= 0) {
        put_vlq(&b, s->name - prev_name);
        prev_name = s->name;
      }
    }
  }
  puts_(&b, "\"}");
  if (b.oom) {
    free(b.p);
    return NULL;
  }
  b.p[b.len] = 0;
  if (len) *len = b.len;
  return b.p;
}

/* ---- JSON input ----------------------------------------------------------------------------- */

typedef struct reader {
  const char *s;
  size_t len, pos;
  js_arena *arena;
  int depth;
  const char *err; /* first error: static text */
  size_t err_at;
  bool oom;
} reader;

static bool fail_at(reader *r, size_t at, const char *msg) {
  if (!r->err) {
    r->err = msg;
    r->err_at = at;
  }
  return false;
}
static bool fail(reader *r, const char *msg) { return fail_at(r, r->pos, msg); }
static bool oom(reader *r) {
  r->oom = true;
  return fail(r, "out of memory");
}

static void ws(reader *r) {
  while (r->pos < r->len) {
    char c = r->s[r->pos];
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') break;
    r->pos++;
  }
}

static bool peek_is(reader *r, char c) {
  ws(r);
  return r->pos < r->len && r->s[r->pos] == c;
}

static bool expect(reader *r, char c, const char *msg) {
  if (!peek_is(r, c)) return fail(r, msg);
  r->pos++;
  return true;
}

static int hex4(const char *s) {
  int v = 0;
  for (int i = 0; i < 4; i++) {
    char c = s[i];
    int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    if (d < 0) return -1;
    v = v * 16 + d;
  }
  return v;
}

/* Reads a string. With out NULL it is only validated; otherwise it is decoded (escapes resolved;
 * lone surrogate escapes become WTF-8) into the arena, NUL-terminated. */
static bool read_string(reader *r, char **out, size_t *out_len) {
  ws(r);
  if (r->pos >= r->len || r->s[r->pos] != '"') return fail(r, "expected a string");
  size_t start = ++r->pos;
  bool escapes = false;
  /* First pass: find the end, validate the bytes and escapes. */
  while (true) {
    if (r->pos >= r->len) return fail_at(r, start - 1, "unterminated string");
    unsigned char c = (unsigned char)r->s[r->pos];
    if (c == '"') break;
    if (c < 0x20) return fail(r, "control character in string");
    if (c == '\\') {
      escapes = true;
      if (r->pos + 1 >= r->len) return fail(r, "unterminated string");
      char e = r->s[r->pos + 1];
      if (e == 'u') {
        if (r->len - r->pos < 6 || hex4(r->s + r->pos + 2) < 0) return fail(r, "bad \\u escape");
        r->pos += 6;
      } else if (strchr("\"\\/bfnrt", e) && e) {
        r->pos += 2;
      } else {
        return fail(r, "bad escape in string");
      }
    } else if (c >= 0x80) {
      uint32_t cp;
      size_t avail = r->len - r->pos;
      int k = js_utf8_decode((const uint8_t *)r->s + r->pos, (uint32_t)(avail > 4 ? 4 : avail), &cp);
      if (cp == 0xFFFD && k == 1) return fail(r, "ill-formed UTF-8 in string");
      r->pos += (size_t)k;
    } else {
      r->pos++;
    }
  }
  size_t end = r->pos++;
  if (!out) return true;
  if (!escapes) {
    *out = js_arena_strndup(r->arena, r->s + start, end - start);
    if (!*out) return oom(r);
    if (out_len) *out_len = end - start;
    return true;
  }
  /* Escapes only shrink or keep the length (\uXXXX: 6 bytes -> at most 3; pairs 12 -> 4). */
  char *d = js_arena_alloc(r->arena, end - start + 1);
  if (!d) return oom(r);
  size_t o = 0;
  for (size_t i = start; i < end;) {
    if (r->s[i] != '\\') {
      d[o++] = r->s[i++];
      continue;
    }
    char e = r->s[i + 1];
    if (e != 'u') {
      static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
      d[o++] = to[strchr(from, e) - from];
      i += 2;
      continue;
    }
    uint32_t cp = (uint32_t)hex4(r->s + i + 2);
    i += 6;
    if (cp >= 0xD800 && cp <= 0xDBFF && i + 6 <= end && r->s[i] == '\\' && r->s[i + 1] == 'u') {
      int lo = hex4(r->s + i + 2);
      if (lo >= 0xDC00 && lo <= 0xDFFF) {
        cp = 0x10000 + ((cp - 0xD800) << 10) + ((uint32_t)lo - 0xDC00);
        i += 6;
      }
    }
    o += (size_t)js_utf8_encode(d + o, cp);
  }
  d[o] = 0;
  *out = d;
  if (out_len) *out_len = o;
  return true;
}

/* Reads a number with JSON's grammar (no leading zeros, no '+', digits after '.' and 'e'). */
static bool read_number(reader *r, double *v) {
  ws(r);
  size_t start = r->pos, i = r->pos;
  const char *s = r->s;
  if (i < r->len && s[i] == '-') i++;
  if (i >= r->len || !(s[i] >= '0' && s[i] <= '9')) return fail(r, "expected a number");
  if (s[i] == '0') i++;
  else
    while (i < r->len && s[i] >= '0' && s[i] <= '9') i++;
  if (i < r->len && s[i] == '.') {
    i++;
    if (i >= r->len || !(s[i] >= '0' && s[i] <= '9')) return fail_at(r, i, "bad number");
    while (i < r->len && s[i] >= '0' && s[i] <= '9') i++;
  }
  if (i < r->len && (s[i] == 'e' || s[i] == 'E')) {
    i++;
    if (i < r->len && (s[i] == '+' || s[i] == '-')) i++;
    if (i >= r->len || !(s[i] >= '0' && s[i] <= '9')) return fail_at(r, i, "bad number");
    while (i < r->len && s[i] >= '0' && s[i] <= '9') i++;
  }
  r->pos = i;
  if (v) {
    /* strtod needs a terminator; numbers this long are not positions anyway. */
    char tmp[64];
    size_t n = i - start;
    if (n >= sizeof tmp) {
      *v = 1e300; /* out of every range checked */
    } else {
      memcpy(tmp, s + start, n);
      tmp[n] = 0;
      *v = strtod(tmp, NULL);
    }
  }
  return true;
}

static bool literal(reader *r, const char *word) {
  size_t n = strlen(word);
  if (r->len - r->pos < n || memcmp(r->s + r->pos, word, n) != 0) return fail(r, "unexpected character");
  r->pos += n;
  return true;
}

/* Validates and skips any JSON value. */
static bool skip_value(reader *r) {
  ws(r);
  if (r->pos >= r->len) return fail(r, "unexpected end of input");
  char c = r->s[r->pos];
  if (c == '"') return read_string(r, NULL, NULL);
  if (c == '-' || (c >= '0' && c <= '9')) return read_number(r, NULL);
  if (c == 't') return literal(r, "true");
  if (c == 'f') return literal(r, "false");
  if (c == 'n') return literal(r, "null");
  if (c != '[' && c != '{') return fail(r, "unexpected character");
  if (++r->depth > JS_SOURCEMAP_MAX_DEPTH) return fail(r, "nesting too deep");
  r->pos++;
  char close = c == '[' ? ']' : '}';
  if (peek_is(r, close)) {
    r->pos++;
    r->depth--;
    return true;
  }
  for (;;) {
    if (close == '}') {
      if (!read_string(r, NULL, NULL) || !expect(r, ':', "expected ':'")) return false;
    }
    if (!skip_value(r)) return false;
    if (peek_is(r, ',')) {
      r->pos++;
      continue;
    }
    if (!expect(r, close, close == ']' ? "expected ',' or ']'" : "expected ',' or '}'")) return false;
    r->depth--;
    return true;
  }
}

static bool is_null(reader *r) {
  ws(r);
  if (r->len - r->pos >= 4 && memcmp(r->s + r->pos, "null", 4) == 0) {
    r->pos += 4;
    return true;
  }
  return false;
}

/* A growable array of strings in the arena (doubling: at most twice the final size). */
typedef struct strvec {
  char **items;
  size_t *lens;
  size_t len, cap;
} strvec;

static bool strvec_push(reader *r, strvec *v, char *s, size_t len) {
  if (v->len == v->cap) {
    size_t nc = v->cap ? v->cap * 2 : 8;
    char **ni = js_arena_alloc(r->arena, nc * sizeof *ni);
    size_t *nl = js_arena_alloc(r->arena, nc * sizeof *nl);
    if (!ni || !nl) return oom(r);
    if (v->len) {
      memcpy(ni, v->items, v->len * sizeof *ni);
      memcpy(nl, v->lens, v->len * sizeof *nl);
    }
    v->items = ni;
    v->lens = nl;
    v->cap = nc;
  }
  v->items[v->len] = s;
  v->lens[v->len++] = len;
  return true;
}

/* An array of strings; null entries are allowed when nullable (kept as NULL). */
static bool read_string_array(reader *r, strvec *v, bool nullable, const char *what) {
  if (!peek_is(r, '[')) return fail(r, what);
  r->pos++;
  v->len = 0;
  if (peek_is(r, ']')) {
    r->pos++;
    return true;
  }
  for (;;) {
    char *s = NULL;
    size_t n = 0;
    if (nullable && is_null(r)) {
      s = NULL;
    } else if (!peek_is(r, '"')) {
      return fail(r, what);
    } else if (!read_string(r, &s, &n)) {
      return false;
    }
    if (!strvec_push(r, v, s, n)) return false;
    if (peek_is(r, ',')) {
      r->pos++;
      continue;
    }
    return expect(r, ']', "expected ',' or ']'");
  }
}

/* The fields of one (non-index) map, read before they are interpreted: keys come in any order. */
typedef struct raw_map {
  bool has_version, has_sources, has_mappings, has_sections;
  double version;
  char *file, *source_root;
  strvec sources, contents, names;
  const char *mappings;
  size_t mappings_len, mappings_at;
  size_t start; /* offset of the object, for messages */
} raw_map;

static bool decode_mappings(reader *r, js_sourcemap *m, const raw_map *raw, int32_t base_src, int32_t base_name,
                            uint64_t line_off, uint64_t col_off);
static bool read_map(reader *r, js_sourcemap *m, raw_map *raw, bool top);

static bool read_offset(reader *r, uint64_t *line, uint64_t *col) {
  bool has_line = false, has_col = false;
  if (!expect(r, '{', "section offset must be an object")) return false;
  if (peek_is(r, '}')) return fail(r, "section offset needs line and column");
  for (;;) {
    char *key;
    if (!read_string(r, &key, NULL) || !expect(r, ':', "expected ':'")) return false;
    bool is_line = strcmp(key, "line") == 0, is_col = strcmp(key, "column") == 0;
    if (is_line || is_col) {
      size_t at = r->pos;
      double v;
      if (!read_number(r, &v)) return false;
      if (!(v >= 0 && v <= INT32_MAX && v == (double)(int64_t)v)) return fail_at(r, at, "section offset out of range");
      if (is_line) {
        *line = (uint64_t)v;
        has_line = true;
      } else {
        *col = (uint64_t)v;
        has_col = true;
      }
    } else if (!skip_value(r)) {
      return false;
    }
    if (peek_is(r, ',')) {
      r->pos++;
      continue;
    }
    if (!expect(r, '}', "expected ',' or '}'")) return false;
    break;
  }
  if (!has_line || !has_col) return fail(r, "section offset needs line and column");
  return true;
}

/* "sections": each is {"offset": {...}, "map": {...}}, in increasing offset order. */
static bool read_sections(reader *r, js_sourcemap *m) {
  if (!expect(r, '[', "\"sections\" must be an array")) return false;
  if (peek_is(r, ']')) {
    r->pos++;
    return true;
  }
  uint64_t prev_line = 0, prev_col = 0;
  bool first = true;
  size_t prev_start = m->nsegs; /* where the previous section's segments begin */
  for (;;) {
    size_t at = r->pos;
    if (!expect(r, '{', "a section must be an object")) return false;
    raw_map raw;
    memset(&raw, 0, sizeof raw);
    bool has_offset = false, has_map = false;
    uint64_t line = 0, col = 0;
    if (!peek_is(r, '}')) {
      for (;;) {
        char *key;
        if (!read_string(r, &key, NULL) || !expect(r, ':', "expected ':'")) return false;
        if (strcmp(key, "offset") == 0) {
          if (!read_offset(r, &line, &col)) return false;
          has_offset = true;
        } else if (strcmp(key, "map") == 0) {
          if (!read_map(r, m, &raw, false)) return false;
          has_map = true;
        } else if (strcmp(key, "url") == 0) {
          return fail(r, "sections with \"url\" are not supported");
        } else if (!skip_value(r)) {
          return false;
        }
        if (peek_is(r, ',')) {
          r->pos++;
          continue;
        }
        if (!expect(r, '}', "expected ',' or '}'")) return false;
        break;
      }
    } else {
      r->pos++;
    }
    if (!has_offset || !has_map) return fail_at(r, at, "a section needs \"offset\" and \"map\"");
    if (!first && (line < prev_line || (line == prev_line && col < prev_col)))
      return fail_at(r, at, "sections out of order");
    first = false;
    prev_line = line;
    prev_col = col;
    /* A position belongs to the last section starting at or before it (the source-map package
     * looks it up in that section's map alone): the previous section loses its segments from
     * here on, and an unmapped segment at the offset ends its last range. */
    size_t k = prev_start;
    for (size_t i = prev_start; i < m->nsegs; i++) {
      const sm_seg *sg = &m->segs[i];
      if (sg->gen_line > line || (sg->gen_line == line && sg->gen_col >= col)) continue;
      m->segs[k++] = *sg;
    }
    m->nsegs = k;
    prev_start = m->nsegs;
    /* The section's sources and names follow the ones already merged. */
    int32_t base_src = (int32_t)m->nsources, base_name = (int32_t)m->nnames;
    for (size_t i = 0; i < raw.sources.len; i++) {
      char *content = i < raw.contents.len ? raw.contents.items[i] : NULL;
      size_t clen = i < raw.contents.len ? raw.contents.lens[i] : 0;
      if (push_source(m, raw.sources.items[i], content, clen) < 0) return oom(r);
    }
    for (size_t i = 0; i < raw.names.len; i++)
      if (push_name(m, raw.names.items[i], (uint32_t)raw.names.lens[i]) < 0) return oom(r);
    if (!decode_mappings(r, m, &raw, base_src, base_name, line, col)) return false;
    /* After the section's own segments, so one of them at the offset comes first and wins. */
    if (!grow((void **)&m->segs, &m->cap_segs, m->nsegs, sizeof *m->segs)) return oom(r);
    m->segs[m->nsegs++] = (sm_seg){(uint32_t)line, (uint32_t)col, -1, 0, 0, -1};
    if (peek_is(r, ',')) {
      r->pos++;
      continue;
    }
    return expect(r, ']', "expected ',' or ']'");
  }
}

/* Reads a map object. A top-level map may be an index map ("sections"), whose sections are
 * merged into m as they are read; a section's map is returned in raw for the caller to merge. */
static bool read_map(reader *r, js_sourcemap *m, raw_map *raw, bool top) {
  memset(raw, 0, sizeof *raw);
  ws(r);
  raw->start = r->pos;
  if (!expect(r, '{', "a source map must be a JSON object")) return false;
  if (++r->depth > JS_SOURCEMAP_MAX_DEPTH) return fail(r, "nesting too deep");
  if (peek_is(r, '}')) {
    r->pos++;
  } else {
    for (;;) {
      char *key;
      if (!read_string(r, &key, NULL) || !expect(r, ':', "expected ':'")) return false;
      size_t at = r->pos;
      if (strcmp(key, "version") == 0) {
        ws(r);
        char c = r->pos < r->len ? r->s[r->pos] : 0;
        if (c != '-' && !(c >= '0' && c <= '9')) return fail_at(r, at, "\"version\" must be a number");
        if (!read_number(r, &raw->version)) return false;
        raw->has_version = true;
      } else if (strcmp(key, "file") == 0) {
        if (!is_null(r) && !read_string(r, &raw->file, NULL)) return false;
      } else if (strcmp(key, "sourceRoot") == 0) {
        if (!is_null(r) && !read_string(r, &raw->source_root, NULL)) return false;
      } else if (strcmp(key, "sources") == 0) {
        if (!read_string_array(r, &raw->sources, true, "\"sources\" must be an array of strings")) return false;
        raw->has_sources = true;
      } else if (strcmp(key, "sourcesContent") == 0) {
        if (!read_string_array(r, &raw->contents, true, "\"sourcesContent\" must be an array of strings"))
          return false;
      } else if (strcmp(key, "names") == 0) {
        if (!read_string_array(r, &raw->names, false, "\"names\" must be an array of strings")) return false;
      } else if (strcmp(key, "mappings") == 0) {
        char *s;
        size_t n;
        ws(r);
        raw->mappings_at = r->pos + 1;
        if (!peek_is(r, '"')) return fail(r, "\"mappings\" must be a string");
        if (!read_string(r, &s, &n)) return false;
        raw->mappings = s;
        raw->mappings_len = n;
        raw->has_mappings = true;
      } else if (strcmp(key, "sections") == 0) {
        if (!top) return fail_at(r, at, "a section's map cannot have sections");
        if (!read_sections(r, m)) return false;
        raw->has_sections = true;
      } else if (!skip_value(r)) {
        return false;
      }
      if (peek_is(r, ',')) {
        r->pos++;
        continue;
      }
      if (!expect(r, '}', "expected ',' or '}'")) return false;
      break;
    }
  }
  r->depth--;
  if (!raw->has_version || raw->version != 3) return fail_at(r, raw->start, "unsupported source map version (expected 3)");
  if (raw->has_sections) {
    if (raw->has_mappings || raw->has_sources) return fail_at(r, raw->start, "an index map cannot have \"mappings\" or \"sources\"");
    return true;
  }
  if (!raw->has_sources) return fail_at(r, raw->start, "missing \"sources\"");
  if (!raw->has_mappings) return fail_at(r, raw->start, "missing \"mappings\"");
  return true;
}

static bool decode_mappings(reader *r, js_sourcemap *m, const raw_map *raw, int32_t base_src, int32_t base_name,
                            uint64_t line_off, uint64_t col_off) {
  const char *s = raw->mappings;
  size_t len = raw->mappings_len, pos = 0;
  uint64_t line = 0;
  int64_t col = 0, src = 0, oline = 0, ocol = 0, name = 0;
  /* Positions in messages are offsets into the JSON text when the string had no escapes. */
  size_t at0 = raw->mappings_at;
  while (pos < len) {
    char c = s[pos];
    if (c == ';') {
      line++;
      col = 0;
      pos++;
      continue;
    }
    if (c == ',') {
      pos++;
      continue;
    }
    int64_t f[5];
    int n = 0;
    size_t seg_at = pos;
    while (pos < len && s[pos] != ',' && s[pos] != ';') {
      if (n == 5) return fail_at(r, at0 + seg_at, "mappings: a segment has more than 5 fields");
      if (js_vlq_decode(s, len, &pos, &f[n]) < 0) return fail_at(r, at0 + pos, "mappings: bad or overflowing VLQ");
      n++;
    }
    if (n == 2 || n == 3) return fail_at(r, at0 + seg_at, "mappings: a segment has a source but no position");
    col += f[0];
    if (col < 0 || col > INT32_MAX) return fail_at(r, at0 + seg_at, "mappings: generated column out of range");
    sm_seg seg;
    uint64_t gl = line + line_off, gc = (uint64_t)col + (line == 0 ? col_off : 0);
    if (gl > INT32_MAX || gc > INT32_MAX) return fail_at(r, at0 + seg_at, "mappings: generated position out of range");
    seg.gen_line = (uint32_t)gl;
    seg.gen_col = (uint32_t)gc;
    seg.src = -1;
    seg.line = seg.col = 0;
    seg.name = -1;
    if (n >= 4) {
      src += f[1];
      oline += f[2];
      ocol += f[3];
      if (src < 0 || (size_t)src >= raw->sources.len) return fail_at(r, at0 + seg_at, "mappings: source index out of range");
      if (oline < 0 || oline > INT32_MAX || ocol < 0 || ocol > INT32_MAX)
        return fail_at(r, at0 + seg_at, "mappings: original position out of range");
      seg.src = base_src + (int32_t)src;
      seg.line = (uint32_t)oline;
      seg.col = (uint32_t)ocol;
      if (n == 5) {
        name += f[4];
        if (name < 0 || (size_t)name >= raw->names.len) return fail_at(r, at0 + seg_at, "mappings: name index out of range");
        seg.name = base_name + (int32_t)name;
      }
    }
    /* Keep every segment (duplicates included) until finish() sorts: order decides ties. */
    if (!grow((void **)&m->segs, &m->cap_segs, m->nsegs, sizeof *m->segs)) return oom(r);
    m->segs[m->nsegs++] = seg;
  }
  return true;
}

js_sourcemap *js_sourcemap_parse(const char *json, size_t len, char *err, size_t errsize) {
  js_sourcemap *m = js_sourcemap_new();
  if (!m) {
    if (err && errsize) snprintf(err, errsize, "out of memory");
    return NULL;
  }
  reader r = {.s = json, .len = len, .arena = &m->arena};
  raw_map raw;
  bool ok = read_map(&r, m, &raw, true);
  if (ok) {
    ws(&r);
    if (r.pos != r.len) ok = fail(&r, "unexpected text after the map");
  }
  if (ok && !raw.has_sections) {
    for (size_t i = 0; ok && i < raw.sources.len; i++) {
      char *content = i < raw.contents.len ? raw.contents.items[i] : NULL;
      size_t clen = i < raw.contents.len ? raw.contents.lens[i] : 0;
      if (push_source(m, raw.sources.items[i], content, clen) < 0) ok = oom(&r);
    }
    for (size_t i = 0; ok && i < raw.names.len; i++)
      if (push_name(m, raw.names.items[i], (uint32_t)raw.names.lens[i]) < 0) ok = oom(&r);
    if (ok) ok = decode_mappings(&r, m, &raw, 0, 0, 0, 0);
    m->file = raw.file;
    m->source_root = raw.source_root;
  } else if (ok) {
    m->file = raw.file;
  }
  if (ok && !finish(m)) ok = oom(&r);
  if (!ok) {
    if (err && errsize) {
      if (r.oom) snprintf(err, errsize, "out of memory");
      else snprintf(err, errsize, "invalid source map: %s (at byte %zu)", r.err ? r.err : "error", r.err_at);
    }
    js_sourcemap_free(m);
    return NULL;
  }
  return m;
}

/* ---- lookup --------------------------------------------------------------------------------- */

bool js_sourcemap_lookup(js_sourcemap *m, uint32_t line, uint32_t col, js_sm_position *out) {
  out->source_index = -1;
  out->source = NULL;
  out->line = out->col = 0;
  out->name_index = -1;
  out->name = NULL;
  if (!finish(m) || !m->nsegs) return false;
  /* The last segment at or before (line, col); it must be on the same line. */
  size_t lo = 0, hi = m->nsegs;
  sm_seg key = {.gen_line = line, .gen_col = col};
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (seg_cmp(&m->segs[mid], &key) <= 0) lo = mid + 1;
    else hi = mid;
  }
  if (lo == 0) return false;
  const sm_seg *s = &m->segs[lo - 1];
  if (s->gen_line != line || s->src < 0) return false;
  out->source_index = s->src;
  out->source = m->sources[s->src].name;
  out->line = s->line;
  out->col = s->col;
  if (s->name >= 0) {
    out->name_index = s->name;
    out->name = m->names[s->name];
  }
  return true;
}

size_t js_sourcemap_source_count(const js_sourcemap *m) { return m->nsources; }
const char *js_sourcemap_source(const js_sourcemap *m, size_t i) { return i < m->nsources ? m->sources[i].name : NULL; }
const char *js_sourcemap_source_content(const js_sourcemap *m, size_t i, size_t *len) {
  if (i >= m->nsources || !m->sources[i].content) return NULL;
  if (len) *len = m->sources[i].content_len;
  return m->sources[i].content;
}
const char *js_sourcemap_source_root(const js_sourcemap *m) { return m->source_root; }
const char *js_sourcemap_file(const js_sourcemap *m) { return m->file; }
size_t js_sourcemap_name_count(const js_sourcemap *m) { return m->nnames; }
const char *js_sourcemap_name(const js_sourcemap *m, size_t i) { return i < m->nnames ? m->names[i] : NULL; }
size_t js_sourcemap_segment_count(js_sourcemap *m) {
  finish(m);
  return m->nsegs;
}

/* ---- composition ---------------------------------------------------------------------------- */

/* sourceRoot + source, as the spec resolves them (a plain join; absolute sources stay). */
static char *rooted(js_arena *a, const char *root, const char *src) {
  if (!src) return NULL;
  if (!root || !*root || src[0] == '/' || strstr(src, "://")) return js_arena_strndup(a, src, strlen(src));
  size_t rl = strlen(root), sl = strlen(src);
  bool slash = root[rl - 1] == '/';
  char *out = js_arena_alloc(a, rl + sl + 2);
  if (!out) return NULL;
  memcpy(out, root, rl);
  if (!slash) out[rl++] = '/';
  memcpy(out + rl, src, sl + 1);
  return out;
}

js_sourcemap *js_sourcemap_compose(js_sourcemap *outer, int32_t outer_source, js_sourcemap *inner) {
  js_sourcemap *c = js_sourcemap_new();
  int32_t *outer_idx = NULL; /* outer source index -> result index, -1 until added */
  if (!c || !finish(outer) || !finish(inner)) goto fail;
  for (size_t i = 0; i < inner->nsources; i++) {
    char *name = rooted(&c->arena, inner->source_root, inner->sources[i].name);
    char *content = inner->sources[i].content
                        ? js_arena_strndup(&c->arena, inner->sources[i].content, inner->sources[i].content_len)
                        : NULL;
    if ((inner->sources[i].name && !name) || (inner->sources[i].content && !content)) goto fail;
    if (push_source(c, name, content, inner->sources[i].content_len) < 0) goto fail;
  }
  outer_idx = malloc((outer->nsources ? outer->nsources : 1) * sizeof *outer_idx);
  if (!outer_idx) goto fail;
  for (size_t i = 0; i < outer->nsources; i++) outer_idx[i] = -1;
  for (size_t i = 0; i < outer->nsegs; i++) {
    const sm_seg *s = &outer->segs[i];
    int32_t src = -1, name = -1;
    uint32_t line = 0, col = 0;
    if (s->src >= 0 && (outer_source < 0 || s->src == outer_source)) {
      js_sm_position p;
      if (js_sourcemap_lookup(inner, s->line, s->col, &p)) {
        src = p.source_index;
        line = p.line;
        col = p.col;
        if (p.name_index >= 0) {
          if ((name = js_sourcemap_add_name(c, p.name, inner->name_lens[p.name_index])) < 0) goto fail;
        } else if (s->name >= 0) {
          if ((name = js_sourcemap_add_name(c, outer->names[s->name], outer->name_lens[s->name])) < 0) goto fail;
        }
      }
    } else if (s->src >= 0) {
      if (outer_idx[s->src] < 0) {
        const sm_source *os = &outer->sources[s->src];
        char *name = rooted(&c->arena, outer->source_root, os->name);
        if (os->name && !name) goto fail;
        outer_idx[s->src] = js_sourcemap_add_source(c, name, os->content, os->content_len);
        if (outer_idx[s->src] < 0) goto fail;
      }
      src = outer_idx[s->src];
      line = s->line;
      col = s->col;
      if (s->name >= 0 && (name = js_sourcemap_add_name(c, outer->names[s->name], outer->name_lens[s->name])) < 0)
        goto fail;
    }
    if (js_sourcemap_add_segment(c, s->gen_line, s->gen_col, src, line, col, name) < 0) goto fail;
  }
  free(outer_idx);
  if (!finish(c)) {
    js_sourcemap_free(c);
    return NULL;
  }
  return c;
fail:
  free(outer_idx);
  js_sourcemap_free(c);
  return NULL;
}

/* ---- finding and decoding input maps -------------------------------------------------------- */

static bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

bool js_sourcemap_find_url(const char *src, size_t len, const char **url, size_t *url_len) {
  static const char key[] = "sourceMappingURL=";
  const size_t klen = sizeof key - 1;
  /* Scan backwards for the last `//# sourceMappingURL=` (or the block comment form) whose URL is
   * followed only by white space (and `*\/` for the block form) to the end of its line. */
  for (size_t i = len >= klen ? len - klen + 1 : 0; i-- > 0;) {
    if (src[i] != 's' || memcmp(src + i, key, klen) != 0) continue;
    size_t j = i;
    while (j > 0 && (src[j - 1] == ' ' || src[j - 1] == '\t')) j--;
    if (j < 3 || (src[j - 1] != '#' && src[j - 1] != '@') || src[j - 3] != '/' ||
        (src[j - 2] != '/' && src[j - 2] != '*'))
      continue;
    bool block = src[j - 2] == '*';
    size_t u = i + klen, e = u;
    while (e < len && !is_space(src[e]) && !(block && e + 1 < len && src[e] == '*' && src[e + 1] == '/')) e++;
    if (e == u) continue;
    size_t k = e;
    if (block) {
      while (k < len && (src[k] == ' ' || src[k] == '\t')) k++;
      if (k + 1 >= len || src[k] != '*' || src[k + 1] != '/') continue;
      k += 2;
    }
    while (k < len && (src[k] == ' ' || src[k] == '\t' || src[k] == '\r')) k++;
    if (k < len && src[k] != '\n') continue;
    *url = src + u;
    *url_len = e - u;
    return true;
  }
  return false;
}

static int hexval(char c) {
  return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

char *js_sourcemap_decode_data_url(const char *url, size_t len, size_t *out_len) {
  if (len < 5 || strncasecmp(url, "data:", 5) != 0) return NULL;
  const char *comma = memchr(url, ',', len);
  if (!comma) return NULL;
  const char *mt = url + 5;
  size_t mtlen = (size_t)(comma - mt);
  static const char json[] = "application/json";
  if (mtlen < sizeof json - 1 || strncasecmp(mt, json, sizeof json - 1) != 0) return NULL;
  if (mtlen > sizeof json - 1 && mt[sizeof json - 1] != ';') return NULL;
  bool b64 = mtlen >= 7 && strncasecmp(comma - 7, ";base64", 7) == 0;
  const char *data = comma + 1;
  size_t dlen = len - (size_t)(data - url);
  if (b64) return js_base64_decode(data, dlen, out_len);
  char *out = malloc(dlen + 1);
  if (!out) return NULL;
  size_t o = 0;
  for (size_t i = 0; i < dlen; i++) {
    if (data[i] == '%') {
      int h = i + 2 < dlen ? hexval(data[i + 1]) : -1, l = i + 2 < dlen ? hexval(data[i + 2]) : -1;
      if (h < 0 || l < 0) {
        free(out);
        return NULL;
      }
      out[o++] = (char)(h * 16 + l);
      i += 2;
    } else {
      out[o++] = data[i];
    }
  }
  out[o] = 0;
  if (out_len) *out_len = o;
  return out;
}
