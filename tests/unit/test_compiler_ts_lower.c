/* TypeScript lowering tests (src/compiler/transforms/ts.c): TypeScript input -> minified
 * JavaScript after js_ts_lower. Every expected output was checked against TypeScript 5.9's
 * transpileModule (target ESNext; module ESNext for the module rows, CommonJS for the others):
 * it is the same program, differing at most in white space and in the few places noted where we
 * write the same behaviour more simply. Each output must also parse back as JavaScript. */
#include "test_compiler_util.h"

#include "compiler/scope.h"
#include "compiler/transforms/transforms.h"
#include "compiler/transforms/walk.h"

typedef struct ts_row {
  const char *src;
  const char *expected;
} ts_row;

static char *lowered(const char *src, js_goal goal, const js_ts_options *opts, char **error) {
  js_parse_options po = {0};
  po.goal = goal;
  po.lang = JS_LANG_TS;
  js_ast *a = js_parse(src, strlen(src), &po);
  assert_non_null(a);
  char *out = NULL;
  *error = NULL;
  if (!a->nerrors) js_ts_lower(a, opts);
  if (a->nerrors) {
    *error = strdup(a->errors[0].text);
  } else {
    js_print_options pr = {0};
    pr.minify = true;
    out = js_print(a->program, &pr, NULL);
    assert_non_null(out);
  }
  js_ast_free(a);
  return out;
}

static int check_row(const ts_row *r, js_goal goal, const js_ts_options *opts) {
  char *err;
  char *out = lowered(r->src, goal, opts, &err);
  int bad = 0;
  if (!out) {
    print_error("input:    %s\nexpected: %s\nerror:    %s\n\n", r->src, r->expected, err);
    free(err);
    return 1;
  }
  if (strcmp(out, r->expected) != 0) {
    print_error("input:    %s\nexpected: %s\nlowered:  %s\n\n", r->src, r->expected, out);
    bad = 1;
  } else {
    /* the output is plain JavaScript of the same goal */
    js_ast *b = parse_goal(out, goal);
    if (!b || b->nerrors) {
      print_error("input:    %s\nlowered:  %s\nreparse:  %s\n\n", r->src, out, b && b->nerrors ? b->errors[0].text : "oom");
      bad = 1;
    }
    js_ast_free(b);
  }
  free(out);
  return bad;
}

static void run_rows(const ts_row *rows, size_t n, js_goal goal) {
  int bad = 0;
  for (size_t i = 0; i < n; i++) bad += check_row(&rows[i], goal, NULL);
  if (bad) fail_msg("%d of %zu rows failed", bad, n);
}

/* ---- enums ------------------------------------------------------------------------------- */

/* Numeric members auto-increment; initializers TypeScript can compute are folded (members read
 * by name, E.A or E["A"]), others are evaluated at run time with members read as E.A; strings get
 * no reverse mapping; declarations of one enum merge; const enums are emitted as enums (isolated
 * modules). */
static const ts_row enum_rows[] = {
    {"const a = 1; const b = a + 1; let c = 5; enum E { X = b, Y = c }",
     "const a=1;const b=a+1;let c=5;var E;(function(E){E[E[\"X\"]=2]=\"X\";E[E[\"Y\"]=c]=\"Y\";})(E||(E={}));"},
    {"enum E { X = 2, Y = f() } enum F { Z = E.X, W = E.Y, V = E[\"X\"] * 2 }",
     "var E;(function(E){E[E[\"X\"]=2]=\"X\";E[E[\"Y\"]=f()]=\"Y\";})(E||(E={}));var F;(function(F){F[F[\"Z\"]=2]=\"Z\";F[F[\"W\"]=E.Y]=\"W\";F[F[\"V\"]=4]=\"V\";})(F||(F={}));"},
    {"const s = \"str\"; enum G { S = s, T = `${s}!` }",
     "const s=\"str\";var G;(function(G){G[\"S\"]=\"str\";G[\"T\"]=\"str!\";})(G||(G={}));"},
    {"const x = y; const y = x; enum E { A = x }",
     "const x=y;const y=x;var E;(function(E){E[E[\"A\"]=x]=\"A\";})(E||(E={}));"},
    {"enum E { A, B, C }",
     "var E;(function(E){E[E[\"A\"]=0]=\"A\";E[E[\"B\"]=1]=\"B\";E[E[\"C\"]=2]=\"C\";})(E||(E={}));"},
    {"enum E { A = 1, B, C = 10, D }",
     "var E;(function(E){E[E[\"A\"]=1]=\"A\";E[E[\"B\"]=2]=\"B\";E[E[\"C\"]=10]=\"C\";E[E[\"D\"]=11]=\"D\";})(E||(E={}));"},
    {"enum E { A = \"a\", B = \"b\" }",
     "var E;(function(E){E[\"A\"]=\"a\";E[\"B\"]=\"b\";})(E||(E={}));"},
    {"enum E { A = 1, B = A * 2, C = B + 1 }",
     "var E;(function(E){E[E[\"A\"]=1]=\"A\";E[E[\"B\"]=2]=\"B\";E[E[\"C\"]=3]=\"C\";})(E||(E={}));"},
    {"enum E { A = 1, B = E.A << 2, C = E[\"B\"] | 1 }",
     "var E;(function(E){E[E[\"A\"]=1]=\"A\";E[E[\"B\"]=4]=\"B\";E[E[\"C\"]=5]=\"C\";})(E||(E={}));"},
    {"enum E { A = -1, B, C = ~0, D = 2 ** 3, E = 7 % 4 }",
     "var E;(function(E){E[E[\"A\"]=-1]=\"A\";E[E[\"B\"]=0]=\"B\";E[E[\"C\"]=-1]=\"C\";E[E[\"D\"]=8]=\"D\";E[E[\"E\"]=3]=\"E\";})(E||(E={}));"},
    {"enum E { A = 1 / 0, B = -1 / 0, C = 0 / 0, D = -0 }",
     "var E;(function(E){E[E[\"A\"]=Infinity]=\"A\";E[E[\"B\"]=-Infinity]=\"B\";E[E[\"C\"]=NaN]=\"C\";E[E[\"D\"]=0]=\"D\";})(E||(E={}));"},
    {"enum E { A = \"x\" + 1, B = `t${1}${\"s\"}`, C = A + \"y\" }",
     "var E;(function(E){E[\"A\"]=\"x1\";E[\"B\"]=\"t1s\";E[\"C\"]=\"x1y\";})(E||(E={}));"},
    {"enum E { A = f(), B }",
     "var E;(function(E){E[E[\"A\"]=f()]=\"A\";E[E[\"B\"]=void 0]=\"B\";})(E||(E={}));"},
    {"let x = 5; enum E { A = x, B = A, C = Math.PI, D = E.C + B }",
     "let x=5;var E;(function(E){E[E[\"A\"]=x]=\"A\";E[E[\"B\"]=E.A]=\"B\";E[E[\"C\"]=Math.PI]=\"C\";E[E[\"D\"]=E.C+E.B]=\"D\";})(E||(E={}));"},
    {"enum E { \"a b\" = 1, c }",
     "var E;(function(E){E[E[\"a b\"]=1]=\"a b\";E[E[\"c\"]=2]=\"c\";})(E||(E={}));"},
    {"enum E { A = 1 } enum E { B = A + 1, C }",
     "var E;(function(E){E[E[\"A\"]=1]=\"A\";})(E||(E={}));(function(E){E[E[\"B\"]=2]=\"B\";E[E[\"C\"]=3]=\"C\";})(E||(E={}));"},
    {"enum E { A = 1 } enum E { B = A + f() }",
     "var E;(function(E){E[E[\"A\"]=1]=\"A\";})(E||(E={}));(function(E){E[E[\"B\"]=E.A+f()]=\"B\";})(E||(E={}));"},
    {"const enum C { X = 1, Y } console.log(C.Y);",
     "var C;(function(C){C[C[\"X\"]=1]=\"X\";C[C[\"Y\"]=2]=\"Y\";})(C||(C={}));console.log(C.Y);"},
    {"function f() { enum E { A } return E; }",
     "function f(){let E;(function(E){E[E[\"A\"]=0]=\"A\";})(E||(E={}));return E;}"},
    {"{ enum E { A } }",
     "{let E;(function(E){E[E[\"A\"]=0]=\"A\";})(E||(E={}));}"},
    {"enum E { A = 1, B = g(A), C = (() => { const A = 5; return A; })() }",
     "var E;(function(E){E[E[\"A\"]=1]=\"A\";E[E[\"B\"]=g(E.A)]=\"B\";E[E[\"C\"]=(()=>{const A=5;return A;})()]=\"C\";})(E||(E={}));"},
    {"enum E { E = 1, F = E }",
     "var E;(function(E){E[E[\"E\"]=1]=\"E\";E[E[\"F\"]=1]=\"F\";})(E||(E={}));"},
    {"enum E { A = 3.5, B }",
     "var E;(function(E){E[E[\"A\"]=3.5]=\"A\";E[E[\"B\"]=4.5]=\"B\";})(E||(E={}));"},
    {"let v = 1; enum E { A = v } enum F { B = E.A }",
     "let v=1;var E;(function(E){E[E[\"A\"]=v]=\"A\";})(E||(E={}));var F;(function(F){F[F[\"B\"]=E.A]=\"B\";})(F||(F={}));"},
};

static void test_enums(void **state) {
  (void)state;
  run_rows(ROWS(enum_rows), JS_GOAL_SCRIPT);
}

/* ---- namespaces -------------------------------------------------------------------------- */

/* Exported variables become N.x at their declaration and every reference (found through scope
 * analysis, so a shadowing local stays); exported functions and classes keep their local name and
 * are also assigned to N; a name exported by another declaration of the same namespace reads as
 * N.x; A.B.C nests; namespaces holding only types vanish; a namespace merges into an earlier
 * class, function or enum of its name without a new `var`. For `export let [a, {b}] = f()`
 * TypeScript goes through a temporary; a destructuring assignment to N.a and N.b is the same. */
static const ts_row namespace_rows[] = {
    {"namespace N { export const x = 1; }",
     "var N;(function(N){N.x=1;})(N||(N={}));"},
    {"namespace N { export let a = 1, b; export var c = 2, d = 3; }",
     "var N;(function(N){N.a=1;N.c=2,N.d=3;})(N||(N={}));"},
    {"namespace N { export const x = 1; export function f() { return x; } }",
     "var N;(function(N){N.x=1;function f(){return N.x;}N.f=f;})(N||(N={}));"},
    {"namespace N { export class K {} const z = new K(); }",
     "var N;(function(N){class K{}N.K=K;const z=new K();})(N||(N={}));"},
    {"namespace N { const N = 1; export const x = N; }",
     "var N;(function(N_1){const N=1;N_1.x=N;})(N||(N={}));"},
    {"namespace N { export let w; w = 5; w++; ({w} = o); }",
     "var N;(function(N){N.w=5;N.w++;({w:N.w}=o);})(N||(N={}));"},
    {"namespace N { export let [a, {b}] = f(); a = 2; }",
     "var N;(function(N){[N.a,{b:N.b}]=f();N.a=2;})(N||(N={}));"},
    {"namespace N { export const a = 1; } namespace N { console.log(a); }",
     "var N;(function(N){N.a=1;})(N||(N={}));(function(N){console.log(N.a);})(N||(N={}));"},
    {"namespace N { export const a = 1; } namespace N { function g(a) { return a; } let h = () => a; }",
     "var N;(function(N){N.a=1;})(N||(N={}));(function(N){function g(a){return a;}let h=()=>N.a;})(N||(N={}));"},
    {"namespace N { export function f() {} } namespace N { f(); }",
     "var N;(function(N){function f(){}N.f=f;})(N||(N={}));(function(N){N.f();})(N||(N={}));"},
    {"namespace N { export const x = 1; function g() { const x = 2; return x; } }",
     "var N;(function(N){N.x=1;function g(){const x=2;return x;}})(N||(N={}));"},
    {"namespace N { export const x = 1; const o = { x, y: x }; }",
     "var N;(function(N){N.x=1;const o={x:N.x,y:N.x};})(N||(N={}));"},
    {"namespace A.B.C { export const v = 1; }",
     "var A;(function(A){let B;(function(B){let C;(function(C){C.v=1;})(C=B.C||(B.C={}));})(B=A.B||(A.B={}));})(A||(A={}));"},
    {"namespace A { export namespace B { export const v = 1; } }",
     "var A;(function(A){let B;(function(B){B.v=1;})(B=A.B||(A.B={}));})(A||(A={}));"},
    {"namespace A { export const y = 1; export namespace B { console.log(y); } }",
     "var A;(function(A){A.y=1;let B;(function(B){console.log(A.y);})(B=A.B||(A.B={}));})(A||(A={}));"},
    {"namespace N { export enum E { A } export namespace M { export const q = E.A; } }",
     "var N;(function(N){let E;(function(E){E[E[\"A\"]=0]=\"A\";})(E=N.E||(N.E={}));let M;(function(M){M.q=E.A;})(M=N.M||(N.M={}));})(N||(N={}));"},
    {"namespace N { enum E { A } namespace M { const q = 1; } }",
     "var N;(function(N){let E;(function(E){E[E[\"A\"]=0]=\"A\";})(E||(E={}));let M;(function(M){const q=1;})(M||(M={}));})(N||(N={}));"},
    {"namespace T { export interface I {} export type X = number; }",
     ""},
    {"namespace T { export namespace U { export interface I {} } }",
     ""},
    {"namespace T { } let T2 = 1;",
     "let T2=1;"},
    {"class C {} namespace C { export const s = 1; }",
     "class C{}(function(C){C.s=1;})(C||(C={}));"},
    {"function f() {} namespace f { export const a = 1; }",
     "function f(){}(function(f){f.a=1;})(f||(f={}));"},
    {"enum E { A } namespace E { export const b = 2; }",
     "var E;(function(E){E[E[\"A\"]=0]=\"A\";})(E||(E={}));(function(E){E.b=2;})(E||(E={}));"},
    {"namespace N { export import X = M.y; console.log(X); }",
     "var N;(function(N){N.X=M.y;console.log(N.X);})(N||(N={}));"},
    {"namespace N { import X = M.y; }",
     ""},
    {"namespace N { import X = M.y; console.log(X); }",
     "var N;(function(N){var X=M.y;console.log(X);})(N||(N={}));"},
    {"namespace N { export declare const d: number; }",
     ""},
    {"namespace A.B.C { export const d = 1; } namespace A { export namespace B { export const m = C.d; } }",
     "var A;(function(A){let B;(function(B){let C;(function(C){C.d=1;})(C=B.C||(B.C={}));})(B=A.B||(A.B={}));})(A||(A={}));(function(A){let B;(function(B){B.m=B.C.d;})(B=A.B||(A.B={}));})(A||(A={}));"},
    {"namespace A { export namespace B { export function f() { return g(); } } } namespace A { export namespace B { export function g() { return 1; } } }",
     "var A;(function(A){let B;(function(B){function f(){return B.g();}B.f=f;})(B=A.B||(A.B={}));})(A||(A={}));(function(A){let B;(function(B){function g(){return 1;}B.g=g;})(B=A.B||(A.B={}));})(A||(A={}));"},
};

static const ts_row namespace_module_rows[] = {
    {"export namespace N { export const x = 1; }",
     "export var N;(function(N){N.x=1;})(N||(N={}));"},
    {"export enum E { A }",
     "export var E;(function(E){E[E[\"A\"]=0]=\"A\";})(E||(E={}));"},
    {"export const enum F { B }",
     "export var F;(function(F){F[F[\"B\"]=0]=\"B\";})(F||(F={}));"},
    {"export namespace N { export interface I {} }",
     "export{};"},
};

static void test_namespaces(void **state) {
  (void)state;
  run_rows(ROWS(namespace_rows), JS_GOAL_SCRIPT);
  run_rows(ROWS(namespace_module_rows), JS_GOAL_MODULE);
}

/* ---- parameter properties ---------------------------------------------------------------- */

/* A field per parameter property ahead of the other members, `this.x = x` after the top-level
 * super() of a derived class (first, when super() is nested, as TypeScript does), otherwise
 * first after the directives. */
static const ts_row param_prop_rows[] = {
    {"class A { constructor(public a: number) {} }",
     "class A{a;constructor(a){this.a=a;}}"},
    {"class A { constructor(private a = 1, b: number, protected readonly c?: string) {} }",
     "class A{a;c;constructor(a=1,b,c){this.a=a;this.c=c;}}"},
    {"class A extends B { constructor(public a: number) { super(); foo(); } }",
     "class A extends B{a;constructor(a){super();this.a=a;foo();}}"},
    {"class A extends B { constructor(public a: number) { before(); super(a); after(); } }",
     "class A extends B{a;constructor(a){before();super(a);this.a=a;after();}}"},
    {"class A extends B { constructor(public a: number) { if (x) super(); else super(2); } }",
     "class A extends B{a;constructor(a){this.a=a;if(x)super();else super(2);}}"},
    {"class A { x = 1; constructor(public a: number) { \"use strict\"; go(); } }",
     "class A{a;x=1;constructor(a){\"use strict\";this.a=a;go();}}"},
    {"class A { m() {} static s = 1; constructor(public a, protected b) {} y = 2; }",
     "class A{a;b;m(){}static s=1;constructor(a,b){this.a=a;this.b=b;}y=2;}"},
    {"const K = class { constructor(public override a: number, ...rest: any[]) {} };",
     "const K=class{a;constructor(a,...rest){this.a=a;}};"},
    {"class A { constructor(a: number, public b = a) {} }",
     "class A{b;constructor(a,b=a){this.b=b;}}"},
    {"class A { constructor(public a) {} m() { class B { constructor(public b) {} } } }",
     "class A{a;constructor(a){this.a=a;}m(){class B{b;constructor(b){this.b=b;}}}}"},
};

static void test_parameter_properties(void **state) {
  (void)state;
  run_rows(ROWS(param_prop_rows), JS_GOAL_SCRIPT);
}

/* ---- import = and export = ---------------------------------------------------------------- */

/* CommonJS files: import x = require() is a const (dropped when x is unused); export = assigns
 * module.exports; `export import` also assigns exports.x. Aliases of entity names are vars,
 * dropped when unused except at the top of a script (a global other scripts can see); an alias
 * only another dropped alias used goes too, and so may the import it named. */
static const ts_row import_equals_rows[] = {
    {"import x = require(\"fs\"); console.log(x);",
     "const x=require(\"fs\");console.log(x);"},
    {"import x = require(\"fs\"); import y = require(\"os\"); export = x.readFileSync;",
     "const x=require(\"fs\");module.exports=x.readFileSync;"},
    {"export = 1;",
     "module.exports=1;"},
    {"export import x = require(\"fs\");",
     "const x=require(\"fs\");exports.x=x;"},
    {"namespace N { export const a = 1; } import q = N.a; import r = N.a; console.log(q);",
     "var N;(function(N){N.a=1;})(N||(N={}));var q=N.a;var r=N.a;console.log(q);"},
    {"export = f; function f() {} f.x = 1;", "function f(){}f.x=1;module.exports=f;"},
};

static const ts_row import_equals_module_rows[] = {
    {"namespace N { export const a = 1; } import q = N.a; import r = N.a; console.log(q);",
     "var N;(function(N){N.a=1;})(N||(N={}));var q=N.a;console.log(q);"},
    {"import * as M from \"m\"; import q = M.a; export const z = 1;",
     "export const z=1;"},
    {"import * as M from \"m\"; import q = M.a; export const z = q;",
     "import * as M from\"m\";var q=M.a;export const z=q;"},
    {"import * as M from \"m\"; import q = M.a; import r = q.b; console.log(1);",
     "console.log(1);export{};"},
};

static void test_import_equals(void **state) {
  (void)state;
  run_rows(ROWS(import_equals_rows), JS_GOAL_SCRIPT);
  run_rows(ROWS(import_equals_module_rows), JS_GOAL_MODULE);
}

/* ---- import elision ------------------------------------------------------------------------ */

/* Imports never read or written as values go (a local that shadows one does not count); a
 * declaration left without specifiers goes unless written `import 'm'`; `export { T }` and
 * `export default T` of names with no value declaration go; a module whose module syntax all
 * went keeps `export {};`. */
static const ts_row elision_rows[] = {
    {"import type { T } from \"t\"; import { type U, V } from \"u\"; import { type W } from \"w\"; import type D from \"d\"; V;",
     "import {V} from\"u\";V;"},
    {"import type * as NS from \"ns\"; export type { T } from \"t\"; export { type X } from \"x\"; export * as Q from \"q\"; let a: NS.A;",
     "export* as Q from\"q\";let a;"},
    {"import { a, b, c } from \"m\"; console.log(a);",
     "import {a} from\"m\";console.log(a);"},
    {"import d, * as ns from \"n\"; let t: ns.T; let u: typeof d;",
     "let t;let u;export{};"},
    {"import d, { e } from \"n\"; e();",
     "import {e} from\"n\";e();"},
    {"import {} from \"e\"; import \"side\";",
     "import\"side\";"},
    {"import { a } from \"m\"; function f(a) { return a; }",
     "function f(a){return a;}export{};"},
    {"import { a } from \"m\"; { let a = 1; a; }",
     "{let a=1;a;}export{};"},
    {"import { a } from \"m\"; a = 1;",
     "import {a} from\"m\";a=1;"},
    {"import { a } from \"m\"; export { a };",
     "import {a} from\"m\";export{a};"},
    {"import { a as b } from \"m\"; export { b as c };",
     "import {a as b} from\"m\";export{b as c};"},
    {"interface I {} type X = 1; export { I, X };",
     "export{};"},
    {"const v = 1; interface I {} export { v, I };",
     "const v=1;export{v};"},
    {"interface I {} export default I;",
     "export{};"},
    {"export default globalThis.x;",
     "export default globalThis.x;"},
    {"import { a } from \"m\"; let x: a;",
     "let x;export{};"},
    {"import React from \"react\"; let t = 1;",
     "let t=1;export{};"},
};

static void test_import_elision(void **state) {
  (void)state;
  run_rows(ROWS(elision_rows), JS_GOAL_MODULE);
}

/* verbatim_module_syntax keeps every import; jsx_factory_root keeps the classic factory's import
 * in a file with JSX. */
static void test_options(void **state) {
  (void)state;
  js_ts_options verbatim = {0};
  verbatim.verbatim_module_syntax = true;
  static const ts_row verbatim_rows[] = {
      {"import { a, b } from 'm'; import {} from 'e'; a;", "import {a,b} from\"m\";import\"e\";a;"},
      {"import d, * as ns from 'n';", "import d,* as ns from\"n\";"},
  };
  int bad = 0;
  for (size_t i = 0; i < sizeof verbatim_rows / sizeof *verbatim_rows; i++)
    bad += check_row(&verbatim_rows[i], JS_GOAL_MODULE, &verbatim);

  js_ts_options classic = {0};
  classic.jsx_factory_root = "React";
  js_parse_options po = {0};
  po.goal = JS_GOAL_MODULE;
  po.lang = JS_LANG_TSX;
  static const struct { const char *src, *expected; } jsx_rows[] = {
      {"import React from 'react'; import { X } from 'x'; let a = <div/>;", "import React from\"react\";let a=<div/>;"},
      {"import React from 'react'; let a = 1;", "let a=1;export{};"},
  };
  for (size_t i = 0; i < sizeof jsx_rows / sizeof *jsx_rows; i++) {
    js_ast *a = js_parse(jsx_rows[i].src, strlen(jsx_rows[i].src), &po);
    assert_non_null(a);
    if (a->nerrors) {
      print_error("input: %s\nerror: %s\n", jsx_rows[i].src, a->errors[0].text);
      bad++;
      js_ast_free(a);
      continue;
    }
    assert_int_equal(js_ts_lower(a, &classic), 0);
    js_print_options pr = {0};
    pr.minify = true;
    char *out = js_print(a->program, &pr, NULL);
    if (strcmp(out, jsx_rows[i].expected) != 0) {
      print_error("input:    %s\nexpected: %s\nlowered:  %s\n\n", jsx_rows[i].src, jsx_rows[i].expected, out);
      bad++;
    }
    free(out);
    js_ast_free(a);
  }
  if (bad) fail_msg("%d rows failed", bad);
}

/* ---- erasure and plain code ------------------------------------------------------------------ */

/* What the parser erases stays erased; plain JavaScript passes through unchanged. */
static const ts_row erasure_rows[] = {
    {"abstract class A { abstract m(): void; n() {} }",
     "class A{n(){}}"},
    {"function f(this: Window, a?: number): void {} f<string>(1);",
     "function f(a){}f(1);"},
    {"let x = <any>y as unknown as number; let z = w!;",
     "let x=y;let z=w;"},
    {"class A<T> implements I<T> { private x?: T; declare y: number; static readonly z: string = \"\"; }",
     "class A{x;static z=\"\";}"},
    {"function over(a: string): void; function over(a: number): void; function over(a: any) {}",
     "function over(a){}"},
    {"declare const d: number; declare function g(): void; declare namespace DN { const q: 1 } let z = 1;",
     "let z=1;"},
    {"var x = 1; function f(a, b = x) { return { a, x }; } class C { #p = 1; m() { return this.#p; } }",
     "var x=1;function f(a,b=x){return {a,x};}class C{#p=1;m(){return this.#p;}}"},
};

static void test_erasure(void **state) {
  (void)state;
  run_rows(ROWS(erasure_rows), JS_GOAL_SCRIPT);
}

/* ---- the tree afterwards --------------------------------------------------------------------- */

static bool no_marker(js_node **slot, void *ud) {
  js_node *n = *slot;
  if (n->kind == JS_IDENT && n->u.ident.sym) {
    /* every symbol left on an identifier is one scope analysis made for the input */
    const js_symbol *sym = n->u.ident.sym;
    if (!sym->scope) (*(int *)ud)++;
  }
  return true;
}

/* Identifiers the transform made carry no symbol (sym NULL), and analysing the lowered tree
 * again resolves its references: the namespace parameter N inside the IIFE is a parameter. */
static void test_tree_after(void **state) {
  (void)state;
  const char *src = "namespace N { export const x = 1; export function f() { return x; } } enum E { A }";
  js_parse_options po = {0};
  po.lang = JS_LANG_TS;
  js_ast *a = js_parse(src, strlen(src), &po);
  assert_non_null(a);
  assert_int_equal(a->nerrors, 0);
  assert_int_equal(js_ts_lower(a, NULL), 0);
  int markers = 0;
  js__walk(&a->program, no_marker, &markers);
  assert_int_equal(markers, 0);
  js_scopes *s = js_scope_analyze(a);
  assert_non_null(s);
  js_symbol *n = js_scope_find_own(s->root, (js_str){"N", 1});
  assert_non_null(n);
  assert_int_equal(n->kind, JS_SYM_VAR);
  /* N || (N = {}) reads and writes the var */
  assert_true(n->reads >= 1);
  assert_true(n->writes >= 1);
  js_ast_free(a);
}

/* A plain JavaScript program lowers to itself, and a deep one (the parser's bound) is fine. */
static void test_deep_input(void **state) {
  (void)state;
  size_t depth = 400; /* with the namespace and statement levels, within JS_DEFAULT_MAX_DEPTH */
  char *src = malloc(depth * 2 + 64);
  assert_non_null(src);
  size_t len = (size_t)sprintf(src, "namespace N { export const x = 1; let y = ");
  for (size_t i = 0; i < depth; i++) src[len++] = '[';
  len += (size_t)sprintf(src + len, "x");
  for (size_t i = 0; i < depth; i++) src[len++] = ']';
  len += (size_t)sprintf(src + len, "; }");
  src[len] = 0;
  js_parse_options po = {0};
  po.lang = JS_LANG_TS;
  js_ast *a = js_parse(src, len, &po);
  assert_non_null(a);
  assert_int_equal(a->nerrors, 0);
  assert_int_equal(js_ts_lower(a, NULL), 0);
  char *out = js_print(a->program, &(js_print_options){.minify = true}, NULL);
  assert_non_null(out);
  assert_non_null(strstr(out, "[N.x]"));
  free(out);
  js_ast_free(a);
  free(src);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_enums),          cmocka_unit_test(test_namespaces),
      cmocka_unit_test(test_parameter_properties), cmocka_unit_test(test_import_equals),
      cmocka_unit_test(test_import_elision), cmocka_unit_test(test_options),
      cmocka_unit_test(test_erasure),        cmocka_unit_test(test_tree_after),
      cmocka_unit_test(test_deep_input),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
