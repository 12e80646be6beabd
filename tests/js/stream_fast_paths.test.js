'use strict';
// The per-chunk paths of node:stream that have a shortcut in dx (issue 6: the object-mode
// pipeline): 'data' delivered without the generic emit(), object-mode push() and write(), and
// Transform's one callback per stream. Each test pins what Node 24 does at the edges of those
// shortcuts: an overridden emit, several 'data' listeners, listeners returning values (with and
// without captureRejections), push/write after end or destroy, a transform callback called twice,
// _write() called directly with a callback of its own, and a Transform that stops mid-stream.
const test = require('node:test');
const assert = require('node:assert');
const { PassThrough, Readable, Transform, Writable, pipeline } = require('node:stream');

const tick = () => new Promise((resolve) => setImmediate(resolve));

test('an own emit() override sees every data event, with its arguments', async () => {
  const r = new Readable({ objectMode: true, read() {} });
  const seen = [];
  const emit = r.emit;
  r.emit = function(type, ...args) {
    if (type === 'data') seen.push(['emit', args.length, args[0]]);
    return emit.apply(this, [type, ...args]);
  };
  r.on('data', (chunk) => seen.push(['listener', chunk]));
  r.push('a');
  await tick();
  r.push('b');
  r.push(null);
  await tick();
  assert.deepStrictEqual(seen, [
    ['emit', 1, 'a'], ['listener', 'a'], ['emit', 1, 'b'], ['listener', 'b'],
  ]);
});

test('data listeners run in order with the stream as this and one argument', async () => {
  const r = new Readable({ objectMode: true, read() {} });
  const log = [];
  function first(chunk) { log.push(['first', this === r, arguments.length, chunk]); }
  function second(chunk) { log.push(['second', this === r, arguments.length, chunk]); }
  r.on('data', first);
  r.push(1);
  await tick();
  r.on('data', second);
  r.push(2);
  await tick();
  r.off('data', first);
  r.push(3);
  await tick();
  assert.deepStrictEqual(log, [
    ['first', true, 1, 1], ['first', true, 1, 2], ['second', true, 1, 2], ['second', true, 1, 3],
  ]);
});

test('a data listener own apply() is the one that is called', async () => {
  const r = new Readable({ objectMode: true, read() {} });
  const log = [];
  const listener = (chunk) => log.push(['plain', chunk]);
  listener.apply = function(thisArg, args) {
    log.push(['apply', thisArg === r, Array.isArray(args), args.length, args[0]]);
  };
  r.on('data', listener);
  r.push('x');
  await tick();
  assert.deepStrictEqual(log, [['apply', true, true, 1, 'x']]);
});

test('a data listener returning a value is harmless without captureRejections', async () => {
  const chunks = [];
  await new Promise((resolve, reject) => {
    const r = Readable.from(['a', 'b', 'c']);
    r.on('data', (chunk) => chunks.push(chunk));  // returns a number each time
    r.on('end', resolve);
    r.on('error', reject);
  });
  assert.deepStrictEqual(chunks, ['a', 'b', 'c']);
});

test('a rejecting async data listener with captureRejections destroys the stream', async () => {
  const r = new Readable({ objectMode: true, read() {}, captureRejections: true });
  const err = new Error('listener failed');
  r.on('data', async () => { throw err; });
  const got = await new Promise((resolve) => {
    r.on('error', resolve);
    r.push('a');
  });
  assert.strictEqual(got, err);
  await tick();
  assert.strictEqual(r.destroyed, true);
});

test('object-mode push() after EOF, after destroy, and of undefined', async () => {
  const r = new Readable({ objectMode: true, read() {} });
  const errors = [];
  r.on('error', (e) => errors.push(e.code));
  r.push(null);
  assert.strictEqual(r.push('late'), false);
  await tick();
  assert.deepStrictEqual(errors, ['ERR_STREAM_PUSH_AFTER_EOF']);

  const d = new Readable({ objectMode: true, read() {} });
  d.destroy();
  assert.strictEqual(d.push('x'), false);
  assert.strictEqual(d.readableLength, 0);

  const u = new Readable({ objectMode: true, read() {} });
  assert.strictEqual(u.push(undefined), true);
  assert.strictEqual(u.readableLength, 1);
  const got = [];
  u.on('data', (c) => got.push(c));
  u.push(null);
  await new Promise((resolve) => u.on('end', resolve));
  assert.deepStrictEqual(got, [undefined]);
});

test('object-mode push() returns false at highWaterMark and true below it', () => {
  const r = new Readable({ objectMode: true, highWaterMark: 2, read() {} });
  assert.strictEqual(r.push({ n: 1 }), true);
  assert.strictEqual(r.push({ n: 2 }), false);
  assert.strictEqual(r.readableLength, 2);
  r.read();
  assert.strictEqual(r.push({ n: 3 }), false);
  const z = new Readable({ objectMode: true, highWaterMark: 0, read() {} });
  assert.strictEqual(z.push('a'), false);
});

test('object-mode setEncoding() still decodes pushed chunks', async () => {
  const r = new Readable({ objectMode: true, read() {} });
  r.setEncoding('hex');
  r.push(Buffer.from('hi'));
  r.push(null);
  const got = [];
  for await (const c of r) got.push(c);
  assert.deepStrictEqual(got, ['6869']);
});

test('object-mode write(): callbacks, encoding as callback, after end, after destroy, null', async () => {
  const log = [];
  const w = new Writable({
    objectMode: true,
    write(chunk, encoding, cb) {
      log.push(['write', chunk, encoding]);
      cb();
    },
  });
  assert.strictEqual(w.write({ a: 1 }, () => log.push(['cb1'])), true);
  assert.strictEqual(w.write(2, 'hex', () => log.push(['cb2'])), true);
  assert.strictEqual(w.write(3), true);
  assert.throws(() => w.write(null), { code: 'ERR_STREAM_NULL_VALUES', name: 'TypeError' });
  await tick();
  w.end();
  const afterEnd = await new Promise((resolve) => {
    w.on('error', (e) => log.push(['error', e.code]));
    w.write(4, (e) => resolve(e.code));
  });
  assert.strictEqual(afterEnd, 'ERR_STREAM_WRITE_AFTER_END');
  assert.deepStrictEqual(log.slice(0, 5), [
    // Object mode passes the encoding on as given: null when a callback took its place.
    ['write', { a: 1 }, null], ['write', 2, 'hex'], ['write', 3, undefined], ['cb1'], ['cb2'],
  ]);

  const d = new Writable({ objectMode: true, write(c, e, cb) { cb(); } });
  d.on('error', () => {});
  d.destroy();
  const code = await new Promise((resolve) => d.write(1, (e) => resolve(e.code)));
  assert.strictEqual(code, 'ERR_STREAM_DESTROYED');
});

test('object-mode write() returns false at highWaterMark and emits drain', async () => {
  const pending = [];
  const w = new Writable({
    objectMode: true,
    highWaterMark: 2,
    write(chunk, encoding, cb) { pending.push(cb); },
  });
  assert.strictEqual(w.write(1), true);
  assert.strictEqual(w.write(2), false);
  assert.strictEqual(w.writableLength, 2);
  assert.strictEqual(w.writableNeedDrain, true);
  const drained = new Promise((resolve) => w.on('drain', resolve));
  pending.shift()();
  await tick();
  pending.shift()();
  await drained;
  assert.strictEqual(w.writableLength, 0);
});

test('a transform callback called twice pushes twice and fails with ERR_MULTIPLE_CALLBACK', async () => {
  const t = new Transform({
    objectMode: true,
    transform(chunk, encoding, cb) {
      cb(null, chunk);
      cb(null, chunk * 10);
    },
  });
  const out = [];
  t.on('data', (c) => out.push(c));
  const err = await new Promise((resolve) => {
    t.on('error', resolve);
    t.write(1);
  });
  assert.strictEqual(err.code, 'ERR_MULTIPLE_CALLBACK');
  assert.deepStrictEqual(out, [1, 10]);
});

test('_write() called directly with its own callbacks, interleaved, calls each one', async () => {
  const pending = [];
  const t = new Transform({
    objectMode: true,
    transform(chunk, encoding, cb) { pending.push(() => cb(null, chunk)); },
  });
  const out = [];
  t.on('data', (c) => out.push(c));
  const done = [];
  t._write('a', 'utf8', (e) => done.push(['a', e]));
  t._write('b', 'utf8', (e) => done.push(['b', e]));
  assert.strictEqual(pending.length, 2);
  pending[1]();
  pending[0]();
  await tick();
  assert.deepStrictEqual(out, ['b', 'a']);
  assert.deepStrictEqual(done, [['b', undefined], ['a', undefined]]);
});

test('each _transform() call gets a function of two parameters', () => {
  const got = [];
  const t = new Transform({
    objectMode: true,
    transform(chunk, encoding, cb) {
      got.push([typeof cb, cb.length]);
      cb();
    },
  });
  t.write(1);
  t.write(2);
  t._write(3, 'utf8', () => {});
  assert.deepStrictEqual(got, [['function', 2], ['function', 2], ['function', 2]]);
});

test('an async transform with backpressure delivers every chunk in order', async () => {
  let n = 0;
  const src = new Readable({
    objectMode: true,
    read() {
      if (n < 200) this.push({ n: n++ });
      else this.push(null);
    },
  });
  const t = new Transform({
    objectMode: true,
    highWaterMark: 2,
    transform(o, e, cb) {
      if (o.n % 3 === 0) setImmediate(() => cb(null, o.n));
      else cb(null, o.n);
    },
  });
  const out = [];
  const sink = new Writable({
    objectMode: true,
    highWaterMark: 1,
    write(v, e, cb) {
      out.push(v);
      if (v % 5 === 0) setImmediate(cb);
      else cb();
    },
  });
  await new Promise((resolve, reject) => pipeline(src, t, sink, (err) => (err ? reject(err) : resolve())));
  assert.deepStrictEqual(out, Array.from({ length: 200 }, (_, i) => i));
});

test('a transform error mid-stream stops the pipeline with that error', async () => {
  let n = 0;
  const src = new Readable({ objectMode: true, read() { this.push(n < 100 ? n++ : null); } });
  const seen = [];
  const t = new Transform({
    objectMode: true,
    transform(v, e, cb) {
      if (v === 7) cb(new Error('seven'));
      else cb(null, v);
    },
  });
  const sink = new PassThrough({ objectMode: true });
  sink.on('data', (v) => seen.push(v));
  const err = await new Promise((resolve) => pipeline(src, t, sink, resolve));
  assert.strictEqual(err.message, 'seven');
  assert.deepStrictEqual(seen, [0, 1, 2, 3, 4, 5, 6]);
  assert.strictEqual(t.destroyed, true);
});

test('a long object-mode pipeline keeps order across buffer compaction', async () => {
  // More than 1024 objects queued and read one at a time: the readable queue compacts itself.
  const r = new Readable({ objectMode: true, highWaterMark: 5000, read() {} });
  for (let i = 0; i < 3000; i++) r.push(i);
  r.push(null);
  const out = [];
  let i = 0;
  r.on('readable', () => {
    let c;
    while ((c = r.read()) !== null) {
      out.push(c);
      if (++i === 1500) assert.strictEqual(r.readableBuffer.length >= 1500, true);
    }
  });
  await new Promise((resolve) => r.on('end', resolve));
  assert.deepStrictEqual(out, Array.from({ length: 3000 }, (_, k) => k));
});

test('object-mode read() without a size: one object each, null when empty, end after the last', async () => {
  const log = [];
  let n = 0;
  const r = new Readable({
    objectMode: true,
    highWaterMark: 2,
    read(size) {
      log.push(`_read(${size})`);
      if (n < 3) this.push({ n: n++ });
      else this.push(null);
    },
  });
  r.on('end', () => log.push('end'));
  await new Promise((resolve) => r.once('readable', resolve));
  let o;
  while ((o = r.read()) !== null) log.push(`got ${o.n}`);
  log.push(`length ${r.readableLength}`);
  await new Promise((resolve) => r.on('end', resolve));
  assert.strictEqual(r.read(), null);
  assert.deepStrictEqual(log, [
    '_read(2)', '_read(2)', '_read(2)', 'got 0', '_read(2)', 'got 1', 'got 2', 'length 0', 'end',
  ]);
});

test('an exception from _read() during object-mode read() destroys the stream with it', async () => {
  const err = new Error('read failed');
  const r = new Readable({ objectMode: true, read() { throw err; } });
  const got = await new Promise((resolve) => {
    r.on('error', resolve);
    assert.strictEqual(r.read(), null);
  });
  assert.strictEqual(got, err);
  assert.strictEqual(r.destroyed, true);
});
