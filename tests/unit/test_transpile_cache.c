/* The transpile cache (modules/transpile_cache.c) and the source-map registry of compiled modules
 * (modules/module_maps.c): the hash, payload and entry round trips, corrupt and truncated entries,
 * eviction, concurrent writers (fork), the map blob codec, lookups and the registry. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "compiler/compiler.h"
#include "modules/module_maps.h"
#include "modules/transpile_cache.h"

/* Deterministic pseudo-random numbers (xorshift), so a failure reproduces. */
static uint64_t rng_state = 0x9E3779B97F4A7C15ULL;
static uint64_t rnd(void) {
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return rng_state;
}

static char tmpdir[256];

static int setup_dir(void **state) {
    (void)state;
    snprintf(tmpdir, sizeof tmpdir, "/tmp/dx_tc_test.XXXXXX");
    assert_non_null(mkdtemp(tmpdir));
    char dir[300];
    snprintf(dir, sizeof dir, "%s/cache", tmpdir);
    unsetenv("DX_NO_CACHE");
    dx_tc_configure(dir, 0);
    return 0;
}

static int teardown_dir(void **state) {
    (void)state;
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    assert_int_equal(system(cmd), 0);
    dx_tc_configure(NULL, 0);
    return 0;
}

static char *cache_dir(void) {
    static char d[300];
    snprintf(d, sizeof d, "%s/cache", tmpdir);
    return d;
}

/* Files in the cache directory whose name starts with prefix. */
static int count_files(const char *prefix) {
    DIR *d = opendir(cache_dir());
    assert_non_null(d);
    int n = 0;
    struct dirent *de;
    while ((de = readdir(d)))
        if (de->d_name[0] != '.' && strncmp(de->d_name, prefix, strlen(prefix)) == 0) n++;
    closedir(d);
    return n;
}

/* ---- hash ---- */

static void test_hash_incremental_equals_one_shot(void **state) {
    (void)state;
    uint8_t data[1000];
    for (size_t i = 0; i < sizeof data; i++) data[i] = (uint8_t)rnd();
    for (size_t len = 0; len <= sizeof data; len += 37) {
        dx_hash128 one = dx_hash128_of(data, len, 7);
        for (int trial = 0; trial < 5; trial++) {
            dx_hasher h;
            dx_hasher_init(&h, 7);
            size_t pos = 0;
            while (pos < len) {
                size_t step = 1 + rnd() % 50;
                if (step > len - pos) step = len - pos;
                dx_hasher_update(&h, data + pos, step);
                pos += step;
            }
            dx_hash128 inc = dx_hasher_final(&h);
            if (inc.lo != one.lo || inc.hi != one.hi) fail_msg("incremental hash differs at length %zu", len);
        }
    }
}

/* Flipping any one input bit changes about half of the 128 output bits, in both halves. */
static void test_hash_avalanche(void **state) {
    (void)state;
    for (size_t len = 1; len <= 80; len += 13) {
        uint8_t data[80];
        for (size_t i = 0; i < len; i++) data[i] = (uint8_t)rnd();
        dx_hash128 base = dx_hash128_of(data, len, 0);
        double total = 0;
        int n = 0;
        for (size_t bit = 0; bit < len * 8; bit++) {
            data[bit / 8] ^= (uint8_t)(1u << (bit % 8));
            dx_hash128 h = dx_hash128_of(data, len, 0);
            data[bit / 8] ^= (uint8_t)(1u << (bit % 8));
            int lo = __builtin_popcountll(h.lo ^ base.lo), hi = __builtin_popcountll(h.hi ^ base.hi);
            if (lo < 10 || hi < 10) fail_msg("weak avalanche: len %zu bit %zu changed %d/%d bits", len, bit, lo, hi);
            total += lo + hi;
            n++;
        }
        double mean = total / n;
        if (mean < 56 || mean > 72) fail_msg("mean changed bits %.1f for len %zu, expected about 64", mean, len);
    }
    dx_hash128 a = dx_hash128_of("", 0, 0), b = dx_hash128_of("", 0, 1);
    assert_true(a.lo != b.lo && a.hi != b.hi);
}

static void test_key_depends_on_kind_and_source(void **state) {
    (void)state;
    dx_tc_key a = dx_tc_key_of("esm:module", "x", 1), b = dx_tc_key_of("esm:typescript", "x", 1),
              c = dx_tc_key_of("esm:module", "y", 1), d = dx_tc_key_of("esm:module", "x", 1);
    assert_true(a.hash.lo != b.hash.lo && a.hash.lo != c.hash.lo);
    assert_true(a.hash.lo == d.hash.lo && a.hash.hi == d.hash.hi);
    assert_int_equal(a.src_len, 1);
    assert_non_null(strstr(dx_tc_compiler_id(), DX_VERSION));
}

/* ---- payloads ---- */

static dx_cstr S(const char *s) { return (dx_cstr){s, (uint32_t)strlen(s)}; }

static void sample_compiled(dx_compiled *c, dx_compiled_request req[2], dx_cstr attrs[2], dx_compiled_import imp[2],
                            dx_compiled_export exp[3]) {
    memset(c, 0, sizeof *c);
    attrs[0] = S("type");
    attrs[1] = S("json");
    req[0] = (dx_compiled_request){S("./a.js"), true, 0, NULL};
    req[1] = (dx_compiled_request){S("./data.json"), false, 1, attrs};
    imp[0] = (dx_compiled_import){0, S("default"), 3, 7};
    imp[1] = (dx_compiled_import){1, S("x\xc3\xa9"), 4, 0};
    exp[0] = (dx_compiled_export){0, S("f"), 0, S("")};
    exp[1] = (dx_compiled_export){1, S("g"), 0, S("h")};
    exp[2] = (dx_compiled_export){2, S(""), 1, S("")};
    c->flags = DX_COMPILED_ASYNC | DX_COMPILED_DEFAULT_FN_NAME;
    c->code = S("(function* (__dx_e) {\n  yield;\n})");
    c->map = (dx_cstr){"\x00\x01\x00\x00\x00\x00", 6};
    c->requests = req;
    c->nrequests = 2;
    c->imports = imp;
    c->nimports = 2;
    c->exports = exp;
    c->nexports = 3;
}

static bool cstr_eq(dx_cstr a, dx_cstr b) { return a.len == b.len && memcmp(a.ptr, b.ptr, a.len) == 0; }

static void test_payload_round_trip(void **state) {
    (void)state;
    dx_compiled c, d;
    dx_compiled_request req[2];
    dx_cstr attrs[2];
    dx_compiled_import imp[2];
    dx_compiled_export exp[3];
    sample_compiled(&c, req, attrs, imp, exp);
    uint8_t *p;
    size_t len;
    assert_int_equal(dx_compiled_encode(&c, &p, &len), 0);
    assert_int_equal(dx_compiled_decode(p, len, &d), 0);
    assert_int_equal(d.flags, c.flags);
    assert_true(cstr_eq(d.code, c.code) && cstr_eq(d.map, c.map));
    assert_int_equal(d.nrequests, 2);
    assert_true(cstr_eq(d.requests[1].specifier, S("./data.json")));
    assert_true(d.requests[0].namespace_used && !d.requests[1].namespace_used);
    assert_int_equal(d.requests[1].nattributes, 1);
    assert_true(cstr_eq(d.requests[1].attributes[0], S("type")) && cstr_eq(d.requests[1].attributes[1], S("json")));
    assert_int_equal(d.nimports, 2);
    assert_true(cstr_eq(d.imports[1].name, S("x\xc3\xa9")));
    assert_int_equal(d.imports[0].line, 3);
    assert_int_equal(d.imports[0].col, 7);
    assert_int_equal(d.nexports, 3);
    assert_int_equal(d.exports[1].kind, 1);
    assert_true(cstr_eq(d.exports[1].imported, S("h")));
    assert_int_equal(d.exports[2].request, 1);
    dx_compiled_free(&d);

    /* Every proper prefix is refused. */
    for (size_t n = 0; n < len; n++) {
        if (dx_compiled_decode(p, n, &d) == 0) fail_msg("prefix of %zu of %zu bytes decoded", n, len);
        dx_compiled_free(&d);
    }
    free(p);
}

/* Random byte changes either fail to decode or decode to something whose indices are in range. */
static void test_payload_random_corruption(void **state) {
    (void)state;
    dx_compiled c, d;
    dx_compiled_request req[2];
    dx_cstr attrs[2];
    dx_compiled_import imp[2];
    dx_compiled_export exp[3];
    sample_compiled(&c, req, attrs, imp, exp);
    uint8_t *p;
    size_t len;
    assert_int_equal(dx_compiled_encode(&c, &p, &len), 0);
    uint8_t *q = malloc(len);
    int refused = 0;
    for (int trial = 0; trial < 20000; trial++) {
        memcpy(q, p, len);
        int flips = 1 + (int)(rnd() % 4);
        for (int k = 0; k < flips; k++) q[rnd() % len] = (uint8_t)rnd();
        if (dx_compiled_decode(q, len, &d) < 0) {
            refused++;
            continue;
        }
        for (uint32_t i = 0; i < d.nimports; i++) assert_true(d.imports[i].request < d.nrequests);
        for (uint32_t i = 0; i < d.nexports; i++) {
            assert_true(d.exports[i].kind <= 2);
            if (d.exports[i].kind) assert_true(d.exports[i].request < d.nrequests);
        }
        for (uint32_t i = 0; i < d.nrequests; i++) {
            const dx_compiled_request *r = &d.requests[i];
            assert_true((const uint8_t *)r->specifier.ptr >= q || r->specifier.len == 0);
            assert_true((const uint8_t *)r->specifier.ptr + r->specifier.len <= q + len || r->specifier.len == 0);
        }
        dx_compiled_free(&d);
    }
    assert_true(refused > 0);
    free(q);
    free(p);
}

/* ---- the cache on disk ---- */

static void test_cache_round_trip_and_modes(void **state) {
    (void)state;
    assert_true(dx_tc_enabled());
    dx_tc_key k = dx_tc_key_of("esm:module", "export let a = 1;", 17);
    uint8_t *p;
    size_t len;
    assert_int_equal(dx_tc_get(&k, "a.mjs", &p, &len), -1);
    assert_null(p);
    const char payload[] = "compiled output";
    assert_int_equal(dx_tc_put(&k, "a.mjs", payload, sizeof payload), 0);
    assert_int_equal(dx_tc_get(&k, "a.mjs", &p, &len), 0);
    assert_int_equal(len, sizeof payload);
    assert_memory_equal(p, payload, len);
    free(p);
    /* A key with the same hash but another source length is not this entry. */
    dx_tc_key other = k;
    other.src_len++;
    assert_int_equal(dx_tc_get(&other, NULL, &p, &len), -1);
    /* Replacing keeps one file and no temporaries. */
    assert_int_equal(dx_tc_put(&k, "a.mjs", "v2", 2), 0);
    assert_int_equal(dx_tc_get(&k, "a.mjs", &p, &len), 0);
    assert_int_equal(len, 2);
    free(p);
    assert_int_equal(count_files("tmp."), 0);
    struct stat st;
    assert_int_equal(stat(cache_dir(), &st), 0);
    assert_int_equal(st.st_mode & 0777, 0700);
    char *path = dx_tc_entry_path(&k);
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0600);
    free(path);
}

static void write_file(const char *path, const uint8_t *data, size_t len) {
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, len, f), len);
    fclose(f);
}

static uint8_t *read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    *len = (size_t)ftell(f);
    fseek(f, 0, SEEK_SET);
    uint8_t *b = malloc(*len + 1);
    assert_int_equal(fread(b, 1, *len, f), *len);
    fclose(f);
    return b;
}

/* Truncated entries, random byte changes and garbage are misses; a put then repairs the entry. */
static void test_cache_corrupt_entries_are_misses(void **state) {
    (void)state;
    dx_tc_key k = dx_tc_key_of("cjs:typescript", "let x: number = 1;", 18);
    uint8_t payload[300];
    for (size_t i = 0; i < sizeof payload; i++) payload[i] = (uint8_t)rnd();
    assert_int_equal(dx_tc_put(&k, NULL, payload, sizeof payload), 0);
    char *path = dx_tc_entry_path(&k);
    size_t len;
    uint8_t *good = read_file(path, &len);
    uint8_t *bad = malloc(len + 64), *got;
    size_t got_len;
    for (size_t n = 0; n < len; n += 1 + n / 8) {
        write_file(path, good, n);
        if (dx_tc_get(&k, NULL, &got, &got_len) == 0) fail_msg("entry truncated to %zu of %zu bytes was a hit", n, len);
    }
    for (int trial = 0; trial < 400; trial++) {
        memcpy(bad, good, len);
        size_t at = rnd() % len;
        uint8_t b = (uint8_t)rnd();
        if (b == good[at]) b ^= 1;
        bad[at] = b;
        write_file(path, bad, len);
        if (dx_tc_get(&k, NULL, &got, &got_len) == 0) fail_msg("entry with byte %zu changed was a hit", at);
    }
    /* Trailing garbage and a directory in place of the file. */
    memcpy(bad, good, len);
    memset(bad + len, 'x', 64);
    write_file(path, bad, len + 64);
    assert_int_equal(dx_tc_get(&k, NULL, &got, &got_len), -1);
    unlink(path);
    assert_int_equal(mkdir(path, 0700), 0);
    assert_int_equal(dx_tc_get(&k, NULL, &got, &got_len), -1);
    rmdir(path);
    /* Repaired by the next put. */
    write_file(path, bad, 10);
    assert_int_equal(dx_tc_put(&k, NULL, payload, sizeof payload), 0);
    assert_int_equal(dx_tc_get(&k, NULL, &got, &got_len), 0);
    assert_memory_equal(got, payload, sizeof payload);
    free(got);
    free(bad);
    free(good);
    free(path);
}

static void set_mtime(const dx_tc_key *k, time_t t) {
    char *path = dx_tc_entry_path(k);
    struct timespec ts[2] = {{t, 0}, {t, 0}};
    assert_int_equal(utimensat(AT_FDCWD, path, ts, 0), 0);
    free(path);
}

static bool has_entry(const dx_tc_key *k) {
    char *path = dx_tc_entry_path(k);
    bool r = access(path, F_OK) == 0;
    free(path);
    return r;
}

/* Over the bound, the entries with the oldest mtimes go first, down to 90% of the bound. */
static void test_cache_evicts_oldest(void **state) {
    (void)state;
    char dir[300];
    snprintf(dir, sizeof dir, "%s/cache", tmpdir);
    dx_tc_configure(dir, 100 * 1024);
    static uint8_t payload[4096 - 48];
    dx_tc_key keys[40];
    time_t base = time(NULL) - 100000;
    for (int i = 0; i < 40; i++) {
        char src[32];
        int n = snprintf(src, sizeof src, "module %d", i);
        keys[i] = dx_tc_key_of("esm:module", src, (size_t)n);
        assert_int_equal(dx_tc_put(&keys[i], NULL, payload, sizeof payload), 0);
        /* Entry i was last used at base + i, except entry 3, used most recently of all. */
        set_mtime(&keys[i], i == 3 ? base + 1000 : base + i);
    }
    uint64_t left = dx_tc_evict();
    assert_true(left <= 100 * 1024 / 10 * 9);
    assert_true(left > 100 * 1024 / 10 * 9 - 4096);
    /* 22 entries of 4 KiB fit in 90 KiB: the 18 oldest (0-18 without 3) are gone. */
    for (int i = 0; i < 40; i++) {
        bool want = i == 3 || i >= 19;
        if (has_entry(&keys[i]) != want) fail_msg("entry %d: expected %s", i, want ? "kept" : "evicted");
    }
    /* Puts check the bound by themselves every 64 writes. */
    for (int i = 0; i < 130; i++) {
        char src[32];
        int n = snprintf(src, sizeof src, "more %d", i);
        dx_tc_key k = dx_tc_key_of("esm:module", src, (size_t)n);
        assert_int_equal(dx_tc_put(&k, NULL, payload, sizeof payload), 0);
    }
    assert_true(count_files("") * 4096 <= 100 * 1024 + 64 * 4096 + 4096);
    assert_true(dx_tc_evict() <= 100 * 1024);
    dx_tc_configure(dir, 0);
}

/* Several processes writing and reading the same keys see whole entries only. */
static void test_cache_concurrent_writers(void **state) {
    (void)state;
    enum { PROCS = 4, KEYS = 16, ROUNDS = 40 };
    pid_t pids[PROCS];
    for (int p = 0; p < PROCS; p++) {
        pids[p] = fork();
        assert_true(pids[p] >= 0);
        if (pids[p] == 0) {
            int bad = 0;
            for (int r = 0; r < ROUNDS; r++) {
                for (int i = 0; i < KEYS; i++) {
                    char src[32];
                    int n = snprintf(src, sizeof src, "shared %d", i);
                    dx_tc_key k = dx_tc_key_of("esm:module", src, (size_t)n);
                    /* The payload is a function of the key, as compiled output is of its source. */
                    uint8_t payload[2000 + 97 * KEYS];
                    size_t len = 2000 + 97 * (size_t)i;
                    for (size_t b = 0; b < len; b++) payload[b] = (uint8_t)(b * 31 + (size_t)i);
                    uint8_t *got;
                    size_t got_len;
                    if (dx_tc_get(&k, NULL, &got, &got_len) == 0) {
                        if (got_len != len || memcmp(got, payload, len) != 0) bad++;
                        free(got);
                    }
                    if ((r + p + i) % 3 == 0 && dx_tc_put(&k, NULL, payload, len) < 0) bad++;
                }
            }
            _exit(bad ? 1 : 0);
        }
    }
    for (int p = 0; p < PROCS; p++) {
        int status;
        assert_int_equal(waitpid(pids[p], &status, 0), pids[p]);
        assert_true(WIFEXITED(status));
        assert_int_equal(WEXITSTATUS(status), 0);
    }
    assert_int_equal(count_files("tmp."), 0);
    for (int i = 0; i < KEYS; i++) {
        char src[32];
        int n = snprintf(src, sizeof src, "shared %d", i);
        dx_tc_key k = dx_tc_key_of("esm:module", src, (size_t)n);
        uint8_t *got;
        size_t got_len;
        assert_int_equal(dx_tc_get(&k, NULL, &got, &got_len), 0);
        assert_int_equal(got_len, 2000 + 97 * (size_t)i);
        free(got);
    }
}

static void test_no_cache_env(void **state) {
    (void)state;
    setenv("DX_NO_CACHE", "1", 1);
    dx_tc_configure(cache_dir(), 0);
    assert_false(dx_tc_enabled());
    dx_tc_key k = dx_tc_key_of("esm:module", "a", 1);
    uint8_t *p;
    size_t len;
    assert_int_equal(dx_tc_put(&k, NULL, "x", 1), -1);
    assert_int_equal(dx_tc_get(&k, NULL, &p, &len), -1);
    assert_null(dx_tc_entry_path(&k));
    setenv("DX_NO_CACHE", "0", 1);
    dx_tc_configure(cache_dir(), 0);
    assert_true(dx_tc_enabled());
    unsetenv("DX_NO_CACHE");
}

/* ---- source maps ---- */

/* A node for the mapping hook: an identifier spelled `name` at (line 1-based, col 0-based). */
static js_node ident(const char *name, uint32_t offset, uint32_t line, uint32_t col) {
    js_node n;
    memset(&n, 0, sizeof n);
    n.kind = JS_IDENT;
    n.loc = (js_loc){offset, line, col};
    n.u.ident.name = (js_str){name, (uint32_t)strlen(name)};
    return n;
}

typedef struct lookup_row {
    uint32_t line, col;   /* generated, 1-based */
    bool found;
    uint32_t oline, ocol; /* original, 1-based */
    const char *name;
} lookup_row;

static void check_rows(const dx_map *m, const lookup_row *rows, size_t n) {
    int failures = 0;
    for (size_t i = 0; i < n; i++) {
        dx_map_pos pos;
        bool found = dx_map_lookup(m, rows[i].line, rows[i].col, &pos);
        bool ok = found == rows[i].found;
        if (ok && found)
            ok = pos.line == rows[i].oline && pos.col == rows[i].ocol &&
                 ((!pos.name && !rows[i].name) || (pos.name && rows[i].name && strcmp(pos.name, rows[i].name) == 0));
        if (!ok) {
            failures++;
            fprintf(stderr, "lookup %u:%u: expected %s %u:%u %s, got %s %u:%u %s\n", rows[i].line, rows[i].col,
                    rows[i].found ? "found" : "none", rows[i].oline, rows[i].ocol, rows[i].name ? rows[i].name : "-",
                    found ? "found" : "none", found ? pos.line : 0, found ? pos.col : 0,
                    found && pos.name ? pos.name : "-");
        }
    }
    if (failures) fail_msg("%d lookups differ", failures);
}

static void test_map_builder_and_lookup(void **state) {
    (void)state;
    /* Source "let foo = 1;\nbar(x);\n"; generated code moves things around. */
    const char *src = "let foo = 1;\nbar(x);\n";
    dx_map_builder b;
    dx_map_builder_init(&b, src, strlen(src));
    js_node outer = ident("foo", 4, 1, 4), inner = ident("foo", 4, 1, 4);
    js_node renamed = ident("foo_1", 4, 1, 4); /* printed as foo_1, spelled foo */
    js_node bar = ident("bar", 13, 2, 0), x = ident("x", 17, 2, 4), nowhere = ident("tmp", 0, 0, 0);
    dx_map_on_mapping(&b, 0, 2, &outer);
    dx_map_on_mapping(&b, 0, 2, &inner);   /* same position: replaces */
    dx_map_on_mapping(&b, 0, 9, &nowhere); /* no location: adds nothing */
    dx_map_on_mapping(&b, 2, 4, &bar);
    dx_map_on_mapping(&b, 2, 8, &x);
    dx_map_on_mapping(&b, 5, 0, &renamed);
    /* The output those mappings describe. */
    const char *code = "  foo = 1;\n\n    bar(x);\n\n\nfoo_1 + 1;\n";
    uint8_t *blob;
    size_t len;
    assert_int_equal(dx_map_builder_finish(&b, code, strlen(code), &blob, &len), 0);
    dx_map_builder_free(&b);
    dx_map *m = dx_map_decode(blob, len);
    assert_non_null(m);
    assert_int_equal(m->nsegs, 4);
    /* Spans: "foo = 1;" to the line end; "bar(" up to the next segment; "x);"; "foo" of foo_1. */
    assert_int_equal(m->segs[0].span, 8);
    assert_int_equal(m->segs[1].span, 4);
    assert_int_equal(m->segs[2].span, 3);
    assert_int_equal(m->segs[3].span, 3);
    assert_int_equal(m->nnames, 1);
    static const lookup_row rows[] = {
        {1, 1, false, 0, 0, NULL},   /* before the first segment of the line */
        {1, 3, true, 1, 5, NULL},    /* the segment's start */
        {1, 5, true, 1, 7, NULL},    /* two columns on, inside the verbatim span: moves with it */
        {1, 30, true, 1, 5, NULL},   /* past the span: the segment's start */
        {2, 1, false, 0, 0, NULL},   /* a line with no segment */
        {3, 5, true, 2, 1, NULL},    /* bar */
        {3, 8, true, 2, 4, NULL},    /* bar's `(` */
        {3, 9, true, 2, 5, NULL},    /* x */
        {3, 11, true, 2, 7, NULL},   /* the `;` */
        {3, 12, true, 2, 5, NULL},   /* past the span */
        {6, 1, true, 1, 5, "foo"},   /* renamed identifier: the original name */
        {6, 3, true, 1, 7, "foo"},   /* "foo" of foo_1 is verbatim */
        {6, 4, true, 1, 5, "foo"},   /* "_1" is not */
        {7, 1, false, 0, 0, NULL},   /* past the end */
        {0, 1, false, 0, 0, NULL},   /* not 1-based */
        {1, 0, false, 0, 0, NULL},
    };
    check_rows(m, rows, sizeof rows / sizeof rows[0]);
    dx_map_free(m);

    /* Every proper prefix and random corruption: refused or decoded, never read out of bounds. */
    for (size_t n = 0; n < len; n++) {
        dx_map *t = dx_map_decode(blob, n);
        if (t) fail_msg("prefix %zu of %zu decoded", n, len);
    }
    uint8_t *q = malloc(len);
    for (int trial = 0; trial < 20000; trial++) {
        memcpy(q, blob, len);
        q[rnd() % len] = (uint8_t)rnd();
        dx_map *t = dx_map_decode(q, len);
        if (!t) continue;
        for (size_t i = 0; i < t->nsegs; i++) assert_true(t->segs[i].name < (int32_t)t->nnames);
        dx_map_pos pos;
        for (uint32_t l = 1; l < 8; l++) dx_map_lookup(t, l, 1 + (uint32_t)(rnd() % 12), &pos);
        dx_map_free(t);
    }
    free(q);
    free(blob);
    assert_null(dx_map_decode((const uint8_t *)"\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\x01", 11));
}

/* The real pipeline: a TypeScript program parsed, lowered and printed with the hook. */
static void test_map_of_compiled_typescript(void **state) {
    (void)state;
    const char *src = "enum E { A }\n"
                      "function fail(msg: string): never {\n"
                      "  throw new Error(msg);\n"
                      "}\n"
                      "interface I { x: number }\n"
                      "fail(String(E.A));\n";
    js_ast *ast = js_parse(src, strlen(src), &(js_parse_options){.goal = JS_GOAL_SCRIPT, .lang = JS_LANG_TS});
    assert_non_null(ast);
    assert_int_equal(ast->nerrors, 0);
    dx_map_builder b;
    dx_map_builder_init(&b, src, strlen(src));
    size_t code_len;
    char *code = js_print(ast->program, &(js_print_options){.on_mapping = dx_map_on_mapping, .mapping_ud = &b},
                          &code_len);
    assert_non_null(code);
    uint8_t *blob;
    size_t len;
    assert_int_equal(dx_map_builder_finish(&b, code, code_len, &blob, &len), 0);
    dx_map_builder_free(&b);
    dx_map *m = dx_map_decode(blob, len);
    assert_non_null(m);
    /* Find `new Error(` and `fail(String` in the output and map their generated positions back. */
    const char *targets[][2] = {{"new Error(msg)", "  throw new Error(msg);"}, {"fail(String", "fail(String(E.A));"}};
    for (size_t t = 0; t < 2; t++) {
        const char *at = strstr(code, targets[t][0]);
        assert_non_null(at);
        uint32_t line = 1, col = 1;
        for (const char *p = code; p < at; p++) {
            if (*p == '\n') line++, col = 1;
            else col++;
        }
        dx_map_pos pos;
        assert_true(dx_map_lookup(m, line, col, &pos));
        const char *orig = strstr(src, targets[t][1]);
        uint32_t oline = 1;
        const char *ls = src;
        for (const char *p = src; p < orig; p++)
            if (*p == '\n') oline++, ls = p + 1;
        uint32_t ocol = (uint32_t)(strstr(orig, targets[t][0]) - ls) + 1;
        if (pos.line != oline || pos.col != ocol)
            fail_msg("%s: expected %u:%u, got %u:%u\n%s", targets[t][0], oline, ocol, pos.line, pos.col, code);
        /* The `(` of the call maps to the `(` of the source. */
        uint32_t paren = (uint32_t)(strchr(at, '(') - at);
        assert_true(dx_map_lookup(m, line, col + paren, &pos));
        assert_int_equal(pos.col, ocol + paren);
    }
    dx_map_free(m);
    free(blob);
    free(code);
    js_ast_free(ast);
}

static void test_registry(void **state) {
    (void)state;
    dx_map_builder b;
    dx_map_builder_init(&b, NULL, 0);
    js_node a = ident("a", 0, 10, 2);
    dx_map_on_mapping(&b, 0, 0, &a);
    uint8_t *blob1, *blob2;
    size_t len1, len2;
    assert_int_equal(dx_map_builder_finish(&b, "", 0, &blob1, &len1), 0);
    dx_map_builder_free(&b);
    dx_map_builder_init(&b, NULL, 0);
    js_node c = ident("c", 0, 20, 0);
    dx_map_on_mapping(&b, 0, 0, &c);
    assert_int_equal(dx_map_builder_finish(&b, "", 0, &blob2, &len2), 0);
    dx_map_builder_free(&b);

    dx_map_pos pos;
    char name[16];
    assert_false(dx_module_maps_lookup("file:///a.mjs", 1, 1, &pos, name, sizeof name));
    /* Many keys, to make the table grow. */
    for (int i = 0; i < 300; i++) {
        char key[64];
        snprintf(key, sizeof key, "file:///m%d.mjs", i);
        dx_module_maps_register(key, i % 2 ? blob2 : blob1, i % 2 ? len2 : len1);
    }
    dx_module_maps_register("file:///a.mjs", blob1, len1);
    assert_true(dx_module_maps_lookup("file:///a.mjs", 1, 4, &pos, name, sizeof name));
    assert_int_equal(pos.line, 10);
    assert_int_equal(pos.col, 3); /* built without the source: no span, the segment start */
    assert_true(dx_module_maps_lookup("file:///m7.mjs", 1, 1, &pos, name, sizeof name));
    assert_int_equal(pos.line, 20);
    assert_true(dx_module_maps_lookup("file:///m8.mjs", 1, 1, &pos, name, sizeof name));
    assert_int_equal(pos.line, 10);
    /* Registering again replaces the map (a file compiled again after a cache clear). */
    dx_module_maps_register("file:///a.mjs", blob2, len2);
    assert_true(dx_module_maps_lookup("file:///a.mjs", 1, 1, &pos, name, sizeof name));
    assert_int_equal(pos.line, 20);
    assert_false(dx_module_maps_lookup("file:///a.mjs", 2, 1, &pos, name, sizeof name));
    /* A corrupt blob is looked up as no map, repeatedly. */
    dx_module_maps_register("/x.ts", (const uint8_t *)"\x05", 1);
    assert_false(dx_module_maps_lookup("/x.ts", 1, 1, &pos, name, sizeof name));
    assert_false(dx_module_maps_lookup("/x.ts", 1, 1, &pos, name, sizeof name));
    dx_module_maps_register("/empty.ts", (const uint8_t *)"\x00\x00", 2);
    assert_false(dx_module_maps_lookup("/empty.ts", 1, 1, &pos, name, sizeof name));
    dx_module_maps_clear();
    assert_false(dx_module_maps_lookup("file:///m7.mjs", 1, 1, &pos, name, sizeof name));
    free(blob1);
    free(blob2);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_hash_incremental_equals_one_shot),
        cmocka_unit_test(test_hash_avalanche),
        cmocka_unit_test(test_key_depends_on_kind_and_source),
        cmocka_unit_test(test_payload_round_trip),
        cmocka_unit_test(test_payload_random_corruption),
        cmocka_unit_test_setup_teardown(test_cache_round_trip_and_modes, setup_dir, teardown_dir),
        cmocka_unit_test_setup_teardown(test_cache_corrupt_entries_are_misses, setup_dir, teardown_dir),
        cmocka_unit_test_setup_teardown(test_cache_evicts_oldest, setup_dir, teardown_dir),
        cmocka_unit_test_setup_teardown(test_cache_concurrent_writers, setup_dir, teardown_dir),
        cmocka_unit_test_setup_teardown(test_no_cache_env, setup_dir, teardown_dir),
        cmocka_unit_test(test_map_builder_and_lookup),
        cmocka_unit_test(test_map_of_compiled_typescript),
        cmocka_unit_test(test_registry),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
