/* Small helpers over the JavaScriptCore C API: strings, properties, functions, errors.
 * All of them must be called with the context's API lock held (inside the runtime's one entry). */
#ifndef DX_ENGINE_ENGINE_H
#define DX_ENGINE_ENGINE_H

#include <JavaScriptCore/JavaScript.h>
#include <stdbool.h>
#include <stddef.h>

/* A JSStringRef from a C string; the caller releases it. */
JSStringRef dx_jsstr(const char *s);
/* A JS string value from UTF-8 bytes (invalid sequences become U+FFFD). */
JSValueRef dx_str_value(JSContextRef ctx, const char *s, size_t len);
static inline JSValueRef dx_cstr_value(JSContextRef ctx, const char *s);
/* UTF-8 copy of a value's string conversion; caller frees. NULL (and *exc set) if toString threw. */
char *dx_to_utf8(JSContextRef ctx, JSValueRef v, size_t *len_out, JSValueRef *exc);

JSValueRef dx_get(JSContextRef ctx, JSObjectRef obj, const char *name);
void dx_set(JSContextRef ctx, JSObjectRef obj, const char *name, JSValueRef v);
/* Defines a non-enumerable data property. */
void dx_define_hidden(JSContextRef ctx, JSObjectRef obj, const char *name, JSValueRef v);
void dx_set_fn(JSContextRef ctx, JSObjectRef obj, const char *name, JSObjectCallAsFunctionCallback fn);

/* One row of a binding: a name and its C function (CONVENTIONS: declarative tables). */
typedef struct dx_fn_entry {
    const char *name;
    JSObjectCallAsFunctionCallback fn;
} dx_fn_entry;
/* A plain object holding the functions of a NULL-terminated table. */
JSObjectRef dx_make_binding(JSContextRef ctx, const dx_fn_entry *fns);

/* Errors thrown by bindings: a new `Error`/`TypeError` with message and optional `code`. */
JSValueRef dx_make_error(JSContextRef ctx, const char *type, const char *code, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* A libuv error as Node shapes it: `ENOENT: no such file or directory, open 'x'` with
 * errno (negative), code, syscall and path. */
JSValueRef dx_make_uv_error(JSContextRef ctx, int uv_err, const char *syscall, const char *path);

static inline JSValueRef dx_cstr_value(JSContextRef ctx, const char *s) {
    JSStringRef js = dx_jsstr(s);
    JSValueRef v = JSValueMakeString(ctx, js);
    JSStringRelease(js);
    return v;
}

#endif
