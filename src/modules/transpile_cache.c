/* The on-disk transpile cache (see transpile_cache.h for the contract).
 *
 * Entry file layout (little-endian), named <32 hex digits of the key hash>.dxc:
 *
 *   0  "DXTC"            magic
 *   4  u32 version       DX_TC_FORMAT_VERSION
 *   8  u64 hash.lo, u64 hash.hi, u64 src_len     the key, compared with the one looked up
 *  32  u64 payload_len   the file is exactly 48 + payload_len bytes
 *  40  u64 checksum      low half of dx_hash128_of(payload), so a torn or flipped byte is a miss
 *  48  payload
 *
 * Eviction is checked once per DX_TC_EVICT_EVERY puts across all processes: each put appends
 * one byte to the file `writes`; the put that sees it reach the threshold renames it away (only
 * one process can win that rename) and scans the directory. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "modules/transpile_cache.h"

#include <dirent.h>
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* ---- the hash ---------------------------------------------------------------------------------- */

/* Odd 64-bit constants with well-spread bits (the primes xxHash64 uses); any such constants work,
 * these are known to avalanche well in this round structure. */
#define P1 0x9E3779B185EBCA87ULL
#define P2 0xC2B2AE3D27D4EB4FULL
#define P3 0x165667B19E3779F9ULL
#define P4 0x85EBCA77C2B2AE63ULL
#define P5 0x27D4EB2F165667C5ULL

static inline uint64_t rotl(uint64_t x, int r) { return (x << r) | (x >> (64 - r)); }

static inline uint64_t rd64(const uint8_t *p) {
    uint64_t v;
    memcpy(&v, p, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    v = __builtin_bswap64(v);
#endif
    return v;
}

static inline uint64_t lane(uint64_t acc, uint64_t in) { return rotl(acc + in * P2, 31) * P1; }

/* The murmur3 finaliser: every input bit affects every output bit. */
static inline uint64_t fmix(uint64_t k) {
    k ^= k >> 33;
    k *= 0xFF51AFD7ED558CCDULL;
    k ^= k >> 33;
    k *= 0xC4CEB9FE1A85EC53ULL;
    k ^= k >> 33;
    return k;
}

void dx_hasher_init(dx_hasher *h, uint64_t seed) {
    h->v[0] = seed + P1 + P2;
    h->v[1] = seed + P2;
    h->v[2] = seed;
    h->v[3] = seed - P1;
    h->total = 0;
    h->nbuf = 0;
}

static void stripe(uint64_t v[4], const uint8_t *p) {
    v[0] = lane(v[0], rd64(p));
    v[1] = lane(v[1], rd64(p + 8));
    v[2] = lane(v[2], rd64(p + 16));
    v[3] = lane(v[3], rd64(p + 24));
}

void dx_hasher_update(dx_hasher *h, const void *data, size_t len) {
    const uint8_t *p = data;
    h->total += len;
    if (h->nbuf) {
        size_t take = 32 - h->nbuf < len ? 32 - h->nbuf : len;
        memcpy(h->buf + h->nbuf, p, take);
        h->nbuf += take;
        p += take;
        len -= take;
        if (h->nbuf < 32) return;
        stripe(h->v, h->buf);
        h->nbuf = 0;
    }
    while (len >= 32) {
        stripe(h->v, p);
        p += 32;
        len -= 32;
    }
    memcpy(h->buf, p, len);
    h->nbuf = len;
}

dx_hash128 dx_hasher_final(const dx_hasher *h) {
    /* The two halves combine the four lanes in different orders and rotations, then take the tail
     * bytes with different multipliers, so they are not functions of each other. */
    uint64_t a = rotl(h->v[0], 1) + rotl(h->v[1], 7) + rotl(h->v[2], 12) + rotl(h->v[3], 18);
    uint64_t b = rotl(h->v[3], 3) ^ rotl(h->v[2], 11) ^ (rotl(h->v[1], 25) + h->v[0] * P5);
    a ^= h->total * P5;
    b += h->total * P3;
    const uint8_t *t = h->buf;
    size_t n = h->nbuf;
    while (n >= 8) {
        uint64_t k = rd64(t);
        a = rotl(a ^ lane(0, k), 27) * P1 + P4;
        b = rotl(b ^ (k * P3), 29) * P2 + P5;
        t += 8;
        n -= 8;
    }
    while (n--) {
        a = rotl(a ^ (*t * P5), 11) * P1;
        b = rotl(b ^ (*t * P4), 13) * P3;
        t++;
    }
    dx_hash128 r;
    r.lo = fmix(a + fmix(b));
    r.hi = fmix(b ^ r.lo * P2);
    return r;
}

dx_hash128 dx_hash128_of(const void *data, size_t len, uint64_t seed) {
    dx_hasher h;
    dx_hasher_init(&h, seed);
    dx_hasher_update(&h, data, len);
    return dx_hasher_final(&h);
}

/* ---- configuration ----------------------------------------------------------------------------- */

#define DX_TC_DEFAULT_MAX ((uint64_t)256 << 20)
#define DX_TC_EVICT_EVERY 64
#define DX_TC_HEADER 48
/* An entry larger than this is not a valid one (the payload of a 64 MiB source is far smaller). */
#define DX_TC_MAX_ENTRY ((uint64_t)1 << 31)
#define DX_TC_STALE_TMP_SECONDS 3600

static struct {
    bool ready, enabled, debug;
    char *dir;
    uint64_t max_bytes;
} cfg;
static pthread_once_t cfg_once = PTHREAD_ONCE_INIT;
static char *override_dir;
static uint64_t override_max;

static bool env_on(const char *name) {
    const char *v = getenv(name);
    return v && *v && strcmp(v, "0") != 0;
}

static int mkdir_0700(const char *path) {
    if (mkdir(path, 0700) == 0 || errno == EEXIST) return 0;
    return -1;
}

/* mkdir -p with mode 0700 for each level this creates. */
static int make_dirs(const char *path) {
    /* Usually it exists: one syscall. */
    if (mkdir_0700(path) == 0) return 0;
    char *p = strdup(path);
    if (!p) return -1;
    int rc = 0;
    for (char *s = p + 1; *s && rc == 0; s++) {
        if (*s != '/') continue;
        *s = 0;
        rc = mkdir_0700(p);
        *s = '/';
    }
    if (rc == 0) rc = mkdir_0700(p);
    free(p);
    return rc;
}

static char *join(const char *a, const char *b) {
    char *r = NULL;
    if (asprintf(&r, "%s/%s", a, b) < 0) return NULL;
    return r;
}

static void setup(void) {
    cfg.debug = env_on("DX_DEBUG_CACHE");
    cfg.enabled = false;
    if (env_on("DX_NO_CACHE")) return;
    uint64_t max = DX_TC_DEFAULT_MAX;
    const char *mb = getenv("DX_CACHE_MAX_MB");
    if (mb && *mb) {
        char *end;
        unsigned long long v = strtoull(mb, &end, 10);
        if (*end == 0 && v > 0 && v < (1ULL << 40)) max = (uint64_t)v << 20;
    }
    cfg.max_bytes = override_max ? override_max : max;
    char *dir = NULL;
    if (override_dir) {
        dir = strdup(override_dir);
    } else {
        const char *xdg = getenv("XDG_CACHE_HOME");
        const char *home = getenv("HOME");
        /* The XDG spec says a relative XDG_CACHE_HOME is invalid and must be ignored. */
        if (xdg && xdg[0] == '/') {
            if (asprintf(&dir, "%s/dx/transpile", xdg) < 0) dir = NULL;
        } else if (home && home[0] == '/') {
            /* Directories below HOME are ours to create; a missing HOME is not. */
            struct stat st;
            if (stat(home, &st) == 0 && S_ISDIR(st.st_mode) && asprintf(&dir, "%s/.cache/dx/transpile", home) < 0)
                dir = NULL;
        }
    }
    if (!dir || make_dirs(dir) < 0) {
        if (cfg.debug && dir) fprintf(stderr, "dx cache: cannot create %s: %s\n", dir, strerror(errno));
        free(dir);
        return;
    }
    cfg.dir = dir;
    cfg.enabled = true;
}

static bool configured;

static void setup_once(void) {
    if (!configured) setup();
}

static bool ready(void) {
    pthread_once(&cfg_once, setup_once);
    return cfg.enabled;
}

void dx_tc_configure(const char *dir, uint64_t max_bytes) {
    free(override_dir);
    override_dir = dir ? strdup(dir) : NULL;
    override_max = max_bytes;
    free(cfg.dir);
    cfg.dir = NULL;
    setup();
    configured = true;
}

bool dx_tc_enabled(void) { return ready(); }

static char compiler_id[200];
static pthread_once_t id_once = PTHREAD_ONCE_INIT;

/* dladdr finds the file this code was loaded from: libdx-runtime.so in dx, the test binary in unit
 * tests. Its size and mtime change with every rebuild of the compiler. */
static void make_compiler_id(void) {
    Dl_info info;
    struct stat st;
    if (dladdr((void *)make_compiler_id, &info) && info.dli_fname && stat(info.dli_fname, &st) == 0)
        snprintf(compiler_id, sizeof compiler_id, "dx " DX_VERSION " %lld %lld.%09ld", (long long)st.st_size,
                 (long long)st.st_mtim.tv_sec, (long)st.st_mtim.tv_nsec);
    else
        snprintf(compiler_id, sizeof compiler_id, "dx " DX_VERSION " " __DATE__ " " __TIME__);
}

const char *dx_tc_compiler_id(void) {
    pthread_once(&id_once, make_compiler_id);
    return compiler_id;
}

dx_tc_key dx_tc_key_of(const char *kind, const char *src, size_t len) {
    dx_hasher h;
    dx_hasher_init(&h, DX_TC_FORMAT_VERSION);
    const char *id = dx_tc_compiler_id();
    /* NUL separators keep ("ab", "c") and ("a", "bc") apart. */
    dx_hasher_update(&h, id, strlen(id) + 1);
    dx_hasher_update(&h, kind, strlen(kind) + 1);
    dx_hasher_update(&h, src, len);
    dx_tc_key k = {dx_hasher_final(&h), len};
    return k;
}

/* ---- entries ----------------------------------------------------------------------------------- */

static void put64(uint8_t *p, uint64_t v) {
    for (int i = 0; i < 8; i++) p[i] = (uint8_t)(v >> (8 * i));
}

char *dx_tc_entry_path(const dx_tc_key *key) {
    if (!ready()) return NULL;
    char *p = NULL;
    if (asprintf(&p, "%s/%016llx%016llx.dxc", cfg.dir, (unsigned long long)key->hash.hi,
                 (unsigned long long)key->hash.lo) < 0)
        return NULL;
    return p;
}

static void header(uint8_t h[DX_TC_HEADER], const dx_tc_key *key, const void *payload, size_t len) {
    memcpy(h, "DXTC", 4);
    h[4] = DX_TC_FORMAT_VERSION & 0xff;
    h[5] = (DX_TC_FORMAT_VERSION >> 8) & 0xff;
    h[6] = h[7] = 0;
    put64(h + 8, key->hash.lo);
    put64(h + 16, key->hash.hi);
    put64(h + 24, key->src_len);
    put64(h + 32, len);
    put64(h + 40, dx_hash128_of(payload, len, 0x5DC).lo);
}

static bool read_all(int fd, uint8_t *buf, size_t len) {
    size_t got = 0;
    while (got < len) {
        ssize_t n = read(fd, buf + got, len - got);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        got += (size_t)n;
    }
    return true;
}

static bool write_all(int fd, const void *data, size_t len) {
    const uint8_t *p = data;
    while (len) {
        ssize_t n = write(fd, p, len);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        p += n;
        len -= (size_t)n;
    }
    return true;
}

static const char *base_name(const char *label) {
    if (!label) return "?";
    return label;
}

int dx_tc_get(const dx_tc_key *key, const char *label, uint8_t **payload, size_t *len) {
    *payload = NULL;
    *len = 0;
    char *path = dx_tc_entry_path(key);
    if (!path) return -1;
    int rc = -1, fd = -1;
    uint8_t *buf = NULL;
    const char *why = "miss";
    fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) goto out;
    struct stat st;
    why = "corrupt";
    if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode) || st.st_size < DX_TC_HEADER ||
        (uint64_t)st.st_size > DX_TC_MAX_ENTRY)
        goto out;
    size_t plen = (size_t)st.st_size - DX_TC_HEADER;
    uint8_t got[DX_TC_HEADER], want[DX_TC_HEADER];
    buf = malloc(plen ? plen : 1);
    if (!buf || !read_all(fd, got, sizeof got) || !read_all(fd, buf, plen)) goto out;
    header(want, key, buf, plen);
    if (memcmp(want, got, 40) != 0) {
        /* The same name with another key is a hash-prefix collision or another format version;
         * a length that is not the file's is a truncated or extended entry. */
        why = memcmp(want, got, 32) != 0 && memcmp(want, got, 8) == 0 ? "collision"
              : memcmp(want, got, 8) != 0                             ? "old-format"
                                                                       : "corrupt";
        goto out;
    }
    if (memcmp(want + 40, got + 40, 8) != 0) goto out;
    *payload = buf;
    *len = (size_t)plen;
    buf = NULL;
    rc = 0;
    why = "hit";
    /* Refresh the mtime now and then so eviction sees recent use, without a write per hit. */
    struct timespec now;
    clock_gettime(CLOCK_REALTIME, &now);
    if (now.tv_sec - st.st_mtim.tv_sec > 86400) futimens(fd, NULL);
out:
    if (cfg.debug) fprintf(stderr, "dx cache: %s %s\n", why, base_name(label));
    if (fd >= 0) close(fd);
    free(buf);
    free(path);
    return rc;
}

typedef struct entry_info {
    char *name;
    uint64_t size;
    struct timespec mtime;
} entry_info;

static int by_mtime(const void *a, const void *b) {
    const entry_info *x = a, *y = b;
    if (x->mtime.tv_sec != y->mtime.tv_sec) return x->mtime.tv_sec < y->mtime.tv_sec ? -1 : 1;
    if (x->mtime.tv_nsec != y->mtime.tv_nsec) return x->mtime.tv_nsec < y->mtime.tv_nsec ? -1 : 1;
    return strcmp(x->name, y->name);
}

static bool has_suffix(const char *s, const char *suf) {
    size_t n = strlen(s), m = strlen(suf);
    return n >= m && memcmp(s + n - m, suf, m) == 0;
}

uint64_t dx_tc_evict(void) {
    if (!ready()) return 0;
    DIR *d = opendir(cfg.dir);
    if (!d) return 0;
    int dfd = dirfd(d);
    entry_info *list = NULL;
    size_t n = 0, cap = 0;
    uint64_t total = 0;
    time_t now = time(NULL);
    struct dirent *de;
    while ((de = readdir(d))) {
        struct stat st;
        if (de->d_name[0] == '.' || fstatat(dfd, de->d_name, &st, AT_SYMLINK_NOFOLLOW) < 0 || !S_ISREG(st.st_mode))
            continue;
        if (strncmp(de->d_name, "tmp.", 4) == 0) {
            /* A writer that died between create and rename leaves its temporary file. */
            if (now - st.st_mtim.tv_sec > DX_TC_STALE_TMP_SECONDS) unlinkat(dfd, de->d_name, 0);
            continue;
        }
        if (!has_suffix(de->d_name, ".dxc")) continue;
        if (n == cap) {
            size_t nc = cap ? cap * 2 : 256;
            entry_info *nl = realloc(list, nc * sizeof *nl);
            if (!nl) break;
            list = nl;
            cap = nc;
        }
        char *name = strdup(de->d_name);
        if (!name) break;
        list[n++] = (entry_info){name, (uint64_t)st.st_size, st.st_mtim};
        total += (uint64_t)st.st_size;
    }
    if (total > cfg.max_bytes) {
        /* Down to 90% of the bound, so the next scans do not each evict one entry. */
        uint64_t target = cfg.max_bytes / 10 * 9;
        qsort(list, n, sizeof *list, by_mtime);
        for (size_t i = 0; i < n && total > target; i++) {
            if (unlinkat(dfd, list[i].name, 0) == 0 || errno == ENOENT) total -= list[i].size;
            if (cfg.debug) fprintf(stderr, "dx cache: evict %s\n", list[i].name);
        }
    }
    for (size_t i = 0; i < n; i++) free(list[i].name);
    free(list);
    closedir(d);
    return total;
}

/* Counts this put in the shared `writes` file; returns true for the one put in
 * DX_TC_EVICT_EVERY (across processes) that should scan. */
static bool eviction_due(void) {
    char *counter = join(cfg.dir, "writes"), *claimed = NULL;
    bool due = false;
    if (!counter) return false;
    int fd = open(counter, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
    if (fd >= 0) {
        struct stat st;
        if (write_all(fd, "w", 1) && fstat(fd, &st) == 0 && st.st_size >= DX_TC_EVICT_EVERY) {
            /* Several processes may see the threshold; the rename succeeds for exactly one. */
            if (asprintf(&claimed, "%s/tmp.writes.%ld", cfg.dir, (long)getpid()) >= 0 &&
                rename(counter, claimed) == 0) {
                unlink(claimed);
                due = true;
            }
        }
        close(fd);
    }
    free(claimed);
    free(counter);
    return due;
}

int dx_tc_put(const dx_tc_key *key, const char *label, const void *payload, size_t len) {
    if ((uint64_t)len + DX_TC_HEADER > DX_TC_MAX_ENTRY) return -1;
    char *path = dx_tc_entry_path(key), *tmp = NULL;
    if (!path) return -1;
    int rc = -1, fd = -1;
    /* pid + per-process counter: unique among live writers (O_EXCL checks anyway). */
    static unsigned long seq;
    unsigned long n = __atomic_add_fetch(&seq, 1, __ATOMIC_RELAXED);
    if (asprintf(&tmp, "%s/tmp.%ld.%lu", cfg.dir, (long)getpid(), n) < 0) {
        tmp = NULL;
        goto out;
    }
    fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) goto out;
    uint8_t h[DX_TC_HEADER];
    header(h, key, payload, len);
    bool ok = write_all(fd, h, sizeof h) && write_all(fd, payload, len);
    if (close(fd) < 0) ok = false;
    fd = -1;
    /* rename() replaces an entry atomically: readers see the old file or the new one. */
    if (!ok || rename(tmp, path) < 0) {
        unlink(tmp);
        goto out;
    }
    rc = 0;
    if (cfg.debug) fprintf(stderr, "dx cache: write %s\n", base_name(label));
    if (eviction_due()) dx_tc_evict();
out:
    if (fd >= 0) {
        close(fd);
        unlink(tmp);
    }
    free(tmp);
    free(path);
    return rc;
}

/* ---- payloads ---------------------------------------------------------------------------------- */

/* Layout, all integers u32 little-endian, strings as u32 length + bytes:
 *   flags, code, map,
 *   nrequests, per request: specifier, namespace_used, nattributes, (key, value) * nattributes
 *   nimports, per import: request, name, line, col
 *   nexports, per export: kind, exported, request, imported */

typedef struct wbuf {
    uint8_t *p;
    size_t len, cap;
    bool oom;
} wbuf;

static void w_bytes(wbuf *w, const void *data, size_t n) {
    if (w->oom || n == 0) return; /* empty strings may have a NULL pointer */
    if (n > UINT32_MAX || w->len + n < w->len) {
        w->oom = true;
        return;
    }
    if (w->len + n > w->cap) {
        size_t c = w->cap ? w->cap : 256;
        while (c < w->len + n) c *= 2;
        uint8_t *np = realloc(w->p, c);
        if (!np) {
            w->oom = true;
            return;
        }
        w->p = np;
        w->cap = c;
    }
    memcpy(w->p + w->len, data, n);
    w->len += n;
}

static void w_u32(wbuf *w, uint32_t v) {
    uint8_t b[4] = {(uint8_t)v, (uint8_t)(v >> 8), (uint8_t)(v >> 16), (uint8_t)(v >> 24)};
    w_bytes(w, b, 4);
}

static void w_str(wbuf *w, dx_cstr s) {
    w_u32(w, s.len);
    w_bytes(w, s.ptr, s.len);
}

int dx_compiled_encode(const dx_compiled *c, uint8_t **out, size_t *len) {
    wbuf w = {0};
    w_u32(&w, c->flags);
    w_str(&w, c->code);
    w_str(&w, c->map);
    w_u32(&w, c->nrequests);
    for (uint32_t i = 0; i < c->nrequests; i++) {
        const dx_compiled_request *r = &c->requests[i];
        w_str(&w, r->specifier);
        w_u32(&w, r->namespace_used);
        w_u32(&w, r->nattributes);
        for (uint32_t k = 0; k < 2 * r->nattributes; k++) w_str(&w, r->attributes[k]);
    }
    w_u32(&w, c->nimports);
    for (uint32_t i = 0; i < c->nimports; i++) {
        const dx_compiled_import *im = &c->imports[i];
        w_u32(&w, im->request);
        w_str(&w, im->name);
        w_u32(&w, im->line);
        w_u32(&w, im->col);
    }
    w_u32(&w, c->nexports);
    for (uint32_t i = 0; i < c->nexports; i++) {
        const dx_compiled_export *e = &c->exports[i];
        w_u32(&w, e->kind);
        w_str(&w, e->exported);
        w_u32(&w, e->request);
        w_str(&w, e->imported);
    }
    if (w.oom) {
        free(w.p);
        return -1;
    }
    *out = w.p;
    *len = w.len;
    return 0;
}

typedef struct rbuf {
    const uint8_t *p;
    size_t len, pos;
    bool bad;
} rbuf;

static uint32_t r_u32(rbuf *r) {
    if (r->bad || r->len - r->pos < 4) {
        r->bad = true;
        return 0;
    }
    const uint8_t *b = r->p + r->pos;
    r->pos += 4;
    return (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24;
}

static dx_cstr r_str(rbuf *r) {
    dx_cstr s = {"", 0};
    uint32_t n = r_u32(r);
    if (r->bad || r->len - r->pos < n) {
        r->bad = true;
        return s;
    }
    s.ptr = (const char *)r->p + r->pos;
    s.len = n;
    r->pos += n;
    return s;
}

/* A count read from the payload, bounded by what the remaining bytes could hold (each element
 * takes at least min_size bytes), so a corrupt count cannot make us allocate gigabytes. */
static uint32_t r_count(rbuf *r, size_t min_size) {
    uint32_t n = r_u32(r);
    if (!r->bad && n > (r->len - r->pos) / min_size) r->bad = true;
    return r->bad ? 0 : n;
}

void dx_compiled_free(dx_compiled *c) {
    free(c->requests);
    free(c->imports);
    free(c->exports);
    free(c->attr_store);
    memset(c, 0, sizeof *c);
}

int dx_compiled_decode(const uint8_t *p, size_t len, dx_compiled *c) {
    memset(c, 0, sizeof *c);
    rbuf r = {p, len, 0, false};
    c->flags = r_u32(&r);
    c->code = r_str(&r);
    c->map = r_str(&r);
    uint32_t n = r_count(&r, 12);
    if (r.bad) goto bad;
    c->requests = calloc(n ? n : 1, sizeof *c->requests);
    if (!c->requests) goto bad;
    /* Attributes of all requests share one array, sized by a first pass over the requests. */
    size_t start = r.pos, nattrs = 0;
    for (uint32_t i = 0; i < n && !r.bad; i++) {
        r_str(&r);
        r_u32(&r);
        uint32_t na = r_count(&r, 16);
        for (uint32_t k = 0; k < 2 * na && !r.bad; k++) r_str(&r);
        nattrs += na;
    }
    if (r.bad) goto bad;
    c->attr_store = calloc(nattrs ? 2 * nattrs : 1, sizeof *c->attr_store);
    if (!c->attr_store) goto bad;
    r.pos = start;
    size_t used = 0;
    for (uint32_t i = 0; i < n; i++) {
        dx_compiled_request *q = &c->requests[i];
        q->specifier = r_str(&r);
        q->namespace_used = r_u32(&r) != 0;
        q->nattributes = r_count(&r, 16);
        q->attributes = c->attr_store + used;
        for (uint32_t k = 0; k < 2 * q->nattributes; k++) c->attr_store[used++] = r_str(&r);
    }
    c->nrequests = n;
    n = r_count(&r, 16);
    if (r.bad) goto bad;
    c->imports = calloc(n ? n : 1, sizeof *c->imports);
    if (!c->imports) goto bad;
    for (uint32_t i = 0; i < n; i++) {
        dx_compiled_import *im = &c->imports[i];
        im->request = r_u32(&r);
        im->name = r_str(&r);
        im->line = r_u32(&r);
        im->col = r_u32(&r);
        if (im->request >= c->nrequests) r.bad = true;
    }
    c->nimports = n;
    n = r_count(&r, 16);
    if (r.bad) goto bad;
    c->exports = calloc(n ? n : 1, sizeof *c->exports);
    if (!c->exports) goto bad;
    for (uint32_t i = 0; i < n; i++) {
        dx_compiled_export *e = &c->exports[i];
        uint32_t kind = r_u32(&r);
        e->kind = (uint8_t)kind;
        e->exported = r_str(&r);
        e->request = r_u32(&r);
        e->imported = r_str(&r);
        /* Local exports carry no request; the others index the request list. */
        if (kind > 2 || (kind != 0 && e->request >= c->nrequests)) r.bad = true;
    }
    c->nexports = n;
    if (r.bad || r.pos != len) goto bad;
    return 0;
bad:
    dx_compiled_free(c);
    return -1;
}
