/* internalBinding('modules'): compiling CommonJS modules and -e code, and the C resolver. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compiler/compiler.h"
#include "compiler/transforms/esm.h"
#include "compiler/transforms/transforms.h"
#include "engine/engine.h"
#include "modules/cjs_lexer.h"
#include "modules/module_maps.h"
#include "modules/resolve.h"
#include "modules/transpile_cache.h"
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
    char *file = dx_to_utf8(ctx, argv[1], NULL, exc);
    if (!file) { JSStringRelease(s); free(src); return NULL; }
    JSStringRef u = dx_jsstr(file);
    JSValueRef r = JSEvaluateScript(ctx, s, NULL, u, 1, exc);
    JSStringRelease(s);
    if (!r && memmem(src, len, "using", 5)) {
        /* JSC does not parse `using` declarations: lowered by the compiler, if that parses it. */
        js_ast *ast = js_parse(src, len, &(js_parse_options){.goal = JS_GOAL_SCRIPT, .filename = file});
        if (!ast) abort();
        if (!ast->nerrors) {
            if (js_using_lower(ast) < 0) abort();
            size_t code_len;
            char *code = js_print(ast->program, &(js_print_options){0}, &code_len);
            if (!code) abort();
            JSStringRef c = JSValueToStringCopy(ctx, dx_str_value(ctx, code, code_len), NULL);
            free(code);
            *exc = NULL;
            r = JSEvaluateScript(ctx, c, NULL, u, 1, exc);
            JSStringRelease(c);
        }
        js_ast_free(ast);
    }
    JSStringRelease(u);
    free(src);
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
    /* the uncaught-error printer puts a caret there (JSC's own syntax errors have no column) */
    dx_define_hidden(ctx, err, "dxColumn", JSValueMakeNumber(ctx, e->col));
    *exc = err;
}

/* ---- compiling with the transpile cache and source maps (modules/transpile_cache.h,
 * modules/module_maps.h) ---- */

/* Prints the transformed tree with a source map; fills c->code/c->map with malloc'd buffers the
 * caller frees (*code, *map). Aborts only when memory runs out, as the rest of the binding does. */
static void print_with_map(const js_ast *ast, const char *src, size_t len, dx_compiled *c, char **code,
                           uint8_t **map) {
    dx_map_builder b;
    dx_map_builder_init(&b, src, len);
    size_t code_len, map_len;
    *code = js_print(ast->program, &(js_print_options){.on_mapping = dx_map_on_mapping, .mapping_ud = &b}, &code_len);
    if (!*code || dx_map_builder_finish(&b, *code, code_len, map, &map_len) < 0) abort();
    dx_map_builder_free(&b);
    c->code = (dx_cstr){*code, (uint32_t)code_len};
    c->map = (dx_cstr){(const char *)*map, (uint32_t)map_len};
}

/* The ES module record data of js_esm_transform as a dx_compiled (strings borrowed from the tree). */
static void esm_info_to_compiled(const js_esm_info *info, dx_compiled *c) {
    c->flags = (info->async ? DX_COMPILED_ASYNC : 0) | (info->coroutine ? DX_COMPILED_COROUTINE : 0) |
               (info->default_fn_name ? DX_COMPILED_DEFAULT_FN_NAME : 0);
    size_t nattrs = 0;
    for (uint32_t i = 0; i < info->nrequests; i++) nattrs += info->requests[i].nattributes;
    c->requests = calloc(info->nrequests + 1, sizeof *c->requests);
    c->attr_store = calloc(2 * nattrs + 1, sizeof *c->attr_store);
    c->imports = calloc(info->nimports + 1, sizeof *c->imports);
    c->exports = calloc(info->nexports + 1, sizeof *c->exports);
    if (!c->requests || !c->attr_store || !c->imports || !c->exports) abort();
    size_t used = 0;
    for (uint32_t i = 0; i < info->nrequests; i++) {
        const js_esm_request *q = &info->requests[i];
        dx_compiled_request *d = &c->requests[i];
        d->specifier = (dx_cstr){q->specifier.ptr, q->specifier.len};
        d->namespace_used = q->namespace_used;
        d->nattributes = q->nattributes;
        d->attributes = c->attr_store + used;
        for (uint32_t k = 0; k < q->nattributes; k++) {
            const js_node *a = q->attributes[k];
            js_str key = a->u.prop.key->kind == JS_STRING ? a->u.prop.key->u.str.value : a->u.prop.key->u.ident.name;
            c->attr_store[used++] = (dx_cstr){key.ptr, key.len};
            c->attr_store[used++] = (dx_cstr){a->u.prop.value->u.str.value.ptr, a->u.prop.value->u.str.value.len};
        }
    }
    c->nrequests = info->nrequests;
    for (uint32_t i = 0; i < info->nimports; i++) {
        const js_esm_import *q = &info->imports[i];
        c->imports[i] = (dx_compiled_import){q->request, {q->name.ptr, q->name.len}, q->loc.line, q->loc.col};
    }
    c->nimports = info->nimports;
    for (uint32_t i = 0; i < info->nexports; i++) {
        const js_esm_export *q = &info->exports[i];
        c->exports[i] = (dx_compiled_export){q->kind, {q->exported.ptr, q->exported.len}, q->request,
                                             {q->imported.ptr, q->imported.len}};
    }
    c->nexports = info->nexports;
}

/* Looks the compilation up in the transpile cache: true with *c decoded from *payload (which the
 * caller frees after using *c). */
static bool cache_lookup(const dx_tc_key *key, const char *label, dx_compiled *c, uint8_t **payload) {
    size_t len;
    *payload = NULL;
    if (!dx_tc_enabled() || dx_tc_get(key, label, payload, &len) < 0) return false;
    if (dx_compiled_decode(*payload, len, c) == 0) return true;
    /* A valid entry whose payload does not decode: a layout change without a version bump. The
     * compilation that follows rewrites it. */
    free(*payload);
    *payload = NULL;
    return false;
}

static void cache_store(const dx_tc_key *key, const char *label, const dx_compiled *c) {
    if (!dx_tc_enabled()) return;
    uint8_t *payload;
    size_t len;
    if (dx_compiled_encode(c, &payload, &len) < 0) return;
    dx_tc_put(key, label, payload, len);
    free(payload);
}

/* The cache key's "kind": the loader ("esm", "cjs"), the format, which selects the language, and the
 * file, which the output may name (JSX development mode's fileName) even though it does not today. */
static dx_tc_key cache_key(const char *loader, const char *format, const char *file, const char *src, size_t len) {
    char *kind = NULL;
    if (asprintf(&kind, "%s:%s:%s", loader, format, file) < 0) abort();
    dx_tc_key k = dx_tc_key_of(kind, src, len);
    free(kind);
    return k;
}

/* compileModule(source, url, format) -> the ES module record data: { fn, requests: [{specifier,
 * attributes}], imports: [{request, name, line, column}], exports: [{kind, name, request, imported}],
 * async, defaultFnName }. fn is the generator function of compiler/transforms/esm.h. Throws the
 * SyntaxError of a module that does not parse. The compiled code, record data and source map come
 * from the transpile cache when it has them; the map is registered under url for mapPosition. */
FN(m_compile_module) {
    size_t len;
    char *src = NULL, *url = NULL, *format = NULL, *code = NULL;
    uint8_t *map = NULL, *payload = NULL;
    js_ast *ast = NULL;
    dx_compiled c = {0};
    JSValueRef r = NULL;
    src = dx_to_utf8(ctx, argv[0], &len, exc);
    if (!src) goto out;
    url = dx_to_utf8(ctx, argv[1], NULL, exc);
    if (!url) goto out;
    format = dx_to_utf8(ctx, argv[2], NULL, exc);
    if (!format) goto out;
    dx_tc_key key = cache_key("esm", format, url, src, len);
    if (!cache_lookup(&key, url, &c, &payload)) {
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
        if (js_using_lower(ast) < 0) abort();
        js_esm_info info;
        if (js_esm_transform(ast, &info) < 0) abort();
        esm_info_to_compiled(&info, &c);
        print_with_map(ast, src, len, &c, &code, &map);
        cache_store(&key, url, &c);
    }
    dx_module_maps_register(url, (const uint8_t *)c.map.ptr, c.map.len);
    JSStringRef s = JSValueToStringCopy(ctx, dx_str_value(ctx, c.code.ptr, c.code.len), NULL);
    JSStringRef u = dx_jsstr(url);
    JSValueRef fn = JSEvaluateScript(ctx, s, NULL, u, 1, exc);
    JSStringRelease(s);
    JSStringRelease(u);
    if (!fn) goto out;
    JSObjectRef o = JSObjectMake(ctx, NULL, NULL);
    dx_set(ctx, o, "fn", fn);
    JSValueRef *items = malloc(sizeof(JSValueRef) * (c.nrequests + c.nimports + c.nexports + 1));
    for (uint32_t i = 0; i < c.nrequests; i++) {
        const dx_compiled_request *rq = &c.requests[i];
        JSObjectRef q = JSObjectMake(ctx, NULL, NULL);
        dx_set(ctx, q, "specifier", dx_str_value(ctx, rq->specifier.ptr, rq->specifier.len));
        JSObjectRef attrs = JSObjectMake(ctx, NULL, NULL);
        JSObjectSetPrototype(ctx, attrs, JSValueMakeNull(ctx));
        for (uint32_t k = 0; k < rq->nattributes; k++) {
            dx_cstr key_s = rq->attributes[2 * k], val = rq->attributes[2 * k + 1];
            char *kz = strndup(key_s.ptr, key_s.len);
            dx_set(ctx, attrs, kz, dx_str_value(ctx, val.ptr, val.len));
            free(kz);
        }
        dx_set(ctx, q, "attributes", attrs);
        dx_set(ctx, q, "namespace", JSValueMakeBoolean(ctx, rq->namespace_used));
        items[i] = q;
    }
    dx_set(ctx, o, "requests", JSObjectMakeArray(ctx, c.nrequests, items, NULL));
    for (uint32_t i = 0; i < c.nimports; i++) {
        JSObjectRef q = JSObjectMake(ctx, NULL, NULL);
        dx_set(ctx, q, "request", JSValueMakeNumber(ctx, c.imports[i].request));
        dx_set(ctx, q, "name", dx_str_value(ctx, c.imports[i].name.ptr, c.imports[i].name.len));
        dx_set(ctx, q, "line", JSValueMakeNumber(ctx, c.imports[i].line));
        dx_set(ctx, q, "column", JSValueMakeNumber(ctx, c.imports[i].col + 1.0));
        items[i] = q;
    }
    dx_set(ctx, o, "imports", JSObjectMakeArray(ctx, c.nimports, items, NULL));
    static const char *const kinds[] = {"local", "indirect", "star"};
    for (uint32_t i = 0; i < c.nexports; i++) {
        const dx_compiled_export *e = &c.exports[i];
        JSObjectRef q = JSObjectMake(ctx, NULL, NULL);
        dx_set(ctx, q, "kind", dx_cstr_value(ctx, kinds[e->kind]));
        dx_set(ctx, q, "name", dx_str_value(ctx, e->exported.ptr, e->exported.len));
        dx_set(ctx, q, "request", JSValueMakeNumber(ctx, e->request));
        dx_set(ctx, q, "imported", dx_str_value(ctx, e->imported.ptr, e->imported.len));
        items[i] = q;
    }
    dx_set(ctx, o, "exports", JSObjectMakeArray(ctx, c.nexports, items, NULL));
    free(items);
    dx_set(ctx, o, "async", JSValueMakeBoolean(ctx, c.flags & DX_COMPILED_ASYNC));
    dx_set(ctx, o, "coroutine", JSValueMakeBoolean(ctx, c.flags & DX_COMPILED_COROUTINE));
    dx_set(ctx, o, "defaultFnName", JSValueMakeBoolean(ctx, c.flags & DX_COMPILED_DEFAULT_FN_NAME));
    if (getenv("DX_DEBUG_ESM")) dx_set(ctx, o, "code", dx_str_value(ctx, c.code.ptr, c.code.len));
    r = o;
out:
    dx_compiled_free(&c);
    js_ast_free(ast);
    free(code);
    free(map);
    free(payload);
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

/* Whether a program has import/export declarations (the rest of Node's module detection, import.meta
 * and top-level await, shows as a failed script parse: see the callers). */
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
 * as an ES module (Node's module detection). Throws the SyntaxError of a file that does not parse.
 * Both answers come from the transpile cache when it has them; the source map of the text is
 * registered under filename for mapPosition (positions in the text, before the wrapper). */
FN(m_compile_cjs) {
    size_t len;
    char *src = NULL, *file = NULL, *format = NULL, *code = NULL;
    uint8_t *map = NULL, *payload = NULL;
    js_ast *ast = NULL;
    dx_compiled c = {0};
    JSValueRef r = NULL;
    src = dx_to_utf8(ctx, argv[0], &len, exc);
    if (!src) goto out;
    file = dx_to_utf8(ctx, argv[1], NULL, exc);
    if (!file) goto out;
    format = dx_to_utf8(ctx, argv[2], NULL, exc);
    if (!format) goto out;
    dx_tc_key key = cache_key("cjs", format, file, src, len);
    if (!cache_lookup(&key, file, &c, &payload)) {
        js_lang lang = lang_of(format);
        /* The module goal accepts everything a CommonJS body holds except top-level return, sloppy-only
         * syntax and `await` as an identifier; try it first to detect import/export. */
        js_parse_options mo = {.goal = JS_GOAL_MODULE, .filename = file, .lang = lang};
        ast = js_parse(src, len, &mo);
        if (!ast) abort();
        bool module_ok = !ast->nerrors;
        bool esm = module_ok && has_module_syntax(ast);
        js_ast_free(ast);
        ast = NULL;
        if (!esm) {
            /* As the body of the CommonJS wrapper: top-level `return` and `using` are allowed. */
            js_parse_options so = {.goal = JS_GOAL_SCRIPT, .filename = file, .lang = lang, .cjs_body = true};
            ast = js_parse(src, len, &so);
            if (!ast) abort();
            /* Node's detection: a file that fails as CommonJS but parses as a module (top-level
             * await, import.meta) is one. */
            esm = ast->nerrors && module_ok;
        }
        if (esm) {
            c.flags = DX_COMPILED_MODULE_SYNTAX;
            cache_store(&key, file, &c);
            r = JSValueMakeNull(ctx);
            goto out;
        }
        if (ast->nerrors) { throw_parse_error(ctx, ast, file, exc); goto out; }
        if (lang == JS_LANG_TS || lang == JS_LANG_TSX) {
            if (js_ts_lower(ast, &(js_ts_options){.filename = file}) < 0) abort();
        }
        if (lang == JS_LANG_JSX || lang == JS_LANG_TSX) {
            if (js_jsx_lower(ast, &(js_jsx_options){.filename = file}) < 0) abort();
        }
        if (ast->nerrors) { throw_parse_error(ctx, ast, file, exc); goto out; }
        if (js_using_lower(ast) < 0) abort();
        print_with_map(ast, src, len, &c, &code, &map);
        cache_store(&key, file, &c);
    }
    if (c.flags & DX_COMPILED_MODULE_SYNTAX) {
        r = JSValueMakeNull(ctx);
        goto out;
    }
    dx_module_maps_register(file, (const uint8_t *)c.map.ptr, c.map.len);
    r = dx_str_value(ctx, c.code.ptr, c.code.len);
out:
    dx_compiled_free(&c);
    js_ast_free(ast);
    free(code);
    free(map);
    free(payload);
    free(src);
    free(file);
    free(format);
    return r;
}

/* mapPosition(fileOrUrl, line, column) -> [source, line, column, name|undefined] or undefined:
 * where a position of compiled code (1-based line and column, as JSC's stack frames report them;
 * for CommonJS, the column on line 1 without the wrapper's prefix) was in the original file. See
 * dx_map_lookup for how columns inside a mapped token move. */
FN(m_map_position) {
    if (argc < 3 || !JSValueIsString(ctx, argv[0])) return JSValueMakeUndefined(ctx);
    double line = JSValueToNumber(ctx, argv[1], NULL), col = JSValueToNumber(ctx, argv[2], NULL);
    if (!(line >= 1 && line <= UINT32_MAX && col >= 1 && col <= UINT32_MAX)) return JSValueMakeUndefined(ctx);
    size_t len;
    char *key = dx_to_utf8(ctx, argv[0], &len, exc);
    if (!key) return NULL;
    dx_map_pos pos;
    char name[256];
    JSValueRef r = JSValueMakeUndefined(ctx);
    if (dx_module_maps_lookup(key, (uint32_t)line, (uint32_t)col, &pos, name, sizeof name)) {
        JSValueRef items[4] = {argv[0], JSValueMakeNumber(ctx, pos.line), JSValueMakeNumber(ctx, pos.col),
                               pos.name ? dx_cstr_value(ctx, pos.name) : JSValueMakeUndefined(ctx)};
        r = JSObjectMakeArray(ctx, 4, items, NULL);
    }
    free(key);
    return r;
}

/* hasModuleSyntax(source, format) -> whether the file must load as an ES module. */
FN(m_has_module_syntax) {
    size_t len;
    char *src = dx_to_utf8(ctx, argv[0], &len, exc);
    if (!src) return NULL;
    char *format = dx_to_utf8(ctx, argv[1], NULL, exc);
    if (!format) { free(src); return NULL; }
    js_lang lang = lang_of(format);
    js_ast *ast = js_parse(src, len, &(js_parse_options){.goal = JS_GOAL_MODULE, .lang = lang});
    if (!ast) abort();
    bool module_ok = !ast->nerrors;
    bool esm = module_ok && has_module_syntax(ast);
    js_ast_free(ast);
    if (module_ok && !esm) {
        /* no import/export: a module all the same when it fails as a script (top-level await,
         * import.meta), as Node's detection decides */
        ast = js_parse(src, len, &(js_parse_options){.goal = JS_GOAL_SCRIPT, .lang = lang});
        if (!ast) abort();
        esm = ast->nerrors > 0;
        js_ast_free(ast);
    }
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

/* packageJson(filename) -> the path of the package.json of its package scope, or undefined. */
FN(m_package_json) {
    char *file = dx_to_utf8(ctx, argv[0], NULL, exc);
    if (!file) return NULL;
    const char *p = dx_resolver_package_json(get_resolver(ctx), file);
    free(file);
    return p ? dx_cstr_value(ctx, p) : JSValueMakeUndefined(ctx);
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
        {"packageJson", m_package_json},
        {"resolveEsm", m_resolve_esm},
        {"compileModule", m_compile_module},
        {"cjsLex", m_cjs_lex},
        {"compileCjs", m_compile_cjs},
        {"mapPosition", m_map_position},
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
