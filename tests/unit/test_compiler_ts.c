/* TypeScript parser tests (parse_ts.c and the TypeScript paths of the other parser files):
 * TypeScript in, minified JavaScript out (types are erased while parsing, so the printed program
 * is what is left), trees of the run-time features (enum, namespace, import x = ..., export =,
 * parameter properties, decorators) as dumps, first errors of malformed TypeScript, and the
 * ambiguities TypeScript resolves by looking ahead (arrows, generic calls, casts). Every printed
 * row is also reparsed as JavaScript and must give the same tree. */
#include "test_compiler_util.h"

static js_ast *parse_lang(const char *src, js_lang lang, js_goal goal, const char *filename) {
  js_parse_options o = {0};
  o.goal = goal;
  o.lang = lang;
  o.filename = filename;
  return js_parse(src, strlen(src), &o);
}

/* TS source -> minified JS; the output must parse as JavaScript to the same tree. */
static int check_ts_printed(const char *src, js_lang lang, js_goal goal, const char *expected) {
  js_ast *a = parse_lang(src, lang, goal, NULL);
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
  po.minify = true;
  char *out = js_print(a->program, &po, NULL);
  int bad = 0;
  if (!out || strcmp(out, expected) != 0) {
    print_error("input:    %s\nexpected: %s\nprinted:  %s\n\n", src, expected, out ? out : "(null)");
    bad = 1;
  } else {
    js_ast *b = parse_lang(out, JS_LANG_JS, goal, NULL);
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

static int check_ts_dump(const char *src, js_lang lang, js_goal goal, const char *expected) {
  js_ast *a = parse_lang(src, lang, goal, NULL);
  if (!a) return 1;
  int bad = 0;
  char *d = NULL;
  if (a->nerrors) {
    print_error("input:    %s\nexpected: %s\nerror:    %s\n\n", src, expected, a->errors[0].text);
    bad = 1;
  } else if (js_ast_dump(a->program, &d, NULL) != 0 || strcmp(d, expected) != 0) {
    print_error("input:    %s\nexpected: %s\ndumped:   %s\n\n", src, expected, d ? d : "(null)");
    bad = 1;
  }
  free(d);
  js_ast_free(a);
  return bad;
}

static int check_ts_error(const char *src, js_lang lang, js_goal goal, const char *expected) {
  js_ast *a = parse_lang(src, lang, goal, NULL);
  if (!a) return 1;
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

/* ---- erasure: TypeScript -> JavaScript ------------------------------------------------------ */

static const print_row erase_rows[] = {
  {"let x: number = 1;", "let x=1;"},
  {"let a: string, b: number[] = [], c: Array<Map<string, number>> = new Map();", "let a,b=[],c=new Map();"},
  {"let d!: string;", "let d;"},
  {"const e: readonly string[] = [];", "const e=[];"},
  {"var f: (a: number) => void = g;", "var f=g;"},
  {"let g: new (...args: any[]) => object;", "let g;"},
  {"let h: abstract new () => T;", "let h;"},
  {"let i: typeof globalThis;", "let i;"},
  {"let j: typeof import('fs');", "let j;"},
  {"let k: import('fs').Stats<T>;", "let k;"},
  {"let l: A.B.C<D>;", "let l;"},
  {"let m: [string, number?, ...boolean[]];", "let m;"},
  {"let n: [first: string, second?: number, ...rest: any[]];", "let n;"},
  {"let o: { a: string; b?: number, c(): void; readonly d: 1 };", "let o;"},
  {"let p: { [key: string]: number };", "let p;"},
  {"let q: { (x: number): string; new (x: string): Q };", "let q;"},
  {"let r: { get x(): number; set x(v: number) };", "let r;"},
  {"let s: `prefix-${string}-suffix`;", "let s;"},
  {"let t: -1 | 0n | 'a' | true | null | undefined | void | never | unknown | any;", "let t;"},
  {"let u: keyof T;", "let u;"},
  {"let v: unique symbol;", "let v;"},
  {"let w: T[K][];", "let w;"},
  {"let x2: A | B & C;", "let x2;"},
  {"let y: | A | B;", "let y;"},
  {"let z: & A & B;", "let z;"},
  {"let aa: (A | B)[];", "let aa;"},
  {"let ab: () => () => void;", "let ab;"},
  {"let ac: Array<Array<number>>= [];", "let ac=[];"},
  {"let ad: Map<string, Set<Array<number>>>= new Map();", "let ad=new Map();"},
  {"type A = string;", ""},
  {"type B<T> = T | null;", ""},
  {"type C<T extends object = {}> = { [K in keyof T]: T[K] };", ""},
  {"type D<T> = { readonly [K in keyof T]?: T[K] };", ""},
  {"type E<T> = { -readonly [K in keyof T]-?: T[K] };", ""},
  {"type F<T> = { +readonly [K in keyof T]+?: T[K] };", ""},
  {"type G<T> = { [K in keyof T as `get${Capitalize<K & string>}`]: () => T[K] };", ""},
  {"type H<T> = T extends string ? 'str' : T extends number ? 'num' : never;", ""},
  {"type I<T> = T extends (infer U)[] ? U : T;", ""},
  {"type J<T> = T extends [infer Head extends string, ...infer Tail] ? Head : never;", ""},
  {"type K<T> = T extends { a: infer U extends number } ? U : 0;", ""},
  {"type L = typeof x[number];", ""},
  {"type M = (typeof values)[keyof typeof values];", ""},
  {"type N<in out T> = T;", ""},
  {"type O<const T> = T;", ""},
  {"type P = A extends B ? C extends D ? 1 : 2 : 3;", ""},
  {"type Q = new () => void;", ""},
  {"type R = { new <T>(x: T): R<T> };", ""},
  {"type S = <T>(x: T) => T;", ""},
  {"type U = ((x: number) => void) | null;", ""},
  {"type V = (this: Window, ev: Event) => any;", ""},
  {"type W = ({ a, b }: Props, [c]: Tuple) => void;", ""},
  {"type X = asserts;", ""},
  {"type Y = `a${`b${C}`}`;", ""},
  {"interface I1 {}", ""},
  {"interface I2<T> extends Base<T>, Other { x: number; y?: string; m(): void; n?<U>(u: U): T }", ""},
  {"interface I3 { [key: string]: any; readonly [index: number]: string }", ""},
  {"interface I4 { (x: number): string; new (x: string): I4; method(): void }", ""},
  {"interface I5 { get x(): number; set x(v: number) }", ""},
  {"interface I6 { a: string, b: number }", ""},
  {"interface I7 { a: string\n  b: number }", ""},
  {"interface I8 { [Symbol.iterator](): Iterator<number>; 'quoted': 1; 42: 2 }", ""},
  {"function f1(a: number, b?: string, ...c: boolean[]): void {}", "function f1(a,b,...c){}"},
  {"function f2<T>(x: T): T { return x; }", "function f2(x){return x;}"},
  {"function f3<T extends keyof U, U>(x: T, y: U): U[T] { return y[x]; }", "function f3(x,y){return y[x];}"},
  {"function f4(this: Window, e: Event) {}", "function f4(e){}"},
  {"function f5(x: unknown): x is string { return typeof x === 'string'; }", "function f5(x){return typeof x===\"string\";}"},
  {"function f6(x: unknown): asserts x is string {}", "function f6(x){}"},
  {"function f7(x: unknown): asserts x {}", "function f7(x){}"},
  {"function f8({ a, b }: { a: number; b: string } = { a: 1, b: '' }) {}", "function f8({a,b}={a:1,b:\"\"}){}"},
  {"function f9([a, b]: [number, string]) {}", "function f9([a,b]){}"},
  {"function f10(a?: number, b: string = 'x') {}", "function f10(a,b=\"x\"){}"},
  {"function over(a: string): void;", ""},
  {"function over(a: number): void;", ""},
  {"function over(a: any) {}", "function over(a){}"},
  {"async function af<T>(x: T): Promise<T> { return x; }", "async function af(x){return x;}"},
  {"function* gen<T>(): Generator<T> {}", "function*gen(){}"},
  {"export function ef(a: string): void;", ""},
  {"export function ef(a: any) {}", "export function ef(a){}"},
  {"export default function df(a: string): void;", ""},
  {"export default function df(a: any) {}", "export default function df(a){}"},
  {"const ar1 = (a: number, b: string): void => {};", "const ar1=(a,b)=>{};"},
  {"const ar2 = (a?: number) => a;", "const ar2=(a)=>a;"},
  {"const ar3 = (...args: any[]): number => args.length;", "const ar3=(...args)=>args.length;"},
  {"const ar4 = async (x: string): Promise<void> => {};", "const ar4=async(x)=>{};"},
  {"const ar5 = <T,>(x: T) => x;", "const ar5=(x)=>x;"},
  {"const ar6 = <T extends object>(x: T): T => x;", "const ar6=(x)=>x;"},
  {"const ar7 = async <T>(x: T) => x;", "const ar7=async(x)=>x;"},
  {"const ar8 = ({ a }: { a: number }) => a;", "const ar8=({a})=>a;"},
  {"const ar9 = ([a]: number[]) => a;", "const ar9=([a])=>a;"},
  {"const ar10 = (a = 1, { b }: any = {}) => a + b;", "const ar10=(a=1,{b}={})=>a+b;"},
  {"const ar11 = (): string => 'x';", "const ar11=()=>\"x\";"},
  {"const ar12 = (x): x is number => true;", "const ar12=(x)=>true;"},
  {"const ar13 = (a) => a;", "const ar13=(a)=>a;"},
  {"const ar14 = (a, b) => a + b;", "const ar14=(a,b)=>a+b;"},
  {"const ar15 = async (a, b) => a;", "const ar15=async(a,b)=>a;"},
  {"const fe = function <T>(x: T): T { return x; };", "const fe=function(x){return x;};"},
  {"const c1 = a ? (b) : c => d;", "const c1=a?b:(c)=>d;"},
  {"const c2 = a ? (b): c => d : e;", "const c2=a?(b)=>d:e;"},
  {"const c3 = a ? (b) : (c) : d => e;", "const c3=a?b:(c)=>e;"},
  {"const c4 = a ? b : (c): d => e;", "const c4=a?b:(c)=>e;"},
  {"const c5 = a ? (x) => x : y;", "const c5=a?(x)=>x:y;"},
  {"const c6 = a ? (x: number) => x : (y: number) => y;", "const c6=a?(x)=>x:(y)=>y;"},
  {"f<T>(x);", "f(x);"},
  {"f<T, U>(x, y);", "f(x,y);"},
  {"f<Array<T>>(x);", "f(x);"},
  {"a.b.c<T>(x);", "a.b.c(x);"},
  {"f?.<T>(x);", "f?.(x);"},
  {"new C<T>();", "new C();"},
  {"new C<T>;", "new C();"},
  {"new a.B<T>(1);", "new a.B(1);"},
  {"tag<T>`tpl`;", "tag`tpl`;"},
  {"const inst = f<string>;", "const inst=f;"},
  {"const inst2 = a.b<string>;", "const inst2=a.b;"},
  {"a < b > c;", "a<b>c;"},
  {"a < b > (c);", "a(c);"},
  {"a < b >> c;", "a<b>>c;"},
  {"(a < b) > c;", "a<b>c;"},
  {"f < T > +x;", "f<T>+x;"},
  {"a<b>\nc;", "a;c;"},
  {"x!;", "x;"},
  {"x!.y;", "x.y;"},
  {"x![0];", "x[0];"},
  {"x!();", "x();"},
  {"x.y!.z!;", "x.y.z;"},
  {"a?.b!.c;", "a?.b.c;"},
  {"x! = 1;", "x=1;"},
  {"x!++;", "x++;"},
  {"x as any;", "x;"},
  {"x as unknown as T;", "x;"},
  {"x as const;", "x;"},
  {"[1, 2] as const;", "[1,2];"},
  {"{ let v = { a: 1 } as const; }", "{let v={a:1};}"},
  {"x satisfies T;", "x;"},
  {"(x as any).y;", "x.y;"},
  {"(x satisfies T).y;", "x.y;"},
  {"x as any + 1;", "x+1;"},
  {"a < b as any;", "a<b;"},
  {"(<any>x).y;", "x.y;"},
  {"<T>x;", "x;"},
  {"<any>(<unknown>x);", "x;"},
  {"let sum = <number>a + <number>b;", "let sum=a+b;"},
  {"x = y as any;", "x=y;"},
  {"if (x as boolean) {}", "if(x){}"},
  {"let as = 1; as as any;", "let as=1;as;"},
  {"let satisfies = 2;", "let satisfies=2;"},
  {"class K1 { x: number; y?: string; z!: boolean; w: number = 1; }", "class K1{x;y;z;w=1;}"},
  {"class K2<T> extends Base<T> implements I, J<T> {}", "class K2 extends Base{}"},
  {"class K4 { private x = 1; protected y = 2; public z = 3; readonly w = 4; static readonly v = 5; override u = 6; }", "class K4{x=1;y=2;z=3;w=4;static v=5;u=6;}"},
  {"class K5 { declare x: number; abstract y: string; }", "class K5{}"},
  {"abstract class K6 { abstract m(): void; abstract get p(): number; n() {} }", "class K6{n(){}}"},
  {"class K7 { m(): void; m(x?: any) {} }", "class K7{m(x){}}"},
  {"class K8 { constructor(); constructor(x?: any) {} }", "class K8{constructor(x){}}"},
  {"class K9 { [key: string]: any; static [k: number]: string; }", "class K9{}"},
  {"class K10 { m?(): void; n<T>(x: T): T { return x; } }", "class K10{n(x){return x;}}"},
  {"class K11 { get p(): number { return 1; } set p(v: number) {} }", "class K11{get p(){return 1;}set p(v){}}"},
  {"class K12 { static async *g<T>(): AsyncGenerator<T> {} }", "class K12{static async *g(){}}"},
  {"class K13 { #p?: string; #q!: number; }", "class K13{#p;#q;}"},
  {"class K14 { accessor a = 1; static accessor b: number; }", "class K14{accessor a=1;static accessor b;}"},
  {"class K15 { public static override readonly x = 1; }", "class K15{static x=1;}"},
  {"class K16 { readonly; declare; abstract; public; static; accessor; }", "class K16{readonly;declare;abstract;public;static;accessor;}"},
  {"class K17 { readonly = 1; declare = 2; abstract() {} public() {} }", "class K17{readonly=1;declare=2;abstract(){}public(){}}"},
  {"const K18 = class<T> implements I { x: T; };", "const K18=class{x;};"},
  {"class K19 extends (Base as any) {}", "class K19 extends Base{}"},
  {"class K20 extends mixin(A, B)<T> {}", "class K20 extends mixin(A,B){}"},
  {"@dec class D1 {}", "@dec class D1{}"},
  {"@dec() class D2 {}", "@dec() class D2{}"},
  {"@a.b.c class D3 {}", "@a.b.c class D3{}"},
  {"@a.b(c) class D4 {}", "@a.b(c) class D4{}"},
  {"@(foo[bar]) class D5 {}", "@(foo[bar]) class D5{}"},
  {"@a @b class D6 {}", "@a @b class D6{}"},
  {"export @dec class D7 {}", "export @dec class D7{}"},
  {"@dec export class D8 {}", "export @dec class D8{}"},
  {"export default @dec class D9 {}", "export default @dec class D9{}"},
  {"class D10 { @dec m() {} @dec static s() {} @dec x = 1; @dec accessor y = 2; @dec get g() { return 1; } }", "class D10{@dec m(){}@dec static s(){}@dec x=1;@dec accessor y=2;@dec get g(){return 1;}}"},
  {"class D11 { m(@inject() a: string, @other b) {} }", "class D11{m(a,b){}}"},
  {"const D13 = @dec class {};", "const D13=@dec class{};"},
  {"@dec abstract class D14 {}", "@dec class D14{}"},
  {"declare var dv: number;", ""},
  {"declare let dl: string;", ""},
  {"declare const dc: number;", ""},
  {"declare function dfn(x: number): void;", ""},
  {"declare class DC { m(): void; x: number; }", ""},
  {"declare abstract class DAC {}", ""},
  {"declare enum DE { A }", ""},
  {"declare const enum DCE { A }", ""},
  {"declare namespace DN { let x: number; }", ""},
  {"declare module DM { export function f(): void; }", ""},
  {"declare module 'dm' { export default function f(): void; }", ""},
  {"declare module 'dm2';", ""},
  {"declare global { interface Window { x: number } }", ""},
  {"export declare const edc: number;", ""},
  {"export declare function edf(): void;", ""},
  {"export interface EI {}", ""},
  {"export type ET = string;", ""},
  {"export default interface EDI {}", ""},
  {"export abstract class EAC {}", "export class EAC{}"},
  {"export default abstract class {}", "export default class{}"},
  {"import type { T1 } from 'mod';", ""},
  {"import type T2 from 'mod';", ""},
  {"import type * as T3 from 'mod';", ""},
  {"import { type T4, V4 } from 'mod';", "import {V4} from\"mod\";"},
  {"import { type T5 } from 'mod';", ""},
  {"import V6, { type T6 } from 'mod';", "import V6 from\"mod\";"},
  {"import { type as } from 'mod';", ""},
  {"import { type as as } from 'mod';", "import {type as as} from\"mod\";"},
  {"import { type as as as } from 'mod';", ""},
  {"import { type } from 'mod';", "import {type} from\"mod\";"},
  {"import type from 'mod';", "import type from\"mod\";"},
  {"import type, { t } from 'mod';", "import type,{t} from\"mod\";"},
  {"export type { T1 };", ""},
  {"export type { T1 as T7 } from 'mod';", ""},
  {"export type * from 'mod';", ""},
  {"export type * as ns from 'mod';", ""},
  {"let V4; export { type T1 as T8, V4 };", "let V4;export{V4};"},
  {"export { type T2 };", ""},
  {"import type T9 = require('mod');", ""},
  {"export as namespace UMD;", ""},
  {"let declare2 = 1, abstract2 = 2, type2 = 3, namespace2 = 4, module2 = 5;", "let declare2=1,abstract2=2,type2=3,namespace2=4,module2=5;"},
  {"declare2 = abstract2;", "declare2=abstract2;"},
  {"type\nx = 1;", "type;x=1;"},
  {"abstract\nclass Later {}", "abstract;class Later{}"},
  {"declare\nconst later = 1;", "declare;const later=1;"},
};

static void test_erasure(void **state) {
  (void)state;
  int bad = 0;
  for (size_t i = 0; i < sizeof erase_rows / sizeof *erase_rows; i++)
    bad += check_ts_printed(erase_rows[i].src, JS_LANG_TS, JS_GOAL_MODULE, erase_rows[i].expected);
  if (bad) fail_msg("%d of %zu rows failed", bad, sizeof erase_rows / sizeof *erase_rows);
}

/* .tsx: `<T,>` and `<T extends U>` are generic arrows, `<T>expr` is JSX, not a cast. */
static const print_row tsx_rows[] = {
  {"let a = <T,>(x: T) => x;", "let a=(x)=>x;"},
  {"let a = <T extends object>(x: T): T => x;", "let a=(x)=>x;"},
  {"let a = <const T,>(x: T) => x;", "let a=(x)=>x;"},
  {"let a = async <T,>(x: T) => x;", "let a=async(x)=>x;"},
  {"let a = (x: number): string => `${x}`;", "let a=(x)=>`${x}`;"},
  {"f<T>(x); y as any; z!;", "f(x);y;z;"},
};

static void test_tsx(void **state) {
  (void)state;
  int bad = 0;
  for (size_t i = 0; i < sizeof tsx_rows / sizeof *tsx_rows; i++)
    bad += check_ts_printed(tsx_rows[i].src, JS_LANG_TSX, JS_GOAL_MODULE, tsx_rows[i].expected);
  if (bad) fail_msg("%d rows failed", bad);
}

static const print_row script_rows[] = {
  /* erasure does not need the module goal; `declare` and overloads work in scripts too */
  {"var x: number = 1; declare var y: string; function f(a: string): void; function f(a) {}", "var x=1;function f(a){}"},
  {"function g(this: Window) { let yield: number = 1; }", "function g(){let yield=1;}"},
};

static void test_script_goal(void **state) {
  (void)state;
  int bad = 0;
  for (size_t i = 0; i < sizeof script_rows / sizeof *script_rows; i++)
    bad += check_ts_printed(script_rows[i].src, JS_LANG_TS, JS_GOAL_SCRIPT, script_rows[i].expected);
  bad += check_ts_dump("import fs = require('fs'); export = fs;", JS_LANG_TS, JS_GOAL_SCRIPT,
                       "(Program [(TSImportEquals (Identifier fs) (String \"fs\")) (TSExportAssign (Identifier fs))])");
  bad += check_ts_dump("namespace N { export var a = 1; }", JS_LANG_TS, JS_GOAL_SCRIPT,
                       "(Program [(TSNamespace (Identifier N) [(ExportNamed [] (VariableDeclaration var [(Declarator (Identifier a) (Number 1))]) _)])])");
  if (bad) fail_msg("%d rows failed", bad);
}

/* ---- run-time features: the nodes the lowering receives ----------------------------------- */

static const print_row dump_rows[] = {
  {"enum E { A, B = 2, 'c d', ['e'] = 'x' }",
   "(Program [(TSEnum (Identifier E) [(TSEnumMember (Identifier A) _) (TSEnumMember (Identifier B) (Number 2)) (TSEnumMember (String \"c d\") _) (TSEnumMember (String \"e\") (String \"x\"))])])"},
  {"const enum F { X = 1 << 2, Y = X | 1 }",
   "(Program [(TSEnum const (Identifier F) [(TSEnumMember (Identifier X) (Binary << (Number 1) (Number 2))) (TSEnumMember (Identifier Y) (Binary | (Identifier X) (Number 1)))])])"},
  {"export enum G { A }",
   "(Program [(ExportNamed [] (TSEnum (Identifier G) [(TSEnumMember (Identifier A) _)]) _)])"},
  {"export const enum H { A }",
   "(Program [(ExportNamed [] (TSEnum const (Identifier H) [(TSEnumMember (Identifier A) _)]) _)])"},
  {"namespace N { export const x = 1; function f() {} }",
   "(Program [(TSNamespace (Identifier N) [(ExportNamed [] (VariableDeclaration const [(Declarator (Identifier x) (Number 1))]) _) (FunctionDeclaration (Identifier f) [] (Block []))])])"},
  {"namespace A.B.C { export let y = 2; }",
   "(Program [(TSNamespace (Identifier A) [(ExportNamed [] (TSNamespace (Identifier B) [(ExportNamed [] (TSNamespace (Identifier C) [(ExportNamed [] (VariableDeclaration let [(Declarator (Identifier y) (Number 2))]) _)]) _)]) _)])])"},
  {"export namespace P { }",
   "(Program [(ExportNamed [] (TSNamespace (Identifier P) []) _)])"},
  {"module M { export class K {} }",
   "(Program [(TSNamespace (Identifier M) [(ExportNamed [] (ClassDeclaration (Identifier K) _ []) _)])])"},
  {"namespace T { interface I {} type U = 1; }",
   "(Program [(TSNamespace (Identifier T) [])])"},
  {"import fs = require('fs');",
   "(Program [(TSImportEquals (Identifier fs) (String \"fs\"))])"},
  {"import alias = A.B.C;",
   "(Program [(TSImportEquals (Identifier alias) (Member (Member (Identifier A) (Identifier B)) (Identifier C)))])"},
  {"export import ex = N.x;",
   "(Program [(TSImportEquals export (Identifier ex) (Member (Identifier N) (Identifier x)))])"},
  {"export = fs;",
   "(Program [(TSExportAssign (Identifier fs))])"},
  {"class K3 { constructor(public a: number, protected b: string, private c?: boolean, readonly d = 1) {} }",
   "(Program [(ClassDeclaration (Identifier K3) _ [(Method constructor (Identifier constructor) (Function _ [(Identifier param-prop a) (Identifier param-prop b) (Identifier param-prop c) (AssignPattern param-prop (Identifier d) (Number 1))] (Block [])))])])"},
  {"class D12 { constructor(@inject private readonly svc: Service, @other plain) {} }",
   "(Program [(ClassDeclaration (Identifier D12) _ [(Method constructor (Identifier constructor) (Function _ [(Identifier param-prop svc) (Identifier plain)] (Block [])))])])"},
  {"class K { constructor(public a, private readonly b = 1, c) {} }",
   "(Program [(ClassDeclaration (Identifier K) _ [(Method constructor (Identifier constructor) (Function _ [(Identifier param-prop a) (AssignPattern param-prop (Identifier b) (Number 1)) (Identifier c)] (Block [])))])])"},
  {"@dec class D { @a m() {} @b x; @c accessor y = 1; }",
   "(Program [(ClassDeclaration @[(Decorator (Identifier dec))] (Identifier D) _ [(Method @[(Decorator (Identifier a))] (Identifier m) (Function _ [] (Block []))) (Field @[(Decorator (Identifier b))] (Identifier x) _) (Field accessor @[(Decorator (Identifier c))] (Identifier y) (Number 1))])])"},
};

static void test_runtime_nodes(void **state) {
  (void)state;
  int bad = 0;
  for (size_t i = 0; i < sizeof dump_rows / sizeof *dump_rows; i++)
    bad += check_ts_dump(dump_rows[i].src, JS_LANG_TS, JS_GOAL_MODULE, dump_rows[i].expected);
  if (bad) fail_msg("%d rows failed", bad);
}

/* ---- errors -------------------------------------------------------------------------------- */

static const error_row error_rows[] = {
  {"let x: = 1;", "1:8: Unexpected token '='"},
  {"function f(a: ) {}", "1:15: Unexpected token ')'"},
  {"let x: number[;", "1:15: Unexpected token ';'"},
  {"interface I { x: number", "1:24: Unexpected end of input"},
  {"enum E { 1 = 2 }", "1:10: An enum member cannot have a numeric name."},
  {"enum E { [x] = 1 }", "1:11: Computed property names are not allowed in enums."},
  {"function f(public x) {}", "1:12: A parameter property is only allowed in a constructor implementation."},
  {"class A { constructor(private {x}) {} }", "1:23: A parameter property may not be declared using a binding pattern."},
  {"const f = (this: T) => 1;", "1:12: An arrow function cannot have a 'this' parameter."},
  {"function f(a, this: T) {}", "1:15: A 'this' parameter must be the first parameter."},
  {"@dec const x = 1;", "1:6: Decorators are not valid here."},
  {"@dec export const x = 1;", "1:6: Decorators are not valid here."},
  {"class A { @dec static {} }", "1:11: Decorators are not valid here."},
  {"type T = ;", "1:10: Unexpected token ';'"},
  {"let x: A<>;", "1:10: Type argument list cannot be empty."},
  {"function f<>() {}", "1:12: Type parameter list cannot be empty."},
  {"x as;", "1:5: Unexpected token ';'"},
  {"class A implements {}", "1:20: Unexpected token '{'"},
  {"namespace N { return; }", "1:15: Illegal return statement"},
  {"import x = ;", "1:12: Unexpected token ';'"},
  {"let x: { a: string b: number };", "1:20: Unexpected identifier 'b'"},
  {"enum E { A B }", "1:12: Unexpected identifier 'B'"},
  {"class A { x: number y: string }", "1:21: Unexpected identifier 'y'"},
  {"const x = <T>(y", "1:16: Unexpected end of input"},
  {"@ class A {}", "1:3: Unexpected token 'class'"},
  {"@dec export @dec class A {}", "1:6: Decorators are not valid here."},
  {"let x: typeof 1;", "1:15: Unexpected number"},
  {"let x = a ? (b: number) : c;", "1:15: Unexpected token ':'"},
  {"import type { A }, B from \"x\";", "1:18: Unexpected token ','"},
  {"export type { A } from;", "1:23: Unexpected token ';'"},
  {"interface I extends {}", "1:21: Unexpected token '{'"},
  {"function f(...a: number[], b) {}", "1:26: Rest parameter must be last formal parameter"},
  {"let v: Foo<string", "1:18: Unexpected end of input"},
  {"class C { m<T(x) {} }", "1:14: Unexpected token '('"},
  {"let x: import(y);", "1:15: Unexpected identifier 'y'"},
  {"enum {}", "1:6: Unexpected token '{'"},
  {"declare const enum E { A = }", "1:28: Unexpected token '}'"},
  {"declare module \"m\" { return; }", "1:22: Illegal return statement"},
};

static void test_errors(void **state) {
  (void)state;
  int bad = 0;
  for (size_t i = 0; i < sizeof error_rows / sizeof *error_rows; i++)
    bad += check_ts_error(error_rows[i].src, JS_LANG_TS, JS_GOAL_MODULE, error_rows[i].expected);
  /* the same TypeScript is not JavaScript */
  bad += check_ts_error("let x: number = 1;", JS_LANG_JS, JS_GOAL_MODULE, "1:6: Unexpected token ':'");
  bad += check_ts_error("enum E {}", JS_LANG_JS, JS_GOAL_MODULE, "1:1: Unexpected token 'enum'");
  bad += check_ts_error("x!;", JS_LANG_JS, JS_GOAL_MODULE, "1:2: Unexpected token '!'");
  bad += check_ts_error("function f(): void {}", JS_LANG_JS, JS_GOAL_MODULE, "1:13: Unexpected token ':'");
  /* in .tsx, `<T>(x) => x` is a JSX element */
  bad += check_ts_error("let a = <T>(x) => x;", JS_LANG_TSX, JS_GOAL_MODULE,
                        "1:17: Unexpected token. Did you mean `{'>'}` or `&gt;`?");
  if (bad) fail_msg("%d rows failed", bad);
}

/* ---- JavaScript keeps decorators ----------------------------------------------------------- */

static const print_row js_decorator_rows[] = {
  {"@dec class A { @dec m() {} @dec accessor x = 1; }", "@dec class A{@dec m(){}@dec accessor x=1;}"},
  {"export default @a.b(c) class {}", "export default @a.b(c) class{}"},
  {"let c = @(d[0]) class {};", "let c=@(d[0]) class{};"},
  {"class A { accessor\nx; accessor = 1; }", "class A{accessor;x;accessor=1;}"},
  /* a computed key that is itself a computed member keeps both */
  {"({[x['a']]: 1}); class B { [y['b']] = 1; [z[0]]() {} }", "({[x[\"a\"]]:1});class B{[y[\"b\"]]=1;[z[0]](){}}"},
};

static void test_js_decorators(void **state) {
  (void)state;
  int bad = 0;
  for (size_t i = 0; i < sizeof js_decorator_rows / sizeof *js_decorator_rows; i++)
    bad += check_ts_printed(js_decorator_rows[i].src, JS_LANG_JS, JS_GOAL_MODULE, js_decorator_rows[i].expected);
  bad += check_ts_error("@dec function f() {}", JS_LANG_JS, JS_GOAL_MODULE, "1:6: Decorators are not valid here.");
  bad += check_ts_error("class A { m(@dec x) {} }", JS_LANG_JS, JS_GOAL_MODULE, "1:13: Unexpected token '@'");
  if (bad) fail_msg("%d rows failed", bad);
}

/* ---- program flags, declaration files, bounds ------------------------------------------------ */

static void test_program_flag(void **state) {
  (void)state;
  js_ast *a = parse_lang("let x = 1;", JS_LANG_TS, JS_GOAL_MODULE, NULL);
  assert_non_null(a->program);
  assert_true(a->program->flags & JS_NF_TYPESCRIPT);
  js_ast_free(a);
  a = parse_lang("let x = 1;", JS_LANG_JS, JS_GOAL_MODULE, NULL);
  assert_false(a->program->flags & JS_NF_TYPESCRIPT);
  js_ast_free(a);
}

static void test_declaration_file(void **state) {
  (void)state;
  /* a .d.ts file is ambient: no initializers or bodies needed, nothing is left */
  const char *src = "export const x: number;\nexport function f(): void;\nexport class C { m(): void }\n"
                    "export default interface I {}\ndeclare namespace N { const y: string; }";
  js_ast *a = parse_lang(src, JS_LANG_TS, JS_GOAL_MODULE, "lib.d.ts");
  assert_int_equal(a->nerrors, 0);
  char *out = js_print(a->program, &(js_print_options){.minify = true}, NULL);
  assert_string_equal(out, "");
  free(out);
  js_ast_free(a);
  /* the same text in a .ts file needs its const initializer */
  a = parse_lang(src, JS_LANG_TS, JS_GOAL_MODULE, "lib.ts");
  assert_true(a->nerrors > 0);
  assert_string_equal(a->errors[0].message, "Missing initializer in const declaration");
  js_ast_free(a);
}

static void test_deep_types_are_bounded(void **state) {
  (void)state;
  enum { N = 100000 };
  static const char *const pieces[][2] = {{"Array<", ">"}, {"(", ")"}, {"{a:", "}"}, {"[", "]"}, {"keyof ", ""}};
  for (size_t k = 0; k < sizeof pieces / sizeof *pieces; k++) {
    size_t ol = strlen(pieces[k][0]), cl = strlen(pieces[k][1]);
    char *src = malloc(N * (ol + cl) + 32);
    size_t n = 0;
    memcpy(src + n, "let x: ", 7), n += 7;
    for (int i = 0; i < N; i++) memcpy(src + n, pieces[k][0], ol), n += ol;
    src[n++] = 'T';
    for (int i = 0; i < N; i++) memcpy(src + n, pieces[k][1], cl), n += cl;
    src[n++] = ';';
    src[n] = 0;
    js_ast *a = parse_lang(src, JS_LANG_TS, JS_GOAL_MODULE, NULL);
    assert_non_null(a);
    assert_true(a->nerrors > 0);
    assert_string_equal(a->errors[0].message, "Maximum nesting depth exceeded");
    js_ast_free(a);
    free(src);
  }
}

/* Nested parentheses that are not arrows are guessed at once each: this input would take
 * exponential time without the parser's memory of failed guesses. */
static void test_nested_parens_are_linear(void **state) {
  (void)state;
  enum { N = 150 };
  char *src = malloc(N * 11 + 16);
  size_t n = 0;
  for (int i = 0; i < N; i++) memcpy(src + n, "(a, (b = ", 9), n += 9;
  src[n++] = '1';
  for (int i = 0; i < N; i++) memcpy(src + n, "))", 2), n += 2;
  src[n++] = ';';
  src[n] = 0;
  js_ast *a = parse_lang(src, JS_LANG_TS, JS_GOAL_MODULE, NULL);
  assert_int_equal(a->nerrors, 0);
  js_ast_free(a);
  free(src);
}

/* Every prefix of a TypeScript program is an error or a program, never a crash. */
static void test_prefixes(void **state) {
  (void)state;
  static const char src[] =
    "@dec export abstract class A<T extends object = {}> extends B<T> implements C {\n"
    "  constructor(private readonly x?: number, @inject y: string = '') { super(); }\n"
    "  m<U>(a: U, ...r: U[]): asserts a is U; m(a) { return <any>a as const satisfies T; }\n"
    "  [k: string]: any; declare z: Map<string, Array<[a: 1, b?: 2]>>;\n"
    "}\nenum E { A = 1, 'b' }\nnamespace N.M { export type X = { [K in keyof T]-?: `a${K}` }; }\n"
    "import q = require('q'); export = q; let f = async <T,>(x: T): Promise<T> => x!;\n";
  size_t len = strlen(src);
  for (size_t i = 0; i <= len; i++) {
    js_parse_options o = {.goal = JS_GOAL_MODULE, .lang = JS_LANG_TS};
    js_ast *a = js_parse(src, i, &o);
    assert_non_null(a);
    assert_true((a->program == NULL) == (a->nerrors > 0));
    js_ast_free(a);
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_erasure),
    cmocka_unit_test(test_tsx),
    cmocka_unit_test(test_script_goal),
    cmocka_unit_test(test_runtime_nodes),
    cmocka_unit_test(test_errors),
    cmocka_unit_test(test_js_decorators),
    cmocka_unit_test(test_program_flag),
    cmocka_unit_test(test_declaration_file),
    cmocka_unit_test(test_deep_types_are_bounded),
    cmocka_unit_test(test_nested_parens_are_linear),
    cmocka_unit_test(test_prefixes),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
