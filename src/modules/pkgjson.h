/* A cache of parsed package.json files, and the package-scope lookup. Engine-free; single-threaded
 * (one cache per runtime thread). */
#ifndef DX_MODULES_PKGJSON_H
#define DX_MODULES_PKGJSON_H

#include "modules/json.h"

typedef struct dx_pkg {
    char *path;             /* absolute path of the package.json */
    char *dir;              /* its directory */
    int exists;             /* 0: there is no package.json here (cached too) */
    int invalid;            /* 1: it exists but is not valid JSON */
    dx_json *json;          /* the parsed file (owned) */
    const dx_json *name, *main, *exports, *imports, *type;  /* fields, borrowed from json; may be NULL */
} dx_pkg;

typedef struct dx_pkgcache dx_pkgcache;

dx_pkgcache *dx_pkgcache_new(void);
void dx_pkgcache_free(dx_pkgcache *c);
/* Forgets every cached file (after the program changed package.json files). */
void dx_pkgcache_clear(dx_pkgcache *c);

/* The package.json in directory `dir`; never NULL (check ->exists). Borrowed from the cache. */
const dx_pkg *dx_pkg_read(dx_pkgcache *c, const char *dir);

/* The nearest package.json above `path` (a file), stopping at a `node_modules` directory as Node's
 * LOOKUP_PACKAGE_SCOPE does; NULL if none. */
const dx_pkg *dx_pkg_scope(dx_pkgcache *c, const char *path);

#endif
