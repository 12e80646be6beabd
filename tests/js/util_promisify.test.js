'use strict';
// util.promisify and util.callbackify.
const test = require('node:test');
const assert = require('node:assert');
const util = require('node:util');

test('promisify resolves with the first callback value and rejects with the error', async () => {
  const fn = (a, b, cb) => setTimeout(() => cb(null, a + b, 'ignored'), 1);
  assert.strictEqual(await util.promisify(fn)(2, 3), 5);
  const failing = (cb) => cb(new Error('boom'));
  await assert.rejects(util.promisify(failing)(), { message: 'boom' });
  // Any truthy first argument rejects; a falsy one resolves.
  await assert.rejects(util.promisify((cb) => cb('str'))(), (e) => e === 'str');
  assert.strictEqual(await util.promisify((cb) => cb(0, 'v'))(), 'v');
});

test('promisify passes `this` and keeps properties and the prototype', async () => {
  function original(cb) { cb(null, this.x); }
  original.extra = 1;
  const p = util.promisify(original);
  assert.strictEqual(await p.call({ x: 7 }), 7);
  assert.strictEqual(p.extra, 1);
  assert.strictEqual(p.name, 'original');
  assert.strictEqual(p.length, 1);
  async function* gen() {}
  assert.strictEqual(Object.getPrototypeOf(util.promisify(gen)), Object.getPrototypeOf(gen));
  // Promisifying the result again gives the same function.
  assert.strictEqual(util.promisify(p), p);
  assert.strictEqual(p[util.promisify.custom], p);
});

test('promisify.custom is the registered symbol and is used as is', () => {
  assert.strictEqual(util.promisify.custom, Symbol.for('nodejs.util.promisify.custom'));
  function fn() {}
  const custom = () => Promise.resolve(1);
  fn[util.promisify.custom] = custom;
  assert.strictEqual(util.promisify(fn), custom);
  const desc = Object.getOwnPropertyDescriptor(custom, util.promisify.custom);
  assert.deepStrictEqual(desc, { value: custom, writable: false, enumerable: false, configurable: true });
  function bad() {}
  bad[util.promisify.custom] = 1;
  assert.throws(() => util.promisify(bad), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "util.promisify.custom" property must be of type function. Received type number (1)',
  });
});

test('promisify rejects a non-function', () => {
  for (const v of [undefined, null, 1, 'x', {}]) {
    assert.throws(() => util.promisify(v), { name: 'TypeError', code: 'ERR_INVALID_ARG_TYPE' });
  }
  assert.throws(() => util.promisify(1), { message: 'The "original" argument must be of type function. Received type number (1)' });
});

test('promisify warns (DEP0174) when the function returns a promise', async () => {
  const warnings = [];
  const onWarning = (w) => warnings.push(w);
  process.on('warning', onWarning);
  try {
    await util.promisify((cb) => { cb(null, 1); return Promise.resolve(); })();
    await new Promise((r) => setTimeout(r, 5));
  } finally {
    process.off('warning', onWarning);
  }
  assert.strictEqual(warnings.length, 1);
  assert.strictEqual(warnings[0].name, 'DeprecationWarning');
  assert.strictEqual(warnings[0].code, 'DEP0174');
  assert.strictEqual(warnings[0].message, 'Calling promisify on a function that returns a Promise is likely a mistake.');
});

test('callbackify calls back with the result on a later tick', async () => {
  const cbified = util.callbackify(async (a, b) => a * b);
  const result = await new Promise((resolve) => {
    let sync = true;
    cbified(6, 7, (err, v) => resolve([err, v, sync]));
    sync = false;
  });
  assert.deepStrictEqual(result, [null, 42, false]);
});

test('callbackify passes a rejection as the error; falsy ones are wrapped', async () => {
  const err = new Error('x');
  const got = await new Promise((resolve) => util.callbackify(() => Promise.reject(err))((e) => resolve(e)));
  assert.strictEqual(got, err);
  for (const falsy of [null, undefined, 0, '', false]) {
    const e = await new Promise((resolve) => util.callbackify(() => Promise.reject(falsy))((x) => resolve(x)));
    assert.ok(e instanceof Error);
    assert.strictEqual(e.code, 'ERR_FALSY_VALUE_REJECTION');
    assert.strictEqual(e.message, 'Promise was rejected with falsy value');
    assert.ok(Object.hasOwn(e, 'reason'));
    assert.strictEqual(e.reason, falsy);
  }
});

test('callbackify keeps `this`, names the function and counts the callback in length', async () => {
  async function fetchIt(a) { return this.base + a; }
  fetchIt.meta = 'm';
  const cb = util.callbackify(fetchIt);
  assert.strictEqual(cb.name, 'fetchItCallbackified');
  assert.strictEqual(cb.length, 2);
  assert.strictEqual(cb.meta, 'm');
  const v = await new Promise((resolve) => cb.call({ base: 10 }, 5, (e, r) => resolve(r)));
  assert.strictEqual(v, 15);
});

test('callbackify validates its argument and the callback', () => {
  assert.throws(() => util.callbackify('x'), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "original" argument must be of type function. Received type string (\'x\')',
  });
  const f = util.callbackify(async () => {});
  assert.throws(() => f(1), { code: 'ERR_INVALID_ARG_TYPE', message: 'The last argument must be of type function. Received type number (1)' });
});
