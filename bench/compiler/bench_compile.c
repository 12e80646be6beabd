/* Parse + print throughput of the compiler library, in one process.
 *
 *   bench_compile [--runs N] [--minify] [--scope] [--once] [--out FILE] [--name NAME] FILE...
 *
 * The files are one corpus. Default: one warm-up pass over the corpus (parse + print of every
 * file), then N (default 10) timed passes; prints one line: NAME (default the first file's name),
 * file count, bytes, median parse, lower and print ms, median total ms, MB/s (of that median) and the process's peak RSS (KiB, getrusage), which includes the sources.
 * --once: parse and print every file once and write the outputs to --out (default /dev/null),
 * which is what a whole-process comparison with another tool's command line (esbuild FILE
 * --outfile=/dev/null) measures.
 *
 * The goal follows the extension (.mjs module, .cjs script); a .js file is tried as a script, then
 * as a module. .ts/.mts/.cts select TypeScript, .tsx TSX, .jsx JSX: the parse erases types, then
 * the TypeScript and JSX transforms lower what is left (js_transpile's pipeline without its source
 * map, since the esbuild command it is compared with writes none); their time is the "lower"
 * column.
 *
 * --scope also runs scope analysis (js_scope_analyze: every identifier bound to its symbol) on
 * JavaScript and JSX inputs, in the "lower" column: esbuild binds every identifier of every file,
 * and dx's TypeScript lowering already does, so with --scope both tools do comparable work. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "compiler/compiler.h"
#include "compiler/scope.h"
#include "compiler/transforms/transforms.h"

static char *read_file(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  char *b = NULL;
  if (fseek(f, 0, SEEK_END) != 0) goto fail;
  long n = ftell(f);
  if (n < 0 || fseek(f, 0, SEEK_SET) != 0) goto fail;
  b = malloc((size_t)n + 1);
  if (!b || fread(b, 1, (size_t)n, f) != (size_t)n) goto fail;
  fclose(f);
  b[n] = 0;
  *len = (size_t)n;
  return b;
fail:
  fclose(f);
  free(b);
  return NULL;
}

static bool ends_with(const char *s, const char *suffix) {
  size_t n = strlen(s), m = strlen(suffix);
  return n >= m && strcmp(s + n - m, suffix) == 0;
}

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

static double median(double *v, int n) {
  qsort(v, (size_t)n, sizeof *v, cmp_double);
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static js_lang lang_of(const char *path) {
  if (ends_with(path, ".tsx")) return JS_LANG_TSX;
  if (ends_with(path, ".ts") || ends_with(path, ".mts") || ends_with(path, ".cts")) return JS_LANG_TS;
  if (ends_with(path, ".jsx")) return JS_LANG_JSX;
  return JS_LANG_JS;
}

/* Parses with the goal the extension implies; a .js (or .ts) file that is not a script is tried
 * as a module. Returns NULL (after printing the first error) when neither parses. */
static js_ast *parse(const char *path, const char *src, size_t len) {
  js_parse_options o = {0};
  o.filename = path;
  o.lang = lang_of(path);
  bool module_only = ends_with(path, ".mjs") || ends_with(path, ".mts");
  bool script_only = ends_with(path, ".cjs") || ends_with(path, ".cts");
  o.goal = module_only ? JS_GOAL_MODULE : JS_GOAL_SCRIPT;
  js_ast *a = js_parse(src, len, &o);
  if (a && a->nerrors && !module_only && !script_only) {
    js_ast_free(a);
    o.goal = JS_GOAL_MODULE;
    a = js_parse(src, len, &o);
  }
  if (!a) {
    fprintf(stderr, "bench_compile: out of memory\n");
  } else if (a->nerrors) {
    fprintf(stderr, "bench_compile: %s\n", a->errors[0].text);
    js_ast_free(a);
    a = NULL;
  }
  return a;
}

static long peak_rss_kib(void) {
  struct rusage ru;
  return getrusage(RUSAGE_SELF, &ru) == 0 ? ru.ru_maxrss : -1;
}

typedef struct input {
  const char *path;
  char *src;
  size_t len;
} input;

static bool with_scope; /* --scope */

/* Lowers TypeScript and JSX as js_transpile does (with --scope, binds a JavaScript file's
 * identifiers first). Returns 0 or -1 (after printing the error). */
static int lower(const char *path, js_ast *a) {
  js_lang lang = lang_of(path);
  int rc = 0;
  if (with_scope && (lang == JS_LANG_JS || lang == JS_LANG_JSX) && !js_scope_analyze(a)) rc = -1;
  if (rc == 0 && (lang == JS_LANG_TS || lang == JS_LANG_TSX)) {
    js_ts_options t = {0};
    t.filename = path;
    rc = js_ts_lower(a, &t);
  }
  if (rc == 0 && !a->nerrors && (lang == JS_LANG_JSX || lang == JS_LANG_TSX)) {
    js_jsx_options j = {0};
    j.filename = path;
    rc = js_jsx_lower(a, &j);
  }
  if (rc != 0 || a->nerrors) {
    fprintf(stderr, "bench_compile: %s\n", a->nerrors ? a->errors[0].text : "out of memory");
    return -1;
  }
  return 0;
}

/* Parses, lowers and prints every input once; adds the phases' times (ms) to t[0] (parse), t[1]
 * (lower) and t[2] (print). Returns 0, or -1 when an input does not compile or memory runs out. */
static int compile_all(const input *in, int n, const js_print_options *po, FILE *out, double t[3]) {
  for (int i = 0; i < n; i++) {
    double t0 = now();
    js_ast *a = parse(in[i].path, in[i].src, in[i].len);
    if (!a) return -1;
    double tl = now();
    if (lower(in[i].path, a) != 0) {
      js_ast_free(a);
      return -1;
    }
    double t1 = now();
    size_t plen;
    char *js = js_print(a->program, po, &plen);
    double t2 = now();
    int bad = !js || (out && fwrite(js, 1, plen, out) != plen);
    free(js);
    js_ast_free(a);
    if (bad) return -1;
    t[0] += (tl - t0) * 1e3;
    t[1] += (t1 - tl) * 1e3;
    t[2] += (t2 - t1) * 1e3;
  }
  return 0;
}

static void usage(const char *argv0) {
  fprintf(stderr, "usage: %s [--runs N] [--minify] [--scope] [--once] [--out FILE] [--name NAME] FILE...\n", argv0);
}

int main(int argc, char **argv) {
  int runs = 10;
  bool minify = false, once = false;
  const char *out = "/dev/null", *name = NULL;
  int first = argc;
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "--runs") && i + 1 < argc) runs = atoi(argv[++i]);
    else if (!strcmp(argv[i], "--minify")) minify = true;
    else if (!strcmp(argv[i], "--scope")) with_scope = true;
    else if (!strcmp(argv[i], "--once")) once = true;
    else if (!strcmp(argv[i], "--out") && i + 1 < argc) out = argv[++i];
    else if (!strcmp(argv[i], "--name") && i + 1 < argc) name = argv[++i];
    else if (argv[i][0] == '-') {
      usage(argv[0]);
      return 2;
    } else {
      first = i;
      break;
    }
  }
  if (first == argc || runs < 1 || runs > 10000) {
    usage(argv[0]);
    return 2;
  }
  int n = argc - first, rc = 0;
  input *in = calloc((size_t)n, sizeof *in);
  /* Per run: parse, lower, print, total. */
  double *tm[4];
  for (int k = 0; k < 4; k++) tm[k] = malloc(sizeof(double) * (size_t)runs);
  if (!in || !tm[0] || !tm[1] || !tm[2] || !tm[3]) return 2;
  size_t total = 0;
  for (int i = 0; i < n; i++) {
    in[i].path = argv[first + i];
    in[i].src = read_file(in[i].path, &in[i].len);
    if (!in[i].src) {
      fprintf(stderr, "bench_compile: cannot read %s\n", in[i].path);
      rc = 1;
      goto out;
    }
    total += in[i].len;
  }
  js_print_options po = {0};
  po.minify = minify;
  if (once) {
    FILE *o = fopen(out, "wb");
    double t[3] = {0, 0, 0};
    if (!o || compile_all(in, n, &po, o, t) != 0) rc = 1;
    if (o && fclose(o) != 0) rc = 1;
    goto out;
  }
  /* Run -1 is the warm-up (page faults of the first arena chunks, ICU's data, caches). */
  for (int r = -1; r < runs; r++) {
    double t[3] = {0, 0, 0};
    if (compile_all(in, n, &po, NULL, t) != 0) {
      rc = 1;
      goto out;
    }
    if (r >= 0) {
      for (int k = 0; k < 3; k++) tm[k][r] = t[k];
      tm[3][r] = t[0] + t[1] + t[2];
    }
  }
  if (!name) name = strrchr(in[0].path, '/') ? strrchr(in[0].path, '/') + 1 : in[0].path;
  double mt = median(tm[3], runs);
  printf("%-32s %6d %10zu %9.2f %9.2f %9.2f %9.2f %8.1f %10ld\n", name, n, total, median(tm[0], runs),
         median(tm[1], runs), median(tm[2], runs), mt, total / 1e6 / (mt / 1e3), peak_rss_kib());
out:
  for (int i = 0; i < n; i++) free(in[i].src);
  free(in);
  for (int k = 0; k < 4; k++) free(tm[k]);
  return rc;
}
