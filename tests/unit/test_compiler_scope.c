/* Scope analysis tests (src/compiler/scope.c), as tables.
 *
 * Resolution rows list every identifier of the input in source order, each as
 *   name@pos        followed by
 *   =               it declares the symbol it belongs to (it is the symbol's first declaration)
 *   >pos            it refers to the symbol declared at pos
 *   >arguments      it refers to a function's implicit `arguments`
 *   ?               no symbol: an unresolved (global) reference, or not a reference at all
 *                   (property key, `.name`, imported/exported name)
 * where pos is the 0-based column for code on the first line and line:col after it. Private names
 * print as #name. An identifier node shared by two slots (`export { x }`) prints once.
 *
 * Symbol rows query one symbol (by the position of any identifier bound to it) and print its kind,
 * flags and counts; module rows print the import and export lists. */
#include "test_compiler_util.h"

#include "compiler/scope.h"
#include "compiler/transforms/walk.h"

/* ---- collecting identifiers -------------------------------------------------------------- */

typedef struct idents {
  js_node **items;
  size_t len, cap;
} idents;

static bool collect(js_node **slot, void *ud) {
  idents *v = ud;
  js_node *n = *slot;
  if (n->kind == JS_IDENT || n->kind == JS_PRIVATE_NAME) {
    for (size_t i = 0; i < v->len; i++)
      if (v->items[i] == n) return true;
    if (v->len == v->cap) {
      v->cap = v->cap ? v->cap * 2 : 32;
      v->items = realloc(v->items, v->cap * sizeof *v->items);
      assert_non_null(v->items);
    }
    v->items[v->len++] = n;
  }
  return true;
}

static int by_offset(const void *a, const void *b) {
  const js_node *x = *(js_node *const *)a, *y = *(js_node *const *)b;
  return x->loc.offset < y->loc.offset ? -1 : x->loc.offset > y->loc.offset;
}

static void put_pos(char *buf, size_t size, size_t *len, js_loc loc) {
  if (loc.line == 1) *len += (size_t)snprintf(buf + *len, size - *len, "%u", loc.col);
  else *len += (size_t)snprintf(buf + *len, size - *len, "%u:%u", loc.line, loc.col);
}

static js_ast *parse_lang(const char *src, js_goal goal, js_lang lang) {
  js_parse_options o = {0};
  o.goal = goal;
  o.lang = lang;
  return js_parse(src, strlen(src), &o);
}

/* The resolution line of src (malloc'd), or the parse error. */
static char *resolution_of(const char *src, js_goal goal, js_lang lang) {
  js_ast *a = parse_lang(src, goal, lang);
  assert_non_null(a);
  if (a->nerrors) {
    char *e = strdup(a->errors[0].text);
    js_ast_free(a);
    return e;
  }
  js_scopes *s = js_scope_analyze(a);
  assert_non_null(s);
  idents v = {0};
  js__walk(&a->program, collect, &v);
  if (v.len) qsort(v.items, v.len, sizeof *v.items, by_offset);
  size_t size = 256 + v.len * 64, len = 0;
  char *buf = malloc(size);
  assert_non_null(buf);
  buf[0] = 0;
  for (size_t i = 0; i < v.len; i++) {
    js_node *n = v.items[i];
    const js_symbol *sym = n->u.ident.sym;
    len += (size_t)snprintf(buf + len, size - len, "%s%s%.*s@", i ? " " : "", n->kind == JS_PRIVATE_NAME ? "#" : "",
                            (int)n->u.ident.name.len, n->u.ident.name.ptr);
    put_pos(buf, size, &len, n->loc);
    if (!sym) {
      len += (size_t)snprintf(buf + len, size - len, "?");
    } else if (sym->decl == n) {
      len += (size_t)snprintf(buf + len, size - len, "=");
    } else if (!sym->decl) {
      len += (size_t)snprintf(buf + len, size - len, ">arguments");
    } else {
      len += (size_t)snprintf(buf + len, size - len, ">");
      put_pos(buf, size, &len, sym->decl->loc);
    }
  }
  free(v.items);
  js_ast_free(a);
  return buf;
}

typedef struct res_row {
  const char *src;
  const char *expected;
} res_row;

static void run_res_rows(const res_row *rows, size_t n, js_goal goal, js_lang lang) {
  int bad = 0;
  for (size_t i = 0; i < n; i++) {
    char *got = resolution_of(rows[i].src, goal, lang);
    if (strcmp(got, rows[i].expected) != 0) {
      print_error("input:    %s\nexpected: %s\ngot:      %s\n\n", rows[i].src, rows[i].expected, got);
      bad++;
    }
    free(got);
  }
  if (bad) fail_msg("%d of %zu rows failed", bad, n);
}

/* ---- resolution: scripts (sloppy unless "use strict") ------------------------------------- */

static const res_row script_rows[] = {
    /* declarations and references */
    {"var a = 1; a;", "a@4= a@11>4"},
    {"a; var a;", "a@0>7 a@7="},
    {"x;", "x@0?"},
    {"let a; { let a; a; } a;", "a@4= a@13= a@16>13 a@21>4"},
    {"const c = 1; c;", "c@6= c@13>6"},
    {"var a; var a = 2; a;", "a@4= a@11>4 a@18>4"},
    {"function f() {} f();", "f@9= f@16>9"},
    {"f(); function f() {}", "f@0>14 f@14="},
    {"class C {} new C();", "C@6= C@15>6"},
    /* var hoists out of blocks to the function, let does not */
    {"function f() { { var v; } v; }", "f@9= v@21= v@26>21"},
    {"function f() { { let l; } l; }", "f@9= l@21= l@26?"},
    {"{ var v; } v;", "v@6= v@11>6"},
    {"for (var i = 0; i < 1; i++) ; i;", "i@9= i@16>9 i@23>9 i@30>9"},
    {"for (let i = 0; i < 1; i++) ; i;", "i@9= i@16>9 i@23>9 i@30?"},
    {"for (let i of i) ;", "i@9= i@14>9"},
    {"for (const k in o) k;", "k@11= o@16? k@19>11"},
    {"for (x of y) ;", "x@5? y@10?"},
    {"var x; for (x in o) ;", "x@4= x@12>4 o@17?"},
    /* parameters, defaults and the body */
    {"function f(a, b) { return a + b; }", "f@9= a@11= b@14= a@26>11 b@30>14"},
    {"function f(a) { var a; a; }", "f@9= a@11= a@20>11 a@23>11"},
    {"function f(a = x) { var x; }", "f@9= a@11= x@15? x@24="},
    {"var x; function f(a = x) { var x; return x; }", "x@4= f@16= a@18= x@22>4 x@31= x@41>31"},
    {"function f(a = 1) { var a; return a; }", "f@9= a@11= a@24= a@34>24"},
    {"function f(a, b = a) {}", "f@9= a@11= b@14= a@18>11"},
    {"function f({a, b: [c]}, ...d) { a; c; d; }", "f@9= a@12? a@12= b@15? c@19= d@27= a@32>12 c@35>19 d@38>27"},
    {"(a, b) => a + b;", "a@1= b@4= a@10>1 b@14>4"},
    {"x => y => x + y;", "x@0= y@5= x@10>0 y@14>5"},
    {"async (a) => await a;", "a@7= a@19>7"},
    /* arguments */
    {"function f() { arguments; }", "f@9= arguments@15>arguments"},
    {"function f() { return () => arguments; }", "f@9= arguments@28>arguments"},
    {"arguments;", "arguments@0?"},
    {"function f(arguments) { arguments; }", "f@9= arguments@11= arguments@24>11"},
    {"function f() { var arguments; arguments; }", "f@9= arguments@19= arguments@30>19"},
    /* named function expressions, class names */
    {"var g = function f() { f; };", "g@4= f@17= f@23>17"},
    {"var f = 1; var g = function f() {}; f;", "f@4= g@15= f@28= f@36>4"},
    {"var g = function () { g; };", "g@4= g@22>4"},
    {"class C { m() { return C; } }", "C@6= m@10? C@23>6"},
    {"var D = class C { m() { C; } }; C;", "D@4= C@14= m@18? C@24>14 C@32?"},
    {"class C extends C {}", "C@6= C@16>6"},
    /* Annex B: block functions in sloppy code */
    {"{ function f() {} } f();", "f@11= f@20>11"},
    {"let f; { function f() {} } f;", "f@4= f@18= f@27>4"},
    {"function g(f) { { function f() {} } f; }", "g@9= f@11= f@27= f@36>11"},
    {"{ function f() {} f; }", "f@11= f@18>11"},
    {"if (a) function f() {} f;", "a@4? f@16= f@23>16"},
    {"{ async function f() {} } f;", "f@17= f@26?"},
    {"'use strict'; { function f() {} } f;", "f@25= f@34?"},
    {"switch (x) { case 1: function f() {} } f;", "x@8? f@30= f@39>30"},
    {"try {} catch (f) { { function f() {} } f; }", "f@14= f@30= f@39>14"},
    /* catch */
    {"try {} catch (e) { e; } e;", "e@14= e@19>14 e@24?"},
    {"try {} catch (e) { var e = 1; } e;", "e@14= e@23>14 e@32>23"},
    {"try {} catch ({a, b}) { a; }", "a@15? a@15= b@18? b@18= a@24>15"},
    {"try {} catch { let e; }", "e@19="},
    /* property keys, member names, labels and shorthands */
    {"var a; o.a; o[a];", "a@4= o@7? a@9? o@12? a@14>4"},
    {"var a; ({a: a, b: 1});", "a@4= a@9? a@12>4 b@15?"},
    {"var a; ({a});", "a@4= a@9? a@9>4"},
    {"var a; ({[a]: 1});", "a@4= a@10>4"},
    {"var a; ({a() { a; }});", "a@4= a@9? a@15>4"},
    {"var {a} = o; a;", "a@5? a@5= o@10? a@13>5"},
    {"var {a: b = a} = o;", "a@5? b@8= a@12? o@17?"},
    {"var a; ({a} = o);", "a@4= a@9? a@9>4 o@14?"},
    {"a: for (;;) { break a; }", ""},
    {"var a; a: a;", "a@4= a@10>4"},
    {"var x; ({get x() { return x; }});", "x@4= x@13? x@26>4"},
    /* with and eval */
    {"var a; with (o) { a; b; }", "a@4= o@13? a@18>4 b@21?"},
    {"function f() { var a; eval('a'); }", "f@9= a@19= eval@22?"},
    /* classes: fields, static blocks, private names, computed keys */
    {"var x; class C { x = x; [x] = 1; static y = this; }", "x@4= C@13= x@17? x@21>4 x@25>4 y@40?"},
    {"class C { #p = 1; m() { return this.#p; } }", "C@6= #p@10= m@18? #p@36>10"},
    {"class C { #p; static h(o) { return #p in o; } }", "C@6= #p@10= h@21? o@23= #p@35>10 o@41>23"},
    {"class C { get #a() {} set #a(v) {} m() { this.#a; } }", "C@6= #a@14= #a@26>14 v@29= m@35? #a@46>14"},
    {"class A { #x; m() { class B { #y; n(o) { o.#x; o.#y; } } } }",
     "A@6= #x@10= m@14? B@26= #y@30= n@34? o@36= o@41>36 #x@43>10 o@47>36 #y@49>30"},
    {"class C { static { var v; v; } }", "C@6= v@23= v@26>23"},
    {"var v; class C { static { v; } }", "v@4= C@13= v@26>4"},
    /* multi-line positions */
    {"let a;\nfunction f() {\n  return a;\n}", "a@4= f@2:9= a@3:9>4"},
};

static void test_resolution_script(void **state) {
  (void)state;
  run_res_rows(ROWS(script_rows), JS_GOAL_SCRIPT, JS_LANG_JS);
}

/* ---- resolution: modules ------------------------------------------------------------------ */

static const res_row module_rows[] = {
    {"import a from 'm'; a;", "a@7= a@19>7"},
    {"import {a as b, c} from 'm'; b; c; a;", "a@8? b@13= c@16? c@16= b@29>13 c@32>16 a@35?"},
    {"import * as ns from 'm'; ns.a;", "ns@12= ns@25>12 a@28?"},
    {"import {a} from 'm'; function f(a) { a; }", "a@8? a@8= f@30= a@32= a@37>32"},
    {"let x; export { x };", "x@4= x@16>4"},
    {"let x; export { x as y };", "x@4= x@16>4 y@21?"},
    {"export { x } from 'm';", "x@9?"},
    {"export default function f() {} f;", "f@24= f@31>24"},
    {"export default class C {} C;", "C@21= C@26>21"},
    {"export function f() {} f;", "f@16= f@23>16"},
    {"export const {a, b: [c]} = o; a; c;", "a@14? a@14= b@17? c@21= o@27? a@30>14 c@33>21"},
    {"export { f }; function f() {}", "f@9>23 f@23="},
    {"{ function f() {} } f;", "f@11= f@20?"},
    {"import {a} from 'm'; export { a };", "a@8? a@8= a@30>8"},
};

static void test_resolution_module(void **state) {
  (void)state;
  run_res_rows(ROWS(module_rows), JS_GOAL_MODULE, JS_LANG_JS);
}

/* ---- resolution: TypeScript (before lowering) ------------------------------------------- */

static const res_row ts_rows[] = {
    {"namespace N { export const x = 1; x; } x;", "N@10= x@27= x@34>27 x@39?"},
    {"namespace N { var v; } namespace N { v; }", "N@10= v@18= N@33>10 v@37?"},
    {"enum E { A = 1, B = A, C = E.A } E;", "E@5= A@9= B@16= A@20>9 C@23= E@27>5 A@29? E@33>5"},
    {"let A = 1; enum E { B = A }", "A@4= E@16= B@20= A@24>4"},
    {"class C {} namespace C { export const s = C; }", "C@6= C@21>6 s@38= C@42>6"},
    {"import x = N.y; x;", "x@7= N@11? y@13? x@16>7"},
    {"import fs = require('fs'); fs.readFileSync;", "fs@7= fs@27>7 readFileSync@30?"},
    {"class P { constructor(public a: number, b = a) { a; } }", "P@6= constructor@10? a@29= b@40= a@44>29 a@49>29"},
    {"let v: T = f<U>(x as V);", "v@4= f@11? x@16?"},
};

static void test_resolution_ts(void **state) {
  (void)state;
  run_res_rows(ROWS(ts_rows), JS_GOAL_SCRIPT, JS_LANG_TS);
}

/* ---- symbols ------------------------------------------------------------------------------ */

typedef struct sym_row {
  const char *src;
  uint32_t col;     /* column (first line) of an identifier bound to the symbol */
  const char *expected;
} sym_row;

static char *symbol_at(const char *src, uint32_t col, js_goal goal) {
  js_ast *a = parse_lang(src, goal, JS_LANG_JS);
  assert_non_null(a);
  if (a->nerrors) {
    char *e = strdup(a->errors[0].text);
    js_ast_free(a);
    return e;
  }
  assert_non_null(js_scope_analyze(a));
  idents v = {0};
  js__walk(&a->program, collect, &v);
  const js_symbol *sym = NULL;
  for (size_t i = 0; i < v.len; i++)
    if (v.items[i]->loc.line == 1 && v.items[i]->loc.col == col) sym = v.items[i]->u.ident.sym;
  free(v.items);
  char buf[256];
  if (!sym) {
    snprintf(buf, sizeof buf, "no symbol");
  } else {
    static const struct { uint16_t flag; const char *name; } flags[] = {
        {JS_SYMF_ASSIGNED, " assigned"}, {JS_SYMF_CAPTURED, " captured"}, {JS_SYMF_EXPORTED, " exported"},
        {JS_SYMF_EARLY_REF, " early"},   {JS_SYMF_DYNAMIC, " dynamic"},   {JS_SYMF_BLOCK_FUNCTION, " block"},
        {JS_SYMF_MERGED, " merged"}};
    size_t len = (size_t)snprintf(buf, sizeof buf, "%s %s", js_symbol_kind_name((js_symbol_kind)sym->kind),
                                  js_scope_kind_name((js_scope_kind)sym->scope->kind));
    for (size_t i = 0; i < sizeof flags / sizeof *flags; i++)
      if (sym->flags & flags[i].flag) len += (size_t)snprintf(buf + len, sizeof buf - len, "%s", flags[i].name);
    snprintf(buf + len, sizeof buf - len, " r%u w%u%s", sym->reads, sym->writes, sym->hoisted ? " hoisted" : "");
  }
  js_ast_free(a);
  return strdup(buf);
}

static void run_sym_rows(const sym_row *rows, size_t n, js_goal goal) {
  int bad = 0;
  for (size_t i = 0; i < n; i++) {
    char *got = symbol_at(rows[i].src, rows[i].col, goal);
    if (strcmp(got, rows[i].expected) != 0) {
      print_error("input:    %s (at %u)\nexpected: %s\ngot:      %s\n\n", rows[i].src, rows[i].col, rows[i].expected, got);
      bad++;
    }
    free(got);
  }
  if (bad) fail_msg("%d of %zu rows failed", bad, n);
}

static const sym_row script_sym_rows[] = {
    {"var a = 1; a; a;", 4, "var global r2 w0"},
    {"var a = 1; a = 2;", 4, "var global assigned r0 w1"},
    {"let a; a += 1; a++;", 4, "let global assigned r2 w2"},
    {"var a; var a = 1;", 4, "var global assigned merged r0 w1"},
    {"let a = 1; function f() { return a; }", 4, "let global captured r1 w0"},
    {"let a = 1; { a; }", 4, "let global r1 w0"},
    {"a; let a = 1;", 7, "let global early r1 w0"},
    {"function f() { return a; } let a = 1;", 31, "let global captured r1 w0"},
    {"const c = 1; class K { x = c; }", 6, "const global captured r1 w0"},
    {"function f(p) { p = 1; }", 11, "param function assigned r0 w1"},
    {"function f() { arguments; arguments; }", 15, "arguments function r2 w0"},
    {"try {} catch (e) { e; }", 14, "catch catch r1 w0"},
    {"{ function f() {} } f;", 11, "function block block r0 w0 hoisted"},
    {"{ function f() {} } f;", 20, "var global r1 w0"},
    {"var f; function f() {}", 4, "function global merged r0 w0"},
    {"var a; with (o) a;", 4, "var global dynamic r1 w0"},
    {"var a; function f() { eval(''); }", 4, "var global dynamic r0 w0"},
    {"function g() { var a; } function f() { eval(''); }", 19, "var function r0 w0"},
    {"var D = class C { m() { C; } };", 14, "class-name class captured r1 w0"},
    {"class C {} C = 1;", 6, "class global assigned r0 w1"},
    {"var o; [o.x, o] = [];", 4, "var global assigned r1 w1"},
    {"var o; ({a: o} = {});", 4, "var global assigned r0 w1"},
    {"for (let i = 0; i < 3; i++) setTimeout(() => i);", 9, "let for assigned captured r3 w1"},
    {"class C { #p; m() { this.#p; } }", 10, "private class captured r1 w0"},
};

static const sym_row module_sym_rows[] = {
    {"import a from 'm'; a;", 7, "import module r1 w0"},
    {"export let x = 1; x = 2;", 11, "let module assigned exported r0 w1"},
    {"let x; export { x as y };", 4, "let module exported r1 w0"},
    {"export default function f() {}", 24, "function module exported r0 w0"},
};

static void test_symbols(void **state) {
  (void)state;
  run_sym_rows(ROWS(script_sym_rows), JS_GOAL_SCRIPT);
  run_sym_rows(ROWS(module_sym_rows), JS_GOAL_MODULE);
}

/* ---- module records ----------------------------------------------------------------------- */

typedef struct mod_row {
  const char *src;
  const char *expected; /* "imports | exports" */
} mod_row;

static char *module_record(const char *src) {
  js_ast *a = parse_lang(src, JS_GOAL_MODULE, JS_LANG_JS);
  assert_non_null(a);
  if (a->nerrors) {
    char *e = strdup(a->errors[0].text);
    js_ast_free(a);
    return e;
  }
  js_scopes *s = js_scope_analyze(a);
  assert_non_null(s);
  char buf[1024];
  size_t len = 0;
  static const char *const ikinds[] = {"named", "default", "namespace"};
  for (uint32_t i = 0; i < s->nimports; i++) {
    const js_import_binding *b = &s->imports[i];
    len += (size_t)snprintf(buf + len, sizeof buf - len, "%s%.*s=%s:%.*s'%.*s'", i ? " " : "", (int)b->local->name.len,
                            b->local->name.ptr, ikinds[b->kind], (int)b->imported.len, b->imported.ptr,
                            (int)b->source->u.str.value.len, b->source->u.str.value.ptr);
  }
  len += (size_t)snprintf(buf + len, sizeof buf - len, " |");
  for (uint32_t i = 0; i < s->nexports; i++) {
    const js_export_entry *e = &s->exports[i];
    len += (size_t)snprintf(buf + len, sizeof buf - len, " %.*s", (int)e->exported.len, e->exported.ptr);
    switch (e->kind) {
    case JS_EXPORT_LOCAL:
      if (e->local)
        len += (size_t)snprintf(buf + len, sizeof buf - len, "=local:%.*s/%s", (int)e->local->name.len, e->local->name.ptr,
                                js_symbol_kind_name((js_symbol_kind)e->local->kind));
      else
        len += (size_t)snprintf(buf + len, sizeof buf - len, "=undeclared");
      break;
    case JS_EXPORT_DEFAULT_EXPR:
      len += (size_t)snprintf(buf + len, sizeof buf - len, "=expr:%s", js_kind_name((js_kind)e->expr->kind));
      break;
    case JS_EXPORT_REEXPORT:
      len += (size_t)snprintf(buf + len, sizeof buf - len, "=reexport:%.*s'%.*s'", (int)e->imported.len, e->imported.ptr,
                              (int)e->source->u.str.value.len, e->source->u.str.value.ptr);
      break;
    case JS_EXPORT_STAR:
      len += (size_t)snprintf(buf + len, sizeof buf - len, "*'%.*s'", (int)e->source->u.str.value.len,
                              e->source->u.str.value.ptr);
      break;
    }
  }
  js_ast_free(a);
  return strdup(buf);
}

static const mod_row mod_rows[] = {
    {"import a, {b as c, 'd e' as f} from 'm'; import * as ns from 'n';",
     "a=default:default'm' c=named:b'm' f=named:d e'm' ns=namespace:*'n' |"},
    {"export let x, {y} = o; export function f() {} export class C {}",
     " | x=local:x/let y=local:y/let f=local:f/function C=local:C/class"},
    {"let x; export { x as default, x as 'a b' };", " | default=local:x/let a b=local:x/let"},
    {"export default 1 + 2;", " | default=expr:Binary"},
    {"export default function () {}", " | default=expr:FunctionDeclaration"},
    {"export default function g() {}", " | default=local:g/function"},
    {"export { a as b, default } from 'm'; export * from 'n'; export * as ns from 'o';",
     " | b=reexport:a'm' default=reexport:default'm' *'n' ns=reexport:*'o'"},
    {"import {a} from 'm'; export { a as b };", "a=named:a'm' | b=local:a/import"},
    {"export { v }; var v;", " | v=local:v/var"},
};

static void test_module_records(void **state) {
  (void)state;
  int bad = 0;
  for (size_t i = 0; i < sizeof mod_rows / sizeof *mod_rows; i++) {
    char *got = module_record(mod_rows[i].src);
    if (strcmp(got, mod_rows[i].expected) != 0) {
      print_error("input:    %s\nexpected: %s\ngot:      %s\n\n", mod_rows[i].src, mod_rows[i].expected, got);
      bad++;
    }
    free(got);
  }
  if (bad) fail_msg("%d rows failed", bad);
}

/* ---- scopes ------------------------------------------------------------------------------- */

/* The scope tree as nested kinds, e.g. "global(function(block))". */
static void scope_tree(const js_scope_info *s, char *buf, size_t size, size_t *len) {
  *len += (size_t)snprintf(buf + *len, size - *len, "%s", js_scope_kind_name((js_scope_kind)s->kind));
  if (s->flags & JS_SCOPEF_DIRECT_EVAL) *len += (size_t)snprintf(buf + *len, size - *len, "!eval");
  if (s->flags & JS_SCOPEF_ARROW) *len += (size_t)snprintf(buf + *len, size - *len, "!arrow");
  if (s->flags & JS_SCOPEF_PER_ITERATION) *len += (size_t)snprintf(buf + *len, size - *len, "!per-iteration");
  if (s->flags & JS_SCOPEF_STRICT) *len += (size_t)snprintf(buf + *len, size - *len, "!strict");
  if (!s->children) return;
  *len += (size_t)snprintf(buf + *len, size - *len, "(");
  for (const js_scope_info *c = s->children; c; c = c->next_sibling) {
    scope_tree(c, buf, size, len);
    if (c->next_sibling) *len += (size_t)snprintf(buf + *len, size - *len, " ");
  }
  *len += (size_t)snprintf(buf + *len, size - *len, ")");
}

static const res_row tree_rows[] = {
    {"function f(a) { { } }", "global(function(block))"},
    {"function f(a = 1) {}", "global(function(function-body))"},
    {"var g = function f() {};", "global(function-name(function))"},
    {"() => { 'use strict'; }", "global(function!arrow!strict)"},
    {"for (let i;;) { }", "global(for!per-iteration(block))"},
    {"for (var i;;) ;", "global"},
    {"switch (x) { case 1: }", "global(switch)"},
    {"try {} catch (e) {} finally {}", "global(block catch block)"},
    {"class C extends B { x = 1; static { } m() {} }", "global(class!strict(field!strict static-block!strict function!strict))"},
    {"with (o) { }", "global(with(block))"},
    {"function f() { { eval('') } }", "global(function(block!eval))"},
    {"eval?.('')", "global"},
};

static void test_scope_tree(void **state) {
  (void)state;
  int bad = 0;
  for (size_t i = 0; i < sizeof tree_rows / sizeof *tree_rows; i++) {
    js_ast *a = parse_goal(tree_rows[i].src, JS_GOAL_SCRIPT);
    assert_non_null(a);
    assert_int_equal(a->nerrors, 0);
    js_scopes *s = js_scope_analyze(a);
    assert_non_null(s);
    char buf[512];
    size_t len = 0;
    scope_tree(s->root, buf, sizeof buf, &len);
    if (strcmp(buf, tree_rows[i].expected) != 0) {
      print_error("input:    %s\nexpected: %s\ngot:      %s\n\n", tree_rows[i].src, tree_rows[i].expected, buf);
      bad++;
    }
    js_ast_free(a);
  }
  if (bad) fail_msg("%d rows failed", bad);
}

/* js_scope_of finds the scope a node opened; lookups search outwards. */
static void test_scope_of_and_lookup(void **state) {
  (void)state;
  js_ast *a = parse_goal("var x; function f(y) { let z; }", JS_GOAL_SCRIPT);
  assert_non_null(a);
  js_scopes *s = js_scope_analyze(a);
  assert_non_null(s);
  js_node *f = a->program->u.program.body.items[1];
  js_scope_info *fs = js_scope_of(s, f);
  assert_non_null(fs);
  assert_int_equal(fs->kind, JS_SK_FUNCTION);
  assert_ptr_equal(js_scope_of(s, a->program), s->root);
  assert_null(js_scope_of(s, f->u.fn->id));
  js_symbol *z = js_scope_find_own(fs, (js_str){"z", 1});
  assert_non_null(z);
  assert_int_equal(z->kind, JS_SYM_LET);
  assert_ptr_equal(js_scope_lookup(fs, (js_str){"x", 1}), js_scope_find_own(s->root, (js_str){"x", 1}));
  assert_null(js_scope_find_own(fs, (js_str){"x", 1}));
  assert_null(js_scope_lookup(fs, (js_str){"w", 1}));
  assert_int_equal(s->nscopes, 2);
  assert_int_equal(s->nsymbols, 4);
  js_ast_free(a);
}

/* A chain of 200 000 `+` operands (left-nested without bound) and a scope with 100 000 names are
 * handled without deep recursion or quadratic lookups. */
static void test_large_inputs(void **state) {
  (void)state;
  size_t n = 200000;
  char *src = malloc(n * 2 + 16);
  assert_non_null(src);
  size_t len = (size_t)sprintf(src, "var a; a");
  for (size_t i = 1; i < n; i++) {
    src[len++] = '+';
    src[len++] = 'a';
  }
  src[len] = 0;
  js_ast *a = parse_goal(src, JS_GOAL_SCRIPT);
  assert_non_null(a);
  assert_int_equal(a->nerrors, 0);
  js_scopes *s = js_scope_analyze(a);
  assert_non_null(s);
  js_symbol *sym = js_scope_find_own(s->root, (js_str){"a", 1});
  assert_non_null(sym);
  assert_int_equal(sym->reads, n);
  js_ast_free(a);
  free(src);

  size_t names = 100000;
  src = malloc(names * 12 + 16);
  assert_non_null(src);
  len = 0;
  for (size_t i = 0; i < names; i++) len += (size_t)sprintf(src + len, "var v%zu;", i);
  len += (size_t)sprintf(src + len, "v99999;");
  a = parse_goal(src, JS_GOAL_SCRIPT);
  assert_non_null(a);
  assert_int_equal(a->nerrors, 0);
  s = js_scope_analyze(a);
  assert_non_null(s);
  assert_int_equal(s->root->nsymbols, names);
  sym = js_scope_find_own(s->root, (js_str){"v99999", 6});
  assert_non_null(sym);
  assert_int_equal(sym->reads, 1);
  js_ast_free(a);
  free(src);
}

/* Analyzing twice (as a pipeline does after a transform) gives the same answers. */
static void test_reanalyze(void **state) {
  (void)state;
  js_ast *a = parse_goal("let x = 1; { let x = 2; x; } x;", JS_GOAL_SCRIPT);
  assert_non_null(a);
  js_scopes *s1 = js_scope_analyze(a);
  js_node *last = a->program->u.program.body.items[2]->u.unary.arg;
  js_symbol *first = last->u.ident.sym;
  js_scopes *s2 = js_scope_analyze(a);
  assert_non_null(s1);
  assert_non_null(s2);
  assert_non_null(last->u.ident.sym);
  assert_ptr_not_equal(last->u.ident.sym, first);
  assert_ptr_equal(last->u.ident.sym, js_scope_find_own(s2->root, (js_str){"x", 1}));
  assert_int_equal(last->u.ident.sym->reads, 1);
  js_ast_free(a);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_resolution_script), cmocka_unit_test(test_resolution_module),
      cmocka_unit_test(test_resolution_ts),
      cmocka_unit_test(test_symbols),           cmocka_unit_test(test_module_records),
      cmocka_unit_test(test_scope_tree),        cmocka_unit_test(test_scope_of_and_lookup),
      cmocka_unit_test(test_large_inputs),      cmocka_unit_test(test_reanalyze),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
