/* Node's CommonJS resolution: LOAD_AS_FILE, LOAD_AS_DIRECTORY, LOAD_NODE_MODULES, package "exports",
 * "imports" and self-reference, as Node 24's lib/internal/modules/cjs/loader.js and the ESM
 * resolver's PACKAGE_*_RESOLVE algorithms behave (see the Node docs "All together" pseudocode). */
#include "modules/resolve.h"

#include <ctype.h>
#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "modules/pkgjson.h"

struct dx_resolver {
    dx_pkgcache *pkgs;
    char **global_paths;    /* NULL-terminated */
    char **builtins;        /* NULL-terminated */
};

/* What PACKAGE_TARGET_RESOLVE can answer. */
typedef enum { T_RESOLVED, T_NULL, T_UNDEFINED, T_ERROR } target_result;

static const char *const kExtensions[] = {".js", ".json", ".node", NULL};

/* ---- small string helpers ---- */

static char *xstrdup(const char *s) {
    char *d = strdup(s);
    if (!d) abort();
    return d;
}

static char *fmt(const char *f, ...) __attribute__((format(printf, 1, 2)));
static char *fmt(const char *f, ...) {
    va_list ap;
    va_start(ap, f);
    char *s = NULL;
    if (vasprintf(&s, f, ap) < 0) abort();
    va_end(ap);
    return s;
}

static bool starts(const char *s, const char *p) { return strncmp(s, p, strlen(p)) == 0; }
static bool ends(const char *s, const char *suffix) {
    size_t a = strlen(s), b = strlen(suffix);
    return a >= b && strcmp(s + a - b, suffix) == 0;
}

static int set_err(dx_resolve_error *err, const char *code, const char *type, char *message) {
    free(err->message);
    err->code = code;
    err->type = type;
    err->message = message;
    return -1;
}

/* Collapses "//", "/./" and "/../" of an absolute path in place (path.resolve's normalisation). */
static void normalize(char *p) {
    char *out = p;
    const char *in = p;
    while (*in) {
        while (*in == '/') in++;
        if (!*in) break;
        const char *seg = in;
        while (*in && *in != '/') in++;
        size_t len = (size_t)(in - seg);
        if (len == 1 && seg[0] == '.') continue;
        if (len == 2 && seg[0] == '.' && seg[1] == '.') {
            while (out > p && *--out != '/') {}
            continue;
        }
        *out++ = '/';
        memmove(out, seg, len);
        out += len;
    }
    if (out == p) *out++ = '/';
    *out = 0;
}

/* dir + "/" + rel, normalised. rel may be absolute. */
static char *join(const char *dir, const char *rel) {
    char *s = rel[0] == '/' ? xstrdup(rel) : fmt("%s/%s", dir, rel);
    normalize(s);
    return s;
}

static char *dirname_of(const char *path) {
    const char *slash = strrchr(path, '/');
    if (!slash || slash == path) return xstrdup("/");
    char *d = xstrdup(path);
    d[slash - path] = 0;
    return d;
}

static int stat_kind(const char *path) { /* 0 file, 1 directory, -1 neither */
    struct stat st;
    if (stat(path, &st) != 0) return -1;
    if (S_ISDIR(st.st_mode)) return 1;
    return S_ISREG(st.st_mode) ? 0 : -1;
}

/* realpath() results, remembered for the life of the thread as Node's CommonJS loader remembers
 * them (its realpathCache): resolving a large graph asks for the same directories thousands of
 * times, and each realpath() costs a readlink per path component. Open addressing, string keys. */
typedef struct { char *path, *real; } real_entry;
static _Thread_local real_entry *real_table;
static _Thread_local size_t real_cap, real_count;

static size_t hash_str(const char *s) {
    size_t h = 1469598103934665603u;
    for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211u;
    return h;
}

static void real_cache_clear(void) {
    for (size_t i = 0; i < real_cap; i++) { free(real_table[i].path); free(real_table[i].real); }
    free(real_table);
    real_table = NULL;
    real_cap = real_count = 0;
}

static void real_cache_put(char *path, char *r) {
    if ((real_count + 1) * 2 > real_cap) {
        size_t cap = real_cap ? real_cap * 2 : 256;
        real_entry *t = calloc(cap, sizeof *t);
        if (!t) abort();
        for (size_t i = 0; i < real_cap; i++) {
            if (!real_table[i].path) continue;
            size_t j = hash_str(real_table[i].path) & (cap - 1);
            while (t[j].path) j = (j + 1) & (cap - 1);
            t[j] = real_table[i];
        }
        free(real_table);
        real_table = t;
        real_cap = cap;
    }
    size_t j = hash_str(path) & (real_cap - 1);
    while (real_table[j].path) j = (j + 1) & (real_cap - 1);
    real_table[j] = (real_entry){path, r};
    real_count++;
}

static char *real(const char *path) {
    if (real_cap) {
        for (size_t j = hash_str(path) & (real_cap - 1); real_table[j].path; j = (j + 1) & (real_cap - 1))
            if (strcmp(real_table[j].path, path) == 0) return xstrdup(real_table[j].real);
    }
    char *r = realpath(path, NULL);
    if (!r) return xstrdup(path); /* not cached: the file may appear later */
    real_cache_put(xstrdup(path), xstrdup(r));
    return r;
}

/* JSON text of a target for error messages (JSON.stringify of strings, numbers, literals). */
static char *stringify(const dx_json *v) {
    switch (v->type) {
    case DX_JSON_NULL: return xstrdup("null");
    case DX_JSON_TRUE: return xstrdup("true");
    case DX_JSON_FALSE: return xstrdup("false");
    case DX_JSON_NUMBER: return fmt("%.17g", v->number);
    case DX_JSON_STRING: {
        char *o = malloc(v->length * 6 + 3);
        if (!o) abort();
        size_t k = 0;
        o[k++] = '"';
        for (size_t i = 0; i < v->length; i++) {
            unsigned char c = (unsigned char)v->string[i];
            if (c == '"' || c == '\\') { o[k++] = '\\'; o[k++] = (char)c; }
            else if (c == '\n') { o[k++] = '\\'; o[k++] = 'n'; }
            else if (c < 0x20) k += (size_t)sprintf(o + k, "\\u%04x", c);
            else o[k++] = (char)c;
        }
        o[k++] = '"';
        o[k] = 0;
        return o;
    }
    case DX_JSON_ARRAY: return xstrdup("[...]");
    case DX_JSON_OBJECT: return xstrdup("{...}");
    }
    return xstrdup("?");
}

/* ---- LOAD_AS_FILE / LOAD_AS_DIRECTORY ---- */

static char *try_extensions(const char *base) {
    for (int i = 0; kExtensions[i]; i++) {
        char *p = fmt("%s%s", base, kExtensions[i]);
        if (stat_kind(p) == 0) { char *r = real(p); free(p); return r; }
        free(p);
    }
    return NULL;
}

static char *try_index(const char *dir) {
    char *base = join(dir, "index");
    char *r = try_extensions(base);
    free(base);
    return r;
}

static int invalid_config(dx_resolve_error *err, const dx_pkg *pkg, const char *detail) {
    free(err->path);
    err->path = xstrdup(pkg->path);
    return set_err(err, "ERR_INVALID_PACKAGE_CONFIG", "Error",
                   detail ? fmt("Invalid package config %s. %s", pkg->path, detail) : fmt("Invalid package config %s.", pkg->path));
}

/* A directory: package.json "main" with its fallbacks, then index files. 1 found, 0 not, -1 error. */
static int load_as_directory(dx_resolver *r, const char *dir, const char *request, char **out, dx_resolve_error *err) {
    const dx_pkg *pkg = dx_pkg_read(r->pkgs, dir);
    if (pkg->invalid) return invalid_config(err, pkg, NULL);
    const dx_json *main = pkg->exists ? pkg->main : NULL;
    if (!main || main->type != DX_JSON_STRING || main->length == 0) {
        *out = try_index(dir);
        return *out != NULL;
    }
    char *file = join(dir, main->string);
    char *found = NULL;
    if (stat_kind(file) == 0) found = real(file);
    if (!found) found = try_extensions(file);
    if (!found) found = try_index(file);
    if (!found) {
        found = try_index(dir);
        if (!found) {
            free(err->path);
            err->path = xstrdup(pkg->path);
            set_err(err, "MODULE_NOT_FOUND", "Error",
                    fmt("Cannot find module '%s'. Please verify that the package.json has a valid \"main\" entry", file));
            free(file);
            return -1;
        }
        free(err->warning);
        err->warning = fmt("Invalid 'main' field in '%s' of '%s'. Please either fix that or report it to the module author",
                           pkg->path, main->string);
    }
    (void)request;
    free(file);
    *out = found;
    return 1;
}

/* A path as a file, then as a directory (Node's _findPath for one base path). */
static int load_path(dx_resolver *r, const char *base, bool trailing_slash, const char *request, char **out,
                     dx_resolve_error *err) {
    int kind = stat_kind(base);
    if (!trailing_slash) {
        if (kind == 0) { *out = real(base); return 1; }
        if ((*out = try_extensions(base))) return 1;
    }
    if (kind == 1) return load_as_directory(r, base, request, out, err);
    return 0;
}

/* ---- package exports / imports ---- */

static int hexval(char c) { return c <= '9' ? c - '0' : (c | 32) - 'a' + 10; }

static bool is_array_index(const char *k) {
    if (!*k) return false;
    for (const char *p = k; *p; p++) if (*p < '0' || *p > '9') return false;
    return k[0] != '0' || k[1] == 0;
}

/* Whether any segment of `s` (split on / and \) is "." or ".." or "node_modules", case-insensitive and
 * percent-encoded variants included; with `empty_too`, "" segments count as well. */
static bool has_invalid_segment(const char *s, bool empty_too) {
    const char *p = s;
    for (;;) {
        const char *e = p;
        while (*e && *e != '/' && *e != '\\') e++;
        /* decode %xx for the comparison */
        char seg[32];
        size_t n = 0;
        bool too_long = false;
        for (const char *q = p; q < e; q++) {
            char c = *q;
            if (c == '%' && e - q >= 3 && isxdigit((unsigned char)q[1]) && isxdigit((unsigned char)q[2])) {
                c = (char)(hexval(q[1]) * 16 + hexval(q[2]));
                q += 2;
            }
            if (n + 1 >= sizeof seg) { too_long = true; break; }
            seg[n++] = c;
        }
        seg[n] = 0;
        if (!too_long) {
            if ((n == 0 && empty_too) || strcmp(seg, ".") == 0 || strcmp(seg, "..") == 0 ||
                strcasecmp(seg, "node_modules") == 0)
                return true;
        }
        if (!*e) return false;
        p = e + 1;
    }
}

static char *replace_star(const char *s, const char *with) {
    size_t stars = 0;
    for (const char *p = s; *p; p++) stars += *p == '*';
    size_t wl = strlen(with);
    char *o = malloc(strlen(s) + stars * wl + 1);
    if (!o) abort();
    char *q = o;
    for (const char *p = s; *p; p++) {
        if (*p == '*') { memcpy(q, with, wl); q += wl; }
        else *q++ = *p;
    }
    *q = 0;
    return o;
}

typedef struct ctx {
    dx_resolver *r;
    const dx_pkg *pkg;
    bool imports;
    const char *base;           /* parent file, shown as "imported from" in imports errors */
    const char *const *conds;
    dx_resolve_error *err;
    bool esm;                   /* ES module resolution: bare "imports" targets use PACKAGE_RESOLVE */
} ctx;

char *dx_path_to_file_url(const char *path);
static int esm_package_resolve(dx_resolver *r, const char *spec, const char *parent_path, const char *const *conds,
                               char **out, dx_resolve_error *err);

static int resolve_bare(dx_resolver *r, const char *request, const char *from_dir, const char *const *paths,
                        const char *const *conds, char **out, dx_resolve_error *err);

static target_result invalid_target(ctx *c, const char *key, const dx_json *target) {
    char *t = stringify(target);
    bool related = target->type == DX_JSON_STRING && !c->imports && target->length && !starts(target->string, "./");
    char *from = c->base ? fmt(" imported from %s", c->base) : xstrdup("");
    char *msg = strcmp(key, ".") == 0
        ? fmt("Invalid \"exports\" main target %s defined in the package config %s%s%s", t, c->pkg->path, from,
              related ? "; targets must start with \"./\"" : "")
        : fmt("Invalid \"%s\" target %s defined for '%s' in the package config %s%s%s", c->imports ? "imports" : "exports",
              t, key, c->pkg->path, from, related ? "; targets must start with \"./\"" : "");
    free(t);
    free(from);
    set_err(c->err, "ERR_INVALID_PACKAGE_TARGET", "Error", msg);
    return T_ERROR;
}

static bool is_url(const char *s) {
    if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z'))) return false;
    const char *p = s + 1;
    while ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || *p == '+' || *p == '-' || *p == '.') p++;
    return *p == ':';
}

static bool is_builtin(dx_resolver *r, const char *name) {
    for (char **b = r->builtins; b && *b; b++) if (strcmp(*b, name) == 0) return true;
    return false;
}

/* PACKAGE_TARGET_RESOLVE. `subpath` is the request being matched (for messages), `key` the matching key. */
static target_result target_resolve(ctx *c, const dx_json *target, const char *pattern_match, const char *key,
                                    const char *subpath, char **out) {
    switch (target->type) {
    case DX_JSON_STRING: {
        const char *t = target->string;
        if (!starts(t, "./")) {
            if (c->imports && !starts(t, "../") && !starts(t, "/") && !is_url(t)) {
                char *spec = pattern_match ? replace_star(t, pattern_match) : xstrdup(t);
                if (is_builtin(c->r, spec)) { *out = fmt("node:%s", spec); free(spec); return T_RESOLVED; }
                if (c->esm) {
                    char *from = join(c->pkg->dir, "package.json");
                    int erc = esm_package_resolve(c->r, spec, from, c->conds, out, c->err);
                    free(from);
                    free(spec);
                    return erc == 0 ? T_RESOLVED : T_ERROR;
                }
                int rc = resolve_bare(c->r, spec, c->pkg->dir, NULL, c->conds, out, c->err);
                if (rc == 0) {
                    set_err(c->err, "MODULE_NOT_FOUND", "Error", fmt("Cannot find module '%s'", spec));
                    rc = -1;
                }
                free(spec);
                return rc > 0 ? T_RESOLVED : T_ERROR;
            }
            return invalid_target(c, key, target);
        }
        if (has_invalid_segment(t + 2, false)) return invalid_target(c, key, target);
        if (pattern_match && has_invalid_segment(pattern_match, true)) {
            char *from = c->base ? fmt(" imported from %s", c->base) : xstrdup("");
            set_err(c->err, "ERR_INVALID_MODULE_SPECIFIER", "TypeError",
                    fmt("Invalid module \"%s\" request is not a valid match in pattern \"%s\" for the \"%s\" resolution of %s%s",
                        subpath, key, c->imports ? "imports" : "exports", c->pkg->path, from));
            free(from);
            return T_ERROR;
        }
        char *rel = pattern_match ? replace_star(t, pattern_match) : xstrdup(t);
        *out = join(c->pkg->dir, rel);
        free(rel);
        return T_RESOLVED;
    }
    case DX_JSON_OBJECT:
        for (size_t i = 0; i < target->count; i++) {
            if (is_array_index(target->keys[i])) {
                invalid_config(c->err, c->pkg, "\"exports\" cannot contain numeric property keys.");
                return T_ERROR;
            }
        }
        for (size_t i = 0; i < target->count; i++) {
            const char *cond = target->keys[i];
            bool match = strcmp(cond, "default") == 0;
            for (const char *const *k = c->conds; !match && k && *k; k++) match = strcmp(*k, cond) == 0;
            if (!match) continue;
            target_result tr = target_resolve(c, target->items[i], pattern_match, key, subpath, out);
            if (tr == T_UNDEFINED) continue;
            return tr;
        }
        return T_UNDEFINED;
    case DX_JSON_ARRAY: {
        if (target->count == 0) return T_NULL;
        target_result last = T_NULL;
        for (size_t i = 0; i < target->count; i++) {
            target_result tr = target_resolve(c, target->items[i], pattern_match, key, subpath, out);
            if (tr == T_ERROR && c->err->code && strcmp(c->err->code, "ERR_INVALID_PACKAGE_TARGET") == 0) {
                last = T_ERROR;
                continue;
            }
            if (tr == T_UNDEFINED) continue;
            if (tr == T_ERROR) return tr;
            if (tr == T_NULL) { last = T_NULL; continue; }
            if (last == T_ERROR) { free(c->err->message); c->err->message = NULL; c->err->code = NULL; }
            return tr;
        }
        return last;
    }
    case DX_JSON_NULL:
        return T_NULL;
    default:
        return invalid_target(c, key, target);
    }
}

/* PATTERN_KEY_COMPARE: <0 when a is more specific than b. */
static int pattern_key_compare(const char *a, const char *b) {
    const char *sa = strchr(a, '*'), *sb = strchr(b, '*');
    size_t ba = sa ? (size_t)(sa - a) + 1 : strlen(a);
    size_t bb = sb ? (size_t)(sb - b) + 1 : strlen(b);
    if (ba > bb) return -1;
    if (bb > ba) return 1;
    if (!sa) return 1;
    if (!sb) return -1;
    if (strlen(a) > strlen(b)) return -1;
    if (strlen(b) > strlen(a)) return 1;
    return 0;
}

/* PACKAGE_IMPORTS_EXPORTS_RESOLVE over an object of subpath (or #import) keys. */
static target_result match_resolve(ctx *c, const char *match_key, const dx_json *obj, char **out) {
    if (!strchr(match_key, '*')) {
        const dx_json *t = dx_json_get(obj, match_key);
        if (t) return target_resolve(c, t, NULL, match_key, match_key, out);
    }
    const char *best = NULL;
    const dx_json *best_target = NULL;
    char *best_sub = NULL;
    for (size_t i = 0; i < obj->count; i++) {
        const char *key = obj->keys[i];
        const char *star = strchr(key, '*');
        if (!star || strrchr(key, '*') != star) continue;
        size_t base_len = (size_t)(star - key);
        if (strncmp(match_key, key, base_len) != 0) continue;
        const char *trailer = star + 1;
        if (strlen(match_key) >= strlen(key) && ends(match_key, trailer) &&
            (!best || pattern_key_compare(best, key) == 1)) {
            best = key;
            best_target = obj->items[i];
            free(best_sub);
            size_t sub_len = strlen(match_key) - base_len - strlen(trailer);
            best_sub = strndup(match_key + base_len, sub_len);
        }
    }
    if (!best) return T_NULL;
    target_result tr = target_resolve(c, best_target, best_sub, best, match_key, out);
    free(best_sub);
    return tr;
}

/* PACKAGE_EXPORTS_RESOLVE for `subpath` ("." or "./x"). */
static target_result exports_resolve(ctx *c, const char *subpath, char **out) {
    const dx_json *exports = c->pkg->exports;
    bool dot_keys = false, other_keys = false;
    if (exports->type == DX_JSON_OBJECT) {
        for (size_t i = 0; i < exports->count; i++) {
            if (exports->keys[i][0] == '.') dot_keys = true;
            else other_keys = true;
        }
        if (dot_keys && other_keys) {
            static const char detail[] =
                "\"exports\" cannot contain some keys starting with '.' and some not. The exports object must "
                "either be an object of package subpath keys or an object of main entry condition name keys only.";
            if (c->esm && c->base) {
                /* ES module resolution names the importer's URL */
                char *u = dx_path_to_file_url(c->base);
                char *d = fmt("while importing %s. %s", u, detail);
                free(c->err->path);
                c->err->path = xstrdup(c->pkg->path);
                set_err(c->err, "ERR_INVALID_PACKAGE_CONFIG", "Error", fmt("Invalid package config %s %s", c->pkg->path, d));
                free(u);
                free(d);
            } else {
                invalid_config(c->err, c->pkg, detail);
            }
            return T_ERROR;
        }
    }
    target_result tr = T_NULL;
    if (strcmp(subpath, ".") == 0) {
        const dx_json *main = dot_keys ? dx_json_get(exports, ".") : exports;
        if (main) tr = target_resolve(c, main, NULL, ".", ".", out);
    } else if (dot_keys) {
        tr = match_resolve(c, subpath, exports, out);
    }
    if (tr == T_RESOLVED || tr == T_ERROR) return tr;
    free(c->err->path);
    c->err->path = xstrdup(c->pkg->path);
    char *from = c->base ? fmt(" imported from %s", c->base) : xstrdup("");
    set_err(c->err, "ERR_PACKAGE_PATH_NOT_EXPORTED", "Error",
            strcmp(subpath, ".") == 0 ? fmt("No \"exports\" main defined in %s%s", c->pkg->path, from)
                                      : fmt("Package subpath '%s' is not defined by \"exports\" in %s%s", subpath, c->pkg->path, from));
    free(from);
    return T_ERROR;
}

/* Percent-decodes a resolved target (it is a URL path in the algorithm); encoded separators are an error. */
static int decode_target(char *p, const char *request, dx_resolve_error *err) {
    char *o = p;
    for (const char *i = p; *i; i++) {
        if (*i == '%' && isxdigit((unsigned char)i[1]) && isxdigit((unsigned char)i[2])) {
            unsigned v = (unsigned)(hexval(i[1]) * 16 + hexval(i[2]));
            if (v == '/' || v == '\\' || v == 0) {
                return set_err(err, "ERR_INVALID_MODULE_SPECIFIER", "TypeError",
                               fmt("Invalid module \"%s\" must not include encoded \"/\" or \"\\\" characters", request));
            }
            *o++ = (char)v;
            i += 2;
        } else {
            *o++ = *i;
        }
    }
    *o = 0;
    return 0;
}

/* RESOLVE_ESM_MATCH / finalizeEsmResolution: the target must be an existing file. */
static int finalize(const dx_pkg *pkg, char *resolved, const char *request, char **out, dx_resolve_error *err) {
    if (starts(resolved, "node:")) { *out = resolved; return 1; }
    if (decode_target(resolved, request, err) < 0) { free(resolved); return -1; }
    if (stat_kind(resolved) == 0) {
        *out = real(resolved);
        free(resolved);
        return 1;
    }
    free(err->path);
    err->path = xstrdup(pkg->dir); /* Node gives the package directory here */
    set_err(err, "MODULE_NOT_FOUND", "Error", fmt("Cannot find module '%s'", resolved));
    free(resolved);
    return -1;
}

/* The package name of a bare request and the rest ("./sub" or "."), if it can name a package with
 * "exports" (Node's EXPORTS_PATTERN). */
static bool split_package(const char *request, char **name, char **subpath) {
    const char *p = request;
    if (*p == '@') {
        p = strchr(p, '/');
        if (!p || p == request + 1) return false;
        p++;
    }
    if (*p == '.' || *p == 0) return false;
    const char *end = strchr(p, '/');
    size_t nlen = end ? (size_t)(end - request) : strlen(request);
    for (size_t i = 0; i < nlen; i++) if (request[i] == '%' || request[i] == '\\') return false;
    *name = strndup(request, nlen);
    *subpath = fmt(".%s", request + nlen);
    return true;
}

/* LOAD_NODE_MODULES (with LOAD_PACKAGE_EXPORTS) over `dirs`. 1 found, 0 not, -1 error. */
static int load_node_modules(dx_resolver *r, const char *request, const char *const *dirs, const char *const *conds,
                             char **out, dx_resolve_error *err) {
    char *name = NULL, *subpath = NULL;
    bool pkg_form = split_package(request, &name, &subpath);
    bool trailing = ends(request, "/");
    int rc = 0;
    for (const char *const *d = dirs; d && *d; d++) {
        if (stat_kind(*d) != 1) continue;
        if (pkg_form) {
            char *pkgdir = join(*d, name);
            const dx_pkg *pkg = dx_pkg_read(r->pkgs, pkgdir);
            free(pkgdir);
            if (pkg->invalid) { rc = invalid_config(err, pkg, NULL); break; }
            if (pkg->exists && pkg->exports && pkg->exports->type != DX_JSON_NULL) {
                ctx c = {r, pkg, false, NULL, conds, err, false};
                char *resolved = NULL;
                if (exports_resolve(&c, subpath, &resolved) == T_ERROR) { rc = -1; break; }
                rc = finalize(pkg, resolved, request, out, err);
                break;
            }
        }
        char *base = join(*d, request);
        rc = load_path(r, base, trailing, request, out, err);
        free(base);
        if (rc != 0) break;
    }
    free(name);
    free(subpath);
    return rc;
}

static char **module_paths_plus_globals(dx_resolver *r, const char *dir) {
    char **list = dx_node_module_paths(dir);
    size_t n = 0, g = 0;
    while (list[n]) n++;
    while (r->global_paths[g]) g++;
    list = realloc(list, (n + g + 1) * sizeof *list);
    if (!list) abort();
    for (size_t i = 0; i < g; i++) list[n + i] = xstrdup(r->global_paths[i]);
    list[n + g] = NULL;
    return list;
}

static void free_list(char **l) {
    if (!l) return;
    for (char **p = l; *p; p++) free(*p);
    free(l);
}

static int resolve_bare(dx_resolver *r, const char *request, const char *from_dir, const char *const *paths,
                        const char *const *conds, char **out, dx_resolve_error *err) {
    if (paths) return load_node_modules(r, request, paths, conds, out, err);
    char **dirs = module_paths_plus_globals(r, from_dir);
    int rc = load_node_modules(r, request, (const char *const *)dirs, conds, out, err);
    free_list(dirs);
    return rc;
}

/* LOAD_PACKAGE_SELF: a package requiring itself by name through its "exports". */
static int load_self(dx_resolver *r, const char *request, const char *parent_path, const char *const *conds,
                     char **out, dx_resolve_error *err) {
    const dx_pkg *pkg = dx_pkg_scope(r->pkgs, parent_path);
    if (!pkg || pkg->invalid || !pkg->exports || pkg->exports->type == DX_JSON_NULL) return 0;
    if (!pkg->name || pkg->name->type != DX_JSON_STRING) return 0;
    const char *name = pkg->name->string;
    size_t nl = strlen(name);
    char *subpath;
    if (strcmp(request, name) == 0) subpath = xstrdup(".");
    else if (strncmp(request, name, nl) == 0 && request[nl] == '/') subpath = fmt(".%s", request + nl);
    else return 0;
    /* A package importing itself: errors say where from, as for "imports". */
    ctx c = {r, pkg, false, parent_path, conds, err, false};
    char *resolved = NULL;
    target_result tr = exports_resolve(&c, subpath, &resolved);
    free(subpath);
    if (tr == T_ERROR) return -1;
    return finalize(pkg, resolved, request, out, err);
}

/* LOAD_PACKAGE_IMPORTS: "#name" through the nearest package.json "imports". 0 when the package has no
 * "imports" (Node then looks the request up as a bare name). */
static int load_imports(dx_resolver *r, const char *request, const char *parent_path, const char *const *conds,
                        char **out, dx_resolve_error *err) {
    const dx_pkg *pkg = dx_pkg_scope(r->pkgs, parent_path);
    if (!pkg) return 0;
    if (pkg->invalid) return invalid_config(err, pkg, NULL);
    if (!pkg->imports || pkg->imports->type == DX_JSON_NULL) return 0;
    if (strcmp(request, "#") == 0 || ends(request, "/")) {
        return set_err(err, "ERR_INVALID_MODULE_SPECIFIER", "TypeError",
                       fmt("Invalid module \"%s\" is not a valid internal imports specifier name imported from %s",
                           request, parent_path));
    }
    ctx c = {r, pkg, true, parent_path, conds, err, false};
    char *resolved = NULL;
    target_result tr = pkg->imports->type == DX_JSON_OBJECT ? match_resolve(&c, request, pkg->imports, &resolved) : T_NULL;
    if (tr == T_ERROR) return -1;
    if (tr != T_RESOLVED) {
        return set_err(err, "ERR_PACKAGE_IMPORT_NOT_DEFINED", "TypeError",
                       fmt("Package import specifier \"%s\" is not defined in package %s imported from %s", request,
                           pkg->path, parent_path));
    }
    return finalize(pkg, resolved, request, out, err);
}

int dx_resolve_cjs(dx_resolver *r, const char *request, const char *parent, const char *const *paths,
                   const char *const *conditions, char **out, dx_resolve_error *err) {
    *out = NULL;
    int rc = 0;
    char *from_dir = NULL, *parent_path = NULL;
    if (parent) {
        from_dir = dirname_of(parent);
        parent_path = xstrdup(parent);
    } else {
        char cwd[PATH_MAX];
        if (!getcwd(cwd, sizeof cwd)) strcpy(cwd, "/");
        from_dir = xstrdup(cwd);
        parent_path = join(cwd, "[dx]"); /* the package scope of the current directory */
    }
    bool relative = starts(request, "./") || starts(request, "../") || strcmp(request, ".") == 0 || strcmp(request, "..") == 0;
    bool trailing = ends(request, "/");
    if (request[0] == '/' || relative) {
        if (request[0] == '/') {
            char *base = join("/", request);
            rc = load_path(r, base, trailing, request, out, err);
            free(base);
        } else if (paths) {
            for (const char *const *p = paths; *p && rc == 0; p++) {
                char *base = join(*p, request);
                rc = load_path(r, base, trailing, request, out, err);
                free(base);
            }
        } else {
            char *base = join(from_dir, request);
            rc = load_path(r, base, trailing, request, out, err);
            free(base);
        }
        goto done;
    }
    if (request[0] == '#' && parent) {
        rc = load_imports(r, request, parent_path, conditions, out, err);
        if (rc != 0) goto done;
    }
    if (parent) {
        rc = load_self(r, request, parent_path, conditions, out, err);
        if (rc != 0) goto done;
    }
    rc = resolve_bare(r, request, from_dir, paths, conditions, out, err);
done:
    free(from_dir);
    free(parent_path);
    if (rc > 0) return 0;
    if (rc == 0) set_err(err, "MODULE_NOT_FOUND", "Error", fmt("Cannot find module '%s'", request));
    if (!err->type) err->type = "Error";
    return -1;
}

char **dx_node_module_paths(const char *dir) {
    char *from = join("/", dir);
    size_t cap = 8, n = 0;
    char **list = malloc(cap * sizeof *list);
    if (!list) abort();
    /* from deepest to the root; a directory named node_modules gets no node_modules/node_modules */
    size_t len = strlen(from);
    while (len > 0) {
        const char *seg = from;
        for (size_t i = 0; i < len; i++) if (from[i] == '/') seg = from + i + 1;
        size_t seglen = (size_t)(from + len - seg);
        bool is_nm = seglen == 12 && strncmp(seg, "node_modules", 12) == 0;
        if (!is_nm && !(len == 1 && from[0] == '/')) {
            if (n + 2 > cap) { cap *= 2; list = realloc(list, cap * sizeof *list); if (!list) abort(); }
            list[n++] = fmt("%.*s/node_modules", (int)len, from);
        }
        /* up one level */
        while (len > 0 && from[len - 1] != '/') len--;
        if (len > 0) len--; /* drop the slash */
    }
    if (n + 2 > cap) { cap += 2; list = realloc(list, cap * sizeof *list); if (!list) abort(); }
    list[n++] = xstrdup("/node_modules");
    list[n] = NULL;
    free(from);
    return list;
}

dx_resolver *dx_resolver_new(const char *exec_path, const char *const *builtins) {
    dx_resolver *r = calloc(1, sizeof *r);
    if (!r) abort();
    r->pkgs = dx_pkgcache_new();
    size_t nb = 0;
    while (builtins && builtins[nb]) nb++;
    r->builtins = calloc(nb + 1, sizeof *r->builtins);
    for (size_t i = 0; i < nb; i++) r->builtins[i] = xstrdup(builtins[i]);
    /* Global folders, as Node's Module._initPaths. */
    size_t cap = 8, n = 0;
    char **g = malloc(cap * sizeof *g);
    const char *np = getenv("NODE_PATH");
    if (np && *np) {
        char *copy = xstrdup(np), *save = NULL;
        for (char *t = strtok_r(copy, ":", &save); t; t = strtok_r(NULL, ":", &save)) {
            if (!*t) continue;
            if (n + 4 > cap) { cap *= 2; g = realloc(g, cap * sizeof *g); if (!g) abort(); }
            char cwd[PATH_MAX];
            if (!getcwd(cwd, sizeof cwd)) strcpy(cwd, "/");
            g[n++] = join(cwd, t);
        }
        free(copy);
    }
    if (n + 4 > cap) { cap += 4; g = realloc(g, cap * sizeof *g); if (!g) abort(); }
    const char *home = getenv("HOME");
    if (home && *home) {
        g[n++] = join(home, ".node_modules");
        g[n++] = join(home, ".node_libraries");
    }
    if (exec_path && *exec_path) {
        char *d = dirname_of(exec_path), *prefix = dirname_of(d);
        g[n++] = join(prefix, "lib/node");
        free(d);
        free(prefix);
    }
    g[n] = NULL;
    r->global_paths = g;
    return r;
}

void dx_resolver_free(dx_resolver *r) {
    if (!r) return;
    dx_pkgcache_free(r->pkgs);
    real_cache_clear();
    free_list(r->global_paths);
    free_list(r->builtins);
    free(r);
}

const char *const *dx_resolver_global_paths(dx_resolver *r) { return (const char *const *)r->global_paths; }

void dx_resolver_clear_cache(dx_resolver *r) {
    dx_pkgcache_clear(r->pkgs);
    real_cache_clear();
}

int dx_resolver_package_type(dx_resolver *r, const char *file, const char **type, dx_resolve_error *err) {
    *type = NULL;
    const dx_pkg *pkg = dx_pkg_scope(r->pkgs, file);
    if (!pkg) return 0;
    if (pkg->invalid) return invalid_config(err, pkg, NULL);
    if (pkg->type && pkg->type->type == DX_JSON_STRING) *type = pkg->type->string;
    return 0;
}

/* ---- ES module resolution (Node's ESM_RESOLVE) ----
 * Works on absolute paths internally; file: URLs are made and read only at the edges. Differences
 * from require(): no extension or index searching (except a package's legacy "main"), no NODE_PATH
 * or global folders, directories are an error, and every error says "imported from <parent>". */

static const char *const kPrefixOnly[] = {"test", "test/reporters", "sqlite", "sea", NULL};

static bool prefix_only(const char *name) {
    for (int i = 0; kPrefixOnly[i]; i++) if (strcmp(kPrefixOnly[i], name) == 0) return true;
    return false;
}

char *dx_path_to_file_url(const char *path) {
    /* pathToFileURL: '%', '\\', newline, CR, tab, '?' and '#' are encoded by Node itself, then the URL
     * path setter encodes C0 controls, space, '"', '<', '>', '`', '{', '}' and every non-ASCII byte. */
    size_t n = strlen(path);
    char *o = malloc(7 + n * 3 + 1);
    if (!o) abort();
    memcpy(o, "file://", 7);
    size_t k = 7;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)path[i];
        if (c <= 0x20 || c >= 0x7f || strchr("%\\\"#<>?`{}", c)) k += (size_t)sprintf(o + k, "%%%02X", c);
        else o[k++] = (char)c;
    }
    o[k] = 0;
    return o;
}

int dx_file_url_to_path(const char *url, char **out, dx_resolve_error *err) {
    *out = NULL;
    if (strncasecmp(url, "file:", 5) != 0)
        return set_err(err, "ERR_INVALID_URL_SCHEME", "TypeError", xstrdup("The URL must be of scheme file"));
    const char *p = url + 5;
    if (starts(p, "//")) {
        p += 2;
        const char *host_end = strchr(p, '/');
        size_t hl = host_end ? (size_t)(host_end - p) : strlen(p);
        if (hl && !(hl == 9 && strncasecmp(p, "localhost", 9) == 0))
            return set_err(err, "ERR_INVALID_FILE_URL_HOST", "TypeError",
                           xstrdup("File URL host must be \"localhost\" or empty on linux"));
        p += hl;
    }
    size_t n = strcspn(p, "?#");
    char *path = malloc(n + 2);
    if (!path) abort();
    size_t k = 0;
    if (*p != '/') path[k++] = '/';
    for (size_t i = 0; i < n; i++) {
        if (p[i] == '%' && i + 2 < n + 1 && isxdigit((unsigned char)p[i + 1]) && isxdigit((unsigned char)p[i + 2])) {
            unsigned v = (unsigned)(hexval(p[i + 1]) * 16 + hexval(p[i + 2]));
            if (v == '/') {
                free(path);
                return set_err(err, "ERR_INVALID_FILE_URL_PATH", "TypeError",
                               xstrdup("File URL path must not include encoded / characters"));
            }
            path[k++] = (char)v;
            i += 2;
        } else {
            path[k++] = p[i];
        }
    }
    path[k] = 0;
    if (strlen(path) != k) { /* an encoded NUL */
        free(path);
        return set_err(err, "ERR_INVALID_ARG_VALUE", "TypeError", xstrdup("File URL path must not include NUL bytes"));
    }
    normalize(path);
    *out = path;
    return 0;
}

/* What the parent is called in messages: its path for file: URLs, else the URL itself. */
static char *parent_name(const char *parent_url) {
    char *path = NULL;
    dx_resolve_error e = {0};
    if (parent_url && dx_file_url_to_path(parent_url, &path, &e) == 0) return path;
    free(e.message);
    return xstrdup(parent_url ? parent_url : "");
}

static bool has_encoded_separator(const char *s) {
    for (const char *p = s; *p; p++) {
        if (p[0] == '%' && p[1] && p[2] && (p[1] == '2' || p[1] == '5')) {
            char a = p[1], b = (char)(p[2] | 32);
            if ((a == '2' && b == 'f') || (a == '5' && b == 'c')) return true;
        }
    }
    return false;
}

/* Node's hint for a module that is not found or is a directory: what require() would have found,
 * spelled the way the user wrote the specifier ("./x.js" or "pkg/x.js"). */
static char *cjs_hint(dx_resolver *r, const char *spec, const char *parent_path) {
    static const char *const conds[] = {"require", "node", NULL};
    char *found = NULL;
    dx_resolve_error e = {0};
    char *hint = NULL;
    bool relative = starts(spec, "./") || starts(spec, "../") || spec[0] == '/';
    if (dx_resolve_cjs(r, spec, parent_path, NULL, conds, &found, &e) == 0 && !starts(found, "node:")) {
        if (relative) {
            char *dir = dirname_of(parent_path);
            /* path.relative(dir, found) */
            size_t common = 0, i = 0;
            while (dir[i] && found[i] && dir[i] == found[i]) { if (dir[i] == '/') common = i; i++; }
            if (!dir[i] && found[i] == '/') common = i;
            size_t ups = 0;
            for (const char *q = dir + common; *q; q++) if (*q == '/') ups++;
            if (strcmp(dir, "/") == 0) ups = 0;
            size_t cap = ups * 3 + strlen(found) + 3;
            char *rel = malloc(cap);
            if (!rel) abort();
            size_t k = 0;
            if (ups == 0) { rel[k++] = '.'; rel[k++] = '/'; }
            for (size_t u = 0; u < ups; u++) { memcpy(rel + k, "../", 3); k += 3; }
            strcpy(rel + k, found + common + 1);
            hint = rel;
            free(dir);
        } else {
            char *name = NULL, *sub = NULL;
            if (split_package(spec, &name, &sub)) {
                const char *marker = strstr(found, "/node_modules/");
                const char *last = NULL;
                while (marker) { last = marker; marker = strstr(marker + 1, "/node_modules/"); }
                if (last && starts(last + 14, name)) hint = xstrdup(last + 14);
            }
            free(name);
            free(sub);
        }
    }
    free(found);
    free(e.message);
    free(e.path);
    free(e.warning);
    return hint;
}

/* finalizeResolution: the resolved path must be an existing file; directories are an error. */
static int esm_finalize(dx_resolver *r, char *resolved, const char *spec, const char *parent_path, char **out,
                        dx_resolve_error *err) {
    if (starts(resolved, "node:")) { *out = resolved; return 0; }
    if (has_encoded_separator(resolved)) {
        set_err(err, "ERR_INVALID_MODULE_SPECIFIER", "TypeError",
                fmt("Invalid module \"%s\" must not include encoded \"/\" or \"\\\" characters imported from %s",
                    resolved, parent_path));
        free(resolved);
        return -1;
    }
    char *path = xstrdup(resolved);
    free(resolved);
    decode_target(path, spec, err); /* cannot fail: encoded separators were rejected above */
    int kind = ends(path, "/") ? 1 : stat_kind(path);
    if (kind == 0) {
        *out = real(path);
        free(path);
        return 0;
    }
    /* TypeScript's convention: a .ts file imports './a.js' and means a.ts (.mjs -> .mts, .cjs -> .cts,
     * .jsx and .js -> .tsx as well). Only for importers that are TypeScript themselves. */
    if (kind < 0 && (ends(parent_path, ".ts") || ends(parent_path, ".mts") || ends(parent_path, ".cts") ||
                     ends(parent_path, ".tsx"))) {
        static const char *const map[][2] = {{".js", ".ts"}, {".js", ".tsx"}, {".mjs", ".mts"}, {".cjs", ".cts"},
                                             {".jsx", ".tsx"}};
        for (size_t i = 0; i < sizeof map / sizeof map[0]; i++) {
            if (!ends(path, map[i][0])) continue;
            char *alt = fmt("%.*s%s", (int)(strlen(path) - strlen(map[i][0])), path, map[i][1]);
            if (stat_kind(alt) == 0) {
                *out = real(alt);
                free(alt);
                free(path);
                return 0;
            }
            free(alt);
        }
    }
    char *hint = cjs_hint(r, spec, parent_path);
    char *tail = hint ? fmt("\nDid you mean to import \"%s\"?", hint) : xstrdup("");
    free(err->url);
    err->url = dx_path_to_file_url(path);
    if (kind == 1)
        set_err(err, "ERR_UNSUPPORTED_DIR_IMPORT", "Error",
                fmt("Directory import '%s' is not supported resolving ES modules imported from %s%s", path, parent_path, tail));
    else
        set_err(err, "ERR_MODULE_NOT_FOUND", "Error", fmt("Cannot find module '%s' imported from %s%s", path, parent_path, tail));
    free(hint);
    free(tail);
    free(path);
    return -1;
}

/* LEGACY_MAIN_RESOLVE: a package without "exports" imported by its bare name. */
static int legacy_main(dx_resolver *r, const dx_pkg *pkg, const char *parent_path, char **out, dx_resolve_error *err) {
    static const char *const main_tries[] = {"", ".js", ".json", ".node", "/index.js", "/index.json", "/index.node", NULL};
    static const char *const index_tries[] = {"index.js", "index.json", "index.node", NULL};
    (void)r;
    const dx_json *main = pkg->exists ? pkg->main : NULL;
    if (main && main->type == DX_JSON_STRING && main->length) {
        for (int i = 0; main_tries[i]; i++) {
            char *rel = fmt("%s%s", main->string, main_tries[i]);
            char *p = join(pkg->dir, rel);
            free(rel);
            if (stat_kind(p) == 0) { *out = real(p); free(p); return 0; }
            free(p);
        }
    }
    for (int i = 0; index_tries[i]; i++) {
        char *p = join(pkg->dir, index_tries[i]);
        if (stat_kind(p) == 0) { *out = real(p); free(p); return 0; }
        free(p);
    }
    /* Node names the "main" it could not find, or index.js without one. */
    char *p = join(pkg->dir, main && main->type == DX_JSON_STRING && main->length ? main->string : "index.js");
    set_err(err, "ERR_MODULE_NOT_FOUND", "Error", fmt("Cannot find package '%s' imported from %s", p, parent_path));
    free(p);
    return -1;
}

/* PACKAGE_RESOLVE: a bare specifier (not a builtin). parent_path names the importer. */
static int esm_package_resolve(dx_resolver *r, const char *spec, const char *parent_path, const char *const *conds,
                               char **out, dx_resolve_error *err) {
    char *name = NULL, *subpath = NULL;
    if (!split_package(spec, &name, &subpath)) {
        free(name);
        free(subpath);
        return set_err(err, "ERR_INVALID_MODULE_SPECIFIER", "TypeError",
                       fmt("Invalid module \"%s\" is not a valid package name imported from %s", spec, parent_path));
    }
    int rc = 1;
    /* PACKAGE_SELF_RESOLVE */
    const dx_pkg *self = dx_pkg_scope(r->pkgs, parent_path);
    if (self && !self->invalid && self->exports && self->exports->type != DX_JSON_NULL && self->name &&
        self->name->type == DX_JSON_STRING && strcmp(self->name->string, name) == 0) {
        ctx c = {r, self, false, parent_path, conds, err, true};
        char *resolved = NULL;
        rc = exports_resolve(&c, subpath, &resolved) == T_ERROR ? -1 : esm_finalize(r, resolved, spec, parent_path, out, err);
        goto done;
    }
    char *dir = dirname_of(parent_path);
    char **dirs = dx_node_module_paths(dir);
    free(dir);
    for (char **d = dirs; *d && rc == 1; d++) {
        char *pkgdir = join(*d, name);
        if (stat_kind(pkgdir) != 1) { free(pkgdir); continue; }
        const dx_pkg *pkg = dx_pkg_read(r->pkgs, pkgdir);
        if (pkg->invalid) {
            free(err->path);
            err->path = xstrdup(pkg->path);
            rc = set_err(err, "ERR_INVALID_PACKAGE_CONFIG", "Error",
                         fmt("Invalid package config %s while importing \"%s\" from %s.", pkg->path, spec, parent_path));
        } else if (pkg->exists && pkg->exports && pkg->exports->type != DX_JSON_NULL) {
            ctx c = {r, pkg, false, parent_path, conds, err, true};
            char *resolved = NULL;
            rc = exports_resolve(&c, subpath, &resolved) == T_ERROR ? -1 : esm_finalize(r, resolved, spec, parent_path, out, err);
        } else if (strcmp(subpath, ".") == 0) {
            rc = legacy_main(r, pkg, parent_path, out, err);
        } else {
            char *joined = join(pkgdir, subpath);
            if (ends(subpath, "/") && !ends(joined, "/")) {
                char *t = fmt("%s/", joined);
                free(joined);
                joined = t;
            }
            rc = esm_finalize(r, joined, spec, parent_path, out, err);
        }
        free(pkgdir);
    }
    free_list(dirs);
    if (rc == 1)
        rc = set_err(err, "ERR_MODULE_NOT_FOUND", "Error", fmt("Cannot find package '%s' imported from %s", name, parent_path));
done:
    free(name);
    free(subpath);
    return rc;
}

/* URL-resolves a relative or absolute path specifier against the parent's path: backslashes read
 * as slashes (file: is a special scheme), the query and fragment are split off into *suffix. */
static char *resolve_path_spec(const char *spec, const char *parent_path, char **suffix) {
    size_t n = strcspn(spec, "?#");
    *suffix = xstrdup(spec + n);
    char *p = strndup(spec, n);
    if (!p) abort();
    for (char *q = p; *q; q++) if (*q == '\\') *q = '/';
    char *res;
    if (p[0] == '/') {
        res = join("/", p);
    } else {
        char *dir = dirname_of(parent_path);
        res = join(dir, p);
        free(dir);
    }
    /* join() normalises away a trailing slash; a directory specifier keeps it (it is an error). */
    if (n && p[n - 1] == '/' && !ends(res, "/")) {
        char *t = fmt("%s/", res);
        free(res);
        res = t;
    }
    free(p);
    return res;
}

int dx_resolve_esm(dx_resolver *r, const char *spec, const char *parent_url, const char *const *conds,
                   char **out_url, dx_resolve_error *err) {
    *out_url = NULL;
    char *parent = parent_name(parent_url);
    char *path = NULL, *suffix = NULL;
    int rc = -1;
    if (starts(spec, "/") || starts(spec, "./") || starts(spec, "../") || strcmp(spec, ".") == 0 || strcmp(spec, "..") == 0) {
        if (parent_url && !starts(parent_url, "file:")) {
            rc = set_err(err, "ERR_UNSUPPORTED_RESOLVE_REQUEST", "TypeError",
                         fmt("Failed to resolve module specifier \"%s\" from \"%s\": Invalid relative URL or base scheme is not hierarchical.",
                             spec, parent_url));
            goto out;
        }
        char *resolved = resolve_path_spec(spec, parent, &suffix);
        if (strcmp(spec, ".") == 0 || strcmp(spec, "..") == 0) {
            char *t = fmt("%s/", resolved);
            free(resolved);
            resolved = t;
        }
        rc = esm_finalize(r, resolved, spec, parent, &path, err);
    } else if (is_url(spec)) {
        if (starts(spec, "node:")) {
            if (!is_builtin(r, spec + 5) && !prefix_only(spec + 5)) {
                rc = set_err(err, "ERR_UNKNOWN_BUILTIN_MODULE", "Error", fmt("No such built-in module: %s", spec));
                goto out;
            }
            *out_url = xstrdup(spec);
            rc = 0;
            goto out;
        }
        if (starts(spec, "data:")) {
            *out_url = xstrdup(spec);
            rc = 0;
            goto out;
        }
        if (strncasecmp(spec, "file:", 5) == 0) {
            size_t n = strcspn(spec, "?#");
            char *u = strndup(spec, n);
            suffix = xstrdup(spec + n);
            char *p = NULL;
            /* keep encoded separators visible to esm_finalize's check */
            if (has_encoded_separator(u)) {
                const char *p = u + 5;
                if (starts(p, "//")) { p += 2; p += strcspn(p, "/"); }
                rc = set_err(err, "ERR_INVALID_MODULE_SPECIFIER", "TypeError",
                             fmt("Invalid module \"%s\" must not include encoded \"/\" or \"\\\" characters imported from %s",
                                 p, parent));
                free(u);
                goto out;
            }
            rc = dx_file_url_to_path(u, &p, err);
            free(u);
            if (rc == 0) rc = esm_finalize(r, p, spec, parent, &path, err);
        } else {
            size_t colon = strcspn(spec, ":");
            /* Node rejects http(s) at load time ("file and data"), other schemes when resolving. */
            bool web = strncasecmp(spec, "http:", 5) == 0 || strncasecmp(spec, "https:", 6) == 0;
            rc = set_err(err, "ERR_UNSUPPORTED_ESM_URL_SCHEME", "Error",
                         fmt("Only URLs with a scheme in: %s are supported by the default ESM loader. "
                             "Received protocol '%.*s'", web ? "file and data" : "file, data, and node",
                             (int)colon + 1, spec));
        }
    } else if (spec[0] == '#') {
        const dx_pkg *pkg = dx_pkg_scope(r->pkgs, parent);
        if (pkg && pkg->invalid) { rc = invalid_config(err, pkg, NULL); goto out; }
        if (strcmp(spec, "#") == 0 || starts(spec, "#/")) {
            rc = set_err(err, "ERR_INVALID_MODULE_SPECIFIER", "TypeError",
                         fmt("Invalid module \"%s\" is not a valid internal imports specifier name imported from %s", spec, parent));
            goto out;
        }
        target_result tr = T_NULL;
        char *resolved = NULL;
        if (pkg && pkg->imports && pkg->imports->type == DX_JSON_OBJECT) {
            ctx c = {r, pkg, true, parent, conds, err, true};
            tr = match_resolve(&c, spec, pkg->imports, &resolved);
        }
        if (tr == T_ERROR) goto out;
        if (tr != T_RESOLVED) {
            rc = set_err(err, "ERR_PACKAGE_IMPORT_NOT_DEFINED", "TypeError",
                         pkg ? fmt("Package import specifier \"%s\" is not defined in package %s imported from %s", spec, pkg->path, parent)
                             : fmt("Package import specifier \"%s\" is not defined imported from %s", spec, parent));
            goto out;
        }
        rc = esm_finalize(r, resolved, spec, parent, &path, err);
    } else if (is_builtin(r, spec) && !prefix_only(spec)) {
        *out_url = fmt("node:%s", spec);
        rc = 0;
        goto out;
    } else {
        rc = esm_package_resolve(r, spec, parent, conds, &path, err);
    }
    if (rc == 0) {
        if (starts(path, "node:")) {
            *out_url = path;
            path = NULL;
        } else {
            char *u = dx_path_to_file_url(path);
            *out_url = fmt("%s%s", u, suffix ? suffix : "");
            free(u);
        }
    }
out:
    free(parent);
    free(path);
    free(suffix);
    if (rc != 0 && !err->type) err->type = "Error";
    return rc == 0 ? 0 : -1;
}

const char *dx_esm_format(dx_resolver *r, const char *path, dx_resolve_error *err) {
    static const struct { const char *ext, *format; } fixed[] = {
        {".mjs", "module"}, {".cjs", "commonjs"}, {".json", "json"}, {".mts", "module-typescript"},
        {".cts", "commonjs-typescript"}, {".wasm", "wasm"}, {".node", "addon"}, {NULL, NULL}};
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    const char *dot = strrchr(base, '.');
    for (int i = 0; dot && fixed[i].ext; i++)
        if (strcmp(dot, fixed[i].ext) == 0) return fixed[i].format;
    const char *type = NULL;
    if (dx_resolver_package_type(r, path, &type, err) < 0) return NULL;
    bool module = type && strcmp(type, "module") == 0;
    if (!dot || strcmp(dot, ".js") == 0) return module ? "module" : "commonjs";
    if (strcmp(dot, ".ts") == 0) return module ? "module-typescript" : "commonjs-typescript";
    if (strcmp(dot, ".jsx") == 0) return module ? "module-jsx" : "commonjs-jsx";
    if (strcmp(dot, ".tsx") == 0) return module ? "module-tsx" : "commonjs-tsx";
    set_err(err, "ERR_UNKNOWN_FILE_EXTENSION", "TypeError", fmt("Unknown file extension \"%s\" for %s", dot, path));
    return NULL;
}

const char *dx_resolver_package_json(dx_resolver *r, const char *file) {
    const dx_pkg *pkg = dx_pkg_scope(r->pkgs, file);
    return pkg ? pkg->path : NULL;
}
