'use strict';
// TextDecoder against Node 24 on generated inputs: every legacy encoding (one-shot, fatal and not)
// and streaming decodes over random chunkings (per-call outputs). The inputs and Node's answers are
// read from ${DX_GOLDEN_DIR or build/golden}/encoding.json, written by
// tests/js/tools/gen-encoding-golden.js under Node 24; without that file these tests are skipped.

const { test } = require('node:test');
const assert = require('node:assert');
const gen = require('./tools/gen-encoding-golden.js');

const { loadGolden } = require('./tools/golden.js');

const golden = loadGolden('encoding.json');
const skip = golden ? false : 'no golden file (run tests/js/tools/gen-encoding-golden.js under Node 24)';

function show(v) {
  return typeof v === 'string' ? JSON.stringify(v) : JSON.stringify(v);
}

// One test per encoding, each listing the first mismatches (bytes, what dx gave, what Node gave).
const byEncoding = new Map();
if (golden) {
  golden.cases.decode.forEach((c, i) => {
    if (!byEncoding.has(c.encoding)) byEncoding.set(c.encoding, []);
    byEncoding.get(c.encoding).push(i);
  });
}
for (const [encoding, indexes] of byEncoding) {
  test(`${encoding}: decode and fatal decode match Node 24 on ${indexes.length} generated inputs`, () => {
    const bad = [];
    for (const i of indexes) {
      const c = golden.cases.decode[i];
      const [want, wantFatal] = golden.results.decode[i];
      const got = gen.decodeAll(encoding, c.bytes, false);
      const gotFatal = gen.decodeAll(encoding, c.bytes, true);
      if (show(got) !== show(want)) bad.push(`bytes ${JSON.stringify(c.bytes)}: got ${show(got)}, want ${show(want)}`);
      if (show(gotFatal) !== show(wantFatal)) {
        bad.push(`fatal, bytes ${JSON.stringify(c.bytes)}: got ${show(gotFatal)}, want ${show(wantFatal)}`);
      }
    }
    assert.deepStrictEqual(bad.slice(0, 5), []);
  });
}

test('streaming decode: per-call outputs match Node 24 over random chunkings', { skip }, () => {
  const bad = [];
  golden.cases.streaming.forEach((c, i) => {
    const got = gen.runStreaming(c);
    if (show(got) !== show(golden.results.streaming[i])) {
      bad.push(`${c.encoding} ${JSON.stringify(c)}: got ${show(got)}, want ${show(golden.results.streaming[i])}`);
    }
  });
  assert.deepStrictEqual(bad.slice(0, 5), []);
});

test('the golden file covers every legacy encoding', { skip }, () => {
  assert.ok(byEncoding.size >= 36, `only ${byEncoding.size} encodings`);
});
