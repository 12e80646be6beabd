'use strict';
// node:url on generated inputs (fast-check, fixed seeds): URL parsing and serialisation against a
// base or none, every setter, URLSearchParams parsing and serialising, the legacy url.parse /
// url.resolve / url.format, and domainToASCII/domainToUnicode must give exactly Node 24's results,
// read from ${DX_GOLDEN_DIR or build/golden}/url.json (written by tests/js/tools/gen-url-golden.js
// under Node 24). Without the file, properties that need no reference are checked instead: a
// serialized URL parses back to itself, and getters agree with the href.
const test = require('node:test');
const assert = require('node:assert');
const url = require('url');
const gen = require('./tools/gen-url-golden.js');

process.noDeprecation = true;

const { loadGolden, assertSameResults } = require('./tools/golden.js');

const golden = loadGolden('url.json');
const cases = golden ? golden.cases : gen.makeCases();
const actual = gen.runAll(url, cases);

function compare(kind) {
  const want = golden.results[kind];
  const got = actual[kind];
  assertSameResults(kind, cases[kind], want, got, 51);
}

for (const kind of ['parse', 'setters', 'form', 'legacy', 'domains']) {
  test(`${kind}: the same results as Node 24 on generated inputs`, { skip: golden ? false : 'no golden file' }, () => {
    compare(kind);
  });
}

test('a serialized URL parses back to itself, and the getters add up to the href', () => {
  let parsed = 0;
  for (const r of actual.parse) {
    if (r.error !== undefined) continue;
    parsed++;
    assert.strictEqual(new URL(r.href).href, r.href);
    assert.strictEqual(r.href.endsWith(r.hash), true, r.href);
    assert.strictEqual(r.href.startsWith(r.protocol), true, r.href);
    assert.strictEqual(r.href.includes(r.pathname), true, r.href);
  }
  assert.ok(parsed > 1000, `${parsed} parsed`);
});

test('URLSearchParams: serialising and parsing again gives the same entries', () => {
  for (const r of actual.form) {
    assert.deepStrictEqual([...new URLSearchParams(r.string)], r.entries);
  }
});
