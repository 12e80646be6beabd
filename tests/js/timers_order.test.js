'use strict';
// Ordering of nextTick, promise jobs, queueMicrotask, timers and immediates, in the cases where Node
// defines it (a timer racing an immediate from the main script is not defined, so it is not tested).
const test = require('node:test');
const assert = require('node:assert');

function recorder() {
  const log = [];
  return { log, p: (s) => log.push(s) };
}

// The main-script case runs at the file's top level: inside a test function we would already be in a
// promise job, where Node's order is different (promise jobs drain first).
const mainLog = [];
const mainDone = new Promise((resolve) => {
  const p = (s) => mainLog.push(s);
  setTimeout(() => { p('timeout'); resolve(); }, 1);
  Promise.resolve().then(() => p('promise1'));
  process.nextTick(() => {
    p('tick1');
    process.nextTick(() => p('tick-from-tick'));
    Promise.resolve().then(() => p('promise-from-tick'));
  });
  queueMicrotask(() => p('microtask'));
  Promise.resolve().then(() => process.nextTick(() => p('tick-from-promise')));
  p('sync');
});

test('main script: nextTicks run before promise jobs, both before timers', async () => {
  await mainDone;
  assert.deepStrictEqual(mainLog, ['sync', 'tick1', 'tick-from-tick', 'promise1', 'microtask',
    'promise-from-tick', 'tick-from-promise', 'timeout']);
});

test('inside a promise job: the remaining promise jobs run before nextTicks', async () => {
  const { log, p } = recorder();
  await Promise.resolve();
  process.nextTick(() => p('tick'));
  Promise.resolve().then(() => p('promise'));
  await new Promise((resolve) => setTimeout(resolve, 1));
  assert.deepStrictEqual(log, ['promise', 'tick']);
});

test('inside a timer: ticks and promises run between two due timers', async () => {
  const { log, p } = recorder();
  await new Promise((resolve) => {
    setTimeout(() => {
      setTimeout(() => {
        p('t1');
        process.nextTick(() => p('t1-tick'));
        Promise.resolve().then(() => p('t1-promise'));
      }, 2);
      setTimeout(() => {
        p('t2');
        process.nextTick(() => p('t2-tick'));
        resolve();
      }, 2);
      // Both expire together: wait past them synchronously so they are due in one timers phase.
      const end = Date.now() + 5;
      while (Date.now() < end);
    }, 1);
  });
  assert.deepStrictEqual(log, ['t1', 't1-tick', 't1-promise', 't2', 't2-tick']);
});

test('inside a timer: setImmediate runs before setTimeout(0)', async () => {
  const { log, p } = recorder();
  await new Promise((resolve) => {
    setTimeout(() => {
      setTimeout(() => { p('timeout'); resolve(); }, 0);
      setImmediate(() => p('immediate'));
      process.nextTick(() => p('tick'));
    }, 1);
  });
  assert.deepStrictEqual(log, ['tick', 'immediate', 'timeout']);
});

test('inside an immediate: ticks and promises run between immediates; new immediates wait a turn', async () => {
  const { log, p } = recorder();
  await new Promise((resolve) => {
    setImmediate(() => {
      p('i1');
      setImmediate(() => { p('i3'); resolve(); });
      process.nextTick(() => p('i1-tick'));
      Promise.resolve().then(() => p('i1-promise'));
    });
    setImmediate(() => p('i2'));
  });
  assert.deepStrictEqual(log, ['i1', 'i1-tick', 'i1-promise', 'i2', 'i3']);
});

test('timers with different delays fire in expiry order', async () => {
  const { log, p } = recorder();
  await new Promise((resolve) => {
    setTimeout(() => { p(30); resolve(); }, 30);
    setTimeout(() => p(10), 10);
    setTimeout(() => p(20), 20);
    setTimeout(() => p('10b'), 10);
  });
  assert.deepStrictEqual(log, [10, '10b', 20, 30]);
});

test('setInterval repeats until cleared; clearTimeout also clears intervals', async () => {
  let n = 0;
  await new Promise((resolve) => {
    const t = setInterval(() => {
      n++;
      if (n === 3) { clearTimeout(t); setTimeout(resolve, 20); }
    }, 1);
  });
  assert.strictEqual(n, 3);
});

test('clearTimeout and clearImmediate cancel; by object and by primitive id', async () => {
  const { log, p } = recorder();
  const a = setTimeout(() => p('a'), 1);
  const b = setTimeout(() => p('b'), 1);
  const c = setImmediate(() => p('c'));
  clearTimeout(a);
  clearTimeout(+b);
  clearImmediate(c);
  await new Promise((r) => setTimeout(r, 10));
  assert.deepStrictEqual(log, []);
});

test('Timeout objects: ref/unref/hasRef/refresh/toPrimitive; Immediate ref/unref/hasRef', async () => {
  const t = setTimeout(() => {}, 1000);
  assert.strictEqual(t.hasRef(), true);
  assert.strictEqual(t.unref(), t);
  assert.strictEqual(t.hasRef(), false);
  assert.strictEqual(t.ref(), t);
  assert.strictEqual(t.hasRef(), true);
  assert.strictEqual(t.refresh(), t);
  assert.strictEqual(typeof t[Symbol.toPrimitive](), 'number');
  assert.strictEqual(+t, t[Symbol.toPrimitive]());
  clearTimeout(t);
  const i = setImmediate(() => {});
  assert.strictEqual(i.hasRef(), true);
  assert.strictEqual(i.unref(), i);
  assert.strictEqual(i.hasRef(), false);
  clearImmediate(i);
  assert.strictEqual(require('timers').setTimeout, setTimeout);
});

test('timer callbacks get their extra arguments', async () => {
  const got = await new Promise((resolve) => setTimeout((a, b) => resolve([a, b]), 1, 'x', 2));
  assert.deepStrictEqual(got, ['x', 2]);
  const got2 = await new Promise((resolve) => setImmediate((a) => resolve(a), 'y'));
  assert.strictEqual(got2, 'y');
  const got3 = await new Promise((resolve) => process.nextTick((a, b) => resolve(a + b), 1, 2));
  assert.strictEqual(got3, 3);
});

test('a non-function callback throws ERR_INVALID_ARG_TYPE', () => {
  for (const fn of [setTimeout, setInterval, setImmediate, process.nextTick, queueMicrotask]) {
    assert.throws(() => fn('nope'), { name: 'TypeError', code: 'ERR_INVALID_ARG_TYPE' });
  }
});

test('an out-of-range delay becomes 1ms', async () => {
  const start = Date.now();
  await new Promise((resolve) => setTimeout(resolve, -5));
  await new Promise((resolve) => setTimeout(resolve, NaN));
  assert.ok(Date.now() - start < 1000);
});

test('inside an I/O callback (a signal delivered through the poll phase): immediate before timeout', async () => {
  const { log, p } = recorder();
  await new Promise((resolve) => {
    process.once('SIGUSR2', () => {
      setTimeout(() => { p('timeout'); resolve(); }, 0);
      setImmediate(() => p('immediate'));
      Promise.resolve().then(() => p('promise'));
      process.nextTick(() => p('tick'));
      p('handler');
    });
    process.kill(process.pid, 'SIGUSR2');
  });
  assert.deepStrictEqual(log, ['handler', 'tick', 'promise', 'immediate', 'timeout']);
});

test('a timer started after a long synchronous stretch still waits its whole delay', async () => {
  const busyUntil = Date.now() + 300;
  while (Date.now() < busyUntil);
  const start = Date.now();
  await new Promise((resolve) => setTimeout(resolve, 200));
  assert.ok(Date.now() - start >= 195, `fired after ${Date.now() - start} ms`);
});
