'use strict';
// node:querystring on generated inputs (fast-check, fixed seeds): parse with every separator,
// maxKeys and decoder option, escape, unescape/unescapeBuffer and stringify must give exactly
// Node 24's results, read from ${DX_GOLDEN_DIR or build/golden}/querystring.json (written by
// tests/js/tools/gen-querystring-golden.js under Node 24). The round-trip property needs no golden.
const test = require('node:test');
const assert = require('node:assert');
const fc = require('fast-check');
const qs = require('querystring');
const gen = require('./tools/gen-querystring-golden.js');

const { loadGolden, assertSameResults } = require('./tools/golden.js');

const golden = loadGolden('querystring.json');
const cases = golden ? golden.cases : gen.makeCases();
const actual = gen.runAll(qs, cases);

for (const kind of ['parse', 'parseAny', 'escape', 'unescape', 'stringify']) {
  test(`${kind}: the same results as Node 24 on generated inputs`, { skip: golden ? false : 'no golden file' }, () => {
    const want = golden.results[kind];
    const got = actual[kind];
    assertSameResults(kind, cases[kind], want, got, 300);
  });
}

// Keys and values as strings with any characters except lone surrogates (escape rejects those).
const wellFormed = fc.string({ maxLength: 8, unit: 'grapheme' });

test('parse(stringify(obj)) gives back an object of strings and arrays', () => {
  const objArb = fc.dictionary(wellFormed.filter((k) => k !== ''),
    fc.oneof(wellFormed, fc.array(wellFormed, { minLength: 2, maxLength: 4 })), { maxKeys: 6 });
  fc.assert(fc.property(objArb, fc.constantFrom(['&', '='], [';', ':'], ['&&', '=>']), (obj, [sep, eq]) => {
    const back = qs.parse(qs.stringify(obj, sep, eq), sep, eq);
    assert.strictEqual(Object.getPrototypeOf(back), null);
    assert.deepStrictEqual({ ...back }, { ...obj });
  }), { seed: 7, numRuns: 300 });
});

test('unescape(escape(s)) === s for well-formed strings', () => {
  fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 20 }), (s) => {
    assert.strictEqual(qs.unescape(qs.escape(s)), s);
  }), { seed: 8, numRuns: 300 });
});

test('escape equals encodeURIComponent on well-formed strings', () => {
  fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (s) => {
    assert.strictEqual(qs.escape(s), encodeURIComponent(s));
  }), { seed: 10, numRuns: 1000 });
});
