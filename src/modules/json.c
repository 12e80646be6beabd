#include "modules/json.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct parser {
    const char *s;
    size_t n, i;
    int depth;
    dx_json_error *err;
} parser;

static void *xcalloc(size_t n, size_t size) {
    void *p = calloc(n ? n : 1, size);
    if (!p) abort();
    return p;
}

static dx_json *fail(parser *p, const char *msg) {
    if (p->err && !p->err->message) {
        p->err->message = msg;
        p->err->offset = p->i;
        int line = 1, col = 1;
        for (size_t k = 0; k < p->i && k < p->n; k++) {
            if (p->s[k] == '\n') { line++; col = 1; } else col++;
        }
        p->err->line = line;
        p->err->column = col;
    }
    return NULL;
}

static void skip_ws(parser *p) {
    while (p->i < p->n && (p->s[p->i] == ' ' || p->s[p->i] == '\t' || p->s[p->i] == '\n' || p->s[p->i] == '\r')) p->i++;
}

static dx_json *new_value(dx_json_type t) {
    dx_json *v = xcalloc(1, sizeof *v);
    v->type = t;
    return v;
}

static int hex4(parser *p, unsigned *out) {
    if (p->n - p->i < 4) return -1;
    unsigned v = 0;
    for (int k = 0; k < 4; k++) {
        char c = p->s[p->i + k];
        v <<= 4;
        if (c >= '0' && c <= '9') v |= (unsigned)(c - '0');
        else if (c >= 'a' && c <= 'f') v |= (unsigned)(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F') v |= (unsigned)(c - 'A' + 10);
        else return -1;
    }
    p->i += 4;
    *out = v;
    return 0;
}

static size_t put_utf8(char *o, unsigned cp) {
    if (cp < 0x80) { o[0] = (char)cp; return 1; }
    if (cp < 0x800) { o[0] = (char)(0xC0 | (cp >> 6)); o[1] = (char)(0x80 | (cp & 0x3F)); return 2; }
    if (cp < 0x10000) {
        o[0] = (char)(0xE0 | (cp >> 12)); o[1] = (char)(0x80 | ((cp >> 6) & 0x3F)); o[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (char)(0xF0 | (cp >> 18)); o[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (char)(0x80 | ((cp >> 6) & 0x3F)); o[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* Parses a string at p->i (on the opening quote). Decoded UTF-8 is never longer than the source. */
static char *parse_string(parser *p, size_t *len_out) {
    p->i++; /* " */
    size_t start = p->i;
    size_t end = start;
    while (end < p->n && p->s[end] != '"') end += (p->s[end] == '\\') ? 2 : 1;
    if (end >= p->n) { p->i = start - 1; fail(p, "Unterminated string in JSON"); return NULL; }
    char *out = xcalloc(end - start + 1, 1);
    size_t o = 0;
    while (p->i < p->n) {
        unsigned char c = (unsigned char)p->s[p->i];
        if (c == '"') { p->i++; out[o] = 0; *len_out = o; return out; }
        if (c < 0x20) { free(out); fail(p, "Bad control character in string literal in JSON"); return NULL; }
        if (c != '\\') { out[o++] = (char)c; p->i++; continue; }
        p->i++;
        if (p->i >= p->n) break;
        char e = p->s[p->i++];
        switch (e) {
        case '"': out[o++] = '"'; break;
        case '\\': out[o++] = '\\'; break;
        case '/': out[o++] = '/'; break;
        case 'b': out[o++] = '\b'; break;
        case 'f': out[o++] = '\f'; break;
        case 'n': out[o++] = '\n'; break;
        case 'r': out[o++] = '\r'; break;
        case 't': out[o++] = '\t'; break;
        case 'u': {
            unsigned cp;
            if (hex4(p, &cp) < 0) { free(out); fail(p, "Bad Unicode escape in JSON"); return NULL; }
            if (cp >= 0xD800 && cp <= 0xDBFF && p->n - p->i >= 6 && p->s[p->i] == '\\' && p->s[p->i + 1] == 'u') {
                size_t save = p->i;
                unsigned lo;
                p->i += 2;
                if (hex4(p, &lo) == 0 && lo >= 0xDC00 && lo <= 0xDFFF) cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                else p->i = save;
            }
            /* A lone surrogate cannot be UTF-8: it becomes U+FFFD (package.json values are paths). */
            if (cp >= 0xD800 && cp <= 0xDFFF) cp = 0xFFFD;
            o += put_utf8(out + o, cp);
            break;
        }
        default:
            free(out);
            p->i--;
            fail(p, "Bad escaped character in JSON");
            return NULL;
        }
    }
    free(out);
    fail(p, "Unterminated string in JSON");
    return NULL;
}

static dx_json *parse_value(parser *p);

static dx_json *parse_number(parser *p) {
    size_t start = p->i;
    if (p->s[p->i] == '-') p->i++;
    if (p->i >= p->n) return fail(p, "No number after minus sign in JSON");
    if (p->s[p->i] == '0') {
        p->i++;
    } else if (p->s[p->i] >= '1' && p->s[p->i] <= '9') {
        while (p->i < p->n && p->s[p->i] >= '0' && p->s[p->i] <= '9') p->i++;
    } else {
        return fail(p, "No number after minus sign in JSON");
    }
    if (p->i < p->n && p->s[p->i] == '.') {
        p->i++;
        if (p->i >= p->n || p->s[p->i] < '0' || p->s[p->i] > '9') return fail(p, "Unterminated fractional number in JSON");
        while (p->i < p->n && p->s[p->i] >= '0' && p->s[p->i] <= '9') p->i++;
    }
    if (p->i < p->n && (p->s[p->i] == 'e' || p->s[p->i] == 'E')) {
        p->i++;
        if (p->i < p->n && (p->s[p->i] == '+' || p->s[p->i] == '-')) p->i++;
        if (p->i >= p->n || p->s[p->i] < '0' || p->s[p->i] > '9') return fail(p, "Exponent part is missing a number in JSON");
        while (p->i < p->n && p->s[p->i] >= '0' && p->s[p->i] <= '9') p->i++;
    }
    char buf[64];
    size_t len = p->i - start;
    char *tmp = len < sizeof buf ? buf : xcalloc(len + 1, 1);
    memcpy(tmp, p->s + start, len);
    tmp[len] = 0;
    dx_json *v = new_value(DX_JSON_NUMBER);
    v->number = strtod(tmp, NULL);
    if (tmp != buf) free(tmp);
    return v;
}

static int push(dx_json *v, size_t *cap, dx_json *item, char *key) {
    if (v->count == *cap) {
        *cap = *cap ? *cap * 2 : 4;
        v->items = realloc(v->items, *cap * sizeof *v->items);
        if (!v->items) abort();
        if (v->type == DX_JSON_OBJECT) {
            v->keys = realloc(v->keys, *cap * sizeof *v->keys);
            if (!v->keys) abort();
        }
    }
    v->items[v->count] = item;
    if (key) v->keys[v->count] = key;
    v->count++;
    return 0;
}

static dx_json *parse_container(parser *p, int object) {
    if (++p->depth > DX_JSON_MAX_DEPTH) return fail(p, "JSON nested too deeply");
    dx_json *v = new_value(object ? DX_JSON_OBJECT : DX_JSON_ARRAY);
    size_t cap = 0;
    char close = object ? '}' : ']';
    p->i++;
    skip_ws(p);
    if (p->i < p->n && p->s[p->i] == close) { p->i++; p->depth--; return v; }
    for (;;) {
        char *key = NULL;
        skip_ws(p);
        if (object) {
            size_t klen;
            if (p->i >= p->n || p->s[p->i] != '"') { fail(p, "Expected property name in JSON"); goto bad; }
            key = parse_string(p, &klen);
            if (!key) goto bad;
            skip_ws(p);
            if (p->i >= p->n || p->s[p->i] != ':') { free(key); fail(p, "Expected ':' after property name in JSON"); goto bad; }
            p->i++;
        }
        dx_json *item = parse_value(p);
        if (!item) { free(key); goto bad; }
        push(v, &cap, item, key);
        skip_ws(p);
        if (p->i < p->n && p->s[p->i] == ',') { p->i++; continue; }
        if (p->i < p->n && p->s[p->i] == close) { p->i++; break; }
        fail(p, object ? "Expected ',' or '}' after property value in JSON" : "Expected ',' or ']' after array element in JSON");
        goto bad;
    }
    p->depth--;
    return v;
bad:
    dx_json_free(v);
    return NULL;
}

static int match_word(parser *p, const char *w) {
    size_t l = strlen(w);
    if (p->n - p->i < l || memcmp(p->s + p->i, w, l) != 0) return 0;
    p->i += l;
    return 1;
}

static dx_json *parse_value(parser *p) {
    skip_ws(p);
    if (p->i >= p->n) return fail(p, "Unexpected end of JSON input");
    char c = p->s[p->i];
    switch (c) {
    case '{': return parse_container(p, 1);
    case '[': return parse_container(p, 0);
    case '"': {
        size_t len;
        char *s = parse_string(p, &len);
        if (!s) return NULL;
        dx_json *v = new_value(DX_JSON_STRING);
        v->string = s;
        v->length = len;
        return v;
    }
    case 't': if (match_word(p, "true")) return new_value(DX_JSON_TRUE); break;
    case 'f': if (match_word(p, "false")) return new_value(DX_JSON_FALSE); break;
    case 'n': if (match_word(p, "null")) return new_value(DX_JSON_NULL); break;
    default:
        if (c == '-' || (c >= '0' && c <= '9')) return parse_number(p);
    }
    return fail(p, "Unexpected token in JSON");
}

dx_json *dx_json_parse(const char *src, size_t len, dx_json_error *err) {
    parser p = {src, len, 0, 0, err};
    if (err) memset(err, 0, sizeof *err);
    /* A UTF-8 byte-order mark is not JSON, but package.json files written on Windows carry one. */
    if (len >= 3 && (unsigned char)src[0] == 0xEF && (unsigned char)src[1] == 0xBB && (unsigned char)src[2] == 0xBF) p.i = 3;
    dx_json *v = parse_value(&p);
    if (!v) return NULL;
    skip_ws(&p);
    if (p.i != p.n) {
        dx_json_free(v);
        return fail(&p, "Unexpected non-whitespace character after JSON");
    }
    return v;
}

void dx_json_free(dx_json *v) {
    if (!v) return;
    for (size_t i = 0; i < v->count; i++) {
        dx_json_free(v->items[i]);
        if (v->keys) free(v->keys[i]);
    }
    free(v->items);
    free(v->keys);
    free(v->string);
    free(v);
}

const dx_json *dx_json_get(const dx_json *obj, const char *key) {
    if (!obj || obj->type != DX_JSON_OBJECT) return NULL;
    for (size_t i = obj->count; i-- > 0;)
        if (strcmp(obj->keys[i], key) == 0) return obj->items[i];
    return NULL;
}
