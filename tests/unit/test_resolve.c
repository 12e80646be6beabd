/* dx_resolve_cjs against a fixture tree made in a fresh temporary directory. Expected answers are
 * Node 24's (checked with node when the rows were written). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "modules/resolve.h"

static char root[256];

static void put(const char *rel, const char *text) {
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", root, rel);
    /* mkdir -p of the parent */
    for (char *p = path + strlen(root) + 1; *p; p++) {
        if (*p == '/') { *p = 0; mkdir(path, 0755); *p = '/'; }
    }
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static int setup(void **state) {
    (void)state;
    strcpy(root, "/tmp/dx-resolve-XXXXXX");
    if (!mkdtemp(root)) return -1;
    put("app/main.js", "");
    put("app/lib/a.js", "");
    put("app/lib/b.json", "{}");
    put("app/lib/c.node", "");
    put("app/lib/d.cjs", "");
    put("app/lib/both.js", "");
    put("app/lib/both.json", "{}");
    put("app/dir/index.js", "");
    put("app/withmain/package.json", "{\"main\": \"src/entry\"}");
    put("app/withmain/src/entry.js", "");
    put("app/maindir/package.json", "{\"main\": \"lib\"}");
    put("app/maindir/lib/index.js", "");
    put("app/badmain/package.json", "{\"main\": \"nothere.js\"}");
    put("app/badmain/index.js", "");
    put("app/badmain2/package.json", "{\"main\": \"nothere.js\"}");
    put("app/package.json", "{\"name\": \"app\", \"exports\": {\".\": \"./main.js\", \"./lib/*\": \"./lib/*.js\"},"
                            " \"imports\": {\"#a\": \"./lib/a.js\", \"#cond\": {\"import\": \"./lib/b.json\", \"require\": \"./lib/a.js\"},"
                            " \"#pat/*\": \"./lib/*.js\", \"#ext\": \"plain\", \"#fs\": \"fs\", \"#bad\": \"../out.js\"}}");
    put("app/node_modules/plain/index.js", "");
    put("app/node_modules/plain/sub/file.js", "");
    put("app/node_modules/@scope/pkg/package.json", "{\"main\": \"m.js\"}");
    put("app/node_modules/@scope/pkg/m.js", "");
    put("app/node_modules/ex/package.json",
        "{\"exports\": {\".\": {\"import\": \"./esm.mjs\", \"node\": {\"require\": \"./node.cjs\"}, \"default\": \"./def.js\"},"
        " \"./feat\": \"./feat.js\", \"./p/*\": \"./p/*.js\", \"./p/deep/*\": \"./deep/*.js\", \"./hidden/*\": null,"
        " \"./arr\": [\"bad-target\", \"./arr.js\"], \"./bad\": \"../x.js\", \"./missing\": \"./missing.js\","
        " \"./dots/*\": \"./dots/*.js\"}}");
    put("app/node_modules/ex/node.cjs", "");
    put("app/node_modules/ex/def.js", "");
    put("app/node_modules/ex/feat.js", "");
    put("app/node_modules/ex/p/one.js", "");
    put("app/node_modules/ex/deep/two.js", "");
    put("app/node_modules/ex/hidden/h.js", "");
    put("app/node_modules/ex/arr.js", "");
    put("app/node_modules/sugar/package.json", "{\"exports\": \"./s.js\"}");
    put("app/node_modules/sugar/s.js", "");
    put("app/node_modules/broken/package.json", "{ not json");
    put("app/node_modules/mixed/package.json", "{\"exports\": {\".\": \"./a.js\", \"require\": \"./b.js\"}}");
    put("app/deep/er/x.js", "");
    put("up/node_modules/far/index.js", "");
    put("up/inner/x.js", "");
    put("global/gmod.js", "");
    char a[512], b[512];
    snprintf(a, sizeof a, "%s/app/lib", root);
    snprintf(b, sizeof b, "%s/app/linked", root);
    if (symlink(a, b) != 0) return -1;
    return 0;
}

static int teardown(void **state) {
    (void)state;
    char cmd[512];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
    return system(cmd);
}

static const char *const kConds[] = {"require", "node", NULL};
static const char *const kBuiltins[] = {"fs", "path", NULL};

typedef struct row {
    const char *request;
    const char *parent;   /* relative to root */
    const char *want;     /* relative to root, "node:x", or NULL for an error */
    const char *code;     /* expected error code */
    const char *message;  /* expected message with ROOT standing for the temp dir; NULL: don't check */
} row;

static const row rows[] = {
    {"./lib/a", "app/main.js", "app/lib/a.js", NULL, NULL},
    {"./lib/a.js", "app/main.js", "app/lib/a.js", NULL, NULL},
    {"./lib/b", "app/main.js", "app/lib/b.json", NULL, NULL},
    {"./lib/c", "app/main.js", "app/lib/c.node", NULL, NULL},
    {"./lib/both", "app/main.js", "app/lib/both.js", NULL, NULL},
    {"./lib/d", "app/main.js", NULL, "MODULE_NOT_FOUND", "Cannot find module './lib/d'"},
    {"./lib/d.cjs", "app/main.js", "app/lib/d.cjs", NULL, NULL},
    {"./dir", "app/main.js", "app/dir/index.js", NULL, NULL},
    {"./dir/", "app/main.js", "app/dir/index.js", NULL, NULL},
    {"./lib/a.js/", "app/main.js", NULL, "MODULE_NOT_FOUND", NULL},
    {"..", "app/withmain/src/entry.js", "app/withmain/src/entry.js", NULL, NULL},
    /* a package directory required by path ignores "exports" (there is no main and no index here) */
    {"..", "app/lib/a.js", NULL, "MODULE_NOT_FOUND", "Cannot find module '..'"},
    {".", "app/dir/x.js", "app/dir/index.js", NULL, NULL},
    {"./withmain", "app/main.js", "app/withmain/src/entry.js", NULL, NULL},
    {"./maindir", "app/main.js", "app/maindir/lib/index.js", NULL, NULL},
    {"./badmain", "app/main.js", "app/badmain/index.js", NULL, NULL},
    {"./badmain2", "app/main.js", NULL, "MODULE_NOT_FOUND",
     "Cannot find module 'ROOT/app/badmain2/nothere.js'. Please verify that the package.json has a valid \"main\" entry"},
    {"./linked/a", "app/main.js", "app/lib/a.js", NULL, NULL},
    {"plain", "app/deep/er/x.js", "app/node_modules/plain/index.js", NULL, NULL},
    {"plain/sub/file", "app/main.js", "app/node_modules/plain/sub/file.js", NULL, NULL},
    {"@scope/pkg", "app/main.js", "app/node_modules/@scope/pkg/m.js", NULL, NULL},
    {"far", "up/inner/x.js", "up/node_modules/far/index.js", NULL, NULL},
    {"nothing-here", "app/main.js", NULL, "MODULE_NOT_FOUND", "Cannot find module 'nothing-here'"},
    {"ex", "app/main.js", "app/node_modules/ex/node.cjs", NULL, NULL},
    {"ex/feat", "app/main.js", "app/node_modules/ex/feat.js", NULL, NULL},
    {"ex/p/one", "app/main.js", "app/node_modules/ex/p/one.js", NULL, NULL},
    {"ex/p/deep/two", "app/main.js", "app/node_modules/ex/deep/two.js", NULL, NULL},
    {"ex/arr", "app/main.js", "app/node_modules/ex/arr.js", NULL, NULL},
    {"ex/hidden/h", "app/main.js", NULL, "ERR_PACKAGE_PATH_NOT_EXPORTED",
     "Package subpath './hidden/h' is not defined by \"exports\" in ROOT/app/node_modules/ex/package.json"},
    {"ex/nope", "app/main.js", NULL, "ERR_PACKAGE_PATH_NOT_EXPORTED",
     "Package subpath './nope' is not defined by \"exports\" in ROOT/app/node_modules/ex/package.json"},
    {"ex/package.json", "app/main.js", NULL, "ERR_PACKAGE_PATH_NOT_EXPORTED", NULL},
    {"ex/bad", "app/main.js", NULL, "ERR_INVALID_PACKAGE_TARGET",
     "Invalid \"exports\" target \"../x.js\" defined for './bad' in the package config ROOT/app/node_modules/ex/package.json; "
     "targets must start with \"./\""},
    {"ex/missing", "app/main.js", NULL, "MODULE_NOT_FOUND", "Cannot find module 'ROOT/app/node_modules/ex/missing.js'"},
    {"ex/dots/../x", "app/main.js", NULL, "ERR_INVALID_MODULE_SPECIFIER",
     "Invalid module \"./dots/../x\" request is not a valid match in pattern \"./dots/*\" for the \"exports\" resolution of "
     "ROOT/app/node_modules/ex/package.json"},
    {"sugar", "app/main.js", "app/node_modules/sugar/s.js", NULL, NULL},
    {"sugar/x", "app/main.js", NULL, "ERR_PACKAGE_PATH_NOT_EXPORTED", NULL},
    {"broken", "app/main.js", NULL, "ERR_INVALID_PACKAGE_CONFIG", "Invalid package config ROOT/app/node_modules/broken/package.json."},
    {"mixed", "app/main.js", NULL, "ERR_INVALID_PACKAGE_CONFIG", NULL},
    {"app", "app/lib/a.js", "app/main.js", NULL, NULL},
    {"app/lib/a", "app/main.js", "app/lib/a.js", NULL, NULL},
    {"#a", "app/lib/b.json", "app/lib/a.js", NULL, NULL},
    {"#cond", "app/main.js", "app/lib/a.js", NULL, NULL},
    {"#pat/both", "app/main.js", "app/lib/both.js", NULL, NULL},
    {"#ext", "app/main.js", "app/node_modules/plain/index.js", NULL, NULL},
    {"#fs", "app/main.js", "node:fs", NULL, NULL},
    {"#nope", "app/main.js", NULL, "ERR_PACKAGE_IMPORT_NOT_DEFINED",
     "Package import specifier \"#nope\" is not defined in package ROOT/app/package.json imported from ROOT/app/main.js"},
    {"#", "app/main.js", NULL, "ERR_INVALID_MODULE_SPECIFIER",
     "Invalid module \"#\" is not a valid internal imports specifier name imported from ROOT/app/main.js"},
    {"#bad", "app/main.js", NULL, "ERR_INVALID_PACKAGE_TARGET",
     "Invalid \"imports\" target \"../out.js\" defined for '#bad' in the package config ROOT/app/package.json imported from "
     "ROOT/app/main.js"},
    {"#a", "up/inner/x.js", NULL, "MODULE_NOT_FOUND", "Cannot find module '#a'"},
};

static char *expand(const char *s) {
    size_t n = strlen(s) + 1;
    for (const char *p = s; (p = strstr(p, "ROOT")); p += 4) n += strlen(root);
    char *o = malloc(n), *q = o;
    for (const char *p = s; *p;) {
        if (strncmp(p, "ROOT", 4) == 0) { q += sprintf(q, "%s", root); p += 4; }
        else *q++ = *p++;
    }
    *q = 0;
    return o;
}

static void test_rows(void **state) {
    (void)state;
    dx_resolver *r = dx_resolver_new("/usr/bin/dx", kBuiltins);
    int failures = 0;
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        const row *w = &rows[i];
        char parent[1024], want[1024];
        snprintf(parent, sizeof parent, "%s/%s", root, w->parent);
        char *out = NULL;
        dx_resolve_error err = {0};
        int rc = dx_resolve_cjs(r, w->request, parent, NULL, kConds, &out, &err);
        if (w->want) {
            if (strncmp(w->want, "node:", 5) == 0) snprintf(want, sizeof want, "%s", w->want);
            else snprintf(want, sizeof want, "%s/%s", root, w->want);
            if (rc != 0 || strcmp(out, want) != 0) {
                print_error("%s from %s: want %s, got %s (%s)\n", w->request, w->parent, want, out ? out : "error",
                            err.message ? err.message : "");
                failures++;
            }
        } else {
            char *msg = w->message ? expand(w->message) : NULL;
            if (rc == 0 || strcmp(err.code, w->code) != 0 || (msg && strcmp(err.message, msg) != 0)) {
                print_error("%s from %s: want %s %s\n   got %s %s\n", w->request, w->parent, w->code, msg ? msg : "",
                            rc == 0 ? "success" : err.code, rc == 0 ? out : err.message);
                failures++;
            }
            free(msg);
        }
        free(out);
        free(err.message);
        free(err.path);
        free(err.warning);
    }
    dx_resolver_free(r);
    assert_int_equal(failures, 0);
}

static void test_main_fallback_warns(void **state) {
    (void)state;
    dx_resolver *r = dx_resolver_new("/usr/bin/dx", kBuiltins);
    char parent[1024];
    snprintf(parent, sizeof parent, "%s/app/main.js", root);
    char *out = NULL;
    dx_resolve_error err = {0};
    assert_int_equal(dx_resolve_cjs(r, "./badmain", parent, NULL, kConds, &out, &err), 0);
    assert_non_null(err.warning);
    assert_non_null(strstr(err.warning, "Invalid 'main' field in '"));
    free(out);
    free(err.warning);
    dx_resolver_free(r);
}

static void test_paths_option(void **state) {
    (void)state;
    dx_resolver *r = dx_resolver_new("/usr/bin/dx", kBuiltins);
    char nm[1024], lib[1024];
    snprintf(nm, sizeof nm, "%s/up/node_modules", root);
    snprintf(lib, sizeof lib, "%s/app/lib", root);
    const char *const bare_paths[] = {nm, NULL};
    const char *const rel_paths[] = {"/nonexistent", lib, NULL};
    char *out = NULL;
    dx_resolve_error err = {0};
    assert_int_equal(dx_resolve_cjs(r, "far", NULL, bare_paths, kConds, &out, &err), 0);
    assert_non_null(strstr(out, "/up/node_modules/far/index.js"));
    free(out);
    assert_int_equal(dx_resolve_cjs(r, "./a", NULL, rel_paths, kConds, &out, &err), 0);
    assert_non_null(strstr(out, "/app/lib/a.js"));
    free(out);
    dx_resolver_free(r);
}

static void test_node_path_and_globals(void **state) {
    (void)state;
    char g[1024];
    snprintf(g, sizeof g, "%s/global::relative-ignored-if-missing", root);
    setenv("NODE_PATH", g, 1);
    setenv("HOME", "/home/someone", 1);
    dx_resolver *r = dx_resolver_new("/opt/dx/bin/dx", kBuiltins);
    unsetenv("NODE_PATH");
    const char *const *gp = dx_resolver_global_paths(r);
    char want0[1024];
    snprintf(want0, sizeof want0, "%s/global", root);
    assert_string_equal(gp[0], want0);
    int n = 0;
    while (gp[n]) n++;
    assert_string_equal(gp[n - 3], "/home/someone/.node_modules");
    assert_string_equal(gp[n - 2], "/home/someone/.node_libraries");
    assert_string_equal(gp[n - 1], "/opt/dx/lib/node");
    char parent[1024];
    snprintf(parent, sizeof parent, "%s/app/main.js", root);
    char *out = NULL;
    dx_resolve_error err = {0};
    assert_int_equal(dx_resolve_cjs(r, "gmod", parent, NULL, kConds, &out, &err), 0);
    assert_non_null(strstr(out, "/global/gmod.js"));
    free(out);
    dx_resolver_free(r);
}

static void test_node_module_paths(void **state) {
    (void)state;
    char **l = dx_node_module_paths("/a/b/node_modules/c");
    const char *want[] = {"/a/b/node_modules/c/node_modules", "/a/b/node_modules", "/a/node_modules", "/node_modules", NULL};
    for (int i = 0; want[i]; i++) assert_string_equal(l[i], want[i]);
    assert_null(l[4]);
    for (int i = 0; l[i]; i++) free(l[i]);
    free(l);
    l = dx_node_module_paths("/");
    assert_string_equal(l[0], "/node_modules");
    assert_null(l[1]);
    free(l[0]);
    free(l);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rows),
        cmocka_unit_test(test_main_fallback_warns),
        cmocka_unit_test(test_paths_option),
        cmocka_unit_test(test_node_path_and_globals),
        cmocka_unit_test(test_node_module_paths),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
