'use strict';
// node:stream Duplex, Transform and PassThrough: option handling per side, allowHalfOpen, the
// transform/flush protocol, event order (literal sequences recorded from Node 24), and properties
// P16 (a Duplex's two sides are independent) and P17 (a Transform's output is its function applied
// to the input, however the input is chunked).
const test = require('node:test');
const assert = require('node:assert');
const fc = require('fast-check');
const { Duplex, Transform, PassThrough, Readable, Writable } = require('node:stream');

const tick = () => new Promise((resolve) => setImmediate(resolve));

function record(stream, events, log) {
  for (const ev of events) {
    stream.on(ev, (arg) => {
      if (ev === 'data') log.push(`data:${arg}`);
      else if (ev === 'error') log.push(`error:${arg.code || arg.message}`);
      else log.push(ev);
    });
  }
  return log;
}

test('Duplex is a Readable and an instanceof Writable, with both state objects', () => {
  const d = new Duplex();
  assert.ok(d instanceof Readable);
  assert.ok(d instanceof Writable);
  assert.ok(d instanceof Duplex);
  assert.ok(!(new Readable() instanceof Writable));
  assert.strictEqual(d.allowHalfOpen, true);
  assert.strictEqual(d.readable, true);
  assert.strictEqual(d.writable, true);
  assert.strictEqual(d.readableHighWaterMark, 65536);
  assert.strictEqual(d.writableHighWaterMark, 65536);
  assert.ok(Duplex() instanceof Duplex);
});

test('Duplex per-side options', () => {
  const d = new Duplex({
    readableObjectMode: true, writableHighWaterMark: 7, readableHighWaterMark: 3, allowHalfOpen: false,
  });
  assert.strictEqual(d.readableObjectMode, true);
  assert.strictEqual(d.writableObjectMode, false);
  assert.strictEqual(d.readableHighWaterMark, 3);
  assert.strictEqual(d.writableHighWaterMark, 7);
  assert.strictEqual(d.allowHalfOpen, false);
  const both = new Duplex({ objectMode: true, highWaterMark: 5, readableHighWaterMark: 9 });
  assert.strictEqual(both.readableObjectMode, true);
  assert.strictEqual(both.writableObjectMode, true);
  assert.strictEqual(both.readableHighWaterMark, 5);
  assert.strictEqual(both.writableHighWaterMark, 5);
  assert.throws(() => new Duplex({ readableHighWaterMark: -1 }), {
    code: 'ERR_INVALID_ARG_VALUE', message: "The property 'options.readableHighWaterMark' is invalid. Received -1",
  });
  const r = new Duplex({ readable: false });
  assert.strictEqual(r.readable, false);
  assert.strictEqual(r.writable, true);
  const w = new Duplex({ writable: false });
  assert.strictEqual(w.writable, false);
  assert.strictEqual(w.writableFinished, true);
});

test('allowHalfOpen false ends the writable side after end', async () => {
  const log = [];
  const d = new Duplex({
    allowHalfOpen: false,
    read() {},
    write(c, e, cb) { log.push(`write:${c}`); cb(); },
  });
  record(d, ['end', 'prefinish', 'finish', 'close'], log);
  d.resume();
  d.write('x');
  d.push(null);
  await new Promise((resolve) => d.on('close', resolve));
  assert.deepStrictEqual(log, ['write:x', 'end', 'prefinish', 'finish', 'close']);
});

test('allowHalfOpen true: close waits for both sides', async () => {
  const log = [];
  const d = new Duplex({ read() {}, write(c, e, cb) { cb(); } });
  record(d, ['end', 'finish', 'close'], log);
  d.resume();
  d.push(null);
  await tick();
  assert.deepStrictEqual(log, ['end']);
  assert.strictEqual(d.writable, true);
  d.end('late');
  await new Promise((resolve) => d.on('close', resolve));
  assert.deepStrictEqual(log, ['end', 'finish', 'close']);
});

test('P16: a Duplex\'s readable and writable sides are independent', async () => {
  await fc.assert(fc.asyncProperty(
    fc.array(fc.oneof(
      fc.record({ op: fc.constant('push'), v: fc.string({ minLength: 1, maxLength: 5 }) }),
      fc.record({ op: fc.constant('write'), v: fc.string({ minLength: 1, maxLength: 5 }) }),
      fc.record({ op: fc.constant('tick') }),
    ), { maxLength: 30 }),
    async (ops) => {
      const written = [];
      const d = new Duplex({
        objectMode: true,
        read() {},
        write(c, e, cb) { written.push(c); setImmediate(cb); },
      });
      const read = [];
      d.on('data', (c) => read.push(c));
      const pushed = [];
      const wrote = [];
      for (const o of ops) {
        if (o.op === 'push') {
          pushed.push(o.v);
          d.push(o.v);
        } else if (o.op === 'write') {
          wrote.push(o.v);
          d.write(o.v);
        } else {
          await tick();
        }
      }
      d.push(null);
      await new Promise((resolve) => d.end(resolve));
      await new Promise((resolve) => (d.readableEnded ? resolve() : d.on('end', resolve)));
      assert.deepStrictEqual(read, pushed);
      assert.deepStrictEqual(written, wrote);
    }), { seed: 16, numRuns: 60 });
});

test('Transform: transform callback with data, flush, event order', async () => {
  const log = [];
  const t = new Transform({
    transform(c, e, cb) { cb(null, c.toString().toUpperCase()); },
    flush(cb) { this.push('!'); cb(); },
  });
  record(t, ['data', 'prefinish', 'end', 'finish', 'close'], log);
  t.write('ab');
  t.end('cd');
  await new Promise((resolve) => t.on('close', resolve));
  assert.deepStrictEqual(log, ['data:AB', 'data:CD', 'data:!', 'prefinish', 'end', 'finish', 'close']);
});

test('Transform: flush(cb) may pass data; push many per chunk', async () => {
  const t = new Transform({
    objectMode: true,
    transform(c, e, cb) { this.push(c); this.push(c * 10); cb(); },
    flush(cb) { cb(null, 'end'); },
  });
  t.end(1);
  assert.deepStrictEqual(await t.toArray(), [1, 10, 'end']);
});

test('Transform errors: callback error and thrown error destroy the stream', async () => {
  const t = new Transform({ transform(c, e, cb) { cb(new Error('tx')); } });
  const log = record(t, ['error', 'close'], []);
  t.write('a', (err) => log.push(`cb:${err.message}`));
  await new Promise((resolve) => t.on('close', resolve));
  assert.deepStrictEqual(log, ['cb:tx', 'error:tx', 'close']);

  const f = new Transform({ transform(c, e, cb) { cb(); }, flush(cb) { cb(new Error('fl')); } });
  f.resume();
  const err = await new Promise((resolve) => {
    f.on('error', resolve);
    f.end('x');
  });
  assert.strictEqual(err.message, 'fl');
});

test('Transform without _transform: ERR_METHOD_NOT_IMPLEMENTED', () => {
  const t = new Transform();
  assert.throws(() => t.write('x'), { code: 'ERR_METHOD_NOT_IMPLEMENTED', message: 'The _transform() method is not implemented' });
});

test('Transform applies backpressure when the readable side is full', async () => {
  let transformed = 0;
  const t = new Transform({
    highWaterMark: 2,
    objectMode: true,
    transform(c, e, cb) { transformed++; cb(null, c); },
  });
  const rets = [];
  for (let i = 0; i < 8; i++) rets.push(t.write(i));
  await tick();
  // Two chunks fill the readable side (highWaterMark 2); the rest wait in the writable buffer.
  assert.strictEqual(transformed, 2);
  assert.deepStrictEqual(rets, [true, true, false, false, false, false, false, false]);
  t.end();
  assert.deepStrictEqual(await t.toArray(), [0, 1, 2, 3, 4, 5, 6, 7]);
});

test('P17: a Transform\'s output equals its function applied to the input, for any chunking', async () => {
  await fc.assert(fc.asyncProperty(
    fc.uint8Array({ maxLength: 200 }),
    fc.array(fc.nat(), { maxLength: 10 }),
    fc.integer({ min: 1, max: 64 }),
    async (bytes, cuts, hwm) => {
      // Byte-wise function: each byte is complemented, so chunk boundaries must not matter.
      const f = (buf) => Buffer.from(buf.map((b) => 255 - b));
      const t = new Transform({ highWaterMark: hwm, transform(c, e, cb) { cb(null, f(c)); } });
      const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
      const out = [];
      t.on('data', (c) => out.push(c));
      const done = new Promise((resolve) => t.on('end', resolve));
      let last = 0;
      for (const p of [...points, bytes.length]) {
        if (p > last) t.write(Buffer.from(bytes.subarray(last, p)));
        last = p;
      }
      t.end();
      await done;
      assert.deepStrictEqual(Buffer.concat(out), f(Buffer.from(bytes)));
    }), { seed: 17, numRuns: 100 });
});

test('PassThrough passes chunks unchanged, strings as Buffers unless decodeStrings false', async () => {
  const p = new PassThrough();
  p.write('ab');
  p.end(Buffer.from('cd'));
  const out = await p.toArray();
  assert.deepStrictEqual(Buffer.concat(out).toString(), 'abcd');
  const s = new PassThrough({ decodeStrings: false, encoding: 'utf8' });
  s.end('é');
  assert.deepStrictEqual(await s.toArray(), ['é']);
  assert.ok(PassThrough() instanceof Transform);
});

test('Duplex destroy: error and close once, both sides destroyed', async () => {
  const d = new Duplex({ read() {}, write(c, e, cb) { cb(); } });
  const log = record(d, ['error', 'close', 'end', 'finish'], []);
  d.destroy(new Error('dd'));
  assert.strictEqual(d.destroyed, true);
  assert.strictEqual(d.readable, false);
  assert.strictEqual(d.writable, false);
  await tick();
  assert.deepStrictEqual(log, ['error:dd', 'close']);
});

test('Duplex.from and compose', async () => {
  const upper = Duplex.from(async function* (source) {
    for await (const c of source) yield String(c).toUpperCase();
  });
  upper.end('abc');
  assert.deepStrictEqual(await upper.toArray(), ['ABC']);
  const fromIterable = Duplex.from(['x', 'y']);
  assert.strictEqual(fromIterable.writable, false);
  assert.deepStrictEqual(await fromIterable.toArray(), ['x', 'y']);
  const fromPromise = Duplex.from(Promise.resolve('v'));
  assert.deepStrictEqual(await fromPromise.toArray(), ['v']);
  const p = new PassThrough();
  assert.strictEqual(Duplex.from(p), p);
  const r = new Readable({ read() {} });
  const w = new Writable({ write(c, e, cb) { cb(); } });
  const pair = Duplex.from({ readable: r, writable: w });
  assert.strictEqual(pair.readable, true);
  assert.strictEqual(pair.writable, true);
  assert.throws(() => Duplex.from(5), { code: 'ERR_INVALID_ARG_TYPE' });

  const { compose } = require('node:stream');
  const c = compose(
    new Transform({ transform(ch, e, cb) { cb(null, `${ch}1`); } }),
    async function* (source) { for await (const ch of source) yield `${ch}2`; });
  c.end('x');
  assert.deepStrictEqual(await c.toArray(), ['x12']);
  assert.throws(() => compose(), { code: 'ERR_MISSING_ARGS' });
  assert.throws(() => compose(new PassThrough(), new Readable({ read() {} }), new PassThrough()), {
    code: 'ERR_INVALID_ARG_VALUE',
  });
  const viaMethod = Readable.from(['m']).compose(async function* (s) { for await (const ch of s) yield `${ch}!`; });
  assert.deepStrictEqual(await viaMethod.toArray(), ['m!']);
});
