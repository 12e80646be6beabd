'use strict';
// node:stream on generated scenarios: each scenario (stream shape, options, operations and the
// choices its _read/_write/_transform make) must produce exactly Node 24's log of events,
// callbacks and state, read from ${DX_GOLDEN_DIR or build/golden}/stream.json (written by
// tests/js/tools/gen-stream-golden.js under Node 24). Without the file, each scenario is run twice
// and must give the same log (the streams' scheduling is deterministic).
const test = require('node:test');
const assert = require('node:assert');
const stream = require('node:stream');
const gen = require('./tools/gen-stream-golden.js');

function loadGolden() {
  let dir = process.env.DX_GOLDEN_DIR || 'build/golden';
  if (dir[0] !== '/') dir = `${__dirname}/../../${dir}`;
  try {
    return require(`${dir}/stream.json`);
  } catch (e) {
    if (e.code === 'MODULE_NOT_FOUND') return null;
    throw e;
  }
}

const golden = loadGolden();

if (golden) {
  test('every scenario logs exactly what Node 24 logged', async () => {
    const failures = [];
    for (let i = 0; i < golden.cases.length; i++) {
      const got = await gen.runScenario(stream, golden.cases[i]);
      const want = golden.results[i];
      try {
        assert.deepStrictEqual(got, want);
      } catch {
        let at = 0;
        while (at < want.length && got[at] === want[at]) at++;
        failures.push(`case ${i} ${JSON.stringify(golden.cases[i])}: first difference at line ${at}: ` +
          `expected ${JSON.stringify(want.slice(at, at + 3))}, got ${JSON.stringify(got.slice(at, at + 3))}`);
      }
    }
    assert.deepStrictEqual(failures, []);
  });
} else {
  test('scenarios are deterministic (no golden file)', async () => {
    const cases = gen.makeCases().slice(0, 40);
    for (const sc of cases) {
      assert.deepStrictEqual(await gen.runScenario(stream, sc), await gen.runScenario(stream, sc));
    }
  });
}
