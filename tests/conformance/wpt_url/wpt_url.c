/* Runs src/web/url.c over the URL Standard's test data (web-platform-tests url/resources, which
 * Node vendors under test/fixtures/wpt/url/resources/): urltestdata.json, setters_tests.json,
 * percent-encoding.json (UTF-8 only: the URL API always encodes queries as UTF-8), toascii.json and
 * IdnaTestV2.json, checked the way the WPT .js files check them through the URL API.
 *
 *   wpt_url <data dir> [--expectations FILE] [--write FILE]
 *
 * Each case has an id "<file> <index>" (index of the entry in its JSON array; for setters
 * "<setter> <index>"). A failing case that the expectations file lists is a known failure; any
 * other failure fails the run, so a regression cannot pass unnoticed. --write writes the current
 * failures as a new expectations file. Exits 77 (skip) when the data directory is absent. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "modules/json.h"
#include "web/url.h"

static char **known;
static size_t nknown;
static FILE *write_out;
static int passed, failed_known, failed_new, total;
static bool verbose;

static bool is_known(const char *id) {
    for (size_t i = 0; i < nknown; i++) if (strcmp(known[i], id) == 0) return true;
    return false;
}

static void result(const char *id, bool ok, const char *what, const char *got, const char *want) {
    total++;
    if (ok) { passed++; return; }
    if (write_out) fprintf(write_out, "%s\n", id);
    if (is_known(id)) { failed_known++; return; }
    failed_new++;
    printf("FAIL %s: %s: got \"%s\", want \"%s\"\n", id, what, got ? got : "(failure)", want ? want : "(failure)");
}

static char *read_file(const char *dir, const char *name, size_t *len) {
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *s = malloc((size_t)n + 1);
    if (!s || fread(s, 1, (size_t)n, f) != (size_t)n) { fclose(f); free(s); return NULL; }
    s[n] = 0;
    fclose(f);
    *len = (size_t)n;
    return s;
}

static dx_json *load(const char *dir, const char *name) {
    size_t len;
    char *s = read_file(dir, name, &len);
    if (!s) { fprintf(stderr, "wpt_url: cannot read %s/%s\n", dir, name); exit(2); }
    dx_json_error err;
    dx_json *j = dx_json_parse(s, len, &err);
    free(s);
    if (!j || j->type != DX_JSON_ARRAY) { fprintf(stderr, "wpt_url: bad JSON in %s\n", name); exit(2); }
    return j;
}

static const char *str(const dx_json *o, const char *key) {
    const dx_json *v = o ? dx_json_get(o, key) : NULL;
    return v && v->type == DX_JSON_STRING ? v->string : NULL;
}

static const struct { const char *name; dx_url_part part; } parts[] = {
    {"href", DX_URL_PART_HREF}, {"origin", DX_URL_PART_ORIGIN}, {"protocol", DX_URL_PART_PROTOCOL},
    {"username", DX_URL_PART_USERNAME}, {"password", DX_URL_PART_PASSWORD}, {"host", DX_URL_PART_HOST},
    {"hostname", DX_URL_PART_HOSTNAME}, {"port", DX_URL_PART_PORT}, {"pathname", DX_URL_PART_PATHNAME},
    {"search", DX_URL_PART_SEARCH}, {"hash", DX_URL_PART_HASH},
};

/* Compares every component the expected object names; returns the first mismatch or 0. */
static bool check_parts(const char *id, const dx_url *u, const dx_json *want) {
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
        const char *w = str(want, parts[i].name);
        if (!w) continue;
        dx_url_buf b = {0};
        dx_url_get(u, parts[i].part, &b);
        bool ok = strcmp(b.p, w) == 0;
        if (!ok) {
            result(id, false, parts[i].name, b.p, w);
            free(b.p);
            return false;
        }
        free(b.p);
    }
    return true;
}

/* Parses a JSON string member (which may hold NULs) against an optional base. */
static int parse_member(const dx_json *t, const char *key, const dx_url *base, dx_url *out) {
    const dx_json *v = dx_json_get(t, key);
    return dx_url_parse(v->string, v->length, base, out);
}
static int parse(const char *s, const dx_url *base, dx_url *out) {
    return dx_url_parse(s, strlen(s), base, out);
}

static void run_urltestdata(const char *dir) {
    dx_json *j = load(dir, "urltestdata.json");
    for (size_t i = 0; i < j->count; i++) {
        const dx_json *t = j->items[i];
        if (t->type != DX_JSON_OBJECT) continue;
        char id[64];
        snprintf(id, sizeof id, "urltestdata %zu", i);
        const char *base_s = str(t, "base");
        dx_url base, u;
        bool have_base = false;
        if (base_s) {
            if (parse_member(t, "base", NULL, &base) < 0) { result(id, false, "base", NULL, base_s); continue; }
            have_base = true;
        }
        bool want_fail = dx_json_get(t, "failure") != NULL;
        int r = parse_member(t, "input", have_base ? &base : NULL, &u);
        if (want_fail) {
            result(id, r < 0, "parse", r < 0 ? NULL : u.href, NULL);
        } else if (r < 0) {
            result(id, false, "parse", NULL, str(t, "href"));
        } else if (check_parts(id, &u, t)) {
            result(id, true, NULL, NULL, NULL);
        }
        if (r == 0) dx_url_free(&u);
        if (have_base) dx_url_free(&base);
    }
    dx_json_free(j);
}

static void run_setters(const char *dir) {
    static const struct { const char *name; dx_url_setter which; } setters[] = {
        {"protocol", DX_URL_SET_PROTOCOL}, {"username", DX_URL_SET_USERNAME}, {"password", DX_URL_SET_PASSWORD},
        {"host", DX_URL_SET_HOST}, {"hostname", DX_URL_SET_HOSTNAME}, {"port", DX_URL_SET_PORT},
        {"pathname", DX_URL_SET_PATHNAME}, {"search", DX_URL_SET_SEARCH}, {"hash", DX_URL_SET_HASH},
        {"href", DX_URL_SET_HREF},
    };
    size_t len;
    char *s = read_file(dir, "setters_tests.json", &len);
    if (!s) { fprintf(stderr, "wpt_url: cannot read setters_tests.json\n"); exit(2); }
    dx_json_error err;
    dx_json *j = dx_json_parse(s, len, &err);
    free(s);
    if (!j || j->type != DX_JSON_OBJECT) { fprintf(stderr, "wpt_url: bad setters_tests.json\n"); exit(2); }
    for (size_t k = 0; k < sizeof setters / sizeof setters[0]; k++) {
        const dx_json *list = dx_json_get(j, setters[k].name);
        if (!list || list->type != DX_JSON_ARRAY) continue;
        for (size_t i = 0; i < list->count; i++) {
            const dx_json *t = list->items[i];
            char id[64];
            snprintf(id, sizeof id, "setters_%s %zu", setters[k].name, i);
            dx_url u;
            if (parse_member(t, "href", NULL, &u) < 0) { result(id, false, "href", NULL, str(t, "href")); continue; }
            const dx_json *nv = dx_json_get(t, "new_value");
            dx_url_set(&u, setters[k].which, nv->string, nv->length);
            if (check_parts(id, &u, dx_json_get(t, "expected"))) result(id, true, NULL, NULL, NULL);
            dx_url_free(&u);
        }
    }
    dx_json_free(j);
}

static void run_percent_encoding(const char *dir) {
    dx_json *j = load(dir, "percent-encoding.json");
    for (size_t i = 0; i < j->count; i++) {
        const dx_json *t = j->items[i];
        if (t->type != DX_JSON_OBJECT) continue;
        char id[64];
        snprintf(id, sizeof id, "percent-encoding %zu", i);
        const dx_json *in = dx_json_get(t, "input");
        const char *want = str(dx_json_get(t, "output"), "utf-8");
        size_t n = in->length;
        char *s = malloc(n * 2 + 64);
        size_t l = 0;
        memcpy(s, "https://doesnotmatter.invalid/?", 31); l = 31;
        memcpy(s + l, in->string, n); l += n;
        s[l++] = '#';
        memcpy(s + l, in->string, n); l += n;
        dx_url u;
        if (dx_url_parse(s, l, NULL, &u) < 0) {
            result(id, false, "parse", NULL, want);
        } else {
            dx_url_buf q = {0}, h = {0};
            dx_url_get(&u, DX_URL_PART_SEARCH, &q);
            dx_url_get(&u, DX_URL_PART_HASH, &h);
            bool ok = q.len && h.len && strcmp(q.p + 1, want) == 0 && strcmp(h.p + 1, want) == 0;
            result(id, ok, "search/hash", q.p, want);
            free(q.p);
            free(h.p);
            dx_url_free(&u);
        }
        free(s);
    }
    dx_json_free(j);
}

/* toascii.json and IdnaTestV2.json: "https://" + input + "/x" parses to that host, or fails; for
 * toascii.json the host and hostname setters too. */
static void run_hosts(const char *dir, const char *file, bool setters) {
    dx_json *j = load(dir, file);
    for (size_t i = 0; i < j->count; i++) {
        const dx_json *t = j->items[i];
        if (t->type != DX_JSON_OBJECT) continue;
        const dx_json *in = dx_json_get(t, "input");
        if (!in || in->length == 0) continue;
        const char *want = str(t, "output");
        char id[80];
        snprintf(id, sizeof id, "%.*s %zu", (int)(strlen(file) - 5), file, i);
        size_t n = in->length;
        char *s = malloc(n + 16);
        memcpy(s, "https://", 8);
        memcpy(s + 8, in->string, n);
        memcpy(s + 8 + n, "/x", 3);
        dx_url u;
        int r = dx_url_parse(s, n + 10, NULL, &u);
        if (!want) {
            result(id, r < 0, "parse", r < 0 ? NULL : u.href, NULL);
        } else if (r < 0) {
            result(id, false, "parse", NULL, want);
        } else {
            dx_url_buf h = {0}, p = {0};
            dx_url_get(&u, DX_URL_PART_HOSTNAME, &h);
            dx_url_get(&u, DX_URL_PART_PATHNAME, &p);
            bool ok = strcmp(h.p, want) == 0 && strcmp(p.p, "/x") == 0;
            result(id, ok, "host", h.p, want);
            free(h.p);
            free(p.p);
        }
        if (r == 0) dx_url_free(&u);
        for (int k = 0; setters && k < 2; k++) {
            char sid[96];
            snprintf(sid, sizeof sid, "%s.%s", id, k ? "hostname" : "host");
            dx_url x;
            parse("https://x/x", NULL, &x);
            dx_url_set(&x, k ? DX_URL_SET_HOSTNAME : DX_URL_SET_HOST, in->string, n);
            dx_url_buf h = {0};
            dx_url_get(&x, k ? DX_URL_PART_HOSTNAME : DX_URL_PART_HOST, &h);
            const char *w = want ? want : "x";
            result(sid, strcmp(h.p, w) == 0, "setter", h.p, w);
            free(h.p);
            dx_url_free(&x);
        }
        free(s);
    }
    dx_json_free(j);
}

static void load_expectations(const char *path) {
    FILE *f = fopen(path, "r");
    if (!f) return;
    char line[512];
    size_t cap = 0;
    while (fgets(line, sizeof line, f)) {
        char *hash = strchr(line, '#');
        if (hash) *hash = 0;
        size_t l = strlen(line);
        while (l && (line[l - 1] == '\n' || line[l - 1] == ' ' || line[l - 1] == '\r')) line[--l] = 0;
        if (!l) continue;
        if (nknown == cap) {
            cap = cap ? cap * 2 : 64;
            known = realloc(known, cap * sizeof *known);
            if (!known) abort();
        }
        known[nknown++] = strdup(line);
    }
    fclose(f);
}

int main(int argc, char **argv) {
    const char *dir = NULL, *expect = NULL, *write = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--expectations") == 0 && i + 1 < argc) expect = argv[++i];
        else if (strcmp(argv[i], "--write") == 0 && i + 1 < argc) write = argv[++i];
        else if (strcmp(argv[i], "-v") == 0) verbose = true;
        else dir = argv[i];
    }
    /* DX_WPT_URL_DIR, when set, wins over the directory given (the ctest passes build/wpt_url). */
    const char *env = getenv("DX_WPT_URL_DIR");
    if (env && *env) dir = env;
    size_t len;
    char *probe = dir ? read_file(dir, "urltestdata.json", &len) : NULL;
    if (!probe) {
        printf("wpt_url: no data (pass the directory holding urltestdata.json, or set DX_WPT_URL_DIR); skipped\n");
        return 77;
    }
    free(probe);
    if (expect) load_expectations(expect);
    if (write) write_out = fopen(write, "w");
    if (write_out) fprintf(write_out, "# Known failures of tests/conformance/wpt_url (wpt_url --write regenerates the list).\n");

#define SECTION(label, call) do { int p0 = passed, t0 = total; call; \
        printf("%-20s %5d / %5d\n", label, passed - p0, total - t0); } while (0)
    SECTION("urltestdata", run_urltestdata(dir));
    SECTION("setters_tests", run_setters(dir));
    SECTION("percent-encoding", run_percent_encoding(dir));
    SECTION("toascii", run_hosts(dir, "toascii.json", true));
    SECTION("IdnaTestV2", run_hosts(dir, "IdnaTestV2.json", false));
    printf("total                %5d / %5d passed (%.2f%%); %d known failures, %d new\n", passed, total,
           total ? 100.0 * passed / total : 0.0, failed_known, failed_new);
    if (write_out) fclose(write_out);
    for (size_t i = 0; i < nknown; i++) free(known[i]);
    free(known);
    return failed_new ? 1 : 0;
}
