/* internalBinding('url'): the WHATWG URL parser of src/web/url.c for lib/internal/url.js.
 *
 * A parse or a setter is one crossing: it returns the new href (always ASCII) and writes where
 * each component lies into the caller's Int32Array (layout: URL_OFFSETS_* below, mirrored in
 * lib/internal/url.js), so that the getters are string slices in JS. A base that JS parses again
 * and again can be parsed once into a base object (parseBase) and reused (parseWithBase). */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "engine/engine.h"
#include "engine/jsstr.h"
#include "engine/value.h"
#include "runtime/bindings.h"
#include "web/url.h"
#include "web/url_internal.h"

#define FN(name) static JSValueRef name(JSContextRef ctx, JSObjectRef f, JSObjectRef self, size_t argc, \
                                        const JSValueRef argv[], JSValueRef *exc)

enum {
    OFF_SCHEME_END, OFF_USERNAME_START, OFF_USERNAME_END, OFF_PASSWORD_START, OFF_PASSWORD_END,
    OFF_HOST_START, OFF_HOST_END, OFF_PORT, OFF_PATH_START, OFF_QUERY_START, OFF_FRAGMENT_START,
    OFF_HOST_TYPE, OFF_FLAGS, OFF_COUNT
};

/* A JS string as UTF-8, with each lone surrogate as U+FFFD (the USVString conversion), read from
 * JSC's own (Latin-1 or UTF-16) string: an ASCII string (the usual URL) in place, without a copy;
 * otherwise converted into `stack`, or a malloc'd buffer (heap) when longer. Release with
 * utf8_str_free. */
typedef struct utf8_str {
    const char *p;
    size_t len;
    char *heap;
    bool in_place;       /* p points into `view`, which stays open until utf8_str_free */
    dx_strview view;
    char stack[512];
} utf8_str;

static void utf8_str_free(utf8_str *s) {
    if (s->in_place) dx_strview_close(&s->view);
    free(s->heap);
}

static bool latin1_is_ascii(const uint8_t *p, size_t n) {
    uint64_t acc = 0;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, p + i, 8);
        acc |= w;
    }
    for (; i < n; i++) acc |= p[i];
    return (acc & 0x8080808080808080ull) == 0;
}

/* The characters of `v`, which must be a string (the built-in callers of parse and canParse
 * convert first, so this skips the type check, a crossing into JSC of its own). */
static void str_utf8(JSContextRef ctx, JSValueRef v, utf8_str *out) {
    dx_strview_open(ctx, v, &out->view);
    const dx_strview *view = &out->view;
    out->heap = NULL;
    if (view->is8bit && latin1_is_ascii(view->chars, view->length)) {
        out->p = view->chars;
        out->len = view->length;
        out->in_place = true;
        return;
    }
    out->in_place = false;
    size_t need = view->length * 3 + 1;
    char *d = out->stack;
    if (need > sizeof out->stack) {
        out->heap = d = malloc(need);
        if (!d) abort();
    }
    out->len = dx_strview_write_utf8(view, (uint8_t *)d, need - 1, NULL);
    d[out->len] = 0;
    out->p = d;
    dx_strview_close(&out->view);
}

static bool to_utf8(JSContextRef ctx, JSValueRef v, utf8_str *out, JSValueRef *exc) {
    if (!JSValueIsString(ctx, v)) {
        JSStringRef s = JSValueToStringCopy(ctx, v, exc);
        if (!s) return false;
        v = JSValueMakeString(ctx, s);
        JSStringRelease(s);
    }
    str_utf8(ctx, v, out);
    return true;
}

static JSValueRef ascii_value(JSContextRef ctx, const char *s) {
    return dx_jsstr_from_latin1(ctx, (const uint8_t *)s, strlen(s), NULL);
}

/* The Int32Array of OFF_COUNT elements that lib/internal/url.js allocates once and passes to every
 * call (built-in code is trusted: no type checks). Its element pointer is looked up once and kept,
 * with the array protected so that it stays alive (its address cannot be reused by another object)
 * and its pinned storage with it; later calls only compare the value, instead of paying a crossing
 * into JSC per parse. Per thread, as each thread has its own runtime (contexts are never released). */
static __thread JSValueRef offsets_arr;
static __thread JSContextRef offsets_ctx;
static __thread int32_t *offsets_ptr;

static int32_t *offsets_of(JSContextRef ctx, JSValueRef arr) {
    if (arr == offsets_arr && ctx == offsets_ctx) return offsets_ptr;
    int32_t *d = JSObjectGetTypedArrayBytesPtr(ctx, (JSObjectRef)arr, NULL);
    if (!d) return NULL;
    JSValueProtect(ctx, arr);
    if (offsets_arr) JSValueUnprotect(offsets_ctx, offsets_arr);
    offsets_arr = arr;
    offsets_ctx = ctx;
    offsets_ptr = d;
    return d;
}

/* Writes the offsets of u into `arr` (see offsets_of). */
static void write_offsets(JSContextRef ctx, JSValueRef arr, const dx_url *u) {
    int32_t *d = offsets_of(ctx, arr);
    if (!d) return;
    d[OFF_SCHEME_END] = (int32_t)u->scheme_end;
    d[OFF_USERNAME_START] = (int32_t)u->username_start;
    d[OFF_USERNAME_END] = (int32_t)u->username_end;
    d[OFF_PASSWORD_START] = (int32_t)u->password_start;
    d[OFF_PASSWORD_END] = (int32_t)u->password_end;
    d[OFF_HOST_START] = (int32_t)u->host_start;
    d[OFF_HOST_END] = (int32_t)u->host_end;
    d[OFF_PORT] = u->port;
    d[OFF_PATH_START] = (int32_t)u->path_start;
    d[OFF_QUERY_START] = u->query_start;
    d[OFF_FRAGMENT_START] = u->fragment_start;
    d[OFF_HOST_TYPE] = u->host_type;
    d[OFF_FLAGS] = (u->opaque_path ? 1 : 0) | (u->special ? 2 : 0);
}

/* Where a parse's href is written when it fits (see dx__url_parse_scratch): a parse that the
 * binding turns into a JS string at once needs no allocation of its own. */
typedef struct href_scratch {
    bool borrowed;   /* the parsed URL's href points into `buf`: not to be freed */
    char buf[1024];
} href_scratch;

static void parsed_free(dx_url *u, const href_scratch *s) {
    if (!s || !s->borrowed) dx_url_free(u);
}

static int parse_one(const char *p, size_t n, const dx_url *base, dx_url *out, href_scratch *s) {
    if (!s) return dx_url_parse(p, n, base, out);
    int r = dx__url_parse_scratch(p, n, base, out, s->buf, sizeof s->buf);
    s->borrowed = r == 1;
    return r < 0 ? -1 : 0;
}

/* Parses the string `base` (when not undefined) and then the string `input` against it. Returns 0,
 * or -1 when either fails. With `scratch`, the result may live in it (free with parsed_free).
 * When `same` is not NULL, *same tells whether the href is the input itself (an input already in
 * serialized form, the usual case). */
static int parse_strings(JSContextRef ctx, JSValueRef input, JSValueRef base, dx_url *out, bool *same,
                         href_scratch *scratch) {
    utf8_str in, b;
    dx_url bu;
    int r = -1;
    str_utf8(ctx, input, &in);
    if (base && !dx_is_undefined(base)) {
        str_utf8(ctx, base, &b);
        r = dx_url_parse(b.p, b.len, NULL, &bu);
        utf8_str_free(&b);
        if (r == 0) {
            r = parse_one(in.p, in.len, &bu, out, scratch);
            dx_url_free(&bu);
        }
    } else {
        r = parse_one(in.p, in.len, NULL, out, scratch);
    }
    if (same) *same = r == 0 && out->href_len == in.len && memcmp(out->href, in.p, in.len) == 0;
    utf8_str_free(&in);
    return r;
}

/* parse(input, base, offsets) -> href, or undefined when the URL is invalid. input is a string,
 * base a string or undefined. */
FN(u_parse) {
    if (argc < 3) return dx_undefined();
    dx_url u;
    bool same;
    href_scratch scratch;
    if (parse_strings(ctx, argv[0], argv[1], &u, &same, &scratch) < 0) return dx_undefined();
    write_offsets(ctx, argv[2], &u);
    /* Strings are immutable: an href equal to the input can be the input, which saves making a
     * string (and the crossing into JSC that takes). */
    JSValueRef r = same ? argv[0] : dx_jsstr_from_latin1(ctx, (const uint8_t *)u.href, u.href_len, NULL);
    parsed_free(&u, &scratch);
    return r;
}

/* A parsed base URL held by a JS object (lib/internal/url.js keeps those of recent bases), so that
 * relative references against the same base do not convert and parse the base again each time.
 * The object owns the dx_url; it is freed with the object. */
static JSClassRef base_class;
static pthread_once_t base_class_once = PTHREAD_ONCE_INIT;

static void base_finalize(JSObjectRef o) {
    dx_url *u = JSObjectGetPrivate(o);
    if (u) {
        dx_url_free(u);
        free(u);
    }
}

static void base_class_init(void) {
    JSClassDefinition def = kJSClassDefinitionEmpty;
    def.className = "URLBase";
    def.finalize = base_finalize;
    base_class = JSClassCreate(&def);
}

/* parseBase(base) -> a base object, or null when the string `base` is not a valid URL. */
FN(u_parse_base) {
    if (argc < 1) return dx_null();
    utf8_str b;
    dx_url *u = malloc(sizeof *u);
    if (!u) abort();
    str_utf8(ctx, argv[0], &b);
    int r = dx_url_parse(b.p, b.len, NULL, u);
    utf8_str_free(&b);
    if (r < 0) {
        free(u);
        return dx_null();
    }
    pthread_once(&base_class_once, base_class_init);
    return JSObjectMake(ctx, base_class, u);
}

/* parseWithBase(input, baseObject, offsets) -> href, or undefined: parse() against a base that
 * parseBase returned. Reading the object's private pointer takes no lock. */
FN(u_parse_with_base) {
    if (argc < 3 || !dx_is_cell(argv[1])) return dx_undefined();
    const dx_url *base = JSObjectGetPrivate((JSObjectRef)argv[1]);
    if (!base) return dx_undefined();
    utf8_str in;
    dx_url u;
    href_scratch scratch;
    str_utf8(ctx, argv[0], &in);
    int r = parse_one(in.p, in.len, base, &u, &scratch);
    utf8_str_free(&in);
    if (r < 0) return dx_undefined();
    write_offsets(ctx, argv[2], &u);
    JSValueRef out = dx_jsstr_from_latin1(ctx, (const uint8_t *)u.href, u.href_len, NULL);
    parsed_free(&u, &scratch);
    return out;
}

/* canParse(input, base) -> boolean. */
FN(u_can_parse) {
    if (argc < 1) return dx_boolean(false);
    dx_url u;
    href_scratch scratch;
    if (parse_strings(ctx, argv[0], argc > 1 ? argv[1] : NULL, &u, NULL, &scratch) < 0) return dx_boolean(false);
    parsed_free(&u, &scratch);
    return dx_boolean(true);
}

/* update(href, setter, value, offsets) -> the new href, or false when the href setter's value
 * does not parse. `href` is one this binding produced; value is a string. */
FN(u_update) {
    if (argc < 4) return dx_boolean(false);
    int which = dx_is_number(argv[1]) ? (int)dx_number_value(argv[1]) : -1;
    if (which < DX_URL_SET_HREF || which > DX_URL_SET_HASH) return dx_boolean(false);
    dx_url u;
    if (parse_strings(ctx, argv[0], NULL, &u, NULL, NULL) < 0) return dx_boolean(false);
    utf8_str v;
    str_utf8(ctx, argv[2], &v);
    int r = dx_url_set(&u, (dx_url_setter)which, v.p, v.len);
    utf8_str_free(&v);
    if (r < 0) { dx_url_free(&u); return dx_boolean(false); }
    write_offsets(ctx, argv[3], &u);
    JSValueRef out = dx_jsstr_from_latin1(ctx, (const uint8_t *)u.href, u.href_len, NULL);
    dx_url_free(&u);
    return out;
}

enum { DOMAIN_ASCII, DOMAIN_UNICODE, DOMAIN_LEGACY };
static JSValueRef domain_fn(JSContextRef ctx, size_t argc, const JSValueRef argv[], JSValueRef *exc, int kind) {
    if (argc < 1) return dx_cstr_value(ctx, "");
    utf8_str in;
    if (!to_utf8(ctx, argv[0], &in, exc)) return NULL;
    char *r = kind == DOMAIN_UNICODE ? dx_url_domain_to_unicode(in.p, in.len)
            : kind == DOMAIN_LEGACY  ? dx_url_legacy_to_ascii(in.p, in.len)
                                     : dx_url_domain_to_ascii(in.p, in.len);
    utf8_str_free(&in);
    JSValueRef v = dx_str_value(ctx, r, strlen(r));
    free(r);
    return v;
}
FN(u_domain_to_ascii) { return domain_fn(ctx, argc, argv, exc, DOMAIN_ASCII); }
FN(u_domain_to_unicode) { return domain_fn(ctx, argc, argv, exc, DOMAIN_UNICODE); }
/* legacyToASCII(host): the host conversion of url.parse(). */
FN(u_legacy_to_ascii) { return domain_fn(ctx, argc, argv, exc, DOMAIN_LEGACY); }

/* The first names and values wait in `vals` (on the C stack, which JSC's collector scans, so they
 * stay alive) and become the array in one call; a longer list then grows it one element at a time. */
typedef struct pairs_ctx {
    JSContextRef ctx;
    JSObjectRef arr;     /* NULL while everything fits in vals */
    unsigned n;
    JSValueRef vals[64];
} pairs_ctx;

static void on_pair(void *ud, const char *name, size_t nlen, const char *value, size_t vlen) {
    pairs_ctx *p = ud;
    JSValueRef nv = dx_str_value(p->ctx, name, nlen), vv = dx_str_value(p->ctx, value, vlen);
    if (!p->arr && p->n + 2 <= sizeof p->vals / sizeof p->vals[0]) {
        p->vals[p->n++] = nv;
        p->vals[p->n++] = vv;
        return;
    }
    if (!p->arr) p->arr = JSObjectMakeArray(p->ctx, p->n, p->vals, NULL);
    JSObjectSetPropertyAtIndex(p->ctx, p->arr, p->n++, nv, NULL);
    JSObjectSetPropertyAtIndex(p->ctx, p->arr, p->n++, vv, NULL);
}

/* parseParams(string) -> [name, value, name, value...] (application/x-www-form-urlencoded). */
FN(u_parse_params) {
    if (argc < 1) return JSObjectMakeArray(ctx, 0, NULL, exc);
    utf8_str in;
    if (!to_utf8(ctx, argv[0], &in, exc)) return NULL;
    pairs_ctx p = {.ctx = ctx, .arr = NULL, .n = 0};
    dx_url_form_parse(in.p, in.len, on_pair, &p);
    utf8_str_free(&in);
    return p.arr ? p.arr : JSObjectMakeArray(ctx, p.n, p.vals, exc);
}

/* serializeParams([name, value, ...]) -> "name=value&..." */
FN(u_serialize_params) {
    if (argc < 1 || !JSValueIsObject(ctx, argv[0])) return dx_cstr_value(ctx, "");
    JSObjectRef arr = (JSObjectRef)argv[0];
    JSStringRef lenname = dx_jsstr("length");
    double n = JSValueToNumber(ctx, JSObjectGetProperty(ctx, arr, lenname, NULL), NULL);
    JSStringRelease(lenname);
    dx_url_buf b = {0};
    for (unsigned i = 0; i + 1 < n; i += 2) {
        for (unsigned k = 0; k < 2; k++) {
            JSValueRef v = JSObjectGetPropertyAtIndex(ctx, arr, i + k, exc);
            utf8_str s;
            if (!v || !to_utf8(ctx, v, &s, exc)) { free(b.p); return NULL; }
            /* '&' and '=' separate the pairs: appended as they are, not encoded. */
            if (k == 0 && i) dx_url_buf_put(&b, "&", 1);
            if (k == 1) dx_url_buf_put(&b, "=", 1);
            dx_url_form_encode(&b, s.p, s.len);
            utf8_str_free(&s);
        }
    }
    JSValueRef r = ascii_value(ctx, b.p ? b.p : "");
    free(b.p);
    return r;
}

JSObjectRef dx__url_binding(JSContextRef ctx) {
    static const dx_fn_entry fns[] = {
        {"parse", u_parse},
        {"parseBase", u_parse_base},
        {"parseWithBase", u_parse_with_base},
        {"canParse", u_can_parse},
        {"update", u_update},
        {"domainToASCII", u_domain_to_ascii},
        {"domainToUnicode", u_domain_to_unicode},
        {"legacyToASCII", u_legacy_to_ascii},
        {"parseParams", u_parse_params},
        {"serializeParams", u_serialize_params},
        {NULL, NULL},
    };
    return dx_make_binding(ctx, fns);
}
