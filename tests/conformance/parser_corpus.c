/* Runs the npm package test262-parser-tests against the compiler library:
 *   pass/     every file parses; printed (pretty and minified) and parsed again it gives the same
 *             tree as its pass-explicit/ twin, which must parse to the same tree as well;
 *   fail/     every file is rejected;
 *   early/    every file is rejected (early errors).
 * Files named *.module.js are parsed with the Module goal.
 *
 * Usage: parser_corpus [--dir node_modules/test262-parser-tests]
 *                      [--expectations tests/conformance/parser_expectations.txt] [--update] [-v]
 * Prints "N passed, N failed". Exits non-zero only for failures not listed in the expectations
 * file; --update rewrites that file with the current failures. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* strdup, strndup */
#endif
#include <dirent.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compiler/compiler.h"

typedef struct strlist {
  char **items;
  size_t len, cap;
} strlist;

static void push(strlist *l, const char *s) {
  if (l->len == l->cap) {
    l->cap = l->cap ? l->cap * 2 : 64;
    l->items = realloc(l->items, l->cap * sizeof *l->items);
    if (!l->items) abort();
  }
  l->items[l->len++] = strdup(s);
}

static int cmp(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static bool contains(const strlist *l, const char *s) {
  return l->len && bsearch(&s, l->items, l->len, sizeof *l->items, cmp) != NULL;
}

static void strlist_free(strlist *l) {
  for (size_t i = 0; i < l->len; i++) free(l->items[i]);
  free(l->items);
  l->items = NULL;
  l->len = l->cap = 0;
}

static char *read_file(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *b = malloc((size_t)n + 1);
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

static strlist list_dir(const char *dir) {
  strlist l = {0};
  DIR *d = opendir(dir);
  if (!d) return l;
  struct dirent *e;
  while ((e = readdir(d))) {
    size_t n = strlen(e->d_name);
    if (n > 3 && strcmp(e->d_name + n - 3, ".js") == 0) push(&l, e->d_name);
  }
  closedir(d);
  if (l.len) qsort(l.items, l.len, sizeof *l.items, cmp);
  return l;
}

static js_ast *parse_file(const char *dir, const char *sub, const char *name, char **src) {
  char path[4096];
  snprintf(path, sizeof path, "%s/%s/%s", dir, sub, name);
  size_t len;
  *src = read_file(path, &len);
  if (!*src) return NULL;
  js_parse_options o = {0};
  o.goal = strstr(name, ".module.js") ? JS_GOAL_MODULE : JS_GOAL_SCRIPT;
  o.filename = name;
  return js_parse(*src, len, &o);
}

static bool verbose;

/* Returns NULL on success or a short reason. */
static const char *check_pass(const char *dir, const char *name) {
  static char reason[512];
  char *src = NULL, *esrc = NULL, *printed = NULL;
  js_ast *a = NULL, *e = NULL, *r = NULL;
  const char *res = NULL;
  a = parse_file(dir, "pass", name, &src);
  if (!a || a->nerrors) {
    snprintf(reason, sizeof reason, "rejected: %s", a && a->nerrors ? a->errors[0].text : "unreadable");
    res = reason;
    goto out;
  }
  e = parse_file(dir, "pass-explicit", name, &esrc);
  if (!e || e->nerrors) {
    snprintf(reason, sizeof reason, "explicit twin rejected: %s", e && e->nerrors ? e->errors[0].text : "unreadable");
    res = reason;
    goto out;
  }
  /* A few explicit twins in the suite were made from an older version of their pass file
   * (renamed identifiers, other numbers): the round trip is still checked against the file. */
  bool twin_differs = !js_ast_equal(a->program, e->program);
  for (int minify = 0; minify < 2; minify++) {
    js_print_options po = {0};
    po.minify = minify;
    size_t plen;
    free(printed);
    printed = js_print(a->program, &po, &plen);
    if (!printed) {
      res = "print failed";
      goto out;
    }
    js_parse_options o = {0};
    o.goal = strstr(name, ".module.js") ? JS_GOAL_MODULE : JS_GOAL_SCRIPT;
    o.filename = "printed";
    js_ast_free(r);
    r = js_parse(printed, plen, &o);
    if (!r || r->nerrors) {
      snprintf(reason, sizeof reason, "%s output rejected: %s", minify ? "minified" : "printed",
               r && r->nerrors ? r->errors[0].text : "oom");
      if (verbose) fprintf(stderr, "--- %s\n%s\n", name, printed);
      res = reason;
      goto out;
    }
    if (!js_ast_equal(r->program, twin_differs ? a->program : e->program)) {
      snprintf(reason, sizeof reason, "%s output parses to a different tree", minify ? "minified" : "printed");
      if (verbose) fprintf(stderr, "--- %s\n%s\n", name, printed);
      res = reason;
      goto out;
    }
  }
  if (twin_differs) res = "tree differs from the explicit twin (the twin does not match its file)";
out:
  js_ast_free(a);
  js_ast_free(e);
  js_ast_free(r);
  free(src);
  free(esrc);
  free(printed);
  return res;
}

static const char *check_reject(const char *dir, const char *sub, const char *name) {
  char *src = NULL;
  js_ast *a = parse_file(dir, sub, name, &src);
  const char *res = NULL;
  if (!a) res = "unreadable";
  else if (!a->nerrors) res = "accepted";
  js_ast_free(a);
  free(src);
  return res;
}

int main(int argc, char **argv) {
  const char *dir = "node_modules/test262-parser-tests";
  const char *expectations = "tests/conformance/parser_expectations.txt";
  bool update = false;
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "--dir") && i + 1 < argc) dir = argv[++i];
    else if (!strcmp(argv[i], "--expectations") && i + 1 < argc) expectations = argv[++i];
    else if (!strcmp(argv[i], "--update")) update = true;
    else if (!strcmp(argv[i], "-v")) verbose = true;
    else {
      fprintf(stderr, "usage: %s [--dir DIR] [--expectations FILE] [--update] [-v]\n", argv[0]);
      return 2;
    }
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
  static const char *const subs[] = {"pass", "fail", "early"};
  size_t passed = 0, failed = 0, unexpected = 0, fixed = 0;
  strlist failures = {0};
  strlist reasons = {0};
  for (int s = 0; s < 3; s++) {
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, subs[s]);
    strlist files = list_dir(path);
    if (!files.len) {
      fprintf(stderr, "parser_corpus: no tests in %s (npm install test262-parser-tests)\n", path);
      return 2;
    }
    for (size_t i = 0; i < files.len; i++) {
      const char *why = s == 0 ? check_pass(dir, files.items[i]) : check_reject(dir, subs[s], files.items[i]);
      char id[512];
      snprintf(id, sizeof id, "%s/%s", subs[s], files.items[i]);
      if (why) {
        failed++;
        push(&failures, id);
        push(&reasons, why);
        if (!contains(&expected, id)) {
          unexpected++;
          printf("FAIL %s: %s\n", id, why);
        }
      } else {
        passed++;
        if (contains(&expected, id)) {
          fixed++;
          if (!update) printf("now passing (remove from expectations): %s\n", id);
        }
      }
      free(files.items[i]);
    }
    free(files.items);
  }
  printf("%zu passed, %zu failed\n", passed, failed);
  if (update) {
    FILE *f = fopen(expectations, "w");
    if (!f) {
      perror(expectations);
      return 2;
    }
    fprintf(f, "# Known failures of tests/conformance/parser_corpus.c on test262-parser-tests.\n"
               "# One test per line, then the reason. Regenerate with parser_corpus --update.\n");
    for (size_t i = 0; i < failures.len; i++) fprintf(f, "%s  # %s\n", failures.items[i], reasons.items[i]);
    fclose(f);
    printf("wrote %zu known failures to %s\n", failures.len, expectations);
    unexpected = 0;
  } else if (unexpected) {
    printf("%zu unexpected failures\n", unexpected);
  }
  (void)fixed;
  strlist_free(&failures);
  strlist_free(&reasons);
  strlist_free(&expected);
  return unexpected ? 1 : 0;
}
