'use strict';
// TextEncoderStream and TextDecoderStream: chunk handling (surrogate pairs and multi-byte
// characters split across chunks, flushing, fatal mode, bad chunks), attributes, brand checks and
// inspect output as Node 24 has them; plus fast-check properties: encoding or decoding chunk by
// chunk gives exactly what one-shot TextEncoder / TextDecoder give for the whole input.
const test = require('node:test');
const assert = require('node:assert');
const util = require('node:util');
const fc = require('fast-check');

async function collect(readable) {
  const out = [];
  for await (const chunk of readable) out.push(chunk);
  return out;
}

// Writes `chunks` into a transform stream and collects what comes out of it.
async function run(stream, chunks) {
  const writer = stream.writable.getWriter();
  const done = collect(stream.readable);
  // A failure shows on the readable side; the writer's promises reject with the same error.
  for (const c of chunks) writer.write(c).catch(() => {});
  writer.close().catch(() => {});
  return done;
}

const bytesOf = (chunks) => Array.from(Buffer.concat(chunks.map((c) => Buffer.from(c))));

test('TextEncoderStream encodes each chunk to a Uint8Array of UTF-8', async () => {
  const out = await run(new TextEncoderStream(), ['a', 'é', '€']);
  assert.deepStrictEqual(out.map((c) => c.constructor.name), ['Uint8Array', 'Uint8Array', 'Uint8Array']);
  assert.deepStrictEqual(out.map((c) => Array.from(c)), [[0x61], [0xc3, 0xa9], [0xe2, 0x82, 0xac]]);
});

test('TextEncoderStream joins a surrogate pair split across chunks', async () => {
  const out = await run(new TextEncoderStream(), ['x\uD83D', '\uDE00y']);
  assert.deepStrictEqual(out.map((c) => Array.from(c)), [[0x78], [0xf0, 0x9f, 0x98, 0x80, 0x79]]);
});

test('TextEncoderStream keeps a pending high surrogate across empty chunks', async () => {
  const out = await run(new TextEncoderStream(), ['\uD83D', '', '\uDE00']);
  assert.deepStrictEqual(bytesOf(out), [0xf0, 0x9f, 0x98, 0x80]);
});

test('TextEncoderStream turns an unpaired high surrogate into U+FFFD', async () => {
  assert.deepStrictEqual(bytesOf(await run(new TextEncoderStream(), ['\uD83D', 'a'])), [0xef, 0xbf, 0xbd, 0x61]);
  assert.deepStrictEqual(bytesOf(await run(new TextEncoderStream(), ['a\uD83D'])), [0x61, 0xef, 0xbf, 0xbd]);
  assert.deepStrictEqual(bytesOf(await run(new TextEncoderStream(), ['\uDE00'])), [0xef, 0xbf, 0xbd]);
});

test('TextEncoderStream writes nothing for empty chunks', async () => {
  assert.deepStrictEqual(await run(new TextEncoderStream(), ['', '']), []);
});

test('TextEncoderStream converts other chunks with String()', async () => {
  const out = await run(new TextEncoderStream(), [undefined, null, 3.5, ['hi'], { toString: () => 'q' }]);
  assert.strictEqual(Buffer.concat(out).toString(), 'undefinednull3.5hiq');
});

test('TextEncoderStream errors both sides when a chunk cannot be converted', async () => {
  const boom = new Error('boom');
  const s = new TextEncoderStream();
  const writer = s.writable.getWriter();
  const reader = s.readable.getReader();
  const write = writer.write({ toString() { throw boom; } });
  // The transform runs once the readable side wants a chunk.
  const read = reader.read();
  await assert.rejects(write, (e) => e === boom);
  await assert.rejects(read, (e) => e === boom);
  await assert.rejects(writer.closed, (e) => e === boom);
});

test('TextDecoderStream decodes characters split across chunks', async () => {
  const bytes = Buffer.from('aé€😀');
  for (let split = 0; split <= bytes.length; split++) {
    const out = await run(new TextDecoderStream(), [bytes.subarray(0, split), bytes.subarray(split)]);
    assert.strictEqual(out.join(''), 'aé€😀', `split at ${split}`);
    assert.ok(out.every((s) => typeof s === 'string' && s.length > 0));
  }
});

test('TextDecoderStream accepts ArrayBuffers, typed arrays and DataViews', async () => {
  const out = await run(new TextDecoderStream(), [
    new Uint8Array([0x61]).buffer, new Uint16Array([0x6362]), new DataView(new Uint8Array([0x64]).buffer),
  ]);
  assert.strictEqual(out.join(''), 'abcd');
});

test('TextDecoderStream ends an incomplete sequence with U+FFFD', async () => {
  const out = await run(new TextDecoderStream(), [new Uint8Array([0x61, 0xe2, 0x82])]);
  assert.strictEqual(out.join(''), 'a\uFFFD');
});

test('a fatal TextDecoderStream errors on invalid or incomplete input', async () => {
  await assert.rejects(run(new TextDecoderStream('utf-8', { fatal: true }), [new Uint8Array([0xff])]),
                       { name: 'TypeError', code: 'ERR_ENCODING_INVALID_ENCODED_DATA' });
  await assert.rejects(run(new TextDecoderStream('utf-8', { fatal: true }), [new Uint8Array([0xe2, 0x82])]),
                       { name: 'TypeError', code: 'ERR_ENCODING_INVALID_ENCODED_DATA' });
});

test('TextDecoderStream strips a BOM unless ignoreBOM', async () => {
  const bom = new Uint8Array([0xef, 0xbb, 0xbf, 0x61]);
  assert.strictEqual((await run(new TextDecoderStream(), [bom])).join(''), 'a');
  assert.strictEqual((await run(new TextDecoderStream('utf-8', { ignoreBOM: true }), [bom])).join(''), '\uFEFFa');
});

test('TextDecoderStream decodes UTF-16LE with a code unit split across chunks', async () => {
  const out = await run(new TextDecoderStream('utf-16le'), [new Uint8Array([0x61]), new Uint8Array([0x00, 0x62, 0x00])]);
  assert.strictEqual(out.join(''), 'ab');
});

test('TextDecoderStream rejects chunks that are not BufferSources with a TypeError', async () => {
  for (const chunk of [undefined, null, 'abc', 3.14, {}, [65]]) {
    const s = new TextDecoderStream();
    const writer = s.writable.getWriter();
    const read = s.readable.getReader().read();
    await assert.rejects(writer.write(chunk), (e) => e.constructor === TypeError && e.code === 'ERR_INVALID_ARG_TYPE');
    await assert.rejects(read, TypeError);
  }
});

test('TextDecoderStream validates its arguments as TextDecoder does', () => {
  assert.throws(() => new TextDecoderStream('nope'), { name: 'RangeError', code: 'ERR_ENCODING_NOT_SUPPORTED' });
  assert.throws(() => new TextDecoderStream('utf-8', 5), { name: 'TypeError', code: 'ERR_INVALID_ARG_TYPE' });
});

test('attributes: encoding, fatal, ignoreBOM, readable, writable', () => {
  const e = new TextEncoderStream();
  assert.strictEqual(e.encoding, 'utf-8');
  assert.ok(e.readable instanceof ReadableStream);
  assert.ok(e.writable instanceof WritableStream);
  assert.strictEqual(e.readable, e.readable);
  const d = new TextDecoderStream('UTF-16BE', { fatal: true, ignoreBOM: true });
  assert.strictEqual(d.encoding, 'utf-16be');
  assert.strictEqual(d.fatal, true);
  assert.strictEqual(d.ignoreBOM, true);
  const plain = new TextDecoderStream();
  assert.strictEqual(plain.encoding, 'utf-8');
  assert.strictEqual(plain.fatal, false);
  assert.strictEqual(plain.ignoreBOM, false);
});

test('class shape: enumerable getters, no toStringTag, constructors need new', () => {
  for (const [C, names] of [[TextEncoderStream, ['encoding', 'readable', 'writable']],
    [TextDecoderStream, ['encoding', 'fatal', 'ignoreBOM', 'readable', 'writable']]]) {
    assert.deepStrictEqual(Object.getOwnPropertyNames(C.prototype), ['constructor', ...names]);
    for (const n of names) {
      const desc = Object.getOwnPropertyDescriptor(C.prototype, n);
      assert.strictEqual(typeof desc.get, 'function');
      assert.strictEqual(desc.enumerable, true);
      assert.throws(() => desc.get.call({}), TypeError);
    }
    assert.strictEqual(C.length, 0);
    assert.strictEqual(Object.prototype.toString.call(new C()), '[object Object]');
    assert.throws(() => C(), TypeError);
    const g = Object.getOwnPropertyDescriptor(globalThis, C.name);
    assert.strictEqual(g.enumerable, false);
    assert.strictEqual(g.writable, true);
    assert.strictEqual(require('stream/web')[C.name], C);
  }
});

test('util.inspect shows the attributes and both sides', () => {
  assert.strictEqual(util.inspect(new TextEncoderStream()),
    "TextEncoderStream {\n  encoding: 'utf-8',\n" +
    "  readable: ReadableStream { locked: false, state: 'readable', supportsBYOB: false },\n" +
    "  writable: WritableStream { locked: false, state: 'writable' }\n}");
  assert.strictEqual(util.inspect(new TextDecoderStream('utf-16le', { fatal: true })),
    "TextDecoderStream {\n  encoding: 'utf-16le',\n  fatal: true,\n  ignoreBOM: false,\n" +
    "  readable: ReadableStream { locked: false, state: 'readable', supportsBYOB: false },\n" +
    "  writable: WritableStream { locked: false, state: 'writable' }\n}");
  assert.strictEqual(util.inspect(new TextEncoderStream(), { depth: 0 }), 'TextEncoderStream [Object]');
});

test('pipeThrough TextEncoderStream then TextDecoderStream round-trips text', async () => {
  const text = 'héllo wörld 😀';
  const rs = ReadableStream.from([...text]).pipeThrough(new TextEncoderStream()).pipeThrough(new TextDecoderStream());
  assert.strictEqual((await collect(rs)).join(''), text);
});

// Cuts `arr` (string or bytes) at the given positions.
function cut(arr, points) {
  const sorted = [...new Set(points.map((p) => p % (arr.length + 1)))].sort((a, b) => a - b);
  const parts = [];
  let prev = 0;
  for (const p of sorted) {
    parts.push(arr.slice(prev, p));
    prev = p;
  }
  parts.push(arr.slice(prev));
  return parts;
}

test('property: TextEncoderStream over any chunking equals TextEncoder on the whole string', async () => {
  // Strings of code units, so lone and split surrogates are common.
  const unit = fc.oneof(fc.constantFrom(0xd83d, 0xde00, 0xdbff, 0xdc00, 0x61, 0xe9, 0x20ac), fc.integer({ min: 0, max: 0xffff }));
  await fc.assert(fc.asyncProperty(fc.array(unit, { maxLength: 40 }), fc.array(fc.nat(), { maxLength: 8 }),
    async (units, points) => {
      const s = String.fromCharCode(...units);
      const out = await run(new TextEncoderStream(), cut(s, points));
      assert.deepStrictEqual(bytesOf(out), Array.from(new TextEncoder().encode(s)));
    }), { seed: 20261124, numRuns: 300 });
});

test('property: TextDecoderStream over any chunking equals one-shot TextDecoder', async () => {
  // Bytes biased towards UTF-8 lead and continuation bytes, valid or not.
  const byte = fc.oneof(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0x80, max: 0xbf }),
                        fc.constantFrom(0xc3, 0xe2, 0xf0, 0xf4, 0xed, 0xef, 0xbb, 0xbf));
  await fc.assert(fc.asyncProperty(fc.array(byte, { maxLength: 48 }), fc.array(fc.nat(), { maxLength: 10 }),
    fc.boolean(), async (bytes, points, ignoreBOM) => {
      const all = Uint8Array.from(bytes);
      const expected = new TextDecoder('utf-8', { ignoreBOM }).decode(all);
      const out = await run(new TextDecoderStream('utf-8', { ignoreBOM }), cut(all, points));
      assert.strictEqual(out.join(''), expected);
    }), { seed: 20261124, numRuns: 300 });
});
