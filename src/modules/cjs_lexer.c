/* CommonJS named-export detection (see cjs_lexer.h and docs/cjs-exports.md).
 *
 * Two layers. A tokenizer walks the whole source once, only as far as needed to know where code
 * is: it skips strings, comments, template literals (following `${` nesting) and regular
 * expressions, telling a regex from a division by the token before the slash. At each identifier
 * that can start a pattern (`exports`, `module`, `Object`, `require`, ...) a matcher looks ahead
 * over the raw bytes for that pattern. Matchers never move the tokenizer: whatever they match is
 * tokenized again normally, so the bracket stack and the regex decision stay exact. Each matcher
 * reads a bounded number of tokens (the object literal of `module.exports = {...}` is read once, up
 * to its first token that is not part of the pattern), so the whole run is linear.
 *
 * Where Node's lexer has quirks (no whitespace allowed after the value of `a: b` in an object
 * literal, only spaces in `var x = require(...)`, `exports.a == b` counting as an assignment),
 * this lexer has them too: a name must be importable exactly when it is under Node. */
#include "modules/cjs_lexer.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* ---- growable name sets ------------------------------------------------------------------ */

/* An insertion-ordered set of byte strings: an array plus an open-addressing index of it.
 * `values` (optional, parallel to `items`) lets the same structure map a binding to a specifier. */
typedef struct name_set {
    dx_cjs_name *items;
    dx_cjs_name *values;
    size_t count, cap;
    uint32_t *slots; /* 0 = empty, else index + 1 */
    size_t nslots;   /* a power of two, or 0 */
} name_set;

typedef struct span {
    size_t start, len;
} span;

typedef struct lexer {
    const uint8_t *s;
    size_t n;
    size_t pos;

    /* Open brackets: the low bits say which (BR_PAREN, BR_BRACE, BR_TEMPLATE: a `${`), and
     * BR_REGEX_AFTER whether a `/` right after its closing bracket starts a regular expression. */
    uint8_t *stack;
    size_t depth, stack_cap;

    /* The previous token, for the regex/division decision and keyword positions. */
    int prev;                /* PREV_* or the byte of a one-byte punctuator */
    span prev_ident;         /* when prev == PREV_IDENT */
    bool prev_ident_member;  /* that identifier followed `.` or `?.` (a property name) */
    bool prev_close_regex;   /* when prev is ')' or '}': a `/` now starts a regex */

    name_set exports, reexports;
    name_set bindings; /* `var x = require('s')` at top level: x -> 's', for Object.keys(x) */

    const char *error;
    size_t error_offset;
    bool oom;
} lexer;

enum {
    PREV_START = 256, /* nothing yet */
    PREV_IDENT,       /* identifier or keyword */
    PREV_VALUE,       /* number, string, template, regex */
    PREV_ARROW,       /* => */
    PREV_INCDEC,      /* ++ or -- */
    PREV_SPREAD,      /* ... */
    PREV_OPTDOT,      /* ?. */
};

enum { BR_PAREN = 1, BR_BRACE = 2, BR_TEMPLATE = 3, BR_KIND = 3, BR_REGEX_AFTER = 4 };

static uint32_t hash_bytes(const char *p, size_t len) {
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < len; i++) h = (h ^ (uint8_t)p[i]) * 16777619u;
    return h;
}

/* Index of the item equal to (p, len), or -1; *slot_out gets the slot it is in or would go in. */
static long set_find(const name_set *set, const char *p, size_t len, size_t *slot_out) {
    if (!set->nslots) return -1;
    size_t mask = set->nslots - 1, i = hash_bytes(p, len) & mask;
    for (;; i = (i + 1) & mask) {
        uint32_t v = set->slots[i];
        if (!v) break;
        const dx_cjs_name *it = &set->items[v - 1];
        if (it->len == len && memcmp(it->str, p, len) == 0) {
            if (slot_out) *slot_out = i;
            return (long)(v - 1);
        }
    }
    if (slot_out) *slot_out = i;
    return -1;
}

static int set_grow(name_set *set) {
    size_t nslots = set->nslots ? set->nslots * 2 : 16;
    uint32_t *slots = calloc(nslots, sizeof *slots);
    if (!slots) return -1;
    for (size_t k = 0; k < set->count; k++) {
        size_t i = hash_bytes(set->items[k].str, set->items[k].len) & (nslots - 1);
        while (slots[i]) i = (i + 1) & (nslots - 1);
        slots[i] = (uint32_t)(k + 1);
    }
    free(set->slots);
    set->slots = slots;
    set->nslots = nslots;
    return 0;
}

static void name_free(dx_cjs_name *nm) {
    free(nm->str);
    nm->str = NULL;
    nm->len = 0;
}

static void set_clear(name_set *set) {
    for (size_t k = 0; k < set->count; k++) {
        name_free(&set->items[k]);
        if (set->values) name_free(&set->values[k]);
    }
    set->count = 0;
    if (set->slots) memset(set->slots, 0, set->nslots * sizeof *set->slots);
}

static void set_free(name_set *set) {
    set_clear(set);
    free(set->items);
    free(set->values);
    free(set->slots);
    memset(set, 0, sizeof *set);
}

/* Adds `str` (owned, malloc'ed, len bytes) unless present; with a value (owned), replaces the
 * value of an existing key. Frees what it does not keep. */
static void set_add(lexer *L, name_set *set, char *str, size_t len, char *value, size_t vlen, bool has_values) {
    size_t slot;
    long at = set_find(set, str, len, &slot);
    if (at >= 0) {
        free(str);
        if (has_values) {
            name_free(&set->values[at]);
            set->values[at].str = value;
            set->values[at].len = vlen;
        }
        return;
    }
    if ((set->count + 1) * 2 > set->nslots) {
        if (set_grow(set) < 0) goto oom;
        set_find(set, str, len, &slot);
    }
    if (set->count == set->cap) {
        size_t cap = set->cap ? set->cap * 2 : 8;
        dx_cjs_name *items = realloc(set->items, cap * sizeof *items);
        if (!items) goto oom;
        set->items = items;
        if (has_values) {
            dx_cjs_name *values = realloc(set->values, cap * sizeof *values);
            if (!values) goto oom;
            set->values = values;
        }
        set->cap = cap;
    }
    set->items[set->count] = (dx_cjs_name){str, len};
    if (has_values) set->values[set->count] = (dx_cjs_name){value, vlen};
    set->slots[slot] = (uint32_t)(set->count + 1);
    set->count++;
    return;
oom:
    free(str);
    free(value);
    L->oom = true;
}

/* Removes key `k` (an index from set_find) by rebuilding the index; rare (one per Babel star
 * re-export), so simplicity wins. */
static void set_remove(name_set *set, long k) {
    name_free(&set->items[k]);
    if (set->values) name_free(&set->values[k]);
    memmove(&set->items[k], &set->items[k + 1], (set->count - (size_t)k - 1) * sizeof *set->items);
    if (set->values)
        memmove(&set->values[k], &set->values[k + 1], (set->count - (size_t)k - 1) * sizeof *set->values);
    set->count--;
    memset(set->slots, 0, set->nslots * sizeof *set->slots);
    for (size_t j = 0; j < set->count; j++) {
        size_t i = hash_bytes(set->items[j].str, set->items[j].len) & (set->nslots - 1);
        while (set->slots[i]) i = (i + 1) & (set->nslots - 1);
        set->slots[i] = (uint32_t)(j + 1);
    }
}

/* ---- text: UTF-8, whitespace, identifiers, string literals -------------------------------- */

/* Length of the valid UTF-8 sequence at s[i] (1..4), or 0 if the bytes there are not one.
 * Surrogates and overlong forms are invalid, as for a UTF-8 decoder. */
static size_t utf8_len(const uint8_t *s, size_t n, size_t i, uint32_t *cp) {
    uint8_t c = s[i];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    size_t len;
    uint32_t v, min;
    if (c >= 0xC2 && c <= 0xDF) len = 2, v = c & 0x1F, min = 0x80;
    else if (c >= 0xE0 && c <= 0xEF) len = 3, v = c & 0x0F, min = 0x800;
    else if (c >= 0xF0 && c <= 0xF4) len = 4, v = c & 0x07, min = 0x10000;
    else return 0;
    if (n - i < len) return 0;
    for (size_t k = 1; k < len; k++) {
        if ((s[i + k] & 0xC0) != 0x80) return 0;
        v = (v << 6) | (s[i + k] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return 0;
    *cp = v;
    return len;
}

/* Bytes of the whitespace at s[i], or 0. Only ASCII whitespace counts, as in Node's lexer: a
 * non-ASCII space (U+00A0, U+2028, a BOM...) is read as part of an identifier there, so
 * `exports.a\u2028= 1` exports "a\u2028" and a file starting with a BOM cannot begin a pattern. */
static size_t space_len(const lexer *L, size_t i) {
    uint8_t c = L->s[i];
    return c == ' ' || (c >= 9 && c <= 13);
}

static bool is_line_end(const lexer *L, size_t i) {
    return L->s[i] == '\n' || L->s[i] == '\r';
}

/* Identifier bytes: ASCII letters, digits, `$`, `_`, and every non-ASCII byte (see space_len). */
static bool ident_byte(const lexer *L, size_t i) {
    uint8_t c = L->s[i];
    if (c < 0x80)
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '$' || c == '_';
    return true;
}

static bool is_digit(int c) { return c >= '0' && c <= '9'; }

/* Skips whitespace and comments from *p. Returns the byte there, or -1 at the end. */
static int skip(const lexer *L, size_t *p) {
    size_t i = *p;
    while (i < L->n) {
        size_t w = space_len(L, i);
        if (w) {
            i += w;
        } else if (L->s[i] == '/' && i + 1 < L->n && L->s[i + 1] == '/') {
            while (i < L->n && !is_line_end(L, i)) i++;
        } else if (L->s[i] == '/' && i + 1 < L->n && L->s[i + 1] == '*') {
            i += 2;
            while (i < L->n && !(L->s[i] == '*' && i + 1 < L->n && L->s[i + 1] == '/')) i++;
            i = i < L->n ? i + 2 : L->n;
        } else {
            break;
        }
    }
    *p = i;
    return i < L->n ? L->s[i] : -1;
}

/* An identifier without escapes exactly at *p; advances past it. Fails (without moving) on an
 * escape, since Node's patterns never match those. */
static bool ident_at(const lexer *L, size_t *p, span *out) {
    size_t i = *p;
    if (i >= L->n || !ident_byte(L, i) || is_digit(L->s[i])) return false;
    while (i < L->n && ident_byte(L, i)) i++;
    if (i < L->n && L->s[i] == '\\') return false;
    if (out) *out = (span){*p, i - *p};
    *p = i;
    return true;
}

/* A string literal exactly at *p; advances past it and gives its raw contents (no quotes). Fails
 * on an unescaped line break or the end of input. */
static bool string_at(const lexer *L, size_t *p, span *out) {
    size_t i = *p;
    if (i >= L->n || (L->s[i] != '\'' && L->s[i] != '"')) return false;
    uint8_t q = L->s[i++];
    size_t start = i;
    while (i < L->n) {
        uint8_t c = L->s[i];
        if (c == q) {
            if (out) *out = (span){start, i - start};
            *p = i + 1;
            return true;
        }
        if (c == '\n' || c == '\r') return false;
        if (c == '\\') {
            i++;
            if (i < L->n && L->s[i] == '\r' && i + 1 < L->n && L->s[i + 1] == '\n') i++;
        }
        i++;
    }
    return false;
}

/* Pattern steps: each skips whitespace and comments first, then matches or fails. */
static bool punct(const lexer *L, size_t *p, const char *text) {
    size_t i = *p, len = strlen(text);
    skip(L, &i);
    if (L->n - i < len || memcmp(L->s + i, text, len) != 0) return false;
    /* `=`, `===`, `!==` must not be the start of a longer operator. */
    if (text[len - 1] == '=' && i + len < L->n && (L->s[i + len] == '=' || (len == 1 && L->s[i + len] == '>')))
        return false;
    *p = i + len;
    return true;
}

static bool ident(const lexer *L, size_t *p, span *out) {
    size_t i = *p;
    skip(L, &i);
    if (!ident_at(L, &i, out)) return false;
    *p = i;
    return true;
}

static bool span_is(const lexer *L, span sp, const char *w) {
    size_t len = strlen(w);
    return sp.len == len && memcmp(L->s + sp.start, w, len) == 0;
}

static bool span_eq(const lexer *L, span a, span b) {
    return a.len == b.len && memcmp(L->s + a.start, L->s + b.start, a.len) == 0;
}

static bool word(const lexer *L, size_t *p, const char *w) {
    size_t i = *p;
    span sp;
    if (!ident(L, &i, &sp) || !span_is(L, sp, w)) return false;
    *p = i;
    return true;
}

static bool same_ident(const lexer *L, size_t *p, span want) {
    size_t i = *p;
    span sp;
    if (!ident(L, &i, &sp) || !span_eq(L, sp, want)) return false;
    *p = i;
    return true;
}

static bool string_is(const lexer *L, size_t *p, const char *w) {
    size_t i = *p;
    span sp;
    skip(L, &i);
    if (!string_at(L, &i, &sp) || !span_is(L, sp, w)) return false;
    *p = i;
    return true;
}

static size_t put_utf8(char *o, uint32_t cp) {
    if (cp < 0x80) {
        o[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (char)(0xC0 | (cp >> 6));
        o[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (char)(0xE0 | (cp >> 12));
        o[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (char)(0xF0 | (cp >> 18));
    o[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

static int hex_val(int c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* Reads the code unit(s) of a `\x` or `\u` escape starting after the letter at s[*i]. Returns the
 * value, or -1 if malformed. */
static long read_hex_escape(const uint8_t *s, size_t end, size_t *i, bool unicode) {
    size_t k = *i;
    long v = 0;
    if (unicode && k < end && s[k] == '{') {
        k++;
        size_t digits = 0;
        while (k < end && s[k] != '}') {
            int h = hex_val(s[k]);
            if (h < 0) return -1;
            v = v * 16 + h;
            if (v > 0x10FFFF) return -1;
            k++, digits++;
        }
        if (k >= end || !digits) return -1;
        *i = k + 1;
        return v;
    }
    size_t count = unicode ? 4 : 2;
    if (end - k < count) return -1;
    for (size_t d = 0; d < count; d++) {
        int h = hex_val(s[k + d]);
        if (h < 0) return -1;
        v = v * 16 + h;
    }
    *i = k + count;
    return v;
}

/* Copies the bytes [i, end) of the source into o, replacing each byte that does not start a valid
 * UTF-8 sequence by U+FFFD, as Node's UTF-8 decoding of the file would. Returns bytes written. */
static size_t copy_utf8(const lexer *L, size_t i, size_t end, char *o) {
    size_t w = 0;
    while (i < end) {
        uint32_t cp;
        size_t len = utf8_len(L->s, end, i, &cp);
        if (!len) {
            w += put_utf8(o + w, 0xFFFD);
            i++;
        } else {
            memcpy(o + w, L->s + i, len);
            w += len, i += len;
        }
    }
    return w;
}

/* Decodes the contents of a string literal to UTF-8 (sloppy-mode escapes, as Node evaluates
 * them). Returns NULL, setting *bad, if an escape is malformed or leaves a lone surrogate: Node
 * drops such names. Returns NULL without *bad only when out of memory. */
static char *decode_string(const lexer *L, span sp, size_t *out_len, bool *bad) {
    const uint8_t *s = L->s;
    size_t i = sp.start, end = sp.start + sp.len;
    char *o = malloc(sp.len * 3 + 1); /* an invalid byte becomes 3 bytes; escapes only shrink */
    *bad = false;
    if (!o) return NULL;
    size_t w = 0;
    while (i < end) {
        if (s[i] != '\\') {
            size_t j = i;
            while (j < end && s[j] != '\\') j++;
            w += copy_utf8(L, i, j, o + w);
            i = j;
            continue;
        }
        i++; /* the backslash; string_at guarantees a character follows */
        uint8_t c = s[i++];
        long cp;
        switch (c) {
        case 'b': cp = '\b'; break;
        case 'f': cp = '\f'; break;
        case 'n': cp = '\n'; break;
        case 'r':
            cp = '\r';
            break;
        case 't': cp = '\t'; break;
        case 'v': cp = '\v'; break;
        case '\r':
            if (i < end && s[i] == '\n') i++;
            continue; /* line continuation */
        case '\n':
            continue;
        case 'x':
        case 'u':
            cp = read_hex_escape(s, end, &i, c == 'u');
            if (cp < 0) goto bad;
            if (cp >= 0xD800 && cp <= 0xDBFF) {
                /* A high surrogate must be followed by an escaped low one to make a character. */
                size_t k = i;
                long lo = -1;
                if (end - k >= 2 && s[k] == '\\' && s[k + 1] == 'u') {
                    k += 2;
                    lo = read_hex_escape(s, end, &k, true);
                }
                if (lo < 0xDC00 || lo > 0xDFFF) goto bad;
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                i = k;
            } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                goto bad;
            }
            break;
        default:
            if (c >= '0' && c <= '7') {
                /* Legacy octal escape: \0 alone is NUL; up to three digits, at most \377. */
                cp = c - '0';
                size_t max = c <= '3' ? 2 : 1;
                for (size_t d = 0; d < max && i < end && s[i] >= '0' && s[i] <= '7'; d++) cp = cp * 8 + (s[i++] - '0');
            } else if (c == 0xE2 && end - i >= 2 && s[i] == 0x80 && (s[i + 1] == 0xA8 || s[i + 1] == 0xA9)) {
                i += 2; /* line continuation by U+2028 or U+2029 */
                continue;
            } else {
                /* Any other escaped character stands for itself. */
                size_t from = i - 1, len = 1;
                uint32_t u;
                if (c >= 0x80 && !(len = utf8_len(s, end, from, &u))) len = 1;
                w += copy_utf8(L, from, from + len, o + w);
                i = from + len;
                continue;
            }
            break;
        }
        w += put_utf8(o + w, (uint32_t)cp);
    }
    o[w] = 0;
    *out_len = w;
    return o;
bad:
    free(o);
    *bad = true;
    return NULL;
}

/* ---- results -------------------------------------------------------------------------------- */

static char *copy_ident(lexer *L, span sp, size_t *len) {
    char *o = malloc(sp.len * 3 + 1);
    if (!o) {
        L->oom = true;
        return NULL;
    }
    *len = copy_utf8(L, sp.start, sp.start + sp.len, o);
    o[*len] = 0;
    return o;
}

static void add_ident(lexer *L, name_set *set, span sp) {
    size_t len;
    char *str = copy_ident(L, sp, &len);
    if (str) set_add(L, set, str, len, NULL, 0, false);
}

static void add_string(lexer *L, name_set *set, span sp) {
    size_t len;
    bool bad;
    char *str = decode_string(L, sp, &len, &bad);
    if (str) set_add(L, set, str, len, NULL, 0, false);
    else if (!bad) L->oom = true;
}

/* ---- patterns ------------------------------------------------------------------------------- */

/* `exports` or `module.exports`. */
static bool exports_ref(const lexer *L, size_t *p) {
    size_t i = *p;
    if (word(L, &i, "exports")) {
        *p = i;
        return true;
    }
    if (word(L, &i, "module") && punct(L, &i, ".") && word(L, &i, "exports")) {
        *p = i;
        return true;
    }
    return false;
}

/* `require ( 'spec' )` with *p at `require`; gives the specifier's raw span. */
static bool require_call(const lexer *L, size_t *p, span *spec) {
    size_t i = *p;
    span sp;
    if (!ident_at(L, &i, &sp) || !span_is(L, sp, "require") || !punct(L, &i, "(")) return false;
    skip(L, &i);
    if (!string_at(L, &i, spec) || !punct(L, &i, ")")) return false;
    *p = i;
    return true;
}

/* The object literal of `module.exports = {`, *p after the brace: `a`, `a: b`, `'a': b`, `...b`,
 * `...require('x')`, comma-separated. Names are kept up to the first entry that does not fit; as
 * in Node, the value identifier of `a: b` must be followed directly by `,` or `}`. */
static void literal_exports(lexer *L, size_t p) {
    for (;;) {
        int c = skip(L, &p);
        span key, spec;
        if (ident_at(L, &p, &key)) {
            c = skip(L, &p);
            if (c == ':') {
                p++;
                skip(L, &p);
                if (require_call(L, &p, &spec)) {
                    /* Node re-exports `key: require('x')` as well, and stops the literal there. */
                    add_ident(L, &L->exports, key);
                    add_string(L, &L->reexports, spec);
                    return;
                }
                if (!ident_at(L, &p, NULL)) return;
                c = p < L->n ? L->s[p] : -1;
            }
            add_ident(L, &L->exports, key);
        } else if (c == '.' && L->n - p >= 3 && L->s[p + 1] == '.' && L->s[p + 2] == '.') {
            p += 3;
            if (require_call(L, &p, &spec)) add_string(L, &L->reexports, spec);
            else if (!ident_at(L, &p, NULL)) return;
            c = skip(L, &p);
        } else if (string_at(L, &p, &key)) {
            c = skip(L, &p);
            if (c == ':') {
                p++;
                skip(L, &p);
                if (require_call(L, &p, &spec)) {
                    add_string(L, &L->exports, key);
                    add_string(L, &L->reexports, spec);
                    return;
                }
                if (!ident_at(L, &p, NULL)) return;
                c = p < L->n ? L->s[p] : -1;
                add_string(L, &L->exports, key);
            }
        } else {
            return;
        }
        if (c != ',') return; /* `}` ends the literal; anything else ends the pattern */
        p++;
    }
}

/* After `exports` (or `module.exports`, then `is_module`): `.name =`, `['name'] =`, and for
 * module.exports `= {...}` / `= require('x')`. */
static void exports_member(lexer *L, size_t p, bool is_module) {
    int c = skip(L, &p);
    span name;
    if (c == '.') {
        p++;
        if (ident(L, &p, &name) && skip(L, &p) == '=') add_ident(L, &L->exports, name);
    } else if (c == '[') {
        p++;
        skip(L, &p);
        if (string_at(L, &p, &name) && punct(L, &p, "]") && skip(L, &p) == '=') add_string(L, &L->exports, name);
    } else if (c == '=' && is_module) {
        /* Only the last `module.exports =` counts: it replaces what earlier ones re-exported. */
        set_clear(&L->reexports);
        p++;
        c = skip(L, &p);
        if (c == '{') {
            literal_exports(L, p + 1);
        } else if (require_call(L, &p, &name)) {
            add_string(L, &L->reexports, name);
        }
    }
}

/* The getter body forms Node accepts: `get: function name?() { return id(.id | ['s'])?; }` or
 * `get() {...}`, up to the closing `}` of the descriptor and `)`. *p after `get`. */
static bool getter_tail(const lexer *L, size_t *p, span *obj, span *key_ident) {
    size_t i = *p, q = i;
    if (punct(L, &q, ":")) {
        i = q;
        if (!word(L, &i, "function")) return false;
        q = i;
        if (ident(L, &q, NULL)) i = q;
    }
    if (!punct(L, &i, "(") || !punct(L, &i, ")") || !punct(L, &i, "{") || !word(L, &i, "return") || !ident(L, &i, obj))
        return false;
    q = i;
    if (key_ident) {
        /* Object.keys form: exactly `id1[id2]`. */
        if (!punct(L, &q, "[") || !same_ident(L, &q, *key_ident) || !punct(L, &q, "]")) return false;
        i = q;
    } else if (punct(L, &q, ".")) {
        if (!ident(L, &q, NULL)) return false;
        i = q;
    } else if (punct(L, &q, "[")) {
        skip(L, &q);
        if (!string_at(L, &q, NULL) || !punct(L, &q, "]")) return false;
        i = q;
    }
    q = i;
    if (punct(L, &q, ";")) i = q;
    if (!punct(L, &i, "}")) return false;
    q = i;
    if (punct(L, &q, ",")) i = q;
    if (!punct(L, &i, "}") || !punct(L, &i, ")")) return false;
    *p = i;
    return true;
}

/* After `Object`: `.defineProperty(exports, 'name', { enumerable: true,? value: ...` or with one
 * of the getter forms. Any other descriptor (another key, `enumerable: false`, a getter with a
 * body of its own) detects nothing, since reading it at import time could run arbitrary code. */
static void define_property(lexer *L, size_t p) {
    span name, obj;
    if (!punct(L, &p, ".") || !word(L, &p, "defineProperty") || !punct(L, &p, "(") || !exports_ref(L, &p) ||
        !punct(L, &p, ","))
        return;
    skip(L, &p);
    if (!string_at(L, &p, &name) || !punct(L, &p, ",") || !punct(L, &p, "{")) return;
    size_t q = p;
    if (word(L, &q, "enumerable")) {
        if (!punct(L, &q, ":") || !word(L, &q, "true") || !punct(L, &q, ",")) return;
        p = q;
    }
    q = p;
    if (word(L, &q, "value")) {
        if (punct(L, &q, ":")) add_string(L, &L->exports, name);
        return;
    }
    if (word(L, &p, "get") && getter_tail(L, &p, &obj, NULL)) add_string(L, &L->exports, name);
}

/* `Object(.prototype)?.hasOwnProperty.call(x, key)`, *p before `Object`. */
static bool has_own_call(const lexer *L, size_t *p, span key) {
    size_t i = *p, q;
    if (!word(L, &i, "Object")) return false;
    q = i;
    if (punct(L, &q, ".") && word(L, &q, "prototype")) i = q;
    if (!punct(L, &i, ".") || !word(L, &i, "hasOwnProperty") || !punct(L, &i, ".") || !word(L, &i, "call") ||
        !punct(L, &i, "(") || !ident(L, &i, NULL) || !punct(L, &i, ",") || !same_ident(L, &i, key) ||
        !punct(L, &i, ")"))
        return false;
    *p = i;
    return true;
}

/* After a top-level `Object`: the star re-export loop Babel, TypeScript and Rollup emit,
 *   Object.keys(_x).forEach(function (key) { <guards> <copy> });
 * where the guards skip "default" (and "__esModule", own names, names already equal) and the copy
 * is `exports[key] = _x[key]` or a defineProperty getter returning `_x[key]`. If `_x` was bound by
 * `var _x = require('s')`, 's' is re-exported. */
static void keys_for_each(lexer *L, size_t p) {
    span id1, key;
    if (!punct(L, &p, ".") || !word(L, &p, "keys") || !punct(L, &p, "(") || !ident(L, &p, &id1) ||
        !punct(L, &p, ")") || !punct(L, &p, ".") || !word(L, &p, "forEach") || !punct(L, &p, "(") ||
        !word(L, &p, "function") || !punct(L, &p, "(") || !ident(L, &p, &key) || !punct(L, &p, ")") ||
        !punct(L, &p, "{") || !word(L, &p, "if") || !punct(L, &p, "(") || !same_ident(L, &p, key))
        return;
    size_t q = p;
    if (punct(L, &q, "===")) {
        /* if (key === "default" || key === "__esModule") return; then optional guards */
        p = q;
        if (!string_is(L, &p, "default") || !punct(L, &p, "||") || !same_ident(L, &p, key) ||
            !punct(L, &p, "===") || !string_is(L, &p, "__esModule") || !punct(L, &p, ")") || !word(L, &p, "return"))
            return;
        q = p;
        if (punct(L, &q, ";")) p = q;
        /* if (Object.prototype.hasOwnProperty.call(_exportNames, key)) return; */
        q = p;
        if (word(L, &q, "if") && punct(L, &q, "(") && has_own_call(L, &q, key) && punct(L, &q, ")") &&
            word(L, &q, "return")) {
            p = q;
            if (punct(L, &q, ";")) p = q;
        }
        /* if (key in exports && exports[key] === _x[key]) return; */
        q = p;
        if (word(L, &q, "if") && punct(L, &q, "(") && same_ident(L, &q, key) && word(L, &q, "in") &&
            exports_ref(L, &q) && punct(L, &q, "&&") && exports_ref(L, &q) && punct(L, &q, "[") &&
            same_ident(L, &q, key) && punct(L, &q, "]") && punct(L, &q, "===") && same_ident(L, &q, id1) &&
            punct(L, &q, "[") && same_ident(L, &q, key) && punct(L, &q, "]") && punct(L, &q, ")") &&
            word(L, &q, "return") && punct(L, &q, ";"))
            p = q;
    } else if (punct(L, &q, "!==")) {
        /* if (key !== 'default' && !Object.prototype.hasOwnProperty.call(exports, key)) */
        p = q;
        if (!string_is(L, &p, "default")) return;
        q = p;
        if (punct(L, &q, "&&")) {
            if (!punct(L, &q, "!")) return;
            size_t r = q;
            if (has_own_call(L, &r, key)) {
                q = r;
            } else if (!(ident(L, &q, NULL) && punct(L, &q, ".") && word(L, &q, "hasOwnProperty") &&
                         punct(L, &q, "(") && same_ident(L, &q, key) && punct(L, &q, ")"))) {
                return;
            }
            p = q;
        }
        if (!punct(L, &p, ")")) return;
    } else {
        return;
    }
    /* The copy. */
    q = p;
    if (exports_ref(L, &q)) {
        if (!punct(L, &q, "[") || !same_ident(L, &q, key) || !punct(L, &q, "]") || !punct(L, &q, "=") ||
            !same_ident(L, &q, id1) || !punct(L, &q, "[") || !same_ident(L, &q, key) || !punct(L, &q, "]"))
            return;
    } else {
        span obj;
        if (!word(L, &q, "Object") || !punct(L, &q, ".") || !word(L, &q, "defineProperty") || !punct(L, &q, "(") ||
            !exports_ref(L, &q) || !punct(L, &q, ",") || !same_ident(L, &q, key) || !punct(L, &q, ",") ||
            !punct(L, &q, "{") || !word(L, &q, "enumerable") || !punct(L, &q, ":") || !word(L, &q, "true") ||
            !punct(L, &q, ",") || !word(L, &q, "get") || !getter_tail(L, &q, &obj, &key) || !span_eq(L, obj, id1))
            return;
    }
    p = q;
    if (punct(L, &q, ";")) p = q;
    if (!punct(L, &p, "}") || !punct(L, &p, ")")) return;

    long at = set_find(&L->bindings, (const char *)L->s + id1.start, id1.len, NULL);
    if (at < 0) return;
    dx_cjs_name spec = L->bindings.values[at];
    char *copy = malloc(spec.len + 1);
    if (!copy) {
        L->oom = true;
        return;
    }
    memcpy(copy, spec.str, spec.len + 1);
    set_add(L, &L->reexports, copy, spec.len, NULL, 0, false);
    set_remove(&L->bindings, at);
}

/* `require('s')` (or `_interopRequireWildcard(require('s'))`) at top level, starting at byte
 * `start`: if it is the initializer of `var|let|const id = `, remember id -> 's'. As in Node,
 * only spaces may separate those tokens. */
static void star_binding(lexer *L, size_t start, span spec) {
    const uint8_t *s = L->s;
    size_t i = start;
    while (i > 0 && s[i - 1] == ' ') i--;
    if (i == 0 || s[i - 1] != '=') return;
    i--;
    while (i > 0 && s[i - 1] == ' ') i--;
    size_t id_end = i;
    while (i > 0 && (s[i - 1] >= 0x80 || ident_byte(L, i - 1))) i--;
    if (i == id_end || is_digit(s[i]) || (i > 0 && s[i - 1] == '\\')) return;
    span id = {i, id_end - i};
    if (i == 0 || s[i - 1] != ' ') return;
    while (i > 0 && s[i - 1] == ' ') i--;
    size_t kw;
    if (i >= 3 && (memcmp(s + i - 3, "var", 3) == 0 || memcmp(s + i - 3, "let", 3) == 0)) kw = 3;
    else if (i >= 5 && memcmp(s + i - 5, "const", 5) == 0) kw = 5;
    else return;
    if (i - kw > 0 && ident_byte(L, i - kw - 1)) return;

    size_t idlen, speclen;
    bool bad;
    char *spec_str = decode_string(L, spec, &speclen, &bad);
    if (!spec_str) {
        if (!bad) L->oom = true;
        return;
    }
    char *id_str = copy_ident(L, id, &idlen);
    if (!id_str) {
        free(spec_str);
        return;
    }
    set_add(L, &L->bindings, id_str, idlen, spec_str, speclen, true);
}

/* ---- the tokenizer -------------------------------------------------------------------------- */

static void fail(lexer *L, const char *msg, size_t at) {
    if (!L->error) {
        L->error = msg;
        L->error_offset = at;
    }
}

static void push(lexer *L, uint8_t entry) {
    if (L->depth == DX_CJS_MAX_DEPTH) {
        fail(L, "Too deeply nested.", L->pos);
        return;
    }
    if (L->depth == L->stack_cap) {
        size_t cap = L->stack_cap ? L->stack_cap * 2 : 64;
        uint8_t *st = realloc(L->stack, cap);
        if (!st) {
            L->oom = true;
            return;
        }
        L->stack = st;
        L->stack_cap = cap;
    }
    L->stack[L->depth++] = entry;
}

static bool prev_ident_is(const lexer *L, const char *const *words) {
    if (L->prev != PREV_IDENT || L->prev_ident_member) return false;
    for (; *words; words++)
        if (span_is(L, L->prev_ident, *words)) return true;
    return false;
}

/* Keywords after which an expression (so a regex, or an object literal) starts. */
static const char *const expr_keywords[] = {"return", "typeof", "instanceof", "in", "of", "new", "delete", "void",
                                            "throw", "case", "do", "else", "yield", "await", NULL};

/* Whether a `/` at this point starts a regular expression rather than a division. */
static bool regex_allowed(const lexer *L) {
    switch (L->prev) {
    case PREV_START: return true;
    case PREV_IDENT: return prev_ident_is(L, expr_keywords);
    case PREV_VALUE:
    case PREV_INCDEC:
    case ']': return false;
    case ')':
    case '}': return L->prev_close_regex;
    default: return true; /* any other punctuator expects an operand */
    }
}

/* Whether the `{` about to open is a block (so a `/` after its `}` is a regex) rather than an
 * object literal. Heuristic, like every lexer without a parser: after a statement boundary, `)`
 * (if/for/function bodies), `=>`, or an identifier (class bodies; `else`, `try`) it is a block. */
static bool brace_is_block(const lexer *L) {
    static const char *const expr_only[] = {"return", "typeof", "instanceof", "in", "of", "new", "delete",
                                            "void",   "throw",  "case",       "yield", "await", NULL};
    switch (L->prev) {
    case PREV_START:
    case PREV_ARROW:
    case PREV_VALUE:
    case ';':
    case '{':
    case '}':
    case ')': return true;
    case PREV_IDENT: return !prev_ident_is(L, expr_only);
    default: return false;
    }
}

static void set_prev(lexer *L, int prev) {
    L->prev = prev;
}

static void scan_template(lexer *L) {
    const uint8_t *s = L->s;
    size_t i = L->pos;
    while (i < L->n) {
        if (s[i] == '\\') {
            i += 2;
        } else if (s[i] == '`') {
            L->pos = i + 1;
            set_prev(L, PREV_VALUE);
            return;
        } else if (s[i] == '$' && i + 1 < L->n && s[i + 1] == '{') {
            L->pos = i + 2;
            push(L, BR_TEMPLATE);
            set_prev(L, '{');
            return;
        } else {
            i++;
        }
    }
    fail(L, "Unterminated template.", L->pos);
    L->pos = L->n;
}

static void scan_regex(lexer *L) {
    const uint8_t *s = L->s;
    size_t i = L->pos + 1;
    bool in_class = false;
    for (;;) {
        if (i >= L->n || is_line_end(L, i)) {
            fail(L, "Unterminated regular expression.", L->pos);
            L->pos = L->n;
            return;
        }
        uint8_t c = s[i];
        if (c == '\\') {
            /* Whatever is escaped, even a line break (invalid JS, but Node's lexer reads on). */
            i += 2;
            continue;
        }
        i++;
        if (in_class) {
            if (c == ']') in_class = false;
        } else if (c == '[') {
            in_class = true;
        } else if (c == '/') {
            break;
        }
    }
    while (i < L->n && ident_byte(L, i)) i++; /* flags */
    L->pos = i;
    set_prev(L, PREV_VALUE);
}

/* `import` at top level: dynamic import() is fine; import.meta and import statements mean the
 * file is an ES module, and Node's lexer gives up. */
static void check_import(lexer *L, size_t start, size_t end) {
    size_t p = end;
    int c = skip(L, &p);
    if (c == '(') return;
    if (c == '.') {
        fail(L, "Unexpected import.meta in CJS module.", start);
        return;
    }
    if (p == end && c != '\'' && c != '"' && c != '{' && c != '*') return;
    fail(L, "Unexpected import statement in CJS module.", start);
}

static bool is_punctuator(int c) {
    return c == '!' || c == '%' || c == '&' || (c > 39 && c < 48) || (c > 57 && c < 64) || c == '[' || c == ']' ||
           c == '^' || (c > 122 && c < 127);
}

static void check_export(lexer *L, size_t start, size_t end) {
    size_t p = end;
    int c = skip(L, &p);
    if (p == end && !is_punctuator(c)) return;
    fail(L, "Unexpected export statement in CJS module.", start);
}

static void on_identifier(lexer *L, span id, bool escaped) {
    bool member = L->prev == '.' || L->prev == PREV_OPTDOT;
    size_t end = id.start + id.len;
    bool top = L->depth == 0;
    if (!escaped && !member) {
        if (span_is(L, id, "exports")) {
            exports_member(L, end, false);
        } else if (span_is(L, id, "module")) {
            size_t p = end;
            if (punct(L, &p, ".") && word(L, &p, "exports")) exports_member(L, p, true);
        } else if (span_is(L, id, "Object")) {
            define_property(L, end);
            if (top) keys_for_each(L, end);
        } else if (top && span_is(L, id, "require")) {
            size_t p = id.start;
            span spec;
            if (require_call(L, &p, &spec)) star_binding(L, id.start, spec);
        } else if (top && span_is(L, id, "import")) {
            check_import(L, id.start, end);
        } else if (top && span_is(L, id, "export")) {
            check_export(L, id.start, end);
        }
    }
    /* These helpers also match as members (`tslib_1.__exportStar(...)`); the call's parenthesis
     * and the require must follow without spaces, as Node requires. */
    if (!escaped && top && end < L->n && L->s[end] == '(') {
        size_t p = end + 1;
        span spec;
        if ((span_is(L, id, "__export") || span_is(L, id, "__exportStar")) && require_call(L, &p, &spec)) {
            add_string(L, &L->reexports, spec);
        } else if (span_is(L, id, "_interopRequireWildcard") && require_call(L, &p, &spec) && !member) {
            star_binding(L, id.start, spec);
        }
    }
    L->prev = PREV_IDENT;
    L->prev_ident = id;
    L->prev_ident_member = member;
}

static void on_punctuator(lexer *L) {
    const uint8_t *s = L->s;
    size_t i = L->pos;
    uint8_t c = s[i];
    uint8_t next = i + 1 < L->n ? s[i + 1] : 0;
    L->pos = i + 1;
    switch (c) {
    case '(': {
        static const char *const paren_keywords[] = {"if", "while", "for", "with", NULL};
        push(L, BR_PAREN | (prev_ident_is(L, paren_keywords) ? BR_REGEX_AFTER : 0));
        set_prev(L, '(');
        return;
    }
    case '{':
        push(L, BR_BRACE | (brace_is_block(L) ? BR_REGEX_AFTER : 0));
        set_prev(L, '{');
        return;
    case ')':
    case '}': {
        if (L->depth == 0) {
            fail(L, c == ')' ? "Unexpected closing bracket." : "Unexpected closing brace.", i);
            return;
        }
        uint8_t top = L->stack[L->depth - 1];
        if ((top & BR_KIND) == BR_TEMPLATE) {
            if (c == ')') {
                fail(L, "Unexpected closing bracket.", i);
                return;
            }
            L->depth--;
            scan_template(L);
            return;
        }
        L->depth--;
        L->prev_close_regex = (top & BR_REGEX_AFTER) != 0;
        set_prev(L, c);
        return;
    }
    case '=':
        if (next == '>') {
            L->pos = i + 2;
            set_prev(L, PREV_ARROW);
            return;
        }
        break;
    case '+':
    case '-':
        if (next == c) {
            L->pos = i + 2;
            set_prev(L, PREV_INCDEC);
            return;
        }
        break;
    case '.':
        if (next == '.' && i + 2 < L->n && s[i + 2] == '.') {
            L->pos = i + 3;
            set_prev(L, PREV_SPREAD);
            return;
        }
        break;
    case '?':
        if (next == '.' && !(i + 2 < L->n && is_digit(s[i + 2]))) {
            L->pos = i + 2;
            set_prev(L, PREV_OPTDOT);
            return;
        }
        break;
    default:
        break;
    }
    set_prev(L, c);
}

static void run(lexer *L) {
    const uint8_t *s = L->s;
    if (L->n >= 2 && s[0] == '#' && s[1] == '!')
        while (L->pos < L->n && !is_line_end(L, L->pos)) L->pos++;
    while (L->pos < L->n && !L->error && !L->oom) {
        size_t i = L->pos;
        uint8_t c = s[i];
        size_t w = space_len(L, i);
        if (w) {
            L->pos += w;
            continue;
        }
        if (c == '/') {
            uint8_t next = i + 1 < L->n ? s[i + 1] : 0;
            if (next == '/' || next == '*') {
                skip(L, &L->pos);
            } else if (regex_allowed(L)) {
                scan_regex(L);
            } else {
                L->pos++;
                set_prev(L, '/');
            }
        } else if (c == '\'' || c == '"') {
            if (!string_at(L, &L->pos, NULL)) {
                fail(L, "Unterminated string.", i);
                return;
            }
            set_prev(L, PREV_VALUE);
        } else if (c == '`') {
            L->pos++;
            scan_template(L);
        } else if (is_digit(c) || (c == '.' && i + 1 < L->n && is_digit(s[i + 1]))) {
            /* Numbers, with their dots, exponents and suffixes: only their extent matters. */
            i++;
            while (i < L->n && (ident_byte(L, i) || s[i] == '.')) i++;
            L->pos = i;
            set_prev(L, PREV_VALUE);
        } else if (ident_byte(L, i) || c == '\\') {
            bool escaped = false;
            while (i < L->n && (ident_byte(L, i) || s[i] == '\\')) {
                if (s[i] == '\\') {
                    escaped = true;
                    i++; /* the `u` that follows is an identifier byte */
                    if (i < L->n && s[i] == 'u' && i + 1 < L->n && s[i + 1] == '{') {
                        while (i < L->n && s[i] != '}') i++;
                        if (i < L->n) i++;
                    }
                } else {
                    i++;
                }
            }
            size_t start = L->pos;
            L->pos = i;
            on_identifier(L, (span){start, i - start}, escaped);
        } else {
            on_punctuator(L);
        }
    }
    if (!L->error && !L->oom && L->depth) {
        fail(L, (L->stack[L->depth - 1] & BR_KIND) == BR_TEMPLATE ? "Unterminated template." : "Unexpected end of input.",
             L->n);
    }
}

int dx_cjs_lex(const char *src, size_t len, dx_cjs_exports *out) {
    lexer L = {0};
    L.s = (const uint8_t *)(src ? src : "");
    L.n = src ? len : 0;
    L.prev = PREV_START;
    memset(out, 0, sizeof *out);
    run(&L);
    free(L.stack);
    set_free(&L.bindings);
    if (L.oom) {
        set_free(&L.exports);
        set_free(&L.reexports);
        return -ENOMEM;
    }
    if (L.error) {
        /* Node discards everything the lexer found once it fails. */
        set_free(&L.exports);
        set_free(&L.reexports);
        out->error = L.error;
        out->error_offset = L.error_offset;
        return 0;
    }
    free(L.exports.slots);
    free(L.reexports.slots);
    out->exports = L.exports.items;
    out->nexports = L.exports.count;
    out->reexports = L.reexports.items;
    out->nreexports = L.reexports.count;
    return 0;
}

void dx_cjs_exports_free(dx_cjs_exports *out) {
    if (!out) return;
    for (size_t k = 0; k < out->nexports; k++) free(out->exports[k].str);
    for (size_t k = 0; k < out->nreexports; k++) free(out->reexports[k].str);
    free(out->exports);
    free(out->reexports);
    memset(out, 0, sizeof *out);
}
