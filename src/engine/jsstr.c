/* Bulk string conversions (jsstr.h). The portable path uses only the public C API; the fast path
 * (jsstr_fast.c) is used when its start-up self-test passed. */
#include "engine/jsstr.h"
#include "engine/bigmem.h"
#include "engine/engine.h"
#include "engine/jsstr_fast.h"
#include "engine/utf8.h"

#include <stdlib.h>
#include <string.h>

/* JSC's String::MaxLength. */
#define DX_MAX_STRING_LENGTH 0x7fffffffu

static JSValueRef too_long(JSContextRef ctx, JSValueRef *exc) {
    if (exc)
        *exc = dx_make_error(ctx, "Error", "ERR_STRING_TOO_LONG",
                             "Cannot create a string longer than 0x%x characters", DX_MAX_STRING_LENGTH);
    return NULL;
}

static void *xmalloc(size_t n) {
    void *p = malloc(n ? n : 1);
    if (!p) abort();
    return p;
}

/* Takes ownership of `buf` (malloc'd, n units). */
static JSValueRef make_utf16_owned(JSContextRef ctx, uint16_t *buf, size_t n) {
    JSStringRef s = JSStringCreateWithCharacters(buf, n);
    free(buf);
    JSValueRef v = JSValueMakeString(ctx, s);
    JSStringRelease(s);
    return v;
}

JSValueRef dx_jsstr_from_latin1(JSContextRef ctx, const uint8_t *p, size_t n, JSValueRef *exc) {
    if (n > DX_MAX_STRING_LENGTH) return too_long(ctx, exc);
    if (dx__jsstr_fast_ok()) return dx__jsstr_fast_latin1(ctx, p, n);
    uint16_t *buf = xmalloc(n * 2);
    for (size_t i = 0; i < n; i++) buf[i] = p[i];
    return make_utf16_owned(ctx, buf, n);
}

uint8_t *dx_jsstr_latin1_begin(JSContextRef ctx, size_t n, dx_strbuild *b, JSValueRef *exc) {
    if (n > DX_MAX_STRING_LENGTH) {
        too_long(ctx, exc);
        return NULL;
    }
    b->n = n;
    b->impl = dx__jsstr_fast_ok() ? dx__jsstr_fast_begin8(ctx, n, &b->chars) : NULL;
    if (!b->impl) b->chars = dx_big_alloc(n);
    return b->chars;
}

JSValueRef dx_jsstr_latin1_end(JSContextRef ctx, dx_strbuild *b) {
    if (b->impl) return dx__jsstr_fast_finish(ctx, b->impl);
    JSValueRef v = dx_jsstr_from_latin1(ctx, b->chars, b->n, NULL);
    dx_big_free(b->chars, b->n);
    return v;
}

JSValueRef dx_jsstr_from_ascii(JSContextRef ctx, const uint8_t *p, size_t n, JSValueRef *exc) {
    size_t i = dx_ascii_prefix(p, n);
    if (i == n) return dx_jsstr_from_latin1(ctx, p, n, exc);
    dx_strbuild b;
    uint8_t *d = dx_jsstr_latin1_begin(ctx, n, &b, exc);
    if (!d) return NULL;
    memcpy(d, p, i);
    for (; i < n; i++) d[i] = p[i] & 0x7f;
    return dx_jsstr_latin1_end(ctx, &b);
}

JSValueRef dx_jsstr_from_utf16(JSContextRef ctx, const uint16_t *p, size_t n, JSValueRef *exc) {
    if (n > DX_MAX_STRING_LENGTH) return too_long(ctx, exc);
    if (dx__jsstr_fast_ok()) return dx__jsstr_fast_utf16(ctx, p, n);
    JSStringRef s = JSStringCreateWithCharacters(p, n);
    JSValueRef v = JSValueMakeString(ctx, s);
    JSStringRelease(s);
    return v;
}

JSValueRef dx_jsstr_from_utf16_bytes(JSContextRef ctx, const uint8_t *p, size_t n, bool big_endian,
                                     JSValueRef *exc) {
    size_t units = n / 2;
    if (units > DX_MAX_STRING_LENGTH) return too_long(ctx, exc);
    /* Little-endian host (x86-64, aarch64): aligned little-endian bytes are already UTF-16. */
    if (!big_endian && ((uintptr_t)p & 1) == 0) return dx_jsstr_from_utf16(ctx, (const uint16_t *)p, units, exc);
    uint16_t *buf = xmalloc(units * 2);
    if (big_endian) {
        for (size_t i = 0; i < units; i++) buf[i] = (uint16_t)(p[2 * i] << 8 | p[2 * i + 1]);
    } else {
        memcpy(buf, p, units * 2); /* little-endian host (x86-64, aarch64) */
    }
    JSValueRef v = dx_jsstr_from_utf16(ctx, buf, units, exc);
    free(buf);
    return v;
}

/* Well-formed UTF-8 decoded straight into a string of the right width and length (the scan gave
 * both): no scratch buffer. NULL when the direct path is off. */
static JSValueRef from_valid_utf8(JSContextRef ctx, const uint8_t *p, size_t n, size_t a, const dx_utf8_info *info,
                                  JSValueRef *exc) {
    size_t units = a + info->units;
    if (units > DX_MAX_STRING_LENGTH) return too_long(ctx, exc);
    if (!info->wide) {
        uint8_t *d;
        void *impl = dx__jsstr_fast_begin8(ctx, units, &d);
        if (!impl) return NULL;
        memcpy(d, p, a);
        dx_utf8_valid_to_latin1(p + a, n - a, d + a, units - a);
        return dx__jsstr_fast_finish(ctx, impl);
    }
    uint16_t *d;
    void *impl = dx__jsstr_fast_begin16(ctx, units, &d);
    if (!impl) return NULL;
    dx_utf8_valid_to_utf16(p, a, d, a); /* ASCII: widened */
    dx_utf8_valid_to_utf16(p + a, n - a, d + a, units - a);
    return dx__jsstr_fast_finish(ctx, impl);
}

JSValueRef dx_jsstr_from_utf8(JSContextRef ctx, const uint8_t *p, size_t n, JSValueRef *exc) {
    size_t a = dx_ascii_prefix(p, n);
    if (a == n) return dx_jsstr_from_latin1(ctx, p, n, exc);
    dx_utf8_info info;
    dx_utf8_scan(p + a, n - a, &info);
    if (info.valid && dx__jsstr_fast_ok()) {
        JSValueRef v = from_valid_utf8(ctx, p, n, a, &info, exc);
        if (v || (exc && *exc)) return v;
    }
    /* The result has at most n UTF-16 units. The well-formed part goes through the vector path. */
    uint16_t *buf = xmalloc(n * 2);
    size_t good = a + (info.valid ? n - a : info.valid_len);
    size_t units = dx_utf8_valid_to_utf16(p, good, buf, n);
    units += dx_utf8_to_utf16_scalar(p + good, n - good, buf + units);
    if (units > DX_MAX_STRING_LENGTH) {
        free(buf);
        return too_long(ctx, exc);
    }
    /* Text that fits Latin-1 becomes an 8-bit string, as JSC would make it. */
    bool latin1 = true;
    for (size_t i = a; i < units && latin1; i++) latin1 = buf[i] < 0x100;
    JSValueRef v;
    if (latin1 && dx__jsstr_fast_ok()) {
        uint8_t *b8 = (uint8_t *)buf; /* narrow in place: byte i is written after unit i is read */
        for (size_t i = 0; i < units; i++) b8[i] = (uint8_t)buf[i];
        v = dx__jsstr_fast_latin1(ctx, b8, units);
    } else {
        v = dx_jsstr_from_utf16(ctx, buf, units, exc);
    }
    free(buf);
    return v;
}

void dx_strview_open(JSContextRef ctx, JSValueRef value, dx_strview *out) {
    memset(out, 0, sizeof *out);
    out->ref = JSValueToStringCopy(ctx, value, NULL);
    if (!out->ref) { /* not reachable for strings; keep the view valid and empty */
        out->chars = "";
        out->is8bit = true;
        return;
    }
    if (dx__jsstr_fast_ok() && dx__jsstr_fast_view(out)) return;
    out->chars = JSStringGetCharactersPtr(out->ref);
    out->length = JSStringGetLength(out->ref);
    out->is8bit = false;
}

void dx_strview_close(dx_strview *v) {
    if (v->ref) JSStringRelease(v->ref);
    memset(v, 0, sizeof *v);
}

size_t dx_strview_utf8_length(const dx_strview *v) {
    size_t n = v->length, len = 0;
    if (v->is8bit) {
        const uint8_t *p = v->chars;
        size_t i = 0;
        for (; i + 8 <= n; i += 8) {
            uint64_t w;
            memcpy(&w, p + i, 8);
            len += 8 + (size_t)__builtin_popcountll(w & 0x8080808080808080ull);
        }
        for (; i < n; i++) len += 1 + (p[i] >> 7);
        return len;
    }
    const uint16_t *u = v->chars;
    for (size_t i = 0; i < n; i++) {
        uint16_t c = u[i];
        if (c < 0x80) len += 1;
        else if (c < 0x800) len += 2;
        else if (c >= 0xD800 && c <= 0xDBFF && i + 1 < n && u[i + 1] >= 0xDC00 && u[i + 1] <= 0xDFFF) {
            len += 4;
            i++;
        } else len += 3; /* BMP character, or a lone surrogate written as U+FFFD */
    }
    return len;
}

size_t dx_strview_write_utf8(const dx_strview *v, uint8_t *out, size_t cap, size_t *chars_read) {
    size_t n = v->length, o = 0, i = 0;
    if (v->is8bit) {
        /* Runs of ASCII are copied as they are (found with the vector scan); each other Latin-1
         * character takes two bytes. */
        const uint8_t *p = v->chars;
        while (i < n) {
            size_t room = cap - o, lim = n - i < room ? n - i : room;
            size_t a = dx_ascii_prefix(p + i, lim);
            memcpy(out + o, p + i, a);
            i += a;
            o += a;
            if (a == lim) break;   /* the end of the input, or of the room */
            uint8_t c = p[i];
            if (o + 2 > cap) break;
            out[o++] = (uint8_t)(0xC0 | c >> 6);
            out[o++] = (uint8_t)(0x80 | (c & 0x3F));
            i++;
        }
    } else {
        const uint16_t *u = v->chars;
        for (; i < n; i++) {
            uint32_t c = u[i];
            size_t step = 1;
            if (c >= 0xD800 && c <= 0xDFFF) {
                if (c <= 0xDBFF && i + 1 < n && u[i + 1] >= 0xDC00 && u[i + 1] <= 0xDFFF) {
                    c = 0x10000 + ((c - 0xD800) << 10) + (u[i + 1] - 0xDC00);
                    step = 2;
                } else {
                    c = 0xFFFD;
                }
            }
            if (c < 0x80) {
                if (o + 1 > cap) break;
                out[o++] = (uint8_t)c;
            } else if (c < 0x800) {
                if (o + 2 > cap) break;
                out[o++] = (uint8_t)(0xC0 | c >> 6);
                out[o++] = (uint8_t)(0x80 | (c & 0x3F));
            } else if (c < 0x10000) {
                if (o + 3 > cap) break;
                out[o++] = (uint8_t)(0xE0 | c >> 12);
                out[o++] = (uint8_t)(0x80 | ((c >> 6) & 0x3F));
                out[o++] = (uint8_t)(0x80 | (c & 0x3F));
            } else {
                if (o + 4 > cap) break;
                out[o++] = (uint8_t)(0xF0 | c >> 18);
                out[o++] = (uint8_t)(0x80 | ((c >> 12) & 0x3F));
                out[o++] = (uint8_t)(0x80 | ((c >> 6) & 0x3F));
                out[o++] = (uint8_t)(0x80 | (c & 0x3F));
            }
            i += step - 1;
        }
    }
    if (chars_read) *chars_read = i;
    return o;
}

bool dx_jsstr_fast_paths(void) { return dx__jsstr_fast_ok(); }
