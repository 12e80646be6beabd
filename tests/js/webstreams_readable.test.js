'use strict';
// WHATWG ReadableStream (node:stream/web and the globals) as Node 24 has it: shape, errors, readers,
// default and byte controllers, tee, async iteration, ReadableStream.from and inspection. Every
// expectation passes under real Node 24 too. The Streams Standard's own tests run in
// tests/conformance/wpt_streams.
const test = require('node:test');
const assert = require('node:assert');
const util = require('util');
const web = require('stream/web');

const delay = (ms = 0) => new Promise((r) => setTimeout(r, ms));

async function readAll(stream) {
  const out = [];
  for await (const chunk of stream) out.push(chunk);
  return out;
}

test('node:stream/web exports and globals', () => {
  const names = ['ReadableStream', 'ReadableStreamDefaultReader', 'ReadableStreamBYOBReader',
    'ReadableStreamBYOBRequest', 'ReadableByteStreamController', 'ReadableStreamDefaultController',
    'TransformStream', 'TransformStreamDefaultController', 'WritableStream', 'WritableStreamDefaultWriter',
    'WritableStreamDefaultController', 'ByteLengthQueuingStrategy', 'CountQueuingStrategy'];
  for (const name of names) {
    assert.strictEqual(typeof web[name], 'function', name);
    assert.strictEqual(globalThis[name], web[name], name);
    const d = Object.getOwnPropertyDescriptor(globalThis, name);
    assert.strictEqual(d.enumerable, false, name);
    assert.strictEqual(Object.prototype.toString.call(web[name].prototype), `[object ${name}]`);
  }
  assert.strictEqual(typeof web.ReadableStreamTee, 'function');
});

test('class shape: lengths, enumerable members, async iterator', () => {
  assert.strictEqual(ReadableStream.length, 0);
  assert.strictEqual(ReadableStreamDefaultReader.length, 1);
  assert.strictEqual(ReadableStream.prototype.pipeTo.length, 1);
  assert.strictEqual(ReadableStream.prototype.pipeThrough.length, 1);
  assert.strictEqual(ReadableStreamBYOBReader.prototype.read.length, 1);
  assert.strictEqual(ReadableStream.prototype[Symbol.asyncIterator], ReadableStream.prototype.values);
  const keys = Object.keys(ReadableStream.prototype);
  assert.deepStrictEqual(keys.sort(), ['cancel', 'getReader', 'locked', 'pipeThrough', 'pipeTo', 'tee', 'values']);
  assert.strictEqual(typeof Object.getOwnPropertyDescriptor(ReadableStream.prototype, 'locked').get, 'function');
  assert.strictEqual(typeof ReadableStream.from, 'function');
  const it = new ReadableStream().values();
  const proto = Object.getPrototypeOf(Object.getPrototypeOf(it));
  assert.strictEqual(typeof proto[Symbol.asyncIterator], 'function');
});

test('constructor argument errors carry Node\'s codes', () => {
  assert.throws(() => new ReadableStream(1), { name: 'TypeError', code: 'ERR_INVALID_ARG_TYPE' });
  assert.throws(() => new ReadableStream(null), TypeError);
  assert.throws(() => new ReadableStream({ type: 'nope' }), { name: 'TypeError', code: 'ERR_INVALID_ARG_VALUE' });
  assert.throws(() => new ReadableStream({}, { highWaterMark: -1 }),
    { name: 'RangeError', code: 'ERR_INVALID_ARG_VALUE' });
  assert.throws(() => new ReadableStream({}, { highWaterMark: NaN }), RangeError);
  assert.throws(() => new ReadableStream({}, { size: 1 }), { name: 'TypeError', code: 'ERR_INVALID_ARG_TYPE' });
  assert.throws(() => new ReadableStream({ type: 'bytes' }, { size() { return 1; } }), RangeError);
  assert.throws(() => new ReadableStream({ type: 'bytes', autoAllocateChunkSize: 0 }), TypeError);
  assert.throws(() => new ReadableStream({ start: 1 }), TypeError);
  assert.throws(() => new ReadableStream({ start() { throw new Error('boom'); } }), /boom/);
  assert.throws(() => new ReadableStreamDefaultController(), { code: 'ERR_ILLEGAL_CONSTRUCTOR' });
  assert.throws(() => new ReadableStreamDefaultReader(1), { code: 'ERR_INVALID_ARG_TYPE' });
});

test('brand checks throw or reject with ERR_INVALID_THIS', async () => {
  const locked = Object.getOwnPropertyDescriptor(ReadableStream.prototype, 'locked').get;
  assert.throws(() => locked.call({}), { name: 'TypeError', code: 'ERR_INVALID_THIS' });
  assert.throws(() => ReadableStream.prototype.getReader.call(Object.create(ReadableStream.prototype)),
    { code: 'ERR_INVALID_THIS' });
  await assert.rejects(ReadableStream.prototype.cancel.call(1), { code: 'ERR_INVALID_THIS' });
  await assert.rejects(ReadableStreamDefaultReader.prototype.read.call({}), { code: 'ERR_INVALID_THIS' });
  await assert.rejects(ReadableStream.prototype.pipeTo.call({}, new WritableStream()), { code: 'ERR_INVALID_THIS' });
});

test('underlying source callbacks are called with the source as this, in spec order', async () => {
  const calls = [];
  const source = {
    start(c) { calls.push(['start', this === source, c instanceof ReadableStreamDefaultController]); },
    pull(c) { calls.push(['pull', this === source]); c.enqueue('x'); c.close(); },
    cancel() { calls.push(['cancel']); },
  };
  const rs = new ReadableStream(source);
  assert.deepStrictEqual(calls, [['start', true, true]]);
  const reader = rs.getReader();
  assert.deepStrictEqual(await reader.read(), { value: 'x', done: false });
  assert.deepStrictEqual(await reader.read(), { value: undefined, done: true });
  assert.deepStrictEqual(calls, [['start', true, true], ['pull', true]]);
});

test('desiredSize follows the strategy; pull respects the high-water mark', async () => {
  let controller;
  let pulls = 0;
  const rs = new ReadableStream({
    start(c) { controller = c; },
    pull() { pulls++; },
  }, new CountQueuingStrategy({ highWaterMark: 3 }));
  assert.strictEqual(controller.desiredSize, 3);
  controller.enqueue('a');
  controller.enqueue('b');
  assert.strictEqual(controller.desiredSize, 1);
  await delay();
  assert.strictEqual(pulls, 1);
  controller.enqueue('c');
  controller.enqueue('d');
  assert.strictEqual(controller.desiredSize, -1);
  const reader = rs.getReader();
  assert.strictEqual((await reader.read()).value, 'a');
  controller.close();
  assert.strictEqual(controller.desiredSize, 0);
  assert.throws(() => controller.enqueue('e'), { code: 'ERR_INVALID_STATE', name: 'TypeError' });
  assert.throws(() => controller.close(), { code: 'ERR_INVALID_STATE' });
  assert.deepStrictEqual([(await reader.read()).value, (await reader.read()).value, (await reader.read()).value],
    ['b', 'c', 'd']);
  assert.strictEqual((await reader.read()).done, true);
  await reader.closed;
});

test('a size function that throws errors the stream', async () => {
  const err = new Error('size');
  let controller;
  const rs = new ReadableStream({ start(c) { controller = c; } }, { size() { throw err; } });
  assert.throws(() => controller.enqueue(1), (e) => e === err);
  await assert.rejects(rs.getReader().closed, (e) => e === err);
  assert.strictEqual(controller.desiredSize, null);
});

test('locking, releaseLock and reader errors', async () => {
  const rs = new ReadableStream();
  const reader = rs.getReader();
  assert.strictEqual(rs.locked, true);
  assert.throws(() => rs.getReader(), { code: 'ERR_INVALID_STATE', message: 'Invalid state: ReadableStream is locked' });
  await assert.rejects(rs.cancel(), { code: 'ERR_INVALID_STATE' });
  assert.throws(() => rs.tee(), { code: 'ERR_INVALID_STATE' });
  const pending = reader.read();
  reader.releaseLock();
  await assert.rejects(pending, { name: 'TypeError', code: 'ERR_INVALID_STATE' });
  await assert.rejects(reader.closed, TypeError);
  await assert.rejects(reader.read(), { code: 'ERR_INVALID_STATE' });
  assert.strictEqual(rs.locked, false);
  reader.releaseLock();
  assert.throws(() => rs.getReader({ mode: 'bad' }), { code: 'ERR_INVALID_ARG_VALUE' });
  assert.throws(() => rs.getReader({ mode: 'byob' }), { code: 'ERR_INVALID_ARG_VALUE' });
});

test('cancel reaches the source and resolves with undefined', async () => {
  let reason;
  const rs = new ReadableStream({ cancel(r) { reason = r; return 'ignored'; } });
  assert.strictEqual(await rs.cancel('why'), undefined);
  assert.strictEqual(reason, 'why');
  const reader = rs.getReader();
  assert.deepStrictEqual(await reader.read(), { value: undefined, done: true });
  const err = new Error('cancel failed');
  await assert.rejects(new ReadableStream({ cancel() { throw err; } }).cancel(), (e) => e === err);
});

test('controller.error rejects pending reads and closed', async () => {
  let controller;
  const rs = new ReadableStream({ start(c) { controller = c; } });
  const reader = rs.getReader();
  const r1 = reader.read();
  const err = new Error('bad');
  controller.error(err);
  await assert.rejects(r1, (e) => e === err);
  await assert.rejects(reader.closed, (e) => e === err);
  await assert.rejects(reader.read(), (e) => e === err);
  controller.error(new Error('ignored'));
  await assert.rejects(reader.cancel(), (e) => e === err);
});

test('a rejected start or pull errors the stream', async () => {
  const err = new Error('start');
  await assert.rejects(new ReadableStream({ start() { return Promise.reject(err); } }).getReader().read(),
    (e) => e === err);
  const err2 = new Error('pull');
  await assert.rejects(new ReadableStream({ pull() { throw err2; } }).getReader().read(), (e) => e === err2);
});

test('pull is not called again until its promise settles', async () => {
  let pulls = 0;
  let release;
  const rs = new ReadableStream({
    pull(c) {
      pulls++;
      return new Promise((r) => { release = () => { c.enqueue(pulls); r(); }; });
    },
  }, { highWaterMark: 0 });
  const reader = rs.getReader();
  const p1 = reader.read();
  const p2 = reader.read();
  await delay();
  assert.strictEqual(pulls, 1);
  release();
  assert.strictEqual((await p1).value, 1);
  await delay();
  assert.strictEqual(pulls, 2);
  release();
  assert.strictEqual((await p2).value, 2);
});

test('tee gives both branches every chunk, and cancels the source only when both cancel', async () => {
  let cancelReason;
  const rs = new ReadableStream({
    start(c) { c.enqueue(1); c.enqueue(2); c.enqueue(3); c.close(); },
    cancel(r) { cancelReason = r; },
  });
  const [a, b] = rs.tee();
  assert.strictEqual(rs.locked, true);
  assert.deepStrictEqual(await Promise.all([readAll(a), readAll(b)]), [[1, 2, 3], [1, 2, 3]]);

  const rs2 = new ReadableStream({ cancel(r) { cancelReason = r; } });
  const [c, d] = rs2.tee();
  const p = c.cancel('one');
  await delay();
  assert.strictEqual(cancelReason, undefined);
  await Promise.all([p, d.cancel('two')]);
  assert.deepStrictEqual(cancelReason, ['one', 'two']);
});

test('tee errors both branches when the source errors', async () => {
  let controller;
  const [a, b] = new ReadableStream({ start(c) { controller = c; } }).tee();
  const err = new Error('x');
  controller.error(err);
  await assert.rejects(a.getReader().closed, (e) => e === err);
  await assert.rejects(b.getReader().closed, (e) => e === err);
});

test('async iteration: values, return() cancels unless preventCancel', async () => {
  let canceled = 0;
  const make = () => new ReadableStream({
    start(c) { for (let i = 0; i < 5; i++) c.enqueue(i); },
    cancel() { canceled++; },
  });
  const seen = [];
  const rs = make();
  for await (const v of rs) {
    seen.push(v);
    if (v === 2) break;
  }
  assert.deepStrictEqual(seen, [0, 1, 2]);
  assert.strictEqual(canceled, 1);
  assert.strictEqual(rs.locked, false);

  const rs2 = make();
  for await (const v of rs2.values({ preventCancel: true })) if (v === 1) break;
  assert.strictEqual(canceled, 1);
  assert.strictEqual(rs2.locked, false);
  const reader = rs2.getReader();
  assert.strictEqual((await reader.read()).value, 2);

  const it = new ReadableStream({ start(c) { c.close(); } })[Symbol.asyncIterator]();
  assert.deepStrictEqual(await it.next(), { value: undefined, done: true });
  assert.deepStrictEqual(await it.next(), { value: undefined, done: true });
  assert.deepStrictEqual(await it.return('r'), { value: 'r', done: true });
});

test('async iteration rejects with the stream error', async () => {
  const err = new Error('iter');
  const rs = new ReadableStream({ pull(c) { c.error(err); } });
  await assert.rejects(async () => { for await (const v of rs) assert.fail(v); }, (e) => e === err);
});

test('ReadableStream.from: async and sync iterables, errors, cancel calls return()', async () => {
  async function* gen() { yield 1; yield 2; yield 3; }
  assert.deepStrictEqual(await readAll(ReadableStream.from(gen())), [1, 2, 3]);
  assert.deepStrictEqual(await readAll(ReadableStream.from([Promise.resolve('a'), 'b'])), ['a', 'b']);
  assert.deepStrictEqual(await readAll(ReadableStream.from(new Set(['x']))), ['x']);
  assert.throws(() => ReadableStream.from(1), { code: 'ERR_ARG_NOT_ITERABLE', name: 'TypeError' });
  assert.throws(() => ReadableStream.from({}), { code: 'ERR_ARG_NOT_ITERABLE' });
  let returned;
  const iterable = {
    [Symbol.asyncIterator]() {
      return {
        next: async () => ({ value: 'v', done: false }),
        return: async (r) => { returned = r; return { done: true }; },
      };
    },
  };
  const rs = ReadableStream.from(iterable);
  const reader = rs.getReader();
  assert.deepStrictEqual(await reader.read(), { value: 'v', done: false });
  await reader.cancel('stop');
  assert.strictEqual(returned, 'stop');
  const err = new Error('gen');
  async function* bad() { yield 1; throw err; }
  await assert.rejects(readAll(ReadableStream.from(bad())), (e) => e === err);
});

test('util.inspect output matches Node', () => {
  const rs = new ReadableStream();
  assert.strictEqual(util.inspect(rs), "ReadableStream { locked: false, state: 'readable', supportsBYOB: false }");
  assert.strictEqual(util.inspect(new ReadableStream({ type: 'bytes' })),
    "ReadableStream { locked: false, state: 'readable', supportsBYOB: true }");
  const reader = rs.getReader();
  // (node --test adds async-hook symbols to promises, so the `close` promise is matched loosely.)
  assert.match(util.inspect(reader), new RegExp('^ReadableStreamDefaultReader \\{\n' +
    "  stream: ReadableStream \\{ locked: true, state: 'readable', supportsBYOB: false \\},\n" +
    '  readRequests: 0,\n' +
    '  close: Promise \\{'));
  assert.strictEqual(util.inspect({ a: { b: rs } }, { depth: 1 }), '{ a: { b: undefined } }');
  assert.strictEqual(util.inspect(rs, { depth: 0 }), 'ReadableStream [Object]');
  const closed = new ReadableStream({ start(c) { c.close(); } });
  assert.match(util.inspect(closed), /state: 'closed'/);
  let ctrl;
  new ReadableStream({ start(c) { ctrl = c; } });
  assert.strictEqual(util.inspect(ctrl), 'ReadableStreamDefaultController {}');
});

test('patched Promise.prototype.then does not change reads', async () => {
  const then = Promise.prototype.then;
  let called = 0;
  const rs = new ReadableStream({ start(c) { c.enqueue(1); c.close(); } });
  const [a] = rs.tee();
  Promise.prototype.then = function(...args) { called++; return then.apply(this, args); };
  let result;
  try {
    result = a.getReader().read();
  } finally {
    Promise.prototype.then = then;
  }
  assert.deepStrictEqual(await result, { value: 1, done: false });
  assert.strictEqual(called, 0);
});
