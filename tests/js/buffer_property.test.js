'use strict';
// node:buffer on generated inputs. Part 1: round trips that need no reference (fast-check): bytes
// -> string -> bytes for the lossless encodings, byteLength equal to the encoded length, UTF-8
// encoding of any string against the WHATWG rule (lone surrogates -> U+FFFD), number writes read
// back. Part 2: Node 24's own results on generated inputs, read from
// ${DX_GOLDEN_DIR or build/golden}/buffer.json (written by tests/js/tools/gen-buffer-golden.js under
// Node 24): every encoding both ways, lenient base64/hex, byteLength, write, indexOf/lastIndexOf,
// fill, number reads/writes and their errors, compare, toString ranges, transcode, isUtf8,
// atob/btoa.
const test = require('node:test');
const assert = require('node:assert');
const fc = require('fast-check');
const gen = require('./tools/gen-buffer-golden.js');

const lossless = ['hex', 'base64', 'base64url', 'latin1', 'binary'];

test('bytes -> string -> bytes round-trips for hex, base64, base64url and latin1', () => {
  fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), fc.constantFrom(...lossless), (a, enc) => {
    const b = Buffer.from(a);
    const s = b.toString(enc);
    assert.ok(Buffer.from(s, enc).equals(b), `${enc}: ${s}`);
    assert.strictEqual(Buffer.byteLength(s, enc), enc.startsWith('base64') ? b.length : b.length);
  }), { numRuns: 400 });
});

test('utf16le round-trips every even-length byte string', () => {
  fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), (a) => {
    const b = Buffer.from(a.subarray(0, a.length & ~1));
    const s = b.toString('utf16le');
    assert.strictEqual(s.length, b.length / 2);
    assert.ok(Buffer.from(s, 'utf16le').equals(b));
  }), { numRuns: 300 });
});

test('large buffers round-trip through the C codecs (base64, hex, latin1, utf16le, utf8)', () => {
  fc.assert(fc.property(fc.uint8Array({ minLength: 5000, maxLength: 70000 }), (a) => {
    const b = Buffer.from(a);
    for (const enc of ['base64', 'base64url', 'hex', 'latin1']) {
      assert.ok(Buffer.from(b.toString(enc), enc).equals(b), enc);
    }
    const even = b.subarray(0, b.length & ~1);
    assert.ok(Buffer.from(even.toString('utf16le'), 'utf16le').equals(even));
  }), { numRuns: 15 });
});

// The WHATWG UTF-8 encoder over UTF-16 code units, written here: a lone surrogate is U+FFFD.
function utf8Model(s) {
  const out = [];
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
      }
    }
    if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return Buffer.from(out);
}

const stringArb = fc.oneof(fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({ unit: fc.constantFrom('a', 'é', '€', '😀', '\ud800', '\udfff', '\u0000'), maxLength: 60 }),
  fc.string({ unit: 'binary', minLength: 100, maxLength: 3000 }));

test('Buffer.from(s) is the WHATWG UTF-8 encoding and byteLength is its length', () => {
  fc.assert(fc.property(stringArb, (s) => {
    const b = Buffer.from(s);
    const want = utf8Model(s);
    assert.ok(b.equals(want), JSON.stringify(s));
    assert.strictEqual(Buffer.byteLength(s), want.length);
    assert.strictEqual(Buffer.byteLength(s, 'utf8'), want.length);
    // Decoding gives back the string with each lone surrogate replaced.
    assert.strictEqual(b.toString(), s.toWellFormed());
  }), { numRuns: 400 });
});

test('byteLength matches the encoded length in every encoding', () => {
  fc.assert(fc.property(stringArb, fc.constantFrom('utf8', 'utf16le', 'latin1', 'ascii', 'hex'), (s, enc) => {
    const n = Buffer.byteLength(s, enc);
    if (enc === 'hex') assert.ok(n >= Buffer.from(s, enc).length);
    else assert.strictEqual(n, Buffer.from(s, enc).length);
  }), { numRuns: 300 });
});

test('write then read returns the value for every integer width', () => {
  fc.assert(fc.property(fc.integer({ min: 1, max: 6 }), fc.boolean(), fc.boolean(), fc.double({ noNaN: true, noDefaultInfinity: true }),
    (bytes, signed, le, r) => {
      const bits = bytes * 8;
      const span = 2 ** bits;
      const v = Math.floor(Math.abs(r) % span) - (signed ? span / 2 : 0);
      const b = Buffer.alloc(8);
      const w = `write${signed ? 'Int' : 'UInt'}${le ? 'LE' : 'BE'}`;
      const rd = `read${signed ? 'Int' : 'UInt'}${le ? 'LE' : 'BE'}`;
      assert.strictEqual(b[w](v, 1, bytes), 1 + bytes);
      assert.strictEqual(b[rd](1, bytes), v);
    }), { numRuns: 400 });
});

test('64-bit BigInt writes read back', () => {
  fc.assert(fc.property(fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }), fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }),
    (s, u) => {
      const b = Buffer.alloc(8);
      b.writeBigInt64LE(s);
      assert.strictEqual(b.readBigInt64LE(), s);
      b.writeBigInt64BE(s);
      assert.strictEqual(b.readBigInt64BE(), s);
      b.writeBigUInt64LE(u);
      assert.strictEqual(b.readBigUInt64LE(), u);
      b.writeBigUInt64BE(u);
      assert.strictEqual(b.readBigUInt64BE(), u);
    }), { numRuns: 300 });
});

test('indexOf finds what a naive search finds (large haystacks go through C)', () => {
  fc.assert(fc.property(fc.uint8Array({ maxLength: 3000 }).map((a) => a.map((x) => x & 3)),
    fc.uint8Array({ minLength: 1, maxLength: 4 }).map((a) => a.map((x) => x & 3)), fc.integer({ min: -10, max: 3010 }),
    (hay, needle, off) => {
      const b = Buffer.from(hay);
      const n = Buffer.from(needle);
      const start = off < 0 ? Math.max(0, b.length + off) : off;
      let want = -1;
      for (let i = start; i + n.length <= b.length; i++) {
        if (b.subarray(i, i + n.length).equals(n)) { want = i; break; }
      }
      assert.strictEqual(b.indexOf(n, off), want);
    }), { numRuns: 300 });
});

// ---- Node 24 as the oracle ----

const { loadGolden, assertSameResults } = require('./tools/golden.js');

const golden = loadGolden('buffer.json');
const actual = golden ? gen.runAll(golden.cases) : null;

const kinds = ['encode', 'decode', 'base64', 'hex', 'byteLength', 'write', 'indexOf', 'fill', 'numbers', 'writeNumbers',
  'compare', 'toStringRange', 'transcode', 'isUtf8', 'atob', 'btoa'];
for (const kind of kinds) {
  test(`${kind}: the same results as Node 24 on generated inputs`, { skip: golden ? false : 'no golden file' }, () => {
    const want = golden.results[kind];
    const got = actual[kind];
    assertSameResults(kind, golden.cases[kind], want, got, 200);
  });
}
