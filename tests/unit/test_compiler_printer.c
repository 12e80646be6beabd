/* Printer tests: parenthesisation of trees that parsing cannot produce (built by hand, as
 * transforms will), literal formatting, the minifier's token separation, the source-map hook,
 * structural equality, and the arena the trees live in. */
#include "test_compiler_util.h"

#include <math.h>

#include "compiler/arena.h"
#include "compiler/parser.h"

/* ---- hand-built trees -------------------------------------------------------------------- */

static js_arena arena;

static js_node *mk(js_kind kind) {
  js_node *n = js_arena_zalloc(&arena, sizeof *n);
  n->kind = (uint8_t)kind;
  return n;
}

static js_node *ident(const char *name) {
  js_node *n = mk(JS_IDENT);
  n->u.ident.name.ptr = name;
  n->u.ident.name.len = (uint32_t)strlen(name);
  return n;
}

static js_node *num(double v) {
  js_node *n = mk(JS_NUMBER);
  n->u.num.value = v;
  return n;
}

static js_node *str(const char *v, size_t len) {
  js_node *n = mk(JS_STRING);
  n->u.str.value.ptr = v;
  n->u.str.value.len = (uint32_t)len;
  return n;
}

static js_node *binary(js_op op, js_node *l, js_node *r) {
  js_node *n = mk(JS_BINARY);
  n->op = (uint8_t)op;
  n->u.bin.left = l;
  n->u.bin.right = r;
  return n;
}

static js_node *unary(js_kind kind, js_op op, js_node *arg) {
  js_node *n = mk(kind);
  n->op = (uint8_t)op;
  n->u.unary.arg = arg;
  return n;
}

static js_node *stmt(js_node *e) { return unary(JS_EXPR_STMT, JS_OP_NONE, e); }

static js_node *iff(js_node *test, js_node *cons, js_node *alt) {
  js_node *n = mk(JS_IF);
  n->u.cond.test = test;
  n->u.cond.cons = cons;
  n->u.cond.alt = alt;
  return n;
}

static js_node *member(js_node *obj, const char *name) {
  js_node *n = mk(JS_MEMBER);
  n->u.member.object = obj;
  n->u.member.prop = ident(name);
  return n;
}

static void expect_min(const js_node *n, const char *expected) {
  js_print_options po = {0};
  po.minify = true;
  char *out = js_print(n, &po, NULL);
  assert_non_null(out);
  if (strcmp(out, expected) != 0) fail_msg("expected %s, printed %s", expected, out);
  free(out);
}

static void test_synthesized_trees(void **state) {
  (void)state;
  js_arena_init(&arena, 0);
  /* if (a) if (b) x; else y  -- the else belongs to the outer if: braces keep it there */
  expect_min(iff(ident("a"), iff(ident("b"), stmt(ident("x")), NULL), stmt(ident("y"))), "if(a){if(b)x;}else y;");
  js_node *loop = mk(JS_WHILE);
  loop->u.loop.test = ident("c");
  loop->u.loop.body = iff(ident("b"), stmt(ident("x")), NULL);
  expect_min(iff(ident("a"), loop, stmt(ident("y"))), "if(a){while(c)if(b)x;}else y;");
  /* precedence of built operators */
  expect_min(binary(JS_OP_MUL, binary(JS_OP_ADD, ident("a"), ident("b")), ident("c")), "(a+b)*c");
  expect_min(binary(JS_OP_SUB, ident("a"), binary(JS_OP_SUB, ident("b"), ident("c"))), "a-(b-c)");
  expect_min(binary(JS_OP_EXP, unary(JS_UNARY, JS_OP_NEG, ident("a")), ident("b")), "(-a)**b");
  expect_min(binary(JS_OP_EXP, binary(JS_OP_EXP, ident("a"), ident("b")), ident("c")), "(a**b)**c");
  expect_min(binary(JS_OP_NULLISH, binary(JS_OP_OR, ident("a"), ident("b")), ident("c")), "(a||b)??c");
  expect_min(binary(JS_OP_AND, ident("a"), binary(JS_OP_NULLISH, ident("b"), ident("c"))), "a&&(b?\?c)");
  expect_min(binary(JS_OP_NULLISH, binary(JS_OP_NULLISH, ident("a"), ident("b")), ident("c")), "a??b??c");
  expect_min(binary(JS_OP_NULLISH, ident("a"), binary(JS_OP_NULLISH, ident("b"), ident("c"))), "a?\?(b?\?c)");
  /* numbers built by transforms */
  expect_min(binary(JS_OP_EXP, num(-1), num(2)), "(-1)**2");
  expect_min(member(num(-1), "x"), "(-1).x");
  expect_min(member(num(1), "x"), "(1).x");
  expect_min(member(num(1.5), "x"), "1.5.x");
  expect_min(binary(JS_OP_SUB, ident("a"), num(-1)), "a- -1");
  expect_min(num(NAN), "0/0");
  expect_min(binary(JS_OP_MUL, num(NAN), ident("a")), "0/0*a");
  expect_min(binary(JS_OP_EXP, ident("a"), num(NAN)), "a**(0/0)");
  expect_min(num(-0.0), "-0");
  expect_min(num(INFINITY), "1e999");
  expect_min(num(-INFINITY), "-1e999");
  /* a string statement is kept from reading as a directive */
  expect_min(stmt(str("use strict", 10)), "(\"use strict\");");
  /* escaped keyword-like identifiers stay escaped */
  js_node *let = ident("let");
  let->flags |= JS_NF_ESCAPED;
  expect_min(binary(JS_OP_ADD, let, ident("x")), "\\u006Cet+x");
  /* object literal keys that numbers cannot spell */
  js_node *obj = mk(JS_OBJECT);
  js_node *prop = mk(JS_PROPERTY);
  prop->u.prop.key = num(-2);
  prop->u.prop.value = num(1);
  obj->u.list.items.items = js_arena_alloc(&arena, sizeof(js_node *));
  obj->u.list.items.items[0] = prop;
  obj->u.list.items.len = 1;
  expect_min(stmt(obj), "({\"-2\":1});");
  js_arena_free(&arena);
}

static void test_string_escapes(void **state) {
  (void)state;
  js_arena_init(&arena, 0);
  static const struct { const char *v; size_t len; const char *printed; } rows[] = {
    {"plain", 5, "\"plain\""},
    {"it's", 4, "\"it's\""},
    {"say \"hi\"", 8, "'say \"hi\"'"},
    {"a\"b'c", 5, "\"a\\\"b'c\""},
    {"\\", 1, "\"\\\\\""},
    {"\n\r\t\b\f\v", 6, "\"\\n\\r\\t\\b\\f\\v\""},
    {"\0" "1", 2, "\"\\x001\""},
    {"\x7f\x1b", 2, "\"\\x7F\\x1B\""},
    {"\xe2\x80\xa8\xe2\x80\xa9", 6, "\"\\u2028\\u2029\""},
    {"\xed\xa0\x80", 3, "\"\\uD800\""},
    {"\xed\xb8\x80x", 4, "\"\\uDE00x\""},
    {"\xf0\x9f\x98\x80\xc3\xa9", 6, "\"\xf0\x9f\x98\x80\xc3\xa9\""},
  };
  for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) expect_min(str(rows[i].v, rows[i].len), rows[i].printed);
  js_arena_free(&arena);
}

static void test_number_formatting(void **state) {
  (void)state;
  js_arena_init(&arena, 0);
  static const struct { double v; const char *printed; } rows[] = {
    {0, "0"}, {1, "1"}, {123456789, "123456789"}, {9007199254740991.0, "9007199254740991"},
    {0.1, "0.1"}, {0.5, "0.5"}, {1.5e300, "1.5e300"}, {1e21, "1e21"}, {1e-7, "1e-7"}, {5e-324, "5e-324"},
    {1.7976931348623157e308, "1.7976931348623157e308"}, {123.456, "123.456"}, {2e20, "2e20"},
    {0.000123, "0.000123"}, {1.0 / 3, "0.3333333333333333"},
  };
  for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) expect_min(num(rows[i].v), rows[i].printed);
  js_arena_free(&arena);
  /* Number::toString, used to compare numeric property keys */
  static const struct { double v; const char *s; } ts[] = {
    {0, "0"}, {-0.0, "0"}, {1e21, "1e+21"}, {1e-7, "1e-7"}, {0.000001, "0.000001"}, {123e-20, "1.23e-18"},
    {-1.5, "-1.5"}, {1.0 / 0.0, "Infinity"}, {-1.0 / 0.0, "-Infinity"}, {NAN, "NaN"}, {100, "100"},
    {2e20, "200000000000000000000"}, {0.1, "0.1"}, {1.7976931348623157e308, "1.7976931348623157e+308"},
  };
  for (size_t i = 0; i < sizeof ts / sizeof *ts; i++) {
    char tmp[64];
    js__number_to_string(ts[i].v, tmp, sizeof tmp);
    if (strcmp(tmp, ts[i].s) != 0) fail_msg("%.17g: expected %s, got %s", ts[i].v, ts[i].s, tmp);
  }
}

/* ---- minifier token separation ----------------------------------------------------------- */

static const print_row minify_rows[] = {
  {"a - -b", "a- -b;"},
  {"a + +b", "a+ +b;"},
  {"a - --b", "a- --b;"},
  {"a++ + b", "a++ +b;"},
  {"a-- - b", "a-- -b;"},
  {"a < !--b", "a< !--b;"},
  {"a-- > b", "a-- >b;"},
  {"x = y / /re/", "x=y/ /re/;"},
  {"x = y / /re/.source", "x=y/ /re/.source;"},
  {"typeof x", "typeof x;"},
  {"typeof (x)", "typeof x;"},
  {"typeof -x", "typeof -x;"},
  {"void 0", "void 0;"},
  {"x in y", "x in y;"},
  {"x instanceof y", "x instanceof y;"},
  {"new X", "new X();"},
  {"function f() { return -1 }", "function f(){return -1;}"},
  {"function f() { return [a] }", "function f(){return [a];}"},
  {"function f() { return 'a' }", "function f(){return \"a\";}"},
  {"switch (a) { case -1: case 'x': case [a]: }", "switch(a){case -1:case \"x\":case [a]:}"},
  {"if (a) b; else -c", "if(a)b;else-c;"},
  {"if (a) b; else [c]", "if(a)b;else[c];"},
  {"do x; while (y)", "do x;while(y);"},
  {"do -x; while (y)", "do -x;while(y);"},
  {"x = a ? -b : +c", "x=a?-b:+c;"},
  {"for (x of [y]);", "for(x of [y]);"},
  {"class A extends B {}", "class A extends B{}"},
  {"a = b\nc", "a=b;c;"},
  {"x = 1 .toString()", "x=(1).toString();"},
  {"x = 1.5 .toString()", "x=1.5.toString();"},
  {"x = -1 .toString()", "x=-(1).toString();"},
  {"throw a", "throw a;"},
  {"label: x", "label:x;"},
};

static void test_minify_rows(void **state) {
  (void)state;
  run_print_rows(ROWS(minify_rows), JS_GOAL_SCRIPT, true);
}

/* ---- source-map hook --------------------------------------------------------------------- */

typedef struct mapping {
  uint32_t gen_line, gen_col, orig_line, orig_col;
  int kind;
} mapping;

typedef struct mappings {
  mapping m[64];
  int n;
} mappings;

static void on_mapping(void *ud, uint32_t gen_line, uint32_t gen_col, const js_node *node) {
  mappings *ms = ud;
  if (ms->n < 64) {
    mapping *m = &ms->m[ms->n++];
    m->gen_line = gen_line;
    m->gen_col = gen_col;
    m->orig_line = node->loc.line;
    m->orig_col = node->loc.col;
    m->kind = node->kind;
  }
}

static const mapping *find(const mappings *ms, int kind, uint32_t orig_line, uint32_t orig_col) {
  for (int i = 0; i < ms->n; i++)
    if (ms->m[i].kind == kind && ms->m[i].orig_line == orig_line && ms->m[i].orig_col == orig_col) return &ms->m[i];
  return NULL;
}

static void test_mapping_hook(void **state) {
  (void)state;
  const char *src = "a;\n\n   \xc3\xa9 = \"\xf0\x9f\x98\x80\" +   b;";
  js_ast *a = parse_goal(src, JS_GOAL_SCRIPT);
  assert_int_equal(a->nerrors, 0);
  mappings ms = {0};
  js_print_options po = {0};
  po.on_mapping = on_mapping;
  po.mapping_ud = &ms;
  char *out = js_print(a->program, &po, NULL);
  assert_string_equal(out, "a;\n\xc3\xa9 = \"\xf0\x9f\x98\x80\" + b;\n");
  const mapping *m = find(&ms, JS_IDENT, 3, 3); /* é at line 3, column 3 */
  assert_non_null(m);
  assert_int_equal(m->gen_line, 1);
  assert_int_equal(m->gen_col, 0);
  m = find(&ms, JS_IDENT, 3, 16); /* b: the quoted 😀 counts 4 units */
  assert_non_null(m);
  assert_int_equal(m->gen_line, 1);
  assert_int_equal(m->gen_col, 11);
  m = find(&ms, JS_STRING, 3, 7);
  assert_non_null(m);
  assert_int_equal(m->gen_col, 4);
  free(out);
  js_ast_free(a);
}

/* ---- equality ---------------------------------------------------------------------------- */

static void test_structural_equality(void **state) {
  (void)state;
  static const struct { const char *a, *b; bool equal; } rows[] = {
    {"a + b", "(a) + ((b))", true},
    {"a + b", "a - b", false},
    {"a + b", "a + c", false},
    {"'x'", "\"x\"", true},
    {"x; 'a'", "x; '\\x61'", true},
    {"0x10", "16", true},
    {"1e3", "1000", true},
    {"({a: 1})", "({'a': 1})", true},
    {"({1: a})", "({'1': a})", true},
    {"({1.0: a})", "({'1': a})", true},
    {"({a})", "({a: a})", false},
    {"({[a]: 1})", "({a: 1})", false},
    {"a, b, c", "(a, b), c", true},
    {"a, b, c", "a, (b, c)", true},
    {"\\u0061", "a", true},
    {"'use strict'", "\"use strict\"", true},
    {"a?.b.c", "(a?.b).c", false},
    {"f(a, b)", "f(a)", false},
    {"[a,,b]", "[a,b]", false},
    {"x => x", "(x) => x", true},
    {"x => x", "async x => x", false},
    {"class A { static x }", "class A { x }", false},
    {"`a${b}`", "`a${b}`", true},
    {"`a`", "`b`", false},
    {"/a/g", "/a/i", false},
    {"a++", "++a", false},
  };
  for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
    js_ast *x = parse_goal(rows[i].a, JS_GOAL_SCRIPT), *y = parse_goal(rows[i].b, JS_GOAL_SCRIPT);
    assert_int_equal(x->nerrors + y->nerrors, 0);
    if (js_ast_equal(x->program, y->program) != rows[i].equal) fail_msg("%s vs %s", rows[i].a, rows[i].b);
    js_ast_free(x);
    js_ast_free(y);
  }
  assert_true(js_ast_equal(NULL, NULL));
  assert_string_equal(js_kind_name(JS_ARROW), "Arrow");
  assert_string_equal(js_op_text(JS_OP_NULLISH_ASSIGN), "?\?=");
  assert_string_equal(js_op_text(JS_OP_INSTANCEOF), "instanceof");
}

/* ---- whole programs ---------------------------------------------------------------------- */

static const char *const programs[] = {
  "'use strict';\n"
  "const {a = 1, b: [c, ...d], ...e} = f ?? {};\n"
  "label: for (let i = 0, j = 10; i < j; i++, j--) {\n"
  "  if (i % 2) continue label; else if (j) break label;\n"
  "  switch (i) { case 1: case 2: g(); break; default: h(); }\n"
  "}\n"
  "try { risky(); } catch { recover(); } finally { done(); }\n"
  "class K extends Base { #p = 1; static n = 0; static { Base.init?.(this); }\n"
  "  constructor(...args) { super(...args); this.#p++; }\n"
  "  get v() { return #p in this ? this.#p : undefined; }\n"
  "  async *gen() { for await (const x of src) yield* x; } }\n"
  "x = a => b => ({c: a + b, [`${a}`]: () => void 0});\n"
  "y = new (getClass())(1)?.m?.(`t${z}`) ?? (-(-1)) ** 2;\n",
  "var x = function* () { var y = yield, z = yield* w; return (y, z); };\n"
  "do x.next(); while (!x.done)\n"
  "if (a) b(); else if (c) d(); else { e(); }\n"
  "with (o) p = q, r = s;\n"
  "a = b ? c ? d : e : f ? g : h;\n"
  "delete a[b], void 0, typeof c === 'd';\n",
};

static void test_program_round_trips(void **state) {
  (void)state;
  for (size_t i = 0; i < sizeof programs / sizeof *programs; i++) {
    for (int minify = 0; minify < 2; minify++) {
      js_ast *a = parse_goal(programs[i], JS_GOAL_SCRIPT);
      assert_int_equal(a->nerrors, 0);
      js_print_options po = {0};
      po.minify = minify;
      po.indent = "\t";
      size_t len;
      char *out = js_print(a->program, &po, &len);
      assert_int_equal(strlen(out), len);
      js_ast *b = js_parse(out, len, NULL);
      if (b->nerrors) fail_msg("%s\n%s", out, b->errors[0].text);
      assert_true(js_ast_equal(a->program, b->program));
      /* printing is a fixed point after one round */
      char *out2 = js_print(b->program, &po, NULL);
      assert_string_equal(out, out2);
      if (!minify) assert_non_null(strstr(out, "\n\t"));
      free(out);
      free(out2);
      js_ast_free(b);
      js_ast_free(a);
    }
  }
}

static void test_print_expression_and_null(void **state) {
  (void)state;
  char *out = js_print(NULL, NULL, NULL);
  assert_string_equal(out, "");
  free(out);
  js_ast *a = parse_goal("x = (a, b) => a + b", JS_GOAL_SCRIPT);
  const js_node *e = a->program->u.program.body.items[0]->u.unary.arg->u.bin.right;
  out = js_print(e, NULL, NULL);
  assert_string_equal(out, "(a, b) => a + b");
  free(out);
  js_ast_free(a);
}

/* ---- arena ------------------------------------------------------------------------------- */

static void test_arena(void **state) {
  (void)state;
  js_arena ar;
  js_arena_init(&ar, 1024);
  assert_int_equal(ar.total, 0);
  void *p0 = js_arena_alloc(&ar, 0);
  void *p1 = js_arena_alloc(&ar, 1);
  void *p2 = js_arena_alloc(&ar, 3);
  assert_non_null(p0);
  assert_true(p0 != p1 && p1 != p2);
  assert_int_equal((uintptr_t)p1 % 8, 0);
  assert_int_equal((uintptr_t)p2 % 8, 0);
  char *big = js_arena_alloc(&ar, 100000); /* its own chunk */
  assert_non_null(big);
  memset(big, 1, 100000);
  void *p3 = js_arena_alloc(&ar, 16); /* still from the first chunk */
  assert_true((char *)p3 < (char *)p2 + 1024 && (char *)p3 > (char *)p2);
  for (int i = 0; i < 1000; i++) assert_non_null(js_arena_alloc(&ar, 40));
  unsigned char *z = js_arena_zalloc(&ar, 64);
  for (int i = 0; i < 64; i++) assert_int_equal(z[i], 0);
  char *s = js_arena_strndup(&ar, "hello world", 5);
  assert_string_equal(s, "hello");
  assert_true(ar.total > 100000);
  js_arena_free(&ar);
  assert_int_equal(ar.total, 0);
  assert_non_null(js_arena_alloc(&ar, 8)); /* reusable after free */
  js_arena_free(&ar);
  js_arena_init(&ar, 0);
  assert_non_null(js_arena_alloc(&ar, 1u << 20)); /* a large first allocation */
  assert_non_null(js_arena_alloc(&ar, 8));
  js_arena_free(&ar);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_synthesized_trees),
    cmocka_unit_test(test_string_escapes),
    cmocka_unit_test(test_number_formatting),
    cmocka_unit_test(test_minify_rows),
    cmocka_unit_test(test_mapping_hook),
    cmocka_unit_test(test_structural_equality),
    cmocka_unit_test(test_program_round_trips),
    cmocka_unit_test(test_print_expression_and_null),
    cmocka_unit_test(test_arena),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
