'use strict';
// util.parseArgs, util.MIMEType, util.parseEnv and util.styleText (nested styled text) on generated
// inputs (fast-check, fixed seeds) must give exactly Node 24's results or errors (class, code,
// message), read from ${DX_GOLDEN_DIR or build/golden}/util.json (written by
// tests/js/tools/gen-util-golden.js under Node 24). MIME serialisation also has a reference-free
// property: it parses back to itself.
const test = require('node:test');
const assert = require('node:assert');
const fc = require('fast-check');
const util = require('util');
const gen = require('./tools/gen-util-golden.js');

const { loadGolden, assertSameResults } = require('./tools/golden.js');

const golden = loadGolden('util.json');
const cases = golden ? golden.cases : gen.makeCases();
const actual = gen.runAll(util, cases);

for (const kind of ['parseArgs', 'mime', 'env', 'styleText']) {
  test(`${kind}: the same results as Node 24 on generated inputs`, { skip: golden ? false : 'no golden file' }, () => {
    const want = golden.results[kind];
    const got = actual[kind];
    assertSameResults(kind, cases[kind], want, got, 400);
  });
}

test('a serialized MIME type parses back to itself', () => {
  const piece = fc.constantFrom('a', 'B', 'x-y', '+', '.', ' ', '"', '\\', ';', '=', 'é', '\t', 'q');
  const str = fc.array(piece, { maxLength: 10 }).map((a) => a.join(''));
  fc.assert(fc.property(str, str, fc.array(fc.tuple(str, str), { maxLength: 4 }), (type, sub, params) => {
    let m;
    try {
      m = new util.MIMEType(`${type}/${sub}${params.map(([k, v]) => `;${k}=${v}`).join('')}`);
    } catch (e) {
      assert.strictEqual(e.code, 'ERR_INVALID_MIME_SYNTAX');
      return;
    }
    const again = new util.MIMEType(String(m));
    assert.strictEqual(String(again), String(m));
    assert.deepStrictEqual([...again.params], [...m.params]);
  }), { seed: 9, numRuns: 500 });
});
