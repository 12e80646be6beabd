/* `using` declaration lowering (src/compiler/transforms/using.c): source -> minified output, which
 * must parse back (as a script for function-level rows, as a module for module rows) without any
 * `using` left. The rows cover each place a declaration may stand and the module top level's
 * hoisting; tests/js/using.test.js checks the behaviour against Node. */
#include "test_compiler_util.h"

#include "compiler/transforms/transforms.h"

#define TRY "try{"
#define CATCH "}catch(__dx_ux){__dx_ue=__dx_ux;__dx_uh=true;}"
#define SYNC_END "finally{__dx_using.dispose(__dx_us,__dx_ue,__dx_uh);}"
#define ASYNC_END                                                                                    \
  "finally{const __dx_ud=__dx_using.disposer(__dx_us,__dx_ue,__dx_uh);while(__dx_ud.next())try{await " \
  "__dx_ud.value;}catch(__dx_ux){__dx_ud.fail(__dx_ux);}__dx_ud.end();}"
#define PROLOGUE "const __dx_us=[];let __dx_ue,__dx_uh=false;"

static char *lowered(const char *src, js_goal goal, bool cjs_body) {
  js_parse_options o = {.goal = goal, .cjs_body = cjs_body};
  js_ast *a = js_parse(src, strlen(src), &o);
  assert_non_null(a);
  if (a->nerrors) print_error("%s: %s\n", src, a->errors[0].text);
  assert_int_equal(a->nerrors, 0);
  assert_int_equal(js_using_lower(a), 0);
  char *out = js_print(a->program, &(js_print_options){.minify = true}, NULL);
  assert_non_null(out);
  js_ast_free(a);
  return out;
}

typedef struct row {
  js_goal goal;
  bool cjs_body;
  const char *src;
  const char *expected;
} row;

static const row rows[] = {
    /* nothing to lower */
    {JS_GOAL_MODULE, false, "{ let using = 1; using; }", "{let using=1;using;}"},
    /* a block */
    {JS_GOAL_MODULE, false, "{ a(); using x = f(), y = g(); b(x); }",
     "{" PROLOGUE TRY "a();const x=__dx_using.use(__dx_us,f(),0),y=__dx_using.use(__dx_us,g(),0);b(x);" CATCH SYNC_END "}"},
    /* a function body keeps its directives first */
    {JS_GOAL_SCRIPT, false, "function f() { 'use strict'; using x = f(); return x; }",
     "function f(){'use strict';" PROLOGUE TRY "const x=__dx_using.use(__dx_us,f(),0);return x;" CATCH SYNC_END "}"},
    /* await using: an async scope end */
    {JS_GOAL_SCRIPT, false, "async function f() { using a = s(); await using b = t(); }",
     "async function f(){" PROLOGUE TRY
     "const a=__dx_using.use(__dx_us,s(),0);const b=__dx_using.use(__dx_us,t(),1);" CATCH ASYNC_END "}"},
    /* a static block */
    {JS_GOAL_SCRIPT, false, "class C { static { using r = f(); } }",
     "class C{static{" PROLOGUE TRY "const r=__dx_using.use(__dx_us,f(),0);" CATCH SYNC_END "}}"},
    /* for-of: a fresh scope per iteration */
    {JS_GOAL_SCRIPT, false, "function f() { for (using r of xs) g(r); }",
     "function f(){for(const __dx_uv of xs){" PROLOGUE TRY "const r=__dx_using.use(__dx_us,__dx_uv,0);g(r);" CATCH
     SYNC_END "}}"},
    {JS_GOAL_MODULE, false, "for await (await using r of xs) { g(r); }",
     "for await(const __dx_uv of xs){" PROLOGUE TRY "const r=__dx_using.use(__dx_us,__dx_uv,1);{g(r);}" CATCH
     ASYNC_END "}"},
    /* for (using ...;;): one scope around the loop; the label stays on the loop */
    {JS_GOAL_SCRIPT, false, "function f() { L: for (using r = g(); ;) continue L; }",
     "function f(){{" PROLOGUE TRY "const r=__dx_using.use(__dx_us,g(),0);L:for(;;)continue L;" CATCH SYNC_END "}}"},
    /* a CommonJS body: top-level using and return */
    {JS_GOAL_SCRIPT, true, "using r = f(); if (r) return; g();",
     PROLOGUE TRY "const r=__dx_using.use(__dx_us,f(),0);if(r)return;g();" CATCH SYNC_END},
    /* a module's top level: declarations after the first using are hoisted, assigned in the try */
    {JS_GOAL_MODULE, false,
     "import a from 'a'; const before = 1; using r = f(); export const {x, y: [z]} = o, w = 2; let u; "
     "class K {} export class E {} export function h() {} export { a }; export default 3; g();",
     "import a from\"a\";const before=1;" PROLOGUE "let r;export let x,z,w;let u;let K;export let E;"
     "export function h(){}export{a};let __dx_udefault;export{__dx_udefault as default};" TRY
     "r=__dx_using.use(__dx_us,f(),0);({x,y:[z]}=o),w=2;K=class K{};E=class E{};__dx_udefault=3;g();" CATCH SYNC_END},
    {JS_GOAL_MODULE, false, "await using r = f(); export default class D {}",
     PROLOGUE "let r;let D;export{D as default};" TRY "r=__dx_using.use(__dx_us,f(),1);D=class D{};" CATCH ASYNC_END},
    {JS_GOAL_MODULE, false, "using r = f(); export default () => 1;",
     PROLOGUE "let r;let __dx_udefault;export{__dx_udefault as default};" TRY
     "r=__dx_using.use(__dx_us,f(),0);__dx_udefault={default:()=>1}.default;" CATCH SYNC_END},
};

static void test_rows(void **state) {
  (void)state;
  int bad = 0;
  for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
    char *out = lowered(rows[i].src, rows[i].goal, rows[i].cjs_body);
    if (strcmp(out, rows[i].expected) != 0) {
      print_error("input:    %s\nexpected: %s\nactual:   %s\n\n", rows[i].src, rows[i].expected, out);
      bad = 1;
    }
    js_parse_options o = {.goal = rows[i].goal, .cjs_body = rows[i].cjs_body};
    js_ast *b = js_parse(out, strlen(out), &o);
    if (!b || b->nerrors) {
      print_error("input:    %s\noutput:   %s\nreparse:  %s\n\n", rows[i].src, out, b && b->nerrors ? b->errors[0].text : "oom");
      bad = 1;
    }
    js_ast_free(b);
    free(out);
  }
  assert_int_equal(bad, 0);
}

/* cjs_body: top-level return and using parse; without it they are errors, as in a script. */
static void test_cjs_body(void **state) {
  (void)state;
  const char *src = "using r = f(); return 1;";
  js_parse_options o = {.goal = JS_GOAL_SCRIPT};
  js_ast *a = js_parse(src, strlen(src), &o);
  assert_non_null(a);
  assert_true(a->nerrors > 0);
  js_ast_free(a);
  o.cjs_body = true;
  a = js_parse(src, strlen(src), &o);
  assert_non_null(a);
  assert_int_equal(a->nerrors, 0);
  js_ast_free(a);
  /* still an error in a static block, and in a module */
  const char *bad = "class C { static { return; } }";
  a = js_parse(bad, strlen(bad), &o);
  assert_true(a && a->nerrors > 0);
  js_ast_free(a);
  js_parse_options m = {.goal = JS_GOAL_MODULE, .cjs_body = true};
  a = js_parse("return;", 7, &m);
  assert_true(a && a->nerrors > 0);
  js_ast_free(a);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_rows),
      cmocka_unit_test(test_cjs_body),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
