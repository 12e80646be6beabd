'use strict';
// node:events. Every expectation here is Node 24's behaviour; the file passes under real Node.
const test = require('node:test');
const assert = require('node:assert');
const fc = require('fast-check');
const EventEmitter = require('events');
const {
  once, on, getEventListeners, getMaxListeners, setMaxListeners, addAbortListener, errorMonitor,
  captureRejectionSymbol,
} = EventEmitter;

const AsyncIteratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf(async function* () {}).prototype);
const dispose = typeof Symbol.dispose === 'symbol' ? Symbol.dispose : null;

// A stand-in for AbortSignal with the parts events uses, so that the abort paths are tested where
// AbortController is missing too.
class FakeSignal {
  constructor() {
    this.aborted = false;
    this.reason = undefined;
    this.listeners = [];
  }
  addEventListener(type, fn, options) { this.listeners.push({ type, fn, once: !!(options && options.once) }); }
  removeEventListener(type, fn) { this.listeners = this.listeners.filter((l) => l.type !== type || l.fn !== fn); }
  abort(reason) {
    this.aborted = true;
    this.reason = reason;
    const ls = this.listeners.filter((l) => l.type === 'abort');
    this.listeners = this.listeners.filter((l) => !(l.type === 'abort' && l.once));
    for (const l of ls) l.fn.call(this, { type: 'abort' });
  }
}

function disposeOf(disposable) {
  const key = dispose ?? Object.getOwnPropertySymbols(disposable)[0];
  return disposable[key].bind(disposable);
}

const invalidListener = {
  code: 'ERR_INVALID_ARG_TYPE',
  name: 'TypeError',
  message: 'The "listener" argument must be of type function. Received type number (5)',
};

test('module shape: the export is the class, with Node\'s statics', () => {
  assert.strictEqual(typeof EventEmitter, 'function');
  assert.strictEqual(EventEmitter.EventEmitter, EventEmitter);
  assert.strictEqual(EventEmitter.name, 'EventEmitter');
  assert.strictEqual(EventEmitter.length, 1);
  assert.strictEqual(EventEmitter.usingDomains, false);
  assert.strictEqual(captureRejectionSymbol, Symbol.for('nodejs.rejection'));
  assert.strictEqual(typeof errorMonitor, 'symbol');
  assert.strictEqual(errorMonitor.description, 'events.errorMonitor');
  assert.strictEqual(EventEmitter.defaultMaxListeners, 10);
  assert.strictEqual(EventEmitter.captureRejections, false);
  assert.deepStrictEqual(Object.keys(EventEmitter), [
    'addAbortListener', 'once', 'on', 'getEventListeners', 'getMaxListeners', 'listenerCount',
    'EventEmitter', 'usingDomains', 'captureRejectionSymbol', 'captureRejections',
    'EventEmitterAsyncResource', 'errorMonitor', 'defaultMaxListeners', 'setMaxListeners', 'init',
  ]);
  assert.strictEqual(typeof EventEmitter.kMaxEventTargetListeners, 'symbol');
  assert.strictEqual(typeof EventEmitter.kMaxEventTargetListenersWarned, 'symbol');
  for (const [name, length] of [['once', 2], ['on', 2], ['getEventListeners', 2], ['getMaxListeners', 1],
    ['listenerCount', 2], ['addAbortListener', 2], ['setMaxListeners', 0], ['init', 1]]) {
    assert.strictEqual(EventEmitter[name].length, length, name);
  }
  assert.strictEqual(EventEmitter.setMaxListeners.name, '');
  const desc = Object.getOwnPropertyDescriptor(EventEmitter, 'defaultMaxListeners');
  assert.strictEqual(typeof desc.get, 'function');
  assert.strictEqual(desc.enumerable, true);
  assert.strictEqual(desc.configurable, false);
});

test('prototype: methods, aliases and the data fields', () => {
  const proto = EventEmitter.prototype;
  assert.strictEqual(proto.on, proto.addListener);
  assert.strictEqual(proto.off, proto.removeListener);
  assert.deepStrictEqual(Object.keys(proto), [
    '_events', '_eventsCount', '_maxListeners', 'setMaxListeners', 'getMaxListeners', 'emit',
    'addListener', 'on', 'prependListener', 'once', 'prependOnceListener', 'removeListener', 'off',
    'removeAllListeners', 'listeners', 'rawListeners', 'listenerCount', 'eventNames',
  ]);
  assert.strictEqual(proto.on.name, 'addListener');
  assert.strictEqual(proto.off.name, 'removeListener');
  assert.strictEqual(proto.emit.length, 1);
  assert.strictEqual(proto._events, undefined);
  assert.strictEqual(proto._eventsCount, 0);
});

test('a new emitter has Node\'s own properties', () => {
  const ee = new EventEmitter();
  const keys = Reflect.ownKeys(ee);
  assert.deepStrictEqual(keys.filter((k) => typeof k === 'string'), ['_events', '_eventsCount', '_maxListeners']);
  assert.deepStrictEqual(keys.filter((k) => typeof k === 'symbol').map(String), ['Symbol(shapeMode)', 'Symbol(kCapture)']);
  assert.strictEqual(Object.getPrototypeOf(ee._events), null);
  assert.strictEqual(ee._eventsCount, 0);
  assert.strictEqual(ee._maxListeners, undefined);
});

test('old-style inheritance through EventEmitter.call', () => {
  function Legacy() { EventEmitter.call(this); }
  Object.setPrototypeOf(Legacy.prototype, EventEmitter.prototype);
  const x = new Legacy();
  let seen;
  x.on('a', (v) => { seen = v; });
  assert.strictEqual(x.emit('a', 7), true);
  assert.strictEqual(seen, 7);
});

test('on/emit: listeners run in order with the emitter as this and all arguments', () => {
  const ee = new EventEmitter();
  const calls = [];
  ee.on('x', function (...args) { calls.push(['first', this, args]); });
  ee.addListener('x', function (...args) { calls.push(['second', this, args]); });
  assert.strictEqual(ee.emit('x', 1, 'two', 3), true);
  assert.deepStrictEqual(calls, [['first', ee, [1, 'two', 3]], ['second', ee, [1, 'two', 3]]]);
  assert.strictEqual(ee.emit('nothing'), false);
});

test('emit returns false without listeners and true with', () => {
  const ee = new EventEmitter();
  assert.strictEqual(ee.emit('x'), false);
  assert.strictEqual(ee.on('x', () => {}), ee);
  assert.strictEqual(ee.emit('x'), true);
  ee.removeAllListeners();
  assert.strictEqual(ee.emit('x'), false);
});

test('prependListener and prependOnceListener put listeners first', () => {
  const ee = new EventEmitter();
  const order = [];
  ee.on('x', () => order.push('on'));
  ee.prependListener('x', () => order.push('prepend'));
  ee.prependOnceListener('x', () => order.push('prependOnce'));
  ee.emit('x');
  ee.emit('x');
  assert.deepStrictEqual(order, ['prependOnce', 'prepend', 'on', 'prepend', 'on']);
});

test('once runs a listener one time, with this and arguments, and returns its result', () => {
  const ee = new EventEmitter();
  const seen = [];
  ee.once('x', function (a, b) { seen.push([this, a, b]); return 'r'; });
  assert.strictEqual(ee.listenerCount('x'), 1);
  ee.emit('x', 1, 2);
  ee.emit('x', 3, 4);
  assert.deepStrictEqual(seen, [[ee, 1, 2]]);
  assert.strictEqual(ee.listenerCount('x'), 0);
});

test('a once wrapper: rawListeners shows it, listeners unwraps it', () => {
  const ee = new EventEmitter();
  function original() { return 42; }
  ee.once('x', original);
  const [raw] = ee.rawListeners('x');
  assert.notStrictEqual(raw, original);
  assert.strictEqual(raw.listener, original);
  assert.strictEqual(raw.name, 'wrapper');
  assert.deepStrictEqual(Object.keys(raw), ['listener']);
  assert.deepStrictEqual(ee.listeners('x'), [original]);
  // Calling the raw wrapper removes it and calls the original once.
  assert.strictEqual(raw(), 42);
  assert.strictEqual(raw(), undefined);
  assert.strictEqual(ee.listenerCount('x'), 0);
});

test('removeListener with the original function removes a once wrapper', () => {
  const ee = new EventEmitter();
  const f = () => assert.fail('removed listener called');
  ee.once('x', f);
  ee.removeListener('x', f);
  assert.strictEqual(ee.emit('x'), false);
  ee.on('y', () => {});
  ee.once('y', f);
  ee.off('y', f);
  assert.strictEqual(ee.listenerCount('y'), 1);
});

test('removeListener removes the most recently added duplicate', () => {
  const ee = new EventEmitter();
  const f = () => {};
  const g = () => {};
  ee.on('x', f);
  ee.on('x', g);
  ee.on('x', f);
  ee.removeListener('x', f);
  assert.deepStrictEqual(ee.listeners('x'), [f, g]);
  ee.removeListener('x', f);
  assert.deepStrictEqual(ee.listeners('x'), [g]);
  // Down to one listener: stored as the function itself, as Node does.
  assert.strictEqual(ee._events.x, g);
});

test('removeListener of an absent listener or event is a no-op returning the emitter', () => {
  const ee = new EventEmitter();
  assert.strictEqual(ee.removeListener('x', () => {}), ee);
  ee.on('x', () => {});
  assert.strictEqual(ee.removeListener('x', () => {}), ee);
  assert.strictEqual(ee.listenerCount('x'), 1);
});

test('removing listeners during emit does not change the current emit', () => {
  const ee = new EventEmitter();
  const order = [];
  const b = () => order.push('b');
  const a = () => { order.push('a'); ee.removeListener('x', b); };
  ee.on('x', a);
  ee.on('x', b);
  ee.emit('x');
  ee.emit('x');
  assert.deepStrictEqual(order, ['a', 'b', 'a']);
});

test('adding listeners during emit does not change the current emit', () => {
  const ee = new EventEmitter();
  const order = [];
  ee.on('x', () => { order.push('a'); ee.on('x', () => order.push('late')); });
  ee.on('x', () => order.push('b'));
  ee.emit('x');
  assert.deepStrictEqual(order, ['a', 'b']);
  order.length = 0;
  ee.emit('x');
  assert.deepStrictEqual(order, ['a', 'b', 'late']);
});

test('removeAllListeners walks the list as it was, even when listeners remove themselves', () => {
  const ee = new EventEmitter();
  const log = [];
  const f0 = function f0(type, fn) { log.push(['f0', fn.name]); };
  const f2 = function f2(type, fn) { log.push(['f2', fn.name]); };
  ee.once('removeListener', f0);
  ee.prependOnceListener('removeListener', f2);
  ee.prependListener('removeListener', f0);
  ee.removeAllListeners('removeListener');
  assert.deepStrictEqual(log, [['f0', 'wrapper'], ['f0', 'wrapper'], ['f2', 'wrapper']]);
  assert.deepStrictEqual(ee.eventNames(), []);
});

test('listener arrays are copied, not changed, while an emit walks them', () => {
  const ee = new EventEmitter();
  const f = () => { ee.on('x', g); };
  const g = () => {};
  ee.on('x', f);
  ee.on('x', g);
  const before = ee._events.x;
  const emitting = Object.getOwnPropertySymbols(before).find((s) => s.description === 'events.emitting');
  assert.strictEqual(before[emitting], 0);
  ee.emit('x');
  assert.notStrictEqual(ee._events.x, before);
  assert.strictEqual(before.length, 2);
  assert.strictEqual(ee._events.x.length, 3);
  assert.strictEqual(ee._events.x[emitting], 0);
  // Outside an emit the array is changed in place.
  const now = ee._events.x;
  ee.on('x', g);
  assert.strictEqual(ee._events.x, now);
});

test('a subclass emit sees the removeListener emit even for the last listener', () => {
  const calls = [];
  class Logged extends EventEmitter {
    emit(...args) { calls.push(args[0]); return super.emit(...args); }
  }
  const ee = new Logged();
  const rl = () => {};
  ee.on('removeListener', rl);
  ee.removeListener('removeListener', rl);
  assert.deepStrictEqual(calls, ['removeListener']);
});

test('removeAllListeners(name) and removeAllListeners()', () => {
  const ee = new EventEmitter();
  ee.on('a', () => {});
  ee.on('a', () => {});
  ee.on('b', () => {});
  assert.strictEqual(ee.removeAllListeners('a'), ee);
  assert.deepStrictEqual(ee.eventNames(), ['b']);
  ee.removeAllListeners('nothing');
  assert.deepStrictEqual(ee.eventNames(), ['b']);
  ee.removeAllListeners();
  assert.deepStrictEqual(ee.eventNames(), []);
  assert.strictEqual(ee._eventsCount, 0);
});

test('removeAllListeners emits removeListener, last added first, removeListener itself last', () => {
  const ee = new EventEmitter();
  const log = [];
  const f1 = function f1() {};
  const f2 = function f2() {};
  const g = function g() {};
  ee.on('a', f1);
  ee.on('a', f2);
  ee.on('b', g);
  ee.on('removeListener', function rl(type, fn) { log.push(`${String(type)}:${fn.name}`); });
  ee.removeAllListeners('a');
  assert.deepStrictEqual(log, ['a:f2', 'a:f1']);
  log.length = 0;
  ee.removeAllListeners();
  // Removing the last 'removeListener' listener empties the emitter: it is not told.
  assert.deepStrictEqual(log, ['b:g']);
  assert.deepStrictEqual(ee.eventNames(), []);
});

test('newListener fires before the listener is added, with the original of a once', () => {
  const ee = new EventEmitter();
  const log = [];
  ee.on('newListener', (type, fn) => log.push([type, fn.name, ee.listenerCount(type)]));
  function f() {}
  ee.on('x', f);
  ee.once('x', f);
  ee.prependOnceListener('x', f);
  const s = Symbol('s');
  ee.on(s, f);
  assert.deepStrictEqual(log, [['x', 'f', 0], ['x', 'f', 1], ['x', 'f', 2], [s, 'f', 0]]);
});

test('removeListener events: the removed function (the original for a once)', () => {
  const ee = new EventEmitter();
  const log = [];
  ee.on('removeListener', (type, fn) => log.push([type, fn.name]));
  function f() {}
  ee.on('x', f);
  ee.removeListener('x', f);
  ee.once('y', f);
  ee.emit('y');
  ee.once('z', f);
  ee.once('z', f);
  ee.emit('z');
  assert.deepStrictEqual(log, [['x', 'f'], ['y', 'f'], ['z', 'wrapper'], ['z', 'f']]);
});

test('removing the only removeListener listener does not report itself', () => {
  const ee = new EventEmitter();
  let calls = 0;
  const rl = () => { calls++; };
  ee.on('removeListener', rl);
  ee.removeListener('removeListener', rl);
  assert.strictEqual(calls, 0);
  assert.strictEqual(ee._eventsCount, 0);
  assert.deepStrictEqual(Object.keys(ee._events), []);
});

test('listeners and rawListeners return copies', () => {
  const ee = new EventEmitter();
  const f = () => {};
  ee.on('x', f);
  ee.on('x', f);
  const list = ee.listeners('x');
  list.push(() => {});
  assert.strictEqual(ee.listenerCount('x'), 2);
  const raw = ee.rawListeners('x');
  raw.length = 0;
  assert.strictEqual(ee.listenerCount('x'), 2);
  assert.deepStrictEqual(ee.listeners('none'), []);
  assert.deepStrictEqual(ee.rawListeners('none'), []);
});

test('listenerCount(name) and listenerCount(name, listener)', () => {
  const ee = new EventEmitter();
  const f = () => {};
  assert.strictEqual(ee.listenerCount('x'), 0);
  assert.strictEqual(ee.listenerCount('x', f), 0);
  ee.on('x', f);
  assert.strictEqual(ee.listenerCount('x'), 1);
  assert.strictEqual(ee.listenerCount('x', f), 1);
  assert.strictEqual(ee.listenerCount('x', () => {}), 0);
  ee.once('x', f);
  ee.on('x', () => {});
  assert.strictEqual(ee.listenerCount('x'), 3);
  assert.strictEqual(ee.listenerCount('x', f), 2);
  assert.strictEqual(ee.listenerCount('x', null), 3);
  assert.strictEqual(EventEmitter.listenerCount(ee, 'x'), 3);
  assert.strictEqual(EventEmitter.listenerCount({ listenerCount: () => 99 }, 'x'), 99);
});

test('eventNames lists strings and symbols in insertion order', () => {
  const ee = new EventEmitter();
  const s = Symbol('s');
  ee.on('b', () => {});
  ee.on(s, () => {});
  ee.on('a', () => {});
  assert.deepStrictEqual(ee.eventNames(), ['b', 'a', s]);
});

test('error without listeners throws the Error itself', () => {
  const ee = new EventEmitter();
  const err = new Error('boom');
  assert.throws(() => ee.emit('error', err), (e) => e === err);
});

test('error without listeners and a non-Error value throws ERR_UNHANDLED_ERROR', () => {
  const ee = new EventEmitter();
  assert.throws(() => ee.emit('error', 'str'), {
    name: 'Error', code: 'ERR_UNHANDLED_ERROR', message: "Unhandled error. ('str')", context: 'str',
  });
  assert.throws(() => ee.emit('error', { a: 1 }), {
    code: 'ERR_UNHANDLED_ERROR', message: 'Unhandled error. ({ a: 1 })',
  });
  assert.throws(() => ee.emit('error', 42), { message: 'Unhandled error. (42)', context: 42 });
  assert.throws(() => ee.emit('error'), (e) => {
    assert.strictEqual(e.code, 'ERR_UNHANDLED_ERROR');
    assert.strictEqual(e.message, 'Unhandled error. (undefined)');
    assert.ok('context' in e);
    assert.strictEqual(e.context, undefined);
    return true;
  });
});

test('error with a listener is delivered and emit returns true', () => {
  const ee = new EventEmitter();
  let got;
  ee.on('error', (e) => { got = e; });
  assert.strictEqual(ee.emit('error', 'x'), true);
  assert.strictEqual(got, 'x');
});

test('errorMonitor listeners run before the error listeners, and before the throw', () => {
  const ee = new EventEmitter();
  const log = [];
  ee.on(errorMonitor, (e) => log.push(['monitor', e]));
  assert.throws(() => ee.emit('error', new Error('m')), /m/);
  ee.on('error', (e) => log.push(['error', e]));
  ee.emit('error', 2);
  assert.strictEqual(log.length, 3);
  assert.strictEqual(log[0][0], 'monitor');
  assert.deepStrictEqual(log.slice(1), [['monitor', 2], ['error', 2]]);
  assert.deepStrictEqual(ee.eventNames(), ['error', errorMonitor]);
});

test('a listener that is not a function: ERR_INVALID_ARG_TYPE', () => {
  const ee = new EventEmitter();
  for (const method of ['on', 'addListener', 'prependListener', 'once', 'prependOnceListener',
    'removeListener', 'off']) {
    assert.throws(() => ee[method]('x', 5), invalidListener, method);
  }
  assert.throws(() => ee.on('x', null), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "listener" argument must be of type function. Received null',
  });
  assert.throws(() => ee.on('x', {}), {
    message: 'The "listener" argument must be of type function. Received an instance of Object',
  });
});

test('setMaxListeners and getMaxListeners', () => {
  const ee = new EventEmitter();
  assert.strictEqual(ee.getMaxListeners(), 10);
  assert.strictEqual(ee.setMaxListeners(3), ee);
  assert.strictEqual(ee.getMaxListeners(), 3);
  assert.strictEqual(ee._maxListeners, 3);
  ee.setMaxListeners(0);
  assert.strictEqual(ee.getMaxListeners(), 0);
  ee.setMaxListeners(Infinity);
  assert.strictEqual(ee.getMaxListeners(), Infinity);
  assert.throws(() => ee.setMaxListeners(-1), {
    code: 'ERR_OUT_OF_RANGE', name: 'RangeError',
    message: 'The value of "setMaxListeners" is out of range. It must be >= 0. Received -1',
  });
  assert.throws(() => ee.setMaxListeners(NaN), { code: 'ERR_OUT_OF_RANGE' });
  assert.throws(() => ee.setMaxListeners('1'), {
    code: 'ERR_INVALID_ARG_TYPE', name: 'TypeError',
    message: 'The "setMaxListeners" argument must be of type number. Received type string (\'1\')',
  });
});

test('defaultMaxListeners: validated setter, used by emitters without their own limit', () => {
  const before = EventEmitter.defaultMaxListeners;
  try {
    const ee = new EventEmitter();
    EventEmitter.defaultMaxListeners = 4;
    assert.strictEqual(ee.getMaxListeners(), 4);
    assert.strictEqual(getMaxListeners(ee), 4);
    assert.throws(() => { EventEmitter.defaultMaxListeners = -1; }, {
      code: 'ERR_OUT_OF_RANGE',
      message: 'The value of "defaultMaxListeners" is out of range. It must be >= 0. Received -1',
    });
    assert.throws(() => { EventEmitter.defaultMaxListeners = NaN; }, {
      message: 'The value of "defaultMaxListeners" is out of range. It must be >= 0. Received NaN',
    });
    assert.throws(() => { EventEmitter.defaultMaxListeners = '5'; }, { code: 'ERR_INVALID_ARG_TYPE' });
    setMaxListeners(6);
    assert.strictEqual(EventEmitter.defaultMaxListeners, 6);
    assert.throws(() => setMaxListeners(-1), {
      code: 'ERR_OUT_OF_RANGE',
      message: 'The value of "setMaxListeners" is out of range. It must be >= 0. Received -1',
    });
    assert.throws(() => setMaxListeners('x'), { code: 'ERR_INVALID_ARG_TYPE' });
  } finally {
    EventEmitter.defaultMaxListeners = before;
  }
});

test('events.setMaxListeners(n, ...emitters) and getMaxListeners(emitter)', () => {
  const a = new EventEmitter();
  const b = new EventEmitter();
  setMaxListeners(2, a, b);
  assert.strictEqual(a.getMaxListeners(), 2);
  assert.strictEqual(getMaxListeners(b), 2);
  assert.strictEqual(EventEmitter.defaultMaxListeners, 10);
  assert.throws(() => setMaxListeners(1, {}), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "eventTargets" argument must be an instance of EventEmitter or EventTarget. ' +
      'Received an instance of Object',
  });
  assert.throws(() => getMaxListeners({}), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "emitter" argument must be an instance of EventEmitter or EventTarget. ' +
      'Received an instance of Object',
  });
});

function nextWarning() {
  return new Promise((resolve) => process.once('warning', resolve));
}

test('MaxListenersExceededWarning: Node\'s text, once per event name', async () => {
  const ee = new EventEmitter();
  ee.setMaxListeners(1);
  const warned = nextWarning();
  ee.on('foo', () => {});
  ee.on('foo', () => {});
  const w = await warned;
  assert.strictEqual(w.name, 'MaxListenersExceededWarning');
  assert.strictEqual(w.message, 'Possible EventEmitter memory leak detected. 2 foo listeners added to ' +
    '[EventEmitter]. MaxListeners is 1. Use emitter.setMaxListeners() to increase limit');
  assert.strictEqual(w.emitter, ee);
  assert.strictEqual(w.type, 'foo');
  assert.strictEqual(w.count, 2);
  assert.ok(w instanceof Error);
  assert.deepStrictEqual(Object.keys(w), ['name', 'emitter', 'type', 'count']);
  assert.strictEqual(ee._events.foo.warned, true);
});

test('MaxListenersExceededWarning at the default limit of 10, naming a subclass and a symbol', async () => {
  class Foo extends EventEmitter {}
  const ee = new Foo();
  let warned = nextWarning();
  for (let i = 0; i < 11; i++) ee.on('foo', () => {});
  let w = await warned;
  assert.strictEqual(w.message, 'Possible EventEmitter memory leak detected. 11 foo listeners added to ' +
    '[Foo]. MaxListeners is 10. Use emitter.setMaxListeners() to increase limit');
  const plain = new EventEmitter();
  const s = Symbol('sym');
  plain.setMaxListeners(1);
  warned = nextWarning();
  plain.on(s, () => {});
  plain.prependListener(s, () => {});
  w = await warned;
  assert.strictEqual(w.message, 'Possible EventEmitter memory leak detected. 2 Symbol(sym) listeners ' +
    'added to [EventEmitter]. MaxListeners is 1. Use emitter.setMaxListeners() to increase limit');
  assert.strictEqual(w.type, s);
});

test('no warning with a limit of 0 or below the limit', async () => {
  const ee = new EventEmitter();
  ee.setMaxListeners(0);
  let warnings = 0;
  const onWarning = () => { warnings++; };
  process.on('warning', onWarning);
  for (let i = 0; i < 20; i++) ee.on('x', () => {});
  const other = new EventEmitter();
  for (let i = 0; i < 10; i++) other.on('x', () => {});
  await new Promise((resolve) => setTimeout(resolve, 10));
  process.removeListener('warning', onWarning);
  assert.strictEqual(warnings, 0);
});

test('captureRejections: a rejected async listener becomes an error event on the next tick', async () => {
  const ee = new EventEmitter({ captureRejections: true });
  const order = [];
  const got = new Promise((resolve) => ee.on('error', (err) => { order.push('error'); resolve(err); }));
  ee.on('x', async () => { throw new Error('boom'); });
  ee.emit('x');
  process.nextTick(() => order.push('tick'));
  const err = await got;
  assert.strictEqual(err.message, 'boom');
  assert.deepStrictEqual(order, ['tick', 'error']);
});

test('captureRejections: Symbol.for(nodejs.rejection) receives error, name and arguments', async () => {
  const ee = new EventEmitter({ captureRejections: true });
  const got = new Promise((resolve) => {
    ee[captureRejectionSymbol] = function (err, type, ...args) { resolve([this, err.message, type, args]); };
  });
  ee.on('y', async () => { throw new Error('b2'); });
  ee.emit('y', 1, 2);
  assert.deepStrictEqual(await got, [ee, 'b2', 'y', [1, 2]]);
});

test('captureRejections: off by default, validated, and settable globally', async () => {
  assert.throws(() => new EventEmitter({ captureRejections: 1 }), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "options.captureRejections" property must be of type boolean. Received type number (1)',
  });
  assert.throws(() => { EventEmitter.captureRejections = 1; }, {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "EventEmitter.captureRejections" property must be of type boolean. Received type number (1)',
  });
  const plain = new EventEmitter();
  let errors = 0;
  plain.on('error', () => { errors++; });
  const p = Promise.reject(new Error('ignored'));
  p.catch(() => {});
  plain.on('x', () => p);
  plain.emit('x');
  EventEmitter.captureRejections = true;
  try {
    const ee = new EventEmitter();
    assert.strictEqual(ee[Object.getOwnPropertySymbols(ee).find((s) => s.description === 'kCapture')], true);
  } finally {
    EventEmitter.captureRejections = false;
  }
  await new Promise((resolve) => setTimeout(resolve, 5));
  assert.strictEqual(errors, 0);
});

test('captureRejections: the error event is emitted with capturing off', async () => {
  const ee = new EventEmitter({ captureRejections: true });
  let thenCalls = 0;
  const seen = new Promise((resolve) => {
    ee.on('error', (err) => {
      resolve(err);
      // Were capturing on, emit would subscribe to this thenable.
      return { then() { thenCalls++; } };
    });
  });
  ee.on('x', async () => { throw new Error('first'); });
  ee.emit('x');
  assert.strictEqual((await seen).message, 'first');
  assert.strictEqual(thenCalls, 0);
  // And it is back on afterwards.
  let later = 0;
  ee.on('y', () => ({ then() { later++; } }));
  ee.emit('y');
  assert.strictEqual(later, 1);
});

test('a listener returning a non-thenable is fine under captureRejections', () => {
  const ee = new EventEmitter({ captureRejections: true });
  ee.on('x', () => 5);
  ee.on('x', () => ({ then: 5 }));
  assert.strictEqual(ee.emit('x'), true);
});

test('shape mode: an emitter whose class prepared _events keeps undefined slots', () => {
  class Shaped extends EventEmitter {
    constructor() {
      super();
    }
  }
  Shaped.prototype._events = undefined;
  const obj = Object.create(Shaped.prototype);
  obj._events = { __proto__: null, x: undefined };
  obj._eventsCount = 0;
  EventEmitter.init.call(obj);
  const f = () => {};
  obj.on('x', f);
  assert.strictEqual(obj._events.x, f);
  obj.removeListener('x', f);
  assert.ok('x' in obj._events);
  assert.strictEqual(obj._events.x, undefined);
});

test('events.once resolves with the arguments of the next event', async () => {
  const ee = new EventEmitter();
  const p = once(ee, 'x');
  assert.strictEqual(ee.listenerCount('x'), 1);
  assert.strictEqual(ee.listenerCount('error'), 1);
  ee.emit('x', 1, 2);
  assert.deepStrictEqual(await p, [1, 2]);
  assert.strictEqual(ee.listenerCount('x'), 0);
  assert.strictEqual(ee.listenerCount('error'), 0);
});

test('events.once rejects on error and cleans up', async () => {
  const ee = new EventEmitter();
  const p = once(ee, 'x');
  const err = new Error('e');
  ee.emit('error', err);
  await assert.rejects(p, (e) => e === err);
  assert.strictEqual(ee.listenerCount('x'), 0);
  // Waiting for 'error' itself resolves with it.
  const q = once(ee, 'error');
  ee.emit('error', 7);
  assert.deepStrictEqual(await q, [7]);
});

test('events.once validates its options (as a rejection)', async () => {
  const ee = new EventEmitter();
  await assert.rejects(once(ee, 'x', 5), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "options" argument must be of type object. Received type number (5)',
  });
  await assert.rejects(once(ee, 'x', { signal: {} }), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "options.signal" property must be an instance of AbortSignal. Received an instance of Object',
  });
  await assert.rejects(once(ee, 'x', { signal: 1 }), { code: 'ERR_INVALID_ARG_TYPE' });
});

test('events.once with an aborted or later-aborted signal rejects with AbortError', async () => {
  const ee = new EventEmitter();
  const aborted = new FakeSignal();
  aborted.aborted = true;
  aborted.reason = 'why';
  await assert.rejects(once(ee, 'x', { signal: aborted }), (e) => {
    assert.strictEqual(e.name, 'AbortError');
    assert.strictEqual(e.code, 'ABORT_ERR');
    assert.strictEqual(e.message, 'The operation was aborted');
    assert.strictEqual(e.cause, 'why');
    assert.ok(e instanceof Error);
    return true;
  });
  const signal = new FakeSignal();
  const p = once(ee, 'x', { signal });
  assert.strictEqual(signal.listeners.length, 1);
  signal.abort('later');
  await assert.rejects(p, { name: 'AbortError', cause: 'later' });
  assert.strictEqual(ee.listenerCount('x'), 0);
  assert.strictEqual(ee.listenerCount('error'), 0);
  // Resolving removes the abort listener.
  const s2 = new FakeSignal();
  const q = once(ee, 'y', { signal: s2 });
  ee.emit('y', 'v');
  assert.deepStrictEqual(await q, ['v']);
  assert.strictEqual(s2.listeners.length, 0);
});

test('events.once with a real AbortController', async () => {
  const ee = new EventEmitter();
  const ac = new AbortController();
  const p = once(ee, 'x', { signal: ac.signal });
  ac.abort();
  await assert.rejects(p, { name: 'AbortError', code: 'ABORT_ERR' });
});

test('events.once on an EventTarget', async () => {
  const et = new EventTarget();
  const p = once(et, 'ping');
  et.dispatchEvent(new Event('ping'));
  const [event] = await p;
  assert.strictEqual(event.type, 'ping');
});

test('events.on yields argument arrays, buffering events that come first', async () => {
  const ee = new EventEmitter();
  const it = on(ee, 'x');
  assert.strictEqual(Object.getPrototypeOf(it), AsyncIteratorPrototype);
  assert.strictEqual(it[Symbol.asyncIterator](), it);
  ee.emit('x', 1);
  ee.emit('x', 2, 3);
  assert.deepStrictEqual(await it.next(), { value: [1], done: false });
  assert.deepStrictEqual(await it.next(), { value: [2, 3], done: false });
  const pending = it.next();
  ee.emit('x', 'late');
  assert.deepStrictEqual(await pending, { value: ['late'], done: false });
  assert.deepStrictEqual(await it.return(), { value: undefined, done: true });
  assert.strictEqual(ee.listenerCount('x'), 0);
  assert.strictEqual(ee.listenerCount('error'), 0);
  assert.deepStrictEqual(await it.next(), { value: undefined, done: true });
});

test('events.on in for await, ended by return (break)', async () => {
  const ee = new EventEmitter();
  process.nextTick(() => { ee.emit('x', 'a'); ee.emit('x', 'b'); ee.emit('x', 'c'); });
  const seen = [];
  for await (const [v] of on(ee, 'x')) {
    seen.push(v);
    if (seen.length === 3) break;
  }
  assert.deepStrictEqual(seen, ['a', 'b', 'c']);
  assert.strictEqual(ee.listenerCount('x'), 0);
});

test('events.on: an error event rejects one next() and ends the iteration', async () => {
  const ee = new EventEmitter();
  const it = on(ee, 'x');
  ee.emit('x', 1);
  const err = new Error('e');
  ee.emit('error', err);
  assert.deepStrictEqual(await it.next(), { value: [1], done: false });
  await assert.rejects(it.next(), (e) => e === err);
  assert.deepStrictEqual(await it.next(), { value: undefined, done: true });
  assert.strictEqual(ee.listenerCount('x'), 0);
  // With a next() waiting, the error rejects it directly.
  const it2 = on(ee, 'x');
  const waiting = it2.next();
  ee.emit('error', err);
  await assert.rejects(waiting, (e) => e === err);
});

test('events.on: throw() validates, fails the iterator and returns undefined', async () => {
  const ee = new EventEmitter();
  const it = on(ee, 'x');
  assert.throws(() => it.throw(5), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "EventEmitter.AsyncIterator" property must be an instance of Error. Received type number (5)',
  });
  assert.strictEqual(it.throw(new Error('q')), undefined);
  await assert.rejects(it.next(), { message: 'q' });
  assert.deepStrictEqual(await it.next(), { value: undefined, done: true });
  assert.strictEqual(ee.listenerCount('x'), 0);
});

test('events.on: close events end the iteration', async () => {
  const ee = new EventEmitter();
  const it = on(ee, 'data', { close: ['end', 'close'] });
  ee.emit('data', 1);
  ee.emit('end');
  assert.deepStrictEqual(await it.next(), { value: [1], done: false });
  assert.deepStrictEqual(await it.next(), { value: undefined, done: true });
  assert.deepStrictEqual(ee.eventNames(), []);
});

test('events.on: highWaterMark pauses and lowWaterMark resumes the emitter', async () => {
  const ee = new EventEmitter();
  const log = [];
  ee.pause = () => log.push('pause');
  ee.resume = () => log.push('resume');
  const it = on(ee, 'x', { highWaterMark: 2, lowWaterMark: 1 });
  const watermark = it[Symbol.for('nodejs.watermarkData')];
  assert.deepStrictEqual([watermark.size, watermark.low, watermark.high, watermark.isPaused], [0, 1, 2, false]);
  ee.emit('x', 1);
  ee.emit('x', 2);
  assert.deepStrictEqual(log, []);
  ee.emit('x', 3);
  assert.deepStrictEqual(log, ['pause']);
  assert.strictEqual(watermark.isPaused, true);
  assert.strictEqual(watermark.size, 3);
  await it.next();
  await it.next();
  assert.deepStrictEqual(log, ['pause']);
  await it.next();
  assert.deepStrictEqual(log, ['pause', 'resume']);
  assert.strictEqual(watermark.isPaused, false);
  await it.return();
});

test('events.on validates its options', () => {
  const ee = new EventEmitter();
  assert.throws(() => on(ee, 'x', null), {
    code: 'ERR_INVALID_ARG_TYPE', message: 'The "options" argument must be of type object. Received null',
  });
  assert.throws(() => on(ee, 'x', { signal: 1 }), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "options.signal" property must be an instance of AbortSignal. Received type number (1)',
  });
  assert.throws(() => on(ee, 'x', { highWaterMark: 0 }), {
    code: 'ERR_OUT_OF_RANGE',
    message: 'The value of "options.highWaterMark" is out of range. It must be >= 1 && <= 9007199254740991. Received 0',
  });
  assert.throws(() => on(ee, 'x', { highWatermark: 1.5 }), {
    code: 'ERR_OUT_OF_RANGE',
    message: 'The value of "options.highWaterMark" is out of range. It must be an integer. Received 1.5',
  });
  assert.throws(() => on(ee, 'x', { lowWaterMark: 'a' }), { code: 'ERR_INVALID_ARG_TYPE' });
  assert.strictEqual(ee.listenerCount('x'), 0);
});

test('events.on with a signal: aborted up front throws, aborted later rejects', async () => {
  const ee = new EventEmitter();
  const aborted = new FakeSignal();
  aborted.aborted = true;
  aborted.reason = 'r';
  assert.throws(() => on(ee, 'x', { signal: aborted }), { name: 'AbortError', code: 'ABORT_ERR', cause: 'r' });
  const signal = new FakeSignal();
  const it = on(ee, 'x', { signal });
  const waiting = it.next();
  signal.abort('stop');
  await assert.rejects(waiting, { name: 'AbortError', cause: 'stop' });
  assert.strictEqual(ee.listenerCount('x'), 0);
  assert.strictEqual(signal.listeners.length, 0);
});

test('addAbortListener: runs once on abort, or in a microtask when already aborted', async () => {
  assert.throws(() => addAbortListener(undefined, () => {}), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "signal" argument must be an instance of AbortSignal. Received undefined',
  });
  assert.throws(() => addAbortListener(new FakeSignal(), 5), invalidListener);
  const signal = new FakeSignal();
  let calls = 0;
  const disposable = addAbortListener(signal, () => { calls++; });
  assert.strictEqual(Object.getPrototypeOf(disposable), null);
  signal.abort();
  assert.strictEqual(calls, 1);
  const s2 = new FakeSignal();
  const d2 = addAbortListener(s2, () => { calls++; });
  disposeOf(d2)();
  s2.abort();
  assert.strictEqual(calls, 1);
  const s3 = new FakeSignal();
  s3.aborted = true;
  let late = false;
  addAbortListener(s3, () => { late = true; });
  assert.strictEqual(late, false);
  await Promise.resolve();
  assert.strictEqual(late, true);
});

test('getEventListeners on an emitter, and rejection of other values', () => {
  const ee = new EventEmitter();
  const f = () => {};
  ee.on('x', f);
  ee.once('x', f);
  assert.deepStrictEqual(getEventListeners(ee, 'x'), [f, f]);
  assert.deepStrictEqual(getEventListeners(ee, 'none'), []);
  assert.throws(() => getEventListeners({}, 'x'), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "emitter" argument must be an instance of EventEmitter or EventTarget. Received an instance of Object',
  });
});

test('getEventListeners / getMaxListeners / setMaxListeners on an EventTarget', () => {
  const et = new EventTarget();
  const h = () => {};
  et.addEventListener('foo', h);
  assert.deepStrictEqual(getEventListeners(et, 'foo'), [h]);
  assert.strictEqual(getMaxListeners(et), 10);
  setMaxListeners(3, et);
  assert.strictEqual(getMaxListeners(et), 3);
});

test('EventEmitterAsyncResource', { skip: !hasAsyncHooks() }, () => {
  const { EventEmitterAsyncResource } = EventEmitter;
  const { executionAsyncId } = require('async_hooks');
  assert.strictEqual(EventEmitter.EventEmitterAsyncResource, EventEmitterAsyncResource);
  assert.strictEqual(Object.getPrototypeOf(EventEmitterAsyncResource), EventEmitter);
  assert.throws(() => new EventEmitterAsyncResource(), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "options.name" property must be of type string. Received undefined',
  });
  const r = new EventEmitterAsyncResource('foo');
  assert.strictEqual(r.asyncResource.eventEmitter, r);
  assert.strictEqual(typeof r.asyncId, 'number');
  assert.strictEqual(typeof r.triggerAsyncId, 'number');
  let id;
  r.on('x', () => { id = executionAsyncId(); });
  assert.strictEqual(r.emit('x'), true);
  assert.strictEqual(id, r.asyncId);
  assert.strictEqual(r.emit('nothing'), false);
  class Sub extends EventEmitterAsyncResource {}
  assert.ok(new Sub() instanceof EventEmitter);
  assert.deepStrictEqual(Reflect.ownKeys(EventEmitterAsyncResource.prototype),
                         ['constructor', 'emit', 'emitDestroy', 'asyncId', 'triggerAsyncId', 'asyncResource']);
});

function hasAsyncHooks() {
  try {
    return typeof require('async_hooks').AsyncResource === 'function';
  } catch {
    return false;
  }
}

// A model of one event's listener list: on/once append, prepend* prepend, off removes the last
// matching entry, emit calls every entry present when it starts and drops the once entries.
test('property: listener order under random on/once/prepend/off/emit matches a model', () => {
  const names = ['a', 'b'];
  const fnCount = 3;
  const opArb = fc.oneof(
    fc.record({ op: fc.constantFrom('on', 'once', 'prependListener', 'prependOnceListener', 'off'),
                name: fc.constantFrom(...names), fn: fc.integer({ min: 0, max: fnCount - 1 }) }),
    fc.record({ op: fc.constant('emit'), name: fc.constantFrom(...names) }),
    fc.record({ op: fc.constant('removeAll'), name: fc.constantFrom(...names, undefined) }),
  );
  fc.assert(fc.property(fc.array(opArb, { maxLength: 40 }), (ops) => {
    const ee = new EventEmitter();
    ee.setMaxListeners(0);
    const calls = [];
    const fns = [];
    for (let i = 0; i < fnCount; i++) fns.push(function () { calls.push(i); });
    const model = { a: [], b: [] };
    const modelCalls = [];
    for (const { op, name, fn } of ops) {
      switch (op) {
        case 'on':
        case 'once':
          ee[op](name, fns[fn]);
          model[name].push({ fn, once: op === 'once' });
          break;
        case 'prependListener':
        case 'prependOnceListener':
          ee[op](name, fns[fn]);
          model[name].unshift({ fn, once: op === 'prependOnceListener' });
          break;
        case 'off': {
          ee.off(name, fns[fn]);
          const list = model[name];
          for (let i = list.length - 1; i >= 0; i--) {
            if (list[i].fn === fn) {
              list.splice(i, 1);
              break;
            }
          }
          break;
        }
        case 'removeAll':
          if (name === undefined) {
            ee.removeAllListeners();
            model.a = [];
            model.b = [];
          } else {
            ee.removeAllListeners(name);
            model[name] = [];
          }
          break;
        case 'emit': {
          const snapshot = model[name].slice();
          model[name] = model[name].filter((e) => !e.once);
          const had = snapshot.length > 0;
          for (const e of snapshot) modelCalls.push(e.fn);
          assert.strictEqual(ee.emit(name), had);
          break;
        }
      }
      for (const n of names) {
        assert.deepStrictEqual(ee.listeners(n).map((f) => fns.indexOf(f)), model[n].map((e) => e.fn));
        assert.strictEqual(ee.listenerCount(n), model[n].length);
      }
      assert.deepStrictEqual(ee.eventNames().sort(), names.filter((n) => model[n].length > 0));
    }
    assert.deepStrictEqual(calls, modelCalls);
  }), { seed: 424242, numRuns: 300 });
});
