'use strict';
// EventTarget on generated sequences (fast-check, fixed seed): random addEventListener /
// removeEventListener / dispatchEvent sequences, with listeners that stop propagation, prevent the
// default and add or remove listeners while they run, must produce exactly Node 24's call log,
// read from ${DX_GOLDEN_DIR or build/golden}/event_target.json (written by
// tests/js/tools/gen-event_target-golden.js under Node 24). Without the file, the logs are checked
// against the properties that need no reference.
const test = require('node:test');
const assert = require('node:assert');
const gen = require('./tools/gen-event_target-golden.js');

const { loadGolden } = require('./tools/golden.js');

const golden = loadGolden('event_target.json');
const cases = golden ? golden.cases : gen.makeCases();

test('random add/remove/dispatch sequences give Node\'s call log', { skip: golden ? false : 'no golden file' }, () => {
  const failures = [];
  for (let i = 0; i < cases.length; i++) {
    const got = gen.runCase(cases[i]);
    try {
      assert.deepStrictEqual(got, golden.results[i]);
    } catch {
      failures.push(`case ${i} ${JSON.stringify(cases[i])}:\n  expected ${JSON.stringify(golden.results[i])}\n  got      ${JSON.stringify(got)}`);
    }
  }
  assert.strictEqual(failures.length, 0, failures.slice(0, 5).join('\n'));
});

test('only the first listener of a dispatch sees eventPhase AT_TARGET (Node\'s behaviour)', () => {
  for (const c of cases) {
    let first = true;
    for (const entry of gen.runCase(c)) {
      if (entry[0] === 'D') {
        first = true;
        continue;
      }
      assert.match(entry, first ? /^\d:[ab]:(true|false):2$/ : /^\d:[ab]:(true|false):0$/);
      first = false;
    }
  }
  const t = new EventTarget();
  assert.strictEqual(t.dispatchEvent(new Event('a', { cancelable: true })), true);
});
