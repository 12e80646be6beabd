'use strict';
// node:stream Readable: options, paused and flowing modes, read(n), push/unshift, encodings,
// events in Node 24's order, destroy(), state getters, async iteration and Readable.from().
// Event sequences are literal, recorded from Node 24.
const test = require('node:test');
const assert = require('node:assert');
const fc = require('fast-check');
const { Readable, Writable, PassThrough } = require('node:stream');

const tick = () => new Promise((resolve) => setImmediate(resolve));

function record(stream, events, log) {
  for (const ev of events) {
    stream.on(ev, (arg) => {
      if (ev === 'data') log.push(`${ev}:${Buffer.isBuffer(arg) ? arg.toString() : typeof arg === 'string' ? arg : JSON.stringify(arg)}`);
      else if (ev === 'error') log.push(`${ev}:${arg.code || arg.message}`);
      else log.push(ev);
    });
  }
  return log;
}

test('constructor defaults and state getters', () => {
  const r = new Readable();
  assert.strictEqual(r.readableHighWaterMark, 65536);
  assert.strictEqual(r.readableObjectMode, false);
  assert.strictEqual(r.readableFlowing, null);
  assert.strictEqual(r.readableLength, 0);
  assert.strictEqual(r.readableEnded, false);
  assert.strictEqual(r.readableEncoding, null);
  assert.strictEqual(r.readableAborted, false);
  assert.strictEqual(r.readableDidRead, false);
  assert.strictEqual(r.readable, true);
  assert.strictEqual(r.destroyed, false);
  assert.strictEqual(r.closed, false);
  assert.strictEqual(r.errored, null);
  assert.strictEqual(r.isPaused(), false);
  assert.deepStrictEqual(r.readableBuffer, r._readableState.buffer);
  const o = new Readable({ objectMode: true });
  assert.strictEqual(o.readableHighWaterMark, 16);
  assert.strictEqual(o.readableObjectMode, true);
  assert.strictEqual(new Readable({ highWaterMark: 3 }).readableHighWaterMark, 3);
  assert.strictEqual(Readable().readableHighWaterMark, 65536);
  assert.ok(Readable() instanceof Readable);
});

test('invalid options are rejected with Node errors', () => {
  assert.throws(() => new Readable({ highWaterMark: -1 }), {
    name: 'TypeError', code: 'ERR_INVALID_ARG_VALUE',
    message: "The property 'options.highWaterMark' is invalid. Received -1",
  });
  assert.throws(() => new Readable({ highWaterMark: NaN }), { code: 'ERR_INVALID_ARG_VALUE' });
  assert.throws(() => new Readable({ highWaterMark: 3.5 }), { code: 'ERR_INVALID_ARG_VALUE' });
  assert.throws(() => new Readable({ highWaterMark: '5' }), { code: 'ERR_INVALID_ARG_VALUE' });
  assert.throws(() => new Readable({ defaultEncoding: 'nope' }), {
    name: 'TypeError', code: 'ERR_UNKNOWN_ENCODING', message: 'Unknown encoding: nope',
  });
  assert.throws(() => new Readable({ encoding: 'nope' }), { code: 'ERR_UNKNOWN_ENCODING' });
  assert.throws(() => new Readable({ signal: {} }), { code: 'ERR_INVALID_ARG_TYPE' });
});

test('flowing mode: resume, data, end, close in order', async () => {
  const log = [];
  const r = new Readable({ read() {} });
  record(r, ['data', 'end', 'close', 'pause', 'resume'], log);
  r.push('a');
  r.push('b');
  r.push(null);
  log.push(`sync:${r.readableLength}:${r.readableFlowing}`);
  await tick();
  assert.deepStrictEqual(log, ['sync:2:true', 'resume', 'data:a', 'data:b', 'end', 'close']);
  assert.strictEqual(r.readableEnded, true);
  assert.strictEqual(r.destroyed, true);
  assert.strictEqual(r.readableDidRead, true);
});

test('paused mode: _read() calls, readable events and read() results', async () => {
  const log = [];
  let i = 0;
  const r = new Readable({
    highWaterMark: 4,
    read(n) {
      log.push(`read(${n})`);
      if (i++ < 3) this.push(`xy${i}`);
      else this.push(null);
    },
  });
  r.on('readable', () => {
    log.push(`readable:${r.readableLength}`);
    let c;
    while ((c = r.read()) !== null) log.push(`got:${c}`);
  });
  record(r, ['end', 'close'], log);
  await tick();
  await tick();
  assert.deepStrictEqual(log, [
    'read(4)', 'readable:3', 'read(4)', 'got:xy1xy2', 'read(4)', 'got:xy3', 'read(4)',
    'readable:0', 'readable:0', 'readable:0', 'end', 'close',
  ]);
});

test('read(n) returns exactly n bytes when available, else null until the end', async () => {
  const r = new Readable({ read() {} });
  r.push('abcdef');
  r.push('ghi');
  assert.strictEqual(r.read(2).toString(), 'ab');
  assert.strictEqual(r.read(5).toString(), 'cdefg');
  assert.strictEqual(r.read(10), null);
  assert.strictEqual(r.readableLength, 2);
  r.push(null);
  assert.strictEqual(r.read(10).toString(), 'hi');
  assert.strictEqual(r.read(), null);
  const ended = new Promise((resolve) => r.on('end', resolve));
  await ended;
  assert.strictEqual(r.readableEnded, true);
});

test('read(n) above highWaterMark raises it to the next power of two', () => {
  const r = new Readable({ highWaterMark: 10, read() {} });
  r.read(100);
  assert.strictEqual(r.readableHighWaterMark, 128);
  r.read(1025);
  assert.strictEqual(r.readableHighWaterMark, 2048);
  r.read(2048);
  assert.strictEqual(r.readableHighWaterMark, 2048);
  assert.throws(() => r.read(0x40000001), { name: 'RangeError', code: 'ERR_OUT_OF_RANGE' });
});

test('read() joins buffers; read(n) slices across chunks (property)', () => {
  fc.assert(fc.property(
    fc.array(fc.uint8Array({ minLength: 1, maxLength: 20 }), { minLength: 1, maxLength: 10 }),
    fc.array(fc.integer({ min: 1, max: 30 }), { minLength: 1, maxLength: 20 }),
    (chunks, sizes) => {
      const r = new Readable({ read() {} });
      for (const c of chunks) r.push(c);
      r.push(null);
      const all = Buffer.concat(chunks.map((c) => Buffer.from(c)));
      const got = [];
      for (const n of sizes) {
        const b = r.read(n);
        if (b === null) break;
        got.push(b);
      }
      let rest;
      while ((rest = r.read()) !== null) got.push(rest);
      assert.deepStrictEqual(Buffer.concat(got), all);
    }), { seed: 17, numRuns: 200 });
});

test('push() returns false at highWaterMark; objectMode counts objects', () => {
  const r = new Readable({ highWaterMark: 5, read() {} });
  assert.strictEqual(r.push('abc'), true);
  assert.strictEqual(r.push('de'), false);
  assert.strictEqual(r.readableLength, 5);
  const o = new Readable({ objectMode: true, highWaterMark: 2, read() {} });
  assert.strictEqual(o.push({ a: 1 }), true);
  assert.strictEqual(o.push('x'), false);
  assert.strictEqual(o.readableLength, 2);
  assert.deepStrictEqual(o.read(), { a: 1 });
  assert.strictEqual(o.read(), 'x');
});

test('push() converts strings, Uint8Array and other views to Buffers', () => {
  const r = new Readable({ read() {} });
  r.push('ab', 'hex');
  r.push(new Uint8Array([1, 2]));
  r.push(new Int16Array([1]));
  r.push(new DataView(new ArrayBuffer(1)));
  const out = r.read();
  assert.ok(Buffer.isBuffer(out));
  assert.deepStrictEqual([...out], [0xab, 1, 2, 1, 0, 0]);
  const r2 = new Readable({ read() {}, defaultEncoding: 'base64' });
  r2.push('AQI=');
  assert.deepStrictEqual([...r2.read()], [1, 2]);
});

test('push() of an invalid chunk destroys the stream with ERR_INVALID_ARG_TYPE', async () => {
  const r = new Readable({ read() {} });
  const err = await new Promise((resolve) => {
    r.on('error', resolve);
    r.push({ a: 1 });
  });
  assert.strictEqual(err.code, 'ERR_INVALID_ARG_TYPE');
  assert.strictEqual(err.message, 'The "chunk" argument must be of type string or an instance of Buffer, TypedArray, or DataView. Received an instance of Object');
  assert.strictEqual(r.destroyed, true);
});

test('push after EOF and unshift after end are errors', async () => {
  const r = new Readable({ read() {} });
  r.push('bc');
  r.unshift('a');
  assert.strictEqual(r.read().toString(), 'abc');
  r.push(null);
  const err = await new Promise((resolve) => {
    r.on('error', resolve);
    r.push('late');
  });
  assert.strictEqual(err.code, 'ERR_STREAM_PUSH_AFTER_EOF');
  assert.strictEqual(err.message, 'stream.push() after EOF');

  const r2 = new Readable({ read() {}, autoDestroy: false });
  r2.resume();
  r2.push(null);
  await new Promise((resolve) => r2.on('end', resolve));
  const err2 = await new Promise((resolve) => {
    r2.on('error', resolve);
    r2.unshift('x');
  });
  assert.strictEqual(err2.code, 'ERR_STREAM_UNSHIFT_AFTER_END_EVENT');
  assert.strictEqual(err2.message, 'stream.unshift() after end event');
});

test('setEncoding decodes multi-byte characters split across chunks (property)', () => {
  fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.array(fc.nat(), { maxLength: 6 }),
    (str, cuts) => {
      const bytes = Buffer.from(str);
      const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
      const r = new Readable({ read() {} });
      r.setEncoding('utf8');
      let last = 0;
      for (const p of [...points, bytes.length]) {
        r.push(bytes.subarray(last, p));
        last = p;
      }
      r.push(null);
      let text = '';
      let c;
      while ((c = r.read()) !== null) {
        assert.strictEqual(typeof c, 'string');
        text += c;
      }
      assert.strictEqual(text, str);
    }), { seed: 5, numRuns: 200 });
});

test('setEncoding re-decodes already buffered data; encoding option', () => {
  const r = new Readable({ read() {} });
  r.push(Buffer.from('héllo'));
  r.setEncoding('hex');
  assert.strictEqual(r.readableEncoding, 'hex');
  assert.strictEqual(r.readableLength, 12);
  assert.strictEqual(r.read(4), '68c3');
  const r2 = new Readable({ read() {}, encoding: 'base64' });
  r2.push('hi');
  // base64 output comes in groups of three input bytes; the rest is flushed at the end.
  assert.strictEqual(r2.read(), null);
  r2.push(null);
  assert.strictEqual(r2.read(), 'aGk=');
  assert.strictEqual(r2.readableEncoding, 'base64');
});

test('pause(), resume() and isPaused()', async () => {
  const log = [];
  const r = new Readable({ read() {} });
  record(r, ['pause', 'resume'], log);
  r.pause();
  assert.strictEqual(r.isPaused(), true);
  assert.strictEqual(r.readableFlowing, false);
  r.push('a');
  await tick();
  assert.deepStrictEqual(log, ['pause']);
  assert.strictEqual(r.readableLength, 1);
  r.on('data', (d) => log.push(`data:${d}`));
  assert.strictEqual(r.readableFlowing, false);
  r.resume();
  assert.strictEqual(r.isPaused(), false);
  assert.strictEqual(r.readableFlowing, true);
  await tick();
  assert.deepStrictEqual(log, ['pause', 'resume', 'data:a']);
});

test('a readable listener takes precedence over data listeners', async () => {
  const log = [];
  const r = new Readable({ read() {} });
  r.on('data', (d) => log.push(`data:${d}`));
  r.on('readable', () => {
    log.push('readable');
    r.read();
  });
  r.push('x');
  await tick();
  assert.deepStrictEqual(log, ['readable', 'data:x']);
  assert.strictEqual(r.readableFlowing, false);
});

test('destroy(err): error then close, once; later destroy is a no-op', async () => {
  const log = [];
  const r = new Readable({ read() {} });
  record(r, ['end', 'error', 'close'], log);
  r.destroy(new Error('boom'));
  assert.strictEqual(r.destroyed, true);
  assert.strictEqual(r.readableAborted, true);
  assert.strictEqual(r.errored.message, 'boom');
  assert.strictEqual(r.closed, true);
  r.destroy(new Error('second'));
  await tick();
  assert.deepStrictEqual(log, ['error:boom', 'close']);
});

test('destroy() calls _destroy with the error and its callback decides the outcome', async () => {
  const seen = [];
  const r = new Readable({
    read() {},
    destroy(err, cb) {
      seen.push(err && err.message);
      cb(new Error('replaced'));
    },
  });
  const err = await new Promise((resolve) => {
    r.on('error', resolve);
    r.destroy(new Error('orig'));
  });
  assert.deepStrictEqual(seen, ['orig']);
  assert.strictEqual(err.message, 'replaced');
});

test('emitClose: false and autoDestroy: false', async () => {
  const log = [];
  const r = new Readable({ read() {}, emitClose: false });
  record(r, ['end', 'close'], log);
  r.resume();
  r.push(null);
  await tick();
  assert.deepStrictEqual(log, ['end']);
  assert.strictEqual(r.destroyed, true);
  const r2 = new Readable({ read() {}, autoDestroy: false });
  r2.resume();
  r2.push(null);
  await tick();
  assert.strictEqual(r2.readableEnded, true);
  assert.strictEqual(r2.destroyed, false);
});

test('_read() not implemented destroys with ERR_METHOD_NOT_IMPLEMENTED', async () => {
  const r = new Readable();
  const err = await new Promise((resolve) => {
    r.on('error', resolve);
    r.read();
  });
  assert.strictEqual(err.code, 'ERR_METHOD_NOT_IMPLEMENTED');
  assert.strictEqual(err.message, 'The _read() method is not implemented');
});

test('construct() delays _read() until its callback', async () => {
  const log = [];
  const r = new Readable({
    construct(cb) {
      log.push('construct');
      setTimeout(() => {
        log.push('constructed');
        cb();
      }, 5);
    },
    read() {
      log.push('read');
      this.push('z');
      this.push(null);
    },
  });
  record(r, ['data', 'end', 'close'], log);
  await new Promise((resolve) => r.on('close', resolve));
  assert.deepStrictEqual(log, ['construct', 'constructed', 'read', 'data:z', 'end', 'close']);
});

test('construct() error destroys the stream', async () => {
  const r = new Readable({ construct(cb) { cb(new Error('no')); }, read() {} });
  const log = record(r, ['error', 'close'], []);
  await new Promise((resolve) => r.on('close', resolve));
  assert.deepStrictEqual(log, ['error:no', 'close']);
});

test('signal option destroys with AbortError', async () => {
  const ac = new AbortController();
  const r = new Readable({ read() {}, signal: ac.signal });
  const p = new Promise((resolve) => r.on('error', resolve));
  ac.abort();
  const err = await p;
  assert.strictEqual(err.name, 'AbortError');
  assert.strictEqual(err.code, 'ABORT_ERR');
  assert.strictEqual(r.destroyed, true);
});

test('pipe() and unpipe(): pipe/unpipe events and end propagation', async () => {
  const log = [];
  const r = new Readable({ read() {} });
  const p = new PassThrough();
  record(p, ['pipe', 'unpipe', 'data', 'end', 'finish', 'close'], log);
  assert.strictEqual(r.pipe(p), p);
  r.push('a');
  r.push('b');
  r.push(null);
  await new Promise((resolve) => p.on('close', resolve));
  assert.deepStrictEqual(log, ['pipe', 'data:a', 'data:b', 'end', 'finish', 'unpipe', 'close']);

  const r2 = new Readable({ read() {} });
  const w = new Writable({ write(c, e, cb) { cb(); } });
  const log2 = record(w, ['pipe', 'unpipe'], []);
  r2.pipe(w);
  r2.unpipe(w);
  assert.deepStrictEqual(log2, ['pipe', 'unpipe']);
  assert.strictEqual(r2.readableFlowing, false);
  assert.strictEqual(r2._readableState.pipes.length, 0);
});

test('pipe() respects backpressure from the destination', async () => {
  let writes = 0;
  let maxBuffered = 0;
  const w = new Writable({
    highWaterMark: 4,
    write(c, e, cb) {
      writes++;
      maxBuffered = Math.max(maxBuffered, w.writableLength);
      setImmediate(cb);
    },
  });
  const r = Readable.from(Array.from({ length: 20 }, (_, i) => Buffer.from(`c${i}`)), { objectMode: false });
  r.pipe(w);
  await new Promise((resolve) => w.on('finish', resolve));
  assert.strictEqual(writes, 20);
  assert.ok(maxBuffered <= 6, `buffered ${maxBuffered}`);
});

test('for await iterates chunks and destroys the stream afterwards', async () => {
  const r = Readable.from((async function* () { yield 'a'; yield 'b'; })());
  const got = [];
  for await (const c of r) got.push(c);
  assert.deepStrictEqual(got, ['a', 'b']);
  assert.strictEqual(r.destroyed, true);

  const r2 = new Readable({ read() {} });
  r2.push('x');
  r2.push('y');
  r2.push(null);
  const got2 = [];
  for await (const c of r2) got2.push(c.toString());
  assert.deepStrictEqual(got2, ['xy']);
});

test('async iteration: break destroys unless destroyOnReturn is false', async () => {
  const r = Readable.from([1, 2, 3]);
  for await (const v of r) {
    assert.strictEqual(v, 1);
    break;
  }
  assert.strictEqual(r.destroyed, true);
  const r2 = Readable.from([1, 2, 3]);
  for await (const v of r2.iterator({ destroyOnReturn: false })) {
    assert.strictEqual(v, 1);
    break;
  }
  assert.strictEqual(r2.destroyed, false);
  assert.deepStrictEqual(await r2.toArray(), [2, 3]);
});

test('async iteration rejects with the stream error', async () => {
  const r = new Readable({ read() { this.destroy(new Error('kaput')); } });
  await assert.rejects(async () => {
    for await (const c of r) assert.fail(`unexpected ${c}`);
  }, { message: 'kaput' });
});

test('Readable.from: sync and async iterables, strings, Buffers, promises', async () => {
  assert.deepStrictEqual(await Readable.from([1, 2, 3]).toArray(), [1, 2, 3]);
  assert.deepStrictEqual(await Readable.from('abc').toArray(), ['abc']);
  const buf = Buffer.from('xyz');
  assert.deepStrictEqual(await Readable.from(buf).toArray(), [buf]);
  assert.deepStrictEqual(await Readable.from([Promise.resolve(1), 2]).toArray(), [1, 2]);
  async function* gen() { yield 'p'; yield 'q'; }
  assert.deepStrictEqual(await Readable.from(gen()).toArray(), ['p', 'q']);
  const s = Readable.from([1]);
  assert.strictEqual(s.readableObjectMode, true);
  assert.strictEqual(s.readableHighWaterMark, 1);
  assert.strictEqual(Readable.from([1], { objectMode: false, highWaterMark: 4 }).readableHighWaterMark, 4);
  assert.throws(() => Readable.from(5), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "iterable" argument must be an instance of Iterable. Received type number (5)',
  });
});

test('Readable.from: null values and iterator errors destroy the stream', async () => {
  await assert.rejects(Readable.from([1, null]).toArray(), { code: 'ERR_STREAM_NULL_VALUES' });
  function* bad() { yield 1; throw new Error('gen'); }
  await assert.rejects(Readable.from(bad()).toArray(), { message: 'gen' });
  let returned = false;
  const it = { [Symbol.iterator]() { return { next: () => ({ value: 1, done: false }), return() { returned = true; return { done: true }; } }; } };
  const r = Readable.from(it);
  r.destroy();
  await new Promise((resolve) => r.on('close', resolve));
  assert.strictEqual(returned, true);
});

test('highWaterMark 0 still delivers data', async () => {
  const r = new Readable({ highWaterMark: 0, read() {} });
  const got = [];
  r.on('data', (d) => got.push(d.toString()));
  r.push('a');
  setImmediate(() => { r.push('b'); r.push(null); });
  await new Promise((resolve) => r.on('end', resolve));
  assert.deepStrictEqual(got, ['a', 'b']);
});

test('readable events with short streams: one readable, then end', async () => {
  const log = [];
  const r = new Readable({ read() {} });
  r.on('readable', () => {
    log.push(`readable:${r.readableLength}`);
    let c;
    while ((c = r.read()) !== null) log.push(`read:${c}`);
  });
  r.on('end', () => log.push('end'));
  r.push('ab');
  r.push(null);
  await new Promise((resolve) => r.on('close', resolve));
  assert.deepStrictEqual(log, ['readable:2', 'read:ab', 'end']);
});

test('wrap() adapts an old-style stream', async () => {
  const EE = require('node:events');
  const old = new EE();
  old.pause = () => {};
  old.resume = () => {};
  const r = new Readable().wrap(old);
  const got = [];
  r.on('data', (d) => got.push(d.toString()));
  const done = new Promise((resolve) => r.on('end', resolve));
  old.emit('data', Buffer.from('1'));
  old.emit('data', Buffer.from('2'));
  old.emit('end');
  await done;
  assert.deepStrictEqual(got, ['1', '2']);
});

test('helpers: map keeps order with concurrency, filter, flatMap, drop, take', async () => {
  let active = 0;
  let peak = 0;
  const mapped = await Readable.from([5, 1, 4, 2, 3]).map(async (x) => {
    active++;
    peak = Math.max(peak, active);
    await new Promise((resolve) => setTimeout(resolve, x));
    active--;
    return x * 2;
  }, { concurrency: 3 }).toArray();
  assert.deepStrictEqual(mapped, [10, 2, 8, 4, 6]);
  assert.strictEqual(peak, 3);
  assert.deepStrictEqual(await Readable.from([1, 2, 3, 4]).filter((x) => x % 2 === 0).toArray(), [2, 4]);
  assert.deepStrictEqual(await Readable.from([1, 2]).flatMap((x) => [x, x]).toArray(), [1, 1, 2, 2]);
  assert.deepStrictEqual(await Readable.from([1, 2, 3, 4]).drop(1).take(2).toArray(), [2, 3]);
  assert.ok(Readable.from([1]).map((x) => x) instanceof Readable);
  assert.throws(() => Readable.from([1]).map(5), { code: 'ERR_INVALID_ARG_TYPE' });
  assert.throws(() => Readable.from([1]).map((x) => x, { concurrency: 0 }), { code: 'ERR_OUT_OF_RANGE' });
  assert.throws(() => Readable.from([1]).drop(-1), { code: 'ERR_OUT_OF_RANGE' });
  assert.throws(() => new Readable.prototype.map((x) => x), { code: 'ERR_ILLEGAL_CONSTRUCTOR' });
});

test('helpers: reduce, some, every, find, forEach, toArray with signal', async () => {
  assert.strictEqual(await Readable.from([1, 2, 3]).reduce((a, b) => a + b), 6);
  assert.strictEqual(await Readable.from([1, 2, 3]).reduce((a, b) => a + b, 10), 16);
  await assert.rejects(Readable.from([]).reduce((a, b) => a + b), {
    code: 'ERR_MISSING_ARGS', message: 'Reduce of an empty stream requires an initial value',
  });
  assert.strictEqual(await Readable.from([1, 2, 3]).some((x) => x > 2), true);
  assert.strictEqual(await Readable.from([1, 2, 3]).every((x) => x > 2), false);
  assert.strictEqual(await Readable.from([1, 2, 3]).find((x) => x > 1), 2);
  assert.strictEqual(await Readable.from([1, 2, 3]).find((x) => x > 5), undefined);
  const seen = [];
  assert.strictEqual(await Readable.from([1, 2]).forEach((x) => { seen.push(x); }), undefined);
  assert.deepStrictEqual(seen, [1, 2]);
  await assert.rejects(Readable.from([1, 2]).map(() => { throw new Error('in map'); }).toArray(), { message: 'in map' });
  await assert.rejects(Readable.from([1, 2]).toArray({ signal: AbortSignal.abort() }), { name: 'AbortError' });
});

test('eventNames lists only events that have listeners', () => {
  const r = new Readable({ read() {} });
  assert.deepStrictEqual(r.eventNames(), []);
  const f = () => {};
  r.on('data', f);
  assert.deepStrictEqual(r.eventNames(), ['data']);
  r.off('data', f);
  assert.deepStrictEqual(r.eventNames(), []);
});
