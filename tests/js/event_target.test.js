'use strict';
// EventTarget, Event and CustomEvent (globals). Every expectation is Node 24's behaviour; the file
// passes under real Node.
const test = require('node:test');
const assert = require('node:assert');
const util = require('node:util');

function codeOf(fn) {
  try {
    fn();
  } catch (err) {
    return `${err.name} ${err.code}: ${err.message}`;
  }
  return 'no error';
}

// Runs fn with process 'uncaughtException' and 'warning' events captured until the returned
// promise settles (after a few turns of the loop).
// The test runner's own 'uncaughtException' listeners are set aside meanwhile, so that the
// expected exceptions do not fail the test.
function captureProcessEvents(fn) {
  const seen = [];
  const onError = (err) => seen.push(['uncaught', err]);
  const onWarning = (w) => seen.push(['warning', w]);
  const saved = process.listeners('uncaughtException');
  process.removeAllListeners('uncaughtException');
  process.on('uncaughtException', onError);
  process.on('warning', onWarning);
  fn();
  return new Promise((resolve) => setTimeout(resolve, 20)).then(() => {
    process.off('uncaughtException', onError);
    process.off('warning', onWarning);
    for (const l of saved) process.on('uncaughtException', l);
    return seen;
  });
}

test('globals: Node\'s property attributes', () => {
  for (const name of ['EventTarget', 'Event', 'CustomEvent']) {
    // dx defines these lazily (an accessor until first use); once read, they are data properties.
    assert.strictEqual(typeof globalThis[name], 'function');
    const d = Object.getOwnPropertyDescriptor(globalThis, name);
    assert.strictEqual(typeof d.value, 'function', name);
    assert.strictEqual(d.enumerable, false);
    assert.strictEqual(d.writable, true);
    assert.strictEqual(d.configurable, true);
  }
  assert.strictEqual(Object.getPrototypeOf(CustomEvent), Event);
});

test('Event: constructor defaults and options', () => {
  const e = new Event('foo');
  assert.strictEqual(e.type, 'foo');
  assert.strictEqual(e.bubbles, false);
  assert.strictEqual(e.cancelable, false);
  assert.strictEqual(e.composed, false);
  assert.strictEqual(e.defaultPrevented, false);
  assert.strictEqual(e.returnValue, true);
  assert.strictEqual(e.cancelBubble, false);
  assert.strictEqual(e.isTrusted, false);
  assert.strictEqual(e.target, null);
  assert.strictEqual(e.currentTarget, null);
  assert.strictEqual(e.srcElement, null);
  assert.strictEqual(e.eventPhase, Event.NONE);
  assert.deepStrictEqual(e.composedPath(), []);
  assert.strictEqual(typeof e.timeStamp, 'number');
  assert.ok(e.timeStamp > 0);
  const o = new Event(1, { bubbles: 1, cancelable: 'yes', composed: {} });
  assert.strictEqual(o.type, '1');
  assert.strictEqual(o.bubbles, true);
  assert.strictEqual(o.cancelable, true);
  assert.strictEqual(o.composed, true);
  // null options are accepted, arrays and functions are not.
  assert.strictEqual(new Event('x', null).cancelable, false);
  assert.strictEqual(codeOf(() => new Event('x', [])),
    'TypeError ERR_INVALID_ARG_TYPE: The "options" argument must be of type object. Received an instance of Array');
  assert.match(codeOf(() => new Event('x', () => {})), /^TypeError ERR_INVALID_ARG_TYPE: /);
  // Listener options may be any object.
  new EventTarget().addEventListener('x', () => {}, []);
  new EventTarget().addEventListener('x', () => {}, () => {});
});

test('Event: timeStamp increases and is on the performance.now() clock', () => {
  const before = performance.now();
  const e = new Event('x');
  const after = performance.now();
  assert.ok(e.timeStamp >= before && e.timeStamp <= after, `${before} <= ${e.timeStamp} <= ${after}`);
});

test('Event: constants are non-writable statics', () => {
  assert.deepStrictEqual([Event.NONE, Event.CAPTURING_PHASE, Event.AT_TARGET, Event.BUBBLING_PHASE], [0, 1, 2, 3]);
  const d = Object.getOwnPropertyDescriptor(Event, 'AT_TARGET');
  assert.deepStrictEqual([d.writable, d.enumerable, d.configurable], [false, true, false]);
});

test('Event: argument errors', () => {
  assert.strictEqual(codeOf(() => new Event()),
    'TypeError ERR_MISSING_ARGS: The "type" argument must be specified');
  assert.strictEqual(codeOf(() => new Event('x', 1)),
    'TypeError ERR_INVALID_ARG_TYPE: The "options" argument must be of type object. Received type number (1)');
  assert.strictEqual(codeOf(() => new CustomEvent()),
    'TypeError ERR_MISSING_ARGS: The "type" argument must be specified');
});

test('Event: getters and methods check their receiver', () => {
  for (const name of ['type', 'target', 'currentTarget', 'srcElement', 'cancelable', 'defaultPrevented',
    'timeStamp', 'returnValue', 'bubbles', 'composed', 'eventPhase', 'cancelBubble']) {
    const get = Object.getOwnPropertyDescriptor(Event.prototype, name).get;
    assert.strictEqual(codeOf(() => get.call({})),
      'TypeError ERR_INVALID_THIS: Value of "this" must be of type Event', name);
  }
  for (const name of ['preventDefault', 'stopPropagation', 'stopImmediatePropagation', 'composedPath']) {
    assert.strictEqual(codeOf(() => Event.prototype[name].call({})),
      'TypeError ERR_INVALID_THIS: Value of "this" must be of type Event', name);
  }
  const detail = Object.getOwnPropertyDescriptor(CustomEvent.prototype, 'detail').get;
  assert.strictEqual(codeOf(() => detail.call(new Event('x'))),
    'TypeError ERR_INVALID_THIS: Value of "this" must be of type CustomEvent');
});

test('Event: preventDefault only affects cancelable events; returnValue mirrors it', () => {
  const a = new Event('a');
  a.preventDefault();
  assert.strictEqual(a.defaultPrevented, false);
  assert.strictEqual(a.returnValue, true);
  const b = new Event('b', { cancelable: true });
  b.returnValue = true;
  assert.strictEqual(b.defaultPrevented, false);
  b.returnValue = false;
  assert.strictEqual(b.defaultPrevented, true);
  assert.strictEqual(b.returnValue, false);
  const c = new Event('c', { cancelable: true });
  c.preventDefault();
  assert.strictEqual(c.defaultPrevented, true);
});

test('Event: cancelBubble and stopPropagation', () => {
  const e = new Event('x');
  e.cancelBubble = false;
  assert.strictEqual(e.cancelBubble, false);
  e.cancelBubble = true;
  assert.strictEqual(e.cancelBubble, true);
  e.cancelBubble = false;  // cannot be unset
  assert.strictEqual(e.cancelBubble, true);
  const f = new Event('y');
  f.stopPropagation();
  assert.strictEqual(f.cancelBubble, true);
  const g = new Event('z');
  g.stopImmediatePropagation();
  assert.strictEqual(g.cancelBubble, true);
});

test('Event: prototype shape', () => {
  const keys = Object.keys(Event.prototype);
  for (const k of ['type', 'target', 'currentTarget', 'defaultPrevented', 'preventDefault', 'isTrusted',
    'composedPath', 'returnValue', 'cancelBubble', 'stopPropagation', 'initEvent']) {
    assert.ok(keys.includes(k), k);
  }
  const isTrusted = Object.getOwnPropertyDescriptor(Event.prototype, 'isTrusted');
  assert.strictEqual(isTrusted.configurable, false);
  assert.strictEqual(Object.prototype.toString.call(new Event('x')), '[object Event]');
  assert.strictEqual(Object.prototype.toString.call(new CustomEvent('x')), '[object CustomEvent]');
  assert.strictEqual(Object.prototype.toString.call(new EventTarget()), '[object EventTarget]');
});

test('Event: initEvent resets type and flags unless being dispatched', () => {
  const e = new Event('a');
  e.initEvent('b', true, true);
  assert.strictEqual(e.type, 'b');
  assert.strictEqual(e.bubbles, true);
  assert.strictEqual(e.cancelable, true);
  assert.strictEqual(codeOf(() => e.initEvent()),
    'TypeError ERR_MISSING_ARGS: The "type" argument must be specified');
  const t = new EventTarget();
  t.addEventListener('b', (ev) => ev.initEvent('c'));
  t.dispatchEvent(e);
  assert.strictEqual(e.type, 'b');
});

test('CustomEvent: detail', () => {
  assert.strictEqual(new CustomEvent('x').detail, null);
  assert.strictEqual(new CustomEvent('x', { detail: undefined }).detail, null);
  const d = { a: 1 };
  assert.strictEqual(new CustomEvent('x', { detail: d }).detail, d);
  assert.strictEqual(new CustomEvent('x', { detail: 0 }).detail, 0);
  assert.ok(new CustomEvent('x') instanceof Event);
});

test('util.inspect of events and targets', () => {
  const e = new Event('foo');
  const shown = util.inspect(e);
  assert.match(shown, /^Event \{\n {2}type: 'foo',\n {2}defaultPrevented: false,\n {2}cancelable: false,\n {2}timeStamp: [\d.]+\n\}$/);
  assert.match(util.inspect(new CustomEvent('bar')), /^CustomEvent \{\n {2}type: 'bar',/);
  assert.strictEqual(util.inspect(new EventTarget()), 'EventTarget {}');
  assert.strictEqual(util.inspect({ a: { b: { c: e } } }), '{ a: { b: { c: Event } } }');
  assert.strictEqual(util.inspect(e, { depth: -1 }), 'Event');
  class MyTarget extends EventTarget {}
  assert.strictEqual(util.inspect(new MyTarget()), 'MyTarget {}');
  // EventTarget's inspect works on any receiver.
  const fake = { [util.inspect.custom]: EventTarget.prototype[util.inspect.custom], x: 42 };
  assert.strictEqual(util.inspect(fake), 'Object {}');
});

test('EventTarget: listeners run in order with the event, this = target', () => {
  const t = new EventTarget();
  const log = [];
  const e = new Event('foo');
  t.addEventListener('foo', function(ev) {
    log.push(['a', this === t, ev === e, ev.target === t, ev.currentTarget === t, ev.eventPhase,
      ev.composedPath().length]);
  });
  t.addEventListener('foo', { handleEvent(ev) { log.push(['b', this !== t, ev === e]); } });
  t.addEventListener('bar', () => log.push(['bar']));
  assert.strictEqual(t.dispatchEvent(e), true);
  assert.deepStrictEqual(log, [['a', true, true, true, true, 2, 1], ['b', true, true]]);
  assert.strictEqual(e.target, t);
  assert.strictEqual(e.currentTarget, null);
  assert.strictEqual(e.eventPhase, 0);
});

test('EventTarget: the same listener is added once per capture flag', () => {
  const t = new EventTarget();
  let n = 0;
  const fn = () => n++;
  t.addEventListener('x', fn);
  t.addEventListener('x', fn);
  t.addEventListener('x', fn, { once: true });
  t.addEventListener('x', fn, true);
  t.dispatchEvent(new Event('x'));
  assert.strictEqual(n, 2);
  t.removeEventListener('x', fn);
  t.dispatchEvent(new Event('x'));
  assert.strictEqual(n, 3);
  t.removeEventListener('x', fn, { capture: true });
  t.dispatchEvent(new Event('x'));
  assert.strictEqual(n, 3);
});

test('EventTarget: once listeners are removed before they run', () => {
  const t = new EventTarget();
  let n = 0;
  t.addEventListener('x', () => { n++; t.dispatchEvent(new Event('x')); }, { once: true });
  t.dispatchEvent(new Event('x'));
  assert.strictEqual(n, 1);
});

test('EventTarget: dispatchEvent returns false when a cancelable event is prevented', () => {
  const t = new EventTarget();
  t.addEventListener('x', (e) => e.preventDefault());
  assert.strictEqual(t.dispatchEvent(new Event('x')), true);
  assert.strictEqual(t.dispatchEvent(new Event('x', { cancelable: true })), false);
});

test('EventTarget: passive listeners cannot prevent the default', () => {
  const t = new EventTarget();
  const seen = [];
  t.addEventListener('x', (e) => { e.preventDefault(); seen.push(e.defaultPrevented); }, { passive: true });
  t.addEventListener('x', (e) => { seen.push(e.defaultPrevented); e.returnValue = false; seen.push(e.defaultPrevented); });
  assert.strictEqual(t.dispatchEvent(new Event('x', { cancelable: true })), false);
  assert.deepStrictEqual(seen, [false, false, true]);
});

test('EventTarget: stopImmediatePropagation stops the later listeners', () => {
  const t = new EventTarget();
  const log = [];
  t.addEventListener('x', () => log.push(1));
  t.addEventListener('x', (e) => { log.push(2); e.stopImmediatePropagation(); });
  t.addEventListener('x', () => log.push(3));
  t.dispatchEvent(new Event('x'));
  assert.deepStrictEqual(log, [1, 2]);
});

test('EventTarget: removing and adding listeners during a dispatch', () => {
  const t = new EventTarget();
  const log = [];
  const c = () => log.push('c');
  const late = () => log.push('late');
  t.addEventListener('x', () => { log.push('a'); t.removeEventListener('x', c); t.addEventListener('x', late); });
  t.addEventListener('x', c);
  t.dispatchEvent(new Event('x'));
  // `late` was linked after the removed listener had been read as the next one: it is not called.
  assert.deepStrictEqual(log, ['a']);
  // A listener appended while an earlier one runs is reached in the same dispatch.
  const u = new EventTarget();
  const seen = [];
  u.addEventListener('y', () => { seen.push(1); u.addEventListener('y', () => seen.push(3)); });
  u.addEventListener('y', () => seen.push(2));
  u.dispatchEvent(new Event('y'));
  assert.deepStrictEqual(seen, [1, 2, 3]);
});

test('EventTarget: a listener error is an uncaught exception on the next tick', async () => {
  const t = new EventTarget();
  const err = new Error('boom');
  const order = [];
  t.addEventListener('x', () => { order.push(1); throw err; });
  t.addEventListener('x', () => order.push(2));
  const seen = await captureProcessEvents(() => {
    assert.strictEqual(t.dispatchEvent(new Event('x')), true);
    order.push('after');
  });
  assert.deepStrictEqual(order, [1, 2, 'after']);
  assert.deepStrictEqual(seen, [['uncaught', err]]);
});

test('EventTarget: a rejected promise from a listener is an uncaught exception', async () => {
  const t = new EventTarget();
  const err = new Error('async boom');
  t.addEventListener('x', async () => { throw err; });
  const seen = await captureProcessEvents(() => t.dispatchEvent(new Event('x')));
  assert.deepStrictEqual(seen, [['uncaught', err]]);
});

test('EventTarget: handleEvent is looked up at dispatch; failures are uncaught', async () => {
  const t = new EventTarget();
  const log = [];
  const listener = {};
  t.addEventListener('x', listener);
  listener.handleEvent = function(e) { log.push(this === listener, e.type); };
  t.dispatchEvent(new Event('x'));
  assert.deepStrictEqual(log, [true, 'x']);
  const t2 = new EventTarget();
  t2.addEventListener('y', { handleEvent: 5 });
  const seen = await captureProcessEvents(() => t2.dispatchEvent(new Event('y')));
  assert.strictEqual(seen.length, 1);
  assert.strictEqual(seen[0][0], 'uncaught');
  assert.ok(seen[0][1] instanceof TypeError);
});

test('EventTarget: argument errors', () => {
  const t = new EventTarget();
  assert.strictEqual(codeOf(() => t.addEventListener('x')),
    'TypeError ERR_MISSING_ARGS: The "type" and "listener" arguments must be specified');
  assert.strictEqual(codeOf(() => t.removeEventListener('x')),
    'TypeError ERR_MISSING_ARGS: The "type" and "listener" arguments must be specified');
  assert.strictEqual(codeOf(() => t.addEventListener('x', 1)),
    'TypeError ERR_INVALID_ARG_TYPE: The "listener" argument must be an instance of EventListener. Received type number (1)');
  assert.strictEqual(codeOf(() => t.addEventListener('x', () => {}, 1)),
    'TypeError ERR_INVALID_ARG_TYPE: The "options" argument must be of type object. Received type number (1)');
  assert.strictEqual(codeOf(() => t.addEventListener('x', () => {}, { signal: 1 })),
    'TypeError ERR_INVALID_ARG_TYPE: The "options.signal" property must be an instance of AbortSignal. Received type number (1)');
  assert.strictEqual(codeOf(() => t.dispatchEvent({ type: 'x' })),
    'TypeError ERR_INVALID_ARG_TYPE: The "event" argument must be an instance of Event. Received an instance of Object');
  assert.strictEqual(codeOf(() => t.dispatchEvent()),
    'TypeError ERR_MISSING_ARGS: The "event" argument must be specified');
  assert.match(codeOf(() => t.addEventListener(Symbol('s'), () => {})), /^TypeError ERR_INVALID_ARG_TYPE: /);
  for (const name of ['addEventListener', 'removeEventListener', 'dispatchEvent']) {
    assert.strictEqual(codeOf(() => EventTarget.prototype[name].call({}, 'x', () => {})),
      'TypeError ERR_INVALID_THIS: Value of "this" must be of type EventTarget', name);
  }
});

test('EventTarget: recursive dispatch of the same event throws ERR_EVENT_RECURSION', () => {
  const t = new EventTarget();
  let caught;
  t.addEventListener('r', (e) => {
    try {
      t.dispatchEvent(e);
    } catch (err) {
      caught = err;
    }
  });
  t.dispatchEvent(new Event('r'));
  assert.strictEqual(caught.code, 'ERR_EVENT_RECURSION');
  assert.strictEqual(caught.name, 'Error');
  assert.strictEqual(caught.message, 'The event "r" is already being dispatched');
});

test('EventTarget: null listener warns and is ignored', async () => {
  const t = new EventTarget();
  const seen = await captureProcessEvents(() => {
    t.addEventListener('x', null);
    t.removeEventListener('x', null);
  });
  assert.strictEqual(seen.length, 1);
  assert.strictEqual(seen[0][1].name, 'AddEventListenerArgumentTypeWarning');
  assert.strictEqual(seen[0][1].message, 'addEventListener called with null which has no effect.');
});

test('EventTarget: type is converted to a string', () => {
  const t = new EventTarget();
  let n = 0;
  t.addEventListener(null, () => n++);
  t.addEventListener(1, () => n++);
  t.dispatchEvent(new Event('null'));
  t.dispatchEvent(new Event('1'));
  assert.strictEqual(n, 2);
});

test('EventTarget: signal option removes the listener on abort', () => {
  const t = new EventTarget();
  const ac = new AbortController();
  let n = 0;
  t.addEventListener('x', () => n++, { signal: ac.signal });
  t.dispatchEvent(new Event('x'));
  ac.abort();
  t.dispatchEvent(new Event('x'));
  assert.strictEqual(n, 1);
  // Already aborted: not added at all.
  t.addEventListener('x', () => n++, { signal: AbortSignal.abort() });
  t.dispatchEvent(new Event('x'));
  assert.strictEqual(n, 1);
});

test('EventTarget: subclassing', () => {
  class Foo extends EventTarget {
    constructor() {
      super();
      this.seen = [];
    }
  }
  const f = new Foo();
  f.addEventListener('x', (e) => f.seen.push(e.type));
  f.dispatchEvent(new CustomEvent('x', { detail: 1 }));
  assert.deepStrictEqual(f.seen, ['x']);
});

test('EventTarget: the max-listeners warning', async () => {
  const t = new EventTarget();
  const seen = await captureProcessEvents(() => {
    for (let i = 0; i < 11; i++) t.addEventListener('foo', () => {});
    for (let i = 0; i < 12; i++) t.addEventListener('bar', () => {});
  });
  assert.strictEqual(seen.length, 1);
  const w = seen[0][1];
  assert.strictEqual(w.name, 'MaxListenersExceededWarning');
  assert.strictEqual(w.message, 'Possible EventTarget memory leak detected. 11 foo listeners added to ' +
    'EventTarget. MaxListeners is 10. Use events.setMaxListeners() to increase limit');
  assert.strictEqual(w.target, t);
  assert.strictEqual(w.type, 'foo');
  assert.strictEqual(w.count, 11);
});

test('EventTarget: the kIsEventTarget brand', () => {
  assert.strictEqual(EventTarget[Symbol.for('nodejs.event_target')], true);
});
