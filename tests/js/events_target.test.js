'use strict';
// node:events helpers used with EventTargets and AbortSignals: once, on, getEventListeners,
// getMaxListeners, setMaxListeners, listenerCount. Every expectation is Node 24's behaviour; the
// file passes under real Node.
const test = require('node:test');
const assert = require('node:assert');
const events = require('node:events');
const { once, on, getEventListeners, getMaxListeners, setMaxListeners, listenerCount, EventEmitter } = events;

function codeOf(fn) {
  try {
    fn();
  } catch (err) {
    return `${err.name} ${err.code}: ${err.message}`;
  }
  return 'no error';
}

test('once() resolves with [event] for an EventTarget and removes its listener', async () => {
  const t = new EventTarget();
  const p = once(t, 'foo');
  assert.strictEqual(listenerCount(t, 'foo'), 1);
  const e = new Event('foo');
  t.dispatchEvent(e);
  const result = await p;
  assert.deepStrictEqual(result.length, 1);
  assert.strictEqual(result[0], e);
  assert.strictEqual(listenerCount(t, 'foo'), 0);
});

test('once() on an EventTarget has no error semantics', async () => {
  const t = new EventTarget();
  const p = once(t, 'error');
  const e = new Event('error');
  t.dispatchEvent(e);
  assert.strictEqual((await p)[0], e);
});

test('once() with a signal: AbortError with the reason as cause; listeners removed', async () => {
  const t = new EventTarget();
  const ac = new AbortController();
  const p = once(t, 'foo', { signal: ac.signal });
  assert.strictEqual(listenerCount(ac.signal, 'abort'), 1);
  ac.abort('why');
  await assert.rejects(p, (err) => {
    assert.strictEqual(err.name, 'AbortError');
    assert.strictEqual(err.code, 'ABORT_ERR');
    assert.strictEqual(err.message, 'The operation was aborted');
    assert.strictEqual(err.cause, 'why');
    return true;
  });
  assert.strictEqual(listenerCount(t, 'foo'), 0);
  assert.strictEqual(listenerCount(ac.signal, 'abort'), 0);
  // An aborted signal rejects at once.
  await assert.rejects(once(t, 'foo', { signal: AbortSignal.abort(1) }), { code: 'ABORT_ERR', cause: 1 });
  await assert.rejects(once(t, 'foo', { signal: 1 }), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "options.signal" property must be an instance of AbortSignal. Received type number (1)',
  });
});

test('once() on an EventEmitter, aborted by a real AbortSignal', async () => {
  const ee = new EventEmitter();
  const ac = new AbortController();
  const p = once(ee, 'foo', { signal: ac.signal });
  assert.strictEqual(ee.listenerCount('foo'), 1);
  assert.strictEqual(ee.listenerCount('error'), 1);
  ac.abort();
  await assert.rejects(p, { name: 'AbortError' });
  assert.strictEqual(ee.listenerCount('foo'), 0);
  assert.strictEqual(ee.listenerCount('error'), 0);
});

test('once() on an EventEmitter with an error and a signal', async () => {
  const ee = new EventEmitter();
  const ac = new AbortController();
  const expected = new Error('boom');
  const p = once(ee, 'myevent', { signal: ac.signal });
  assert.strictEqual(listenerCount(ac.signal, 'abort'), 1);
  ee.emit('error', expected);
  await assert.rejects(p, (err) => err === expected);
  assert.strictEqual(listenerCount(ac.signal, 'abort'), 0);
});

test('once() survives stopImmediatePropagation by an earlier abort listener', async () => {
  const ee = new EventEmitter();
  const ac = new AbortController();
  ac.signal.addEventListener('abort', (e) => e.stopImmediatePropagation());
  const p = once(ee, 'foo', { signal: ac.signal });
  ac.abort();
  await assert.rejects(p, { name: 'AbortError' });
});

test('on() iterates the events of an EventTarget', async () => {
  const t = new EventTarget();
  const it = on(t, 'foo');
  const a = new Event('foo');
  const b = new Event('foo');
  t.dispatchEvent(a);
  t.dispatchEvent(b);
  assert.deepStrictEqual(await it.next(), { value: [a], done: false });
  assert.deepStrictEqual(await it.next(), { value: [b], done: false });
  assert.strictEqual(listenerCount(t, 'foo'), 1);
  assert.deepStrictEqual(await it.return(), { value: undefined, done: true });
  assert.strictEqual(listenerCount(t, 'foo'), 0);
});

test('on() ends with an AbortError when the signal aborts', async () => {
  const t = new EventTarget();
  const ac = new AbortController();
  const seen = [];
  const done = (async () => {
    for await (const [e] of on(t, 'foo', { signal: ac.signal })) seen.push(e.type);
  })();
  t.dispatchEvent(new Event('foo'));
  await null;
  ac.abort();
  await assert.rejects(done, { name: 'AbortError', code: 'ABORT_ERR' });
  assert.deepStrictEqual(seen, ['foo']);
  assert.strictEqual(listenerCount(t, 'foo'), 0);
  assert.throws(() => on(t, 'foo', { signal: AbortSignal.abort() }), { name: 'AbortError' });
});

test('getEventListeners on EventTargets and signals', () => {
  const t = new EventTarget();
  const f = () => {};
  const g = { handleEvent() {} };
  t.addEventListener('x', f);
  t.addEventListener('x', g);
  t.addEventListener('y', f, { once: true });
  assert.deepStrictEqual(getEventListeners(t, 'x'), [f, g]);
  assert.deepStrictEqual(getEventListeners(t, 'y'), [f]);
  assert.deepStrictEqual(getEventListeners(t, 'z'), []);
  t.dispatchEvent(new Event('y'));
  assert.deepStrictEqual(getEventListeners(t, 'y'), []);
  const ac = new AbortController();
  ac.signal.addEventListener('abort', f);
  assert.deepStrictEqual(getEventListeners(ac.signal, 'abort'), [f]);
  assert.strictEqual(codeOf(() => getEventListeners({}, 'x')),
    'TypeError ERR_INVALID_ARG_TYPE: The "emitter" argument must be an instance of EventEmitter or EventTarget. Received an instance of Object');
});

test('listenerCount on EventTargets', () => {
  const t = new EventTarget();
  t.addEventListener('x', () => {});
  t.addEventListener('x', () => {}, true);
  assert.strictEqual(listenerCount(t, 'x'), 2);
  assert.strictEqual(listenerCount(t, 'y'), 0);
  assert.strictEqual(codeOf(() => listenerCount({}, 'x')),
    'TypeError ERR_INVALID_ARG_TYPE: The "emitter" argument must be an instance of EventEmitter or EventTarget. Received an instance of Object');
});

test('getMaxListeners / setMaxListeners on EventTargets', async () => {
  const t = new EventTarget();
  const ac = new AbortController();
  assert.strictEqual(getMaxListeners(t), events.defaultMaxListeners);
  assert.strictEqual(getMaxListeners(ac.signal), 0);
  assert.strictEqual(getMaxListeners(AbortSignal.abort()), 0);
  setMaxListeners(2, t, ac.signal);
  assert.strictEqual(getMaxListeners(t), 2);
  assert.strictEqual(getMaxListeners(ac.signal), 2);
  assert.strictEqual(codeOf(() => getMaxListeners({})),
    'TypeError ERR_INVALID_ARG_TYPE: The "emitter" argument must be an instance of EventEmitter or EventTarget. Received an instance of Object');
  const warnings = [];
  const onWarning = (w) => warnings.push(w);
  process.on('warning', onWarning);
  for (let i = 0; i < 3; i++) t.addEventListener('foo', () => {});
  await new Promise((resolve) => setTimeout(resolve, 10));
  process.off('warning', onWarning);
  assert.strictEqual(warnings.length, 1);
  assert.strictEqual(warnings[0].name, 'MaxListenersExceededWarning');
  assert.match(warnings[0].message, /^Possible EventTarget memory leak detected\. 3 foo listeners added to EventTarget\. MaxListeners is 2\./);
  // setMaxListeners(0) turns the warning off.
  const u = new EventTarget();
  setMaxListeners(0, u);
  assert.strictEqual(getMaxListeners(u), 0);
});
