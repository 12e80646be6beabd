/* internalBinding('encoding'): TextEncoder, TextDecoder and StringDecoder byte work for
 * lib/internal/encoding.js and lib/node/string_decoder.js, one crossing per call.
 *
 * Decoded text goes straight to JS strings through engine/jsstr.h: ASCII and Latin-1 runs become
 * 8-bit strings, UTF-8 goes through dx_jsstr_from_utf8 unless a character split across calls has
 * to be joined to it (then the UTF-16 is built here). Views are any typed array or ArrayBuffer
 * (the JS side turns DataView and SharedArrayBuffer into a Uint8Array); taking their bytes pins
 * the ArrayBuffer (a later transfer() copies instead of detaching). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "engine/bigmem.h"
#include "engine/engine.h"
#include "engine/jsstr.h"
#include "engine/utf8.h"
#include "runtime/bindings.h"
#include "web/encoding.h"

#define FN(name) static JSValueRef name(JSContextRef ctx, JSObjectRef f, JSObjectRef self, size_t argc, \
                                        const JSValueRef argv[], JSValueRef *exc)

/* The bytes of a typed array or ArrayBuffer; false for anything else. A detached buffer has no
 * bytes. */
static bool view_bytes(JSContextRef ctx, JSValueRef v, const uint8_t **p, size_t *n) {
    static const uint8_t none[1];
    *p = none;
    *n = 0;
    if (!v || !JSValueIsObject(ctx, v)) return false;
    JSObjectRef o = (JSObjectRef)v;
    JSTypedArrayType t = JSValueGetTypedArrayType(ctx, v, NULL);
    if (t == kJSTypedArrayTypeNone) return false;
    if (t == kJSTypedArrayTypeArrayBuffer) {
        *n = JSObjectGetArrayBufferByteLength(ctx, o, NULL);
        *p = *n ? JSObjectGetArrayBufferBytesPtr(ctx, o, NULL) : NULL;
    } else {
        *n = JSObjectGetTypedArrayByteLength(ctx, o, NULL);
        uint8_t *base = *n ? JSObjectGetTypedArrayBytesPtr(ctx, o, NULL) : NULL;
        *p = base ? base + JSObjectGetTypedArrayByteOffset(ctx, o, NULL) : NULL;
    }
    if (!*p) {
        /* Never a NULL pointer, even for no bytes (memcpy and pointer arithmetic need one). */
        static const uint8_t none[1];
        *p = none;
        *n = 0;
    }
    return true;
}

static JSValueRef empty_string(JSContextRef ctx) {
    return dx_jsstr_from_latin1(ctx, (const uint8_t *)"", 0, NULL);
}

/* ---- TextDecoder ------------------------------------------------------------------------------ */

static JSClassRef decoder_class;

static void decoder_finalize(JSObjectRef o) {
    dx_decoder *d = JSObjectGetPrivate(o);
    if (d) {
        dx_decoder_free(d);
        free(d);
    }
}

static JSClassRef get_decoder_class(void) {
    if (!decoder_class) {
        JSClassDefinition def = kJSClassDefinitionEmpty;
        def.className = "TextDecoderHandle";
        def.finalize = decoder_finalize;
        decoder_class = JSClassCreate(&def);
    }
    return decoder_class;
}

static JSValueRef utf16_string(JSContextRef ctx, uint16_t *buf, size_t n, JSValueRef *exc) {
    JSValueRef v = n ? dx_jsstr_from_utf16(ctx, buf, n, exc) : empty_string(ctx);
    free(buf);
    return v;
}

/* lookup(label) -> the encoding's name, or undefined when the label names none we decode. */
FN(e_lookup) {
    if (argc < 1 || !JSValueIsString(ctx, argv[0])) return JSValueMakeUndefined(ctx);
    dx_strview v;
    dx_strview_open(ctx, argv[0], &v);
    char key[40];
    size_t n = v.length < sizeof key ? v.length : sizeof key;
    bool ok = v.length < sizeof key;
    for (size_t i = 0; ok && i < n; i++) {
        unsigned c = v.is8bit ? ((const uint8_t *)v.chars)[i] : ((const uint16_t *)v.chars)[i];
        if (c >= 0x80) ok = false;
        key[i] = (char)c;
    }
    dx_strview_close(&v);
    int enc = ok ? dx_enc_lookup(key, n) : -1;
    if (enc < 0) return JSValueMakeUndefined(ctx);
    return dx_cstr_value(ctx, dx_enc_get(enc)->name);
}

/* createDecoder(name, fatal, ignoreBOM) -> a handle, or undefined when no converter opens. */
FN(e_create_decoder) {
    if (argc < 3) return JSValueMakeUndefined(ctx);
    char *name = dx_to_utf8(ctx, argv[0], NULL, exc);
    if (!name) return NULL;
    int enc = dx_enc_lookup(name, strlen(name));
    free(name);
    dx_decoder *d = calloc(1, sizeof *d);
    if (!d) abort();
    if (enc < 0 || dx_decoder_init(d, enc, JSValueToBoolean(ctx, argv[1]), JSValueToBoolean(ctx, argv[2])) < 0) {
        dx_decoder_free(d);
        free(d);
        return JSValueMakeUndefined(ctx);
    }
    return JSObjectMake(ctx, get_decoder_class(), d);
}

/* UTF-8 through dx_jsstr_from_utf8 when no split character must be joined to the body. */
static JSValueRef decode_utf8(JSContextRef ctx, dx_decoder *d, const uint8_t *p, size_t n, bool flush,
                              JSValueRef *exc) {
    dx_utf8_plan plan;
    if (!dx_decoder_utf8_plan(d, p, n, flush, &plan)) {
        dx_decoder_fail(d);
        return JSValueMakeUndefined(ctx);
    }
    if (flush) d->npend = 0;
    size_t body = plan.body_end - plan.body_start;
    if (!plan.head && !plan.tail_fffd)
        return body ? dx_jsstr_from_utf8(ctx, p + plan.body_start, body, exc) : empty_string(ctx);
    uint16_t *buf = malloc((body + 3) * sizeof *buf);
    if (!buf) abort();
    size_t w = 0;
    if (plan.head >= 0x10000) {
        uint32_t c = plan.head - 0x10000;
        buf[w++] = (uint16_t)(0xD800 + (c >> 10));
        buf[w++] = (uint16_t)(0xDC00 + (c & 0x3FF));
    } else if (plan.head) {
        buf[w++] = (uint16_t)plan.head;
    }
    w += dx_utf8_to_utf16(p + plan.body_start, body, buf + w);
    if (plan.tail_fffd) buf[w++] = 0xFFFD;
    return utf16_string(ctx, buf, w, exc);
}

/* decode(handle, view, stream) -> string, or undefined on invalid data in fatal mode. */
FN(e_decode) {
    if (argc < 3 || !JSValueIsObjectOfClass(ctx, argv[0], get_decoder_class())) return JSValueMakeUndefined(ctx);
    dx_decoder *d = JSObjectGetPrivate((JSObjectRef)argv[0]);
    const uint8_t *p;
    size_t n;
    view_bytes(ctx, argv[1], &p, &n);
    bool stream = JSValueToBoolean(ctx, argv[2]);
    dx_decoder_begin(d, stream);
    bool flush = !stream;
    switch (d->kind) {
    case DX_ENC_KIND_UTF8:
        return decode_utf8(ctx, d, p, n, flush, exc);
    case DX_ENC_KIND_UTF16LE:
    case DX_ENC_KIND_UTF16BE:
        /* Whole UTF-16LE text without surrogates and without a BOM to drop is one copy. */
        if (d->kind == DX_ENC_KIND_UTF16LE && d->npend == 0 && n % 2 == 0 && n &&
            (d->bom_seen || d->ignore_bom || !(p[0] == 0xFF && p[1] == 0xFE))) {
            bool plain = true;
            for (size_t i = 1; i < n && plain; i += 2) plain = p[i] < 0xD8 || p[i] > 0xDF;
            if (plain) {
                d->bom_seen = true;
                return dx_jsstr_from_utf16_bytes(ctx, p, n, false, exc);
            }
        }
        break;
    case DX_ENC_KIND_SINGLE_BYTE:
        if (dx_single_byte_identity(d->table, p, n)) return dx_jsstr_from_latin1(ctx, p, n, exc);
        break;
    case DX_ENC_KIND_X_USER_DEFINED:
        if (dx_ascii_prefix(p, n) == n) return dx_jsstr_from_latin1(ctx, p, n, exc);
        break;
    default:
        break;
    }
    uint16_t *buf;
    size_t len;
    int r = dx_decoder_decode(d, p, n, flush, &buf, &len);
    if (r == -2) abort();
    if (r < 0) return JSValueMakeUndefined(ctx);
    return utf16_string(ctx, buf, len, exc);
}

/* ---- TextEncoder ------------------------------------------------------------------------------ */

static void free_big(void *bytes, void *size) { dx_big_free(bytes, (size_t)(uintptr_t)size); }

/* encode(string) -> Uint8Array of its UTF-8 (lone surrogates as U+FFFD). */
FN(e_encode) {
    if (argc < 1 || !JSValueIsString(ctx, argv[0]))
        return JSObjectMakeTypedArray(ctx, kJSTypedArrayTypeUint8Array, 0, exc);
    dx_strview v;
    dx_strview_open(ctx, argv[0], &v);
    size_t len = dx_strview_utf8_length(&v);
    if (len == 0) {
        dx_strview_close(&v);
        return JSObjectMakeTypedArray(ctx, kJSTypedArrayTypeUint8Array, 0, exc);
    }
    uint8_t *buf = dx_big_alloc_js(ctx, len);
    dx_strview_write_utf8(&v, buf, len, NULL);
    dx_strview_close(&v);
    JSObjectRef arr = JSObjectMakeTypedArrayWithBytesNoCopy(ctx, kJSTypedArrayTypeUint8Array, buf, len, free_big,
                                                            (void *)(uintptr_t)len, exc);
    if (!arr) dx_big_free(buf, len);
    return arr;
}

/* encodeInto(string, dest, result) writes as much UTF-8 as fits into the Uint8Array `dest`
 * (never part of a character) and stores [read UTF-16 units, written bytes] in the Uint32Array
 * `result`. */
FN(e_encode_into) {
    if (argc < 3 || !JSValueIsString(ctx, argv[0])) return JSValueMakeUndefined(ctx);
    const uint8_t *dst;
    size_t cap;
    const uint8_t *res;
    size_t rn;
    if (!view_bytes(ctx, argv[1], &dst, &cap) || !view_bytes(ctx, argv[2], &res, &rn) || rn < 8)
        return JSValueMakeUndefined(ctx);
    dx_strview v;
    dx_strview_open(ctx, argv[0], &v);
    size_t read = 0, written = cap ? dx_strview_write_utf8(&v, (uint8_t *)dst, cap, &read) : 0;
    dx_strview_close(&v);
    uint32_t out[2] = {(uint32_t)read, (uint32_t)written};
    memcpy((uint8_t *)res, out, sizeof out);
    return JSValueMakeUndefined(ctx);
}

/* ---- StringDecoder ---------------------------------------------------------------------------- */

static JSValueRef sd_emit(JSContextRef ctx, int enc, const uint8_t *head, size_t hn, const uint8_t *body,
                          size_t bn, JSValueRef *exc) {
    if (hn + bn == 0) return empty_string(ctx);
    switch (enc) {
    case DX_SD_UTF8:
        if (!hn) return dx_jsstr_from_utf8(ctx, body, bn, exc);
        {
            uint16_t *buf = malloc((hn + bn) * sizeof *buf);
            if (!buf) abort();
            size_t w = dx_utf8_to_utf16(head, hn, buf);
            w += dx_utf8_to_utf16(body, bn, buf + w);
            return utf16_string(ctx, buf, w, exc);
        }
    case DX_SD_LATIN1:
        return dx_jsstr_from_latin1(ctx, body, bn, exc);
    case DX_SD_ASCII:
        return dx_jsstr_from_ascii(ctx, body, bn, exc);
    default:
        break;
    }
    /* utf16le, base64(url), hex: the head (at most 4 bytes) and body joined, then converted. */
    uint8_t *joined = NULL;
    const uint8_t *p = body;
    size_t n = bn;
    if (hn) {
        joined = malloc(hn + bn);
        if (!joined) abort();
        memcpy(joined, head, hn);
        if (bn) memcpy(joined + hn, body, bn);
        p = joined;
        n = hn + bn;
    }
    JSValueRef r;
    if (enc == DX_SD_UTF16LE) {
        r = n >= 2 ? dx_jsstr_from_utf16_bytes(ctx, p, n, false, exc) : empty_string(ctx);
    } else {
        size_t cap = enc == DX_SD_HEX ? 2 * n : dx_sd_base64_len(n, enc == DX_SD_BASE64URL);
        char *s = malloc(cap + 1);
        if (!s) abort();
        size_t w;
        if (enc == DX_SD_HEX) {
            static const char hexd[] = "0123456789abcdef";
            for (size_t i = 0; i < n; i++) {
                s[2 * i] = hexd[p[i] >> 4];
                s[2 * i + 1] = hexd[p[i] & 15];
            }
            w = 2 * n;
        } else {
            w = dx_sd_base64_encode(p, n, enc == DX_SD_BASE64URL, s);
        }
        r = dx_jsstr_from_latin1(ctx, (const uint8_t *)s, w, exc);
        free(s);
    }
    free(joined);
    return r;
}

static uint8_t *sd_state(JSContextRef ctx, JSValueRef v) {
    const uint8_t *p;
    size_t n;
    if (!view_bytes(ctx, v, &p, &n) || n < DX_SD_SIZE) return NULL;
    return (uint8_t *)p;
}

/* write(state, view) -> the text of the complete characters; the rest stays in `state`. */
FN(e_sd_write) {
    uint8_t *st = argc >= 2 ? sd_state(ctx, argv[0]) : NULL;
    const uint8_t *p;
    size_t n;
    if (!st || !view_bytes(ctx, argv[1], &p, &n)) return empty_string(ctx);
    dx_sd_plan plan;
    dx_sd_plan_write(st, p, n, &plan);
    return sd_emit(ctx, st[DX_SD_ENCODING], plan.head, plan.head_len, p + plan.body_start,
                   plan.body_end - plan.body_start, exc);
}

/* flush(state) -> the text of the held bytes (what end() adds); clears them. */
FN(e_sd_flush) {
    uint8_t *st = argc >= 1 ? sd_state(ctx, argv[0]) : NULL;
    if (!st) return empty_string(ctx);
    dx_sd_plan plan;
    dx_sd_plan_end(st, &plan);
    return sd_emit(ctx, st[DX_SD_ENCODING], NULL, 0, plan.head, plan.head_len, exc);
}

JSObjectRef dx__encoding_binding(JSContextRef ctx) {
    static const dx_fn_entry fns[] = {
        {"lookup", e_lookup},
        {"createDecoder", e_create_decoder},
        {"decode", e_decode},
        {"encode", e_encode},
        {"encodeInto", e_encode_into},
        {"sdWrite", e_sd_write},
        {"sdFlush", e_sd_flush},
        {NULL, NULL},
    };
    return dx_make_binding(ctx, fns);
}
