'use strict';
// util.inspect and util.format on generated values, against Node 24's answers. The values come from
// fast-check with a fixed seed (tests/js/tools/gen-inspect-golden.js); Node's answers are read from
// $DX_GOLDEN_DIR/inspect.json (default build/golden), written by running that script under Node 24.
// Without the file the test compares the running runtime with itself, which only checks that nothing
// throws where it should not.
const test = require('node:test');
const assert = require('node:assert');
const path = require('path');
const util = require('util');
const gen = require('./tools/gen-inspect-golden.js');

function loadGolden() {
  const dir = process.env.DX_GOLDEN_DIR || path.join(__dirname, '..', '..', 'build', 'golden');
  const file = path.resolve(dir, 'inspect.json');
  let golden;
  try {
    golden = require(file);
  } catch (err) {
    if (err && err.code === 'MODULE_NOT_FOUND') return undefined;
    throw err;
  }
  if (golden.seed !== gen.SEED || golden.numRuns !== gen.NUM_RUNS || golden.fastCheckVersion !== gen.fastCheckVersion) {
    throw new Error(`${file} was made from other inputs; run tests/js/tools/gen-inspect-golden.js again`);
  }
  return golden.expected;
}

test(`inspect and format match Node 24 on ${gen.NUM_RUNS} generated values`, () => {
  const expected = loadGolden();
  const cases = gen.samples();
  assert.strictEqual(cases.length, gen.NUM_RUNS);
  const failures = [];
  for (let i = 0; i < cases.length; i++) {
    const want = expected === undefined ? gen.run(util, cases[i]) : expected[i];
    const got = gen.run(util, cases[i]);
    if (got !== want) failures.push({ index: i, kind: cases[i].kind, options: cases[i].options, want, got });
  }
  if (failures.length > 0) {
    const shown = failures.slice(0, 5).map((f) =>
      `#${f.index} ${f.kind} ${JSON.stringify(f.options)}\n  expected ${JSON.stringify(f.want)}\n  actual   ${JSON.stringify(f.got)}`);
    assert.fail(`${failures.length} of ${cases.length} differ from Node:\n${shown.join('\n')}`);
  }
});
