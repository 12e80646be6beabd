/* internalBinding('modules'): compiling CommonJS modules and -e code, and the C resolver. */
#include <stdlib.h>
#include <string.h>

#include "compiler/compiler.h"
#include "compiler/transforms/esm.h"
#include "compiler/transforms/transforms.h"
#include "engine/engine.h"
#include "modules/cjs_lexer.h"
#include "modules/resolve.h"
#include "runtime/builtins.h"
#include "runtime/runtime.h"

#define FN(name) static JSValueRef name(JSContextRef ctx, JSObjectRef f, JSObjectRef self, size_t argc, \
                                        const JSValueRef argv[], JSValueRef *exc)

static dx_resolver *resolver;

static void free_resolve_error(dx_resolve_error *err);

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
    size_t len;
    char *src = dx_to_utf8(ctx, argv[0], &len, exc);
    if (!src) return NULL;
    dx_rewrite_dynamic_import(src, len);
    JSStringRef s = JSValueToStringCopy(ctx, dx_str_value(ctx, src, len), NULL);
    free(src);
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
    free_resolve_error(&err);
out:
    free(request);
    free(parent);
    free(out);
    free_list(paths);
    free_list(conds);
    return r;
}

/* Throws err as Node's error object: class err->type, `code`, and `path`/`url` when set. */
static void throw_resolve_error(JSContextRef ctx, dx_resolve_error *err, JSValueRef *exc) {
    JSValueRef msg = dx_str_value(ctx, err->message, strlen(err->message));
    JSObjectRef ctor = (JSObjectRef)dx_get(ctx, JSContextGetGlobalObject(ctx), err->type ? err->type : "Error");
    JSObjectRef e = JSObjectCallAsConstructor(ctx, ctor, 1, &msg, NULL);
    dx_set(ctx, e, "code", dx_cstr_value(ctx, err->code));
    if (err->path) dx_set(ctx, e, "path", dx_str_value(ctx, err->path, strlen(err->path)));
    if (err->url) dx_set(ctx, e, "url", dx_str_value(ctx, err->url, strlen(err->url)));
    *exc = e;
}

static void free_resolve_error(dx_resolve_error *err) {
    free(err->message);
    free(err->path);
    free(err->warning);
    free(err->url);
}

/* resolveEsm(specifier, parentURL|null, conditions) -> URL string; throws Node's ESM resolution error. */
FN(m_resolve_esm) {
    char *spec = NULL, *parent = NULL, *out = NULL;
    char **conds = NULL;
    JSValueRef r = NULL;
    dx_resolve_error err = {0};
    spec = dx_to_utf8(ctx, argv[0], NULL, exc);
    if (!spec) goto out;
    if (argc > 1 && JSValueIsString(ctx, argv[1])) parent = dx_to_utf8(ctx, argv[1], NULL, exc);
    if (argc > 2) conds = string_list(ctx, argv[2], exc);
    if (dx_resolve_esm(get_resolver(ctx), spec, parent, (const char *const *)conds, &out, &err) == 0)
        r = dx_str_value(ctx, out, strlen(out));
    else
        throw_resolve_error(ctx, &err, exc);
out:
    free_resolve_error(&err);
    free(spec);
    free(parent);
    free(out);
    free_list(conds);
    return r;
}

/* esmFormat(path) -> "module" | "commonjs" | "json" | ...; throws ERR_UNKNOWN_FILE_EXTENSION. */
FN(m_esm_format) {
    char *path = dx_to_utf8(ctx, argv[0], NULL, exc);
    if (!path) return NULL;
    dx_resolve_error err = {0};
    const char *fmt_name = dx_esm_format(get_resolver(ctx), path, &err);
    JSValueRef r = NULL;
    if (fmt_name) r = dx_cstr_value(ctx, fmt_name);
    else throw_resolve_error(ctx, &err, exc);
    free_resolve_error(&err);
    free(path);
    return r;
}

/* pathToFileURL(absolutePath) -> href; fileURLToPath(href) -> path (throws Node's errors). */
FN(m_path_to_file_url) {
    char *path = dx_to_utf8(ctx, argv[0], NULL, exc);
    if (!path) return NULL;
    char *u = dx_path_to_file_url(path);
    JSValueRef r = dx_str_value(ctx, u, strlen(u));
    free(u);
    free(path);
    return r;
}

FN(m_file_url_to_path) {
    char *url = dx_to_utf8(ctx, argv[0], NULL, exc);
    if (!url) return NULL;
    char *path = NULL;
    dx_resolve_error err = {0};
    JSValueRef r = NULL;
    if (dx_file_url_to_path(url, &path, &err) == 0) r = dx_str_value(ctx, path, strlen(path));
    else throw_resolve_error(ctx, &err, exc);
    free_resolve_error(&err);
    free(path);
    free(url);
    return r;
}

static js_lang lang_of(const char *format) {
    if (strstr(format, "tsx")) return JS_LANG_TSX;
    if (strstr(format, "typescript")) return JS_LANG_TS;
    if (strstr(format, "jsx")) return JS_LANG_JSX;
    return JS_LANG_JS;
}

static JSValueRef jstr(JSContextRef ctx, js_str s) { return dx_str_value(ctx, s.ptr, s.len); }

/* A SyntaxError for the first parse error, with JSC's `line`/`column`/`sourceURL` properties so the
 * uncaught-error printer shows the file and line as it does for scripts. */
static void throw_parse_error(JSContextRef ctx, const js_ast *ast, const char *url, JSValueRef *exc) {
    const js_error *e = &ast->errors[0];
    JSValueRef msg = dx_cstr_value(ctx, e->message);
    JSObjectRef err = JSObjectMakeError(ctx, 1, &msg, NULL);
    JSObjectRef ctor = (JSObjectRef)dx_get(ctx, JSContextGetGlobalObject(ctx), "SyntaxError");
    JSObjectSetPrototype(ctx, err, dx_get(ctx, ctor, "prototype"));
    dx_set(ctx, err, "line", JSValueMakeNumber(ctx, e->line));
    dx_set(ctx, err, "column", JSValueMakeNumber(ctx, e->col));
    dx_set(ctx, err, "sourceURL", dx_cstr_value(ctx, url));
    *exc = err;
}

/* compileModule(source, url, format) -> the ES module record data: { fn, requests: [{specifier,
 * attributes}], imports: [{request, name, line, column}], exports: [{kind, name, request, imported}],
 * async, defaultFnName }. fn is the generator function of compiler/transforms/esm.h. Throws the
 * SyntaxError of a module that does not parse. */
FN(m_compile_module) {
    size_t len;
    char *src = NULL, *url = NULL, *format = NULL, *code = NULL;
    js_ast *ast = NULL;
    JSValueRef r = NULL;
    src = dx_to_utf8(ctx, argv[0], &len, exc);
    if (!src) goto out;
    url = dx_to_utf8(ctx, argv[1], NULL, exc);
    if (!url) goto out;
    format = dx_to_utf8(ctx, argv[2], NULL, exc);
    if (!format) goto out;
    js_parse_options po = {.goal = JS_GOAL_MODULE, .filename = url, .lang = lang_of(format)};
    ast = js_parse(src, len, &po);
    if (!ast) abort();
    if (ast->nerrors) { throw_parse_error(ctx, ast, url, exc); goto out; }
    if (po.lang == JS_LANG_TS || po.lang == JS_LANG_TSX) {
        if (js_ts_lower(ast, &(js_ts_options){.filename = url}) < 0) abort();
    }
    if (po.lang == JS_LANG_JSX || po.lang == JS_LANG_TSX) {
        if (js_jsx_lower(ast, &(js_jsx_options){.filename = url}) < 0) abort();
    }
    if (ast->nerrors) { throw_parse_error(ctx, ast, url, exc); goto out; }
    js_esm_info info;
    if (js_esm_transform(ast, &info) < 0) abort();
    size_t code_len;
    code = js_print(ast->program, &(js_print_options){0}, &code_len);
    if (!code) abort();
    JSStringRef s = JSValueToStringCopy(ctx, dx_str_value(ctx, code, code_len), NULL);
    JSStringRef u = dx_jsstr(url);
    JSValueRef fn = JSEvaluateScript(ctx, s, NULL, u, 1, exc);
    JSStringRelease(s);
    JSStringRelease(u);
    if (!fn) goto out;
    JSObjectRef o = JSObjectMake(ctx, NULL, NULL);
    dx_set(ctx, o, "fn", fn);
    JSValueRef *items = malloc(sizeof(JSValueRef) * (info.nrequests + info.nimports + info.nexports + 1));
    for (uint32_t i = 0; i < info.nrequests; i++) {
        JSObjectRef q = JSObjectMake(ctx, NULL, NULL);
        dx_set(ctx, q, "specifier", jstr(ctx, info.requests[i].specifier));
        JSObjectRef attrs = JSObjectMake(ctx, NULL, NULL);
        JSObjectSetPrototype(ctx, attrs, JSValueMakeNull(ctx));
        for (uint32_t k = 0; k < info.requests[i].nattributes; k++) {
            js_node *a = info.requests[i].attributes[k];
            js_str key = a->u.prop.key->kind == JS_STRING ? a->u.prop.key->u.str.value : a->u.prop.key->u.ident.name;
            char *kz = strndup(key.ptr, key.len);
            dx_set(ctx, attrs, kz, jstr(ctx, a->u.prop.value->u.str.value));
            free(kz);
        }
        dx_set(ctx, q, "attributes", attrs);
        dx_set(ctx, q, "namespace", JSValueMakeBoolean(ctx, info.requests[i].namespace_used));
        items[i] = q;
    }
    dx_set(ctx, o, "requests", JSObjectMakeArray(ctx, info.nrequests, items, NULL));
    for (uint32_t i = 0; i < info.nimports; i++) {
        JSObjectRef q = JSObjectMake(ctx, NULL, NULL);
        dx_set(ctx, q, "request", JSValueMakeNumber(ctx, info.imports[i].request));
        dx_set(ctx, q, "name", jstr(ctx, info.imports[i].name));
        dx_set(ctx, q, "line", JSValueMakeNumber(ctx, info.imports[i].loc.line));
        dx_set(ctx, q, "column", JSValueMakeNumber(ctx, info.imports[i].loc.col + 1));
        items[i] = q;
    }
    dx_set(ctx, o, "imports", JSObjectMakeArray(ctx, info.nimports, items, NULL));
    static const char *const kinds[] = {"local", "indirect", "star"};
    for (uint32_t i = 0; i < info.nexports; i++) {
        JSObjectRef q = JSObjectMake(ctx, NULL, NULL);
        dx_set(ctx, q, "kind", dx_cstr_value(ctx, kinds[info.exports[i].kind]));
        dx_set(ctx, q, "name", jstr(ctx, info.exports[i].exported));
        dx_set(ctx, q, "request", JSValueMakeNumber(ctx, info.exports[i].request));
        dx_set(ctx, q, "imported", jstr(ctx, info.exports[i].imported));
        items[i] = q;
    }
    dx_set(ctx, o, "exports", JSObjectMakeArray(ctx, info.nexports, items, NULL));
    free(items);
    dx_set(ctx, o, "async", JSValueMakeBoolean(ctx, info.async));
    dx_set(ctx, o, "coroutine", JSValueMakeBoolean(ctx, info.coroutine));
    dx_set(ctx, o, "defaultFnName", JSValueMakeBoolean(ctx, info.default_fn_name));
    if (getenv("DX_DEBUG_ESM")) dx_set(ctx, o, "code", dx_str_value(ctx, code, code_len));
    r = o;
out:
    js_ast_free(ast);
    free(code);
    free(src);
    free(url);
    free(format);
    return r;
}

/* cjsLex(source) -> [names, reexports] detected statically in CommonJS source (empty lists when it
 * does not lex, as Node). */
FN(m_cjs_lex) {
    size_t len;
    char *src = dx_to_utf8(ctx, argv[0], &len, exc);
    if (!src) return NULL;
    dx_cjs_exports out;
    if (dx_cjs_lex(src, len, &out) < 0) abort();
    free(src);
    size_t n = out.nexports > out.nreexports ? out.nexports : out.nreexports;
    JSValueRef *vals = malloc(sizeof(JSValueRef) * (n + 1));
    for (size_t i = 0; i < out.nexports; i++) vals[i] = dx_str_value(ctx, out.exports[i].str, out.exports[i].len);
    JSValueRef pair[2];
    pair[0] = JSObjectMakeArray(ctx, out.nexports, vals, NULL);
    for (size_t i = 0; i < out.nreexports; i++) vals[i] = dx_str_value(ctx, out.reexports[i].str, out.reexports[i].len);
    pair[1] = JSObjectMakeArray(ctx, out.nreexports, vals, NULL);
    free(vals);
    dx_cjs_exports_free(&out);
    return JSObjectMakeArray(ctx, 2, pair, NULL);
}

/* Whether a program uses ES module syntax: import/export declarations, import.meta or top-level
 * await (what Node's module detection looks for). */
static bool has_module_syntax(const js_ast *ast) {
    js_list body = ast->program->u.program.body;
    for (uint32_t i = 0; i < body.len; i++) {
        int k = body.items[i]->kind;
        if (k == JS_IMPORT_DECL || k == JS_EXPORT_NAMED || k == JS_EXPORT_DEFAULT || k == JS_EXPORT_ALL) return true;
    }
    return false;
}

/* compileCjs(source, filename, format) -> JavaScript text of a CommonJS TypeScript/JSX file (types
 * erased, enums/namespaces/JSX lowered), or null when the file uses ES module syntax and must load
 * as an ES module (Node's module detection). Throws the SyntaxError of a file that does not parse. */
FN(m_compile_cjs) {
    size_t len;
    char *src = NULL, *file = NULL, *format = NULL, *code = NULL;
    js_ast *ast = NULL;
    JSValueRef r = NULL;
    src = dx_to_utf8(ctx, argv[0], &len, exc);
    if (!src) goto out;
    file = dx_to_utf8(ctx, argv[1], NULL, exc);
    if (!file) goto out;
    format = dx_to_utf8(ctx, argv[2], NULL, exc);
    if (!format) goto out;
    js_lang lang = lang_of(format);
    /* The module goal accepts everything a CommonJS body holds except top-level return, sloppy-only
     * syntax and `await` as an identifier; try it first to detect import/export. */
    js_parse_options mo = {.goal = JS_GOAL_MODULE, .filename = file, .lang = lang};
    ast = js_parse(src, len, &mo);
    if (!ast) abort();
    if (!ast->nerrors && has_module_syntax(ast)) { r = JSValueMakeNull(ctx); goto out; }
    js_ast_free(ast);
    /* A CommonJS body may `return` at the top: parse it inside the wrapper's function. */
    js_parse_options so = {.goal = JS_GOAL_SCRIPT, .filename = file, .lang = lang};
    ast = js_parse(src, len, &so);
    if (!ast) abort();
    if (ast->nerrors) { throw_parse_error(ctx, ast, file, exc); goto out; }
    if (lang == JS_LANG_TS || lang == JS_LANG_TSX) {
        if (js_ts_lower(ast, &(js_ts_options){.filename = file}) < 0) abort();
    }
    if (lang == JS_LANG_JSX || lang == JS_LANG_TSX) {
        if (js_jsx_lower(ast, &(js_jsx_options){.filename = file}) < 0) abort();
    }
    if (ast->nerrors) { throw_parse_error(ctx, ast, file, exc); goto out; }
    size_t code_len;
    code = js_print(ast->program, &(js_print_options){0}, &code_len);
    if (!code) abort();
    r = dx_str_value(ctx, code, code_len);
out:
    js_ast_free(ast);
    free(code);
    free(src);
    free(file);
    free(format);
    return r;
}

/* hasModuleSyntax(source, format) -> whether the file must load as an ES module. */
FN(m_has_module_syntax) {
    size_t len;
    char *src = dx_to_utf8(ctx, argv[0], &len, exc);
    if (!src) return NULL;
    char *format = dx_to_utf8(ctx, argv[1], NULL, exc);
    if (!format) { free(src); return NULL; }
    js_ast *ast = js_parse(src, len, &(js_parse_options){.goal = JS_GOAL_MODULE, .lang = lang_of(format)});
    if (!ast) abort();
    bool esm = !ast->nerrors && has_module_syntax(ast);
    js_ast_free(ast);
    free(src);
    free(format);
    return JSValueMakeBoolean(ctx, esm);
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
        {"resolveEsm", m_resolve_esm},
        {"compileModule", m_compile_module},
        {"cjsLex", m_cjs_lex},
        {"compileCjs", m_compile_cjs},
        {"hasModuleSyntax", m_has_module_syntax},
        {"esmFormat", m_esm_format},
        {"pathToFileURL", m_path_to_file_url},
        {"fileURLToPath", m_file_url_to_path},
        {NULL, NULL},
    };
    JSObjectRef b = dx_make_binding(ctx, fns);
    dx_set(ctx, b, "wrapperPrefixLength", JSValueMakeNumber(ctx, (double)strlen(DX_CJS_WRAPPER_PREFIX)));
    return b;
}
