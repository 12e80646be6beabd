/* Parser tests, table-driven: each row is `input -> printed output` (minified, so the row shows
 * the exact token sequence the tree prints as) and also checks that the output parses back to the
 * same tree. Rows cover every construct of ES2025 the parser takes, ASI, the cover grammar,
 * numeric and string literal values, and the module forms; more specific tests check tree shapes,
 * locations and the API's behaviour. */
#include "test_compiler_util.h"

/* Generated from the parser's own output and reviewed by hand, row by row. */
static const print_row script_rows[] = {
  {"0", "0;"},
  {"1_000_000", "1000000;"},
  {"0x1F", "31;"},
  {"0o17", "15;"},
  {"0b101", "5;"},
  {"017", "15;"},
  {"08", "8;"},
  {"09.5", "9.5;"},
  {".5", "0.5;"},
  {"5.", "5;"},
  {"1e3", "1000;"},
  {"1e21", "1e21;"},
  {"1e-7", "1e-7;"},
  {"0.000001", "1e-6;"},
  {"123e-20", "1.23e-18;"},
  {"2e308", "1e999;"},
  {"0xFFFFFFFFFFFFFFFFF", "2.9514790517935283e20;"},
  {"10n", "10n;"},
  {"0x1Fn", "0x1Fn;"},
  {"1_0n", "10n;"},
  {"'a'", "'a';"},
  {"\"it's\"", "\"it's\";"},
  {"'say \"hi\"'", "'say \"hi\"';"},
  {"\"\\x41\\u0042\\u{43}\"", "\"\\x41\\u0042\\u{43}\";"},
  {"\"\\n\\t\\r\\b\\f\\v\"", "\"\\n\\t\\r\\b\\f\\v\";"},
  {"\"\\u2028\\u2029\"", "\"\\u2028\\u2029\";"},
  {"\"\\0\"", "\"\\0\";"},
  {"'\\08'", "'\\08';"},
  {"\"\\101\"", "\"\\101\";"},
  {"\"\\uD83D\\uDE00\"", "\"\\uD83D\\uDE00\";"},
  {"\"\\uD800\"", "\"\\uD800\";"},
  {"\"\\q\\'\"", "\"\\q\\'\";"},
  {"`a${b}c`", "`a${b}c`;"},
  {"`a${`b${c}`}`", "`a${`b${c}`}`;"},
  {"tag`\\u{`", "tag`\\u{`;"},
  {"tag`a${b}\\x`", "tag`a${b}\\x`;"},
  {"/a/g", "/a/g;"},
  {"/[/]/", "/[/]/;"},
  {"x = a / b / c", "x=a/b/c;"},
  {"x = /(?<x>a)\\k<x>/v", "x=/(?<x>a)\\k<x>/v;"},
  {"\\u0061bc", "abc;"},
  {"var \\u{62}", "var b;"},
  {"var ℮ = 1", "var ℮=1;"},
  {"var $_a1", "var $_a1;"},
  {"a + b * c", "a+b*c;"},
  {"(a + b) * c", "(a+b)*c;"},
  {"a * (b + c)", "a*(b+c);"},
  {"a - (b - c)", "a-(b-c);"},
  {"(a - b) - c", "a-b-c;"},
  {"a ** b ** c", "a**b**c;"},
  {"(a ** b) ** c", "(a**b)**c;"},
  {"(-a) ** b", "(-a)**b;"},
  {"a ** -b", "a**-b;"},
  {"a ?\? b ?\? c", "a?\?b?\?c;"},
  {"(a || b) ?\? c", "(a||b)?\?c;"},
  {"a || (b ?\? c)", "a||(b?\?c);"},
  {"(a ?\? b) && c", "(a?\?b)&&c;"},
  {"a && b || c", "a&&b||c;"},
  {"a && (b || c)", "a&&(b||c);"},
  {"!a instanceof b", "!a instanceof b;"},
  {"!(a instanceof b)", "!(a instanceof b);"},
  {"typeof a === \"x\"", "typeof a===\"x\";"},
  {"a = b = c", "a=b=c;"},
  {"a ? b : c ? d : e", "a?b:c?d:e;"},
  {"(a ? b : c) ? d : e", "(a?b:c)?d:e;"},
  {"a ? (b, c) : d", "a?(b,c):d;"},
  {"(a, b) ? c : d", "(a,b)?c:d;"},
  {"x = (a, b)", "x=(a,b);"},
  {"(a, b), c", "(a,b),c;"},
  {"a, (b, c)", "a,(b,c);"},
  {"- -a", "- -a;"},
  {"-(-a)", "- -a;"},
  {"+ +a", "+ +a;"},
  {"- --a", "- --a;"},
  {"+(+a)", "+ +a;"},
  {"typeof typeof a", "typeof typeof a;"},
  {"void 0", "void 0;"},
  {"delete a.b", "delete a.b;"},
  {"!(a, b)", "!(a,b);"},
  {"a++", "a++;"},
  {"--a", "--a;"},
  {"a.b++", "a.b++;"},
  {"++a[b]", "++a[b];"},
  {"a++ + ++b", "a++ + ++b;"},
  {"a-- - --b", "a-- - --b;"},
  {"a.b.c", "a.b.c;"},
  {"a[b][c]", "a[b][c];"},
  {"a.b()", "a.b();"},
  {"a()()", "a()();"},
  {"new A", "new A();"},
  {"new A()", "new A();"},
  {"new A.B()", "new A.B();"},
  {"new (A())()", "new (A())();"},
  {"new (A().B)()", "new (A()).B();"},
  {"new new A()()", "new new A()();"},
  {"(new A).b", "new A().b;"},
  {"new A().b", "new A().b;"},
  {"new (a.b())", "new (a.b())();"},
  {"a?.b", "a?.b;"},
  {"a?.[b]", "a?.[b];"},
  {"a?.()", "a?.();"},
  {"a?.b.c()", "a?.b.c();"},
  {"(a?.b).c", "(a?.b).c;"},
  {"(a?.b)()", "(a?.b)();"},
  {"new (a?.b)()", "new (a?.b)();"},
  {"a?.b?.[c]?.(d)", "a?.b?.[c]?.(d);"},
  {"import(\"x\")", "import(\"x\");"},
  {"import(\"x\", {with: {type: \"json\"}})", "import(\"x\",{with:{type:\"json\"}});"},
  {"[]", "[];"},
  {"[,]", "[,];"},
  {"[1,,2]", "[1,,2];"},
  {"[1,]", "[1];"},
  {"[, ...a]", "[,...a];"},
  {"[...a, ...b]", "[...a,...b];"},
  {"({})", "({});"},
  {"({a, b: c, [d]: e, ...f})", "({a,b:c,[d]:e,...f});"},
  {"({\"a-b\": 1, 1: 2, 1.5: 3, 0x10: 4})", "({\"a-b\":1,1:2,1.5:3,16:4});"},
  {"({__proto__: a})", "({__proto__:a});"},
  {"({async: 1, get: 2, set: 3, static: 4})", "({async:1,get:2,set:3,static:4});"},
  {"({async(){}, get(){}, set(){}})", "({async(){},get(){},set(){}});"},
  {"({async *a(){}, *b(){}, async c(){}})", "({async *a(){},*b(){},async c(){}});"},
  {"({get a(){ return 1 }, set a(v){}})", "({get a(){return 1;},set a(v){}});"},
  {"({[a + b]: c})", "({[a+b]:c});"},
  {"({\"__proto__\": 1, [\"__proto__\"]: 2})", "({\"__proto__\":1,[\"__proto__\"]:2});"},
  {"({a = 1} = b)", "({a=1}=b);"},
  {"({a: {b}} = c)", "({a:{b}}=c);"},
  {"({...a} = b)", "({...a}=b);"},
  {"[a, b] = [b, a]", "[a,b]=[b,a];"},
  {"[a.b, c[d]] = e", "[a.b,c[d]]=e;"},
  {"[...a] = b", "[...a]=b;"},
  {"[a = 1, [b] = c] = d", "[a=1,[b]=c]=d;"},
  {"function f(a, b = 1, ...c) { return a }", "function f(a,b=1,...c){return a;}"},
  {"function f({a, b: [c]}, [d = 1]) {}", "function f({a,b:[c]},[d=1]){}"},
  {"function* g() { yield; yield a; yield* b; yield (a, b) }", "function*g(){yield;yield a;yield*b;yield(a,b);}"},
  {"async function f() { await a; await (a, b); }", "async function f(){await a;await (a,b);}"},
  {"async function* f() { for await (const x of y) yield x; }", "async function*f(){for await(const x of y)yield x;}"},
  {"(function () {})", "(function(){});"},
  {"(function named() {})", "(function named(){});"},
  {"(async function () {})", "(async function(){});"},
  {"(function* () {})", "(function*(){});"},
  {"x = function () {}", "x=function(){};"},
  {"x = async function* g() {}", "x=async function*g(){};"},
  {"(x) => x", "(x)=>x;"},
  {"() => {}", "()=>{};"},
  {"() => ({})", "()=>({});"},
  {"() => ({}).x", "()=>({}).x;"},
  {"(a, b) => a + b", "(a,b)=>a+b;"},
  {"async x => await x", "async(x)=>await x;"},
  {"async (x) => x", "async(x)=>x;"},
  {"async () => {}", "async()=>{};"},
  {"(a = 1, {b}, [c], ...d) => 0", "(a=1,{b},[c],...d)=>0;"},
  {"() => () => 0", "()=>()=>0;"},
  {"x => (y, z)", "(x)=>(y,z);"},
  {"a = () => {}", "a=()=>{};"},
  {"(() => {})()", "(()=>{})();"},
  {"(async () => {})()", "(async()=>{})();"},
  {"a ? () => b : c", "a?()=>b:c;"},
  {"() => ({a} = b)", "()=>({a}=b);"},
  {"() => { return 1 }", "()=>{return 1;};"},
  {"async()", "async();"},
  {"async(a, b)", "async(a,b);"},
  {"async.x", "async.x;"},
  {"(async)", "async;"},
  {"class A {}", "class A{}"},
  {"class A extends B {}", "class A extends B{}"},
  {"class A extends (B, C) {}", "class A extends (B,C){}"},
  {"class A extends f() {}", "class A extends f(){}"},
  {"(class {})", "(class{});"},
  {"(class extends B {})", "(class extends B{});"},
  {"class A { static x = 1; y; z = 2; #p; #q = 3; static #r }", "class A{static x=1;y;z=2;#p;#q=3;static #r;}"},
  {"class A { get a() {} set a(v) {} static get b() {} }", "class A{get a(){}set a(v){}static get b(){}}"},
  {"class A { async m() {} *g() {} async *ag() {} static async *s() {} }", "class A{async m(){}*g(){}async *ag(){}static async *s(){}}"},
  {"class A { [a]() {} [b] = 1; \"c\"() {} 1() {} }", "class A{[a](){}[b]=1;\"c\"(){}1(){}}"},
  {"class A { static { this.x = 1; } }", "class A{static{this.x=1;}}"},
  {"class A { #a; m() { return #a in this && this.#a; } }", "class A{#a;m(){return #a in this&&this.#a;}}"},
  {"class A { get; set; static; async; }", "class A{get;set;static;async;}"},
  {"class A { 'constructor'() {} }", "class A{\"constructor\"(){}}"},
  {"class A { static constructor() {} }", "class A{static constructor(){}}"},
  {"a = `x${b}y${`z`}`", "a=`x${b}y${`z`}`;"},
  {"f`a${b}c`", "f`a${b}c`;"},
  {"a.b`c`", "a.b`c`;"},
  {"new A`x`", "new A`x`();"},
  {"a?.b.c", "a?.b.c;"},
  {"x = a in b", "x=a in b;"},
  {"x = {a: b in c}", "x={a:b in c};"},
  {"for (var i = 0; i < n; i++) {}", "for(var i=0;i<n;i++){}"},
  {"for (;;) {}", "for(;;){}"},
  {"for (x of y) {}", "for(x of y){}"},
  {"for (x in y) {}", "for(x in y){}"},
  {"for (let [a, b] of c) {}", "for(let [a,b] of c){}"},
  {"for (const {a} in b) {}", "for(const {a} in b){}"},
  {"for (var x = 1 in y) {}", "for(var x=1 in y){}"},
  {"for (a.b of c) {}", "for(a.b of c){}"},
  {"for ([a, b] of c) {}", "for([a,b] of c){}"},
  {"for ({a} of b) {}", "for({a} of b){}"},
  {"for (var i = (a in b); ;);", "for(var i=(a in b);;);"},
  {"for ((a in b); ;);", "for((a in b);;);"},
  {"for (var i = 0, j = (a in b); ;);", "for(var i=0,j=(a in b);;);"},
  {"for (x = () => (a in b); ;);", "for(x=()=>(a in b);;);"},
  {"for (let in x);", "for((let) in x);"},
  {"for ((let) of x);", "for((let) of x);"},
  {"for ((let).a of x);", "for((let).a of x);"},
  {"for ((async) of x);", "for((async) of x);"},
  {"for (async of => 1; ;);", "for(async(of)=>1;;);"},
  {"for (let.a in x);", "for((let).a in x);"},
  {"while (a) b();", "while(a)b();"},
  {"do a(); while (b)", "do a();while(b);"},
  {"do { a() } while (b) c()", "do{a();}while(b);c();"},
  {"if (a) b(); else c();", "if(a)b();else c();"},
  {"if (a) { b() } else if (c) { d() } else { e() }", "if(a){b();}else if(c){d();}else{e();}"},
  {"if (a) function f() {}", "if(a)function f(){}"},
  {"label: for (;;) { continue label; }", "label:for(;;){continue label;}"},
  {"a: b: while (1) break a;", "a:b:while(1)break a;"},
  {"a: { break a; }", "a:{break a;}"},
  {"switch (a) { case 1: b(); break; case 2: default: c(); }", "switch(a){case 1:b();break;case 2:default:c();}"},
  {"switch (a) {}", "switch(a){}"},
  {"try { a() } catch (e) { b() } finally { c() }", "try{a();}catch(e){b();}finally{c();}"},
  {"try {} catch {}", "try{}catch{}"},
  {"try {} catch ({a, b}) {}", "try{}catch({a,b}){}"},
  {"try {} finally {}", "try{}finally{}"},
  {"throw new Error(\"x\")", "throw new Error(\"x\");"},
  {"with (a) b", "with(a)b;"},
  {"debugger", "debugger;"},
  {";", ";"},
  {"{}", "{}"},
  {"{ let a; }", "{let a;}"},
  {"var a, b = 1, [c] = d, {e} = f", "var a,b=1,[c]=d,{e}=f;"},
  {"let a = 1, b", "let a=1,b;"},
  {"const a = 1", "const a=1;"},
  {"\"use strict\"; a", "\"use strict\";a;"},
  {"'use strict'", "'use strict';"},
  {"(\"use strict\")", "(\"use strict\");"},
  {"a; \"not a directive\"", "a;(\"not a directive\");"},
  {"\"a\"; \"b\"; c", "\"a\";\"b\";c;"},
  {"let = 1", "(let)=1;"},
  {"let.a = 1", "(let).a=1;"},
  {"var let = 1", "var let=1;"},
  {"var yield, await, async, of, get, set, static, as, from, target, meta", "var yield,await,async,of,get,set,static,as,from,target,meta;"},
  {"yield = 1", "yield=1;"},
  {"await = 1", "await=1;"},
  {"function f(yield) {}", "function f(yield){}"},
  {"arguments = 1", "arguments=1;"},
  {"eval = 1", "eval=1;"},
  {"var o = { if: 1, class: 2, new: 3 }", "var o={if:1,class:2,new:3};"},
  {"o.if.class.new", "o.if.class.new;"},
  {"x => x", "(x)=>x;"},
  {"async", "async;"},
  {"function f() {}", "function f(){}"},
  {"let x = 1", "let x=1;"},
  {"a\nb", "a;b;"},
  {"return_\nx", "return_;x;"},
  {"x\n(y)", "x(y);"},
  {"a = b\n/c/g", "a=b/c/g;"},
  {"i\n++\nj", "i;++j;"},
  {"async\nfunction f() {}", "async;function f(){}"},
  {"async\nx => x", "async;(x)=>x;"},
  {"let x = 1\n[1, 2].forEach(f)", "let x=(1)[1,2].forEach(f);"},
  {"a\n`b`", "a`b`;"},
  {"let\nx = 1", "let x=1;"},
  {"if (a) let\nx", "if(a)(let);x;"},
  {"l\\u0065t\nx", "(\\u006Cet);x;"},
  {"class A { get\n*a() {} }", "class A{get;*a(){}}"},
  {"`line1\r\nline2`", "`line1\nline2`;"},
  {"do x; while (y) z", "do x;while(y);z;"},
  {"#!/usr/bin/env node\nx", "#!/usr/bin/env node\nx;"},
  {"<!-- html comment\nx", "x;"},
  {"x\n--> html comment\ny", "x;y;"},
  {"a\n?.b", "a?.b;"},
  {"a /* c */ + /* d */ b // e", "a+b;"},
  {"a\xe2\x80\xa8" "b", "a;b;"},
  {"/* multi\nline */ x", "x;"},
  {"\"a\\\nb\"", "\"a\\\nb\";"},
  {"x; \"\\x41\"", "x;(\"A\");"},
  {"x; '\\u{1F600}'", "x;(\"😀\");"},
  {"x; '\\uD83D\\uDE00'", "x;(\"😀\");"},
  {"x; \"\\uD800\"", "x;(\"\\uD800\");"},
  {"x; '\\0'", "x;(\"\\x00\");"},
  {"x; '\\08'", "x;(\"\\x008\");"},
  {"x; \"\\101\"", "x;(\"A\");"},
  {"x; \"\\n\\t\\r\\b\\f\\v\"", "x;(\"\\n\\t\\r\\b\\f\\v\");"},
  {"x; '\\u2028'", "x;(\"\\u2028\");"},
  {"x; '\\x7f\\x01'", "x;(\"\\x7F\\x01\");"},
  {"x; 'a\"b'", "x;('a\"b');"},
  {"x; \"a'b\"", "x;(\"a'b\");"},
  {"x; 'a\"b\\'c'", "x;(\"a\\\"b'c\");"},
  {"\xef\xbb\xbfx", "x;"},
  {"a = b\n++c", "a=b;++c;"},
  {"return_\n/x/g", "return_/x/g;"},
  {"var a = 1, b = 2\nvar c", "var a=1,b=2;var c;"},
  {"x\n-1", "x-1;"},
  {"a\n[b]", "a[b];"},
  {"a\n(b)", "a(b);"},
  {"a = b ? c\n: d", "a=b?c:d;"},
  {"function f() { return\na }", "function f(){return;a;}"},
  {"function f() { return /x/ }", "function f(){return /x/;}"},
  {"function* g() { yield\na }", "function*g(){yield;a;}"},
  {"function* g() { yield /x/ }", "function*g(){yield/x/;}"},
  {"a: while (1) { break\na }", "a:while(1){break;a;}"},
  {"a: while (1) { continue\na }", "a:while(1){continue;a;}"},
  {"(a\n)", "a;"},
  {"x = y\n/* c */ (z)", "x=y(z);"},
  {"var \\u{1d4d0}", "var 𝓐;"},
  {"x = {\\u0069f: 1}", "x={if:1};"},
  {"\\u{61}.\\u{62}", "a.b;"},
  {"a.\\u0069f", "a.if;"},
  {"var v\\u0061r2", "var var2;"},
  {"x = /[\\]/]/", "x=/[\\]/]/;"},
  {"x = /a/dgimsy", "x=/a/dgimsy;"},
  {"x = a\n/b/g", "x=a/b/g;"},
  {"x = (a) / b", "x=a/b;"},
  {"x = a++ / 2", "x=a++/2;"},
  {"x = [] / 2", "x=[]/2;"},
  {"x = {} / 2", "x={}/2;"},
  {"x = `` / 2", "x=``/2;"},
  {"if (a) /b/.test(c)", "if(a)/b/.test(c);"},
  {"x = typeof /a/", "x=typeof /a/;"},
  {"x = a ? /b/ : /c/", "x=a?/b/:/c/;"},
  {"function f() {} /1/g", "function f(){}/1/g;"},
  {"x = function () {} / 1", "x=function(){}/1;"},
  {"{} /1/g", "{}/1/g;"},
  {"x = y / z / w", "x=y/z/w;"},
  {"a\n/1/g.exec(b)", "a/1/g.exec(b);"},
};

static const print_row module_rows[] = {
  {"import a from 'm'", "import a from\"m\";"},
  {"import * as ns from 'm'", "import * as ns from\"m\";"},
  {"import {a, b as c, default as d} from 'm'", "import {a,b as c,default as d} from\"m\";"},
  {"import a, {b} from 'm'", "import a,{b} from\"m\";"},
  {"import a, * as ns from 'm'", "import a,* as ns from\"m\";"},
  {"import 'm'", "import\"m\";"},
  {"import {} from 'm'", "import\"m\";"},
  {"import {'a-b' as c} from 'm'", "import {\"a-b\" as c} from\"m\";"},
  {"import j from './x.json' with {type: 'json'}", "import j from\"./x.json\" with{type:\"json\"};"},
  {"import j from 'x' with {type: 'json', 'other': 'y'}", "import j from\"x\" with{type:\"json\",\"other\":\"y\"};"},
  {"import 'm' with {}", "import\"m\";"},
  {"export var a = 1", "export var a=1;"},
  {"export let a, b", "export let a,b;"},
  {"export const a = 1", "export const a=1;"},
  {"export function f() {}", "export function f(){}"},
  {"export async function f() {}", "export async function f(){}"},
  {"export function* g() {}", "export function*g(){}"},
  {"export class A {}", "export class A{}"},
  {"export {}", "export{};"},
  {"let a; export {a}", "let a;export{a};"},
  {"let a, b; export {a as b, b as a}", "let a,b;export{a as b,b as a};"},
  {"let a; export {a as default}", "let a;export{a as default};"},
  {"let a; export {a as 'x y'}", "let a;export{a as \"x y\"};"},
  {"export {a} from 'm'", "export{a} from\"m\";"},
  {"export {default} from 'm'", "export{default} from\"m\";"},
  {"export {'a' as 'b'} from 'm'", "export{\"a\" as \"b\"} from\"m\";"},
  {"export * from 'm'", "export* from\"m\";"},
  {"export * as ns from 'm'", "export* as ns from\"m\";"},
  {"export * as 'a b' from 'm'", "export* as \"a b\" from\"m\";"},
  {"export * from 'm' with {type: 'json'}", "export* from\"m\" with{type:\"json\"};"},
  {"export default 1", "export default 1;"},
  {"export default function () {}", "export default function(){}"},
  {"export default function f() {}", "export default function f(){}"},
  {"export default async function () {}", "export default async function(){}"},
  {"export default class {}", "export default class{}"},
  {"export default class A extends B {}", "export default class A extends B{}"},
  {"export default (function () {})", "export default (function(){});"},
  {"export default (class {})", "export default (class{});"},
  {"export default a = b", "export default a=b;"},
  {"export default (a, b)", "export default (a,b);"},
  {"export default async () => {}", "export default async()=>{};"},
  {"export default {a: 1}", "export default ({a:1});"},
  {"export default [a]", "export default [a];"},
  {"await x", "await x;"},
  {"await import('m')", "await import(\"m\");"},
  {"for await (const x of y);", "for await(const x of y);"},
  {"await using r = f()", "await using r=f();"},
  {"using r = f()", "using r=f();"},
  {"{ using a = b, c = d; }", "{using a=b,c=d;}"},
  {"import.meta.url", "import.meta.url;"},
  {"import.meta", "import.meta;"},
  {"const x = await Promise.all([a, b])", "const x=await Promise.all([a,b]);"},
  {"export {x as y}; var x", "export{x as y};var x;"},
  {"function f() { return import.meta; }", "function f(){return import.meta;}"},
  {"label: await x", "label:await x;"},
};


/* Pretty-printed layout. */
static const print_row pretty_rows[] = {
  {"function f(a) { if (a) { return 1; } else { return 2; } }",
   "function f(a) {\n  if (a) {\n    return 1;\n  } else {\n    return 2;\n  }\n}\n"},
  {"class A extends B { static x = 1; #y; constructor() { super(); } get z() { return this.#y; } static { init(); } }",
   "class A extends B {\n  static x = 1;\n  #y;\n  constructor() {\n    super();\n  }\n  get z() {\n    return this.#y;\n  }\n"
   "  static {\n    init();\n  }\n}\n"},
  {"switch (x) { case 1: a(); break; default: b(); }",
   "switch (x) {\n  case 1:\n    a();\n    break;\n  default:\n    b();\n}\n"},
  {"try { a(); } catch (e) { b(); } finally { c(); }", "try {\n  a();\n} catch (e) {\n  b();\n} finally {\n  c();\n}\n"},
  {"for (const x of xs) if (x) continue; else break;",
   "for (const x of xs)\n  if (x)\n    continue;\n  else\n    break;\n"},
  {"label: { a(); break label; }", "label: {\n  a();\n  break label;\n}\n"},
  {"do { x++; } while (x < 3);", "do {\n  x++;\n} while (x < 3);\n"},
  {"while (x) x--;", "while (x)\n  x--;\n"},
  {"if (a) b(); else if (c) d(); else e();", "if (a)\n  b();\nelse if (c)\n  d();\nelse\n  e();\n"},
  {"var o = {a: 1, b: [1, 2], c() {}};", "var o = {a: 1, b: [1, 2], c() {}};\n"},
  {"x = async () => { await y; };", "x = async () => {\n  await y;\n};\n"},
  {"{ let a = 1; }", "{\n  let a = 1;\n}\n"},
  {"with (o) { p(); }", "with (o) {\n  p();\n}\n"},
  {"if (a) ; else ;", "if (a);\nelse;\n"},
  {"a ? b : c", "a ? b : c;\n"},
  {"x = a ?? b, y **= 2, z >>>= 1", "x = a ?? b, y **= 2, z >>>= 1;\n"},
  {"", ""},
  {"// only a comment", ""},
};

static void test_script_rows(void **state) {
  (void)state;
  run_print_rows(ROWS(script_rows), JS_GOAL_SCRIPT, true);
}

static void test_module_rows(void **state) {
  (void)state;
  run_print_rows(ROWS(module_rows), JS_GOAL_MODULE, true);
}

static void test_pretty_rows(void **state) {
  (void)state;
  run_print_rows(ROWS(pretty_rows), JS_GOAL_SCRIPT, false);
}

/* ---- tree shapes ------------------------------------------------------------------------- */

typedef struct dump_row {
  const char *src;
  const char *dump;
} dump_row;

static const dump_row dump_rows[] = {
  {"a + b * c", "(Program [(ExpressionStatement (Binary + (Identifier a) (Binary * (Identifier b) (Identifier c))))])"},
  {"a - b - c", "(Program [(ExpressionStatement (Binary - (Binary - (Identifier a) (Identifier b)) (Identifier c)))])"},
  {"a ** b ** c", "(Program [(ExpressionStatement (Binary ** (Identifier a) (Binary ** (Identifier b) (Identifier c))))])"},
  {"a\n++b", "(Program [(ExpressionStatement (Identifier a)) (ExpressionStatement (Update prefix ++ (Identifier b)))])"},
  {"a?.b.c", "(Program [(ExpressionStatement (Chain (Member (Member optional (Identifier a) (Identifier b)) (Identifier c))))])"},
  {"(a?.b).c", "(Program [(ExpressionStatement (Member (Chain (Member optional (Identifier a) (Identifier b))) (Identifier c)))])"},
  {"[a, {b = 1}] = c",
   "(Program [(ExpressionStatement (Assign = (ArrayPattern [(Identifier a) (ObjectPattern [(Property shorthand "
   "(Identifier b) (AssignPattern (Identifier b) (Number 1)))])]) (Identifier c)))])"},
  {"({a, ...b}) => 0",
   "(Program [(ExpressionStatement (Arrow _ [(ObjectPattern [(Property shorthand (Identifier a) (Identifier a)) "
   "(Rest (Identifier b))])] (Number 0)))])"},
  {"async (a, ...b) => 0", "(Program [(ExpressionStatement (Arrow async _ [(Identifier a) (Rest (Identifier b))] (Number 0)))])"},
  {"async(a, ...b)", "(Program [(ExpressionStatement (Call (Identifier async) [(Identifier a) (Spread (Identifier b))]))])"},
  {"'use strict'; 'x'", "(Program [(Directive \"'use strict'\") (Directive \"'x'\")])"},
  {"x; 'use strict'", "(Program [(ExpressionStatement (Identifier x)) (ExpressionStatement (String \"use strict\"))])"},
  {"tag`a\\u{`", "(Program [(ExpressionStatement (TaggedTemplate (Identifier tag) (Template [(TemplateElement \"a\\\\u{\" invalid)] [])))])"},
  {"`a\r\nb`", "(Program [(ExpressionStatement (Template [(TemplateElement \"a\\x0ab\")] []))])"},
  {"for (var x = 1 in y);",
   "(Program [(ForIn (VariableDeclaration var [(Declarator (Identifier x) (Number 1))]) (Identifier y) (Empty))])"},
  {"class A { static #x = 1; static { } }",
   "(Program [(ClassDeclaration (Identifier A) _ [(Field static (PrivateName x) (Number 1)) (StaticBlock [])])])"},
  {"0x1Fn", "(Program [(ExpressionStatement (BigInt \"0x1F\"))])"},
  {"#!/bin/x\n1", "(Program [(ExpressionStatement (Number 1))])"},
  {"a = {get x() {}, set x(v) {}}",
   "(Program [(ExpressionStatement (Assign = (Identifier a) (Object [(Property get (Identifier x) (Function _ [] (Block []))) "
   "(Property set (Identifier x) (Function _ [(Identifier v)] (Block [])))])))])"},
};

static void test_tree_shapes(void **state) {
  (void)state;
  int bad = 0;
  for (size_t i = 0; i < sizeof dump_rows / sizeof *dump_rows; i++) {
    char *d = dump_of(dump_rows[i].src, JS_GOAL_SCRIPT);
    if (!d || strcmp(d, dump_rows[i].dump) != 0) {
      print_error("input:    %s\nexpected: %s\ngot:      %s\n\n", dump_rows[i].src, dump_rows[i].dump, d ? d : "(null)");
      bad++;
    }
    free(d);
  }
  if (bad) fail_msg("%d rows failed", bad);
}

/* ---- numeric and string values ----------------------------------------------------------- */

static const js_node *first_expr(js_ast *a) {
  const js_node *s = a->program->u.program.body.items[a->program->u.program.body.len - 1];
  return s->kind == JS_EXPR_STMT ? s->u.unary.arg : s;
}

static void test_number_values(void **state) {
  (void)state;
  static const struct { const char *src; double v; } rows[] = {
    {"0", 0}, {"1_000", 1000}, {"0x10", 16}, {"0X1f", 31}, {"0o777", 511}, {"0b1010", 10}, {"017", 15},
    {"019", 19}, {"09.5", 9.5}, {"1.5e3", 1500}, {"1E-3", 0.001}, {".25", 0.25}, {"1_0.0_1", 10.01},
    {"9007199254740993", 9007199254740992.0}, {"0x20000000000001", 9007199254740992.0},
    {"0x20000000000003", 9007199254740996.0}, {"0b11111111111111111111111111111111111111111111111111111", 9007199254740991.0},
    {"1e400", 1.0 / 0.0}, {"5e-324", 5e-324}, {"0.1", 0.1}, {"123456789.123456789", 123456789.123456789},
  };
  int bad = 0;
  for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
    js_ast *a = parse_goal(rows[i].src, JS_GOAL_SCRIPT);
    assert_non_null(a);
    if (a->nerrors || first_expr(a)->kind != JS_NUMBER || first_expr(a)->u.num.value != rows[i].v) {
      print_error("%s: expected %.17g, got %s %.17g\n", rows[i].src, rows[i].v, a->nerrors ? a->errors[0].text : "",
                  a->nerrors ? 0 : first_expr(a)->u.num.value);
      bad++;
    }
    js_ast_free(a);
  }
  if (bad) fail();
}

static void test_string_values(void **state) {
  (void)state;
  static const struct { const char *src; const char *v; size_t len; } rows[] = {
    {"x;'abc'", "abc", 3},
    {"x;'a\\x41\\u0042\\u{43}'", "aABC", 4},
    {"x;'\\0'", "\0", 1},
    {"x;'\\101\\7'", "A\a", 2},
    {"x;'\\8\\9'", "89", 2},
    {"x;'a\\\nb'", "ab", 2},
    {"x;'a\\\r\nb'", "ab", 2},
    {"x;'\\uD83D\\uDE00'", "\xF0\x9F\x98\x80", 4},
    {"x;'\\uD800'", "\xED\xA0\x80", 3},
    {"x;'\\uDE00\\uD83D'", "\xED\xB8\x80\xED\xA0\xBD", 6},
    {"x;'\\q\\'\\\"'", "q'\"", 3},
    {"x;'\xe2\x80\xa8'", "\xe2\x80\xa8", 3},
    {"x;'caf\xc3\xa9'", "caf\xc3\xa9", 5},
  };
  int bad = 0;
  for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
    js_ast *a = parse_goal(rows[i].src, JS_GOAL_SCRIPT);
    assert_non_null(a);
    const js_node *e = a->nerrors ? NULL : first_expr(a);
    if (!e || e->kind != JS_STRING || e->u.str.value.len != rows[i].len || memcmp(e->u.str.value.ptr, rows[i].v, rows[i].len)) {
      print_error("%s: unexpected value (%s)\n", rows[i].src, a->nerrors ? a->errors[0].text : "");
      bad++;
    }
    js_ast_free(a);
  }
  if (bad) fail();
}

/* ---- locations --------------------------------------------------------------------------- */

static void test_locations(void **state) {
  (void)state;
  /* Columns count UTF-16 units: é is one, 😀 two. */
  const char *src = "a;\n  b + c;\n\"\xc3\xa9\xf0\x9f\x98\x80\" + d;\r\ne\xe2\x80\xa8" "f";
  js_ast *a = parse_goal(src, JS_GOAL_SCRIPT);
  assert_non_null(a);
  assert_int_equal(a->nerrors, 0);
  js_list body = a->program->u.program.body;
  assert_int_equal(body.len, 5);
  const js_node *bin = body.items[1]->u.unary.arg;
  assert_int_equal(bin->loc.line, 2);
  assert_int_equal(bin->loc.col, 2);
  assert_int_equal(bin->u.bin.right->loc.col, 6);
  assert_int_equal(bin->u.bin.right->loc.offset, 9);
  assert_int_equal(bin->end, 10);
  const js_node *d = body.items[2]->u.unary.arg->u.bin.right;
  assert_int_equal(d->loc.line, 3);
  assert_int_equal(d->loc.col, 8); /* "é😀" is 1 + 2 + 2 quotes = 5 units, then " + " */
  assert_int_equal(body.items[3]->loc.line, 4);
  assert_int_equal(body.items[3]->loc.col, 0);
  assert_int_equal(body.items[4]->loc.line, 5); /* LS ends a line */
  js_ast_free(a);
}

static void test_error_location_after_multibyte(void **state) {
  (void)state;
  js_parse_options o = {0};
  o.filename = "f.js";
  const char *src = "x = '\xf0\x9f\x98\x80' +;";
  js_ast *a = js_parse(src, strlen(src), &o);
  assert_non_null(a);
  assert_int_equal(a->nerrors, 1);
  assert_string_equal(a->errors[0].text, "f.js:1:11: Unexpected token ';'");
  assert_int_equal(a->errors[0].line, 1);
  assert_int_equal(a->errors[0].col, 11); /* the emoji counts two UTF-16 units */
  assert_string_equal(a->errors[0].message, "Unexpected token ';'");
  js_ast_free(a);
}

/* ---- API --------------------------------------------------------------------------------- */

static void test_null_options_and_empty_input(void **state) {
  (void)state;
  js_ast *a = js_parse("", 0, NULL);
  assert_non_null(a);
  assert_int_equal(a->nerrors, 0);
  assert_non_null(a->program);
  assert_int_equal(a->program->kind, JS_PROGRAM);
  assert_int_equal(a->program->u.program.body.len, 0);
  js_ast_free(a);
  js_ast_free(NULL);
}

static void test_errors_are_sorted_and_tree_withheld(void **state) {
  (void)state;
  /* Early errors do not stop the parse: all three are reported, in source order. */
  const char *src = "'use strict';\nlet a; let a;\nvar eval;\nwith (x) {}";
  js_ast *a = parse_goal(src, JS_GOAL_SCRIPT);
  assert_non_null(a);
  assert_null(a->program);
  assert_int_equal(a->nerrors, 3);
  assert_string_equal(a->errors[0].text, "<input>:2:12: Identifier 'a' has already been declared");
  assert_string_equal(a->errors[1].text, "<input>:3:5: Unexpected eval or arguments in strict mode");
  assert_string_equal(a->errors[2].text, "<input>:4:1: Strict mode code may not include a with statement");
  js_ast_free(a);
}

static void test_strict_option(void **state) {
  (void)state;
  js_parse_options o = {0};
  o.strict = true;
  js_ast *a = js_parse("with (a) {}", 11, &o);
  assert_int_equal(a->nerrors, 1);
  js_ast_free(a);
  a = parse_goal("with (a) {}", JS_GOAL_SCRIPT);
  assert_int_equal(a->nerrors, 0);
  assert_false(a->program->flags & JS_NF_STRICT);
  js_ast_free(a);
  a = parse_goal("'use strict'", JS_GOAL_SCRIPT);
  assert_true(a->program->flags & JS_NF_STRICT);
  js_ast_free(a);
  a = parse_goal("x", JS_GOAL_MODULE);
  assert_true(a->program->flags & JS_NF_STRICT);
  assert_true(a->program->flags & JS_NF_MODULE);
  js_ast_free(a);
}

static void test_ill_formed_utf8(void **state) {
  (void)state;
  /* Bad bytes read as U+FFFD: fine in strings and comments, not in names. */
  const char src1[] = "x = '\xff\xc3';// \x80\n";
  js_ast *a = js_parse(src1, sizeof src1 - 1, NULL);
  assert_int_equal(a->nerrors, 0);
  const js_node *s = a->program->u.program.body.items[0]->u.unary.arg->u.bin.right;
  assert_int_equal(s->u.str.value.len, 6);
  assert_memory_equal(s->u.str.value.ptr, "\xef\xbf\xbd\xef\xbf\xbd", 6);
  js_ast_free(a);
  const char src2[] = "a\xff = 1";
  a = js_parse(src2, sizeof src2 - 1, NULL);
  assert_int_equal(a->nerrors, 1);
  assert_string_equal(a->errors[0].message, "Invalid or unexpected token");
  js_ast_free(a);
}

static void test_nul_bytes(void **state) {
  (void)state;
  const char src[] = "x = '\0'; // \0";
  js_ast *a = js_parse(src, sizeof src - 1, NULL);
  assert_int_equal(a->nerrors, 0);
  js_ast_free(a);
  const char src2[] = "x \0 y";
  a = js_parse(src2, sizeof src2 - 1, NULL);
  assert_int_equal(a->nerrors, 1);
  js_ast_free(a);
}

static char *repeat(const char *a, size_t n, const char *mid, const char *b, size_t m) {
  size_t la = strlen(a), lm = strlen(mid), lb = strlen(b);
  char *s = malloc(la * n + lm + lb * m + 1);
  char *p = s;
  for (size_t i = 0; i < n; i++, p += la) memcpy(p, a, la);
  memcpy(p, mid, lm);
  p += lm;
  for (size_t i = 0; i < m; i++, p += lb) memcpy(p, b, lb);
  *p = 0;
  return s;
}

static void test_nesting_is_bounded(void **state) {
  (void)state;
  static const struct { const char *open, *mid, *close; } shapes[] = {
    {"[", "", "]"}, {"(", "a", ")"}, {"{", "", "}"}, {"!", "a", ""}, {"a=", "1", ""}, {"a?b:", "c", ""},
    {"function f(){", "", "}"}, {"x=>", "x", ""}, {"new ", "a", ""}, {"if(a)", ";", ""}, {"`${", "", "}`"},
    {"a**", "a", ""}, {"async x=>", "x", ""}, {"", "a", ".b"}, {"", "a", "(1)"}, {"class A{m(){", "", "}}"},
  };
  for (size_t i = 0; i < sizeof shapes / sizeof *shapes; i++) {
    char *src = repeat(shapes[i].open, 50000, shapes[i].mid, shapes[i].close, 50000);
    js_ast *a = js_parse(src, strlen(src), NULL);
    assert_non_null(a);
    if (a->nerrors != 1 || strcmp(a->errors[0].message, "Maximum nesting depth exceeded") != 0)
      fail_msg("shape %zu: %s", i, a->nerrors ? a->errors[0].text : "parsed");
    js_ast_free(a);
    free(src);
  }
  /* The bound is an option. */
  js_parse_options o = {0};
  o.max_depth = 20;
  char *src = repeat("[", 30, "", "]", 30);
  js_ast *a = js_parse(src, strlen(src), &o);
  assert_int_equal(a->nerrors, 1);
  js_ast_free(a);
  o.max_depth = 100;
  a = js_parse(src, strlen(src), &o);
  assert_int_equal(a->nerrors, 0);
  js_ast_free(a);
  free(src);
}

static void test_long_flat_chains(void **state) {
  (void)state;
  /* Left-associative chains cost no recursion: 200k operands parse, print and compare. */
  char *src = repeat("a+", 200000, "a", "", 0);
  js_ast *a = js_parse(src, strlen(src), NULL);
  assert_int_equal(a->nerrors, 0);
  js_print_options po = {0};
  po.minify = true;
  size_t len;
  char *out = js_print(a->program, &po, &len);
  assert_non_null(out);
  assert_int_equal(len, strlen(src) + 1);
  js_ast *b = js_parse(out, len, NULL);
  assert_true(js_ast_equal(a->program, b->program));
  char *d;
  assert_int_equal(js_ast_dump(a->program, &d, NULL), 0);
  free(d);
  js_ast_free(b);
  free(out);
  js_ast_free(a);
  free(src);
  src = repeat("a,", 100000, "a", "", 0);
  a = js_parse(src, strlen(src), NULL);
  assert_int_equal(a->nerrors, 0);
  js_ast_free(a);
  free(src);
}

static void test_source_outlives_nothing_else(void **state) {
  (void)state;
  /* Names point into the source: a copy the caller keeps alive. */
  char *src = strdup("var longName = 1;");
  js_ast *a = js_parse(src, strlen(src), NULL);
  const js_node *id = a->program->u.program.body.items[0]->u.var.decls.items[0]->u.decl.id;
  assert_int_equal(id->u.ident.name.len, 8);
  assert_memory_equal(id->u.ident.name.ptr, "longName", 8);
  assert_ptr_equal(id->u.ident.name.ptr, src + 4);
  js_ast_free(a);
  free(src);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_script_rows),
    cmocka_unit_test(test_module_rows),
    cmocka_unit_test(test_pretty_rows),
    cmocka_unit_test(test_tree_shapes),
    cmocka_unit_test(test_number_values),
    cmocka_unit_test(test_string_values),
    cmocka_unit_test(test_locations),
    cmocka_unit_test(test_error_location_after_multibyte),
    cmocka_unit_test(test_null_options_and_empty_input),
    cmocka_unit_test(test_errors_are_sorted_and_tree_withheld),
    cmocka_unit_test(test_strict_option),
    cmocka_unit_test(test_ill_formed_utf8),
    cmocka_unit_test(test_nul_bytes),
    cmocka_unit_test(test_nesting_is_bounded),
    cmocka_unit_test(test_long_flat_chains),
    cmocka_unit_test(test_source_outlives_nothing_else),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
