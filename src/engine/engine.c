#include "engine/engine.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <uv.h>

JSStringRef dx_jsstr(const char *s) { return JSStringCreateWithUTF8CString(s); }

/* Decodes UTF-8 into UTF-16, replacing every invalid sequence with U+FFFD as the WHATWG decoder does
 * (maximal subpart rule), so that no input can make the conversion fail. */
static size_t utf8_to_utf16(const unsigned char *s, size_t n, JSChar *out) {
    size_t i = 0, o = 0;
    while (i < n) {
        unsigned c = s[i];
        if (c < 0x80) { out[o++] = (JSChar)c; i++; continue; }
        unsigned need, cp, lo = 0x80, hi = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) { need = 1; cp = c & 0x1F; }
        else if (c >= 0xE0 && c <= 0xEF) { need = 2; cp = c & 0x0F; if (c == 0xE0) lo = 0xA0; if (c == 0xED) hi = 0x9F; }
        else if (c >= 0xF0 && c <= 0xF4) { need = 3; cp = c & 0x07; if (c == 0xF0) lo = 0x90; if (c == 0xF4) hi = 0x8F; }
        else { out[o++] = 0xFFFD; i++; continue; }
        size_t j = i + 1;
        unsigned k;
        for (k = 0; k < need; k++, j++) {
            if (j >= n) break;
            unsigned b = s[j];
            if (b < lo || b > hi) break;
            lo = 0x80; hi = 0xBF;
            cp = (cp << 6) | (b & 0x3F);
        }
        if (k < need) { out[o++] = 0xFFFD; i = j; continue; }
        i = j;
        if (cp >= 0x10000) {
            cp -= 0x10000;
            out[o++] = (JSChar)(0xD800 + (cp >> 10));
            out[o++] = (JSChar)(0xDC00 + (cp & 0x3FF));
        } else {
            out[o++] = (JSChar)cp;
        }
    }
    return o;
}

JSValueRef dx_str_value(JSContextRef ctx, const char *s, size_t len) {
    JSChar stackbuf[512];
    JSChar *buf = len <= 512 ? stackbuf : malloc(len * sizeof(JSChar));
    stackbuf[0] = 0;
    if (!buf) abort();
    size_t n = utf8_to_utf16((const unsigned char *)s, len, buf);
    JSStringRef js = JSStringCreateWithCharacters(buf, n);
    if (buf != stackbuf) free(buf);
    JSValueRef v = JSValueMakeString(ctx, js);
    JSStringRelease(js);
    return v;
}

char *dx_to_utf8(JSContextRef ctx, JSValueRef v, size_t *len_out, JSValueRef *exc) {
    JSStringRef s = JSValueToStringCopy(ctx, v, exc);
    if (!s) return NULL;
    size_t cap = JSStringGetMaximumUTF8CStringSize(s);
    char *buf = malloc(cap);
    if (!buf) abort();
    size_t n = JSStringGetUTF8CString(s, buf, cap);
    JSStringRelease(s);
    if (len_out) *len_out = n ? n - 1 : 0;
    return buf;
}

JSValueRef dx_get(JSContextRef ctx, JSObjectRef obj, const char *name) {
    JSStringRef k = dx_jsstr(name);
    JSValueRef v = JSObjectGetProperty(ctx, obj, k, NULL);
    JSStringRelease(k);
    return v;
}

void dx_set(JSContextRef ctx, JSObjectRef obj, const char *name, JSValueRef v) {
    JSStringRef k = dx_jsstr(name);
    JSObjectSetProperty(ctx, obj, k, v, kJSPropertyAttributeNone, NULL);
    JSStringRelease(k);
}

void dx_define_hidden(JSContextRef ctx, JSObjectRef obj, const char *name, JSValueRef v) {
    JSStringRef k = dx_jsstr(name);
    JSObjectSetProperty(ctx, obj, k, v, kJSPropertyAttributeDontEnum, NULL);
    JSStringRelease(k);
}

void dx_set_fn(JSContextRef ctx, JSObjectRef obj, const char *name, JSObjectCallAsFunctionCallback fn) {
    JSStringRef k = dx_jsstr(name);
    JSObjectRef f = JSObjectMakeFunctionWithCallback(ctx, k, fn);
    JSObjectSetProperty(ctx, obj, k, f, kJSPropertyAttributeNone, NULL);
    JSStringRelease(k);
}

JSObjectRef dx_make_binding(JSContextRef ctx, const dx_fn_entry *fns) {
    JSObjectRef o = JSObjectMake(ctx, NULL, NULL);
    for (; fns->name; fns++) dx_set_fn(ctx, o, fns->name, fns->fn);
    return o;
}

JSValueRef dx_make_error(JSContextRef ctx, const char *type, const char *code, const char *fmt, ...) {
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    JSObjectRef global = JSContextGetGlobalObject(ctx);
    JSValueRef ctor = dx_get(ctx, global, type ? type : "Error");
    JSValueRef arg = dx_str_value(ctx, msg, strlen(msg));
    JSObjectRef err = JSObjectCallAsConstructor(ctx, (JSObjectRef)ctor, 1, &arg, NULL);
    if (code) dx_set(ctx, err, "code", dx_cstr_value(ctx, code));
    return err;
}

JSValueRef dx_make_uv_error(JSContextRef ctx, int uv_err, const char *syscall, const char *path) {
    char msg[2048];
    if (path)
        snprintf(msg, sizeof msg, "%s: %s, %s '%s'", uv_err_name(uv_err), uv_strerror(uv_err), syscall, path);
    else
        snprintf(msg, sizeof msg, "%s: %s, %s", uv_err_name(uv_err), uv_strerror(uv_err), syscall);
    JSValueRef arg = dx_str_value(ctx, msg, strlen(msg));
    JSObjectRef err = JSObjectMakeError(ctx, 1, &arg, NULL);
    dx_set(ctx, err, "errno", JSValueMakeNumber(ctx, uv_err));
    dx_set(ctx, err, "code", dx_cstr_value(ctx, uv_err_name(uv_err)));
    dx_set(ctx, err, "syscall", dx_cstr_value(ctx, syscall));
    if (path) dx_set(ctx, err, "path", dx_str_value(ctx, path, strlen(path)));
    return err;
}
