'use strict';
// WHATWG WritableStream, TransformStream, queuing strategies and pipeTo/pipeThrough as Node 24 has
// them. Every expectation passes under real Node 24 too.
const test = require('node:test');
const assert = require('node:assert');
const util = require('util');

const delay = (ms = 0) => new Promise((r) => setTimeout(r, ms));

async function readAll(stream) {
  const out = [];
  for await (const chunk of stream) out.push(chunk);
  return out;
}

function recorder(extra = {}) {
  const chunks = [];
  const ws = new WritableStream({ write(c) { chunks.push(c); }, ...extra });
  return { ws, chunks };
}

test('queuing strategies: shared size functions, highWaterMark, errors', () => {
  const c1 = new CountQueuingStrategy({ highWaterMark: 2 });
  const c2 = new CountQueuingStrategy({ highWaterMark: 5 });
  assert.strictEqual(c1.size, c2.size);
  assert.strictEqual(c1.size.name, 'size');
  assert.strictEqual(c1.size(), 1);
  assert.strictEqual(c1.highWaterMark, 2);
  const b = new ByteLengthQueuingStrategy({ highWaterMark: 16 });
  assert.strictEqual(b.size({ byteLength: 7 }), 7);
  assert.strictEqual(b.size.name, 'size');
  assert.notStrictEqual(b.size, c1.size);
  assert.strictEqual(util.inspect(b), 'ByteLengthQueuingStrategy { highWaterMark: 16 }');
  assert.throws(() => new CountQueuingStrategy(), { code: 'ERR_INVALID_ARG_TYPE' });
  assert.throws(() => new CountQueuingStrategy({}), { code: 'ERR_MISSING_OPTION', name: 'TypeError' });
  const get = Object.getOwnPropertyDescriptor(CountQueuingStrategy.prototype, 'highWaterMark').get;
  assert.throws(() => get.call(b), TypeError);
});

test('WritableStream: writes in order, one at a time, then close', async () => {
  const log = [];
  let active = 0;
  const ws = new WritableStream({
    start() { log.push('start'); },
    async write(chunk, controller) {
      assert.ok(controller instanceof WritableStreamDefaultController);
      assert.strictEqual(++active, 1);
      await delay();
      log.push(`write ${chunk}`);
      active--;
    },
    close() { log.push('close'); },
  });
  const writer = ws.getWriter();
  await Promise.all([writer.write('a'), writer.write('b'), writer.write('c'), writer.close()]);
  await writer.closed;
  assert.deepStrictEqual(log, ['start', 'write a', 'write b', 'write c', 'close']);
});

test('writer.desiredSize and ready follow backpressure', async () => {
  let release;
  const ws = new WritableStream({
    write() { return new Promise((r) => { release = r; }); },
  }, { highWaterMark: 2 });
  const writer = ws.getWriter();
  assert.strictEqual(writer.desiredSize, 2);
  await writer.ready;
  writer.write(1);
  writer.write(2);
  assert.strictEqual(writer.desiredSize, 0);
  let ready = false;
  writer.ready.then(() => { ready = true; });
  await delay();
  assert.strictEqual(ready, false);
  release();
  await delay();
  assert.strictEqual(ready, true);
  assert.strictEqual(writer.desiredSize, 1);
});

test('WritableStream errors: locked, released writer, double close, constructor checks', async () => {
  const ws = new WritableStream();
  const writer = ws.getWriter();
  assert.throws(() => ws.getWriter(), { code: 'ERR_INVALID_STATE' });
  await assert.rejects(ws.abort(), { code: 'ERR_INVALID_STATE' });
  await assert.rejects(ws.close(), { code: 'ERR_INVALID_STATE' });
  writer.close();
  await assert.rejects(writer.close(), { code: 'ERR_INVALID_STATE', name: 'TypeError' });
  await assert.rejects(writer.write(1), TypeError);
  writer.releaseLock();
  await assert.rejects(writer.closed, { code: 'ERR_INVALID_STATE' });
  await assert.rejects(writer.write(1), { code: 'ERR_INVALID_STATE' });
  assert.throws(() => writer.desiredSize, { code: 'ERR_INVALID_STATE' });
  assert.throws(() => new WritableStream({ type: 'bytes' }), { name: 'RangeError', code: 'ERR_INVALID_ARG_VALUE' });
  assert.throws(() => new WritableStream(null), TypeError);
  assert.throws(() => new WritableStream({ write: 1 }), TypeError);
  assert.throws(() => new WritableStreamDefaultWriter({}), { code: 'ERR_INVALID_ARG_TYPE' });
  assert.throws(() => new WritableStreamDefaultController(), { code: 'ERR_ILLEGAL_CONSTRUCTOR' });
});

test('abort: waits for the in-flight write, rejects queued writes, aborts controller.signal', async () => {
  let abortReason;
  let signal;
  const ws = new WritableStream({
    start(c) { signal = c.signal; },
    write() { return delay(5); },
    abort(r) { abortReason = r; },
  });
  const writer = ws.getWriter();
  await writer.ready;
  const w1 = writer.write('x');
  const w2 = writer.write('y');
  const err = new Error('stop');
  const aborted = writer.abort(err);
  assert.strictEqual(signal.aborted, true);
  assert.strictEqual(signal.reason, err);
  assert.strictEqual(abortReason, undefined);
  await w1;
  await assert.rejects(w2, (e) => e === err);
  await assert.rejects(writer.closed, (e) => e === err);
  await aborted;
  assert.strictEqual(abortReason, err);
});

test('a failing write errors the stream', async () => {
  const err = new Error('write');
  const ws = new WritableStream({ write() { throw err; } });
  const writer = ws.getWriter();
  await assert.rejects(writer.write(1), (e) => e === err);
  await assert.rejects(writer.closed, (e) => e === err);
  await assert.rejects(writer.write(2), (e) => e === err);
  assert.strictEqual(writer.desiredSize, null);
});

test('controller.error() errors a writable stream', async () => {
  let controller;
  const ws = new WritableStream({ start(c) { controller = c; } });
  const err = new Error('ctl');
  controller.error(err);
  const writer = ws.getWriter();
  await assert.rejects(writer.closed, (e) => e === err);
  assert.match(util.inspect(ws), /state: 'errored'/);
  assert.strictEqual(util.inspect(new WritableStream()), "WritableStream { locked: false, state: 'writable' }");
});

test('TransformStream: identity, transform, flush, pipeThrough', async () => {
  const id = new TransformStream();
  const w = id.writable.getWriter();
  w.write('a');
  w.close();
  assert.deepStrictEqual(await readAll(id.readable), ['a']);

  const upper = new TransformStream({
    transform(chunk, c) { c.enqueue(chunk.toUpperCase()); },
    flush(c) { c.enqueue('!'); },
  });
  const src = ReadableStream.from(['x', 'y']);
  assert.deepStrictEqual(await readAll(src.pipeThrough(upper)), ['X', 'Y', '!']);
});

test('TransformStream: errors, terminate, strategies, constructor checks', async () => {
  const err = new Error('t');
  const ts = new TransformStream({ transform() { throw err; } });
  const writer = ts.writable.getWriter();
  // The readable side starts with backpressure: the write waits for a read.
  const reader = ts.readable.getReader();
  const read = reader.read();
  await assert.rejects(writer.write(1), (e) => e === err);
  await assert.rejects(read, (e) => e === err);
  await assert.rejects(reader.closed, (e) => e === err);

  let controller;
  const ts2 = new TransformStream({ start(c) { controller = c; } });
  controller.terminate();
  assert.deepStrictEqual(await readAll(ts2.readable), []);
  await assert.rejects(ts2.writable.getWriter().closed, TypeError);
  assert.throws(() => controller.enqueue(1), { code: 'ERR_INVALID_STATE' });

  const ts3 = new TransformStream({}, { highWaterMark: 4 }, { highWaterMark: 2 });
  const w3 = ts3.writable.getWriter();
  assert.strictEqual(w3.desiredSize, 4);
  let tc;
  new TransformStream({ start(c) { tc = c; } }, undefined, { highWaterMark: 3 });
  assert.strictEqual(tc.desiredSize, 3);

  assert.throws(() => new TransformStream({ readableType: 'bytes' }), RangeError);
  assert.throws(() => new TransformStream({ writableType: 'bytes' }), RangeError);
  assert.throws(() => new TransformStream({ transform: 1 }), TypeError);
  assert.throws(() => new TransformStream(null), { code: 'ERR_INVALID_ARG_TYPE' });
  assert.throws(() => new TransformStreamDefaultController(), { code: 'ERR_ILLEGAL_CONSTRUCTOR' });
  const readable = Object.getOwnPropertyDescriptor(TransformStream.prototype, 'readable').get;
  assert.throws(() => readable.call({}), { code: 'ERR_INVALID_THIS' });
});

test('TransformStream: cancel of the readable reaches transformer.cancel and errors the writable', async () => {
  let reason;
  const ts = new TransformStream({ cancel(r) { reason = r; } });
  await ts.readable.cancel('gone');
  assert.strictEqual(reason, 'gone');
  await assert.rejects(ts.writable.getWriter().closed, (e) => e === 'gone');
});

test('pipeTo: copies every chunk and closes the destination', async () => {
  const { ws, chunks } = recorder();
  const rs = ReadableStream.from([1, 2, 3, 4]);
  await rs.pipeTo(ws);
  assert.deepStrictEqual(chunks, [1, 2, 3, 4]);
  assert.strictEqual(rs.locked, false);
  assert.strictEqual(ws.locked, false);
  await assert.rejects(ws.getWriter().write(5), TypeError);
});

test('pipeTo: preventClose keeps the destination open', async () => {
  const { ws, chunks } = recorder();
  await ReadableStream.from(['a']).pipeTo(ws, { preventClose: true });
  const writer = ws.getWriter();
  await writer.write('b');
  assert.deepStrictEqual(chunks, ['a', 'b']);
});

test('pipeTo: source errors abort the destination unless preventAbort', async () => {
  const err = new Error('src');
  let aborted;
  const { ws } = recorder({ abort(r) { aborted = r; } });
  const rs = new ReadableStream({ pull(c) { c.error(err); } });
  await assert.rejects(rs.pipeTo(ws), (e) => e === err);
  assert.strictEqual(aborted, err);

  const ws2 = new WritableStream();
  const rs2 = new ReadableStream({ pull(c) { c.error(err); } });
  await assert.rejects(rs2.pipeTo(ws2, { preventAbort: true }), (e) => e === err);
  const writer = ws2.getWriter();
  await writer.write(1);
});

test('pipeTo: destination errors cancel the source unless preventCancel', async () => {
  const err = new Error('dst');
  let canceled;
  const rs = new ReadableStream({ pull(c) { c.enqueue(1); }, cancel(r) { canceled = r; } });
  await assert.rejects(rs.pipeTo(new WritableStream({ write() { throw err; } })), (e) => e === err);
  assert.strictEqual(canceled, err);
});

test('pipeTo: an AbortSignal stops the pipe with its reason', async () => {
  const ac = new AbortController();
  let canceled, aborted;
  const rs = new ReadableStream({ pull(c) { c.enqueue('x'); return delay(); }, cancel(r) { canceled = r; } });
  const ws = new WritableStream({ abort(r) { aborted = r; } });
  const p = rs.pipeTo(ws, { signal: ac.signal });
  await delay(5);
  const reason = new Error('enough');
  ac.abort(reason);
  await assert.rejects(p, (e) => e === reason);
  assert.strictEqual(canceled, reason);
  assert.strictEqual(aborted, reason);

  const already = AbortController.prototype.abort && new AbortController();
  already.abort();
  await assert.rejects(new ReadableStream().pipeTo(new WritableStream(), { signal: already.signal }),
    { name: 'AbortError' });
  await assert.rejects(new ReadableStream().pipeTo(new WritableStream(), { signal: 1 }),
    { code: 'ERR_INVALID_ARG_TYPE' });
});

test('pipeTo and pipeThrough argument checks', async () => {
  await assert.rejects(new ReadableStream().pipeTo(1), { code: 'ERR_INVALID_ARG_TYPE' });
  assert.throws(() => new ReadableStream().pipeThrough({ readable: 1, writable: new WritableStream() }),
    { code: 'ERR_INVALID_ARG_TYPE' });
  const rs = new ReadableStream();
  rs.getReader();
  await assert.rejects(rs.pipeTo(new WritableStream()), { code: 'ERR_INVALID_STATE' });
  assert.throws(() => rs.pipeThrough(new TransformStream()), { code: 'ERR_INVALID_STATE' });
});

test('pipeThrough chains keep order under backpressure', async () => {
  const n = 200;
  let i = 0;
  const rs = new ReadableStream({
    pull(c) { if (i < n) c.enqueue(i++); else c.close(); },
  }, { highWaterMark: 0 });
  const double = () => new TransformStream({ async transform(x, c) { if (x % 7 === 0) await delay(); c.enqueue(x * 2); } });
  const { ws, chunks } = recorder();
  await rs.pipeThrough(double()).pipeThrough(double()).pipeTo(ws);
  assert.deepStrictEqual(chunks, Array.from({ length: n }, (_, k) => k * 4));
});
