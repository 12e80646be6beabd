/* test262_runner: runs tc39/test262 (fetched, never committed) against JavaScriptCore as dx hosts it.
 *
 * Script tests run in-process, each in a fresh global context (JSGlobalContextCreateInGroup) with the
 * $262 host object, in sloppy and/or strict mode as their flags ask. Tests that need an ES-module
 * loader (flags: [module], and scripts calling import()) run through dx itself, because the JSC C API
 * has no module loader and dx's ES modules are our compiler's transform plus lib/internal/modules/esm:
 * the runner spawns `dx` on a generated entry file that sets up the harness and then imports the test.
 * Why JSC directly and not libdx-runtime for script tests: a test262 realm must be a bare ECMAScript
 * global (tests enumerate and redefine globals), while dx's runtime installs Node's globals, and a
 * fresh dx runtime per test would cost its whole bootstrap (tens of ms) instead of ~1 ms.
 *
 * Workers: N forked processes, fed one test at a time over a pipe, so a crash or hang costs one test
 * (the parent records it and starts a new worker). The parent never touches JSC (a forked child must
 * not run JS that its parent started).
 *
 * Usage: test262_runner [--test262-dir DIR] [--jobs N] [--timeout SEC] [--dx PATH]
 *          [--features FILE] [--expectations FILE] [--update] [--results FILE] [--sample K]
 *          [--verbose] [paths under DIR...]
 * Exit: 0 when every failure is listed in the expectations file, 1 otherwise, 77 without DIR. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "meta.h"
#include "worker.h"

typedef struct strlist {
    char **items;
    size_t len, cap;
} strlist;

static void push(strlist *l, char *owned) {
    if (l->len == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 1024;
        l->items = realloc(l->items, l->cap * sizeof *l->items);
        if (!l->items) abort();
    }
    l->items[l->len++] = owned;
}

/* dst = a "/" b; false (and nothing usable in dst) when the path does not fit. */
static bool join(char *dst, size_t cap, const char *a, const char *b) {
    int n = snprintf(dst, cap, "%s/%s", a, b);
    return n >= 0 && (size_t)n < cap;
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static void sort_list(strlist *l) {
    if (l->len) qsort(l->items, l->len, sizeof *l->items, cmp_str);
}

static bool has(const strlist *sorted, const char *s) {
    return sorted->len && bsearch(&s, sorted->items, sorted->len, sizeof *sorted->items, cmp_str) != NULL;
}

static size_t root_len; /* strlen(test262 dir) + 1: tests are named relative to the root */

static void walk(const char *dir, strlist *out) {
    DIR *d = opendir(dir);
    if (!d) return;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.') continue;
        char path[PATH_MAX];
        if (!join(path, sizeof path, dir, e->d_name)) continue;
        struct stat st;
        if (stat(path, &st) != 0) continue;
        if (S_ISDIR(st.st_mode)) {
            walk(path, out);
        } else {
            size_t n = strlen(e->d_name);
            if (n > 3 && !strcmp(e->d_name + n - 3, ".js") && !strstr(e->d_name, "_FIXTURE")) push(out, strdup(path + root_len));
        }
    }
    closedir(d);
}

/* Reads "name  # comment" lines into names (sorted); blank lines and comments are ignored. With
 * lines, the whole lines are kept too, so --update can carry the reasons of entries it did not rerun. */
static void read_list(const char *path, strlist *out, strlist *lines) {
    FILE *f = fopen(path, "r");
    if (!f) return;
    char line[4096];
    while (fgets(line, sizeof line, f)) {
        if (lines && line[0] != '#' && line[0] != '\n') {
            line[strcspn(line, "\n")] = 0;
            push(lines, strdup(line));
        }
        char *hash = strchr(line, '#');
        if (hash) *hash = 0;
        char *b = line, *e = line + strlen(line);
        while (*b == ' ' || *b == '\t') b++;
        while (e > b && (e[-1] == '\n' || e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r')) e--;
        if (e > b) push(out, strndup(b, (size_t)(e - b)));
    }
    fclose(f);
    sort_list(out);
}

/* ---- the shadow tree for tests that run through dx ----
 * dx decides a .js file's module format from the nearest package.json, as Node does, and test262's
 * .js files are modules only by their flags. So the directories of those tests are mirrored (hard
 * links, or copies across file systems) under a temporary root whose package.json says
 * "type": "module"; imports between the files resolve inside the mirror. */

static char shadow_root[PATH_MAX];

static int link_or_copy(const char *from, const char *to) {
    if (link(from, to) == 0 || errno == EEXIST) return 0;
    int in = open(from, O_RDONLY), out = -1, rc = -1;
    if (in < 0) goto out;
    out = open(to, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (out < 0) goto out;
    char buf[65536];
    ssize_t n;
    while ((n = read(in, buf, sizeof buf)) > 0)
        if (write(out, buf, (size_t)n) != n) goto out;
    rc = n < 0 ? -1 : 0;
out:
    if (in >= 0) close(in);
    if (out >= 0) close(out);
    return rc;
}

static void mkdirs(const char *path) {
    char tmp[PATH_MAX];
    snprintf(tmp, sizeof tmp, "%s", path);
    for (char *p = tmp + 1; *p; p++) {
        if (*p != '/') continue;
        *p = 0;
        mkdir(tmp, 0755);
        *p = '/';
    }
    mkdir(tmp, 0755);
}

/* Mirrors dir (relative to the test262 root); recursive for subdirectories when deep. */
static void shadow_dir(const char *root, const char *rel, bool deep, strlist *done) {
    if (has(done, rel)) return;
    push(done, strdup(rel));
    sort_list(done);
    char src[PATH_MAX], dst[PATH_MAX];
    if (!join(src, sizeof src, root, rel) || !join(dst, sizeof dst, shadow_root, rel)) return;
    mkdirs(dst);
    DIR *d = opendir(src);
    if (!d) return;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.') continue;
        char s[PATH_MAX], t[PATH_MAX], r[PATH_MAX];
        if (!join(s, sizeof s, src, e->d_name) || !join(t, sizeof t, dst, e->d_name) ||
            !join(r, sizeof r, rel, e->d_name))
            continue;
        struct stat st;
        if (stat(s, &st) != 0) continue;
        if (S_ISDIR(st.st_mode)) {
            if (deep) shadow_dir(root, r, true, done);
        } else {
            link_or_copy(s, t);
        }
    }
    closedir(d);
}

static int rm_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw) {
    (void)st, (void)flag, (void)ftw;
    remove(path);
    return 0;
}

/* ---- parent: dispatch, collect, report ---- */

typedef struct result {
    char status; /* 'P' pass, 'F' fail, 'S' skip, 0 not run */
    char *message;
    double ms;
} result;

typedef struct worker {
    pid_t pid;
    int to, from; /* pipe ends: parent writes test indices, reads result lines */
    long current; /* index of the test the worker is running, -1 when idle */
    double started;
    char buf[65536];
    size_t used;
} worker;

static double now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static t262_config cfg;
static strlist tests;
static result *results;

static void start_worker(worker *w, int id) {
    int down[2], up[2];
    if (pipe(down) || pipe(up)) {
        perror("pipe");
        exit(2);
    }
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0) {
        perror("fork");
        exit(2);
    }
    if (pid == 0) {
        close(down[1]);
        close(up[0]);
        signal(SIGPIPE, SIG_DFL);
        _exit(t262_worker_main(&cfg, (const char *const *)tests.items, id, down[0], up[1]));
    }
    close(down[0]);
    close(up[1]);
    w->pid = pid;
    w->to = down[1];
    w->from = up[0];
    w->current = -1;
    w->used = 0;
}

static void stop_worker(worker *w, bool kill_it) {
    if (w->pid <= 0) return;
    if (kill_it) kill(w->pid, SIGKILL);
    close(w->to);
    close(w->from);
    waitpid(w->pid, NULL, 0);
    w->pid = 0;
    w->to = w->from = -1; /* poll ignores negative descriptors */
}

static void record(long idx, char status, const char *msg, double ms) {
    if (idx < 0 || (size_t)idx >= tests.len || results[idx].status) return;
    results[idx].status = status;
    results[idx].message = strdup(msg ? msg : "");
    results[idx].ms = ms;
    if (cfg.verbose && status == 'F') fprintf(stderr, "FAIL %s: %s\n", tests.items[idx], msg);
}

/* A result line is "index<TAB>status<TAB>message\n". */
static void handle_lines(worker *w) {
    char *p = w->buf, *end = w->buf + w->used;
    for (;;) {
        char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl) break;
        *nl = 0;
        char *tab1 = strchr(p, '\t');
        if (tab1 && tab1[1] && tab1[2] == '\t') {
            long idx = strtol(p, NULL, 10);
            record(idx, tab1[1], tab1 + 3, now_ms() - w->started);
            if (idx == w->current) w->current = -1;
        }
        p = nl + 1;
    }
    memmove(w->buf, p, (size_t)(end - p));
    w->used = (size_t)(end - p);
}

static void json_string(FILE *f, const char *s) {
    fputc('"', f);
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\') fprintf(f, "\\%c", c);
        else if (c < 0x20) fprintf(f, "\\u%04x", c);
        else fputc(c, f);
    }
    fputc('"', f);
}

typedef struct tally {
    const char *prefix;
    long pass, fail, skip;
} tally;

static void count_into(tally *t, size_t n, const char *name, char status) {
    for (size_t i = 0; i < n; i++) {
        size_t len = strlen(t[i].prefix);
        if (strncmp(name, t[i].prefix, len) != 0 || (name[len] != '/' && name[len] != 0)) continue;
        if (status == 'P') t[i].pass++;
        else if (status == 'F') t[i].fail++;
        else t[i].skip++;
    }
}

static void print_tally(const tally *t) {
    long run = t->pass + t->fail;
    printf("  %-44s %7ld passed %6ld failed %6ld skipped  %6.2f%%\n", t->prefix, t->pass, t->fail, t->skip,
           run ? 100.0 * (double)t->pass / (double)run : 0.0);
}

static void usage(void) {
    fprintf(stderr, "usage: test262_runner [--test262-dir DIR] [--jobs N] [--timeout SEC] [--dx PATH] [--features FILE]\n"
                    "         [--expectations FILE] [--update] [--results FILE] [--sample K] [--verbose] [paths...]\n");
}

int main(int argc, char **argv) {
    const char *dir = getenv("TEST262_DIR");
    const char *expectations = NULL, *results_path = NULL, *features_path = NULL;
    bool update = false;
    long sample = 1;
    int jobs = 2;
    strlist paths = {0};
    cfg.timeout = 10;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        bool more = i + 1 < argc;
        if (!strcmp(a, "--test262-dir") && more) dir = argv[++i];
        else if (!strcmp(a, "--jobs") && more) jobs = atoi(argv[++i]);
        else if (!strcmp(a, "--timeout") && more) cfg.timeout = atof(argv[++i]);
        else if (!strcmp(a, "--dx") && more) cfg.dx = argv[++i];
        else if (!strcmp(a, "--features") && more) features_path = argv[++i];
        else if (!strcmp(a, "--expectations") && more) expectations = argv[++i];
        else if (!strcmp(a, "--results") && more) results_path = argv[++i];
        else if (!strcmp(a, "--sample") && more) sample = atol(argv[++i]);
        else if (!strcmp(a, "--update")) update = true;
        else if (!strcmp(a, "--verbose")) cfg.verbose = true;
        else if (a[0] == '-') {
            usage();
            return 2;
        } else push(&paths, strdup(a));
    }
    if (jobs < 1) jobs = 1;
    if (sample < 1) sample = 1;
    if (cfg.timeout <= 0) cfg.timeout = 10;
    struct stat st;
    char probe[PATH_MAX];
    snprintf(probe, sizeof probe, "%s/harness/assert.js", dir ? dir : "");
    if (!dir || stat(probe, &st) != 0) {
        fprintf(stderr, "test262_runner: no test262 checkout (%s); skipping\n", dir ? dir : "set TEST262_DIR or --test262-dir");
        return 77;
    }
    char absdir[PATH_MAX];
    if (!realpath(dir, absdir)) return 77;
    cfg.root = absdir;
    root_len = strlen(absdir) + 1;
    char dxbuf[PATH_MAX];
    if (!cfg.dx) {
        /* dx is built next to the runner. */
        ssize_t n = readlink("/proc/self/exe", dxbuf, sizeof dxbuf - 4);
        if (n > 0) {
            dxbuf[n] = 0;
            char *slash = strrchr(dxbuf, '/');
            if (slash) strcpy(slash + 1, "dx");
            cfg.dx = dxbuf;
        }
    }
    if (!paths.len) push(&paths, strdup("test"));
    strlist all = {0};
    for (size_t i = 0; i < paths.len; i++) {
        char p[PATH_MAX];
        if (!join(p, sizeof p, absdir, paths.items[i]) || stat(p, &st) != 0) {
            fprintf(stderr, "test262_runner: no %s in %s\n", paths.items[i], absdir);
            return 2;
        }
        if (S_ISREG(st.st_mode)) push(&all, strdup(paths.items[i]));
        else walk(p, &all);
    }
    sort_list(&all);
    for (size_t i = 0; i < all.len; i++) {
        if (i % (size_t)sample == 0) push(&tests, all.items[i]);
        else free(all.items[i]);
    }
    free(all.items);
    strlist unsupported = {0}, expected = {0}, expected_lines = {0};
    if (features_path) read_list(features_path, &unsupported, NULL);
    if (expectations) read_list(expectations, &expected, &expected_lines);
    cfg.unsupported = (const char *const *)unsupported.items;
    cfg.n_unsupported = unsupported.len;
    results = calloc(tests.len + 1, sizeof *results);

    /* The module mirror: every directory holding a test that goes through dx. */
    snprintf(shadow_root, sizeof shadow_root, "%s/dx-test262-%d", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp", (int)getpid());
    cfg.shadow = shadow_root;
    double t0 = now_ms();
    {
        strlist done = {0};
        mkdirs(shadow_root);
        char pj[PATH_MAX];
        FILE *f = join(pj, sizeof pj, shadow_root, "package.json") ? fopen(pj, "w") : NULL;
        if (f) {
            fputs("{\"type\": \"module\"}\n", f);
            fclose(f);
        }
        for (size_t i = 0; i < tests.len; i++) {
            if (!t262_needs_dx(absdir, tests.items[i])) continue;
            char rel[PATH_MAX];
            snprintf(rel, sizeof rel, "%s", tests.items[i]);
            char *slash = strrchr(rel, '/');
            if (!slash) continue;
            *slash = 0;
            shadow_dir(absdir, rel, true, &done);
            slash = strrchr(rel, '/');
            if (slash) { /* fixtures one level up ("../x_FIXTURE.js") */
                *slash = 0;
                shadow_dir(absdir, rel, false, &done);
            }
        }
        for (size_t i = 0; i < done.len; i++) free(done.items[i]);
        free(done.items);
    }

    signal(SIGPIPE, SIG_IGN);
    worker *ws = calloc((size_t)jobs, sizeof *ws);
    size_t next = 0, finished = 0;
    long *retry = calloc((size_t)jobs + 1, sizeof *retry); /* at most one per worker at a time */
    size_t n_retry = 0;
    for (int i = 0; i < jobs; i++) start_worker(&ws[i], i);
    double hard_limit = cfg.timeout * 1000.0 * 6 + 5000; /* a test may run sloppy+strict, or spawn dx */
    while (finished < tests.len) {
        for (int i = 0; i < jobs; i++) {
            worker *w = &ws[i];
            if (w->pid > 0 && w->current < 0 && (n_retry || next < tests.len)) {
                char line[32];
                long idx = n_retry ? retry[--n_retry] : (long)next++;
                int n = snprintf(line, sizeof line, "%ld\n", idx);
                w->current = idx;
                w->started = now_ms();
                if (write(w->to, line, (size_t)n) != n) {
                    /* The worker retired (or died) between tests: the test goes to its successor. */
                    retry[n_retry++] = idx;
                    stop_worker(w, true);
                    start_worker(w, i);
                }
            }
        }
        struct pollfd pf[64];
        int np = 0;
        for (int i = 0; i < jobs && np < 64; i++) pf[np++] = (struct pollfd){.fd = ws[i].from, .events = POLLIN};
        int r = poll(pf, (nfds_t)np, 200);
        if (r < 0 && errno != EINTR) break;
        for (int i = 0; i < np; i++) {
            worker *w = &ws[i];
            if (pf[i].revents & (POLLIN | POLLHUP | POLLERR)) {
                ssize_t n = read(w->from, w->buf + w->used, sizeof w->buf - 1 - w->used);
                if (n > 0) {
                    long before = w->current;
                    w->used += (size_t)n;
                    handle_lines(w);
                    if (before >= 0 && w->current < 0) finished++;
                    if (w->used == sizeof w->buf - 1) w->used = 0; /* a line longer than the buffer: drop it */
                    continue;
                }
                /* EOF: the worker crashed (or retired itself between tests). */
                if (w->current >= 0) {
                    int status = 0;
                    waitpid(w->pid, &status, 0);
                    if (WIFEXITED(status) && WEXITSTATUS(status) == 0) {
                        /* It retired before reading the index: the test was never started. */
                        retry[n_retry++] = w->current;
                        w->pid = 0;
                        close(w->to);
                        close(w->from);
                        w->to = w->from = -1;
                        start_worker(w, i);
                        continue;
                    }
                    char msg[96];
                    snprintf(msg, sizeof msg, "crash: worker %s %d", WIFSIGNALED(status) ? "killed by signal" : "exited with",
                             WIFSIGNALED(status) ? WTERMSIG(status) : WEXITSTATUS(status));
                    record(w->current, 'F', msg, now_ms() - w->started);
                    finished++;
                    w->pid = 0;
                    close(w->to);
                    close(w->from);
                    w->to = w->from = -1;
                } else {
                    stop_worker(w, false);
                }
                if (n_retry || next < tests.len) start_worker(w, i);
            } else if (w->current >= 0 && now_ms() - w->started > hard_limit) {
                record(w->current, 'F', "timeout: worker killed", now_ms() - w->started);
                finished++;
                stop_worker(w, true);
                start_worker(w, i);
            }
        }
        if (next >= tests.len && !n_retry) {
            bool busy = false;
            for (int i = 0; i < jobs; i++) busy |= ws[i].current >= 0;
            if (!busy) break;
        }
    }
    for (int i = 0; i < jobs; i++) stop_worker(&ws[i], true);
    double wall = now_ms() - t0;
    nftw(shadow_root, rm_entry, 16, FTW_DEPTH | FTW_PHYS);

    /* Per-directory report: test/<suite>/<dir>, then the suites the score is quoted for. */
    tally *dirs = NULL;
    size_t ndirs = 0;
    long pass = 0, fail = 0, skip = 0, unexpected = 0, fixed = 0;
    char **dir_names = NULL;
    for (size_t i = 0; i < tests.len; i++) {
        const char *name = tests.items[i];
        char d[256] = {0};
        const char *s1 = strchr(name, '/'), *s2 = s1 ? strchr(s1 + 1, '/') : NULL, *s3 = s2 ? strchr(s2 + 1, '/') : NULL;
        size_t dl = s3 ? (size_t)(s3 - name) : s2 ? (size_t)(s2 - name) : strlen(name);
        if (dl >= sizeof d) dl = sizeof d - 1;
        memcpy(d, name, dl);
        if (!ndirs || strcmp(dirs[ndirs - 1].prefix, d)) {
            dirs = realloc(dirs, (ndirs + 1) * sizeof *dirs);
            dir_names = realloc(dir_names, (ndirs + 1) * sizeof *dir_names);
            dir_names[ndirs] = strdup(d);
            dirs[ndirs] = (tally){.prefix = dir_names[ndirs]};
            ndirs++;
        }
        char s = results[i].status ? results[i].status : 'F';
        if (!results[i].status) record((long)i, 'F', "not run", 0);
        count_into(&dirs[ndirs - 1], 1, name, s);
        if (s == 'P') pass++;
        else if (s == 'F') fail++;
        else skip++;
        bool listed = has(&expected, name);
        if (s == 'F' && !listed) {
            unexpected++;
            if (!cfg.verbose) fprintf(stderr, "FAIL %s: %s\n", name, results[i].message);
        }
        if (s == 'P' && listed) fixed++;
    }
    printf("By directory:\n");
    for (size_t i = 0; i < ndirs; i++) print_tally(&dirs[i]);
    tally suites[] = {
        {.prefix = "test/language"}, {.prefix = "test/built-ins"}, {.prefix = "test/intl402"}, {.prefix = "test/annexB"}, {.prefix = "test/staging"},
        {.prefix = "test/language/module-code"}, {.prefix = "test/language/import"}, {.prefix = "test/language/export"},
        {.prefix = "test/language/expressions/dynamic-import"}, {.prefix = "test/language/expressions/import.meta"},
    };
    size_t nsuites = sizeof suites / sizeof *suites;
    tally score = {.prefix = "score (language+built-ins+intl402+annexB)"};
    for (size_t i = 0; i < tests.len; i++) {
        count_into(suites, nsuites, tests.items[i], results[i].status);
        const char *t = tests.items[i];
        if (!strncmp(t, "test/language/", 14) || !strncmp(t, "test/built-ins/", 15) || !strncmp(t, "test/intl402/", 13) ||
            !strncmp(t, "test/annexB/", 12)) {
            if (results[i].status == 'P') score.pass++;
            else if (results[i].status == 'F') score.fail++;
            else score.skip++;
        }
    }
    printf("Suites:\n");
    for (size_t i = 0; i < nsuites; i++) print_tally(&suites[i]);
    print_tally(&score);
    printf("wall time %.1f s with %d workers\n", wall / 1000.0, jobs);
    if (fixed) printf("%ld tests listed in the expectations now pass (run with --update)\n", fixed);

    if (results_path) {
        FILE *f = fopen(results_path, "w");
        if (f) {
            fprintf(f, "{\"passed\": %ld, \"failed\": %ld, \"skipped\": %ld, \"wall_seconds\": %.1f, \"tests\": {\n", pass, fail,
                    skip, wall / 1000.0);
            for (size_t i = 0; i < tests.len; i++) {
                fputs("  ", f);
                json_string(f, tests.items[i]);
                fprintf(f, ": {\"status\": \"%s\", \"ms\": %.1f, \"message\": ",
                        results[i].status == 'P' ? "pass" : results[i].status == 'S' ? "skip" : "fail", results[i].ms);
                json_string(f, results[i].message);
                fprintf(f, "}%s\n", i + 1 < tests.len ? "," : "");
            }
            fputs("}}\n", f);
            fclose(f);
        }
    }
    if (update && expectations) {
        /* Rewrites the list for the tests this run covered and keeps entries outside it. */
        strlist ran = {0};
        for (size_t i = 0; i < tests.len; i++) push(&ran, tests.items[i]);
        sort_list(&ran);
        strlist out = {0};
        for (size_t i = 0; i < expected_lines.len; i++) {
            char key[PATH_MAX];
            snprintf(key, sizeof key, "%.*s", (int)strcspn(expected_lines.items[i], " \t#"), expected_lines.items[i]);
            if (key[0] && !has(&ran, key)) push(&out, strdup(expected_lines.items[i]));
        }
        for (size_t i = 0; i < tests.len; i++)
            if (results[i].status == 'F') {
                char line[PATH_MAX + 200];
                char msg[160];
                snprintf(msg, sizeof msg, "%s", results[i].message);
                for (char *c = msg; *c; c++)
                    if (*c == '\n' || *c == '#') *c = ' ';
                snprintf(line, sizeof line, "%s  # %s", tests.items[i], msg);
                push(&out, strdup(line));
            }
        sort_list(&out);
        FILE *f = fopen(expectations, "w");
        if (f) {
            fputs("# Known test262 failures: one test path a line, \"# reason\" after it. Rewritten by\n"
                  "# test262_runner --update; docs/conformance.md classifies them.\n", f);
            for (size_t i = 0; i < out.len; i++) fprintf(f, "%s\n", out.items[i]);
            fclose(f);
        }
        free(ran.items);
        for (size_t i = 0; i < out.len; i++) free(out.items[i]);
        free(out.items);
        unexpected = 0;
    }
    printf("%ld passed, %ld failed, %ld skipped\n", pass, fail, skip);
    if (unexpected) printf("%ld failures are not in the expectations file\n", unexpected);
    for (size_t i = 0; i < tests.len; i++) {
        free(tests.items[i]);
        free(results[i].message);
    }
    free(tests.items);
    free(results);
    for (size_t i = 0; i < ndirs; i++) free(dir_names[i]);
    free(dir_names);
    free(dirs);
    strlist *lists[] = {&unsupported, &expected, &expected_lines, &paths};
    for (size_t l = 0; l < sizeof lists / sizeof *lists; l++) {
        for (size_t i = 0; i < lists[l]->len; i++) free(lists[l]->items[i]);
        free(lists[l]->items);
    }
    free(ws);
    free(retry);
    return unexpected ? 1 : 0;
}
