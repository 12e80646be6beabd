/* Node's CommonJS module resolution (require / require.resolve), in C. Engine-free and single-threaded:
 * one resolver per runtime thread. Built-in module names are checked by the caller first, except
 * where a package's "imports" maps to one (the resolver then returns "node:<name>"). */
#ifndef DX_MODULES_RESOLVE_H
#define DX_MODULES_RESOLVE_H

#include <stddef.h>

typedef struct dx_resolver dx_resolver;

typedef struct dx_resolve_error {
    const char *code;   /* static: "MODULE_NOT_FOUND", "ERR_PACKAGE_PATH_NOT_EXPORTED", ... */
    const char *type;   /* static: "Error" or "TypeError", the class Node throws */
    char *message;      /* malloc'd, Node's text. MODULE_NOT_FOUND has no "Require stack" part:
                           the caller appends it. */
    char *path;         /* malloc'd or NULL: the package.json involved (the error's `path`) */
    char *warning;      /* malloc'd or NULL, even on success: a DEP0128 deprecation to emit */
    char *url;          /* malloc'd or NULL: the module URL that was not found (ESM errors' `url`) */
} dx_resolve_error;

/* exec_path: process.execPath (for the global folder $PREFIX/lib/node). Reads NODE_PATH and HOME
 * now, as Node does at start-up. builtins: NULL-terminated names of the built-in modules. */
dx_resolver *dx_resolver_new(const char *exec_path, const char *const *builtins);
void dx_resolver_free(dx_resolver *r);

/* Resolves `request` from the module file `parent` (absolute path; NULL means from the current
 * directory). `paths`, if not NULL, is a NULL-terminated list of directories to search instead of
 * the parent's (require.resolve's `paths` option, already expanded by the caller: the directories
 * themselves for relative requests, their node_modules chains for bare ones). `conditions` is the
 * NULL-terminated condition list for "exports"/"imports" ("default" always matches).
 * Returns 0 with *out (malloc'd real path, or "node:x"), or -1 with *err filled; the caller frees
 * err->message/path/warning in both cases. */
int dx_resolve_cjs(dx_resolver *r, const char *request, const char *parent, const char *const *paths,
                   const char *const *conditions, char **out, dx_resolve_error *err);

/* module.paths of a directory: DIR/node_modules and every ancestor's, skipping node_modules/node_modules;
 * NULL-terminated, malloc'd (free each string and the array). */
char **dx_node_module_paths(const char *dir);

/* The global folders after the node_modules chain: NODE_PATH entries, ~/.node_modules,
 * ~/.node_libraries, $PREFIX/lib/node. Borrowed, NULL-terminated. */
const char *const *dx_resolver_global_paths(dx_resolver *r);

/* The "type" of the package scope of `file` ("module", "commonjs", or NULL when absent). A
 * package.json that is not valid JSON is ERR_INVALID_PACKAGE_CONFIG (-1 and *err), as Node reports for
 * every file loaded under it. *type is borrowed from the cache. */
int dx_resolver_package_type(dx_resolver *r, const char *file, const char **type, dx_resolve_error *err);

/* Node's ESM_RESOLVE: `spec` imported from `parent_url` (a file: URL; another scheme only resolves
 * bare and absolute specifiers; NULL means the current directory's "[eval]"). `conditions` as for
 * dx_resolve_cjs (ESM passes "node", "import"). Returns 0 with *out_url (malloc'd: "file:///...",
 * keeping a ?query and #fragment, "node:x" or the "data:" URL unchanged), or -1 with *err (the caller
 * frees err->message/path/warning/url in both cases). No extension or index searching: a missing file
 * is ERR_MODULE_NOT_FOUND with Node's "Did you mean" hint, a directory ERR_UNSUPPORTED_DIR_IMPORT. */
int dx_resolve_esm(dx_resolver *r, const char *spec, const char *parent_url, const char *const *conditions,
                   char **out_url, dx_resolve_error *err);

/* The module format of a resolved file, as Node's defaultGetFormat: "module", "commonjs", "json",
 * "wasm", "addon", "module-typescript", "commonjs-typescript", and dx's own "module-jsx",
 * "commonjs-jsx", "module-tsx", "commonjs-tsx" (.js, .ts, .jsx, .tsx and extensionless files follow the
 * package "type"). NULL with *err: ERR_UNKNOWN_FILE_EXTENSION or a broken package.json. */
const char *dx_esm_format(dx_resolver *r, const char *path, dx_resolve_error *err);

/* url.pathToFileURL(path).href for an absolute path; malloc'd. */
char *dx_path_to_file_url(const char *path);

/* url.fileURLToPath(url): 0 with *out (malloc'd), or -1 with *err (ERR_INVALID_URL_SCHEME,
 * ERR_INVALID_FILE_URL_HOST, ERR_INVALID_FILE_URL_PATH). A ?query or #fragment is ignored. */
int dx_file_url_to_path(const char *url, char **out, dx_resolve_error *err);

/* The package.json of the package scope of `file`, or NULL; borrowed from the cache. */
const char *dx_resolver_package_json(dx_resolver *r, const char *file);

/* Forgets cached package.json files. */
void dx_resolver_clear_cache(dx_resolver *r);

#endif
