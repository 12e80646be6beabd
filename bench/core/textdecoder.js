'use strict';
// TextDecoder / TextEncoder / StringDecoder throughput on 64 MB inputs. Runs under dx, node and bun:
//   dx bench/core/textdecoder.js      node bench/core/textdecoder.js      bun bench/core/textdecoder.js
// Each measure runs REPS times after WARMUP runs; prints "<name>\t<median ms>" per line on stdout.
// Set TD_MB to change the size (default 64) and TD_REPS the repetitions (default 7).

const { StringDecoder } = require('string_decoder');

const MB = Number(process.env.TD_MB || 64);
const SIZE = MB * 1024 * 1024;
const REPS = Number(process.env.TD_REPS || 7);
const WARMUP = 2;
const now = typeof performance !== 'undefined' && performance.now ? () => performance.now() : () => Date.now();

// ASCII text: printable characters and newlines.
function asciiBytes(n) {
  const b = new Uint8Array(n);
  for (let i = 0; i < n; i++) b[i] = i % 80 === 79 ? 10 : 32 + ((i * 7) % 95);
  return b;
}

// Mixed UTF-8: mostly ASCII with Latin-1, CJK and emoji sequences, about 20% of the bytes non-ASCII.
function mixedBytes(n) {
  const unit = new TextEncoder().encode('The quick brown fox jumps over the lazy dog, naïve café 東京 😀. ');
  const b = new Uint8Array(n);
  for (let i = 0; i < n; i += unit.length) b.set(unit.subarray(0, Math.min(unit.length, n - i)), i);
  // Cut at a character boundary so the input is valid UTF-8.
  let end = n;
  while (end > 0 && (b[end - 1] & 0xc0) === 0x80) end--;
  if (end > 0 && b[end - 1] >= 0xc0) end--;
  return b.subarray(0, end);
}

function median(a) {
  const s = [...a].sort((x, y) => x - y);
  return s[s.length >> 1];
}

function measure(name, fn) {
  for (let i = 0; i < WARMUP; i++) fn();
  const times = [];
  for (let i = 0; i < REPS; i++) {
    const t0 = now();
    fn();
    times.push(now() - t0);
  }
  console.log(`${name}\t${median(times).toFixed(2)}`);
}

let sink = 0;
const ascii = asciiBytes(SIZE);
const mixed = mixedBytes(SIZE);
const decoder = new TextDecoder();
const encoder = new TextEncoder();

measure(`TextDecoder.decode ascii ${MB}MB`, () => { sink += decoder.decode(ascii).length; });
measure(`TextDecoder.decode mixed-utf8 ${MB}MB`, () => { sink += decoder.decode(mixed).length; });

const asciiString = decoder.decode(ascii);
const mixedString = decoder.decode(mixed);
measure(`TextEncoder.encode ascii ${MB}MB`, () => { sink += encoder.encode(asciiString).length; });
measure(`TextEncoder.encode mixed-utf8 ${MB}MB`, () => { sink += encoder.encode(mixedString).length; });

const CHUNK = 64 * 1024;
function stringDecoderRun(bytes) {
  const sd = new StringDecoder('utf8');
  let len = 0;
  for (let i = 0; i < bytes.length; i += CHUNK) len += sd.write(bytes.subarray(i, i + CHUNK)).length;
  len += sd.end().length;
  return len;
}
measure(`StringDecoder.write 64KB chunks ascii ${MB}MB`, () => { sink += stringDecoderRun(ascii); });
measure(`StringDecoder.write 64KB chunks mixed-utf8 ${MB}MB`, () => { sink += stringDecoderRun(mixed); });

if (sink === 0) console.error('unexpected: nothing decoded');
