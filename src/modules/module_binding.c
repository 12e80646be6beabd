/* internalBinding('modules'): compiling CommonJS modules and -e code, and the C resolver. */
#include <stdlib.h>
#include <string.h>

#include "engine/engine.h"
#include "modules/resolve.h"
#include "runtime/builtins.h"
#include "runtime/runtime.h"

#define FN(name) static JSValueRef name(JSContextRef ctx, JSObjectRef f, JSObjectRef self, size_t argc, \
                                        const JSValueRef argv[], JSValueRef *exc)

static dx_resolver *resolver;

static dx_resolver *get_resolver(JSContextRef ctx) {
    if (!resolver) {
        /* The public built-in ids, for "imports" targets that name one. */
        const char **ids = calloc(dx_builtin_count + 1, sizeof *ids);
        size_t n = 0;
        for (size_t i = 0; i < dx_builtin_count; i++)
            if (strncmp(dx_builtin_sources[i].id, "internal/", 9) != 0) ids[n++] = dx_builtin_sources[i].id;
        resolver = dx_resolver_new(dx_runtime_of(ctx)->opts->exec_path, ids);
        free(ids);
    }
    return resolver;
}

/* compileFunction(source, filename) -> the module wrapper function; throws the SyntaxError. */
FN(m_compile_function) {
    size_t len;
    char *src = dx_to_utf8(ctx, argv[0], &len, exc);
    if (!src) return NULL;
    char *file = dx_to_utf8(ctx, argv[1], NULL, exc);
    if (!file) { free(src); return NULL; }
    JSObjectRef fn = dx_compile_wrapped(ctx, DX_CJS_WRAPPER_PREFIX, src, len, file, exc);
    free(src);
    free(file);
    return fn;
}

/* evalScript(source, filename) -> completion value of a global script (-e, -p, stdin). */
FN(m_eval_script) {
    JSStringRef s = JSValueToStringCopy(ctx, argv[0], exc);
    if (!s) return NULL;
    char *file = dx_to_utf8(ctx, argv[1], NULL, exc);
    if (!file) { JSStringRelease(s); return NULL; }
    JSStringRef u = dx_jsstr(file);
    JSValueRef r = JSEvaluateScript(ctx, s, NULL, u, 1, exc);
    JSStringRelease(s);
    JSStringRelease(u);
    free(file);
    return r;
}

static char **string_list(JSContextRef ctx, JSValueRef v, JSValueRef *exc) {
    if (!JSValueIsObject(ctx, v)) return NULL;
    JSObjectRef arr = (JSObjectRef)v;
    size_t n = (size_t)JSValueToNumber(ctx, dx_get(ctx, arr, "length"), NULL);
    char **list = calloc(n + 1, sizeof *list);
    for (size_t i = 0; i < n; i++) {
        list[i] = dx_to_utf8(ctx, JSObjectGetPropertyAtIndex(ctx, arr, (unsigned)i, NULL), NULL, exc);
        if (!list[i]) list[i] = strdup("");
    }
    return list;
}

static void free_list(char **list) {
    if (!list) return;
    for (char **p = list; *p; p++) free(*p);
    free(list);
}

/* resolve(request, parentFilename|null, paths|undefined, conditions) -> [absolute path, warning|undefined];
 * throws Node's error (code MODULE_NOT_FOUND, ERR_PACKAGE_PATH_NOT_EXPORTED, ...; `path` when a
 * package.json is involved). */
FN(m_resolve) {
    char *request = NULL, *parent = NULL, *out = NULL;
    char **paths = NULL, **conds = NULL;
    JSValueRef r = NULL;
    request = dx_to_utf8(ctx, argv[0], NULL, exc);
    if (!request) goto out;
    if (argc > 1 && JSValueIsString(ctx, argv[1])) parent = dx_to_utf8(ctx, argv[1], NULL, exc);
    if (argc > 2) paths = string_list(ctx, argv[2], exc);
    if (argc > 3) conds = string_list(ctx, argv[3], exc);
    dx_resolve_error err = {0};
    if (dx_resolve_cjs(get_resolver(ctx), request, parent, (const char *const *)paths, (const char *const *)conds, &out,
                       &err) == 0) {
        JSValueRef pair[2] = {dx_str_value(ctx, out, strlen(out)),
                              err.warning ? dx_str_value(ctx, err.warning, strlen(err.warning)) : JSValueMakeUndefined(ctx)};
        r = JSObjectMakeArray(ctx, 2, pair, NULL);
    } else {
        /* Messages can exceed dx_make_error's buffer (long paths): build the error here. */
        JSValueRef msg = dx_str_value(ctx, err.message, strlen(err.message));
        JSObjectRef ctor = (JSObjectRef)dx_get(ctx, JSContextGetGlobalObject(ctx), err.type);
        JSObjectRef e = JSObjectCallAsConstructor(ctx, ctor, 1, &msg, NULL);
        dx_set(ctx, e, "code", dx_cstr_value(ctx, err.code));
        if (err.path) dx_set(ctx, e, "path", dx_str_value(ctx, err.path, strlen(err.path)));
        *exc = e;
    }
    free(err.message);
    free(err.path);
    free(err.warning);
out:
    free(request);
    free(parent);
    free(out);
    free_list(paths);
    free_list(conds);
    return r;
}

/* nodeModulePaths(dir) -> module.paths for a directory. */
FN(m_node_module_paths) {
    char *dir = dx_to_utf8(ctx, argv[0], NULL, exc);
    if (!dir) return NULL;
    char **list = dx_node_module_paths(dir);
    free(dir);
    size_t n = 0;
    while (list && list[n]) n++;
    JSValueRef *vals = malloc(sizeof(JSValueRef) * (n + 1));
    for (size_t i = 0; i < n; i++) vals[i] = dx_str_value(ctx, list[i], strlen(list[i]));
    JSObjectRef arr = JSObjectMakeArray(ctx, n, vals, NULL);
    free(vals);
    free_list(list);
    return arr;
}

/* packageType(filename) -> "module" | "commonjs" | undefined; throws ERR_INVALID_PACKAGE_CONFIG. */
FN(m_package_type) {
    char *file = dx_to_utf8(ctx, argv[0], NULL, exc);
    if (!file) return NULL;
    const char *type = NULL;
    dx_resolve_error err = {0};
    JSValueRef r = JSValueMakeUndefined(ctx);
    if (dx_resolver_package_type(get_resolver(ctx), file, &type, &err) < 0) {
        JSValueRef msg = dx_str_value(ctx, err.message, strlen(err.message));
        JSObjectRef e = JSObjectMakeError(ctx, 1, &msg, NULL);
        dx_set(ctx, e, "code", dx_cstr_value(ctx, err.code));
        *exc = e;
        r = NULL;
    } else if (type) {
        r = dx_str_value(ctx, type, strlen(type));
    }
    free(err.message);
    free(err.path);
    free(file);
    return r;
}

/* globalPaths() -> NODE_PATH entries and the other global folders (Module.globalPaths). */
FN(m_global_paths) {
    const char *const *g = dx_resolver_global_paths(get_resolver(ctx));
    size_t n = 0;
    while (g[n]) n++;
    JSValueRef *vals = malloc(sizeof(JSValueRef) * (n + 1));
    for (size_t i = 0; i < n; i++) vals[i] = dx_str_value(ctx, g[i], strlen(g[i]));
    JSObjectRef arr = JSObjectMakeArray(ctx, n, vals, NULL);
    free(vals);
    return arr;
}

JSObjectRef dx__modules_binding(JSContextRef ctx) {
    static const dx_fn_entry fns[] = {
        {"compileFunction", m_compile_function},
        {"evalScript", m_eval_script},
        {"resolve", m_resolve},
        {"nodeModulePaths", m_node_module_paths},
        {"globalPaths", m_global_paths},
        {"packageType", m_package_type},
        {NULL, NULL},
    };
    JSObjectRef b = dx_make_binding(ctx, fns);
    dx_set(ctx, b, "wrapperPrefixLength", JSValueMakeNumber(ctx, (double)strlen(DX_CJS_WRAPPER_PREFIX)));
    return b;
}
