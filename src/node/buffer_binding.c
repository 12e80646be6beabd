/* internalBinding('buffer'): the bulk work of node:buffer (lib/internal/buffer.js) — encoding a
 * string into bytes, decoding bytes into a string, searches, comparisons, fills, swaps, UTF-8/ASCII
 * checks and ICU transcoding. One crossing per call; lib/internal/buffer.js validates every argument
 * (CONVENTIONS: JS validates, C asserts), so offsets and lengths arrive in range.
 *
 * Encodings are passed as small integers (ENC_* below, mirrored in lib/internal/buffer.js).
 * Reading a view's bytes pins its ArrayBuffer (JSObjectGetTypedArrayBytesPtr): a later
 * ArrayBuffer.prototype.transfer() then copies instead of detaching. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ucnv.h>
#include <unicode/utypes.h>

#include "engine/bigmem.h"
#include "engine/engine.h"
#include "engine/utf8.h"
#include "engine/jsstr.h"
#include "engine/value.h"
#include "node/buffer.h"
#include "runtime/bindings.h"

#define FN(name) static JSValueRef name(JSContextRef ctx, JSObjectRef f, JSObjectRef self, size_t argc, \
                                        const JSValueRef argv[], JSValueRef *exc)
#define UNUSED_ARGS (void)f; (void)self; (void)argc

enum { ENC_UTF8, ENC_UCS2, ENC_LATIN1, ENC_ASCII, ENC_BASE64, ENC_BASE64URL, ENC_HEX };

/* The bytes of a typed array (the view's window, not its whole ArrayBuffer). A detached or
 * zero-length view gives NULL with *len 0. */
static uint8_t *view_bytes(JSContextRef ctx, JSValueRef v, size_t *len) {
    /* The JS side passes typed arrays, but a Buffer method called on another receiver can pass
     * anything: the type check keeps a primitive or a plain object from reaching the accessors. */
    JSTypedArrayType t = JSValueGetTypedArrayType(ctx, v, NULL);
    if (t == kJSTypedArrayTypeNone || t == kJSTypedArrayTypeArrayBuffer) {
        *len = 0;
        return NULL;
    }
    JSObjectRef o = (JSObjectRef)v;
    *len = JSObjectGetTypedArrayByteLength(ctx, o, NULL);
    if (*len == 0) return NULL;
    uint8_t *p = JSObjectGetTypedArrayBytesPtr(ctx, o, NULL);
    if (!p) {
        *len = 0;
        return NULL;
    }
    return p + JSObjectGetTypedArrayByteOffset(ctx, o, NULL);
}

/* Numeric arguments: lib/internal/buffer.js always passes numbers, read without an API call
 * (engine/value.h); anything else (never expected) goes through the API. */
static double arg_number(JSContextRef ctx, JSValueRef v) {
    return dx_is_number(v) ? dx_number_value(v) : JSValueToNumber(ctx, v, NULL);
}

static size_t arg_size(JSContextRef ctx, JSValueRef v) {
    double d = arg_number(ctx, v);
    return d > 0 ? (size_t)d : 0;
}

static int arg_int(JSContextRef ctx, JSValueRef v) {
    double d = arg_number(ctx, v);
    return d == d ? (int)d : 0;
}

static void *xmalloc(size_t n) {
    void *p = malloc(n ? n : 1);
    if (!p) abort();
    return p;
}

/* The ArrayBuffer deallocator: the context is the allocated size. */
static void free_bytes(void *bytes, void *size) {
    dx_big_free(bytes, (size_t)(uintptr_t)size);
}

/* An ArrayBuffer of n bytes that takes ownership of p (from dx_big_alloc(alloc_size), or from malloc
 * when alloc_size is 0). */
static JSValueRef adopt(JSContextRef ctx, uint8_t *p, size_t n, size_t alloc_size, JSValueRef *exc) {
    return JSObjectMakeArrayBufferWithBytesNoCopy(ctx, p, n, free_bytes, (void *)(uintptr_t)alloc_size, exc);
}

/* Writes the string `s` (an open view) in encoding `enc` into dst, at most cap bytes, never a
 * partial character for utf8/ucs2. Returns the bytes written. */
static size_t encode_view(const dx_strview *v, int enc, uint8_t *dst, size_t cap) {
    size_t n = v->length;
    switch (enc) {
    case ENC_UTF8:
        return dx_strview_write_utf8(v, dst, cap, NULL);
    case ENC_UCS2: {
        size_t units = n < cap / 2 ? n : cap / 2;
        if (v->is8bit) {
            const uint8_t *p = v->chars;
            for (size_t i = 0; i < units; i++) {
                dst[2 * i] = p[i];
                dst[2 * i + 1] = 0;
            }
        } else {
            const uint16_t *u = v->chars;
            for (size_t i = 0; i < units; i++) {
                dst[2 * i] = (uint8_t)u[i];
                dst[2 * i + 1] = (uint8_t)(u[i] >> 8);
            }
        }
        return units * 2;
    }
    case ENC_LATIN1:
    case ENC_ASCII: {
        size_t m = n < cap ? n : cap;
        if (v->is8bit) {
            memcpy(dst, v->chars, m);
        } else {
            const uint16_t *u = v->chars;
            for (size_t i = 0; i < m; i++) dst[i] = (uint8_t)u[i];
        }
        return m;
    }
    case ENC_BASE64:
    case ENC_BASE64URL:
        return v->is8bit ? dx_base64_decode8(v->chars, n, dst, cap) : dx_base64_decode16(v->chars, n, dst, cap);
    case ENC_HEX:
        return v->is8bit ? dx_hex_decode8(v->chars, n, dst, cap) : dx_hex_decode16(v->chars, n, dst, cap);
    }
    return 0;
}

/* byteLengthUtf8(string) -> number */
FN(byte_length_utf8) {
    UNUSED_ARGS; (void)exc;
    dx_strview v;
    dx_strview_open(ctx, argv[0], &v);
    size_t n = dx_strview_utf8_length(&v);
    dx_strview_close(&v);
    return dx_number((double)n);
}

/* write(view, string, offset, maxLength, enc) -> bytes written */
FN(buf_write) {
    UNUSED_ARGS; (void)exc;
    size_t len;
    uint8_t *p = view_bytes(ctx, argv[0], &len);
    size_t off = arg_size(ctx, argv[2]), cap = arg_size(ctx, argv[3]);
    int enc = arg_int(ctx, argv[4]);
    if (!p || off >= len) return dx_number(0);
    if (cap > len - off) cap = len - off;
    dx_strview v;
    dx_strview_open(ctx, argv[1], &v);
    size_t w = encode_view(&v, enc, p + off, cap);
    dx_strview_close(&v);
    return dx_number((double)w);
}

/* fromString(string, enc) -> ArrayBuffer holding exactly the encoded bytes */
FN(from_string) {
    UNUSED_ARGS;
    int enc = arg_int(ctx, argv[1]);
    dx_strview v;
    dx_strview_open(ctx, argv[0], &v);
    size_t n = v.length, cap = 0;
    switch (enc) {
    case ENC_UTF8: cap = dx_strview_utf8_length(&v); break;
    case ENC_UCS2: cap = n * 2; break;
    case ENC_LATIN1: case ENC_ASCII: cap = n; break;
    case ENC_BASE64: case ENC_BASE64URL: cap = n / 4 * 3 + 3; break;
    case ENC_HEX: cap = n / 2; break;
    }
    uint8_t *p = dx_big_alloc_js(ctx, cap);
    size_t w = encode_view(&v, enc, p, cap);
    dx_strview_close(&v);
    return adopt(ctx, p, w, cap, exc);
}

/* allocUninit(size, proto) -> a Uint8Array of `size` bytes that are not zeroed, with prototype
 * `proto` (FastBuffer.prototype): Buffer.allocUnsafe's memory, as Node's is uninitialised too. JSC
 * zero-fills every typed array it allocates, and on a VM whose caches do not hold the memory the
 * collector hands back, that memset is most of the cost of a 64 KB buffer (docs/performance.md,
 * session 6). The view owns its own ArrayBuffer of exactly `size` bytes, as an unpooled Node buffer
 * does. lib/node/buffer.js passes a size in [1, kMaxLength]; undefined when there is no memory. */
FN(alloc_uninit) {
    UNUSED_ARGS;
    size_t n = arg_size(ctx, argv[0]);
    uint8_t *p = dx_big_try_alloc_js(ctx, n);
    if (!p) return dx_undefined();   /* the caller falls back on JSC's allocation and its RangeError */
    JSObjectRef o = JSObjectMakeTypedArrayWithBytesNoCopy(ctx, kJSTypedArrayTypeUint8Array, p, n, free_bytes,
                                                          (void *)(uintptr_t)n, exc);
    if (!o) return NULL;   /* the ArrayBuffer JSC made already owns p and has freed it */
    JSObjectSetPrototype(ctx, o, argv[1]);
    return o;
}

/* toString(view, start, end, enc) -> string */
FN(to_string) {
    UNUSED_ARGS;
    size_t len;
    uint8_t *p = view_bytes(ctx, argv[0], &len);
    size_t start = arg_size(ctx, argv[1]), end = arg_size(ctx, argv[2]);
    int enc = arg_int(ctx, argv[3]);
    if (end > len) end = len;
    if (!p || start >= end) return dx_cstr_value(ctx, "");
    p += start;
    size_t n = end - start;
    switch (enc) {
    case ENC_UTF8: return dx_jsstr_from_utf8(ctx, p, n, exc);
    case ENC_UCS2: return dx_jsstr_from_utf16_bytes(ctx, p, n, false, exc);
    case ENC_LATIN1: return dx_jsstr_from_latin1(ctx, p, n, exc);
    case ENC_ASCII: return dx_jsstr_from_ascii(ctx, p, n, exc);
    case ENC_BASE64:
    case ENC_BASE64URL: {
        bool url = enc == ENC_BASE64URL;
        dx_strbuild b;
        uint8_t *s = dx_jsstr_latin1_begin(ctx, dx_base64_encoded_length(n, url), &b, exc);
        if (!s) return NULL;
        dx_base64_encode(p, n, (char *)s, url);
        return dx_jsstr_latin1_end(ctx, &b);
    }
    case ENC_HEX: {
        if (n > SIZE_MAX / 2) n = SIZE_MAX / 2;
        dx_strbuild b;
        uint8_t *s = dx_jsstr_latin1_begin(ctx, 2 * n, &b, exc);
        if (!s) return NULL;
        dx_hex_encode(p, n, (char *)s);
        return dx_jsstr_latin1_end(ctx, &b);
    }
    }
    return dx_cstr_value(ctx, "");
}

/* indexOf(haystack, needle, byteOffset, forward, ucs2) -> index or -1; byteOffset is an integer
 * (lib/internal/buffer.js clamps it to int32 range). Node's rules for the start position and for
 * empty needles. */
FN(index_of) {
    UNUSED_ARGS; (void)exc;
    size_t hl, nl;
    uint8_t *h = view_bytes(ctx, argv[0], &hl);
    uint8_t *nd = view_bytes(ctx, argv[1], &nl);
    double offd = arg_number(ctx, argv[2]);
    int64_t off = offd == offd ? (int64_t)offd : 0;
    bool forward = argv[3] == dx_boolean(true);
    bool ucs2 = argv[4] == dx_boolean(true);
    /* Over UTF-16 units an odd last byte does not count, for the start position too. */
    if (ucs2) hl &= ~(size_t)1;
    int64_t start = dx_buffer_search_start(hl, off, nl, forward);
    if (nl == 0) return dx_number((double)start);
    if (hl == 0 || start < 0 || (size_t)start >= hl) return dx_number(-1);
    if ((forward && nl + (size_t)start > hl) || nl > hl) return dx_number(-1);
    if (ucs2 && (hl < 2 || nl < 2)) return dx_number(-1);
    ssize_t r = dx_buffer_search(h, hl, nd, nl, (size_t)start, forward, ucs2);
    return dx_number((double)r);
}

/* compare(a, aStart, aEnd, b, bStart, bEnd) -> -1, 0 or 1 */
FN(compare) {
    UNUSED_ARGS; (void)exc;
    size_t al, bl;
    uint8_t *a = view_bytes(ctx, argv[0], &al);
    uint8_t *b = view_bytes(ctx, argv[3], &bl);
    size_t as = arg_size(ctx, argv[1]), ae = arg_size(ctx, argv[2]);
    size_t bs = arg_size(ctx, argv[4]), be = arg_size(ctx, argv[5]);
    if (ae > al) ae = al;
    if (be > bl) be = bl;
    size_t an = ae > as ? ae - as : 0, bn = be > bs ? be - bs : 0;
    size_t m = an < bn ? an : bn;
    int c = m ? memcmp(a + as, b + bs, m) : 0;
    if (c == 0) c = an < bn ? -1 : an > bn ? 1 : 0;
    return dx_number(c < 0 ? -1 : c > 0 ? 1 : 0);
}

/* fill(view, pattern, start, end): repeats the bytes of the view `pattern` (non-empty, and not
 * overlapping the target: lib copies it first when it might) over view[start, end). */
FN(fill) {
    UNUSED_ARGS; (void)exc;
    size_t len, pl;
    uint8_t *p = view_bytes(ctx, argv[0], &len);
    uint8_t *pat = view_bytes(ctx, argv[1], &pl);
    size_t start = arg_size(ctx, argv[2]), end = arg_size(ctx, argv[3]);
    if (end > len) end = len;
    if (p && pat && start < end) dx_buffer_fill_pattern(p + start, end - start, pat, pl);
    return dx_undefined();
}

/* swap(view, size) */
FN(swap) {
    UNUSED_ARGS; (void)exc;
    size_t len;
    uint8_t *p = view_bytes(ctx, argv[0], &len);
    int size = arg_int(ctx, argv[1]);
    if (p && size > 0 && len % (size_t)size == 0) dx_buffer_swap(p, len, size);
    return dx_undefined();
}

/* isUtf8(view) / isAscii(view) -> boolean */
FN(is_utf8) {
    UNUSED_ARGS; (void)exc;
    size_t len;
    uint8_t *p = view_bytes(ctx, argv[0], &len);
    return dx_boolean(p ? dx_utf8_is_valid(p, len) : true);
}

FN(is_ascii) {
    UNUSED_ARGS; (void)exc;
    size_t len;
    uint8_t *p = view_bytes(ctx, argv[0], &len);
    return dx_boolean(p ? dx_ascii_prefix(p, len) == len : true);
}

static const char *icu_name(int enc) {
    switch (enc) {
    case ENC_UTF8: return "utf-8";
    case ENC_UCS2: return "utf-16le";
    case ENC_LATIN1: return "iso-8859-1";
    case ENC_ASCII: return "us-ascii";
    }
    return NULL;
}

/* Whether the UTF-16 units hold a lone surrogate. */
static bool has_lone_surrogate(const UChar *u, size_t n) {
    for (size_t i = 0; i < n; i++) {
        if (u[i] < 0xD800 || u[i] > 0xDFFF) continue;
        if (u[i] <= 0xDBFF && i + 1 < n && u[i + 1] >= 0xDC00 && u[i + 1] <= 0xDFFF) {
            i++;
            continue;
        }
        return true;
    }
    return false;
}

/* transcode(view, fromEnc, toEnc) -> ArrayBuffer, or the name of the ICU error (a string) as Node
 * reports it. Node's rules: latin1/ascii -> ucs2 widens each byte; utf8 <-> ucs2 is strict
 * (ill-formed input is U_INVALID_CHAR_FOUND); ucs2 input ignores an odd last byte except for
 * ucs2 -> ucs2; everything else goes through ICU, where ill-formed input becomes U+FFFD and what
 * the target cannot hold becomes '?'. Unsupported encodings are U_ILLEGAL_ARGUMENT_ERROR. */
FN(transcode) {
    UNUSED_ARGS;
    size_t len;
    uint8_t *p = view_bytes(ctx, argv[0], &len);
    int from_enc = arg_int(ctx, argv[1]), to_enc = arg_int(ctx, argv[2]);
    const char *from = icu_name(from_enc), *to = icu_name(to_enc);
    UErrorCode st = U_ZERO_ERROR;
    UConverter *cf = NULL, *ct = NULL;
    UChar *u = NULL;
    uint8_t *out = NULL;
    JSValueRef result = NULL;
    if (!from || !to) {
        st = U_ILLEGAL_ARGUMENT_ERROR;
        goto out;
    }
    if (!p) p = (uint8_t *)"";
    if (to_enc == ENC_UCS2 && (from_enc == ENC_LATIN1 || from_enc == ENC_ASCII)) {
        out = xmalloc(len * 2);
        for (size_t i = 0; i < len; i++) {
            out[2 * i] = p[i];
            out[2 * i + 1] = 0;
        }
        result = adopt(ctx, out, len * 2, 0, exc);
        out = NULL;
        goto out;
    }
    if (from_enc == ENC_UTF8 && to_enc == ENC_UCS2 && !dx_utf8_is_valid(p, len)) {
        st = U_INVALID_CHAR_FOUND;
        goto out;
    }
    int32_t ul;
    if (from_enc == ENC_UCS2 && to_enc != ENC_UCS2) {
        ul = (int32_t)(len / 2);
        u = xmalloc(((size_t)ul + 1) * sizeof(UChar));
        memcpy(u, p, (size_t)ul * 2);
        /* Node's UTF-16 -> UTF-8 path also fails when there is not one whole unit. */
        if (to_enc == ENC_UTF8 && (ul == 0 || has_lone_surrogate(u, (size_t)ul))) {
            st = U_INVALID_CHAR_FOUND;
            goto out;
        }
    } else {
        cf = ucnv_open(from, &st);
        if (U_FAILURE(st)) goto out;
        /* Every input byte gives at most one UTF-16 unit (plus a possible flush unit). */
        u = xmalloc((len + 2) * sizeof(UChar));
        ul = ucnv_toUChars(cf, u, (int32_t)(len + 2), (const char *)p, (int32_t)len, &st);
        if (U_FAILURE(st)) goto out;
        st = U_ZERO_ERROR;
    }
    ct = ucnv_open(to, &st);
    if (U_FAILURE(st)) goto out;
    if (to_enc == ENC_LATIN1 || to_enc == ENC_ASCII) {
        ucnv_setSubstChars(ct, "?", 1, &st);
        if (U_FAILURE(st)) goto out;
    }
    /* At most 4 bytes per unit in any of the four targets (UTF-8: 3 per unit, 4 per pair). */
    size_t cap = (size_t)ul * 3 + 4;
    out = xmalloc(cap);
    int32_t ol = ucnv_fromUChars(ct, (char *)out, (int32_t)cap, u, ul, &st);
    if (U_FAILURE(st)) goto out;
    result = adopt(ctx, out, (size_t)ol, 0, exc);
    out = NULL;
out:
    if (!result && !*exc) result = dx_cstr_value(ctx, u_errorName(st));
    free(u);
    free(out);
    if (cf) ucnv_close(cf);
    if (ct) ucnv_close(ct);
    return result;
}

static const dx_fn_entry buffer_fns[] = {
    {"byteLengthUtf8", byte_length_utf8},
    {"write", buf_write},
    {"fromString", from_string},
    {"allocUninit", alloc_uninit},
    {"toString", to_string},
    {"indexOf", index_of},
    {"compare", compare},
    {"fill", fill},
    {"swap", swap},
    {"isUtf8", is_utf8},
    {"isAscii", is_ascii},
    {"transcode", transcode},
    {NULL, NULL},
};

JSObjectRef dx__buffer_binding(JSContextRef ctx) {
    return dx_make_binding(ctx, buffer_fns);
}
