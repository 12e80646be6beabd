'use strict';
// WHATWG byte streams (type: 'bytes'): BYOB readers and requests, autoAllocateChunkSize, byte tee,
// plus property tests (fast-check) that bytes survive any chunking through BYOB reads, byte tee and
// pipes. Every expectation passes under real Node 24 too.
const test = require('node:test');
const assert = require('node:assert');
const fc = require('fast-check');

function byteSource(chunks) {
  let i = 0;
  return new ReadableStream({
    type: 'bytes',
    pull(c) {
      if (i < chunks.length) {
        c.enqueue(Uint8Array.from(chunks[i++]));
      } else {
        c.close();
        // A pending BYOB read completes (done, empty view) only once the request is answered.
        if (c.byobRequest) c.byobRequest.respond(0);
      }
    },
  });
}

function concat(parts) {
  const out = [];
  for (const p of parts) for (const b of p) out.push(b);
  return out;
}

async function readAllBytes(stream) {
  const out = [];
  for await (const c of stream) out.push(...c);
  return out;
}

test('BYOB reader: fills the given view, detaches it, respects min', async () => {
  const rs = byteSource([[1, 2, 3], [4, 5, 6, 7]]);
  const reader = rs.getReader({ mode: 'byob' });
  assert.ok(reader instanceof ReadableStreamBYOBReader);
  const view = new Uint8Array(8);
  const { value, done } = await reader.read(view);
  assert.strictEqual(done, false);
  assert.deepStrictEqual([...value], [1, 2, 3]);
  assert.strictEqual(view.byteLength, 0, 'the original view is detached');
  assert.strictEqual(value.buffer.byteLength, 8);
  const r2 = await reader.read(new Uint8Array(8), { min: 4 });
  assert.deepStrictEqual([...r2.value], [4, 5, 6, 7]);
  const end = await reader.read(new Uint16Array(2));
  assert.strictEqual(end.done, true);
  assert.ok(end.value instanceof Uint16Array);
  assert.strictEqual(end.value.length, 0);
});

test('BYOB read argument errors', async () => {
  const reader = new ReadableStream({ type: 'bytes' }).getReader({ mode: 'byob' });
  await assert.rejects(reader.read(new Uint8Array(0)), { code: 'ERR_INVALID_STATE', name: 'TypeError' });
  await assert.rejects(reader.read(1), { code: 'ERR_INVALID_ARG_TYPE' });
  await assert.rejects(reader.read(new Uint8Array(1), { min: 0 }), TypeError);
  await assert.rejects(reader.read(new Uint8Array(1), { min: 2 }), RangeError);
  await assert.rejects(reader.read(new DataView(new ArrayBuffer(2)), { min: 3 }), RangeError);
  assert.throws(() => new ReadableStreamBYOBReader(new ReadableStream()), TypeError);
});

test('byobRequest: view, respond, respondWithNewView and their errors', async () => {
  let request;
  const rs = new ReadableStream({
    type: 'bytes',
    pull(c) { request = c.byobRequest; },
  });
  const reader = rs.getReader({ mode: 'byob' });
  const pending = reader.read(new Uint8Array(4));
  await new Promise((r) => setTimeout(r, 0));
  assert.ok(request instanceof ReadableStreamBYOBRequest);
  assert.strictEqual(request.view.byteLength, 4);
  assert.throws(() => request.respond(0), TypeError);
  assert.throws(() => request.respond(5), RangeError);
  assert.throws(() => request.respondWithNewView(new Uint8Array(2)), RangeError);
  request.view.set([9, 8]);
  request.respond(2);
  assert.strictEqual(request.view, null);
  assert.throws(() => request.respond(1), { code: 'ERR_INVALID_STATE' });
  assert.deepStrictEqual([...(await pending).value], [9, 8]);

  const p2 = reader.read(new Uint8Array(3));
  await new Promise((r) => setTimeout(r, 0));
  const v = request.view;
  const nv = new Uint8Array(v.buffer, v.byteOffset, 1);
  nv[0] = 42;
  request.respondWithNewView(nv);
  assert.deepStrictEqual([...(await p2).value], [42]);
});

test('byte controller errors', async () => {
  let c;
  new ReadableStream({ type: 'bytes', start(x) { c = x; } });
  assert.throws(() => c.enqueue(new Uint8Array(0)), { code: 'ERR_INVALID_STATE' });
  assert.throws(() => c.enqueue('x'), { code: 'ERR_INVALID_ARG_TYPE' });
  assert.strictEqual(c.desiredSize, 0);
  assert.strictEqual(c.byobRequest, null);
  c.close();
  assert.throws(() => c.close(), TypeError);
  assert.throws(() => c.enqueue(new Uint8Array(1)), TypeError);
});

test('enqueue transfers the chunk\'s buffer', async () => {
  let c;
  const rs = new ReadableStream({ type: 'bytes', start(x) { c = x; } });
  const chunk = new Uint8Array([1, 2, 3]);
  c.enqueue(chunk);
  assert.strictEqual(chunk.byteLength, 0);
  const { value } = await rs.getReader().read();
  assert.deepStrictEqual([...value], [1, 2, 3]);
});

test('autoAllocateChunkSize gives default readers a byobRequest', async () => {
  const sizes = [];
  const rs = new ReadableStream({
    type: 'bytes',
    autoAllocateChunkSize: 16,
    pull(c) {
      const req = c.byobRequest;
      sizes.push(req.view.byteLength);
      req.view[0] = 7;
      req.respond(1);
    },
  });
  const { value } = await rs.getReader().read();
  assert.deepStrictEqual(sizes, [16]);
  assert.deepStrictEqual([...value], [7]);
  assert.strictEqual(value.buffer.byteLength, 16);
});

test('property: BYOB reads with any view sizes reassemble the bytes', async () => {
  await fc.assert(fc.asyncProperty(
    fc.array(fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 20 }), { maxLength: 10 }),
    fc.array(fc.integer({ min: 1, max: 25 }), { minLength: 1, maxLength: 10 }),
    async (chunks, viewSizes) => {
      const reader = byteSource(chunks).getReader({ mode: 'byob' });
      const got = [];
      for (let k = 0; ; k++) {
        const { value, done } = await reader.read(new Uint8Array(viewSizes[k % viewSizes.length]));
        if (done) break;
        assert.ok(value.byteLength > 0);
        got.push(...value);
      }
      assert.deepStrictEqual(got, concat(chunks));
    }), { numRuns: 60 });
});

test('property: byte tee gives both branches the same bytes, read either way', async () => {
  await fc.assert(fc.asyncProperty(
    fc.array(fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 16 }), { maxLength: 8 }),
    fc.integer({ min: 1, max: 20 }),
    async (chunks, viewSize) => {
      const [a, b] = byteSource(chunks).tee();
      const readByob = async (s) => {
        const reader = s.getReader({ mode: 'byob' });
        const out = [];
        for (;;) {
          const { value, done } = await reader.read(new Uint8Array(viewSize));
          if (done) return out;
          out.push(...value);
        }
      };
      const [x, y] = await Promise.all([readByob(a), readAllBytes(b)]);
      assert.deepStrictEqual(x, concat(chunks));
      assert.deepStrictEqual(y, concat(chunks));
    }), { numRuns: 50 });
});

test('property: chunks keep their order through pipeThrough and tee', async () => {
  await fc.assert(fc.asyncProperty(
    fc.array(fc.anything(), { maxLength: 30 }),
    // (A writable side with highWaterMark 0 is never ready, so pipeTo would wait forever.)
    fc.integer({ min: 1, max: 4 }),
    fc.integer({ min: 0, max: 4 }),
    async (values, hwmIn, hwmOut) => {
      const ts = new TransformStream({}, { highWaterMark: hwmIn }, { highWaterMark: hwmOut });
      const [a, b] = ReadableStream.from(values.map((v) => ({ v }))).pipeThrough(ts).tee();
      const read = async (s) => { const out = []; for await (const c of s) out.push(c.v); return out; };
      const [x, y] = await Promise.all([read(a), read(b)]);
      assert.deepStrictEqual(x, values);
      assert.deepStrictEqual(y, values);
    }), { numRuns: 60 });
});
