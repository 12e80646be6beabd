#include "engine/engine.h"
#include "engine/jsstr.h"
#include "engine/fastfn.h"
#include "engine/value.h"
#include "engine/utf8.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <uv.h>

JSStringRef dx_jsstr(const char *s) { return JSStringCreateWithUTF8CString(s); }

JSValueRef dx_str_value(JSContextRef ctx, const char *s, size_t len) {
    /* Through jsstr: an 8-bit string when the text fits Latin-1, as JSC makes from source text
     * (the public API below always makes a 16-bit one). */
    JSValueRef fast = dx_jsstr_from_utf8(ctx, (const uint8_t *)s, len, NULL);
    if (fast) return fast;
    JSChar stackbuf[512];
    JSChar *buf = len <= 512 ? stackbuf : malloc(len * sizeof(JSChar));
    stackbuf[0] = 0;
    if (!buf) abort();
    size_t n = dx_utf8_to_utf16((const unsigned char *)s, len, buf);
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
    for (; fns->name; fns++) {
        /* Binding functions are called often and do little per call: skip the API's lock drop. */
        JSStringRef k = dx_jsstr(fns->name);
        JSObjectSetProperty(ctx, o, k, dx_make_fast_function(ctx, fns->name, fns->fn), kJSPropertyAttributeNone, NULL);
        JSStringRelease(k);
    }
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

bool dx_value_check(JSContextRef ctx) {
    static const double samples[] = {0, -0.0, 1, -1, 2147483647.0, -2147483648.0, 2147483648.0, 0.5, 1e300, -INFINITY};
    if (JSValueMakeUndefined(ctx) != dx_undefined() || JSValueMakeNull(ctx) != dx_null() ||
        JSValueMakeBoolean(ctx, true) != dx_boolean(true) || JSValueMakeBoolean(ctx, false) != dx_boolean(false))
        return false;
    for (size_t i = 0; i < sizeof samples / sizeof *samples; i++) {
        JSValueRef v = JSValueMakeNumber(ctx, samples[i]);
        if (v != dx_number(samples[i]) || !dx_is_number(v) || dx_is_cell(v)) return false;
        double back = dx_number_value(v);
        if (memcmp(&back, &samples[i], 8) != 0) return false;
    }
    JSValueRef nan = JSValueMakeNumber(ctx, NAN);
    if (!dx_is_number(nan) || !isnan(dx_number_value(nan)) || !isnan(dx_number_value(dx_number(NAN)))) return false;
    JSValueRef obj = JSObjectMake(ctx, NULL, NULL);
    return dx_is_cell(obj) && dx_is_cell(JSValueMakeString(ctx, NULL)) && !dx_is_cell(dx_undefined()) &&
           !dx_is_cell(dx_null()) && !dx_is_cell(dx_boolean(true));
}
