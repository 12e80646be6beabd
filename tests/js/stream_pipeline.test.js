'use strict';
// node:stream pipeline() and finished() (callback and promise forms), addAbortSignal, the
// highWaterMark defaults, the is* predicates, the legacy Stream class and stream/promises.
// P18: pipeline delivers exactly the input bytes through random chains of stages, and an injected
// error destroys every stream and reaches the callback once.
const test = require('node:test');
const assert = require('node:assert');
const fc = require('fast-check');
const stream = require('node:stream');
const streamPromises = require('node:stream/promises');

const {
  Readable, Writable, Duplex, Transform, PassThrough, pipeline, finished, addAbortSignal,
} = stream;

const tick = () => new Promise((resolve) => setImmediate(resolve));

function sink() {
  const chunks = [];
  const w = new Writable({ write(c, e, cb) { chunks.push(c); cb(); } });
  w.chunks = chunks;
  return w;
}

test('module shape', () => {
  assert.strictEqual(typeof stream, 'function');
  assert.strictEqual(stream.Stream, stream);
  assert.strictEqual(stream.promises, streamPromises);
  assert.strictEqual(require('stream/promises'), streamPromises);
  assert.strictEqual(typeof streamPromises.pipeline, 'function');
  assert.strictEqual(typeof streamPromises.finished, 'function');
  assert.strictEqual(require('node:util').promisify(pipeline), streamPromises.pipeline);
  assert.strictEqual(require('node:util').promisify(finished), streamPromises.finished);
  for (const name of ['Readable', 'Writable', 'Duplex', 'Transform', 'PassThrough', 'pipeline', 'finished',
    'addAbortSignal', 'destroy', 'isDisturbed', 'isErrored', 'isReadable', 'isWritable', 'isDestroyed',
    'getDefaultHighWaterMark', 'setDefaultHighWaterMark', 'duplexPair']) {
    assert.strictEqual(typeof stream[name], 'function', name);
  }
  assert.ok(new Readable() instanceof stream);
  assert.ok(new stream() instanceof require('node:events'));
});

test('pipeline(): readable -> transform -> writable, callback once with no error', async () => {
  const out = sink();
  const err = await new Promise((resolve) => {
    const ret = pipeline(
      Readable.from(['a', 'b', 'c'], { objectMode: false }),
      new Transform({ transform(c, e, cb) { cb(null, c.toString().toUpperCase()); } }),
      out,
      resolve);
    assert.strictEqual(ret, out);
  });
  assert.strictEqual(err, undefined);
  assert.strictEqual(Buffer.concat(out.chunks).toString(), 'ABC');
});

test('pipeline(): async generator stages and a promise-returning last stage', async () => {
  const value = await new Promise((resolve, reject) => {
    pipeline(
      function* () { yield 1; yield 2; yield 3; },
      async function* (source) { for await (const x of source) yield x * 2; },
      async function (source) {
        let sum = 0;
        for await (const x of source) sum += x;
        return sum;
      },
      (err, val) => (err ? reject(err) : resolve(val)));
  });
  assert.strictEqual(value, 12);
});

test('pipeline(): an error destroys every stream and is reported once', async () => {
  const log = [];
  const r = new Readable({ read() { this.push('x'); } });
  const t = new Transform({ transform(c, e, cb) { cb(new Error('tfail')); } });
  const w = new Writable({ write(c, e, cb) { cb(); } });
  for (const [name, s] of [['r', r], ['t', t], ['w', w]]) s.on('close', () => log.push(`${name}:close`));
  let calls = 0;
  const err = await new Promise((resolve) => pipeline(r, t, w, (e) => { calls++; resolve(e); }));
  await tick();
  assert.strictEqual(err.message, 'tfail');
  assert.strictEqual(calls, 1);
  assert.ok(r.destroyed && t.destroyed && w.destroyed);
  assert.deepStrictEqual(log.sort(), ['r:close', 't:close', 'w:close']);
});

test('pipeline(): premature close of the destination', async () => {
  const r = new Readable({ read() {} });
  const w = new Writable({ write(c, e, cb) { cb(); } });
  const p = new Promise((resolve) => pipeline(r, w, resolve));
  r.push('a');
  await tick();
  w.destroy();
  const err = await p;
  assert.strictEqual(err.code, 'ERR_STREAM_PREMATURE_CLOSE');
  assert.strictEqual(err.message, 'Premature close');
  assert.strictEqual(r.destroyed, true);
});

test('pipeline(): argument errors', () => {
  assert.throws(() => pipeline(new PassThrough()), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "streams[stream.length - 1]" property must be of type function. Received an instance of PassThrough',
  });
  assert.throws(() => pipeline(new PassThrough(), () => {}), {
    code: 'ERR_MISSING_ARGS', message: 'The "streams" argument must be specified',
  });
  assert.throws(() => pipeline(() => 5, new PassThrough(), () => {}), {
    code: 'ERR_INVALID_RETURN_VALUE',
    message: 'Expected Iterable, AsyncIterable or Stream to be returned from the "source" function but got type number (5).',
  });
  const closed = new PassThrough();
  closed.destroy();
  assert.throws(() => pipeline(new PassThrough(), closed, () => {}), {
    code: 'ERR_STREAM_UNABLE_TO_PIPE', message: 'Cannot pipe to a closed or destroyed stream',
  });
});

test('stream/promises pipeline with an AbortSignal', async () => {
  const ac = new AbortController();
  const r = new Readable({ read() {} });
  const w = new Writable({ write(c, e, cb) { cb(); } });
  const p = streamPromises.pipeline(r, w, { signal: ac.signal });
  ac.abort();
  await assert.rejects(p, { name: 'AbortError', code: 'ABORT_ERR' });
  assert.strictEqual(r.destroyed, true);
  assert.strictEqual(w.destroyed, true);
  await assert.rejects(streamPromises.pipeline(Readable.from([1]), new PassThrough({ objectMode: true }),
    { signal: 'x' }), { code: 'ERR_INVALID_ARG_TYPE', message: /"options\.signal" property must be an instance of AbortSignal/ });
});

test('stream/promises pipeline resolves; end: false leaves the destination open', async () => {
  const out = sink();
  await streamPromises.pipeline(Readable.from(['q'], { objectMode: false }), out);
  assert.strictEqual(out.writableFinished, true);
  const open = sink();
  await streamPromises.pipeline(Readable.from(['q'], { objectMode: false }), open, { end: false });
  assert.strictEqual(open.writableEnded, false);
});

test('P18: pipeline delivers exactly the input through random chains', async () => {
  const stage = fc.constantFrom('pass', 'transform', 'gen', 'duplexish');
  await fc.assert(fc.asyncProperty(
    fc.array(fc.uint8Array({ minLength: 1, maxLength: 50 }), { maxLength: 15 }),
    fc.array(stage, { maxLength: 4 }),
    fc.integer({ min: 1, max: 32 }),
    async (chunks, stages, hwm) => {
      const middle = stages.map((kind) => {
        if (kind === 'pass') return new PassThrough({ highWaterMark: hwm });
        if (kind === 'transform') return new Transform({ highWaterMark: hwm, transform(c, e, cb) { setImmediate(cb, null, c); } });
        if (kind === 'duplexish') return new Transform({ transform(c, e, cb) { this.push(c.subarray(0, 1)); cb(null, c.subarray(1)); } });
        return async function* (source) { for await (const c of source) yield c; };
      });
      const out = sink();
      const input = chunks.map((c) => Buffer.from(c));
      const err = await new Promise((resolve) => pipeline(Readable.from(input, { objectMode: false }), ...middle, out, resolve));
      assert.strictEqual(err, undefined);
      assert.deepStrictEqual(Buffer.concat(out.chunks), Buffer.concat(input));
    }), { seed: 18, numRuns: 60 });
});

test('P18: an injected error destroys every stream and is reported once', async () => {
  await fc.assert(fc.asyncProperty(
    fc.integer({ min: 1, max: 4 }),
    fc.nat(),
    fc.nat({ max: 5 }),
    async (nMiddle, failAt, failAfter) => {
      const where = failAt % (nMiddle + 2);
      const boom = new Error('injected');
      let seen = 0;
      const maybeFail = (s, i) => {
        if (i === where) setTimeout(() => s.destroy(boom), failAfter);
        return s;
      };
      const streams = [maybeFail(new Readable({ read() { if (seen++ < 1000) this.push('z'); } }), 0)];
      for (let i = 1; i <= nMiddle; i++) streams.push(maybeFail(new PassThrough(), i));
      streams.push(maybeFail(new Writable({ write(c, e, cb) { setImmediate(cb); } }), nMiddle + 1));
      let calls = 0;
      const err = await new Promise((resolve) => pipeline(...streams, (e) => { calls++; resolve(e); }));
      await new Promise((resolve) => setTimeout(resolve, 10));
      assert.strictEqual(calls, 1);
      assert.strictEqual(err, boom);
      for (const s of streams) assert.strictEqual(s.destroyed, true);
    }), { seed: 180, numRuns: 40 });
});

test('finished(): end, finish, premature close, errors, cleanup', async () => {
  const r = new Readable({ read() {} });
  const p1 = new Promise((resolve) => finished(r, resolve));
  r.resume();
  r.push(null);
  assert.strictEqual(await p1, undefined);

  const r2 = new Readable({ read() {} });
  const p2 = new Promise((resolve) => finished(r2, resolve));
  r2.destroy();
  assert.strictEqual((await p2).code, 'ERR_STREAM_PREMATURE_CLOSE');

  const w = new Writable({ write(c, e, cb) { cb(new Error('wfail')); } });
  w.on('error', () => {});
  const p3 = new Promise((resolve) => finished(w, resolve));
  w.write('x');
  assert.strictEqual((await p3).message, 'wfail');

  const d = new Duplex({ read() {}, write(c, e, cb) { cb(); } });
  let readableDone = false;
  finished(d, { writable: false }, () => { readableDone = true; });
  d.resume();
  d.push(null);
  await tick();
  await tick();
  assert.strictEqual(readableDone, true);

  const x = new PassThrough();
  let called = false;
  const cleanup = finished(x, () => { called = true; });
  cleanup();
  x.destroy();
  await tick();
  assert.strictEqual(called, false);

  // An already finished stream calls back on a later tick.
  const p4 = new Promise((resolve) => finished(r, resolve));
  assert.strictEqual(await p4, undefined);
});

test('finished(): argument validation and signal', async () => {
  assert.throws(() => finished({}, () => {}), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "stream" argument must be an instance of ReadableStream, WritableStream, or Stream. Received an instance of Object',
  });
  assert.throws(() => finished(new PassThrough()), { code: 'ERR_INVALID_ARG_TYPE' });
  assert.throws(() => finished(new PassThrough(), 'x', () => {}), { code: 'ERR_INVALID_ARG_TYPE' });
  const ac = new AbortController();
  const s = new PassThrough();
  const p = new Promise((resolve) => finished(s, { signal: ac.signal }, resolve));
  ac.abort();
  const err = await p;
  assert.strictEqual(err.name, 'AbortError');
  assert.strictEqual(s.destroyed, false);
});

test('stream/promises finished()', async () => {
  const s = new PassThrough();
  s.resume();
  s.end('x');
  await streamPromises.finished(s);
  const e = new PassThrough();
  e.on('error', () => {});
  e.destroy(new Error('pf'));
  await assert.rejects(streamPromises.finished(e), { message: 'pf' });
});

test('addAbortSignal', async () => {
  const ac = new AbortController();
  const r = addAbortSignal(ac.signal, new Readable({ read() {} }));
  const err = new Promise((resolve) => r.on('error', resolve));
  ac.abort('why');
  const e = await err;
  assert.strictEqual(e.name, 'AbortError');
  assert.strictEqual(e.cause, 'why');
  assert.throws(() => addAbortSignal('x', new PassThrough()), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "signal" argument must be an instance of AbortSignal. Received type string (\'x\')',
  });
  assert.throws(() => addAbortSignal(ac.signal, {}), { code: 'ERR_INVALID_ARG_TYPE' });
  const pre = new PassThrough();
  pre.on('error', () => {});
  addAbortSignal(AbortSignal.abort(), pre);
  assert.strictEqual(pre.destroyed, true);
});

test('getDefaultHighWaterMark / setDefaultHighWaterMark', () => {
  assert.strictEqual(stream.getDefaultHighWaterMark(false), 65536);
  assert.strictEqual(stream.getDefaultHighWaterMark(true), 16);
  try {
    stream.setDefaultHighWaterMark(false, 1000);
    stream.setDefaultHighWaterMark(true, 3);
    assert.strictEqual(new Readable().readableHighWaterMark, 1000);
    assert.strictEqual(new Writable({ objectMode: true }).writableHighWaterMark, 3);
  } finally {
    stream.setDefaultHighWaterMark(false, 65536);
    stream.setDefaultHighWaterMark(true, 16);
  }
  assert.throws(() => stream.setDefaultHighWaterMark(false, -1), { code: 'ERR_OUT_OF_RANGE' });
  assert.throws(() => stream.setDefaultHighWaterMark(false, 'x'), { code: 'ERR_INVALID_ARG_TYPE' });
});

test('isReadable, isWritable, isErrored, isDisturbed, isDestroyed', async () => {
  const r = new Readable({ read() {} });
  assert.strictEqual(stream.isReadable(r), true);
  assert.strictEqual(stream.isDisturbed(r), false);
  assert.strictEqual(stream.isErrored(r), false);
  r.push('x');
  r.read();
  assert.strictEqual(stream.isDisturbed(r), true);
  r.on('error', () => {});
  r.destroy(new Error('e'));
  assert.strictEqual(stream.isReadable(r), false);
  // errored once the 'error' event has been emitted
  assert.strictEqual(stream.isErrored(r), false);
  await tick();
  assert.strictEqual(stream.isErrored(r), true);
  assert.strictEqual(stream.isDestroyed(r), true);
  const w = new Writable({ write(c, e, cb) { cb(); } });
  assert.strictEqual(stream.isWritable(w), true);
  w.end();
  assert.strictEqual(stream.isWritable(w), false);
  assert.strictEqual(stream.isReadable({}), null);
  assert.strictEqual(stream.isDestroyed({}), null);
});

test('stream.destroy() and duplexPair()', async () => {
  const p = new PassThrough();
  p.on('error', () => {});
  stream.destroy(p, new Error('x'));
  assert.strictEqual(p.destroyed, true);
  const [a, b] = stream.duplexPair();
  b.setEncoding('utf8');
  a.write('hello');
  const got = await new Promise((resolve) => b.once('data', resolve));
  assert.strictEqual(got, 'hello');
  b.end('back');
  let text = '';
  for await (const c of a) text += c;
  assert.strictEqual(text, 'back');
});

test('legacy Stream.prototype.pipe', async () => {
  const src = new stream();
  src.readable = true;
  const got = [];
  const dst = new stream();
  dst.writable = true;
  dst.write = (c) => { got.push(c); return true; };
  let ended = false;
  dst.end = () => { ended = true; };
  const log = [];
  dst.on('pipe', (s) => log.push(s === src));
  assert.strictEqual(src.pipe(dst), dst);
  src.emit('data', 'a');
  src.emit('data', 'b');
  src.emit('end');
  assert.deepStrictEqual(got, ['a', 'b']);
  assert.strictEqual(ended, true);
  assert.deepStrictEqual(log, [true]);
  assert.strictEqual(src.listenerCount('data'), 0);
});

test('stream/consumers read a whole stream', async () => {
  const consumers = require('node:stream/consumers');
  const euro = Buffer.from('€');
  const parts = () => Readable.from([Buffer.from('a'), euro.subarray(0, 1), euro.subarray(1), Buffer.from('b')]);
  assert.strictEqual(await consumers.text(parts()), 'a€b');
  assert.deepStrictEqual(await consumers.buffer(parts()), Buffer.from('a€b'));
  const bytes = await consumers.bytes(parts());
  assert.ok(bytes instanceof Uint8Array && !Buffer.isBuffer(bytes));
  assert.deepStrictEqual([...bytes], [...Buffer.from('a€b')]);
  assert.strictEqual((await consumers.arrayBuffer(parts())).byteLength, 5);
  assert.strictEqual(await (await consumers.blob(parts())).text(), 'a€b');
  assert.deepStrictEqual(await consumers.json(Readable.from(['{"x":', '[1,2]}'])), { x: [1, 2] });
  await assert.rejects(consumers.json(Readable.from(['{'])), SyntaxError);
  assert.strictEqual(await consumers.text((async function* () { yield 'gen'; })()), 'gen');
});
