'use strict';
// Language built-ins that Node 24 has and this JSC keeps behind engine options, which dx turns on
// (src/runtime/runtime.c): SharedArrayBuffer with Atomics (waiting allowed on the main thread, as in
// Node) and explicit resource management's DisposableStack/AsyncDisposableStack/SuppressedError.
const test = require('node:test');
const assert = require('node:assert');

test('SharedArrayBuffer is a global, growable, and views see each other\'s writes', () => {
  assert.strictEqual(typeof SharedArrayBuffer, 'function');
  const sab = new SharedArrayBuffer(8, { maxByteLength: 16 });
  const a = new Int32Array(sab);
  const b = new Int32Array(sab);
  a[1] = 42;
  assert.strictEqual(b[1], 42);
  sab.grow(16);
  assert.strictEqual(sab.byteLength, 16);
  assert.strictEqual(Object.prototype.toString.call(sab), '[object SharedArrayBuffer]');
  assert.strictEqual(require('util').types.isSharedArrayBuffer(sab), true);
  assert.strictEqual(require('util').types.isArrayBuffer(sab), false);
});

test('Atomics on a SharedArrayBuffer: arithmetic, wait on the main thread, notify', () => {
  const a = new Int32Array(new SharedArrayBuffer(16));
  assert.strictEqual(Atomics.add(a, 0, 5), 0);
  assert.strictEqual(Atomics.compareExchange(a, 0, 5, 7), 5);
  assert.strictEqual(Atomics.load(a, 0), 7);
  assert.strictEqual(Atomics.wait(a, 0, 1), 'not-equal');
  const t0 = Date.now();
  assert.strictEqual(Atomics.wait(a, 1, 0, 20), 'timed-out');
  assert.ok(Date.now() - t0 >= 15);
  assert.strictEqual(Atomics.notify(a, 1, 1), 0);
});

test('DisposableStack runs disposers in reverse order, once', () => {
  const log = [];
  const stack = new DisposableStack();
  stack.defer(() => log.push('first'));
  stack.use({ [Symbol.dispose]() { log.push('resource'); } });
  stack.adopt('v', (v) => log.push(`adopted ${v}`));
  assert.strictEqual(stack.disposed, false);
  stack.dispose();
  stack.dispose();
  assert.deepStrictEqual(log, ['adopted v', 'resource', 'first']);
  assert.strictEqual(stack.disposed, true);
  assert.throws(() => stack.defer(() => {}), ReferenceError);
});

test('errors from several disposers become a SuppressedError chain', () => {
  const stack = new DisposableStack();
  stack.defer(() => { throw new Error('a'); });
  stack.defer(() => { throw new Error('b'); });
  try {
    stack.dispose();
    assert.fail('dispose should throw');
  } catch (e) {
    assert.ok(e instanceof SuppressedError);
    assert.strictEqual(e.error.message, 'a');
    assert.strictEqual(e.suppressed.message, 'b');
  }
});

test('AsyncDisposableStack awaits its disposers', async () => {
  const log = [];
  const stack = new AsyncDisposableStack();
  stack.defer(async () => { await null; log.push('async'); });
  stack.use({ [Symbol.asyncDispose]: async () => log.push('resource') });
  await stack.disposeAsync();
  assert.deepStrictEqual(log, ['resource', 'async']);
  assert.strictEqual(typeof Symbol.asyncDispose, 'symbol');
});
