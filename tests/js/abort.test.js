'use strict';
// AbortController, AbortSignal (abort, timeout, any), util.aborted and events.addAbortListener.
// Every expectation is Node 24's behaviour; the file passes under real Node.
const test = require('node:test');
const assert = require('node:assert');
const util = require('node:util');
const events = require('node:events');

function codeOf(fn) {
  try {
    fn();
  } catch (err) {
    return `${err.name} ${err.code}: ${err.message}`;
  }
  return 'no error';
}

async function rejectionOf(promise) {
  try {
    await promise;
  } catch (err) {
    return `${err.name} ${err.code}: ${err.message}`;
  }
  return 'resolved';
}

test('globals and shape', () => {
  assert.strictEqual(typeof AbortController, 'function');
  assert.strictEqual(typeof AbortSignal, 'function');
  assert.strictEqual(Object.getPrototypeOf(AbortSignal), EventTarget);
  assert.strictEqual(AbortController.length, 0);
  assert.strictEqual(AbortSignal.length, 0);
  assert.deepStrictEqual(Object.keys(AbortSignal), []);
  assert.ok(Object.keys(AbortSignal.prototype).includes('aborted'));
  assert.ok(Object.keys(AbortSignal.prototype).includes('onabort'));
  assert.ok(!Object.keys(AbortSignal.prototype).includes('reason'));
  assert.deepStrictEqual(Object.keys(AbortController.prototype), ['signal', 'abort']);
  assert.strictEqual(Object.prototype.toString.call(new AbortController()), '[object AbortController]');
  assert.strictEqual(Object.prototype.toString.call(AbortSignal.abort()), '[object AbortSignal]');
});

test('AbortSignal cannot be constructed', () => {
  assert.strictEqual(codeOf(() => new AbortSignal()), 'TypeError ERR_ILLEGAL_CONSTRUCTOR: Illegal constructor');
});

test('abort(): reason, event, onabort, listeners in order, once only', () => {
  const ac = new AbortController();
  const s = ac.signal;
  assert.strictEqual(ac.signal, s);
  assert.strictEqual(s.aborted, false);
  assert.strictEqual(s.reason, undefined);
  assert.strictEqual(s.onabort, null);
  s.throwIfAborted();
  const log = [];
  s.addEventListener('abort', (e) => log.push(['l1', e.type, e.isTrusted, e.target === s, e instanceof Event]));
  s.onabort = (e) => log.push(['onabort', e.type]);
  s.addEventListener('abort', () => log.push(['l2', s.aborted, s.reason.name, s.reason.message, s.reason.code]));
  ac.abort();
  ac.abort('again');
  assert.deepStrictEqual(log, [
    ['l1', 'abort', true, true, true],
    ['onabort', 'abort'],
    ['l2', true, 'AbortError', 'This operation was aborted', 20],
  ]);
  assert.ok(s.reason instanceof DOMException);
  assert.throws(() => s.throwIfAborted(), (err) => err === s.reason);
});

test('abort(reason) keeps any reason; undefined means the default', () => {
  for (const reason of [null, 0, 'why', { a: 1 }, new Error('e')]) {
    const ac = new AbortController();
    ac.abort(reason);
    assert.strictEqual(ac.signal.reason, reason);
  }
  const ac = new AbortController();
  ac.abort(undefined);
  assert.strictEqual(ac.signal.reason.name, 'AbortError');
});

test('onabort keeps its position when reassigned and accepts any value', () => {
  const ac = new AbortController();
  const s = ac.signal;
  const log = [];
  s.onabort = 1;
  assert.strictEqual(s.onabort, 1);
  s.addEventListener('abort', () => log.push('listener'));
  const f = () => log.push('handler');
  s.onabort = f;
  assert.strictEqual(s.onabort, f);
  ac.abort();
  assert.deepStrictEqual(log, ['handler', 'listener']);
  const g = new AbortController();
  g.signal.onabort = () => log.push('removed');
  g.signal.onabort = null;
  assert.strictEqual(g.signal.onabort, null);
  g.abort();
  assert.deepStrictEqual(log, ['handler', 'listener']);
  // A handler set again after every other listener went away still runs.
  const h = new AbortController();
  const other = () => {};
  h.signal.onabort = () => {};
  h.signal.onabort = null;
  h.signal.addEventListener('abort', other);
  h.signal.removeEventListener('abort', other);
  h.signal.onabort = () => log.push('again');
  h.abort();
  assert.deepStrictEqual(log, ['handler', 'listener', 'again']);
});

test('AbortSignal.abort()', () => {
  const s = AbortSignal.abort();
  assert.strictEqual(s.aborted, true);
  assert.strictEqual(s.reason.name, 'AbortError');
  assert.strictEqual(s.reason.message, 'This operation was aborted');
  assert.strictEqual(AbortSignal.abort(null).reason, null);
  assert.strictEqual(AbortSignal.abort(undefined).reason.name, 'AbortError');
});

test('AbortSignal.timeout(): validation', () => {
  assert.strictEqual(codeOf(() => AbortSignal.timeout('1')),
    'TypeError ERR_INVALID_ARG_TYPE: The "delay" argument must be of type number. Received type string (\'1\')');
  assert.strictEqual(codeOf(() => AbortSignal.timeout(1.5)),
    'RangeError ERR_OUT_OF_RANGE: The value of "delay" is out of range. It must be an integer. Received 1.5');
  assert.strictEqual(codeOf(() => AbortSignal.timeout(-1)),
    'RangeError ERR_OUT_OF_RANGE: The value of "delay" is out of range. It must be >= 0 && <= 4294967295. Received -1');
  assert.strictEqual(codeOf(() => AbortSignal.timeout(2 ** 32)),
    'RangeError ERR_OUT_OF_RANGE: The value of "delay" is out of range. It must be >= 0 && <= 4294967295. Received 4294967296');
});

test('AbortSignal.timeout(): aborts with a TimeoutError', async () => {
  const s = AbortSignal.timeout(5);
  assert.strictEqual(s.aborted, false);
  const keepAlive = setTimeout(() => {}, 1000);
  const event = await new Promise((resolve) => { s.onabort = resolve; });
  clearTimeout(keepAlive);
  assert.strictEqual(event.type, 'abort');
  assert.strictEqual(s.aborted, true);
  assert.ok(s.reason instanceof DOMException);
  assert.strictEqual(s.reason.name, 'TimeoutError');
  assert.strictEqual(s.reason.message, 'The operation was aborted due to timeout');
  assert.strictEqual(s.reason.code, 23);
});

test('AbortSignal.any(): validation', () => {
  assert.strictEqual(codeOf(() => AbortSignal.any()),
    'TypeError ERR_INVALID_ARG_TYPE: signals cannot be converted to sequence.');
  assert.strictEqual(codeOf(() => AbortSignal.any(1)),
    'TypeError ERR_INVALID_ARG_TYPE: signals cannot be converted to sequence.');
  assert.strictEqual(codeOf(() => AbortSignal.any([AbortSignal.abort(), null])),
    'TypeError ERR_INVALID_ARG_TYPE: signals[1] is not of type AbortSignal.');
  assert.strictEqual(codeOf(() => AbortSignal.any([{ aborted: false }])),
    'TypeError ERR_INVALID_ARG_TYPE: signals[0] is not of type AbortSignal.');
});

test('AbortSignal.any(): follows the first source to abort', () => {
  const a = new AbortController();
  const b = new AbortController();
  const any = AbortSignal.any([a.signal, b.signal]);
  assert.strictEqual(any.aborted, false);
  const log = [];
  any.addEventListener('abort', () => log.push(`any:${any.reason}`));
  a.signal.addEventListener('abort', () => log.push('a'));
  b.abort('B');
  a.abort('A');
  assert.deepStrictEqual(log, ['any:B', 'a']);
  assert.strictEqual(any.reason, 'B');
});

test('AbortSignal.any(): empty, already aborted, iterables, nesting', () => {
  assert.strictEqual(AbortSignal.any([]).aborted, false);
  const aborted = AbortSignal.abort('x');
  const s = AbortSignal.any([new AbortController().signal, aborted]);
  assert.strictEqual(s.aborted, true);
  assert.strictEqual(s.reason, 'x');
  const c = new AbortController();
  const fromSet = AbortSignal.any(new Set([c.signal, c.signal]));
  const nested = AbortSignal.any([AbortSignal.any([fromSet])]);
  const order = [];
  c.signal.addEventListener('abort', () => order.push('source'));
  fromSet.addEventListener('abort', () => order.push('composite'));
  nested.addEventListener('abort', () => order.push('nested'));
  c.abort(7);
  assert.strictEqual(nested.reason, 7);
  // Node aborts dependents after the source's own listeners.
  assert.deepStrictEqual(order, ['source', 'composite', 'nested']);
});

test('AbortSignal.any(): a timeout source', async () => {
  const keepAlive = setTimeout(() => {}, 1000);
  const s = AbortSignal.any([AbortSignal.timeout(5)]);
  await new Promise((resolve) => s.addEventListener('abort', resolve));
  clearTimeout(keepAlive);
  assert.strictEqual(s.reason.name, 'TimeoutError');
});

test('receivers are checked', () => {
  const aborted = Object.getOwnPropertyDescriptor(AbortSignal.prototype, 'aborted').get;
  assert.strictEqual(codeOf(() => aborted.call({})),
    'TypeError ERR_INVALID_THIS: Value of "this" must be of type AbortSignal');
  assert.strictEqual(codeOf(() => AbortSignal.prototype.throwIfAborted.call({})),
    'TypeError ERR_INVALID_THIS: Value of "this" must be of type AbortSignal');
  assert.throws(() => AbortController.prototype.abort.call({}), TypeError);
});

test('util.inspect', () => {
  const ac = new AbortController();
  assert.strictEqual(util.inspect(ac), 'AbortController { signal: AbortSignal { aborted: false } }');
  assert.strictEqual(util.inspect(ac.signal), 'AbortSignal { aborted: false }');
  ac.abort();
  assert.strictEqual(util.inspect(ac.signal), 'AbortSignal { aborted: true }');
});

test('listeners added with { signal } go away on abort', () => {
  const t = new EventTarget();
  const c = new AbortController();
  let n = 0;
  t.addEventListener('x', () => n++, { signal: c.signal });
  assert.strictEqual(events.getEventListeners(c.signal, 'abort').length, 1);
  assert.strictEqual(events.listenerCount(c.signal, 'abort'), 1);
  c.abort();
  t.dispatchEvent(new Event('x'));
  assert.strictEqual(n, 0);
});

test('events.addAbortListener', async () => {
  assert.strictEqual(codeOf(() => events.addAbortListener()),
    'TypeError ERR_INVALID_ARG_TYPE: The "signal" argument must be an instance of AbortSignal. Received undefined');
  assert.strictEqual(codeOf(() => events.addAbortListener(new AbortController().signal)),
    'TypeError ERR_INVALID_ARG_TYPE: The "listener" argument must be of type function. Received undefined');
  const c = new AbortController();
  const log = [];
  c.signal.addEventListener('abort', (e) => e.stopImmediatePropagation());
  const d = events.addAbortListener(c.signal, () => log.push('called'));
  // Symbol.dispose where the engine has it (dx falls back to Symbol.for('nodejs.dispose')).
  const dispose = typeof Symbol.dispose === 'symbol' ? Symbol.dispose : Object.getOwnPropertySymbols(d)[0];
  assert.strictEqual(typeof d[dispose], 'function');
  c.abort();
  // It runs even after stopImmediatePropagation.
  assert.deepStrictEqual(log, ['called']);
  const c2 = new AbortController();
  const d2 = events.addAbortListener(c2.signal, () => log.push('disposed'));
  d2[dispose]();
  c2.abort();
  assert.deepStrictEqual(log, ['called']);
  // An aborted signal calls the listener from a microtask.
  events.addAbortListener(AbortSignal.abort(), () => log.push('later'));
  assert.deepStrictEqual(log, ['called']);
  await null;
  assert.deepStrictEqual(log, ['called', 'later']);
});

test('util.aborted', async () => {
  assert.strictEqual(await rejectionOf(util.aborted()),
    'TypeError ERR_INVALID_ARG_TYPE: signal is not of type AbortSignal.');
  assert.strictEqual(await rejectionOf(util.aborted({}, {})),
    'TypeError ERR_INVALID_ARG_TYPE: signal is not of type AbortSignal.');
  assert.strictEqual(await rejectionOf(util.aborted(new AbortController().signal)),
    'TypeError ERR_INVALID_ARG_TYPE: The "resource" argument must be of type object. Received undefined');
  assert.strictEqual(await util.aborted(AbortSignal.abort(), {}), undefined);
  const c = new AbortController();
  const resource = {};
  const p = util.aborted(c.signal, resource);
  c.abort();
  const value = await p;
  assert.strictEqual(value.type, 'abort');
});
