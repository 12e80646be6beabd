'use strict';
// node:timers/promises. Every expectation is Node 24's behaviour; the file passes under real Node.
const test = require('node:test');
const assert = require('node:assert');
const timers = require('node:timers');
const tp = require('node:timers/promises');

async function rejectionOf(promise) {
  try {
    await promise;
  } catch (err) {
    return `${err.name} ${err.code}: ${err.message}`;
  }
  return 'resolved';
}

test('module shape', () => {
  assert.deepStrictEqual(Object.keys(tp), ['setTimeout', 'setImmediate', 'setInterval', 'scheduler']);
  assert.strictEqual(require('timers/promises'), tp);
  assert.strictEqual(timers.promises, tp);
  const d = Object.getOwnPropertyDescriptor(timers, 'promises');
  assert.strictEqual(typeof d.get, 'function');
  assert.strictEqual(d.enumerable, true);
  assert.deepStrictEqual(Object.getOwnPropertyNames(Object.getPrototypeOf(tp.scheduler)),
    ['constructor', 'yield', 'wait']);
});

test('setTimeout resolves with the value after the delay', async () => {
  const start = Date.now();
  assert.strictEqual(await tp.setTimeout(20, 'v'), 'v');
  assert.ok(Date.now() - start >= 19);
  assert.strictEqual(await tp.setTimeout(), undefined);
  // An unref'd timer does not keep the loop alive by itself: hold it with a ref'd one.
  const keepAlive = setTimeout(() => {}, 1000);
  assert.strictEqual(await tp.setTimeout(1, undefined, { ref: false }), undefined);
  assert.strictEqual(await tp.setImmediate(2, { ref: false }), 2);
  clearTimeout(keepAlive);
});

test('setTimeout runs in the timers phase, in order with callback timers', async () => {
  const log = [];
  const p1 = tp.setTimeout(5, 'a').then((v) => log.push(v));
  setTimeout(() => log.push('cb'), 5);
  const p2 = tp.setTimeout(5, 'b').then((v) => log.push(v));
  await Promise.all([p1, p2]);
  assert.deepStrictEqual(log, ['a', 'cb', 'b']);
});

test('setImmediate resolves in the check phase, after a 0 ms timer callback in I/O order', async () => {
  assert.strictEqual(await tp.setImmediate('i'), 'i');
  const log = [];
  const p = tp.setImmediate().then(() => log.push('promise'));
  setImmediate(() => log.push('callback'));
  await p;
  await new Promise((resolve) => setImmediate(resolve));
  assert.deepStrictEqual(log, ['promise', 'callback']);
});

test('argument errors reject instead of throwing', async () => {
  assert.strictEqual(await rejectionOf(tp.setTimeout('1')),
    'TypeError ERR_INVALID_ARG_TYPE: The "delay" argument must be of type number. Received type string (\'1\')');
  assert.strictEqual(await rejectionOf(tp.setTimeout(1, 1, null)),
    'TypeError ERR_INVALID_ARG_TYPE: The "options" argument must be of type object. Received null');
  assert.strictEqual(await rejectionOf(tp.setTimeout(1, 1, { ref: 1 })),
    'TypeError ERR_INVALID_ARG_TYPE: The "options.ref" property must be of type boolean. Received type number (1)');
  assert.strictEqual(await rejectionOf(tp.setTimeout(1, 1, { signal: 1 })),
    'TypeError ERR_INVALID_ARG_TYPE: The "options.signal" property must be an instance of AbortSignal. Received type number (1)');
  assert.strictEqual(await rejectionOf(tp.setImmediate(1, 1)),
    'TypeError ERR_INVALID_ARG_TYPE: The "options" argument must be of type object. Received type number (1)');
  assert.strictEqual(await rejectionOf(tp.setImmediate(1, [])),
    'TypeError ERR_INVALID_ARG_TYPE: The "options" argument must be of type object. Received an instance of Array');
  assert.strictEqual(await rejectionOf(tp.setInterval('x').next()),
    'TypeError ERR_INVALID_ARG_TYPE: The "delay" argument must be of type number. Received type string (\'x\')');
  assert.strictEqual(await rejectionOf(tp.setInterval(1, 1, 1).next()),
    'TypeError ERR_INVALID_ARG_TYPE: The "options" argument must be of type object. Received type number (1)');
  assert.strictEqual(await rejectionOf(tp.scheduler.wait('x')),
    'TypeError ERR_INVALID_ARG_TYPE: The "delay" argument must be of type number. Received type string (\'x\')');
});

test('an aborted signal rejects with an AbortError caused by the reason', async () => {
  for (const make of [
    (signal) => tp.setTimeout(10, 1, { signal }),
    (signal) => tp.setImmediate(1, { signal }),
    (signal) => tp.setInterval(10, 1, { signal }).next(),
    (signal) => tp.scheduler.wait(10, { signal }),
  ]) {
    await assert.rejects(make(AbortSignal.abort('r1')), (err) => {
      assert.strictEqual(err.name, 'AbortError');
      assert.strictEqual(err.code, 'ABORT_ERR');
      assert.strictEqual(err.message, 'The operation was aborted');
      assert.strictEqual(err.cause, 'r1');
      assert.ok(!(err instanceof DOMException));
      return true;
    });
    const ac = new AbortController();
    const p = make(ac.signal);
    ac.abort('r2');
    await assert.rejects(p, { name: 'AbortError', cause: 'r2' });
  }
});

test('the abort listener is removed when the timer settles', async () => {
  const { listenerCount } = require('events');
  const ac = new AbortController();
  const p = tp.setTimeout(1, 'x', { signal: ac.signal });
  assert.strictEqual(listenerCount(ac.signal, 'abort'), 1);
  await p;
  assert.strictEqual(listenerCount(ac.signal, 'abort'), 0);
  const q = tp.setImmediate('y', { signal: ac.signal });
  await q;
  assert.strictEqual(listenerCount(ac.signal, 'abort'), 0);
});

test('setInterval yields the value once per tick and stops on return()', async () => {
  const it = tp.setInterval(5, 'tick');
  const values = [];
  for await (const v of it) {
    values.push(v);
    if (values.length === 3) break;
  }
  assert.deepStrictEqual(values, ['tick', 'tick', 'tick']);
  assert.deepStrictEqual(await it.next(), { value: undefined, done: true });
});

test('setInterval: ticks missed while the consumer was busy are all yielded', async () => {
  const it = tp.setInterval(5, 'v');
  assert.deepStrictEqual(await it.next(), { value: 'v', done: false });
  await new Promise((resolve) => setTimeout(resolve, 30));
  let n = 0;
  // The buffered ticks resolve before an immediate does: without waiting for the next interval.
  for (let i = 0; i < 20; i++) {
    const r = await Promise.race([it.next(), new Promise((resolve) => setImmediate(() => resolve(null)))]);
    if (r === null) break;
    n++;
  }
  await it.return();
  assert.ok(n >= 2, `buffered ticks: ${n}`);
});

test('setInterval aborted while iterating rejects and ends', async () => {
  const ac = new AbortController();
  const it = tp.setInterval(5, 1, { signal: ac.signal });
  assert.deepStrictEqual(await it.next(), { value: 1, done: false });
  const p = it.next();
  ac.abort('stop');
  await assert.rejects(p, { name: 'AbortError', cause: 'stop' });
  assert.deepStrictEqual(await it.next(), { value: undefined, done: true });
});

test('scheduler', async () => {
  assert.strictEqual(await tp.scheduler.wait(2), undefined);
  assert.strictEqual(await tp.scheduler.yield(), undefined);
  const Scheduler = tp.scheduler.constructor;
  assert.throws(() => new Scheduler(), { code: 'ERR_ILLEGAL_CONSTRUCTOR', message: 'Illegal constructor' });
  assert.throws(() => tp.scheduler.yield.call({}),
    { code: 'ERR_INVALID_THIS', message: 'Value of "this" must be of type Scheduler' });
  assert.throws(() => tp.scheduler.wait.call({}, 1),
    { code: 'ERR_INVALID_THIS', message: 'Value of "this" must be of type Scheduler' });
});
