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

/* ---- every node kind --------------------------------------------------------------------- */

static js_ast *parse_ts(const char *src) {
  js_parse_options o = {0};
  o.goal = JS_GOAL_MODULE;
  o.lang = JS_LANG_TS;
  return js_parse(src, strlen(src), &o);
}

/* TypeScript runtime declarations left in the tree (no js_ts_lower) print as TypeScript, and the
 * output parses back as TypeScript to the same tree. */
static const print_row ts_rows[] = {
  {"enum E {}", "enum E{}"},
  {"enum E { A, B = 2, 'c d' = A | B }", "enum E{A,B=2,\"c d\"=A|B}"},
  {"const enum E { A = 1 }", "const enum E{A=1}"},
  {"declare const enum E { A }", ""},
  {"namespace N {}", "namespace N{}"},
  {"namespace N { export const x = 1; enum F { A } }", "namespace N{export const x=1;enum F{A}}"},
  {"namespace A.B { x; }", "namespace A{export namespace B{x;}}"},
  {"import fs = require('fs');", "import fs=require(\"fs\");"},
  {"export import x = A.B.C;", "export import x=A.B.C;"},
  {"import y = A;", "import y=A;"},
  {"export = f(1) + 2;", "export=f(1)+2;"},
  {"export = class {};", "export=class{};"},
  {"export enum E { A = 'a' }", "export enum E{A=\"a\"}"},
  {"export namespace N { export import z = M; }", "export namespace N{export import z=M;}"},
};

static int check_ts_row(const char *src, const char *expected, bool minify) {
  js_ast *a = parse_ts(src);
  if (!a || a->nerrors) {
    print_error("input: %s\nerror: %s\n", src, a ? a->errors[0].text : "oom");
    js_ast_free(a);
    return 1;
  }
  js_print_options po = {0};
  po.minify = minify;
  char *out = js_print(a->program, &po, NULL);
  int bad = 0;
  if (!out || (expected && strcmp(out, expected) != 0)) {
    print_error("input:    %s\nexpected: %s\nprinted:  %s\n\n", src, expected, out ? out : "(null)");
    bad = 1;
  } else {
    js_ast *b = parse_ts(out);
    if (!b || b->nerrors || !js_ast_equal(a->program, b->program)) {
      print_error("input:    %s\nprinted:  %s\ndoes not reparse to the same tree\n\n", src, out);
      bad = 1;
    }
    js_ast_free(b);
  }
  free(out);
  js_ast_free(a);
  return bad;
}

static void test_typescript_nodes(void **state) {
  (void)state;
  int bad = 0;
  for (size_t i = 0; i < sizeof ts_rows / sizeof *ts_rows; i++) {
    bad += check_ts_row(ts_rows[i].src, ts_rows[i].expected, true);
    bad += check_ts_row(ts_rows[i].src, NULL, false); /* pretty: round trip only */
  }
  if (bad) fail_msg("%d rows failed", bad);
  /* pretty output of an enum: one member a line */
  js_ast *a = parse_ts("enum E { A, B }");
  char *out = js_print(a->program, NULL, NULL);
  assert_string_equal(out, "enum E {\n  A,\n  B\n}\n");
  free(out);
  js_ast_free(a);
}

/* A node that is neither statement nor expression, printed on its own. */
typedef struct fragment_row {
  js_lang lang;
  const char *src;
  const char *path; /* which node: digits index lists, letters pick fields (see pick()) */
  const char *expected;
} fragment_row;

/* Walks from the program: a digit n takes item n of the current node's list (program body,
 * block/class body, var decls, import specifiers, object properties, enum members, JSX attributes
 * or children...), a letter a field: e = expression of a statement, c = class, f = function body,
 * d = declaration of an export, k = switch cases, q = template quasis, x = JSX attributes,
 * h = JSX children, m = enum members, t = attributes of an import. */
static const js_node *pick(const js_node *n, const char *path) {
  js_list l = {0};
  for (const char *c = path; *c; c++) {
    switch (*c) {
    case 'e': n = n->u.unary.arg; break;
    case 'c': l = n->u.cls->body; break;
    case 'd': n = n->u.mod.decl; break;
    case 'k': l = n->u.sw.cases; break;
    case 'q': l = n->u.tpl.quasis; break;
    case 'x': l = n->u.jsx.attrs; break;
    case 'h': l = n->u.jsx.children; break;
    case 'm': l = n->u.ts_enum.members; break;
    case 't': l = n->u.mod.attributes; break;
    case 'b': l = n->u.program.body; break;
    case 'v': l = n->u.var.decls; break;
    case 's': l = n->u.mod.specifiers; break;
    case 'o': l = n->u.list.items; break;
    default: n = l.items[*c - '0']; break;
    }
  }
  return n;
}

static const fragment_row fragment_rows[] = {
  {JS_LANG_JS, "let a = 1, {b} = c;", "b0v1", "{b}=c"},
  {JS_LANG_JS, "import d, {a as b} from 'm';", "b0s1", "{a as b}"},
  {JS_LANG_JS, "import d, * as ns from 'm';", "b0s0", "d"},
  {JS_LANG_JS, "import d, * as ns from 'm';", "b0s1", "* as ns"},
  {JS_LANG_JS, "export {x as 'y z'}; let x;", "b0s0", "{x as \"y z\"}"},
  {JS_LANG_JS, "import j from 'x.json' with {type: 'json'};", "b0t0", "type:\"json\""},
  {JS_LANG_JS, "switch (a) { case 1: f(); break; default: }", "b0k0", "case 1:f();break;"},
  {JS_LANG_JS, "switch (a) { default: }", "b0k0", "default:"},
  {JS_LANG_JS, "({a: 1, get b() { return 2; }, ...c});", "b0eo1", "get b(){return 2;}"},
  {JS_LANG_JS, "({a: 1, ...c});", "b0eo1", "...c"},
  {JS_LANG_JS, "class A { static x = 1; m() {} static {} }", "b0c0", "static x=1;"},
  {JS_LANG_JS, "class A { static x = 1; m() {} static {} }", "b0c1", "m(){}"},
  {JS_LANG_JS, "class A { static x = 1; m() {} static {} }", "b0c2", "static{}"},
  {JS_LANG_JS, "`a${b}c`;", "b0eq1", "c"},
  {JS_LANG_TS, "enum E { A = 1 }", "b0m0", "A=1"},
  {JS_LANG_JSX, "<a b='1' {...c}>t{d}</a>;", "b0ex0", "b='1'"},
  {JS_LANG_JSX, "<a b='1' {...c}>t{d}</a>;", "b0ex1", "{...c}"},
  {JS_LANG_JSX, "<a b='1' {...c}>t{d}</a>;", "b0eh0", "t"},
  {JS_LANG_JSX, "<a b='1' {...c}>t{d}</a>;", "b0eh1", "{d}"},
};

static void test_fragments(void **state) {
  (void)state;
  int bad = 0;
  for (size_t i = 0; i < sizeof fragment_rows / sizeof *fragment_rows; i++) {
    const fragment_row *r = &fragment_rows[i];
    js_parse_options o = {0};
    o.goal = JS_GOAL_MODULE;
    o.lang = r->lang;
    js_ast *a = js_parse(r->src, strlen(r->src), &o);
    assert_non_null(a);
    if (a->nerrors) fail_msg("%s: %s", r->src, a->errors[0].text);
    js_print_options po = {0};
    po.minify = true;
    char *out = js_print(pick(a->program, r->path), &po, NULL);
    if (!out || strcmp(out, r->expected) != 0) {
      print_error("input:    %s (%s)\nexpected: %s\nprinted:  %s\n\n", r->src, r->path, r->expected, out ? out : "(null)");
      bad++;
    }
    free(out);
    js_ast_free(a);
  }
  if (bad) fail_msg("%d rows failed", bad);
  /* the decorator of a class */
  js_parse_options o = {.lang = JS_LANG_TS};
  js_ast *a = js_parse("@a.b(1) class C {}", 18, &o);
  assert_int_equal(a->nerrors, 0);
  char *out = js_print(a->program->u.program.body.items[0]->u.cls->decorators.items[0], NULL, NULL);
  assert_string_equal(out, "@a.b(1) ");
  free(out);
  js_ast_free(a);
}

/* Invalid and out-of-range kinds print nothing, alone or inside a statement, and never loop. */
static void test_invalid_kinds(void **state) {
  (void)state;
  js_arena_init(&arena, 0);
  const uint8_t kinds[] = {JS_INVALID, JS_KIND_COUNT, 200, 255};
  for (size_t i = 0; i < sizeof kinds; i++) {
    js_node *bad = mk(JS_INVALID);
    bad->kind = kinds[i];
    expect_min(bad, "");
    expect_min(stmt(bad), ";");
    expect_min(binary(JS_OP_ADD, ident("a"), bad), "a+");
  }
  js_arena_free(&arena);
}

/* The printer's recursion is bounded: a hand-built chain deeper than any parse makes js_print
 * fail instead of overflowing the stack; trees at the parser's own depth limit print. */
static void test_depth_bound(void **state) {
  (void)state;
  js_arena_init(&arena, 0);
  js_node *e = ident("x");
  for (int i = 0; i < 100000; i++) e = unary(JS_UNARY, JS_OP_NOT, e);
  assert_null(js_print(e, NULL, NULL));
  js_node *s = stmt(ident("x"));
  for (int i = 0; i < 100000; i++) {
    js_node *b = mk(JS_BLOCK);
    b->u.list.items.items = js_arena_alloc(&arena, sizeof(js_node *));
    b->u.list.items.items[0] = s;
    b->u.list.items.len = 1;
    s = b;
  }
  assert_null(js_print(s, NULL, NULL));
  js_arena_free(&arena);

  /* The deepest nesting of each shape the parser accepts prints and reparses. */
  static const char *const shapes[][2] = {
    {"(", ")"}, {"[", "]"}, {"{", "}"}, {"!", ""}, {"a?.b(", ")"}, {"x=>", ""}, {"-(", ")"},
    {"`${", "}`"}, {"(class extends (", "){})"}, {"if(1)", ""}, {"function f(){", "}"}, {"a=", ""},
  };
  for (size_t i = 0; i < sizeof shapes / sizeof *shapes; i++) {
    size_t ol = strlen(shapes[i][0]), cl = strlen(shapes[i][1]);
    int depth = JS_DEFAULT_MAX_DEPTH + 10;
    char *src = malloc((ol + cl) * (size_t)depth + 8);
    js_ast *a = NULL;
    /* find the deepest that parses */
    for (; depth > 0; depth -= 1) {
      size_t k = 0;
      for (int j = 0; j < depth; j++, k += ol) memcpy(src + k, shapes[i][0], ol);
      src[k++] = '0';
      for (int j = 0; j < depth; j++, k += cl) memcpy(src + k, shapes[i][1], cl);
      src[k++] = ';';
      js_ast_free(a);
      a = js_parse(src, k, NULL);
      if (!a->nerrors) break;
    }
    if (depth < 100) fail_msg("shape %s...%s: only %d levels parse", shapes[i][0], shapes[i][1], depth);
    for (int minify = 0; minify < 2; minify++) {
      js_print_options po = {0};
      po.minify = minify;
      size_t len;
      char *out = js_print(a->program, &po, &len);
      if (!out) fail_msg("shape %s...%s at depth %d did not print", shapes[i][0], shapes[i][1], depth);
      js_ast *b = js_parse(out, len, NULL);
      if (b->nerrors || !js_ast_equal(a->program, b->program))
        fail_msg("shape %s...%s at depth %d: no round trip", shapes[i][0], shapes[i][1], depth);
      js_ast_free(b);
      free(out);
    }
    js_ast_free(a);
    free(src);
  }
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
    cmocka_unit_test(test_typescript_nodes),
    cmocka_unit_test(test_fragments),
    cmocka_unit_test(test_invalid_kinds),
    cmocka_unit_test(test_depth_bound),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
