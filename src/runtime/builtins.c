#include "runtime/builtins.h"

#include "compiler/compiler.h"
#include "compiler/transforms/walk.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/engine.h"

const dx_builtin_source *dx_builtin_find(const char *id) {
    for (size_t i = 0; i < dx_builtin_count; i++)
        if (strcmp(dx_builtin_sources[i].id, id) == 0) return &dx_builtin_sources[i];
    return NULL;
}

/* Finds import() calls with the compiler and respells them; code the compiler rejects is left as it
 * is (JSC reports its own error). */
static bool respell_import(js_node **slot, void *ud) {
    char *buf = ud;
    if ((*slot)->kind == JS_IMPORT_CALL) memcpy(buf + (*slot)->loc.offset, "_$dxim", 6);
    return true;
}

void dx_rewrite_dynamic_import(char *buf, size_t len) {
    if (!memmem(buf, len, "import", 6)) return;
    js_ast *ast = js_parse(buf, len, &(js_parse_options){.goal = JS_GOAL_SCRIPT});
    if (!ast) return;
    if (!ast->nerrors) js__walk(&ast->program, respell_import, buf);
    js_ast_free(ast);
}

JSObjectRef dx_compile_wrapped(JSContextRef ctx, const char *prefix, const char *src, size_t len,
                               const char *url, JSValueRef *exc) {
    size_t plen = strlen(prefix), slen = strlen(DX_WRAPPER_SUFFIX);
    char *buf = malloc(plen + len + slen + 1);
    if (!buf) abort();
    memcpy(buf, prefix, plen);
    memcpy(buf + plen, src, len);
    /* A hashbang line is a comment for the wrapped body. */
    if (len >= 2 && src[0] == '#' && src[1] == '!') buf[plen] = buf[plen + 1] = '/';
    memcpy(buf + plen + len, DX_WRAPPER_SUFFIX, slen + 1);
    if (strcmp(prefix, DX_CJS_WRAPPER_PREFIX) == 0) dx_rewrite_dynamic_import(buf, plen + len + slen);
    JSValueRef source = dx_str_value(ctx, buf, plen + len + slen);
    free(buf);
    JSStringRef s = JSValueToStringCopy(ctx, source, NULL);
    JSStringRef u = dx_jsstr(url);
    JSValueRef fn = JSEvaluateScript(ctx, s, NULL, u, 1, exc);
    JSStringRelease(s);
    JSStringRelease(u);
    if (!fn || !JSValueIsObject(ctx, fn)) return NULL;
    return (JSObjectRef)fn;
}

/* compileBuiltin(id) -> the module's wrapper function, or undefined if no such built-in. */
static JSValueRef compile_builtin(JSContextRef ctx, JSObjectRef f, JSObjectRef self, size_t argc,
                                  const JSValueRef argv[], JSValueRef *exc) {
    if (argc < 1) return JSValueMakeUndefined(ctx);
    char *id = dx_to_utf8(ctx, argv[0], NULL, exc);
    if (!id) return NULL;
    const dx_builtin_source *b = dx_builtin_find(id);
    JSValueRef r = JSValueMakeUndefined(ctx);
    if (b) {
        char url[300];
        snprintf(url, sizeof url, "node:%s", id);
        JSObjectRef fn = dx_compile_wrapped(ctx, DX_BUILTIN_WRAPPER_PREFIX, b->src, b->len, url, exc);
        r = fn;
    }
    free(id);
    return r;
}

/* ids() -> array of every built-in id. */
static JSValueRef builtin_ids(JSContextRef ctx, JSObjectRef f, JSObjectRef self, size_t argc,
                              const JSValueRef argv[], JSValueRef *exc) {
    JSValueRef *vals = malloc(sizeof(JSValueRef) * (dx_builtin_count + 1));
    for (size_t i = 0; i < dx_builtin_count; i++) vals[i] = dx_cstr_value(ctx, dx_builtin_sources[i].id);
    JSObjectRef arr = JSObjectMakeArray(ctx, dx_builtin_count, vals, exc);
    free(vals);
    return arr;
}

/* source(id) -> the embedded source text of a built-in, or undefined (for error headers). */
static JSValueRef builtin_source(JSContextRef ctx, JSObjectRef f, JSObjectRef self, size_t argc,
                                 const JSValueRef argv[], JSValueRef *exc) {
    if (argc < 1) return JSValueMakeUndefined(ctx);
    char *id = dx_to_utf8(ctx, argv[0], NULL, exc);
    if (!id) return NULL;
    const dx_builtin_source *b = dx_builtin_find(id);
    free(id);
    return b ? dx_str_value(ctx, b->src, b->len) : JSValueMakeUndefined(ctx);
}

/* primordialNames() -> the identifiers primordials.js captures at start-up. */
static JSValueRef builtin_primordial_names(JSContextRef ctx, JSObjectRef f, JSObjectRef self, size_t argc,
                                            const JSValueRef argv[], JSValueRef *exc) {
    size_t n = 0;
    while (dx_builtin_primordial_names[n]) n++;
    JSValueRef *vals = malloc(sizeof(JSValueRef) * (n + 1));
    for (size_t i = 0; i < n; i++) vals[i] = dx_cstr_value(ctx, dx_builtin_primordial_names[i]);
    JSObjectRef arr = JSObjectMakeArray(ctx, n, vals, exc);
    free(vals);
    return arr;
}

JSObjectRef dx__builtins_binding(JSContextRef ctx) {
    static const dx_fn_entry fns[] = {
        {"compileBuiltin", compile_builtin},
        {"source", builtin_source},
        {"primordialNames", builtin_primordial_names},
        {"ids", builtin_ids},
        {NULL, NULL},
    };
    JSObjectRef b = dx_make_binding(ctx, fns);
    dx_set(ctx, b, "wrapperPrefixLength", JSValueMakeNumber(ctx, (double)strlen(DX_BUILTIN_WRAPPER_PREFIX)));
    return b;
}
