// Runs npm packages and their copies printed by dx's compiler side by side under Node, and
// compares what they do. Usage (run.sh does this):
//   node compare.js ORIGINAL_NODE_MODULES TREE... [--only react]
// Each TREE is a directory whose node_modules/ mirrors the original packages with the printed
// files in place of the originals. Results are compared with util.isDeepStrictEqual, so numbers
// must be bit-identical (the same code on the same engine computes the same doubles) and -0, NaN
// and typed-array contents count. React picks its build from NODE_ENV, so run.sh calls this once
// per NODE_ENV. Prints one line per mismatch and "N passed, N failed"; exits 1 on a mismatch.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const util = require('node:util');
const { createRequire } = require('node:module');
const { pathToFileURL } = require('node:url');
const { Writable } = require('node:stream');

const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : null;
const positional = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--only');
const [origModules, ...trees] = positional;
if (!origModules || trees.length === 0) {
  console.error('usage: node compare.js ORIGINAL_NODE_MODULES TREE... [--only react]');
  process.exit(2);
}

// One "root" per implementation: the original packages, then each printed tree.
const roots = [
  { name: 'original', modules: path.resolve(origModules) },
  ...trees.map((t) => ({ name: path.basename(t), modules: path.resolve(t, 'node_modules') })),
];
for (const r of roots) r.require = createRequire(path.join(r.modules, 'noop.js'));

let passed = 0;
let failed = 0;

function describe(v) {
  const s = util.inspect(v, { depth: 4, maxArrayLength: 8, maxStringLength: 200, breakLength: Infinity });
  return s.length > 400 ? s.slice(0, 400) + '...' : s;
}

// The path to the first leaf where two results differ, and both leaves (strings cut around the
// first differing character), so a failure shows what changed in a large result.
function firstDifference(a, b, at = '') {
  if (typeof a === 'string' && typeof b === 'string') {
    let i = 0;
    while (i < a.length && a[i] === b[i]) i++;
    const from = Math.max(0, i - 60);
    return `${at || '(value)'} at character ${i}:\n    original: ${JSON.stringify(a.slice(from, i + 60))}\n    printed:  ${JSON.stringify(b.slice(from, i + 60))}`;
  }
  if (a && b && typeof a === 'object' && typeof b === 'object' && Object.getPrototypeOf(a) === Object.getPrototypeOf(b)) {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
      if (!util.isDeepStrictEqual(a[k], b[k])) return firstDifference(a[k], b[k], `${at}.${k}`);
    }
  }
  return `${at || '(value)'}:\n    original: ${describe(a)}\n    printed:  ${describe(b)}`;
}

// Calls fn on every root and compares each result with the original's. An exception is a result
// too (its class and message), so error behaviour is compared as well.
async function check(label, fn) {
  if (process.env.COMPARE_VERBOSE) console.log(`.. ${label}`);
  const results = [];
  for (const r of roots) {
    try {
      results.push({ ok: await fn(r) });
    } catch (e) {
      results.push({ error: `${e && e.name}: ${e && e.message}` });
    }
  }
  for (let i = 1; i < roots.length; i++) {
    if (util.isDeepStrictEqual(results[i], results[0])) {
      passed++;
    } else {
      failed++;
      console.log(`FAIL ${label} [${roots[i].name}]: ${firstDifference(results[0], results[i])}`);
    }
  }
}

// A test that passes because the copies are the originals would prove nothing: every file the
// tests load from a tree must be a printed file (different bytes, loaded from the tree).
function checkPrinted(rel) {
  const orig = fs.readFileSync(path.join(roots[0].modules, rel), 'latin1');
  for (const r of roots.slice(1)) {
    const file = path.join(r.modules, rel);
    if (fs.readFileSync(file, 'latin1') === orig) {
      failed++;
      console.log(`FAIL ${rel} [${r.name}] is a copy of the original, not printed output`);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// TypeScript: the compiler itself, transpiling and type-checking with every copy.

const tsSources = {
  'enums.ts': `
    export enum Color { Red, Green = 4, Blue }
    export const enum Flags { None = 0, A = 1 << 0, B = 1 << 1, AB = A | B }
    declare enum Ambient { X }
    export function f(c: Color): string { return Color[c] + Flags.AB; }`,
  'classes.ts': `
    abstract class Shape<T extends number = number> {
      #secret = 1;
      static count: number = 0;
      constructor(protected readonly name: string, public size?: T) { Shape.count++; }
      abstract area(): number;
      get label(): string { return \`\${this.name}:\${this.area().toFixed(2)}\`; }
    }
    class Circle extends Shape { constructor(private r: number) { super('circle'); } area() { return Math.PI * this.r ** 2; } }
    export const c = new Circle(2);
    export type Pair<A, B> = [A, B];
    export interface I { x: number; y?: string }
    let v = <number>(<unknown>'3'); let w = v as any satisfies unknown; let z = w!;`,
  'namespaces.ts': `
    namespace A.B { export const x = 1; export namespace C { export function g() { return x; } } }
    module M { export let y = A.B.C.g(); }
    import q = A.B.C;
    export = q;`,
  'decorators.ts': `
    function log(target: any, key: string, desc: PropertyDescriptor) { return desc; }
    function sealed(c: Function) {}
    @sealed class K { @log method(@log2 p: number) {} }
    declare function log2(a: any, b: any, c: any): void;`,
  'jsx.tsx': `
    import * as React from 'react';
    export const App = ({ items }: { items: string[] }) => (
      <ul className="list" data-n={items.length}>
        {items.map((s, i) => <li key={i} {...{ title: s }}>{s} &amp; more</li>)}
        <></>
      </ul>);`,
  'generics.ts': `
    export function id<T,>(x: T): T { return x; }
    export const arrow = async <T,>(x: T): Promise<T> => x;
    type Mapped<T> = { readonly [K in keyof T]?: T[K] extends string ? \`s_\${K & string}\` : never };
    function* gen(): Generator<number, void, unknown> { yield 1; }
    for await (const x of (async function*() {})()) {}
    label: for (const [a, b] of [[1, 2]] as const) { if (a) continue label; }`,
};

const tsOptionSets = [
  { target: 'ES5', module: 'CommonJS', experimentalDecorators: true, jsx: 'React' },
  { target: 'ES2015', module: 'ESNext', jsx: 'ReactJSX', importHelpers: false },
  { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', experimentalDecorators: true, emitDecoratorMetadata: true, jsx: 'Preserve' },
  { target: 'ESNext', module: 'Preserve', useDefineForClassFields: false, jsx: 'ReactJSX', verbatimModuleSyntax: false },
];

// A program to type-check, with errors, so the checker's diagnostics are compared too.
const tsProgram = {
  'main.ts': `
    import { helper, Kind } from './lib';
    interface Point { x: number; y: number }
    function len(p: Point): number { return Math.hypot(p.x, p.y); }
    const n: number = len({ x: 3, y: 4, z: 5 });
    const s: string = helper(Kind.B);
    const wrong: string = 42;
    class Box<T> { constructor(public value: T) {} map<U>(f: (t: T) => U): Box<U> { return new Box(f(this.value)); } }
    const b = new Box(1).map(String).map((x) => x.length).value.toFixed();
    type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> : T[K] };
    const dp: DeepPartial<{ a: { b: number } }> = { a: { b: 'no' } };
    export { n, s, wrong, b, dp };`,
  'lib.ts': `
    export enum Kind { A = 'a', B = 'b' }
    export function helper(k: Kind): string { return k.toUpperCase(); }
    export function unused(x) { return x; }`,
};

function typeCheck(ts, libDir) {
  const options = { target: ts.ScriptTarget.ES2020, module: ts.ModuleKind.ESNext, strict: true, noImplicitAny: true, lib: ['lib.es2020.d.ts'], noEmit: false, declaration: true };
  const out = {};
  const host = {
    getSourceFile(name, languageVersion) {
      const text = tsProgram[name] ?? (fs.existsSync(path.join(libDir, name)) ? fs.readFileSync(path.join(libDir, name), 'utf8') : undefined);
      return text === undefined ? undefined : ts.createSourceFile(name, text, languageVersion, true);
    },
    getDefaultLibFileName: () => 'lib.es2020.d.ts',
    getDefaultLibLocation: () => '',
    writeFile: (name, text) => { out[name] = text; },
    getCurrentDirectory: () => '',
    getDirectories: () => [],
    fileExists: (name) => name in tsProgram || fs.existsSync(path.join(libDir, name)),
    readFile: (name) => tsProgram[name] ?? (fs.existsSync(path.join(libDir, name)) ? fs.readFileSync(path.join(libDir, name), 'utf8') : undefined),
    getCanonicalFileName: (f) => f,
    useCaseSensitiveFileNames: () => true,
    getNewLine: () => '\n',
  };
  const program = ts.createProgram(['main.ts', 'lib.ts'], options, host);
  const diags = ts.getPreEmitDiagnostics(program);
  program.emit();
  const checker = program.getTypeChecker();
  const main = program.getSourceFile('main.ts');
  const types = [];
  ts.forEachChild(main, function visit(node) {
    if (ts.isVariableDeclaration(node)) types.push(`${node.name.getText()}: ${checker.typeToString(checker.getTypeAtLocation(node))}`);
    ts.forEachChild(node, visit);
  });
  return {
    diagnostics: ts.formatDiagnostics(diags, host),
    emitted: out,
    types,
  };
}

async function testTypeScript() {
  const rel = 'typescript/lib/typescript.js';
  checkPrinted(rel);
  const load = (r) => r.require(path.join(r.modules, rel));
  await check('typescript: version and API shape', (r) => {
    const ts = load(r);
    return { version: ts.version, keys: Object.keys(ts).sort() };
  });
  for (const [file, source] of Object.entries(tsSources)) {
    for (const [i, opts] of tsOptionSets.entries()) {
      await check(`typescript: transpileModule ${file} options#${i}`, (r) => {
        const ts = load(r);
        const compilerOptions = {};
        for (const [k, v] of Object.entries(opts)) {
          compilerOptions[k] = k === 'target' ? ts.ScriptTarget[v] : k === 'module' ? ts.ModuleKind[v] : k === 'jsx' ? ts.JsxEmit[v] : k === 'moduleResolution' ? ts.ModuleResolutionKind[v] : v;
        }
        const res = ts.transpileModule(source, { compilerOptions, fileName: file, reportDiagnostics: true });
        return { text: res.outputText, diagnostics: res.diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')) };
      });
    }
  }
  await check('typescript: parse and print every source', (r) => {
    const ts = load(r);
    const printer = ts.createPrinter({ removeComments: false });
    return Object.entries(tsSources).map(([file, text]) => {
      const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
      return printer.printFile(sf);
    });
  });
  await check('typescript: type-check a program (diagnostics, declarations, types)', (r) => {
    const ts = load(r);
    return typeCheck(ts, path.join(roots[0].modules, 'typescript/lib'));
  });
}

// ---------------------------------------------------------------------------------------------
// lodash: a table of calls, each a function of the library.

const lodashCalls = [
  ['chunk', (_) => _.chunk([1, 2, 3, 4, 5], 2)],
  ['compact/concat/difference', (_) => [_.compact([0, 1, false, 2, '', 3, NaN]), _.concat([1], 2, [3], [[4]]), _.differenceBy([2.1, 1.2], [2.3, 3.4], Math.floor)]],
  ['flatten', (_) => [_.flatten([1, [2, [3, [4]], 5]]), _.flattenDeep([1, [2, [3, [4]], 5]]), _.flattenDepth([1, [2, [3, [4]], 5]], 2)]],
  ['zip/unzip/zipObjectDeep', (_) => [_.zip(['a', 'b'], [1, 2], [true, false]), _.unzipWith([[1, 10, 100], [2, 20, 200]], _.add), _.zipObjectDeep(['a.b[0].c', 'a.b[1].d'], [1, 2])]],
  ['sortBy/orderBy', (_) => {
    const users = [{ user: 'fred', age: 48 }, { user: 'barney', age: 36 }, { user: 'fred', age: 40 }, { user: 'barney', age: 34 }];
    return [_.sortBy(users, ['user', 'age']), _.orderBy(users, ['user', 'age'], ['asc', 'desc'])];
  }],
  ['groupBy/countBy/keyBy/partition', (_) => [_.groupBy([6.1, 4.2, 6.3], Math.floor), _.countBy(['one', 'two', 'three'], 'length'), _.keyBy([{ id: 'a1', v: 1 }, { id: 'b2', v: 2 }], 'id'), _.partition([1, 2, 3, 4], (n) => n % 2)]],
  ['uniq/union/intersection/xor', (_) => [_.uniq([2, 1, 2, NaN, NaN]), _.unionBy([2.1], [1.2, 2.3], Math.floor), _.intersectionWith([{ x: 1 }, { x: 2 }], [{ x: 1 }], _.isEqual), _.xor([2, 1], [2, 3])]],
  ['cloneDeep with cycles and types', (_) => {
    const o = { a: [1, { b: new Date(0) }], m: new Map([[1, { s: new Set([1, 2]) }]]), r: /x/gi, t: new Uint8Array([1, 2]) };
    o.self = o;
    const c = _.cloneDeep(o);
    return [c !== o, c.self === c, c.a[1].b.getTime(), [...c.m.get(1).s], c.r.source + c.r.flags, Array.from(c.t)];
  }],
  ['merge/mergeWith/defaultsDeep', (_) => [
    _.merge({ a: [{ b: 2 }, { d: 4 }] }, { a: [{ c: 3 }, { e: 5 }] }),
    _.mergeWith({ a: [1], b: [2] }, { a: [3], b: [4] }, (x, y) => (Array.isArray(x) ? x.concat(y) : undefined)),
    _.defaultsDeep({ a: { b: 2 } }, { a: { b: 1, c: 3 } }),
  ]],
  ['isEqual', (_) => [_.isEqual({ a: [1, { b: NaN }] }, { a: [1, { b: NaN }] }), _.isEqual([1, 2], [1, '2']), _.isEqual(new Set([1, { a: 1 }]), new Set([1, { a: 1 }])), _.isMatch({ a: 1, b: 2 }, { b: 2 })]],
  ['type checks', (_) => ['isArrayLike', 'isPlainObject', 'isTypedArray', 'isArguments', 'isNative', 'isElement', 'isEmpty', 'isInteger', 'isSafeInteger', 'isLength', 'isNil', 'isSymbol'].map((f) =>
    [null, undefined, 0, -0, 1.5, 2 ** 53, 'x', [], {}, Object.create(null), new Uint8Array(2), Symbol.iterator, Math.max, (function () { return arguments; })(1)].map((v) => _[f](v)))],
  ['get/set/has/unset/toPath', (_) => {
    const o = { a: [{ b: { c: 3 } }] };
    _.set(o, 'a[0].b.d', 4);
    _.set(o, ['x', '0', 'y'], 5);
    _.unset(o, 'a[0].b.c');
    return [o, _.get(o, 'a[0].b.d'), _.get(o, 'a.0.b.z', 'def'), _.has(o, 'x[0].y'), _.toPath('a[0].b["c.d"]')];
  }],
  ['strings', (_) => ['camelCase', 'kebabCase', 'snakeCase', 'startCase', 'upperFirst', 'capitalize', 'deburr', 'escape', 'unescape', 'escapeRegExp', 'words', 'trim', 'pad'].map((f) =>
    ['Foo Bar', '--foo-bar--', '__FOO_BAR__', 'fooBar', 'déjà vu Crème Brûlée', '<a href="x">&amp;</a>', 'XMLHttpRequest2Go', ' \t ümlaut  ', '[lodash](https://lodash.com/)', 'ABCdef GHI'].map((s) => _[f](s)))],
  ['template', (_) => {
    const compiled = _.template('hello <%= user %>! <% _.forEach(items, function(i) { %><li><%- i %></li><% }); %> ${ x }');
    return [compiled({ user: 'fred', items: ['<a>', 'b&c'], x: 7 }), _.template('<%= a %>', { variable: 'data' }).source.length > 0];
  }],
  ['functional: curry/partial/flow/memoize/ary/rearg', (_) => {
    const abc = (a, b, c) => [a, b, c];
    const curried = _.curry(abc);
    const memo = _.memoize((n) => ({ n }));
    return [curried(1)(2)(3), curried(1, _)(2)(3), _.partial(abc, _, 2)(1, 3), _.partialRight(abc, 3)(1, 2), _.flow([_.add, _.square])(1, 2), _.flowRight(_.negate(Boolean))(0),
      memo(1) === memo(1), _.ary(parseInt, 1)('10', 2), _.rearg(abc, [2, 0, 1])('b', 'c', 'a'), _.spread((a, b) => a + b)([1, 2])];
  }],
  ['chaining and lazy sequences', (_) => [
    _([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]).map((n) => n * 3).filter((n) => n % 2).take(3).reverse().value(),
    _.chain({ a: 1, b: 2, c: 3 }).toPairs().sortBy(1).reverse().fromPairs().value(),
    _(_.range(0, 1000)).filter((n) => n % 7 === 0).map((n) => n * n).takeRight(2).sum(),
    _.range(10, 0, -3), _.rangeRight(4), _.times(4, String),
  ]],
  ['math', (_) => [_.sum([4, 2, 8, 6]), _.meanBy([{ n: 4 }, { n: 2 }], 'n'), _.maxBy([{ n: 1 }, { n: 2 }], 'n'), _.round(4.006, 2), _.floor(-0.5), _.ceil(6040, -2), _.clamp(-10, -5, 5), _.inRange(-3, -2, -6), _.add(0.1, 0.2), _.divide(1, 3)]],
  ['objects', (_) => [_.pick({ a: 1, b: '2', c: 3 }, ['a', 'c']), _.omitBy({ a: 1, b: '2', c: 3 }, _.isNumber), _.invertBy({ a: 1, b: 2, c: 1 }), _.mapValues({ a: { n: 1 } }, 'n'), _.mapKeys({ a: 1 }, (v, k) => k + v),
    _.transform([2, 3, 4], (r, n) => { r.push(n * n); return n % 2 === 0; }, []), _.toPairsIn(Object.create({ inh: 1 })), _.at({ a: [{ b: { c: 3 } }, 4] }, ['a[0].b.c', 'a[1]'])]],
  ['collections on objects and strings', (_) => [_.map({ a: 1, b: 2 }, (v, k) => k + v), _.reduce('abc', (acc, c) => c + acc, ''), _.every([true, 1, null], Boolean), _.some({ a: 0, b: 1 }), _.find([{ a: 1 }, { a: 2 }], { a: 2 }), _.findLastIndex([1, 2, 3, 2], (x) => x === 2), _.sampleSize([1], 3), _.shuffle([7]), _.size(new Map([[1, 2]])), _.includes('abc', 'bc')]],
  ['conversions', (_) => [_.toNumber('0x1f'), _.toNumber(' 0b101 '), _.toInteger(-Infinity), _.toFinite('3.2e400'), _.toString(-0), _.toString([1, [2, null]]), _.toArray('ab'), _.toSafeInteger(2 ** 60), _.castArray(1), _.toPlainObject(Object.create({ b: 2 }))]],
  ['runInContext and noConflict', (_) => {
    const lo = _.runInContext({ Date, Math: { ...Math, random: () => 0.5 } });
    return [typeof lo.map, lo.random(0, 10), lo.VERSION === _.VERSION, _.VERSION];
  }],
  ['errors', (_) => { _.curry(1); }],
  ['errors 2', (_) => _.template('<%= a.b %>')({})],
];

async function testLodash() {
  const rel = 'lodash/lodash.js';
  checkPrinted(rel);
  for (const [name, fn] of lodashCalls) {
    await check(`lodash: ${name}`, (r) => fn(r.require(path.join(r.modules, rel))));
  }
}

// ---------------------------------------------------------------------------------------------
// three.js: math, geometries (attribute arrays), ray casting, curves and triangulation.

function attrs(geometry) {
  const out = {};
  for (const [k, a] of Object.entries(geometry.attributes)) out[k] = Array.from(a.array);
  if (geometry.index) out.index = Array.from(geometry.index.array);
  out.groups = geometry.groups;
  return out;
}

const threeCases = [
  ['vectors', (T) => {
    const a = new T.Vector3(1, 2, 3), b = new T.Vector3(-4, 0.5, 9);
    return [a.clone().cross(b).toArray(), a.dot(b), a.angleTo(b), a.clone().lerp(b, 0.3).toArray(), a.clone().projectOnVector(b).toArray(), a.clone().reflect(b.clone().normalize()).toArray(),
      new T.Vector2(3, 4).rotateAround(new T.Vector2(1, 1), 0.7).toArray(), new T.Vector2(3, -4).length(), new T.Vector2(-1, 2).normalize().angle(), new T.Vector2(1, 2).distanceTo(new T.Vector2(4, 6)),
      new T.Spherical().setFromVector3(b).radius, new T.Cylindrical().setFromVector3(a).theta, new T.Vector4(1, 2, 3, 4).applyMatrix4(new T.Matrix4().makeRotationX(1)).toArray()];
  }],
  ['matrices and quaternions', (T) => {
    const q = new T.Quaternion().setFromEuler(new T.Euler(0.1, 0.2, 0.3, 'YXZ'));
    const m = new T.Matrix4().compose(new T.Vector3(1, 2, 3), q, new T.Vector3(2, 2, 0.5));
    const p = new T.Vector3(), r = new T.Quaternion(), s = new T.Vector3();
    m.clone().decompose(p, r, s);
    return [m.toArray(), m.determinant(), m.clone().invert().toArray(), p.toArray(), r.toArray(), s.toArray(), new T.Quaternion().slerpQuaternions(q, new T.Quaternion(), 0.25).toArray(),
      new T.Euler().setFromRotationMatrix(m, 'ZYX').toArray(), new T.Matrix3().getNormalMatrix(m).toArray(), new T.Matrix4().lookAt(new T.Vector3(0, 0, 5), new T.Vector3(), new T.Vector3(0, 1, 0)).toArray()];
  }],
  ['colours', (T) => {
    const c = new T.Color().setHSL(0.6, 0.5, 0.4);
    return [c.getHexString(), c.toArray(), new T.Color('rebeccapurple').getHex(), new T.Color('hsl(120, 50%, 25%)').toArray(), new T.Color().setStyle('rgb(10%, 20%, 30%)').getStyle(), c.clone().lerpHSL(new T.Color(0xff0000), 0.5).toArray()];
  }],
  ['geometries', (T) => [
    attrs(new T.BoxGeometry(1, 2, 3, 2, 1, 1)),
    attrs(new T.SphereGeometry(1, 8, 6)),
    attrs(new T.TorusKnotGeometry(1, 0.3, 16, 4)),
    attrs(new T.CylinderGeometry(0.5, 1, 2, 7, 2, true)),
    attrs(new T.IcosahedronGeometry(1, 1)),
    attrs(new T.LatheGeometry([new T.Vector2(0, 0), new T.Vector2(1, 0.5), new T.Vector2(0.5, 1)], 5)),
  ]],
  ['shapes, extrusion and triangulation', (T) => {
    const shape = new T.Shape();
    shape.moveTo(0, 0).lineTo(4, 0).quadraticCurveTo(5, 2, 4, 4).bezierCurveTo(3, 5, 1, 5, 0, 4).lineTo(0, 0);
    const hole = new T.Path().absarc(2, 2, 1, 0, Math.PI * 2, false);
    shape.holes.push(hole);
    const extruded = new T.ExtrudeGeometry(shape, { depth: 1, bevelEnabled: true, bevelSegments: 2, steps: 2, curveSegments: 6 });
    return [attrs(new T.ShapeGeometry(shape, 6)), attrs(extruded), T.ShapeUtils.area(shape.getPoints(4)), T.ShapeUtils.triangulateShape(shape.getPoints(3), [hole.getPoints(3)])];
  }],
  ['curves', (T) => {
    const curve = new T.CatmullRomCurve3([new T.Vector3(0, 0, 0), new T.Vector3(1, 2, 0), new T.Vector3(3, 1, 2), new T.Vector3(4, 4, 4)], false, 'centripetal');
    const frames = curve.computeFrenetFrames(5, false);
    return [curve.getPoints(10).map((v) => v.toArray()), curve.getLength(), curve.getTangentAt(0.3).toArray(), frames.normals.map((v) => v.toArray()), attrs(new T.TubeGeometry(curve, 8, 0.2, 5, false))];
  }],
  ['bounds, rays, frustum and ray casting', (T) => {
    const geo = new T.SphereGeometry(1, 12, 8);
    geo.computeBoundingBox();
    geo.computeBoundingSphere();
    const mesh = new T.Mesh(geo, new T.MeshBasicMaterial());
    mesh.position.set(0, 0, -5);
    mesh.rotation.set(0.3, 0.2, 0.1);
    const group = new T.Group();
    group.add(mesh);
    group.scale.set(2, 1, 1);
    group.updateMatrixWorld(true);
    const camera = new T.PerspectiveCamera(60, 16 / 9, 0.1, 100);
    camera.position.set(0.5, 0.2, 3);
    camera.updateMatrixWorld();
    const raycaster = new T.Raycaster();
    raycaster.setFromCamera(new T.Vector2(0.05, -0.02), camera);
    const hits = raycaster.intersectObject(group, true).map((h) => [h.distance, h.point.toArray(), h.faceIndex, h.face.normal.toArray(), h.uv && h.uv.toArray()]);
    const frustum = new T.Frustum().setFromProjectionMatrix(new T.Matrix4().multiplyMatrices(camera.projectionMatrix, camera.matrixWorldInverse));
    const box = new T.Box3().setFromObject(group);
    return [geo.boundingBox.min.toArray(), geo.boundingSphere.radius, camera.projectionMatrix.toArray(), hits, frustum.intersectsObject(mesh), box.min.toArray(), box.max.toArray(),
      new T.Ray(new T.Vector3(), new T.Vector3(1, 1, 0).normalize()).distanceSqToSegment(new T.Vector3(2, 0, 0), new T.Vector3(0, 3, 1))];
  }],
  ['animation', (T) => {
    const track = new T.VectorKeyframeTrack('.position', [0, 1, 2], [0, 0, 0, 1, 2, 3, 4, 4, 4], T.InterpolateSmooth);
    const qtrack = new T.QuaternionKeyframeTrack('.quaternion', [0, 2], [0, 0, 0, 1, 0, 0.7071, 0, 0.7071]);
    const clip = new T.AnimationClip('move', -1, [track, qtrack]);
    const obj = new T.Object3D();
    const mixer = new T.AnimationMixer(obj);
    mixer.clipAction(clip).play();
    const samples = [];
    for (let i = 0; i < 5; i++) {
      mixer.update(0.37);
      samples.push([obj.position.toArray(), obj.quaternion.toArray()]);
    }
    return [clip.duration, samples];
  }],
  ['math utils and errors', (T) => [T.MathUtils.clamp(5, 0, 1), T.MathUtils.smootherstep(0.3, 0, 1), T.MathUtils.euclideanModulo(-7, 3), T.MathUtils.pingpong(5.5, 2), T.MathUtils.damp(1, 2, 3, 0.1), T.MathUtils.isPowerOfTwo(64), T.REVISION]],
];

async function testThree() {
  checkPrinted('three/build/three.module.js');
  checkPrinted('three/build/three.core.js');
  const load = (r) => import(pathToFileURL(path.join(r.modules, 'three/build/three.module.js')).href);
  for (const [name, fn] of threeCases) await check(`three: ${name}`, async (r) => fn(await load(r)));
}

// ---------------------------------------------------------------------------------------------
// react-dom: server rendering (string, static markup, Node and web streams) of one tree.

function makeApp(React) {
  const h = React.createElement;
  const Theme = React.createContext('light');
  function Counter({ start, label }) {
    const [n] = React.useState(start);
    const id = React.useId();
    const doubled = React.useMemo(() => n * 2, [n]);
    const ref = React.useRef(null);
    React.useEffect(() => { throw new Error('effects must not run on the server'); }, []);
    return h('label', { htmlFor: id, ref, className: `counter ${label}` }, label, ': ', n, ' -> ', doubled, h('input', { id, type: 'number', defaultValue: n, disabled: n > 2, readOnly: true }));
  }
  const Themed = () => h('span', { 'data-theme': React.useContext(Theme) }, 'theme');
  const Memo = React.memo(function Memo({ items }) { return h('ol', null, items.map((it) => h('li', { key: it, style: { fontWeight: it.length, marginTop: 0, '--custom': it } }, it))); });
  const Fwd = React.forwardRef((props, ref) => h('button', { ref, onClick: () => {}, 'aria-label': props.label }, props.children));
  class Legacy extends React.Component {
    render() { return h(React.Fragment, null, h('p', { dangerouslySetInnerHTML: { __html: '<b>raw</b>' } }), h('textarea', { value: this.props.text, onChange() {} }), h('select', { value: 'b', onChange() {} }, h('option', { value: 'a' }, 'A'), h('option', { value: 'b' }, 'B'))); }
  }
  return function App({ title }) {
    return h('html', null, h('head', null, h('title', null, title), h('meta', { charSet: 'utf-8' })),
      h('body', null,
        h(Theme.Provider, { value: 'dark' }, h(Themed)),
        h(Counter, { start: 1, label: 'one' }), h(Counter, { start: 3, label: 'three' }),
        h(Memo, { items: ['alpha', 'beta', 'gamma & <delta>'] }),
        h(Fwd, { label: 'go' }, 'Go "now"'),
        h(Legacy, { text: "it's </textarea>" }),
        h(React.Suspense, { fallback: h('i', null, 'loading') }, h('div', { hidden: true, tabIndex: -1 }, null, false, 0, 'text', ['a', 'b'])),
        h('svg', { viewBox: '0 0 10 10', xmlnsXlink: 'http://www.w3.org/1999/xlink' }, h('use', { xlinkHref: '#x', strokeWidth: 2 }))));
  };
}

function collectPipeable(server, element) {
  return new Promise((resolve, reject) => {
    let html = '';
    const sink = new Writable({ write(chunk, enc, cb) { html += chunk; cb(); } });
    sink.on('finish', () => resolve(html));
    const stream = server.renderToPipeableStream(element, {
      onAllReady() { stream.pipe(sink); },
      onShellError: reject,
      onError(e) { reject(e); },
    });
  });
}

async function testReact() {
  const env = process.env.NODE_ENV === 'production' ? 'production' : 'development';
  for (const f of ['react-dom/cjs/react-dom-server-legacy.node', 'react-dom/cjs/react-dom-server.node', 'react-dom/cjs/react-dom-server-legacy.browser', 'react-dom/cjs/react-dom-server.browser', 'react-dom/cjs/react-dom-server.edge', 'react-dom/cjs/react-dom', 'react-dom/cjs/react-dom-client', 'react/cjs/react'])
    checkPrinted(`${f}.${env}.js`);
  // Development builds warn through console.error; collect the warnings so they are compared too.
  const realError = console.error;
  const withWarnings = async (fn) => {
    const warnings = [];
    console.error = (...a) => warnings.push(util.format(...a).replace(/\s+at .*/g, ''));
    try { return { value: await fn(), warnings }; } finally { console.error = realError; }
  };
  const setup = (r) => {
    const React = r.require('react');
    const App = makeApp(React);
    return { React, element: React.createElement(App, { title: `SSR <${env}>` }) };
  };
  await check(`react-dom (${env}): renderToString`, (r) => withWarnings(() => {
    const { element } = setup(r);
    return r.require('react-dom/server').renderToString(element);
  }));
  await check(`react-dom (${env}): renderToStaticMarkup`, (r) => withWarnings(() => {
    const { element } = setup(r);
    return r.require('react-dom/server').renderToStaticMarkup(element);
  }));
  await check(`react-dom (${env}): renderToPipeableStream`, (r) => withWarnings(() => {
    const { element } = setup(r);
    return collectPipeable(r.require('react-dom/server'), element);
  }));
  for (const variant of ['browser', 'edge']) {
    await check(`react-dom (${env}): ${variant} renderToReadableStream and renderToString`, (r) => withWarnings(async () => {
      const { element } = setup(r);
      const server = r.require(`react-dom/server.${variant}`);
      const stream = await server.renderToReadableStream(element);
      await stream.allReady;
      return [await new Response(stream).text(), server.renderToString(element)];
    }));
  }
  await check(`react-dom (${env}): a component that throws`, (r) => withWarnings(() => {
    const React = r.require('react');
    const Bad = () => { throw new TypeError('bad component'); };
    return r.require('react-dom/server').renderToString(React.createElement('div', null, React.createElement(Bad)));
  }));
  await check(`react-dom (${env}): client and DOM entry points load`, (r) => {
    const dom = r.require('react-dom');
    const client = r.require('react-dom/client');
    return [dom.version, Object.keys(dom).sort(), Object.keys(client).sort(), typeof client.createRoot];
  });
}

(async () => {
  if (only !== 'react') {
    await testTypeScript();
    await testLodash();
    await testThree();
  }
  await testReact();
  console.log(`${passed} passed, ${failed} failed`);
  // React's web-stream builds leave MessageChannel ports open (in the original as in the copies),
  // which would keep the process alive.
  process.exit(failed ? 1 : 0);
})().catch((e) => {
  console.log(`FAIL harness: ${e && e.stack}`);
  process.exit(1);
});
