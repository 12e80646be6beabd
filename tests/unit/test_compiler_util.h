/* Helpers shared by the compiler's table-driven tests (tests/unit/test_compiler_*.c).
 *
 * A table row is checked without stopping at the first mismatch: every failing row prints what it
 * expected and what it saw, and the test fails at the end. Printed-output rows also check the
 * round trip: the output parses back to the same tree (js_ast_equal). */
#ifndef TEST_COMPILER_UTIL_H
#define TEST_COMPILER_UTIL_H

#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* strdup */
#endif

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "compiler/compiler.h"

typedef struct print_row {
  const char *src;
  const char *expected;
} print_row;

typedef struct error_row {
  const char *src;
  const char *expected; /* "line:col: message" of the first error */
} error_row;

static inline js_ast *parse_goal(const char *src, js_goal goal) {
  js_parse_options o = {0};
  o.goal = goal;
  return js_parse(src, strlen(src), &o);
}

/* Returns 0 if the row holds, 1 (after printing why) if not. */
static inline int check_printed(const char *src, js_goal goal, bool minify, const char *expected) {
  js_ast *a = parse_goal(src, goal);
  if (!a) {
    print_error("out of memory parsing %s\n", src);
    return 1;
  }
  if (a->nerrors) {
    print_error("input:    %s\nexpected: %s\nerror:    %s\n\n", src, expected, a->errors[0].text);
    js_ast_free(a);
    return 1;
  }
  js_print_options po = {0};
  po.minify = minify;
  size_t len;
  char *out = js_print(a->program, &po, &len);
  int bad = 0;
  if (!out || strcmp(out, expected) != 0) {
    print_error("input:    %s\nexpected: %s\nprinted:  %s\n\n", src, expected, out ? out : "(null)");
    bad = 1;
  } else {
    js_ast *b = parse_goal(out, goal);
    if (!b || b->nerrors) {
      print_error("input:    %s\nprinted:  %s\nreparse:  %s\n\n", src, out, b && b->nerrors ? b->errors[0].text : "oom");
      bad = 1;
    } else if (!js_ast_equal(a->program, b->program)) {
      print_error("input:    %s\nprinted:  %s\nreparsed to a different tree\n\n", src, out);
      bad = 1;
    }
    js_ast_free(b);
  }
  free(out);
  js_ast_free(a);
  return bad;
}

static inline int check_error(const char *src, js_goal goal, const char *expected) {
  js_ast *a = parse_goal(src, goal);
  if (!a) {
    print_error("out of memory parsing %s\n", src);
    return 1;
  }
  int bad = 0;
  char want[1024];
  snprintf(want, sizeof want, "<input>:%s", expected);
  if (!a->nerrors) {
    print_error("input:    %s\nexpected: %s\nbut it parsed\n\n", src, want);
    bad = 1;
  } else if (strcmp(a->errors[0].text, want) != 0) {
    print_error("input:    %s\nexpected: %s\nerror:    %s\n\n", src, want, a->errors[0].text);
    bad = 1;
  } else if (a->program) {
    print_error("input: %s: a tree came back with errors\n", src);
    bad = 1;
  }
  js_ast_free(a);
  return bad;
}

static inline void run_print_rows(const print_row *rows, size_t n, js_goal goal, bool minify) {
  int bad = 0;
  for (size_t i = 0; i < n; i++) bad += check_printed(rows[i].src, goal, minify, rows[i].expected);
  if (bad) fail_msg("%d of %zu rows failed", bad, n);
}

static inline void run_error_rows(const error_row *rows, size_t n, js_goal goal) {
  int bad = 0;
  for (size_t i = 0; i < n; i++) bad += check_error(rows[i].src, goal, rows[i].expected);
  if (bad) fail_msg("%d of %zu rows failed", bad, n);
}

/* The tree of src as a one-line S-expression (malloc'd), or the first error's text. */
static inline char *dump_of(const char *src, js_goal goal) {
  js_ast *a = parse_goal(src, goal);
  char *out = NULL;
  if (!a) return strdup("oom");
  if (a->nerrors) out = strdup(a->errors[0].text);
  else js_ast_dump(a->program, &out, NULL);
  js_ast_free(a);
  return out;
}

#define ROWS(t) (t), sizeof(t) / sizeof((t)[0])

#endif
