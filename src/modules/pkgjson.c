#include "modules/pkgjson.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct dx_pkgcache {
    dx_pkg **slots;     /* open addressing on the directory path */
    size_t cap, count;
};

static uint64_t hash(const char *s) {
    uint64_t h = 1469598103934665603ull;
    for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return h;
}

dx_pkgcache *dx_pkgcache_new(void) {
    dx_pkgcache *c = calloc(1, sizeof *c);
    if (!c) abort();
    c->cap = 64;
    c->slots = calloc(c->cap, sizeof *c->slots);
    if (!c->slots) abort();
    return c;
}

static void free_pkg(dx_pkg *p) {
    if (!p) return;
    free(p->path);
    free(p->dir);
    dx_json_free(p->json);
    free(p);
}

void dx_pkgcache_clear(dx_pkgcache *c) {
    for (size_t i = 0; i < c->cap; i++) { free_pkg(c->slots[i]); c->slots[i] = NULL; }
    c->count = 0;
}

void dx_pkgcache_free(dx_pkgcache *c) {
    if (!c) return;
    dx_pkgcache_clear(c);
    free(c->slots);
    free(c);
}

static void insert(dx_pkgcache *c, dx_pkg *p) {
    if ((c->count + 1) * 2 > c->cap) {
        size_t oldcap = c->cap;
        dx_pkg **old = c->slots;
        c->cap *= 2;
        c->slots = calloc(c->cap, sizeof *c->slots);
        if (!c->slots) abort();
        c->count = 0;
        for (size_t i = 0; i < oldcap; i++) if (old[i]) insert(c, old[i]);
        free(old);
    }
    size_t i = hash(p->dir) & (c->cap - 1);
    while (c->slots[i]) i = (i + 1) & (c->cap - 1);
    c->slots[i] = p;
    c->count++;
}

static char *read_file(const char *path, size_t *len) {
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return NULL;
    struct stat st;
    if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) { close(fd); return NULL; }
    size_t cap = (size_t)st.st_size + 1, n = 0;
    char *buf = malloc(cap);
    if (!buf) abort();
    for (;;) {
        if (n == cap) { buf = realloc(buf, cap *= 2); if (!buf) abort(); }
        ssize_t r = read(fd, buf + n, cap - n);
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) break;
        n += (size_t)r;
    }
    close(fd);
    *len = n;
    return buf;
}

const dx_pkg *dx_pkg_read(dx_pkgcache *c, const char *dir) {
    size_t i = hash(dir) & (c->cap - 1);
    for (; c->slots[i]; i = (i + 1) & (c->cap - 1))
        if (strcmp(c->slots[i]->dir, dir) == 0) return c->slots[i];
    dx_pkg *p = calloc(1, sizeof *p);
    if (!p) abort();
    p->dir = strdup(dir);
    size_t dl = strlen(dir);
    p->path = malloc(dl + sizeof "/package.json");
    if (!p->dir || !p->path) abort();
    memcpy(p->path, dir, dl);
    strcpy(p->path + dl, (dl > 0 && dir[dl - 1] == '/') ? "package.json" : "/package.json");
    size_t len;
    char *text = read_file(p->path, &len);
    if (text) {
        p->exists = 1;
        dx_json_error err;
        p->json = dx_json_parse(text, len, &err);
        free(text);
        if (!p->json || p->json->type != DX_JSON_OBJECT) {
            p->invalid = p->json == NULL;
            if (p->json && p->json->type != DX_JSON_OBJECT) { dx_json_free(p->json); p->json = NULL; }
        } else {
            p->name = dx_json_get(p->json, "name");
            p->main = dx_json_get(p->json, "main");
            p->exports = dx_json_get(p->json, "exports");
            p->imports = dx_json_get(p->json, "imports");
            p->type = dx_json_get(p->json, "type");
        }
    }
    insert(c, p);
    return p;
}

const dx_pkg *dx_pkg_scope(dx_pkgcache *c, const char *path) {
    char *dir = strdup(path);
    if (!dir) abort();
    const dx_pkg *found = NULL;
    for (;;) {
        char *slash = strrchr(dir, '/');
        if (!slash) break;
        if (slash == dir) { dir[1] = 0; } else { *slash = 0; }
        size_t l = strlen(dir);
        if (l >= 13 && strcmp(dir + l - 13, "/node_modules") == 0) break;
        const dx_pkg *p = dx_pkg_read(c, dir);
        if (p->exists) { found = p; break; }
        if (slash == dir) break;
    }
    free(dir);
    return found;
}
