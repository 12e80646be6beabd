'use strict';
// Work that the engine finishes on its own run loop must complete and keep the program alive:
// async WebAssembly compilation and FinalizationRegistry callbacks.
const test = require('node:test');
const assert = require('node:assert');

// (module (func (export "add") (param i32 i32) (result i32) local.get 0 local.get 1 i32.add))
const addWasm = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x01, 0x07, 0x01, 0x60, 0x02, 0x7f, 0x7f, 0x01,
  0x7f, 0x03, 0x02, 0x01, 0x00, 0x07, 0x07, 0x01, 0x03, 0x61, 0x64, 0x64, 0x00, 0x00, 0x0a, 0x09,
  0x01, 0x07, 0x00, 0x20, 0x00, 0x20, 0x01, 0x6a, 0x0b,
]);

test('WebAssembly.instantiate resolves asynchronously', async () => {
  const { instance, module } = await WebAssembly.instantiate(addWasm);
  assert.ok(module instanceof WebAssembly.Module);
  assert.strictEqual(instance.exports.add(2, 40), 42);
});

test('WebAssembly.compile then instantiate', async () => {
  const module = await WebAssembly.compile(addWasm);
  const instance = await WebAssembly.instantiate(module);
  assert.strictEqual(instance.exports.add(-1, 1), 0);
});

test('an invalid module rejects with a CompileError', async () => {
  await assert.rejects(WebAssembly.compile(new Uint8Array([0, 1, 2, 3])), WebAssembly.CompileError);
});

test('FinalizationRegistry callbacks run once their targets are collected', async () => {
  let called = 0;
  const registry = new FinalizationRegistry((held) => { if (held === 'token') called++; });
  (function register() {
    for (let i = 0; i < 100; i++) registry.register({ payload: new Array(100).fill(i) }, 'token');
  })();
  const deadline = Date.now() + 20000;
  let garbage = [];
  while (called === 0 && Date.now() < deadline) {
    // Allocate (and drop) a few MB, then yield to the event loop, so that a GC runs and the engine's
    // cleanup task gets dispatched.
    garbage = [];
    for (let i = 0; i < 200; i++) garbage.push(new Array(10000).fill(i));
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  garbage = null;
  assert.ok(called > 0, 'no FinalizationRegistry callback ran within 20 s');
});

test('a rejection handled by a nextTick that a promise job queued is not reported', async () => {
  // Node looks at rejections only once the nextTick queue is empty (processTicksAndRejections).
  const seen = [];
  const onUnhandled = (reason) => seen.push(reason);
  process.on('unhandledRejection', onUnhandled);
  await new Promise((resolve) => {
    Promise.resolve().then(() => {
      const q = Promise.reject(new Error('q'));
      process.nextTick(() => {
        q.catch(() => {});
        setTimeout(resolve, 10);
      });
    });
  });
  process.off('unhandledRejection', onUnhandled);
  assert.deepStrictEqual(seen, []);
});
