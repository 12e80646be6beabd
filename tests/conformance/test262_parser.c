/* Runs the syntax side of tc39/test262 against the compiler library: a test whose metadata says
 * `negative: {phase: parse, type: SyntaxError}` must be rejected, every other test must parse.
 * Tests run in sloppy and strict mode ("use strict"; prepended) unless their flags say
 * onlyStrict, noStrict, raw or module (Module goal). _FIXTURE files and tests of features outside
 * ES2025 syntax are skipped.
 *
 * Usage: test262_parser --dir path/to/test262 [--expectations FILE] [--update] [paths under test/...]
 * Default paths: test/language test/annexB test/built-ins/RegExp. Prints "N passed, N failed";
 * exits non-zero only for failures not listed in the expectations file (--update rewrites it). */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* strdup, strndup */
#endif
#include <dirent.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "compiler/compiler.h"

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
}

static int cmp(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static void strlist_free(strlist *l) {
  for (size_t i = 0; i < l->len; i++) free(l->items[i]);
  free(l->items);
  memset(l, 0, sizeof *l);
}

static bool contains(const strlist *l, const char *s) {
  return l->len && bsearch(&s, l->items, l->len, sizeof *l->items, cmp) != NULL;
}

static void walk(const char *dir, strlist *out) {
  DIR *d = opendir(dir);
  if (!d) return;
  struct dirent *e;
  while ((e = readdir(d))) {
    if (e->d_name[0] == '.') continue;
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
    struct stat st;
    if (stat(path, &st) != 0) continue;
    if (S_ISDIR(st.st_mode)) {
      walk(path, out);
    } else {
      size_t n = strlen(e->d_name);
      if (n > 3 && !strcmp(e->d_name + n - 3, ".js") && !strstr(e->d_name, "_FIXTURE")) push(out, path);
    }
  }
  closedir(d);
}

static char *read_file(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *b = malloc((size_t)n + 32);
  if (!b || fread(b, 1, (size_t)n, f) != (size_t)n) {
    fclose(f);
    free(b);
    return NULL;
  }
  fclose(f);
  b[n] = 0;
  *len = (size_t)n;
  return b;
}

/* Syntax proposals beyond ES2025 that the parser does not take. */
static const char *const skipped_features[] = {
  "decorators", "source-phase-imports", "source-phase-imports-module-source", "import-defer",
  "import-assertions", "deferred-imports",
};

typedef struct meta {
  bool negative_parse, only_strict, no_strict, raw, module, skip;
} meta;

static bool in_block(const char *block, const char *key, const char *word) {
  const char *k = strstr(block, key);
  if (!k) return false;
  const char *end = strchr(k, '\n');
  const char *w = strstr(k, word);
  if (w && (!end || w < end)) return true;
  if (end && end[1] == ' ') {
    /* YAML list on following lines: "  - word" */
    const char *line = end + 1;
    while (line && (line[0] == ' ' && line[1] == ' ' && strchr(" -", line[2]))) {
      const char *le = strchr(line, '\n');
      const char *x = strstr(line, word);
      if (x && (!le || x < le)) return true;
      if (!le) break;
      line = le + 1;
    }
  }
  return false;
}

static meta read_meta(const char *src) {
  meta m = {0};
  const char *b = strstr(src, "/*---");
  const char *e = b ? strstr(b, "---*/") : NULL;
  if (!b || !e) return m;
  size_t n = (size_t)(e - b);
  char *block = strndup(b, n);
  if (!block) return m;
  const char *neg = strstr(block, "negative:");
  if (neg && (strstr(neg, "phase: parse") || strstr(neg, "phase: early"))) m.negative_parse = true;
  const char *flags = strstr(block, "flags:");
  if (flags) {
    const char *fe = strchr(flags, '\n');
    size_t fl = fe ? (size_t)(fe - flags) : strlen(flags);
    char *f = strndup(flags, fl);
    m.only_strict = strstr(f, "onlyStrict") != NULL;
    m.no_strict = strstr(f, "noStrict") != NULL;
    m.raw = strstr(f, "raw") != NULL;
    m.module = strstr(f, "module") != NULL;
    free(f);
  }
  for (size_t i = 0; i < sizeof skipped_features / sizeof *skipped_features; i++)
    if (in_block(block, "features:", skipped_features[i])) m.skip = true;
  free(block);
  return m;
}

int main(int argc, char **argv) {
  const char *dir = NULL;
  const char *expectations = "tests/conformance/test262_parser_expectations.txt";
  bool update = false, verbose = false, roundtrip = false;
  strlist roots = {0};
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "--dir") && i + 1 < argc) dir = argv[++i];
    else if (!strcmp(argv[i], "--expectations") && i + 1 < argc) expectations = argv[++i];
    else if (!strcmp(argv[i], "--update")) update = true;
    else if (!strcmp(argv[i], "-v")) verbose = true;
    else if (!strcmp(argv[i], "--roundtrip")) roundtrip = true;
    else push(&roots, argv[i]);
  }
  if (!dir) {
    fprintf(stderr, "usage: %s --dir TEST262 [--expectations FILE] [--update] [-v] [test/...]\n", argv[0]);
    return 2;
  }
  if (!roots.len) {
    push(&roots, "test/language");
    push(&roots, "test/annexB");
    push(&roots, "test/built-ins/RegExp");
  }
  strlist expected = {0};
  {
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
  strlist files = {0};
  for (size_t i = 0; i < roots.len; i++) {
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, roots.items[i]);
    walk(path, &files);
  }
  if (!files.len) {
    fprintf(stderr, "test262_parser: no tests under %s\n", dir);
    return 2;
  }
  qsort(files.items, files.len, sizeof *files.items, cmp);
  size_t passed = 0, failed = 0, skipped = 0, unexpected = 0;
  strlist failures = {0}, reasons = {0};
  size_t dirlen = strlen(dir) + 1;
  for (size_t i = 0; i < files.len; i++) {
    size_t len;
    char *src = read_file(files.items[i], &len);
    if (!src) continue;
    meta m = read_meta(src);
    const char *id = files.items[i] + dirlen;
    if (m.skip) {
      skipped++;
      free(src);
      continue;
    }
    for (int strict = 0; strict < 2; strict++) {
      if (m.module || m.raw) {
        if (strict) break;
      } else if ((strict && m.no_strict) || (!strict && m.only_strict)) {
        continue;
      }
      js_parse_options o = {0};
      o.goal = m.module ? JS_GOAL_MODULE : JS_GOAL_SCRIPT;
      o.strict = strict && !m.module;
      o.filename = id;
      js_ast *a = js_parse(src, len, &o);
      if (!a) {
        fprintf(stderr, "out of memory on %s\n", id);
        return 2;
      }
      bool ok = m.negative_parse ? a->nerrors > 0 : a->nerrors == 0;
      const char *rt_fail = NULL;
      if (ok && roundtrip && !a->nerrors) {
        /* Printed (pretty, then minified) and parsed again, the tree must not change. */
        for (int minify = 0; minify < 2 && !rt_fail; minify++) {
          js_print_options po = {0};
          po.minify = minify;
          size_t plen;
          char *out = js_print(a->program, &po, &plen);
          js_ast *b = out ? js_parse(out, plen, &o) : NULL;
          if (!b || b->nerrors) rt_fail = minify ? "minified output rejected" : "printed output rejected";
          else if (!js_ast_equal(a->program, b->program)) rt_fail = minify ? "minified output differs" : "printed output differs";
          if (rt_fail && verbose) fprintf(stderr, "--- %s (%s)\n%s\n%s\n", id, rt_fail, out ? out : "", b && b->nerrors ? b->errors[0].text : "");
          js_ast_free(b);
          free(out);
        }
        if (rt_fail) ok = false;
      }
      char tid[4200];
      snprintf(tid, sizeof tid, "%s%s", id, (m.module || m.raw) ? "" : strict ? ":strict" : ":sloppy");
      if (ok) {
        passed++;
      } else {
        failed++;
        char why[600];
        if (rt_fail) snprintf(why, sizeof why, "round trip: %s", rt_fail);
        else if (m.negative_parse) snprintf(why, sizeof why, "accepted, expected a SyntaxError");
        else snprintf(why, sizeof why, "rejected: %s", a->errors[0].text);
        push(&failures, tid);
        push(&reasons, why);
        if (!contains(&expected, tid)) {
          unexpected++;
          if (verbose || !update) printf("FAIL %s: %s\n", tid, why);
        }
      }
      js_ast_free(a);
    }
    free(src);
  }
  printf("%zu passed, %zu failed, %zu skipped (syntax outside ES2025)\n", passed, failed, skipped);
  if (update) {
    FILE *f = fopen(expectations, "w");
    if (!f) {
      perror(expectations);
      return 2;
    }
    fprintf(f, "# Known failures of tests/conformance/test262_parser.c. Regenerate with --update.\n");
    for (size_t i = 0; i < failures.len; i++) fprintf(f, "%s  # %s\n", failures.items[i], reasons.items[i]);
    fclose(f);
    unexpected = 0;
  } else if (unexpected) {
    printf("%zu unexpected failures\n", unexpected);
  }
  strlist_free(&files);
  strlist_free(&failures);
  strlist_free(&reasons);
  strlist_free(&expected);
  strlist_free(&roots);
  return unexpected ? 1 : 0;
}
