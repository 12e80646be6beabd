'use strict';
// UTF-8 decoding by Buffer#toString, TextDecoder (replacement and fatal), StringDecoder and
// buffer.isUtf8 against a reference decoder written here from the WHATWG Encoding Standard (one
// U+FFFD per maximal subpart of an ill-formed sequence). The inputs mix well-formed characters of
// every length with ill-formed bytes placed at every offset around 16- and 32-byte blocks, where
// dx's vector decoders hand over to the scalar one. Runs on Node 24 and dx.
const test = require('node:test');
const assert = require('node:assert');
const fc = require('fast-check');
const { StringDecoder } = require('node:string_decoder');
const { isUtf8 } = require('node:buffer');

function referenceDecode(bytes) {
  let out = '';
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const c = bytes[i];
    if (c < 0x80) { out += String.fromCharCode(c); i++; continue; }
    let need, cp, lo = 0x80, hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) { need = 1; cp = c & 0x1f; }
    else if (c >= 0xe0 && c <= 0xef) { need = 2; cp = c & 0x0f; if (c === 0xe0) lo = 0xa0; if (c === 0xed) hi = 0x9f; }
    else if (c >= 0xf0 && c <= 0xf4) { need = 3; cp = c & 0x07; if (c === 0xf0) lo = 0x90; if (c === 0xf4) hi = 0x8f; }
    else { out += '\ufffd'; i++; continue; }
    let j = i + 1, k = 0;
    for (; k < need && j < n; k++, j++) {
      const b = bytes[j];
      if (b < lo || b > hi) break;
      lo = 0x80; hi = 0xbf;
      cp = (cp << 6) | (b & 0x3f);
    }
    i = j;
    out += k < need ? '\ufffd' : String.fromCodePoint(cp);
  }
  return out;
}

const fatal = new TextDecoder('utf-8', { fatal: true });
const lenient = new TextDecoder('utf-8');

function checkAll(bytes, chunk) {
  const want = referenceDecode(bytes);
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  assert.strictEqual(buf.toString('utf8'), want, 'Buffer#toString');
  assert.strictEqual(lenient.decode(bytes), want, 'TextDecoder');
  // Fatal mode throws exactly when something was replaced, i.e. when the result does not encode
  // back to the input (a U+FFFD that was in the input, EF BF BD, round-trips).
  const roundTrips = Buffer.from(want, 'utf8').equals(buf);
  if (roundTrips) assert.strictEqual(fatal.decode(bytes), want, 'fatal TextDecoder');
  else assert.throws(() => fatal.decode(bytes), { name: 'TypeError' });
  assert.strictEqual(isUtf8(bytes), roundTrips, 'isUtf8');
  const sd = new StringDecoder('utf8');
  let s = '';
  for (let i = 0; i < bytes.length; i += chunk) s += sd.write(buf.subarray(i, i + chunk));
  s += sd.end();
  assert.strictEqual(s, want, `StringDecoder in ${chunk}-byte chunks`);
}

function enc(cp) { return [...Buffer.from(String.fromCodePoint(cp), 'utf8')]; }

// Pieces of input: ASCII runs, characters of each length, and ill-formed fragments.
const ill = [[0x80], [0xbf], [0xc0, 0x80], [0xc1, 0xbf], [0xc2], [0xe0, 0x80], [0xe0, 0x9f, 0x80], [0xe2, 0x82],
  [0xed, 0xa0, 0x80], [0xed, 0xbf, 0xbf], [0xf0, 0x8f, 0xbf, 0xbf], [0xf0, 0x9f, 0x98], [0xf4, 0x90, 0x80, 0x80],
  [0xf5], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xff], [0xfe], [0xc3, 0xc3], [0xe6, 0x9d]];
const piece = fc.oneof(
  { weight: 4, arbitrary: fc.array(fc.integer({ min: 0x20, max: 0x7e }), { minLength: 1, maxLength: 40 }) },
  { weight: 3, arbitrary: fc.integer({ min: 0x80, max: 0xff }).map(enc) },
  { weight: 2, arbitrary: fc.integer({ min: 0x100, max: 0x7ff }).map(enc) },
  { weight: 3, arbitrary: fc.integer({ min: 0x800, max: 0xffff }).filter((c) => c < 0xd800 || c > 0xdfff).map(enc) },
  { weight: 2, arbitrary: fc.integer({ min: 0x10000, max: 0x10ffff }).map(enc) },
  { weight: 1, arbitrary: fc.constantFrom(...ill) });

test('generated text with ill-formed pieces decodes as the reference in every decoder', () => {
  fc.assert(fc.property(fc.array(piece, { maxLength: 120 }), fc.integer({ min: 1, max: 97 }), (pieces, chunk) => {
    checkAll(Uint8Array.from(pieces.flat()), chunk);
  }), { numRuns: 400 });
});

test('random bytes decode as the reference', () => {
  fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), fc.integer({ min: 1, max: 64 }), (bytes, chunk) => {
    checkAll(bytes, chunk);
  }), { numRuns: 300 });
});

test('each ill-formed fragment at every offset 0..70 of ASCII, Latin-1, CJK and emoji text', () => {
  const backgrounds = ['a', '\u00e9', '\u0416', '\u6771', '\u{1F600}', 'x\u00e9\u6771'].map((s) => [...Buffer.from(s.repeat(80))]);
  for (const bg of backgrounds) {
    for (const frag of ill) {
      for (let off = 0; off <= 70; off++) {
        const bytes = Uint8Array.from(bg.slice(0, 80));
        bytes.set(frag.slice(0, 80 - off), off);
        checkAll(bytes, 64);
      }
    }
  }
});

test('long well-formed text: Latin-1-only and wide results, lengths around the block sizes', () => {
  for (const s of ['caf\u00e9 na\u00efve \u00fcber ', 'The quick \u6771\u4eac \u{1F600} fox ', '\u0416\u0416 ab']) {
    for (let len = 0; len < 140; len++) {
      const text = s.repeat(12).slice(0, len).replace(/[\ud800-\udbff]$/, '');
      const bytes = new Uint8Array(Buffer.from(text));
      assert.strictEqual(Buffer.from(bytes).toString(), text);
      assert.strictEqual(lenient.decode(bytes), text);
    }
  }
});
