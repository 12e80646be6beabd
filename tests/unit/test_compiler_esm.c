/* ES module transform tests (src/compiler/transforms/esm.c): module source -> the minified
 * generator function js_esm_transform makes of it. Each output must parse back as a script. The
 * rows cover the rewriting of references to imports, and of writes to them: imported bindings are
 * immutable, so a write goes through a property whose setter throws (the loader's, for
 * __dx_iK.name; __dx_w(__dx_nK).v for a namespace import). */
#include "test_compiler_util.h"

#include "compiler/transforms/esm.h"

static char *transformed(const char *src) {
  js_ast *a = parse_goal(src, JS_GOAL_MODULE);
  assert_non_null(a);
  assert_int_equal(a->nerrors, 0);
  js_esm_info info;
  assert_int_equal(js_esm_transform(a, &info), 0);
  char *out = js_print(a->program, &(js_print_options){.minify = true}, NULL);
  assert_non_null(out);
  js_ast_free(a);
  return out;
}

/* The body of the generator after its prologue ("use strict";__dx_e({...});yield;) and without
 * the closing "})" (and ";"). */
static char *body_of(const char *out) {
  const char *p = strstr(out, "yield;");
  assert_non_null(p);
  p += 6;
  const char *end = strrchr(p, '}');
  assert_non_null(end);
  return strndup(p, (size_t)(end - p));
}

static const print_row rows[] = {
    /* reads */
    {"import {x} from 'm'; f(x);", "f(__dx_i0.x);"},
    {"import {x} from 'm'; x();", "(0,__dx_i0.x)();"},
    {"import * as ns from 'm'; ns.a(ns);", "__dx_n0.a(__dx_n0);"},
    {"import d from 'm'; ({d});", "({d:__dx_i0.default});"},
    {"import {x} from 'm'; function f(x) { x = 1; }", "function f(x){x=1;}"},
    /* writes to a named import: the member's [[Set]] throws */
    {"import {x} from 'm'; x = 1;", "__dx_i0.x=1;"},
    {"import {x} from 'm'; x++;", "__dx_i0.x++;"},
    {"import {x} from 'm'; x += g();", "__dx_i0.x+=g();"},
    {"import {x} from 'm'; [x] = a;", "[__dx_i0.x]=a;"},
    {"import {x} from 'm'; ({x} = o);", "({x:__dx_i0.x}=o);"},
    {"import {x} from 'm'; ({x = 1} = o);", "({x:__dx_i0.x=1}=o);"},
    {"import {x} from 'm'; for (x of a);", "for(__dx_i0.x of a);"},
    /* writes to a namespace import */
    {"import * as ns from 'm'; ns = 1;", "__dx_w(__dx_n0).v=1;"},
    {"import * as ns from 'm'; ns++;", "__dx_w(__dx_n0).v++;"},
    {"import * as ns from 'm'; ns ?\?= g(ns);", "__dx_w(__dx_n0).v?\?=g(__dx_n0);"},
    {"import * as ns from 'm'; [ns, ...ns] = a;", "[__dx_w(__dx_n0).v,...__dx_w(__dx_n0).v]=a;"},
    {"import * as ns from 'm'; ({ns, a: ns, b: [ns = 1]} = o);",
     "({ns:__dx_w(__dx_n0).v,a:__dx_w(__dx_n0).v,b:[__dx_w(__dx_n0).v=1]}=o);"},
    {"import * as ns from 'm'; ({ns = ns} = o);", "({ns:__dx_w(__dx_n0).v=__dx_n0}=o);"},
    {"import * as ns from 'm'; for (ns in o);", "for(__dx_w(__dx_n0).v in o);"},
    {"import * as ns from 'm'; let y; for (y of ns);", "let y;for(y of __dx_n0);"},
    /* shadowed names and declarations are not imports */
    {"import * as ns from 'm'; { let ns; ns = 1; }", "{let ns;ns=1;}"},
    {"import * as ns from 'm'; const {a = ns} = o;", "const {a=__dx_n0}=o;"},
};

static void test_rewrites(void **state) {
  (void)state;
  int bad = 0;
  for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
    char *out = transformed(rows[i].src);
    char *body = body_of(out);
    if (strcmp(body, rows[i].expected) != 0) {
      print_error("input:    %s\nexpected: %s\nbody:     %s\n\n", rows[i].src, rows[i].expected, body);
      bad = 1;
    }
    js_ast *b = parse_goal(out, JS_GOAL_SCRIPT);
    if (!b || b->nerrors) {
      print_error("input:    %s\noutput:   %s\nreparse:  %s\n\n", rows[i].src, out, b && b->nerrors ? b->errors[0].text : "oom");
      bad = 1;
    }
    js_ast_free(b);
    free(body);
    free(out);
  }
  assert_int_equal(bad, 0);
}

static void test_parameters(void **state) {
  (void)state;
  char *out = transformed("import a from 'a'; import * as b from 'b'; a(b);");
  assert_non_null(strstr(out, "function*(__dx_e,__dx_meta,__dx_import,__dx_w,__dx_i0,__dx_n0,__dx_i1,__dx_n1)"));
  free(out);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_rewrites),
      cmocka_unit_test(test_parameters),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
