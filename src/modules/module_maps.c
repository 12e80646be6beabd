/* Source maps of compiled modules: the printer-hook builder, the blob codec and the per-process
 * registry (see module_maps.h). */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "modules/module_maps.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

/* ---- builder ----------------------------------------------------------------------------------- */

void dx_map_builder_init(dx_map_builder *b, const char *src, size_t len) {
    memset(b, 0, sizeof *b);
    b->src = src;
    b->len = len;
}

void dx_map_builder_free(dx_map_builder *b) {
    for (size_t i = 0; i < b->nnames; i++) free(b->names[i]);
    free(b->names);
    free(b->name_lens);
    free(b->table);
    free(b->segs);
    memset(b, 0, sizeof *b);
}

static bool grow(void **arr, size_t *cap, size_t n, size_t size) {
    if (n < *cap) return true;
    size_t nc = *cap ? *cap * 2 : 64;
    void *p = realloc(*arr, nc * size);
    if (!p) return false;
    *arr = p;
    *cap = nc;
    return true;
}

static uint32_t fnv1a(const char *s, size_t n) {
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) h = (h ^ (uint8_t)s[i]) * 16777619u;
    return h;
}

static bool rehash(dx_map_builder *b, size_t cap) {
    uint32_t *t = calloc(cap, sizeof *t);
    if (!t) return false;
    for (size_t i = 0; i < b->nnames; i++) {
        size_t j = fnv1a(b->names[i], b->name_lens[i]) & (cap - 1);
        while (t[j]) j = (j + 1) & (cap - 1);
        t[j] = (uint32_t)i + 1;
    }
    free(b->table);
    b->table = t;
    b->table_cap = cap;
    return true;
}

static int32_t add_name(dx_map_builder *b, const char *s, size_t n) {
    if (b->table_cap == 0 || (b->nnames + 1) * 2 > b->table_cap) {
        if (!rehash(b, b->table_cap ? b->table_cap * 2 : 16)) return -1;
    }
    size_t j = fnv1a(s, n) & (b->table_cap - 1);
    for (; b->table[j]; j = (j + 1) & (b->table_cap - 1)) {
        uint32_t k = b->table[j] - 1;
        if (b->name_lens[k] == n && memcmp(b->names[k], s, n) == 0) return (int32_t)k;
    }
    if (b->nnames == b->cap_names) {
        size_t nc = b->cap_names ? b->cap_names * 2 : 16;
        char **names = realloc(b->names, nc * sizeof *names);
        if (!names) return -1;
        b->names = names;
        uint32_t *lens = realloc(b->name_lens, nc * sizeof *lens);
        if (!lens) return -1;
        b->name_lens = lens;
        b->cap_names = nc;
    }
    char *copy = strndup(s, n);
    if (!copy) return -1;
    b->names[b->nnames] = copy;
    b->name_lens[b->nnames] = (uint32_t)n;
    b->table[j] = (uint32_t)b->nnames + 1;
    return (int32_t)b->nnames++;
}

static bool ident_byte(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '$' ||
           c >= 0x80;
}

/* The identifier the source spells where an identifier node starts, when the node prints another
 * name (a transform renamed it): that is the name a debugger or stack should show. */
static bool renamed(const dx_map_builder *b, const js_node *n, const char **name, size_t *len) {
    if (!b->src || n->kind != JS_IDENT || (n->flags & JS_NF_ESCAPED) || n->loc.offset >= b->len) return false;
    const char *s = b->src + n->loc.offset;
    size_t avail = b->len - n->loc.offset, k = 0;
    if (!ident_byte((unsigned char)s[0]) || (s[0] >= '0' && s[0] <= '9')) return false;
    while (k < avail && k < 256 && ident_byte((unsigned char)s[k])) k++;
    if (k == n->u.ident.name.len && memcmp(s, n->u.ident.name.ptr, k) == 0) return false;
    *name = s;
    *len = k;
    return true;
}

void dx_map_on_mapping(void *ud, uint32_t gen_line, uint32_t gen_col, const js_node *n) {
    dx_map_builder *b = ud;
    if (b->oom || n->loc.line == 0) return;
    int32_t name = -1;
    const char *nm;
    size_t nl;
    if (renamed(b, n, &nm, &nl) && (name = add_name(b, nm, nl)) < 0) {
        b->oom = true;
        return;
    }
    dx_map_seg s = {gen_line, gen_col, n->loc.line - 1, n->loc.col, name, 0, n->loc.offset};
    if (b->nsegs) {
        dx_map_seg *last = &b->segs[b->nsegs - 1];
        /* The printer reports outer nodes before the inner ones that start at the same place; the
         * innermost is the token itself. */
        if (last->gen_line == gen_line && last->gen_col == gen_col) {
            *last = s;
            return;
        }
    }
    if (!grow((void **)&b->segs, &b->cap, b->nsegs, sizeof *b->segs)) {
        b->oom = true;
        return;
    }
    b->segs[b->nsegs++] = s;
}

static int seg_order(const void *x, const void *y) {
    const dx_map_seg *a = x, *b = y;
    if (a->gen_line != b->gen_line) return a->gen_line < b->gen_line ? -1 : 1;
    if (a->gen_col != b->gen_col) return a->gen_col < b->gen_col ? -1 : 1;
    return 0;
}

typedef struct out_buf {
    uint8_t *p;
    size_t len, cap;
    bool oom;
} out_buf;

static void put_u(out_buf *o, uint64_t v) {
    if (o->oom) return;
    if (o->len + 10 > o->cap && !grow((void **)&o->p, &o->cap, o->len + 10, 1)) {
        o->oom = true;
        return;
    }
    do {
        uint8_t byte = v & 0x7f;
        v >>= 7;
        o->p[o->len++] = byte | (v ? 0x80 : 0);
    } while (v);
}

static void put_z(out_buf *o, int64_t v) { put_u(o, ((uint64_t)v << 1) ^ (uint64_t)(v >> 63)); }

static void put_bytes(out_buf *o, const char *s, size_t n) {
    if (o->oom || n == 0) return;
    while (o->len + n > o->cap) {
        size_t c = o->cap ? o->cap * 2 : 64;
        uint8_t *np = realloc(o->p, c);
        if (!np) {
            o->oom = true;
            return;
        }
        o->p = np;
        o->cap = c;
    }
    memcpy(o->p + o->len, s, n);
    o->len += n;
}

/* UTF-16 units of the UTF-8 sequence starting with byte c (0 for continuation bytes). */
static uint32_t units(unsigned char c) {
    if ((c & 0xC0) == 0x80) return 0;
    return c >= 0xF0 ? 2 : 1;
}

/* Fills every segment's span by walking the output once, its lines and UTF-16 columns alongside. */
static void measure_spans(dx_map_builder *b, const char *code, size_t code_len) {
    size_t pos = 0;
    uint32_t line = 0, col = 0;
    for (size_t i = 0; i < b->nsegs; i++) {
        dx_map_seg *s = &b->segs[i];
        while (pos < code_len && (line < s->gen_line || (line == s->gen_line && col < s->gen_col))) {
            unsigned char c = (unsigned char)code[pos++];
            if (c == '\n') line++, col = 0;
            else col += units(c);
        }
        if (line != s->gen_line || col != s->gen_col) return; /* positions beyond the output: no spans */
        bool same_line_next = i + 1 < b->nsegs && b->segs[i + 1].gen_line == line;
        uint32_t limit = same_line_next ? b->segs[i + 1].gen_col - col : UINT32_MAX;
        uint32_t span = 0;
        size_t g = pos, o = s->src_offset;
        while (g < code_len && o < b->len && code[g] == b->src[o] && code[g] != '\n' && span < limit) {
            span += units((unsigned char)code[g]);
            g++;
            o++;
        }
        s->span = span;
    }
}

int dx_map_builder_finish(dx_map_builder *b, const char *code, size_t code_len, uint8_t **blob, size_t *len) {
    *blob = NULL;
    *len = 0;
    if (b->oom) return -1;
    /* The printer reports in output order; sort only if something did not. */
    for (size_t i = 1; i < b->nsegs; i++) {
        if (seg_order(&b->segs[i - 1], &b->segs[i]) > 0) {
            qsort(b->segs, b->nsegs, sizeof *b->segs, seg_order);
            break;
        }
    }
    if (b->src) measure_spans(b, code, code_len);
    out_buf o = {0};
    put_u(&o, b->nnames);
    for (size_t i = 0; i < b->nnames; i++) {
        put_u(&o, b->name_lens[i]);
        put_bytes(&o, b->names[i], b->name_lens[i]);
    }
    put_u(&o, b->nsegs);
    uint32_t gl = 0, gc = 0, ol = 0, oc = 0;
    for (size_t i = 0; i < b->nsegs; i++) {
        const dx_map_seg *s = &b->segs[i];
        put_u(&o, s->gen_line - gl);
        put_u(&o, s->gen_line != gl ? s->gen_col : s->gen_col - gc);
        put_z(&o, (int64_t)s->line - ol);
        put_z(&o, (int64_t)s->col - oc);
        put_u(&o, (uint64_t)(s->name + 1));
        put_u(&o, s->span);
        gl = s->gen_line;
        gc = s->gen_col;
        ol = s->line;
        oc = s->col;
    }
    if (o.oom) {
        free(o.p);
        return -1;
    }
    *blob = o.p;
    *len = o.len;
    return 0;
}

/* ---- decoding ---------------------------------------------------------------------------------- */

typedef struct in_buf {
    const uint8_t *p;
    size_t len, pos;
    bool bad;
} in_buf;

static uint64_t get_u(in_buf *in) {
    uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
        if (in->pos >= in->len) break;
        uint8_t byte = in->p[in->pos++];
        v |= (uint64_t)(byte & 0x7f) << shift;
        if (!(byte & 0x80)) return v;
    }
    in->bad = true;
    return 0;
}

static int64_t get_z(in_buf *in) {
    uint64_t u = get_u(in);
    return (int64_t)(u >> 1) ^ -(int64_t)(u & 1);
}

void dx_map_free(dx_map *m) {
    if (!m) return;
    for (size_t i = 0; i < m->nnames; i++) free(m->names[i]);
    free(m->names);
    free(m->segs);
    free(m);
}

dx_map *dx_map_decode(const uint8_t *blob, size_t len) {
    in_buf in = {blob, len, 0, false};
    dx_map *m = calloc(1, sizeof *m);
    if (!m) return NULL;
    uint64_t nnames = get_u(&in);
    /* Every name takes at least one byte, so a count beyond the bytes left is corrupt (and would
     * otherwise make us allocate whatever it says). */
    if (in.bad || nnames > len - in.pos) goto bad;
    m->names = calloc(nnames ? nnames : 1, sizeof *m->names);
    if (!m->names) goto bad;
    for (; m->nnames < nnames; m->nnames++) {
        uint64_t n = get_u(&in);
        if (in.bad || n > len - in.pos) goto bad;
        m->names[m->nnames] = strndup((const char *)blob + in.pos, (size_t)n);
        if (!m->names[m->nnames]) goto bad;
        in.pos += (size_t)n;
    }
    uint64_t nsegs = get_u(&in);
    if (in.bad || nsegs > (len - in.pos) / 6) goto bad; /* six varints of at least one byte each */
    m->segs = malloc((nsegs ? nsegs : 1) * sizeof *m->segs);
    if (!m->segs) goto bad;
    int64_t gl = 0, gc = 0, ol = 0, oc = 0;
    for (size_t i = 0; i < nsegs; i++) {
        uint64_t dl = get_u(&in), c = get_u(&in);
        int64_t zl = get_z(&in), zc = get_z(&in);
        uint64_t name = get_u(&in), span = get_u(&in);
        if (in.bad || dl > UINT32_MAX || c > UINT32_MAX || name > nnames || span > UINT32_MAX) goto bad;
        gl += (int64_t)dl;
        gc = dl ? (int64_t)c : gc + (int64_t)c;
        if (zl < -(int64_t)UINT32_MAX || zl > UINT32_MAX || zc < -(int64_t)UINT32_MAX || zc > UINT32_MAX) goto bad;
        ol += zl;
        oc += zc;
        if (gl > UINT32_MAX || gc > UINT32_MAX || ol < 0 || ol > UINT32_MAX || oc < 0 || oc > UINT32_MAX) goto bad;
        m->segs[i] = (dx_map_seg){(uint32_t)gl, (uint32_t)gc, (uint32_t)ol, (uint32_t)oc, (int32_t)name - 1,
                                  (uint32_t)span, 0};
        /* Unsigned deltas keep lines ascending; columns on one line must not repeat either. */
        if (i && dl == 0 && c == 0) goto bad;
    }
    m->nsegs = (size_t)nsegs;
    if (in.pos != len) goto bad;
    return m;
bad:
    dx_map_free(m);
    return NULL;
}

bool dx_map_lookup(const dx_map *m, uint32_t line1, uint32_t col1, dx_map_pos *out) {
    if (!m || line1 == 0 || col1 == 0) return false;
    uint32_t line = line1 - 1, col = col1 - 1;
    /* The last segment at or before (line, col). */
    size_t lo = 0, hi = m->nsegs;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const dx_map_seg *s = &m->segs[mid];
        if (s->gen_line < line || (s->gen_line == line && s->gen_col <= col)) lo = mid + 1;
        else hi = mid;
    }
    if (lo == 0) return false;
    const dx_map_seg *s = &m->segs[lo - 1];
    if (s->gen_line != line) return false;
    uint32_t delta = col - s->gen_col;
    uint64_t c = (uint64_t)s->col + (delta < s->span ? delta : 0);
    if (c >= UINT32_MAX) return false;
    out->line = s->line + 1;
    out->col = (uint32_t)c + 1;
    out->name = s->name >= 0 ? m->names[s->name] : NULL;
    return true;
}

/* ---- registry ---------------------------------------------------------------------------------- */

typedef struct reg_entry {
    char *key;
    uint8_t *blob;
    size_t len;
    dx_map *map;  /* decoded on first lookup */
    bool invalid; /* the blob did not decode: do not try again */
} reg_entry;

static pthread_mutex_t reg_lock = PTHREAD_MUTEX_INITIALIZER;
static reg_entry *reg;   /* open addressing, NULL key = empty */
static size_t reg_cap, reg_count;

static size_t slot_of(const char *key) {
    size_t j = fnv1a(key, strlen(key)) & (reg_cap - 1);
    while (reg[j].key && strcmp(reg[j].key, key) != 0) j = (j + 1) & (reg_cap - 1);
    return j;
}

static bool reg_grow(void) {
    size_t cap = reg_cap ? reg_cap * 2 : 64;
    reg_entry *old = reg;
    size_t old_cap = reg_cap;
    reg = calloc(cap, sizeof *reg);
    if (!reg) {
        reg = old;
        return false;
    }
    reg_cap = cap;
    for (size_t i = 0; i < old_cap; i++)
        if (old[i].key) reg[slot_of(old[i].key)] = old[i];
    free(old);
    return true;
}

void dx_module_maps_register(const char *key, const uint8_t *blob, size_t len) {
    uint8_t *copy = malloc(len ? len : 1);
    char *k = strdup(key);
    if (!copy || !k) {
        /* Without memory the file just keeps its generated positions in stacks. */
        free(copy);
        free(k);
        return;
    }
    if (len) memcpy(copy, blob, len);
    pthread_mutex_lock(&reg_lock);
    if ((reg_count + 1) * 2 > reg_cap && !reg_grow()) {
        pthread_mutex_unlock(&reg_lock);
        free(copy);
        free(k);
        return;
    }
    reg_entry *e = &reg[slot_of(key)];
    if (e->key) {
        free(k);
        free(e->blob);
        dx_map_free(e->map);
    } else {
        e->key = k;
        reg_count++;
    }
    e->blob = copy;
    e->len = len;
    e->map = NULL;
    e->invalid = false;
    pthread_mutex_unlock(&reg_lock);
}

bool dx_module_maps_lookup(const char *key, uint32_t line1, uint32_t col1, dx_map_pos *out, char *name_buf,
                           size_t size) {
    bool found = false;
    pthread_mutex_lock(&reg_lock);
    if (reg_cap) {
        reg_entry *e = &reg[slot_of(key)];
        if (e->key && !e->map && !e->invalid) {
            e->map = dx_map_decode(e->blob, e->len);
            e->invalid = e->map == NULL;
        }
        if (e->map && dx_map_lookup(e->map, line1, col1, out)) {
            found = true;
            if (out->name && size) {
                size_t n = strlen(out->name);
                if (n >= size) n = size - 1;
                memcpy(name_buf, out->name, n);
                name_buf[n] = 0;
                out->name = name_buf;
            } else {
                out->name = NULL;
            }
        }
    }
    pthread_mutex_unlock(&reg_lock);
    return found;
}

void dx_module_maps_clear(void) {
    pthread_mutex_lock(&reg_lock);
    for (size_t i = 0; i < reg_cap; i++) {
        if (!reg[i].key) continue;
        free(reg[i].key);
        free(reg[i].blob);
        dx_map_free(reg[i].map);
    }
    free(reg);
    reg = NULL;
    reg_cap = reg_count = 0;
    pthread_mutex_unlock(&reg_lock);
}
