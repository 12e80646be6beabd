'use strict';
// node:string_decoder on generated inputs. Property (holds on Node 24, checked there too): for
// every encoding, the writes of any chunking of any bytes plus end() join to Buffer#toString of
// all the bytes. Golden: per-write outputs and lastNeed/lastTotal/lastChar equal Node 24's, read
// from ${DX_GOLDEN_DIR or build/golden}/encoding.json (tests/js/tools/gen-encoding-golden.js).

const { test } = require('node:test');
const assert = require('node:assert');
const fc = require('fast-check');
const { StringDecoder } = require('node:string_decoder');
const gen = require('./tools/gen-encoding-golden.js');

const { loadGolden } = require('./tools/golden.js');
const golden = loadGolden('encoding.json');

const encodings = ['utf8', 'utf16le', 'base64', 'base64url', 'hex', 'latin1', 'ascii'];
// Bytes rich in UTF-8 lead and continuation bytes, and UTF-16 surrogates.
const bytes = fc.oneof(
  fc.uint8Array({ maxLength: 60 }),
  fc.array(fc.oneof(fc.integer({ min: 0, max: 0x7f }), fc.integer({ min: 0x80, max: 0xbf }),
    fc.integer({ min: 0xc0, max: 0xff }), fc.constantFrom(0xd8, 0xdb, 0xdc, 0xdf)), { maxLength: 60 }),
);

for (const encoding of encodings) {
  test(`${encoding}: writes of a random chunking plus end() equal Buffer#toString of the whole`, () => {
    fc.assert(fc.property(bytes, fc.array(fc.nat(), { maxLength: 10 }), (arr, cuts) => {
      const d = new StringDecoder(encoding);
      let out = '';
      for (const part of gen.chunk([...arr], cuts)) out += d.write(Buffer.from(part));
      out += d.end();
      assert.strictEqual(out, Buffer.from(arr).toString(encoding));
      assert.strictEqual(d.lastNeed, 0);
    }), { numRuns: 300, seed: 5 });
  });
}

test('per-write outputs and state match Node 24 on generated chunkings',
  { skip: golden ? false : 'no golden file (run tests/js/tools/gen-encoding-golden.js under Node 24)' }, () => {
    const bad = [];
    golden.cases.sd.forEach((c, i) => {
      const got = gen.runStringDecoder(StringDecoder, c);
      const want = golden.results.sd[i];
      if (JSON.stringify(got) !== JSON.stringify(want)) {
        bad.push(`${c.encoding} ${JSON.stringify(c)}: got ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);
      }
    });
    assert.deepStrictEqual(bad.slice(0, 5), []);
  });
