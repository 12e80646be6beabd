'use strict';
// node:buffer codecs on 64 MB of data (bench/core/run.sh's contract: one `<measure>\t<ms>` line per
// measure, the median of REPS repetitions after a warm-up). Runs under dx, node and bun.
//   utf8_encode_ascii / utf8_encode_mixed   Buffer.from(string, 'utf8')
//   utf8_decode_ascii / utf8_decode_mixed   buf.toString('utf8')
//   base64_encode / base64_decode           buf.toString('base64') / Buffer.from(string, 'base64')
//   hex_encode / hex_decode                 buf.toString('hex') / Buffer.from(string, 'hex')
// Usage: buffer.js [megabytes=64] [reps=5]
const MB = Number(process.argv[2] || 64);
const REPS = Number(process.argv[3] || 5);
const size = MB * 1024 * 1024;

// Deterministic data: a xorshift generator.
let seed = 0x12345678;
function rnd() {
  seed ^= seed << 13; seed >>>= 0;
  seed ^= seed >>> 17;
  seed ^= seed << 5; seed >>>= 0;
  return seed;
}

const words = ['the', 'quick', 'brown', 'fox', 'jumps', 'over', 'lazy', 'dog', 'buffer', 'encoding',
  'runtime', 'lorem', 'ipsum', 'dolor', 'sit', 'amet'];
const mixedWords = ['déjà', 'vu', 'naïve', 'Ωmega', 'straße', '東京', 'mañana', 'привет', 'data', '😀',
  'café', 'über', 'text', 'ελληνικά', 'niño', 'plain'];

function makeText(list, bytes) {
  const parts = [];
  let n = 0;
  while (n < bytes) {
    const w = list[rnd() % list.length];
    parts.push(w);
    n += Buffer.byteLength(w) + 1;
  }
  return parts.join(' ');
}

const asciiText = makeText(words, size);
const mixedText = makeText(mixedWords, size);
const asciiBuf = Buffer.from(asciiText, 'utf8');
const mixedBuf = Buffer.from(mixedText, 'utf8');
const binary = Buffer.allocUnsafe(size);
for (let i = 0; i < size; i += 4) binary.writeUInt32LE(rnd(), i);
const b64 = binary.toString('base64');
const hex = binary.toString('hex');

let sink = 0;
function measure(name, fn) {
  sink += fn(); // warm-up
  const times = [];
  for (let r = 0; r < REPS; r++) {
    const t0 = performance.now();
    sink += fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  console.log(`${name}\t${times[times.length >> 1].toFixed(2)}`);
}

measure('utf8_encode_ascii', () => Buffer.from(asciiText, 'utf8').length);
measure('utf8_encode_mixed', () => Buffer.from(mixedText, 'utf8').length);
measure('utf8_decode_ascii', () => asciiBuf.toString('utf8').length);
measure('utf8_decode_mixed', () => mixedBuf.toString('utf8').length);
measure('base64_encode', () => binary.toString('base64').length);
measure('base64_decode', () => Buffer.from(b64, 'base64').length);
measure('hex_encode', () => binary.toString('hex').length);
measure('hex_decode', () => Buffer.from(hex, 'hex').length);
if (sink === 0) throw new Error('unreachable');
