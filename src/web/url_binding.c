/* internalBinding('url'): the WHATWG URL parser of src/web/url.c for lib/internal/url.js.
 *
 * A parse or a setter is one crossing: it returns the new href (always ASCII) and writes where
 * each component lies into the caller's Int32Array (layout: URL_OFFSETS_* below, mirrored in
 * lib/internal/url.js), so that the getters are string slices in JS. */
#include <stdlib.h>
#include <string.h>

#include "engine/engine.h"
#include "engine/jsstr.h"
#include "engine/value.h"
#include "runtime/bindings.h"
#include "web/url.h"

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

static bool to_utf8(JSContextRef ctx, JSValueRef v, utf8_str *out, JSValueRef *exc) {
    if (!JSValueIsString(ctx, v)) {
        JSStringRef s = JSValueToStringCopy(ctx, v, exc);
        if (!s) return false;
        v = JSValueMakeString(ctx, s);
        JSStringRelease(s);
    }
    dx_strview_open(ctx, v, &out->view);
    const dx_strview *view = &out->view;
    out->heap = NULL;
    if (view->is8bit && latin1_is_ascii(view->chars, view->length)) {
        out->p = view->chars;
        out->len = view->length;
        out->in_place = true;
        return true;
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
    return true;
}

static JSValueRef ascii_value(JSContextRef ctx, const char *s) {
    return dx_jsstr_from_latin1(ctx, (const uint8_t *)s, strlen(s), NULL);
}

/* Writes the offsets of u into `arr`, the Int32Array of OFF_COUNT elements that
 * lib/internal/url.js allocates once and always passes (built-in code is trusted: no type checks,
 * which would cost a crossing into JSC each). */
static void write_offsets(JSContextRef ctx, JSValueRef arr, const dx_url *u) {
    int32_t *d = JSObjectGetTypedArrayBytesPtr(ctx, (JSObjectRef)arr, NULL);
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

/* Parses base (when not undefined) and then input against it. Returns 0, or -1 when either fails
 * (*exc is set only when a toString threw). */
static int parse_args(JSContextRef ctx, JSValueRef input, JSValueRef base, dx_url *out, JSValueRef *exc) {
    utf8_str in, b;
    dx_url bu;
    bool have_base = base && !dx_is_undefined(base);
    int r = -1;
    if (!to_utf8(ctx, input, &in, exc)) return -1;
    if (have_base) {
        if (!to_utf8(ctx, base, &b, exc)) { utf8_str_free(&in); return -1; }
        r = dx_url_parse(b.p, b.len, NULL, &bu);
        utf8_str_free(&b);
        if (r == 0) {
            r = dx_url_parse(in.p, in.len, &bu, out);
            dx_url_free(&bu);
        }
    } else {
        r = dx_url_parse(in.p, in.len, NULL, out);
    }
    utf8_str_free(&in);
    return r;
}

/* parse(input, base, offsets) -> href, or undefined when the URL is invalid. */
FN(u_parse) {
    if (argc < 3) return dx_undefined();
    dx_url u;
    if (parse_args(ctx, argv[0], argv[1], &u, exc) < 0) return *exc ? NULL : dx_undefined();
    write_offsets(ctx, argv[2], &u);
    JSValueRef r = dx_jsstr_from_latin1(ctx, (const uint8_t *)u.href, u.href_len, NULL);
    dx_url_free(&u);
    return r;
}

/* canParse(input, base) -> boolean. */
FN(u_can_parse) {
    if (argc < 1) return dx_boolean(false);
    dx_url u;
    if (parse_args(ctx, argv[0], argc > 1 ? argv[1] : NULL, &u, exc) < 0)
        return *exc ? NULL : dx_boolean(false);
    dx_url_free(&u);
    return dx_boolean(true);
}

/* update(href, setter, value, offsets) -> the new href, or false when the href setter's value
 * does not parse. `href` is one this binding produced. */
FN(u_update) {
    if (argc < 4) return dx_boolean(false);
    int which = (int)JSValueToNumber(ctx, argv[1], NULL);
    if (which < DX_URL_SET_HREF || which > DX_URL_SET_HASH) return dx_boolean(false);
    dx_url u;
    if (parse_args(ctx, argv[0], NULL, &u, exc) < 0) return *exc ? NULL : dx_boolean(false);
    utf8_str v;
    if (!to_utf8(ctx, argv[2], &v, exc)) { dx_url_free(&u); return NULL; }
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
