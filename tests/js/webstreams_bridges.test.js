'use strict';
// Node streams <-> WHATWG streams: Readable/Writable/Duplex .toWeb and .fromWeb, Duplex.from with
// web streams and Blobs, pipeline/finished/compose/addAbortSignal and the is* predicates on web
// streams, stream/consumers over a ReadableStream, and Blob.prototype.stream(). Expected values
// are Node 24's. Ends with a fast-check property: bytes survive Readable -> toWeb -> fromWeb under
// any chunking.
const test = require('node:test');
const assert = require('node:assert');
const util = require('node:util');
const fc = require('fast-check');
const stream = require('node:stream');
const { pipeline: pipelinePromise, finished: finishedPromise } = require('node:stream/promises');
const consumers = require('node:stream/consumers');

const { Readable, Writable, Duplex, PassThrough, Transform } = stream;
const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

async function collect(iterable) {
  const out = [];
  for await (const chunk of iterable) out.push(chunk);
  return out;
}

function sourceOf(chunks) {
  return new ReadableStream({
    start(c) {
      for (const chunk of chunks) c.enqueue(chunk);
      c.close();
    },
  });
}

// --- Readable.toWeb ---

test('Readable.toWeb: byte chunks arrive as Uint8Array copies', async () => {
  const r = new Readable({ read() {} });
  const buf = Buffer.from('cd');
  r.push('ab');
  r.push(buf);
  r.push(null);
  const out = await collect(Readable.toWeb(r));
  assert.deepStrictEqual(out.map((c) => c.constructor.name), ['Uint8Array', 'Uint8Array']);
  assert.deepStrictEqual(out.map((c) => Buffer.from(c).toString()), ['ab', 'cd']);
  assert.notStrictEqual(out[1].buffer, buf.buffer);
});

test('Readable.toWeb: object mode and encoded readables pass chunks through', async () => {
  const o = new Readable({ objectMode: true, read() {} });
  o.push('ab');
  o.push({ x: 1 });
  o.push(null);
  assert.deepStrictEqual(await collect(Readable.toWeb(o)), ['ab', { x: 1 }]);
  const s = new Readable({ encoding: 'utf8', read() {} });
  s.push('héllo');
  s.push(null);
  assert.deepStrictEqual(await collect(Readable.toWeb(s)), ['héllo']);
});

test('Readable.toWeb: the readable is paused once the queue is full', async () => {
  let reads = 0;
  const src = new Readable({
    highWaterMark: 2,
    objectMode: true,
    read() {
      reads++;
      this.push(reads);
      if (reads === 10) this.push(null);
    },
  });
  const rs = Readable.toWeb(src, { strategy: { highWaterMark: 3 } });
  await tick();
  await tick();
  assert.strictEqual(src.isPaused(), true);
  assert.ok(reads < 10, `read ${reads} chunks before anyone read the web stream`);
  assert.deepStrictEqual(await collect(rs), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
});

test('Readable.toWeb: cancel destroys the readable with the reason, or an AbortError', async () => {
  const a = new Readable({ read() {} });
  const errors = [];
  a.on('error', (e) => errors.push(e));
  const reason = new Error('why');
  await Readable.toWeb(a).cancel(reason);
  assert.strictEqual(a.destroyed, true);
  const b = new Readable({ read() {} });
  b.on('error', (e) => errors.push(e));
  await Readable.toWeb(b).cancel();
  await tick();
  assert.strictEqual(errors[0], reason);
  assert.strictEqual(errors[1].name, 'AbortError');
  assert.strictEqual(errors[1].code, 'ABORT_ERR');
});

test('Readable.toWeb: cancel right away neither resumes nor ends the readable', async () => {
  const r = new Readable({ read() { r.push('x'); r.push(null); } });
  const events = [];
  for (const e of ['pause', 'resume', 'end', 'close']) r.on(e, () => events.push(e));
  r.on('error', (e) => events.push(`error ${e.code}`));
  await Readable.toWeb(r).cancel();
  await tick();
  assert.deepStrictEqual(events, ['pause', 'error ABORT_ERR', 'close']);
});

test('Readable.toWeb: destroying or erroring the readable errors the stream', async () => {
  const a = new Readable({ read() {} });
  const ra = Readable.toWeb(a).getReader();
  a.destroy();
  await assert.rejects(ra.closed, (e) => e.name === 'AbortError' && e.code === 'ABORT_ERR' &&
                       e.cause.code === 'ERR_STREAM_PREMATURE_CLOSE');
  const boom = new Error('boom');
  const b = new Readable({ read() {} });
  b.on('error', () => {});
  const rb = Readable.toWeb(b).getReader();
  b.destroy(boom);
  await assert.rejects(rb.closed, (e) => e === boom);
});

test('Readable.toWeb of a destroyed readable is over at once', async () => {
  const a = new Readable({ read() {} });
  a.destroy();
  const rs = Readable.toWeb(a);
  assert.match(util.inspect(rs), /state: 'errored'/);
  await assert.rejects(rs.getReader().read(), { name: 'AbortError' });
  const b = new Readable({ read() {} });
  b.push(null);
  b.resume();
  await finishedPromise(b);
  const closed = Readable.toWeb(b);
  assert.match(util.inspect(closed), /state: 'closed'/);
  assert.deepStrictEqual(await closed.getReader().read(), { value: undefined, done: true });
});

test('Readable.toWeb with type "bytes" supports BYOB reads', async () => {
  const r = new Readable({ read() {} });
  r.push('abc');
  r.push('def');
  r.push(null);
  const rs = Readable.toWeb(r, { type: 'bytes' });
  assert.match(util.inspect(rs), /supportsBYOB: true/);
  const reader = rs.getReader({ mode: 'byob' });
  let res = await reader.read(new Uint8Array(2));
  assert.deepStrictEqual([...res.value], [97, 98]);
  res = await reader.read(new Uint8Array(10));
  assert.deepStrictEqual([...res.value], [99, 100, 101, 102]);
  res = await reader.read(new Uint8Array(10));
  assert.strictEqual(res.done, true);
  assert.strictEqual(res.value.byteLength, 0);
});

test('Readable.toWeb validates its arguments', () => {
  assert.throws(() => Readable.toWeb(5), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "streamReadable" argument must be an stream.Readable. Received type number (5)',
  });
  assert.throws(() => Readable.toWeb({}), { code: 'ERR_INVALID_ARG_TYPE' });
  assert.throws(() => Readable.toWeb(new Readable(), null), { code: 'ERR_INVALID_ARG_TYPE' });
  assert.throws(() => Readable.toWeb(new Readable(), { type: 'foo' }), {
    name: 'TypeError',
    code: 'ERR_INVALID_ARG_VALUE',
    message: "The property 'options.type' must be one of: 'bytes', undefined. Received 'foo'",
  });
  assert.throws(() => Readable.toWeb(new Readable(), { strategy: { highWaterMark: -1 } }), RangeError);
});

// --- Readable.fromWeb ---

test('Readable.fromWeb: chunks become Buffers, or stay as they are in object mode', async () => {
  // Byte chunks may be joined in the Readable's buffer.
  const out = await collect(Readable.fromWeb(sourceOf(['x', new Uint8Array([1, 2])])));
  assert.ok(out.every((c) => Buffer.isBuffer(c)));
  assert.deepStrictEqual(Buffer.concat(out), Buffer.from([0x78, 1, 2]));
  const objs = await collect(Readable.fromWeb(sourceOf([{ a: 1 }, 'y']), { objectMode: true }));
  assert.deepStrictEqual(objs, [{ a: 1 }, 'y']);
  const text = await collect(Readable.fromWeb(sourceOf([Buffer.from('hé')]), { encoding: 'utf8' }));
  assert.deepStrictEqual(text, ['hé']);
});

test('Readable.fromWeb locks the stream; destroying the readable cancels it', async () => {
  let cancelReason = 'none';
  const rs = new ReadableStream({ cancel(reason) { cancelReason = reason; } });
  const r = Readable.fromWeb(rs);
  assert.strictEqual(rs.locked, true);
  assert.throws(() => rs.getReader(), { code: 'ERR_INVALID_STATE' });
  const boom = new Error('boom');
  r.on('error', () => {});
  r.destroy(boom);
  await new Promise((resolve) => r.on('close', resolve));
  assert.strictEqual(cancelReason, boom);
});

test('Readable.fromWeb: an erroring stream destroys the readable', async () => {
  let controller;
  const r = Readable.fromWeb(new ReadableStream({ start(c) { controller = c; } }));
  const boom = new Error('web');
  const got = new Promise((resolve) => r.on('error', resolve));
  controller.error(boom);
  assert.strictEqual(await got, boom);
  assert.strictEqual(r.destroyed, true);
});

test('Readable.fromWeb validates its arguments', () => {
  assert.throws(() => Readable.fromWeb(5), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "readableStream" argument must be an instance of ReadableStream. Received type number (5)',
  });
  assert.throws(() => Readable.fromWeb(new ReadableStream(), 5), { code: 'ERR_INVALID_ARG_TYPE' });
  assert.throws(() => Readable.fromWeb(new ReadableStream(), { encoding: 'x' }), { code: 'ERR_INVALID_ARG_VALUE' });
  assert.throws(() => Readable.fromWeb(new ReadableStream(), { objectMode: 1 }), {
    message: 'The "options.objectMode" property must be of type boolean. Received type number (1)',
  });
});

test('destroying a fromWeb(toWeb()) wrapper while it emits data is clean', async () => {
  const wrapper = Readable.fromWeb(Readable.toWeb(Readable.from(['data'])));
  wrapper.on('data', () => wrapper.destroy());
  await new Promise((resolve) => wrapper.on('close', resolve));
});

// --- Writable.toWeb ---

test('Writable.toWeb: writes reach the writable, close ends it after it finishes', async () => {
  const log = [];
  const w = new Writable({
    highWaterMark: 3,
    write(chunk, encoding, cb) {
      log.push([chunk.constructor.name, String(chunk)]);
      setTimeout(cb, 1);
    },
    final(cb) {
      log.push('final');
      cb();
    },
  });
  w.on('finish', () => log.push('finish'));
  w.on('close', () => log.push('close'));
  const writer = Writable.toWeb(w).getWriter();
  assert.strictEqual(writer.desiredSize, 3);
  await writer.write('ab');
  await writer.write(new Uint8Array([0x63]));
  await writer.close();
  log.push('closed');
  assert.deepStrictEqual(log, [['Buffer', 'ab'], ['Buffer', 'c'], 'final', 'finish', 'close', 'closed']);
});

test('Writable.toWeb: chunks count by size in byte mode and by one in object mode', () => {
  const bytes = Writable.toWeb(new Writable({ highWaterMark: 100, write() {} })).getWriter();
  bytes.write(new Uint16Array(3));
  // The chunk counts its 6 bytes until the Writable has taken it.
  assert.strictEqual(bytes.desiredSize, 94);
  bytes.write('héllo');
  assert.strictEqual(bytes.desiredSize, 89);
  const objects = Writable.toWeb(new Writable({ objectMode: true, highWaterMark: 2, write() {} })).getWriter();
  assert.strictEqual(objects.desiredSize, 2);
});

test('Writable.toWeb: abort destroys the writable with the reason, or an AbortError', async () => {
  const seen = [];
  const a = new Writable({ write(c, e, cb) { cb(); } });
  a.on('error', (e) => seen.push(e));
  await Writable.toWeb(a).abort();
  const reason = new Error('r');
  const b = new Writable({ write(c, e, cb) { cb(); } });
  b.on('error', (e) => seen.push(e));
  await Writable.toWeb(b).abort(reason);
  await tick();
  assert.strictEqual(a.destroyed, true);
  assert.strictEqual(seen[0].code, 'ABORT_ERR');
  assert.strictEqual(seen[1], reason);
});

test('Writable.toWeb: a writable destroyed elsewhere errors the stream', async () => {
  const w = new Writable({ write(c, e, cb) { cb(); } });
  const writer = Writable.toWeb(w).getWriter();
  w.destroy();
  await assert.rejects(writer.closed, (e) => e.code === 'ABORT_ERR' && e.cause.code === 'ERR_STREAM_PREMATURE_CLOSE');
  const failing = new Writable({ write(c, e, cb) { cb(new Error('wfail')); } });
  failing.on('error', () => {});
  const fw = Writable.toWeb(failing).getWriter();
  fw.write('a').catch(() => {});
  await assert.rejects(fw.closed, { message: 'wfail' });
});

test('Writable.toWeb of a destroyed or ended writable is a closed stream', async () => {
  const a = new Writable({ write(c, e, cb) { cb(); } });
  a.destroy();
  const b = new Writable({ write(c, e, cb) { cb(); } });
  b.end();
  for (const w of [a, b]) {
    const ws = Writable.toWeb(w);
    await tick();
    assert.match(util.inspect(ws), /state: 'closed'/);
  }
  assert.throws(() => Writable.toWeb({}), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "streamWritable" argument must be an stream.Writable. Received an instance of Object',
  });
});

// --- Writable.fromWeb ---

test('Writable.fromWeb: writes and end reach the sink in order', async () => {
  const events = [];
  const w = Writable.fromWeb(new WritableStream({
    write(chunk) { events.push(['sink write', chunk.constructor.name, String(chunk)]); },
    close() { events.push('sink close'); },
  }));
  for (const e of ['prefinish', 'finish', 'close']) w.on(e, () => events.push(e));
  w.write('a', () => events.push('write cb'));
  w.end(() => events.push('end cb'));
  await new Promise((resolve) => w.on('close', resolve));
  assert.deepStrictEqual(events,
    [['sink write', 'Buffer', 'a'], 'write cb', 'sink close', 'prefinish', 'end cb', 'finish', 'close']);
});

test('Writable.fromWeb: decodeStrings: false and object mode pass strings through', async () => {
  const got = [];
  const sink = () => new WritableStream({ write(c) { got.push(c); } });
  const a = Writable.fromWeb(sink(), { decodeStrings: false });
  a.end('hé');
  const b = Writable.fromWeb(sink(), { objectMode: true });
  b.end({ k: 1 });
  await Promise.all([finishedPromise(a), finishedPromise(b)]);
  assert.deepStrictEqual(got, ['hé', { k: 1 }]);
});

test('Writable.fromWeb: destroy aborts the sink with the error, or closes it', async () => {
  const events = [];
  const a = Writable.fromWeb(new WritableStream({
    abort(r) { events.push(`abort ${r.message}`); },
    close() { events.push('close'); },
  }));
  a.on('error', (e) => events.push(`error ${e.message}`));
  a.destroy(new Error('d'));
  const b = Writable.fromWeb(new WritableStream({
    abort() { events.push('b abort'); },
    close() { events.push('b close'); },
  }));
  b.destroy();
  await tick();
  assert.deepStrictEqual(events, ['abort d', 'b close', 'error d']);
});

test('Writable.fromWeb: a failing sink write fails the callback and the writable', async () => {
  const w = Writable.fromWeb(new WritableStream({ write() { throw new Error('sinkfail'); } }));
  const errors = [];
  w.on('error', (e) => errors.push(`error ${e.message}`));
  await new Promise((resolve) => w.write('a', (err) => {
    errors.push(`cb ${err.message}`);
    resolve();
  }));
  await tick();
  assert.deepStrictEqual(errors, ['cb sinkfail', 'error sinkfail']);
  assert.throws(() => Writable.fromWeb(new WritableStream(), { decodeStrings: 1 }), { code: 'ERR_INVALID_ARG_TYPE' });
  assert.throws(() => Writable.fromWeb({}), {
    message: 'The "writableStream" argument must be an instance of WritableStream. Received an instance of Object',
  });
});

// --- Duplex ---

test('Duplex.toWeb: a PassThrough gives a working { readable, writable } pair', async () => {
  const pair = Duplex.toWeb(new PassThrough());
  assert.deepStrictEqual(Object.keys(pair), ['writable', 'readable']);
  const writer = pair.writable.getWriter();
  writer.write('hello');
  writer.close();
  const out = await collect(pair.readable);
  assert.strictEqual(Buffer.concat(out).toString(), 'hello');
  assert.throws(() => Duplex.toWeb(new Readable()), {
    message: 'The "duplex" argument must be an stream.Duplex. Received an instance of Readable',
  });
});

test('Duplex.toWeb: readableType (or type) "bytes" makes the readable side a byte stream', async () => {
  const d = new Duplex({ read() { this.push('hello'); this.push(null); }, write(c, e, cb) { cb(); } });
  const { readable } = Duplex.toWeb(d, { readableType: 'bytes' });
  const res = await readable.getReader({ mode: 'byob' }).read(new Uint8Array(5));
  assert.strictEqual(Buffer.from(res.value).toString(), 'hello');
  assert.match(util.inspect(Duplex.toWeb(new PassThrough(), { type: 'bytes' }).readable), /supportsBYOB: true/);
  assert.match(util.inspect(Duplex.toWeb(new PassThrough()).readable), /supportsBYOB: false/);
  assert.throws(() => Duplex.toWeb(new PassThrough(), { readableType: 'foo' }), {
    message: "The property 'options.type' must be one of: 'bytes', undefined. Received 'foo'",
  });
});

test('Duplex.toWeb of a destroyed duplex gives closed sides', async () => {
  const d = new PassThrough();
  d.destroy();
  const pair = Duplex.toWeb(d);
  await tick();
  assert.match(util.inspect(pair.readable), /state: 'closed'/);
  assert.match(util.inspect(pair.writable), /state: 'closed'/);
});

test('Duplex.fromWeb: writes go to the writable side, reads come from the readable side', async () => {
  const written = [];
  const d = Duplex.fromWeb({
    readable: sourceOf([new Uint8Array([1])]),
    writable: new WritableStream({ write(c) { written.push(String(c)); } }),
  }, { allowHalfOpen: true });
  assert.strictEqual(d.allowHalfOpen, true);
  d.end('in');
  assert.deepStrictEqual(Buffer.concat(await collect(d)), Buffer.from([1]));
  await finishedPromise(d);
  assert.deepStrictEqual(written, ['in']);
  assert.throws(() => Duplex.fromWeb({}), {
    message: 'The "pair.readable" property must be an instance of ReadableStream. Received undefined',
  });
  assert.throws(() => Duplex.fromWeb({ readable: new ReadableStream() }), { code: 'ERR_INVALID_ARG_TYPE' });
  assert.throws(() => Duplex.fromWeb(5), { code: 'ERR_INVALID_ARG_TYPE' });
});

test('Duplex.from: web streams, pairs, TransformStreams and Blobs', async () => {
  const fromRs = Duplex.from(sourceOf(['x', new Uint8Array([1])]));
  assert.strictEqual(fromRs.readable, true);
  assert.strictEqual(fromRs.writable, false);
  assert.deepStrictEqual(Buffer.concat(await collect(fromRs)), Buffer.from([0x78, 1]));

  const sunk = [];
  const fromWs = Duplex.from(new WritableStream({ write(c) { sunk.push(String(c)); } }));
  assert.strictEqual(fromWs.readable, false);
  assert.strictEqual(fromWs.writable, true);
  fromWs.end('to the sink');
  await finishedPromise(fromWs);
  assert.deepStrictEqual(sunk, ['to the sink']);

  const upper = Duplex.from(new TransformStream({
    transform(chunk, c) { c.enqueue(String(chunk).toUpperCase()); },
  }));
  assert.strictEqual(upper.readable && upper.writable, true);
  upper.end('abc');
  assert.strictEqual(Buffer.concat(await collect(upper)).toString(), 'ABC');

  const fromBlob = Duplex.from(new Blob(['abc']));
  assert.strictEqual(fromBlob.readableObjectMode, true);
  const chunks = await collect(fromBlob);
  assert.strictEqual(chunks.length, 1);
  assert.ok(chunks[0] instanceof ArrayBuffer);
  assert.strictEqual(Buffer.from(chunks[0]).toString(), 'abc');
});

// --- pipeline, finished, compose, addAbortSignal, predicates ---

test('pipeline: ReadableStream -> Writable, Readable -> WritableStream', async () => {
  const got = [];
  await pipelinePromise(sourceOf(['hello', 'world']), new Writable({
    write(chunk, e, cb) { got.push(String(chunk)); cb(); },
  }));
  assert.deepStrictEqual(got, ['hello', 'world']);
  const sunk = [];
  await pipelinePromise(Readable.from(['a', 'b']), new WritableStream({ write(c) { sunk.push(c); } }));
  assert.deepStrictEqual(sunk, ['a', 'b']);
});

test('pipeline: through a TransformStream, a Transform and an async generator', async () => {
  const out = [];
  await new Promise((resolve, reject) => {
    stream.pipeline(
      sourceOf(['a', 'b']),
      new TransformStream({ transform(chunk, c) { c.enqueue(chunk.toUpperCase()); } }),
      new Transform({ transform(chunk, e, cb) { cb(null, `${chunk}!`); } }),
      async function* (source) {
        for await (const chunk of source) yield String(chunk);
      },
      new WritableStream({ write(c) { out.push(c); } }),
      (err) => (err ? reject(err) : resolve()));
  });
  assert.strictEqual(out.join(''), 'A!B!');
});

test('pipeline: an erroring ReadableStream fails it and aborts the WritableStream', async () => {
  let controller;
  let abortReason;
  const rs = new ReadableStream({ start(c) { controller = c; } });
  const ws = new WritableStream({ abort(r) { abortReason = r; } });
  const p = pipelinePromise(rs, ws);
  const boom = new Error('kaboom');
  controller.error(boom);
  await assert.rejects(p, (e) => e === boom);
  assert.strictEqual(abortReason, boom);
});

test('finished() on web streams', async () => {
  let c;
  const rs = new ReadableStream({ start(controller) { c = controller; } });
  const done = finishedPromise(rs);
  c.close();
  await done;
  const errored = new ReadableStream({ start(controller) { c = controller; } });
  const failed = finishedPromise(errored);
  c.error(new Error('e5'));
  await assert.rejects(failed, { message: 'e5' });
  const ws = new WritableStream();
  const wsDone = finishedPromise(ws);
  await ws.close();
  await wsDone;
  assert.throws(() => stream.finished({}, () => {}), {
    message: 'The "stream" argument must be an instance of ReadableStream, WritableStream, or Stream. ' +
      'Received an instance of Object',
  });
});

test('compose() with web streams at either end', async () => {
  const d = stream.compose(new TransformStream({ transform(ch, c) { c.enqueue(String(ch).toUpperCase()); } }),
                           new PassThrough({ objectMode: true }));
  assert.strictEqual(d.readable && d.writable, true);
  d.end('abc');
  assert.deepStrictEqual((await collect(d)).map(String), ['ABC']);

  const d2 = stream.compose(sourceOf(['x']), new TransformStream({ transform(ch, c) { c.enqueue(`${ch}!`); } }));
  assert.strictEqual(d2.readable, true);
  assert.strictEqual(d2.writable, false);
  assert.deepStrictEqual((await collect(d2)).map(String), ['x!']);

  const sunk = [];
  const d3 = stream.compose(new PassThrough(), new WritableStream({ write(ch) { sunk.push(String(ch)); } }));
  assert.strictEqual(d3.readable, false);
  d3.end('zz');
  await new Promise((resolve) => d3.on('finish', resolve));
  assert.deepStrictEqual(sunk, ['zz']);
});

test('addAbortSignal() errors a ReadableStream with an AbortError', async () => {
  const ac = new AbortController();
  const rs = stream.addAbortSignal(ac.signal, new ReadableStream());
  ac.abort();
  await assert.rejects(rs.getReader().read(), (e) => e.name === 'AbortError' && e.code === 'ABORT_ERR' &&
                       e.cause.name === 'AbortError');
});

test('isErrored / isReadable / isWritable / isDisturbed on web streams', async () => {
  const rs = new ReadableStream({ start(c) { c.enqueue('a'); } });
  assert.deepStrictEqual([stream.isErrored(rs), stream.isReadable(rs), stream.isDisturbed(rs)], [false, true, false]);
  await rs.getReader().read();
  assert.strictEqual(stream.isDisturbed(rs), true);
  const errored = new ReadableStream({ start(c) { c.error(new Error('x')); } });
  assert.deepStrictEqual([stream.isErrored(errored), stream.isReadable(errored)], [true, false]);
  const closed = new ReadableStream({ start(c) { c.close(); } });
  assert.deepStrictEqual([stream.isErrored(closed), stream.isReadable(closed)], [false, false]);
  const ws = new WritableStream();
  assert.deepStrictEqual([stream.isErrored(ws), stream.isWritable(ws)], [false, true]);
  await ws.close();
  assert.strictEqual(stream.isWritable(ws), false);
});

test('stream/consumers read ReadableStreams', async () => {
  const mk = () => sourceOf([new TextEncoder().encode('{"a":'), new TextEncoder().encode('1}')]);
  assert.strictEqual(await consumers.text(mk()), '{"a":1}');
  assert.deepStrictEqual(await consumers.json(mk()), { a: 1 });
  assert.deepStrictEqual(await consumers.buffer(mk()), Buffer.from('{"a":1}'));
  assert.strictEqual(Buffer.from(await consumers.arrayBuffer(mk())).toString(), '{"a":1}');
  const blob = await consumers.blob(mk());
  assert.strictEqual(await blob.text(), '{"a":1}');
});

// --- Blob.prototype.stream ---

test('Blob.prototype.stream(): a byte stream with one chunk per part', async () => {
  const b = new Blob(Array(10).fill('hello'));
  const s = b.stream();
  assert.match(util.inspect(s), /supportsBYOB: true/);
  const chunks = await collect(s);
  assert.strictEqual(chunks.length, 10);
  assert.ok(chunks.every((c) => c instanceof Uint8Array && c.byteLength === 5));
  assert.strictEqual(Buffer.concat(chunks).toString(), 'hello'.repeat(10));
  assert.deepStrictEqual(await new Blob([]).stream().getReader().read(), { value: undefined, done: true });
});

test('Blob.prototype.stream(): BYOB reads, slices and nested blobs', async () => {
  const reader = new Blob(['hello world']).stream().getReader({ mode: 'byob' });
  let res = await reader.read(new Uint8Array(4));
  assert.strictEqual(Buffer.from(res.value).toString(), 'hell');
  res = await reader.read(new Uint8Array(40));
  assert.strictEqual(Buffer.from(res.value).toString(), 'o world');
  res = await reader.read(new Uint8Array(4));
  assert.strictEqual(res.done, true);
  const sliced = await collect(new Blob(['abc', 'def', 'ghi']).slice(2, 7).stream());
  assert.strictEqual(Buffer.concat(sliced).toString(), 'cdefg');
  const nested = await collect(new Blob([new Blob(['ab', 'cd']), 'ef']).stream());
  assert.strictEqual(Buffer.concat(nested).toString(), 'abcdef');
});

test('Blob.prototype.stream(): shape and brand check', () => {
  const desc = Object.getOwnPropertyDescriptor(Blob.prototype, 'stream');
  assert.strictEqual(desc.enumerable, true);
  assert.strictEqual(Blob.prototype.stream.length, 0);
  assert.throws(() => Blob.prototype.stream.call({}), {
    name: 'TypeError', code: 'ERR_INVALID_THIS', message: 'Value of "this" must be of type Blob',
  });
});

// --- property ---

test('property: bytes survive Readable -> toWeb -> fromWeb under any chunking', async () => {
  await fc.assert(fc.asyncProperty(fc.array(fc.uint8Array({ maxLength: 64 }), { maxLength: 20 }),
    fc.integer({ min: 1, max: 64 }), async (chunks, hwm) => {
      const src = Readable.from(chunks.map((c) => Buffer.from(c)), { objectMode: false, highWaterMark: hwm });
      const back = Readable.fromWeb(Readable.toWeb(src), { highWaterMark: hwm });
      const out = Buffer.concat(await collect(back));
      assert.deepStrictEqual(out, Buffer.concat(chunks.map((c) => Buffer.from(c))));
    }), { seed: 20261124, numRuns: 150 });
});
