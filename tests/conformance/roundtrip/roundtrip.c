/* Round trips of real npm code through the compiler library.
 *
 *   roundtrip [--root node_modules] [--out DIR] [-v] FILE...
 *       Each FILE (a path under the root, e.g. lodash/lodash.js) must parse, and printed pretty
 *       and minified it must parse again to the same tree (js_ast_equal). With --out the printed
 *       copies are written to DIR/pretty/FILE and DIR/min/FILE, where compare.js runs them
 *       against the originals under Node. Any failure fails the run.
 *
 *   roundtrip --sweep [--root node_modules] [--skip PREFIX]... [--expectations FILE] [--update] [-v]
 *       Does the same (without writing copies) for every .js, .mjs and .cjs file under the root
 *       but those whose path starts with a --skip prefix (suites of invalid programs), and compares the failures with a baseline: only failures not listed there fail the run;
 *       --update rewrites the baseline.
 *
 * The goal of each file is Node's: .mjs and .js under a package.json with "type": "module" are
 * modules; .cjs and other .js files are CommonJS, which Node compiles as the body of a function
 * (so a top-level `return` is allowed; we parse such files inside the same wrapper), and a .js
 * file of a package without a "type" field that only parses as a module is one (Node's syntax
 * detection). Prints "N passed, N failed". */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* strdup, nftw */
#endif
#include <errno.h>
#include <ftw.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "compiler/compiler.h"
#include "modules/pkgjson.h"

typedef struct strlist {
  char **items;
  size_t len, cap;
} strlist;

static void push(strlist *l, const char *s) {
  if (l->len == l->cap) {
    l->cap = l->cap ? l->cap * 2 : 256;
    l->items = realloc(l->items, l->cap * sizeof *l->items);
    if (!l->items) abort();
  }
  l->items[l->len++] = strdup(s);
  if (!l->items[l->len - 1]) abort();
}

static int cmp(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static bool contains(const strlist *l, const char *s) {
  return l->len && bsearch(&s, l->items, l->len, sizeof *l->items, cmp) != NULL;
}

static void strlist_free(strlist *l) {
  for (size_t i = 0; i < l->len; i++) free(l->items[i]);
  free(l->items);
  memset(l, 0, sizeof *l);
}

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

/* mkdir -p of the directory part of path. */
static int make_parents(const char *path) {
  char buf[PATH_MAX];
  if (snprintf(buf, sizeof buf, "%s", path) >= (int)sizeof buf) return -1;
  for (char *p = buf + 1; *p; p++) {
    if (*p != '/') continue;
    *p = 0;
    if (mkdir(buf, 0777) != 0 && errno != EEXIST) return -1;
    *p = '/';
  }
  return 0;
}

static int write_file(const char *path, const char *data, size_t len) {
  if (make_parents(path) != 0) return -1;
  FILE *f = fopen(path, "wb");
  if (!f) return -1;
  size_t w = fwrite(data, 1, len, f);
  return fclose(f) == 0 && w == len ? 0 : -1;
}

static bool ends_with(const char *s, const char *suffix) {
  size_t n = strlen(s), m = strlen(suffix);
  return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* How a file is read, decided as Node decides it. */
typedef enum { AS_MODULE, AS_COMMONJS, AS_DETECT } file_kind;

static dx_pkgcache *pkgs;

static file_kind kind_of(const char *abspath) {
  if (ends_with(abspath, ".mjs")) return AS_MODULE;
  if (ends_with(abspath, ".cjs")) return AS_COMMONJS;
  const dx_pkg *p = dx_pkg_scope(pkgs, abspath);
  const dx_json *t = p ? p->type : NULL;
  if (t && t->type == DX_JSON_STRING) {
    if (!strcmp(t->string, "module")) return AS_MODULE;
    if (!strcmp(t->string, "commonjs")) return AS_COMMONJS;
  }
  return AS_DETECT;
}

/* Node compiles a CommonJS file as the body of this function. The wrapper is only used when a
 * file does not parse as a script (a top-level `return`); such files are reparsed, printed and
 * compared wrapped, which checks the same statements. */
static const char cjs_head[] = "(function (exports, require, module, __filename, __dirname) {";
static const char cjs_tail[] = "\n});";

typedef struct parsed {
  js_ast *ast;
  char *owned;       /* the wrapped copy of the source, when one was needed */
  js_parse_options opts;
  const char *how;   /* "module", "script", "commonjs function body", "module (detected)" */
} parsed;

static js_ast *parse_as(const char *src, size_t len, js_goal goal, const char *name, js_parse_options *o) {
  memset(o, 0, sizeof *o);
  o->goal = goal;
  o->filename = name;
  return js_parse(src, len, o);
}

/* Parses as Node would. On failure returns false and reason says why (the first error of the
 * reading Node would have reported). */
static bool parse_like_node(const char *src, size_t len, const char *name, file_kind kind, parsed *out,
                            char *reason, size_t rsize) {
  memset(out, 0, sizeof *out);
  if (kind == AS_MODULE) {
    out->ast = parse_as(src, len, JS_GOAL_MODULE, name, &out->opts);
    out->how = "module";
  } else {
    out->ast = parse_as(src, len, JS_GOAL_SCRIPT, name, &out->opts);
    out->how = "script";
    if (out->ast && out->ast->nerrors) {
      /* Keep the script's first error: it is the one Node reports for a CommonJS file. */
      snprintf(reason, rsize, "%s", out->ast->errors[0].text);
      size_t wlen = sizeof cjs_head - 1 + len + sizeof cjs_tail - 1;
      char *w = malloc(wlen + 1);
      if (!w) abort();
      memcpy(w, cjs_head, sizeof cjs_head - 1);
      memcpy(w + sizeof cjs_head - 1, src, len);
      memcpy(w + sizeof cjs_head - 1 + len, cjs_tail, sizeof cjs_tail);
      js_parse_options o;
      js_ast *a = parse_as(w, wlen, JS_GOAL_SCRIPT, name, &o);
      if (a && !a->nerrors) {
        js_ast_free(out->ast);
        out->ast = a;
        out->owned = w;
        out->opts = o;
        out->how = "commonjs function body";
      } else {
        js_ast_free(a);
        free(w);
        if (kind == AS_DETECT) {
          a = parse_as(src, len, JS_GOAL_MODULE, name, &o);
          if (a && !a->nerrors) {
            js_ast_free(out->ast);
            out->ast = a;
            out->opts = o;
            out->how = "module (detected)";
          } else {
            js_ast_free(a);
          }
        }
      }
    }
  }
  if (!out->ast) {
    snprintf(reason, rsize, "out of memory");
    return false;
  }
  if (out->ast->nerrors) {
    if (out->opts.goal == JS_GOAL_MODULE) snprintf(reason, rsize, "%s", out->ast->errors[0].text);
    return false;
  }
  return true;
}

static bool verbose;

/* Prints a parsed file (pretty, then minified), reparses each output with the same options and
 * compares the trees. Returns NULL when all is well, else a reason in reason[]. The printed
 * texts are handed back in printed[0] (pretty) and printed[1] (minified) when not NULL. */
static const char *check_roundtrip(const parsed *p, const char *name, char *reason, size_t rsize,
                                   char **printed, size_t *printed_len) {
  const char *res = NULL;
  for (int minify = 0; minify < 2 && !res; minify++) {
    js_print_options po = {0};
    po.minify = minify;
    size_t plen;
    char *out = js_print(p->ast->program, &po, &plen);
    if (!out) {
      snprintf(reason, rsize, "print failed (out of memory)");
      return reason;
    }
    js_parse_options o = p->opts;
    o.filename = minify ? "<minified>" : "<printed>";
    js_ast *r = js_parse(out, plen, &o);
    if (!r || r->nerrors) {
      snprintf(reason, rsize, "%s output of %s rejected: %s", minify ? "minified" : "pretty", name,
               r && r->nerrors ? r->errors[0].text : "out of memory");
      res = reason;
    } else if (!js_ast_equal(p->ast->program, r->program)) {
      snprintf(reason, rsize, "%s output parses to a different tree", minify ? "minified" : "pretty");
      res = reason;
    }
    if (res && verbose) fprintf(stderr, "--- %s (%s)\n%.*s\n", name, minify ? "minified" : "pretty",
                                plen > 4000 ? 4000 : (int)plen, out);
    js_ast_free(r);
    if (printed && !res) {
      printed[minify] = out;
      printed_len[minify] = plen;
    } else {
      free(out);
    }
  }
  return res;
}

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* --- named files: round trip and write copies --- */

static int run_files(const char *root, const char *outdir, char **files, int nfiles) {
  char absroot[PATH_MAX];
  if (!realpath(root, absroot)) {
    fprintf(stderr, "roundtrip: %s: %s\n", root, strerror(errno));
    return 2;
  }
  size_t passed = 0, failed = 0;
  for (int i = 0; i < nfiles; i++) {
    char path[PATH_MAX], reason[PATH_MAX + 1024];
    size_t len;
    char *src = snprintf(path, sizeof path, "%s/%s", absroot, files[i]) < (int)sizeof path ? read_file(path, &len) : NULL;
    if (!src) {
      printf("FAIL %s: cannot read %s\n", files[i], path);
      failed++;
      continue;
    }
    double t0 = now();
    parsed p;
    const char *why = NULL;
    char *printed[2] = {NULL, NULL};
    size_t printed_len[2] = {0, 0};
    if (!parse_like_node(src, len, files[i], kind_of(path), &p, reason, sizeof reason)) {
      why = reason;
    } else if (p.owned) {
      /* A copy printed inside the wrapper would not be the same program. */
      snprintf(reason, sizeof reason, "needs the CommonJS function wrapper; not supported for copies");
      why = reason;
    } else {
      why = check_roundtrip(&p, files[i], reason, sizeof reason, printed, printed_len);
    }
    if (!why && outdir) {
      static const char *const sub[2] = {"pretty", "min"};
      for (int m = 0; m < 2 && !why; m++) {
        char dst[PATH_MAX];
        if (snprintf(dst, sizeof dst, "%s/%s/%s", outdir, sub[m], files[i]) >= (int)sizeof dst ||
            write_file(dst, printed[m], printed_len[m]) != 0) {
          snprintf(reason, sizeof reason, "cannot write %s: %s", dst, strerror(errno));
          why = reason;
        }
      }
    }
    if (why) {
      printf("FAIL %s: %s\n", files[i], why);
      failed++;
    } else {
      printf("ok %s (%s, %.1f MB, pretty %zu bytes, minified %zu bytes, %.0f ms)\n", files[i], p.how,
             len / 1e6, printed_len[0], printed_len[1], (now() - t0) * 1e3);
      passed++;
    }
    free(printed[0]);
    free(printed[1]);
    js_ast_free(p.ast);
    free(p.owned);
    free(src);
  }
  printf("%zu passed, %zu failed\n", passed, failed);
  return failed ? 1 : 0;
}

/* --- sweep: every JavaScript file under the root --- */

static strlist sweep_files;
static size_t sweep_root_len;
static strlist sweep_skip; /* path prefixes under the root that are not swept */

static int collect(const char *path, const struct stat *st, int type, struct FTW *ftw) {
  (void)st;
  (void)ftw;
  /* Symbolic links (node_modules/.bin) are skipped: their targets are visited where they live. */
  if (type != FTW_F || !(ends_with(path, ".js") || ends_with(path, ".mjs") || ends_with(path, ".cjs"))) return 0;
  const char *rel = path + sweep_root_len + 1;
  for (size_t i = 0; i < sweep_skip.len; i++)
    if (!strncmp(rel, sweep_skip.items[i], strlen(sweep_skip.items[i]))) return 0;
  push(&sweep_files, rel);
  return 0;
}

static int run_sweep(const char *root, const char *expectations, bool update) {
  char absroot[PATH_MAX];
  if (!realpath(root, absroot)) {
    fprintf(stderr, "roundtrip: %s: %s\n", root, strerror(errno));
    return 2;
  }
  sweep_root_len = strlen(absroot);
  if (nftw(absroot, collect, 32, FTW_PHYS) != 0) {
    fprintf(stderr, "roundtrip: cannot walk %s\n", absroot);
    return 2;
  }
  if (sweep_files.len) qsort(sweep_files.items, sweep_files.len, sizeof *sweep_files.items, cmp);

  strlist expected = {0};
  if (expectations) {
    size_t len;
    char *text = read_file(expectations, &len);
    if (text) {
      for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
        if (line[0] == '#' || !line[0]) continue;
        char *sp = strpbrk(line, " \t#");
        if (sp) *sp = 0;
        if (line[0]) push(&expected, line);
      }
      free(text);
    }
    if (expected.len) qsort(expected.items, expected.len, sizeof *expected.items, cmp);
  }

  size_t passed = 0, failed = 0, unexpected = 0, modules = 0, detected = 0, wrapped = 0;
  double bytes = 0, t0 = now();
  strlist failures = {0}, reasons = {0};
  for (size_t i = 0; i < sweep_files.len; i++) {
    const char *rel = sweep_files.items[i];
    char path[PATH_MAX], reason[1024];
    size_t len;
    char *src = snprintf(path, sizeof path, "%s/%s", absroot, rel) < (int)sizeof path ? read_file(path, &len) : NULL;
    const char *why = NULL;
    parsed p = {0};
    if (!src) {
      snprintf(reason, sizeof reason, "unreadable");
      why = reason;
    } else {
      bytes += len;
      if (!parse_like_node(src, len, rel, kind_of(path), &p, reason, sizeof reason))
        why = reason;
      else
        why = check_roundtrip(&p, rel, reason, sizeof reason, NULL, NULL);
      if (p.how && !why) {
        if (p.opts.goal == JS_GOAL_MODULE) modules++;
        if (!strcmp(p.how, "module (detected)")) detected++;
        if (p.owned) wrapped++;
        if (verbose && p.owned) printf("parsed as a CommonJS function body: %s\n", rel);
      }
    }
    if (why) {
      failed++;
      push(&failures, rel);
      push(&reasons, why);
      if (!contains(&expected, rel)) {
        unexpected++;
        printf("FAIL %s: %s\n", rel, why);
      } else if (verbose) {
        printf("known failure %s: %s\n", rel, why);
      }
    } else {
      passed++;
      if (contains(&expected, rel) && !update) printf("now passing (remove from expectations): %s\n", rel);
    }
    js_ast_free(p.ast);
    free(p.owned);
    free(src);
  }
  double dt = now() - t0;
  printf("%zu files, %.1f MB in %.1f s: %zu modules (%zu detected by syntax), %zu CommonJS files "
         "needing the function wrapper\n",
         sweep_files.len, bytes / 1e6, dt, modules, detected, wrapped);
  printf("%zu passed, %zu failed\n", passed, failed);
  int rc = 0;
  if (update && expectations) {
    FILE *f = fopen(expectations, "w");
    if (!f) {
      perror(expectations);
      rc = 2;
    } else {
      fprintf(f, "# Known failures of tests/conformance/roundtrip/roundtrip.c --sweep over node_modules.\n"
                 "# One file per line, then the reason. Regenerate with roundtrip --sweep --update.\n");
      for (size_t i = 0; i < failures.len; i++) fprintf(f, "%s  # %s\n", failures.items[i], reasons.items[i]);
      fclose(f);
      printf("wrote %zu known failures to %s\n", failures.len, expectations);
    }
  } else if (unexpected) {
    printf("%zu unexpected failures\n", unexpected);
    rc = 1;
  }
  strlist_free(&failures);
  strlist_free(&reasons);
  strlist_free(&expected);
  strlist_free(&sweep_files);
  return rc;
}

int main(int argc, char **argv) {
  const char *root = "node_modules", *outdir = NULL, *expectations = NULL;
  bool sweep = false, update = false;
  char **files = calloc((size_t)argc, sizeof *files);
  int nfiles = 0;
  if (!files) return 2;
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "--root") && i + 1 < argc) root = argv[++i];
    else if (!strcmp(argv[i], "--out") && i + 1 < argc) outdir = argv[++i];
    else if (!strcmp(argv[i], "--expectations") && i + 1 < argc) expectations = argv[++i];
    else if (!strcmp(argv[i], "--sweep")) sweep = true;
    else if (!strcmp(argv[i], "--skip") && i + 1 < argc) push(&sweep_skip, argv[++i]);
    else if (!strcmp(argv[i], "--update")) update = true;
    else if (!strcmp(argv[i], "-v")) verbose = true;
    else if (argv[i][0] != '-') files[nfiles++] = argv[i];
    else {
      fprintf(stderr,
              "usage: %s [--root DIR] [--out DIR] [-v] FILE...\n"
              "       %s --sweep [--root DIR] [--skip PREFIX]... [--expectations FILE] [--update] [-v]\n",
              argv[0], argv[0]);
      free(files);
      return 2;
    }
  }
  pkgs = dx_pkgcache_new();
  int rc;
  if (sweep) rc = run_sweep(root, expectations, update);
  else if (nfiles) rc = run_files(root, outdir, files, nfiles);
  else {
    fprintf(stderr, "roundtrip: no files (or --sweep)\n");
    rc = 2;
  }
  dx_pkgcache_free(pkgs);
  strlist_free(&sweep_skip);
  free(files);
  return rc;
}
