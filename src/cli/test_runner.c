/* `dx test`: finds test files as `node --test` does, runs each in its own `dx <file>` process (up to N
 * at a time) and reports in file order.
 *
 * Each child gets DX_TEST_REPORT_FD=3 with a pipe on fd 3, where node:test (lib/internal/test_runner/
 * reporter.js) writes one JSON object per line: "start" (a `▶` header), "pass"/"fail"/"skip"/"todo" (a
 * finished test), "diagnostic" and a final "summary". Children print nothing of their own report on
 * stdout in that mode, so their stdout and stderr are the program's own output; the parent prints those
 * and the results in the spec reporter's layout, one file after another (the file being shown streams,
 * the others are buffered). At the end come the totals, the failing tests with their errors, and the
 * line `N passed, N failed[, N skipped]` (tests, not files; skipped counts todo tests too).
 *
 * A file that reports no test counts as one test named after the file: passed if it exited with 0,
 * failed otherwise; a file that exits non-zero without a failing test adds one failure the same way.
 *
 * This process never loads JavaScriptCore: libuv for processes and pipes, plain C for the rest. */
#include "cli/test_runner.h"

#include <dirent.h>
#include <errno.h>
#include <fnmatch.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <uv.h>

extern char **environ;

/* ---------------------------------------------------------------------------------------------- */
/* Small containers */

typedef struct {
    char **v;
    size_t n, cap;
} strvec;

static void *xmalloc(size_t n) {
    void *p = malloc(n ? n : 1);
    if (!p) {
        fputs("dx test: out of memory\n", stderr);
        exit(70);
    }
    return p;
}

static void *xrealloc(void *p, size_t n) {
    p = realloc(p, n ? n : 1);
    if (!p) {
        fputs("dx test: out of memory\n", stderr);
        exit(70);
    }
    return p;
}

static char *xstrndup(const char *s, size_t n) {
    char *d = xmalloc(n + 1);
    memcpy(d, s, n);
    d[n] = 0;
    return d;
}

static char *xstrdup(const char *s) { return xstrndup(s, strlen(s)); }

/* Takes ownership of s. */
static void strvec_push(strvec *sv, char *s) {
    if (sv->n == sv->cap) {
        sv->cap = sv->cap ? sv->cap * 2 : 16;
        sv->v = xrealloc(sv->v, sv->cap * sizeof *sv->v);
    }
    sv->v[sv->n++] = s;
}

static void strvec_free(strvec *sv) {
    for (size_t i = 0; i < sv->n; i++) free(sv->v[i]);
    free(sv->v);
    sv->v = NULL;
    sv->n = sv->cap = 0;
}

typedef struct {
    char *s;
    size_t n, cap;
} strbuf;

static void sb_add(strbuf *b, const char *s, size_t n) {
    if (b->n + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->n + n + 1) cap *= 2;
        b->s = xrealloc(b->s, cap);
        b->cap = cap;
    }
    memcpy(b->s + b->n, s, n);
    b->n += n;
    b->s[b->n] = 0;
}

static void sb_puts(strbuf *b, const char *s) { sb_add(b, s, strlen(s)); }

static void sb_printf(strbuf *b, const char *fmt, ...) {
    char tmp[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0) return;
    if ((size_t)n < sizeof tmp) {
        sb_add(b, tmp, (size_t)n);
        return;
    }
    char *big = xmalloc((size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(big, (size_t)n + 1, fmt, ap);
    va_end(ap);
    sb_add(b, big, (size_t)n);
    free(big);
}

/* ---------------------------------------------------------------------------------------------- */
/* Finding test files: Node 24's default pattern, which takes any file whose extension is js, mjs, cjs,
 * ts, mts or cts and that is named test.*, test-*.*, *.test.*, *-test.* or *_test.*, or that lies
 * anywhere below a directory named `test`; dot files, dot directories and node_modules are left out;
 * the list is sorted. Arguments are glob patterns; a directory
 * among the matches is searched with the default pattern (Node would try to run it and fail). */

static const char *const kTestExts[] = {"js", "mjs", "cjs", "ts", "mts", "cts", NULL};

static bool has_test_ext(const char *name, size_t *stem_len) {
    const char *dot = strrchr(name, '.');
    if (!dot || dot == name) return false;
    for (int i = 0; kTestExts[i]; i++) {
        if (strcmp(dot + 1, kTestExts[i]) == 0) {
            *stem_len = (size_t)(dot - name);
            return true;
        }
    }
    return false;
}

static bool ends_with(const char *s, size_t n, const char *suffix) {
    size_t m = strlen(suffix);
    return n >= m && memcmp(s + n - m, suffix, m) == 0;
}

/* `rel` is a path below the searched directory, with '/' separators. */
static bool matches_default_pattern(const char *rel) {
    const char *base = strrchr(rel, '/');
    base = base ? base + 1 : rel;
    size_t stem;
    if (!has_test_ext(base, &stem)) return false;
    if (stem == 4 && memcmp(base, "test", 4) == 0) return true;
    if (strncmp(base, "test-", 5) == 0 && stem >= 5) return true;
    if (ends_with(base, stem, ".test") || ends_with(base, stem, "-test") || ends_with(base, stem, "_test")) return true;
    /* a directory named `test` anywhere above the file */
    const char *p = rel;
    while (p < base) {
        const char *slash = strchr(p, '/');
        if (!slash || slash >= base) break;
        if (slash - p == 4 && memcmp(p, "test", 4) == 0) return true;
        p = slash + 1;
    }
    return false;
}

static char *join_path(const char *dir, const char *name) {
    if (dir[0] == 0 || strcmp(dir, ".") == 0) return xstrdup(name);
    size_t a = strlen(dir), b = strlen(name);
    bool slash = a > 0 && dir[a - 1] == '/';
    char *out = xmalloc(a + b + 2);
    memcpy(out, dir, a);
    if (!slash) out[a++] = '/';
    memcpy(out + a, name, b + 1);
    return out;
}

static bool is_dir(const char *path) {
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static bool exists(const char *path) {
    struct stat st;
    return stat(path, &st) == 0;
}

/* Whether a directory entry is a directory, following symlinks; *is_link tells if it was a link. */
static bool entry_is_dir(const char *path, const struct dirent *de, bool *is_link) {
    *is_link = false;
#ifdef DT_DIR
    if (de->d_type == DT_DIR) return true;
    if (de->d_type == DT_REG) return false;
    if (de->d_type == DT_LNK) *is_link = true;
#endif
    struct stat st;
    if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode)) *is_link = true;
    return is_dir(path);
}

/* Adds the files under `dir` (shown as `dir/...`) that match the default pattern. `rel` is the part of
 * the path the pattern applies to. Symlinked directories are not entered (no cycles). */
static void walk_default(const char *dir, const char *rel, strvec *out) {
    DIR *d = opendir(dir);
    if (!d) return;
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        const char *name = de->d_name;
        if (name[0] == '.' || strcmp(name, "node_modules") == 0) continue;
        char *path = join_path(dir, name);
        char *sub = rel[0] ? join_path(rel, name) : xstrdup(name);
        bool link;
        if (entry_is_dir(path, de, &link)) {
            if (!link) walk_default(path, sub, out);
        } else if (matches_default_pattern(sub)) {
            strvec_push(out, path);
            path = NULL;
        }
        free(path);
        free(sub);
    }
    closedir(d);
}

/* `a/{b,c}/d` -> `a/b/d`, `a/c/d` (nested braces too). */
static void expand_braces(const char *pat, strvec *out) {
    const char *open = NULL;
    int depth = 0;
    for (const char *p = pat; *p; p++) {
        if (*p == '\\' && p[1]) {
            p++;
            continue;
        }
        if (*p == '{') {
            if (depth++ == 0) open = p;
        } else if (*p == '}' && depth > 0) {
            if (--depth == 0) {
                /* split the alternatives of open..p at top-level commas */
                const char *start = open + 1;
                int d2 = 0;
                bool any_comma = false;
                for (const char *q = open + 1; q <= p; q++) {
                    if (q < p && *q == '\\' && q[1]) {
                        q++;
                        continue;
                    }
                    if (q < p && *q == '{') d2++;
                    else if (q < p && *q == '}') d2--;
                    else if ((q == p || (*q == ',' && d2 == 0))) {
                        if (q < p) any_comma = true;
                        if (q == p && !any_comma) break;
                        strbuf b = {0};
                        sb_add(&b, pat, (size_t)(open - pat));
                        sb_add(&b, start, (size_t)(q - start));
                        sb_puts(&b, p + 1);
                        expand_braces(b.s, out);
                        free(b.s);
                        start = q + 1;
                    }
                }
                if (any_comma) return;
                open = NULL; /* `{x}` without a comma is literal */
            }
        }
    }
    strvec_push(out, xstrdup(pat));
}

static bool has_magic(const char *s) {
    for (; *s; s++) {
        if (*s == '*' || *s == '?' || *s == '[' || *s == '{') return true;
    }
    return false;
}

typedef struct {
    strvec segs;
} glob_pat;

static void glob_walk(const char *base, const glob_pat *gp, size_t idx, strvec *out);

static void glob_descend(const char *base, const glob_pat *gp, size_t idx, strvec *out) {
    const char *seg = gp->segs.v[idx];
    const char *dir = base[0] ? base : ".";
    if (strcmp(seg, "**") == 0) {
        /* zero directories, then each directory below (not dot directories or node_modules) */
        glob_walk(base, gp, idx + 1, out);
        DIR *d = opendir(dir);
        if (!d) return;
        struct dirent *de;
        while ((de = readdir(d)) != NULL) {
            if (de->d_name[0] == '.' || strcmp(de->d_name, "node_modules") == 0) continue;
            char *path = base[0] ? join_path(base, de->d_name) : xstrdup(de->d_name);
            bool link;
            if (entry_is_dir(path, de, &link)) {
                if (!link) glob_descend(path, gp, idx, out);
            } else if (idx + 1 == gp->segs.n) {
                strvec_push(out, path); /* a trailing ** matches files too */
                path = NULL;
            }
            free(path);
        }
        closedir(d);
        return;
    }
    if (!has_magic(seg)) {
        char *path = base[0] ? join_path(base, seg) : xstrdup(seg);
        if (exists(path)) glob_walk(path, gp, idx + 1, out);
        free(path);
        return;
    }
    DIR *d = opendir(dir);
    if (!d) return;
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        const char *name = de->d_name;
        if (strcmp(name, ".") == 0 || strcmp(name, "..") == 0 || strcmp(name, "node_modules") == 0) continue;
        if (fnmatch(seg, name, FNM_PERIOD) != 0) continue;
        char *path = base[0] ? join_path(base, name) : xstrdup(name);
        glob_walk(path, gp, idx + 1, out);
        free(path);
    }
    closedir(d);
}

static void glob_walk(const char *base, const glob_pat *gp, size_t idx, strvec *out) {
    if (idx == gp->segs.n) {
        if (base[0] && exists(base)) strvec_push(out, xstrdup(base));
        return;
    }
    if (idx + 1 < gp->segs.n && !is_dir(base[0] ? base : ".")) return;
    glob_descend(base, gp, idx, out);
}

/* Matches of one pattern (braces already expanded). */
static void glob_one(const char *pattern, strvec *out) {
    glob_pat gp = {0};
    const char *p = pattern;
    bool absolute = *p == '/';
    while (*p) {
        while (*p == '/') p++;
        if (!*p) break;
        const char *slash = strchr(p, '/');
        size_t n = slash ? (size_t)(slash - p) : strlen(p);
        if (!(n == 1 && p[0] == '.')) strvec_push(&gp.segs, xstrndup(p, n));
        p += n;
    }
    if (gp.segs.n == 0) {
        /* `.` or `/`: the directory itself */
        if (absolute || is_dir(".")) strvec_push(out, xstrdup(absolute ? "/" : "."));
    } else {
        glob_walk(absolute ? "/" : "", &gp, 0, out);
    }
    strvec_free(&gp.segs);
}

/* `./a//b/./c` -> `a/b/c` */
static char *normalize_path(const char *path) {
    strbuf b = {0};
    const char *p = path;
    if (*p == '/') sb_puts(&b, "/");
    while (*p) {
        while (*p == '/') p++;
        if (!*p) break;
        const char *slash = strchr(p, '/');
        size_t n = slash ? (size_t)(slash - p) : strlen(p);
        if (!(n == 1 && p[0] == '.')) {
            if (b.n > 0 && b.s[b.n - 1] != '/') sb_puts(&b, "/");
            sb_add(&b, p, n);
        }
        p += n;
    }
    if (b.n == 0) sb_puts(&b, ".");
    return b.s;
}

static int cmp_str(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Returns 0, or -1 after printing "Could not find" (no match, and no pattern had wildcards). */
static int find_test_files(int npatterns, char **patterns, strvec *files) {
    strvec raw = {0};
    if (npatterns == 0) {
        walk_default(".", "", &raw);
    } else {
        bool any_magic = false;
        for (int i = 0; i < npatterns; i++) {
            strvec alts = {0};
            expand_braces(patterns[i], &alts);
            for (size_t j = 0; j < alts.n; j++) {
                if (has_magic(alts.v[j])) any_magic = true;
                strvec matches = {0};
                glob_one(alts.v[j], &matches);
                for (size_t k = 0; k < matches.n; k++) {
                    if (is_dir(matches.v[k])) {
                        char *dir = normalize_path(matches.v[k]);
                        walk_default(dir, "", &raw);
                        free(dir);
                    } else {
                        strvec_push(&raw, matches.v[k]);
                        matches.v[k] = NULL;
                    }
                }
                strvec_free(&matches);
            }
            strvec_free(&alts);
        }
        if (raw.n == 0 && !any_magic) {
            strbuf b = {0};
            for (int i = 0; i < npatterns; i++) {
                if (i) sb_puts(&b, ", ");
                sb_puts(&b, patterns[i]);
            }
            fprintf(stderr, "Could not find '%s'\n", b.s);
            free(b.s);
            strvec_free(&raw);
            return -1;
        }
    }
    for (size_t i = 0; i < raw.n; i++) {
        char *n = normalize_path(raw.v[i]);
        bool dup = false;
        for (size_t j = 0; j < files->n && !dup; j++) dup = strcmp(files->v[j], n) == 0;
        if (dup) free(n);
        else strvec_push(files, n);
    }
    strvec_free(&raw);
    if (files->n > 1) qsort(files->v, files->n, sizeof *files->v, cmp_str);
    return 0;
}

/* ---------------------------------------------------------------------------------------------- */
/* The JSON lines of the report: flat objects of strings, numbers, booleans and null. */

typedef struct {
    char *key;
    char *str;     /* string value (UTF-8), or the number's text, or NULL */
    int kind;      /* 's' string, 'n' number, 't' true, 'f' false, 'z' null */
} json_field;

typedef struct {
    json_field f[32];
    int n;
} json_obj;

static void put_utf8(strbuf *b, uint32_t c) {
    char t[4];
    size_t n;
    if (c < 0x80) { t[0] = (char)c; n = 1; }
    else if (c < 0x800) { t[0] = (char)(0xC0 | (c >> 6)); t[1] = (char)(0x80 | (c & 0x3F)); n = 2; }
    else if (c < 0x10000) {
        t[0] = (char)(0xE0 | (c >> 12)); t[1] = (char)(0x80 | ((c >> 6) & 0x3F)); t[2] = (char)(0x80 | (c & 0x3F)); n = 3;
    } else {
        t[0] = (char)(0xF0 | (c >> 18)); t[1] = (char)(0x80 | ((c >> 12) & 0x3F));
        t[2] = (char)(0x80 | ((c >> 6) & 0x3F)); t[3] = (char)(0x80 | (c & 0x3F)); n = 4;
    }
    sb_add(b, t, n);
}

static int hex4(const char *p, uint32_t *out) {
    uint32_t v = 0;
    for (int i = 0; i < 4; i++) {
        char c = p[i];
        v <<= 4;
        if (c >= '0' && c <= '9') v |= (uint32_t)(c - '0');
        else if (c >= 'a' && c <= 'f') v |= (uint32_t)(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F') v |= (uint32_t)(c - 'A' + 10);
        else return -1;
    }
    *out = v;
    return 0;
}

static const char *skip_ws(const char *p) {
    while (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n') p++;
    return p;
}

/* Parses a string at *pp (after the opening quote); returns NULL on error. */
static char *parse_json_string(const char **pp) {
    const char *p = *pp;
    strbuf b = {0};
    sb_add(&b, "", 0);
    while (*p && *p != '"') {
        if (*p != '\\') {
            const char *s = p;
            while (*p && *p != '"' && *p != '\\') p++;
            sb_add(&b, s, (size_t)(p - s));
            continue;
        }
        p++;
        char e = *p++;
        switch (e) {
            case '"': sb_add(&b, "\"", 1); break;
            case '\\': sb_add(&b, "\\", 1); break;
            case '/': sb_add(&b, "/", 1); break;
            case 'b': sb_add(&b, "\b", 1); break;
            case 'f': sb_add(&b, "\f", 1); break;
            case 'n': sb_add(&b, "\n", 1); break;
            case 'r': sb_add(&b, "\r", 1); break;
            case 't': sb_add(&b, "\t", 1); break;
            case 'u': {
                uint32_t c;
                if (hex4(p, &c) < 0) goto fail;
                p += 4;
                if (c >= 0xD800 && c < 0xDC00 && p[0] == '\\' && p[1] == 'u') {
                    uint32_t lo;
                    if (hex4(p + 2, &lo) == 0 && lo >= 0xDC00 && lo < 0xE000) {
                        c = 0x10000 + ((c - 0xD800) << 10) + (lo - 0xDC00);
                        p += 6;
                    }
                }
                if (c >= 0xD800 && c < 0xE000) c = 0xFFFD; /* lone surrogate */
                put_utf8(&b, c);
                break;
            }
            default: goto fail;
        }
    }
    if (*p != '"') goto fail;
    *pp = p + 1;
    return b.s;
fail:
    free(b.s);
    return NULL;
}

static void json_free(json_obj *o) {
    for (int i = 0; i < o->n; i++) {
        free(o->f[i].key);
        free(o->f[i].str);
    }
    o->n = 0;
}

static int json_parse_object(const char *line, json_obj *o) {
    o->n = 0;
    const char *p = skip_ws(line);
    if (*p++ != '{') return -1;
    p = skip_ws(p);
    if (*p == '}') return 0;
    for (;;) {
        p = skip_ws(p);
        if (*p++ != '"') goto fail;
        char *key = parse_json_string(&p);
        if (!key) goto fail;
        p = skip_ws(p);
        if (*p++ != ':') { free(key); goto fail; }
        p = skip_ws(p);
        json_field fld = {key, NULL, 0};
        if (*p == '"') {
            p++;
            fld.str = parse_json_string(&p);
            if (!fld.str) { free(key); goto fail; }
            fld.kind = 's';
        } else if (strncmp(p, "true", 4) == 0) { fld.kind = 't'; p += 4; }
        else if (strncmp(p, "false", 5) == 0) { fld.kind = 'f'; p += 5; }
        else if (strncmp(p, "null", 4) == 0) { fld.kind = 'z'; p += 4; }
        else if (*p == '-' || (*p >= '0' && *p <= '9')) {
            const char *s = p;
            while (*p && strchr("+-0123456789.eE", *p)) p++;
            fld.str = xstrndup(s, (size_t)(p - s));
            fld.kind = 'n';
        } else {
            free(key);
            goto fail; /* nested values are not part of the protocol */
        }
        if (o->n < (int)(sizeof o->f / sizeof o->f[0])) o->f[o->n++] = fld;
        else { free(fld.key); free(fld.str); }
        p = skip_ws(p);
        if (*p == ',') { p++; continue; }
        if (*p == '}') return 0;
        goto fail;
    }
fail:
    json_free(o);
    return -1;
}

static const json_field *jget(const json_obj *o, const char *key) {
    for (int i = 0; i < o->n; i++) {
        if (strcmp(o->f[i].key, key) == 0) return &o->f[i];
    }
    return NULL;
}

static const char *jstr(const json_obj *o, const char *key) {
    const json_field *f = jget(o, key);
    return f && (f->kind == 's' || f->kind == 'n') ? f->str : NULL;
}

static bool jtrue(const json_obj *o, const char *key) {
    const json_field *f = jget(o, key);
    return f && f->kind == 't';
}

static long jint(const json_obj *o, const char *key, long dflt) {
    const json_field *f = jget(o, key);
    return f && f->kind == 'n' ? strtol(f->str, NULL, 10) : dflt;
}

/* ---------------------------------------------------------------------------------------------- */
/* Runs and output */

typedef struct {
    const char *green, *red, *gray, *yellow, *blue, *white;
} palette;

static palette colors;

typedef enum { EV_OUT, EV_ERR, EV_REPORT } ev_kind;

typedef struct event {
    struct event *next;
    ev_kind kind;
    size_t len;
    char data[];
} event;

typedef struct file_run file_run;

typedef struct {
    uv_pipe_t pipe;
    file_run *run;
    ev_kind kind;
} out_pipe;

struct file_run {
    char *path;           /* as shown: relative to the working directory or absolute */
    size_t index;
    uv_process_t proc;
    out_pipe pipes[3];    /* stdout, stderr, report */
    uv_timer_t timer;
    int handles_open;
    bool started, exited, complete, timed_out;
    int spawn_error;
    int64_t exit_status;
    int term_signal;
    uint64_t start_ns, end_ns;
    strbuf report_line;   /* a report line not yet ended by '\n' */
    event *head, *tail;   /* buffered until this file is shown */
    int results;          /* tests reported */
    int failures;         /* failing tests reported */
};

typedef struct {
    char *location;       /* "file:line:col" relative to the working directory, or NULL */
    char *title;          /* the ✖ line */
    char *error;          /* the error text, not indented */
} failure;

static struct {
    uv_loop_t *loop;
    const char *exe;
    char **env;
    file_run *files;
    size_t nfiles, next_start, current;
    int running, concurrency;
    long timeout_ms;
    char cwd[PATH_MAX];
    failure *failures;
    size_t nfailures, cap_failures;
    long tests, suites, pass, fail, cancelled, skipped, todo;
} R;

static void out_write(FILE *f, const char *s, size_t n) {
    if (n == 0) return;
    fwrite(s, 1, n, f);
    fflush(f);
}

static char *relative_to_cwd(const char *path) {
    size_t n = strlen(R.cwd);
    if (path[0] != '/') return xstrdup(path);
    if (strncmp(path, R.cwd, n) == 0 && path[n] == '/') return xstrdup(path + n + 1);
    if (strcmp(R.cwd, "/") == 0) return xstrdup(path + 1);
    /* up from cwd to the common prefix */
    size_t common = 0;
    for (size_t i = 0; R.cwd[i] && path[i] && R.cwd[i] == path[i]; i++) {
        if (R.cwd[i] == '/') common = i;
    }
    if (R.cwd[common + 1] == 0 && path[common + 1] == '/') common = common + 1;
    strbuf b = {0};
    for (const char *p = R.cwd + common; *p; p++) {
        if (*p == '/') sb_puts(&b, b.n ? "/.." : "..");
    }
    if (path[common]) {
        if (b.n) sb_puts(&b, "/");
        sb_puts(&b, path + common + (path[common] == '/' ? 1 : 0));
    }
    return b.s;
}

static void indent(strbuf *b, long nesting) {
    for (long i = 0; i < nesting; i++) sb_puts(b, "  ");
}

static void add_failure(const char *location, const char *title, const char *error) {
    if (R.nfailures == R.cap_failures) {
        R.cap_failures = R.cap_failures ? R.cap_failures * 2 : 16;
        R.failures = xrealloc(R.failures, R.cap_failures * sizeof *R.failures);
    }
    failure *f = &R.failures[R.nfailures++];
    f->location = location ? xstrdup(location) : NULL;
    f->title = xstrdup(title);
    f->error = xstrdup(error ? error : "");
}

/* The `✔ name (1.2ms) # SKIP` part of a result, as the spec reporter writes it. */
static void format_title(strbuf *b, const json_obj *o, const char *type) {
    const char *name = jstr(o, "name");
    const char *duration = jstr(o, "duration_ms");
    const char *message = jstr(o, "message");
    bool failed = strcmp(type, "fail") == 0 || jtrue(o, "failed");
    const char *color = failed ? colors.red : colors.green;
    const char *symbol = failed ? "\u2716 " : "\u2714 ";
    strbuf title = {0};
    sb_puts(&title, name ? name : "<anonymous>");
    if (duration && strtod(duration, NULL) != 0) sb_printf(&title, " %s(%sms)%s", colors.gray, duration, colors.white);
    if (strcmp(type, "skip") == 0) {
        sb_printf(&title, " # %s", message && *message ? message : "SKIP");
        color = colors.gray;
        symbol = "\uFE63 ";
    } else if (strcmp(type, "todo") == 0) {
        sb_printf(&title, " # %s", message && *message ? message : "TODO");
        if (failed) {
            color = colors.yellow;
            symbol = "\u26A0 ";
        }
    }
    sb_printf(b, "%s%s%s%s", color, symbol, title.s, colors.white);
    free(title.s);
}

static void handle_report(file_run *f, const char *line) {
    json_obj o;
    if (json_parse_object(line, &o) < 0) return; /* not ours: ignore */
    const char *type = jstr(&o, "type");
    long nesting = jint(&o, "nesting", 0);
    strbuf b = {0};
    if (!type) {
        /* nothing */
    } else if (strcmp(type, "start") == 0) {
        indent(&b, nesting);
        sb_printf(&b, "\u25B6 %s\n", jstr(&o, "name") ? jstr(&o, "name") : "");
    } else if (strcmp(type, "diagnostic") == 0) {
        sb_puts(&b, colors.blue);
        indent(&b, nesting);
        sb_printf(&b, "\u2139 %s%s\n", jstr(&o, "message") ? jstr(&o, "message") : "", colors.white);
    } else if (strcmp(type, "pass") == 0 || strcmp(type, "fail") == 0 || strcmp(type, "skip") == 0 ||
               strcmp(type, "todo") == 0) {
        bool suite = jtrue(&o, "suite");
        bool failed = strcmp(type, "fail") == 0 || jtrue(&o, "failed");
        indent(&b, nesting);
        strbuf title = {0};
        format_title(&title, &o, type);
        sb_puts(&b, title.s);
        sb_puts(&b, "\n");
        if (suite) {
            R.suites++;
        } else {
            f->results++;
            R.tests++;
            if (strcmp(type, "skip") == 0) R.skipped++;
            else if (strcmp(type, "todo") == 0) R.todo++;
            else if (strcmp(type, "pass") == 0) R.pass++;
            else if (jtrue(&o, "cancelled")) R.cancelled++;
            else R.fail++;
            if (strcmp(type, "fail") == 0) f->failures++;
        }
        const char *ftype = jstr(&o, "failureType");
        if (failed && !(ftype && strcmp(ftype, "subtestsFailed") == 0)) {
            char *loc = NULL;
            const char *file = jstr(&o, "file");
            if (file) {
                char *rel = relative_to_cwd(file);
                strbuf lb = {0};
                sb_printf(&lb, "%s:%ld:%ld", rel, jint(&o, "line", 1), jint(&o, "column", 1));
                loc = lb.s;
                free(rel);
            }
            add_failure(loc, title.s, jstr(&o, "error"));
            free(loc);
        }
        free(title.s);
    }
    if (b.n) out_write(stdout, b.s, b.n);
    free(b.s);
    json_free(&o);
}

static void deliver(file_run *f, ev_kind kind, const char *data, size_t len) {
    if (kind == EV_OUT) out_write(stdout, data, len);
    else if (kind == EV_ERR) out_write(stderr, data, len);
    else handle_report(f, data);
}

/* Shows an event now if `f` is the file being shown, else keeps it for later. */
static void emit(file_run *f, ev_kind kind, const char *data, size_t len) {
    if (f->index == R.current) {
        deliver(f, kind, data, len);
        return;
    }
    event *e = xmalloc(sizeof *e + len + 1);
    e->next = NULL;
    e->kind = kind;
    e->len = len;
    memcpy(e->data, data, len);
    e->data[len] = 0;
    if (f->tail) f->tail->next = e;
    else f->head = e;
    f->tail = e;
}

static void flush_buffered(file_run *f) {
    event *e = f->head;
    f->head = f->tail = NULL;
    while (e) {
        event *next = e->next;
        deliver(f, e->kind, e->data, e->len);
        free(e);
        e = next;
    }
}

static const char *signal_name(int sig) {
    switch (sig) {
        case SIGKILL: return "SIGKILL";
        case SIGTERM: return "SIGTERM";
        case SIGSEGV: return "SIGSEGV";
        case SIGABRT: return "SIGABRT";
        case SIGBUS: return "SIGBUS";
        case SIGINT: return "SIGINT";
        case SIGILL: return "SIGILL";
        case SIGFPE: return "SIGFPE";
        default: return "a signal";
    }
}

/* The test that stands for a whole file: no test reported, a crash, or a kill. */
static void report_file_as_test(file_run *f, bool passed, const char *why) {
    double ms = (double)(f->end_ns - f->start_ns) / 1e6;
    strbuf title = {0};
    sb_printf(&title, "%s%s%s %s(%.6fms)%s", passed ? colors.green : colors.red, passed ? "\u2714 " : "\u2716 ",
              f->path, colors.gray, ms, colors.white);
    strbuf line = {0};
    sb_printf(&line, "%s\n", title.s);
    out_write(stdout, line.s, line.n);
    R.tests++;
    if (passed) {
        R.pass++;
    } else {
        R.fail++;
        strbuf loc = {0};
        sb_printf(&loc, "%s:1:1", f->path);
        add_failure(loc.s, title.s, why);
        free(loc.s);
    }
    free(title.s);
    free(line.s);
}

static void finish_file(file_run *f) {
    if (f->report_line.n > 0) {
        /* a last line without '\n' */
        handle_report(f, f->report_line.s);
        f->report_line.n = 0;
    }
    bool ok_exit = f->spawn_error == 0 && f->exit_status == 0 && f->term_signal == 0;
    strbuf why = {0};
    if (f->spawn_error) {
        sb_printf(&why, "'cannot run %s: %s'", f->path, uv_strerror(f->spawn_error));
    } else if (f->timed_out) {
        sb_printf(&why, "'test timed out after %ldms'", R.timeout_ms);
    } else if (f->term_signal) {
        sb_printf(&why, "'test failed' (killed by %s)", signal_name(f->term_signal));
    } else {
        sb_puts(&why, "'test failed'");
    }
    if (f->results == 0) report_file_as_test(f, ok_exit && !f->timed_out, why.s);
    else if ((!ok_exit || f->timed_out) && f->failures == 0) report_file_as_test(f, false, why.s);
    free(why.s);
}

static void start_more(void);

/* Shows every file that is complete and next in order, then keeps streaming the next one. */
static void advance(void) {
    while (R.current < R.nfiles) {
        file_run *f = &R.files[R.current];
        flush_buffered(f);
        if (!f->complete) return;
        finish_file(f);
        R.current++;
    }
}

static void maybe_complete(file_run *f) {
    if (f->complete || !f->exited || f->handles_open > 0) return;
    f->complete = true;
    R.running--;
    start_more();
    if (f->index == R.current) advance();
}

static void on_handle_closed(uv_handle_t *h) {
    file_run *f = h->data;
    f->handles_open--;
    maybe_complete(f);
}

static void on_alloc(uv_handle_t *h, size_t suggested, uv_buf_t *buf) {
    (void)h;
    (void)suggested;
    buf->base = xmalloc(65536);
    buf->len = 65536;
}

static void on_read(uv_stream_t *s, ssize_t nread, const uv_buf_t *buf) {
    out_pipe *op = (out_pipe *)s;
    file_run *f = op->run;
    if (nread > 0) {
        if (op->kind != EV_REPORT) {
            emit(f, op->kind, buf->base, (size_t)nread);
        } else {
            const char *p = buf->base, *end = buf->base + nread;
            while (p < end) {
                const char *nl = memchr(p, '\n', (size_t)(end - p));
                if (!nl) {
                    sb_add(&f->report_line, p, (size_t)(end - p));
                    break;
                }
                sb_add(&f->report_line, p, (size_t)(nl - p));
                emit(f, EV_REPORT, f->report_line.s, f->report_line.n);
                f->report_line.n = 0;
                f->report_line.s[0] = 0;
                p = nl + 1;
            }
        }
    } else if (nread < 0) {
        uv_read_stop(s);
        uv_close((uv_handle_t *)s, on_handle_closed);
    }
    free(buf->base);
}

static void on_child_exit(uv_process_t *p, int64_t status, int term_signal) {
    file_run *f = p->data;
    f->exited = true;
    f->exit_status = status;
    f->term_signal = term_signal;
    f->end_ns = uv_hrtime();
    if (R.timeout_ms > 0) {
        uv_timer_stop(&f->timer);
        uv_close((uv_handle_t *)&f->timer, on_handle_closed);
    }
    uv_close((uv_handle_t *)p, on_handle_closed);
}

static void on_timeout(uv_timer_t *t) {
    file_run *f = t->data;
    if (f->exited) return;
    f->timed_out = true;
    uv_process_kill(&f->proc, SIGKILL);
}

static void start_file(file_run *f) {
    f->started = true;
    f->start_ns = uv_hrtime();
    R.running++;
    uv_stdio_container_t stdio[4];
    stdio[0].flags = UV_IGNORE;
    for (int i = 0; i < 3; i++) {
        out_pipe *op = &f->pipes[i];
        uv_pipe_init(R.loop, &op->pipe, 0);
        op->pipe.data = f;
        op->run = f;
        op->kind = i == 0 ? EV_OUT : i == 1 ? EV_ERR : EV_REPORT;
        stdio[i + 1].flags = UV_CREATE_PIPE | UV_WRITABLE_PIPE;
        stdio[i + 1].data.stream = (uv_stream_t *)&op->pipe;
    }
    char *args[3] = {(char *)R.exe, f->path, NULL};
    uv_process_options_t opts = {0};
    opts.exit_cb = on_child_exit;
    opts.file = R.exe;
    opts.args = args;
    opts.env = R.env;
    opts.stdio_count = 4;
    opts.stdio = stdio;
    f->proc.data = f;
    f->handles_open = 3;
    int r = uv_spawn(R.loop, &f->proc, &opts);
    if (r < 0) {
        f->spawn_error = r;
        f->exited = true;
        f->end_ns = uv_hrtime();
        for (int i = 0; i < 3; i++) uv_close((uv_handle_t *)&f->pipes[i].pipe, on_handle_closed);
        return;
    }
    f->handles_open++; /* the process handle */
    for (int i = 0; i < 3; i++) uv_read_start((uv_stream_t *)&f->pipes[i].pipe, on_alloc, on_read);
    if (R.timeout_ms > 0) {
        uv_timer_init(R.loop, &f->timer);
        f->timer.data = f;
        f->handles_open++;
        uv_timer_start(&f->timer, on_timeout, (uint64_t)R.timeout_ms, 0);
    }
}

static void start_more(void) {
    while (R.running < R.concurrency && R.next_start < R.nfiles) start_file(&R.files[R.next_start++]);
}

/* ---------------------------------------------------------------------------------------------- */

static bool env_set(const char *name) {
    const char *v = getenv(name);
    return v != NULL;
}

static bool use_colors(void) {
    const char *force = getenv("FORCE_COLOR");
    if (force) return strcmp(force, "0") != 0 && strcmp(force, "false") != 0;
    if (env_set("NO_COLOR") || env_set("NODE_DISABLE_COLORS")) return false;
    const char *term = getenv("TERM");
    if (term && strcmp(term, "dumb") == 0) return false;
    return isatty(STDOUT_FILENO) && isatty(STDERR_FILENO);
}

/* The children's environment: ours without DX_TEST_*, plus the run's settings. */
static char **make_env(const strvec *patterns, bool only, bool color) {
    strvec env = {0};
    for (char **e = environ; *e; e++) {
        if (strncmp(*e, "DX_TEST_", 8) == 0) continue;
        strvec_push(&env, xstrdup(*e));
    }
    strvec_push(&env, xstrdup("DX_TEST_REPORT_FD=3"));
    if (only) strvec_push(&env, xstrdup("DX_TEST_ONLY=1"));
    if (color) {
        /* As `node --test` does: the files colour their output for our terminal. */
        for (size_t i = 0; i < env.n; i++) {
            if (strncmp(env.v[i], "FORCE_COLOR=", 12) == 0) {
                free(env.v[i]);
                env.v[i] = env.v[--env.n];
                break;
            }
        }
        strvec_push(&env, xstrdup("FORCE_COLOR=1"));
    }
    if (patterns->n > 0) {
        strbuf b = {0};
        sb_puts(&b, "DX_TEST_NAME_PATTERN=");
        for (size_t i = 0; i < patterns->n; i++) {
            if (i) sb_puts(&b, "\n");
            sb_puts(&b, patterns->v[i]);
        }
        strvec_push(&env, b.s);
    }
    strvec_push(&env, NULL);
    env.n--;
    return env.v;
}

static int bad_option(const char *msg, const char *arg) {
    fprintf(stderr, "dx test: %s: %s\n", msg, arg);
    return 9;
}

/* Reads the value of `--name=value` or `--name value`; NULL if `arg` is not that option. */
static const char *option_value(const char *name, int argc, char **argv, int *i) {
    size_t n = strlen(name);
    const char *arg = argv[*i];
    if (strncmp(arg, name, n) != 0) return NULL;
    if (arg[n] == '=') return arg + n + 1;
    if (arg[n] == 0 && *i + 1 < argc) return argv[++*i];
    return NULL;
}

static bool parse_long(const char *s, long *out) {
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || end == s || *end || v < 0) return false;
    *out = v;
    return true;
}

int dx_test_main(int argc, char **argv, const char *self_exe) {
    strvec patterns = {0};
    strvec files = {0};
    int npaths = 0;
    char **paths = xmalloc(sizeof(char *) * (size_t)(argc + 1));
    bool only = false;
    int rc = 0;
    long concurrency = 0;
    uint64_t t0 = uv_hrtime();

    memset(&R, 0, sizeof R);
    R.exe = self_exe;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v;
        if (strcmp(a, "--") == 0) {
            for (i++; i < argc; i++) paths[npaths++] = argv[i];
            break;
        }
        if ((v = option_value("--test-concurrency", argc, argv, &i)) != NULL) {
            if (!parse_long(v, &concurrency) || concurrency < 1) { rc = bad_option("bad --test-concurrency", v); goto out; }
        } else if ((v = option_value("--test-timeout", argc, argv, &i)) != NULL) {
            if (!parse_long(v, &R.timeout_ms)) { rc = bad_option("bad --test-timeout", v); goto out; }
        } else if ((v = option_value("--test-name-pattern", argc, argv, &i)) != NULL) {
            strvec_push(&patterns, xstrdup(v));
        } else if (strcmp(a, "--test-only") == 0) {
            only = true;
        } else if (a[0] == '-' && a[1] != 0) {
            rc = bad_option("bad option", a);
            goto out;
        } else {
            paths[npaths++] = argv[i];
        }
    }
    if (!getcwd(R.cwd, sizeof R.cwd)) strcpy(R.cwd, ".");

    if (find_test_files(npaths, paths, &files) < 0) {
        rc = 1;
        goto out;
    }

    bool color = use_colors();
    palette on = {"\x1b[32m", "\x1b[31m", "\x1b[90m", "\x1b[33m", "\x1b[34m", "\x1b[39m"};
    palette off = {"", "", "", "", "", ""};
    colors = color ? on : off;

    R.loop = uv_default_loop();
    R.env = make_env(&patterns, only, color);
    R.concurrency = concurrency > 0 ? (int)concurrency : (int)uv_available_parallelism();
    if (R.concurrency < 1) R.concurrency = 1;
    R.nfiles = files.n;
    R.files = calloc(files.n ? files.n : 1, sizeof *R.files);
    if (!R.files) { fputs("dx test: out of memory\n", stderr); rc = 70; goto out; }
    for (size_t i = 0; i < files.n; i++) {
        R.files[i].path = files.v[i];
        R.files[i].index = i;
    }
    start_more();
    uv_run(R.loop, UV_RUN_DEFAULT);
    advance();

    double ms = (double)(uv_hrtime() - t0) / 1e6;
    strbuf b = {0};
    sb_printf(&b, "%s\u2139 tests %ld%s\n", colors.blue, R.tests, colors.white);
    sb_printf(&b, "%s\u2139 suites %ld%s\n", colors.blue, R.suites, colors.white);
    sb_printf(&b, "%s\u2139 pass %ld%s\n", colors.blue, R.pass, colors.white);
    sb_printf(&b, "%s\u2139 fail %ld%s\n", colors.blue, R.fail, colors.white);
    sb_printf(&b, "%s\u2139 cancelled %ld%s\n", colors.blue, R.cancelled, colors.white);
    sb_printf(&b, "%s\u2139 skipped %ld%s\n", colors.blue, R.skipped, colors.white);
    sb_printf(&b, "%s\u2139 todo %ld%s\n", colors.blue, R.todo, colors.white);
    sb_printf(&b, "%s\u2139 duration_ms %.6f%s\n", colors.blue, ms, colors.white);
    if (R.nfailures > 0) {
        sb_printf(&b, "\n%s\u2716 failing tests:%s\n", colors.red, colors.white);
        for (size_t i = 0; i < R.nfailures; i++) {
            failure *f = &R.failures[i];
            sb_puts(&b, "\n");
            if (f->location) sb_printf(&b, "test at %s\n", f->location);
            sb_printf(&b, "%s\n", f->title);
            /* the error, indented by two spaces */
            const char *p = f->error;
            while (*p) {
                const char *nl = strchr(p, '\n');
                size_t n = nl ? (size_t)(nl - p) : strlen(p);
                if (n && p[n - 1] == '\r') n--;
                sb_puts(&b, "  ");
                sb_add(&b, p, n);
                sb_puts(&b, "\n");
                if (!nl) break;
                p = nl + 1;
            }
        }
    }
    long failed = R.fail + R.cancelled;
    long skipped = R.skipped + R.todo;
    sb_printf(&b, "\n%ld passed, %ld failed", R.pass, failed);
    if (skipped > 0) sb_printf(&b, ", %ld skipped", skipped);
    sb_puts(&b, "\n");
    out_write(stdout, b.s, b.n);
    free(b.s);
    rc = failed > 0 ? 1 : 0;

out:
    for (size_t i = 0; i < R.nfailures; i++) {
        free(R.failures[i].location);
        free(R.failures[i].title);
        free(R.failures[i].error);
    }
    free(R.failures);
    if (R.files) {
        for (size_t i = 0; i < R.nfiles; i++) free(R.files[i].report_line.s);
        free(R.files);
    }
    if (R.env) {
        for (char **e = R.env; *e; e++) free(*e);
        free(R.env);
    }
    if (R.loop) uv_loop_close(R.loop);
    strvec_free(&files);
    strvec_free(&patterns);
    free(paths);
    return rc;
}
