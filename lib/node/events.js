'use strict';
// node:events. The EventEmitter keeps Node's observable layout, which npm packages read directly:
// `_events` is a null-prototype object mapping an event name to one listener function or to an
// array of them (two or more), `_eventsCount` counts the names, `_maxListeners` is undefined until
// set. A `once` listener is stored as a wrapper function whose `listener` property is the
// original, so that removeListener(name, original) and listeners() see through it.
//
// Listener arrays are copy-on-write, as in Node 24: emit() walks the live array while counting
// itself in the array's [kEmitting] property, and adding or removing a listener meanwhile
// replaces the array with a modified copy. So a running emit (or removeAllListeners' walk) sees
// the list as it was when it started.

const {
  ArrayIsArray,
  ArrayPrototypePop,
  ArrayPrototypePush,
  ArrayPrototypeShift,
  ArrayPrototypeSlice,
  ArrayPrototypeSplice,
  ArrayPrototypeUnshift,
  Boolean,
  Error,
  FunctionPrototypeCall,
  NumberIsInteger,
  NumberIsNaN,
  NumberMAX_SAFE_INTEGER,
  ObjectAssign,
  ObjectDefineProperties,
  ObjectDefineProperty,
  ObjectGetOwnPropertyDescriptor,
  ObjectGetPrototypeOf,
  ObjectPrototypePropertyIsEnumerable,
  ObjectSetPrototypeOf,
  Promise,
  PromiseReject,
  PromiseResolve,
  ReflectApply,
  ReflectOwnKeys,
  String,
  Symbol,
  SymbolAsyncIterator,
  SymbolFor,
  SymbolToStringTag,
  AsyncIteratorPrototype,
} = primordials;

const SymbolDispose = primordials.SymbolDispose !== undefined ?
  primordials.SymbolDispose : SymbolFor('nodejs.dispose');

const {
  AbortError,
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_THIS,
    ERR_OUT_OF_RANGE,
    ERR_UNHANDLED_ERROR,
  },
} = require('internal/errors');

const kCapture = Symbol('kCapture');
const kErrorMonitor = Symbol('events.errorMonitor');
const kShapeMode = Symbol('shapeMode');
const kEmitting = Symbol('events.emitting');
const kMaxEventTargetListeners = Symbol('events.maxEventTargetListeners');
const kMaxEventTargetListenersWarned = Symbol('events.maxEventTargetListenersWarned');
const kRejection = SymbolFor('nodejs.rejection');
const kWatermarkData = SymbolFor('nodejs.watermarkData');

let defaultMaxListeners = 10;

// ---------------------------------------------------------------------------------------------
// Validation (Node's validators, with Node's error codes and messages)

function validateFunction(value, name) {
  if (typeof value !== 'function') throw new ERR_INVALID_ARG_TYPE(name, 'Function', value);
}

function validateBoolean(value, name) {
  if (typeof value !== 'boolean') throw new ERR_INVALID_ARG_TYPE(name, 'boolean', value);
}

function validateString(value, name) {
  if (typeof value !== 'string') throw new ERR_INVALID_ARG_TYPE(name, 'string', value);
}

function validateNumber(value, name, min) {
  if (typeof value !== 'number') throw new ERR_INVALID_ARG_TYPE(name, 'number', value);
  if (value < min || NumberIsNaN(value)) throw new ERR_OUT_OF_RANGE(name, `>= ${min}`, value);
}

function validateInteger(value, name, min) {
  if (typeof value !== 'number') throw new ERR_INVALID_ARG_TYPE(name, 'number', value);
  if (!NumberIsInteger(value)) throw new ERR_OUT_OF_RANGE(name, 'an integer', value);
  if (value < min || value > NumberMAX_SAFE_INTEGER) {
    throw new ERR_OUT_OF_RANGE(name, `>= ${min} && <= ${NumberMAX_SAFE_INTEGER}`, value);
  }
}

function validateObject(value, name) {
  if (value === null || typeof value !== 'object' || ArrayIsArray(value)) {
    throw new ERR_INVALID_ARG_TYPE(name, 'Object', value);
  }
}

function validateAbortSignal(signal, name) {
  if (signal !== undefined &&
      (signal === null || typeof signal !== 'object' || !('aborted' in signal))) {
    throw new ERR_INVALID_ARG_TYPE(name, 'AbortSignal', signal);
  }
}

// ---------------------------------------------------------------------------------------------
// Lazily loaded collaborators

let inspect;
function lazyInspect(value) {
  if (inspect === undefined) inspect = require('internal/util/inspect').inspect;
  return inspect(value);
}

// internal/event_target (EventTarget, AbortSignal) loads on first use: `isEventTarget(value)`,
// `kEvents` (the per-type listener lists) and `kResistStopPropagation` (a listener that runs even
// after stopImmediatePropagation, as the abort listeners of once/on/addAbortListener must).
let eventTargetModule;
function lazyEventTarget() {
  eventTargetModule ??= require('internal/event_target');
  return eventTargetModule;
}

function isEventTarget(value) {
  return lazyEventTarget().isEventTarget(value);
}

function onceFlags() {
  return { __proto__: null, once: true, [lazyEventTarget().kResistStopPropagation]: true };
}

let kFirstEventParam;
function lazyFirstEventParam() {
  if (kFirstEventParam === undefined) {
    try {
      kFirstEventParam = require('internal/events/symbols').kFirstEventParam;
    } catch {
      kFirstEventParam = null;
    }
  }
  return kFirstEventParam;
}

// How util.inspect(target, { depth: -1 }) names an emitter in the leak warning: `[Name]` after
// the nearest constructor the emitter is an instance of, with a Symbol.toStringTag that differs
// from the name, or `[Object: null prototype]`.
function describeEmitter(target) {
  let name = null;
  let obj = target;
  while (obj !== null && obj !== undefined) {
    const desc = ObjectGetOwnPropertyDescriptor(obj, 'constructor');
    if (desc !== undefined && typeof desc.value === 'function' && desc.value.name !== '' &&
        target instanceof desc.value) {
      name = String(desc.value.name);
      break;
    }
    obj = ObjectGetPrototypeOf(obj);
  }
  if (name === null) return '[Object: null prototype]';
  // An own enumerable tag would be printed among the properties, so it is not repeated here.
  const tag = target[SymbolToStringTag];
  if (typeof tag === 'string' && tag !== '' && tag !== name &&
      !ObjectPrototypePropertyIsEnumerable(target, SymbolToStringTag)) {
    return `[${name} [${tag}]]`;
  }
  return `[${name}]`;
}

// ---------------------------------------------------------------------------------------------
// EventEmitter

function EventEmitter(opts) {
  FunctionPrototypeCall(EventEmitter.init, this, opts);
}

ObjectDefineProperties(EventEmitter.prototype, {
  _events: { value: undefined, writable: true, enumerable: true, configurable: true },
  _eventsCount: { value: 0, writable: true, enumerable: true, configurable: true },
  _maxListeners: { value: undefined, writable: true, enumerable: true, configurable: true },
  [kCapture]: { value: false, writable: true, enumerable: false, configurable: false },
});

function init(opts) {
  // A subclass that prepared its own `_events` (a "shape") keeps it: removals then store
  // undefined instead of deleting keys.
  if (this._events === undefined || this._events === ObjectGetPrototypeOf(this)._events) {
    this._events = { __proto__: null };
    this._eventsCount = 0;
    this[kShapeMode] = false;
  } else {
    this[kShapeMode] = true;
  }
  this._maxListeners ||= undefined;
  if (opts?.captureRejections) {
    validateBoolean(opts.captureRejections, 'options.captureRejections');
    this[kCapture] = Boolean(opts.captureRejections);
  } else {
    this[kCapture] = EventEmitter.prototype[kCapture];
  }
}

function getMaxListenersOf(emitter) {
  return emitter._maxListeners === undefined ? defaultMaxListeners : emitter._maxListeners;
}

function setMaxListenersMethod(n) {
  validateNumber(n, 'setMaxListeners', 0);
  this._maxListeners = n;
  return this;
}

function getMaxListenersMethod() {
  return getMaxListenersOf(this);
}

// Async listeners on an emitter with captureRejections: a rejection becomes a call to the
// emitter's Symbol.for('nodejs.rejection') method, or an 'error' event, on the next tick.
// emitArguments is emit()'s arguments object (the type first), so that emit's rest array never
// escapes (see emit).
function captureRejection(emitter, result, type, emitArguments) {
  if (!emitter[kCapture]) return;
  const args = ArrayPrototypeSlice(emitArguments, 1);
  try {
    const then = result.then;
    if (typeof then === 'function') {
      then.call(result, undefined, function(err) {
        process.nextTick(reportRejection, emitter, err, type, args);
      });
    }
  } catch (err) {
    emitter.emit('error', err);
  }
}

function reportRejection(emitter, err, type, args) {
  if (typeof emitter[kRejection] === 'function') {
    ReflectApply(emitter[kRejection], emitter, [err, type, ...args]);
    return;
  }
  // The 'error' event is emitted with capturing off, so that a rejecting 'error' listener
  // cannot loop.
  const previous = emitter[kCapture];
  try {
    emitter[kCapture] = false;
    emitter.emit('error', err);
  } finally {
    emitter[kCapture] = previous;
  }
}

// `args` is only read by index and passed to apply(), never stored or passed on: JSC then keeps the
// rest array virtual instead of allocating it (arguments elimination), which halves the cost of an
// emit. The rare paths take the arguments object instead.
function emit(type, ...args) {
  let unhandledError = type === 'error';
  const events = this._events;
  if (events !== undefined) {
    if (unhandledError && events[kErrorMonitor] !== undefined) emitErrorMonitor(this, arguments);
    unhandledError = unhandledError && events.error === undefined;
  } else if (!unhandledError) {
    return false;
  }

  if (unhandledError) {
    const er = args.length > 0 ? args[0] : undefined;
    if (er instanceof Error) throw er;  // Unhandled 'error' event
    let shown;
    try {
      shown = lazyInspect(er);
    } catch {
      shown = er;
    }
    const err = new ERR_UNHANDLED_ERROR(shown);
    err.context = er;
    throw err;
  }

  const handler = events[type];
  if (handler === undefined) return false;
  if (typeof handler === 'function') {
    // Through the listener's own apply, as Node does.
    const result = handler.apply(this, args);
    if (result !== undefined && result !== null) captureRejection(this, result, type, arguments);
  } else {
    handler[kEmitting]++;
    try {
      for (let i = 0; i < handler.length; i++) {
        const result = ReflectApply(handler[i], this, args);
        if (result !== undefined && result !== null) captureRejection(this, result, type, arguments);
      }
    } finally {
      handler[kEmitting]--;
    }
  }
  return true;
}

// emitter.emit(type, arg) for one argument and a type other than 'error', for internal hot paths
// (streams' 'data'): the same listener calls, in the same order, with the same `this` and
// arguments, but no rest array and a direct call for a single listener (`apply` with an array
// literal is a plain call in JSC when `apply` is Function.prototype.apply). An emitter whose emit
// is not EventEmitter's has it called instead, and two or more listeners go through emit().
function emitOne(emitter, type, arg) {
  const own = emitter.emit;
  if (own !== emit) return ReflectApply(own, emitter, [type, arg]);
  const events = emitter._events;
  if (events === undefined) return false;
  const handler = events[type];
  if (handler === undefined) return false;
  if (typeof handler !== 'function') return ReflectApply(emit, emitter, [type, arg]);
  // (handler.apply, as emit() and Node call a single listener: an own `apply` is used.)
  const result = handler.apply(emitter, [arg]);
  if (result !== undefined && result !== null && emitter[kCapture]) {
    captureRejection(emitter, result, type, [type, arg]);
  }
  return true;
}
require('internal/events/emit_one').emitOne = emitOne;

function emitErrorMonitor(emitter, emitArguments) {
  const args = ArrayPrototypeSlice(emitArguments, 1);
  ReflectApply(emitter.emit, emitter, [kErrorMonitor, ...args]);
}

// The listener array of `type`, copied first if an emit is walking it.
function mutableListeners(events, type, list) {
  if (list[kEmitting] > 0) {
    const copy = ArrayPrototypeSlice(list);
    copy[kEmitting] = 0;
    if (list.warned) copy.warned = true;
    events[type] = copy;
    return copy;
  }
  return list;
}

function addListenerTo(target, type, listener, prepend) {
  validateFunction(listener, 'listener');
  let events = target._events;
  let existing;
  if (events === undefined) {
    events = target._events = { __proto__: null };
    target._eventsCount = 0;
  } else {
    if (events.newListener !== undefined) {
      target.emit('newListener', type, listener.listener ?? listener);
      // A 'newListener' listener may have replaced _events.
      events = target._events;
    }
    existing = events[type];
  }

  if (existing === undefined) {
    events[type] = listener;
    ++target._eventsCount;
    return target;
  }
  if (typeof existing === 'function') {
    existing = prepend ? [listener, existing] : [existing, listener];
    existing[kEmitting] = 0;
    events[type] = existing;
  } else {
    existing = mutableListeners(events, type, existing);
    if (prepend) ArrayPrototypeUnshift(existing, listener);
    else ArrayPrototypePush(existing, listener);
  }

  const max = getMaxListenersOf(target);
  if (max > 0 && existing.length > max && !existing.warned) {
    existing.warned = true;
    const warning = new Error('Possible EventEmitter memory leak detected. ' +
      `${existing.length} ${String(type)} listeners added to ${describeEmitter(target)}. ` +
      `MaxListeners is ${max}. Use emitter.setMaxListeners() to increase limit`);
    ObjectAssign(warning, {
      name: 'MaxListenersExceededWarning',
      emitter: target,
      type,
      count: existing.length,
    });
    process.emitWarning(warning);
  }
  return target;
}

function addListener(type, listener) {
  return addListenerTo(this, type, listener, false);
}

function prependListener(type, listener) {
  return addListenerTo(this, type, listener, true);
}

// The stored form of a `once` listener: it removes itself before the first call and ignores any
// later call (an emit already under way may still reach it).
function wrapOnce(target, type, listener) {
  let fired = false;
  const wrapper = function wrapper() {
    if (fired) return undefined;
    fired = true;
    target.removeListener(type, wrapper);
    return ReflectApply(listener, target, arguments);
  };
  wrapper.listener = listener;
  return wrapper;
}

function once(type, listener) {
  validateFunction(listener, 'listener');
  this.on(type, wrapOnce(this, type, listener));
  return this;
}

function prependOnceListener(type, listener) {
  validateFunction(listener, 'listener');
  this.prependListener(type, wrapOnce(this, type, listener));
  return this;
}

function removeListener(type, listener) {
  validateFunction(listener, 'listener');
  const events = this._events;
  if (events === undefined) return this;
  let list = events[type];
  if (list === undefined) return this;

  if (list === listener || list.listener === listener) {
    this._eventsCount -= 1;
    if (this[kShapeMode]) {
      events[type] = undefined;
    } else if (this._eventsCount === 0) {
      this._events = { __proto__: null };
    } else {
      delete events[type];
    }
    // Checked on the object the listener was in (a replaced _events included).
    if (events.removeListener !== undefined) this.emit('removeListener', type, list.listener || listener);
    return this;
  }
  if (typeof list === 'function') return this;
  list = mutableListeners(events, type, list);

  // The most recently added match goes first.
  let position = -1;
  for (let i = list.length - 1; i >= 0; i--) {
    if (list[i] === listener || list[i].listener === listener) {
      position = i;
      break;
    }
  }
  if (position < 0) return this;
  if (position === 0) ArrayPrototypeShift(list);
  else ArrayPrototypeSplice(list, position, 1);
  if (list.length === 1) events[type] = list[0];
  if (events.removeListener !== undefined) this.emit('removeListener', type, listener);
  return this;
}

function removeAllListeners(type) {
  const events = this._events;
  if (events === undefined) return this;

  // Nobody listens for 'removeListener': drop the lists without emitting.
  if (events.removeListener === undefined) {
    if (arguments.length === 0) {
      this._events = { __proto__: null };
      this._eventsCount = 0;
    } else if (events[type] !== undefined) {
      if (--this._eventsCount === 0) this._events = { __proto__: null };
      else delete events[type];
    }
    this[kShapeMode] = false;
    return this;
  }

  if (arguments.length === 0) {
    const keys = ReflectOwnKeys(events);
    for (let i = 0; i < keys.length; i++) {
      if (keys[i] === 'removeListener') continue;
      this.removeAllListeners(keys[i]);
    }
    this.removeAllListeners('removeListener');
    this._events = { __proto__: null };
    this._eventsCount = 0;
    this[kShapeMode] = false;
    return this;
  }

  const listeners = events[type];
  if (typeof listeners === 'function') {
    this.removeListener(type, listeners);
  } else if (listeners !== undefined) {
    // Last in, first out.
    for (let i = listeners.length - 1; i >= 0; i--) this.removeListener(type, listeners[i]);
  }
  return this;
}

function listenersOf(target, type, unwrap) {
  const events = target._events;
  if (events === undefined) return [];
  const list = events[type];
  if (list === undefined) return [];
  if (typeof list === 'function') return unwrap ? [list.listener || list] : [list];
  if (!unwrap) return ArrayPrototypeSlice(list);
  const out = new primordials.Array(list.length);
  for (let i = 0; i < list.length; i++) out[i] = list[i].listener || list[i];
  return out;
}

function listeners(type) {
  return listenersOf(this, type, true);
}

function rawListeners(type) {
  return listenersOf(this, type, false);
}

function listenerCount(type, listener) {
  const events = this._events;
  if (events === undefined) return 0;
  const list = events[type];
  if (typeof list === 'function') {
    if (listener != null) return listener === list || listener === list.listener ? 1 : 0;
    return 1;
  }
  if (list === undefined) return 0;
  if (listener == null) return list.length;
  let matching = 0;
  for (let i = 0; i < list.length; i++) {
    if (list[i] === listener || list[i].listener === listener) matching++;
  }
  return matching;
}

function eventNames() {
  if (!(this._eventsCount > 0)) return [];
  // Streams pre-create their common event slots as undefined; those are not event names.
  const keys = ReflectOwnKeys(this._events);
  const names = [];
  for (let i = 0; i < keys.length; i++) {
    if (this._events[keys[i]] !== undefined) ArrayPrototypePush(names, keys[i]);
  }
  return names;
}

{
  // Prototype methods in Node's order; on/addListener and off/removeListener are the same
  // functions.
  const methods = [
    ['setMaxListeners', setMaxListenersMethod],
    ['getMaxListeners', getMaxListenersMethod],
    ['emit', emit],
    ['addListener', addListener],
    ['on', addListener],
    ['prependListener', prependListener],
    ['once', once],
    ['prependOnceListener', prependOnceListener],
    ['removeListener', removeListener],
    ['off', removeListener],
    ['removeAllListeners', removeAllListeners],
    ['listeners', listeners],
    ['rawListeners', rawListeners],
    ['listenerCount', listenerCount],
    ['eventNames', eventNames],
  ];
  for (let i = 0; i < methods.length; i++) {
    ObjectDefineProperty(methods[i][1], 'name', { value: methods[i][0] === 'on' ? 'addListener' :
      methods[i][0] === 'off' ? 'removeListener' : methods[i][0] });
    ObjectDefineProperty(EventEmitter.prototype, methods[i][0], {
      value: methods[i][1],
      writable: true,
      enumerable: true,
      configurable: true,
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Module-level helpers

function getEventListeners(emitterOrTarget, type) {
  if (typeof emitterOrTarget?.listeners === 'function') return emitterOrTarget.listeners(type);
  if (isEventTarget(emitterOrTarget)) return lazyEventTarget().getEventListeners(emitterOrTarget, type);
  throw new ERR_INVALID_ARG_TYPE('emitter', ['EventEmitter', 'EventTarget'], emitterOrTarget);
}

function getMaxListeners(emitterOrTarget) {
  if (typeof emitterOrTarget?.getMaxListeners === 'function') return getMaxListenersOf(emitterOrTarget);
  if (typeof emitterOrTarget?.[kMaxEventTargetListeners] === 'number') {
    return emitterOrTarget[kMaxEventTargetListeners];
  }
  throw new ERR_INVALID_ARG_TYPE('emitter', ['EventEmitter', 'EventTarget'], emitterOrTarget);
}

function setMaxListeners(n = defaultMaxListeners, ...eventTargets) {
  validateNumber(n, 'setMaxListeners', 0);
  if (eventTargets.length === 0) {
    defaultMaxListeners = n;
    return;
  }
  for (let i = 0; i < eventTargets.length; i++) {
    const target = eventTargets[i];
    if (isEventTarget(target)) {
      target[kMaxEventTargetListeners] = n;
      target[kMaxEventTargetListenersWarned] = false;
    } else if (typeof target.setMaxListeners === 'function') {
      target.setMaxListeners(n);
    } else {
      throw new ERR_INVALID_ARG_TYPE('eventTargets', ['EventEmitter', 'EventTarget'], target);
    }
  }
}

// events.listenerCount(emitterOrTarget, type): an EventTarget counts its listeners of `type`.
function staticListenerCount(emitterOrTarget, type) {
  if (typeof emitterOrTarget.listenerCount === 'function') return emitterOrTarget.listenerCount(type);
  if (isEventTarget(emitterOrTarget)) {
    return emitterOrTarget[lazyEventTarget().kEvents]?.get(type)?.size ?? 0;
  }
  throw new ERR_INVALID_ARG_TYPE('emitter', ['EventEmitter', 'EventTarget'], emitterOrTarget);
}

function addListenerAgnostic(emitter, name, listener, flags) {
  if (typeof emitter.on === 'function') {
    if (flags?.once) emitter.once(name, listener);
    else emitter.on(name, listener);
  } else if (typeof emitter.addEventListener === 'function') {
    emitter.addEventListener(name, listener, flags);
  } else {
    throw new ERR_INVALID_ARG_TYPE('emitter', 'EventEmitter', emitter);
  }
}

function removeListenerAgnostic(emitter, name, listener, flags) {
  if (typeof emitter.removeListener === 'function') {
    emitter.removeListener(name, listener);
  } else if (typeof emitter.removeEventListener === 'function') {
    emitter.removeEventListener(name, listener, flags);
  } else {
    throw new ERR_INVALID_ARG_TYPE('emitter', 'EventEmitter', emitter);
  }
}

function abortError(signal) {
  return new AbortError(undefined, { cause: signal?.reason });
}

function addAbortListener(signal, listener) {
  if (signal === undefined) throw new ERR_INVALID_ARG_TYPE('signal', 'AbortSignal', signal);
  validateAbortSignal(signal, 'signal');
  validateFunction(listener, 'listener');
  let remove;
  if (signal.aborted) {
    queueMicrotask(() => listener());
  } else {
    signal.addEventListener('abort', listener, onceFlags());
    remove = () => { signal.removeEventListener('abort', listener); };
  }
  return {
    __proto__: null,
    [SymbolDispose]() {
      remove?.();
    },
  };
}

// events.once(emitter, name[, { signal }]): a promise of the arguments of the next `name` event,
// rejected by an 'error' event (EventEmitters only) or by the signal.
async function onceEvent(emitter, name, options = { __proto__: null }) {
  validateObject(options, 'options');
  const signal = options.signal;
  validateAbortSignal(signal, 'options.signal');
  if (signal?.aborted) throw abortError(signal);
  return new Promise((resolve, reject) => {
    const onError = (err) => {
      emitter.removeListener(name, onEvent);
      if (signal != null) removeListenerAgnostic(signal, 'abort', onAbort);
      reject(err);
    };
    const onEvent = (...args) => {
      if (typeof emitter.removeListener === 'function') emitter.removeListener('error', onError);
      if (signal != null) removeListenerAgnostic(signal, 'abort', onAbort);
      resolve(args);
    };
    const onAbort = () => {
      removeListenerAgnostic(emitter, name, onEvent);
      removeListenerAgnostic(emitter, 'error', onError);
      reject(abortError(signal));
    };
    addListenerAgnostic(emitter, name, onEvent, onceFlags());
    // Only EventEmitters have 'error' semantics.
    if (name !== 'error' && typeof emitter.once === 'function') emitter.once('error', onError);
    if (signal != null) addListenerAgnostic(signal, 'abort', onAbort, onceFlags());
  });
}

// A first-in first-out queue; shift() is amortised O(1).
class Queue {
  constructor() {
    this.items = [];
    this.head = 0;
  }

  get length() {
    return this.items.length - this.head;
  }

  push(item) {
    ArrayPrototypePush(this.items, item);
  }

  shift() {
    const item = this.items[this.head];
    this.items[this.head++] = undefined;
    if (this.head === this.items.length) {
      this.items = [];
      this.head = 0;
    } else if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = ArrayPrototypeSlice(this.items, this.head);
      this.head = 0;
    }
    return item;
  }
}

function iterResult(value, done) {
  return { value, done };
}

// events.on(emitter, event[, options]): an async iterator over the argument arrays of `event`.
// Events that arrive before next() is called are buffered; above highWaterMark the emitter is
// paused (emitter.pause()) until the buffer drains below lowWaterMark. An 'error' event rejects
// one next() and ends the iteration; so do the signal and the `close` events (without error).
function on(emitter, event, options = { __proto__: null }) {
  validateObject(options, 'options');
  const signal = options.signal;
  validateAbortSignal(signal, 'options.signal');
  if (signal?.aborted) throw abortError(signal);
  const highWatermark = options.highWaterMark ?? options.highWatermark ?? NumberMAX_SAFE_INTEGER;
  validateInteger(highWatermark, 'options.highWaterMark', 1);
  const lowWatermark = options.lowWaterMark ?? options.lowWatermark ?? 1;
  validateInteger(lowWatermark, 'options.lowWaterMark', 1);

  const buffered = new Queue();
  const waiting = new Queue();
  const added = [];
  let paused = false;
  let error = null;
  let finished = false;
  let abortDisposable = null;

  function listen(target, name, handler) {
    addListenerAgnostic(target, name, handler);
    ArrayPrototypePush(added, [target, name, handler]);
  }

  function push(value) {
    if (waiting.length > 0) {
      waiting.shift().resolve(iterResult(value, false));
      return;
    }
    buffered.push(value);
    if (!paused && buffered.length > highWatermark) {
      paused = true;
      emitter.pause();
    }
  }

  function finish() {
    abortDisposable?.[SymbolDispose]();
    while (added.length > 0) {
      const entry = ArrayPrototypePop(added);
      removeListenerAgnostic(entry[0], entry[1], entry[2]);
    }
    finished = true;
    const done = iterResult(undefined, true);
    while (waiting.length > 0) waiting.shift().resolve(done);
    return PromiseResolve(done);
  }

  function fail(err) {
    if (waiting.length > 0) waiting.shift().reject(err);
    else error = err;
    finish();
  }

  const iterator = ObjectSetPrototypeOf({
    next() {
      if (buffered.length > 0) {
        const value = buffered.shift();
        if (paused && buffered.length < lowWatermark) {
          emitter.resume();
          paused = false;
        }
        return PromiseResolve(iterResult(value, false));
      }
      if (error !== null) {
        const rejected = PromiseReject(error);
        error = null;  // only one next() sees the error
        return rejected;
      }
      if (finished) return finish();
      return new Promise((resolve, reject) => {
        waiting.push({ resolve, reject });
      });
    },

    return() {
      return finish();
    },

    throw(err) {
      if (!err || !(err instanceof Error)) {
        throw new ERR_INVALID_ARG_TYPE('EventEmitter.AsyncIterator', 'Error', err);
      }
      fail(err);
    },

    [SymbolAsyncIterator]() {
      return this;
    },

    [kWatermarkData]: {
      get size() {
        return buffered.length;
      },
      get low() {
        return lowWatermark;
      },
      get high() {
        return highWatermark;
      },
      get isPaused() {
        return paused;
      },
    },
  }, AsyncIteratorPrototype);

  const firstParam = lazyFirstEventParam();
  listen(emitter, event, firstParam !== null && options[firstParam] ?
    push : function(...args) { return push(args); });
  if (event !== 'error' && typeof emitter.on === 'function') listen(emitter, 'error', fail);
  const closeEvents = options?.close;
  if (closeEvents?.length) {
    for (let i = 0; i < closeEvents.length; i++) listen(emitter, closeEvents[i], finish);
  }
  if (signal) abortDisposable = addAbortListener(signal, () => fail(abortError(signal)));
  return iterator;
}

// ---------------------------------------------------------------------------------------------
// EventEmitterAsyncResource (needs async_hooks, loaded on first use)

let EventEmitterAsyncResource;
function lazyEventEmitterAsyncResource() {
  if (EventEmitterAsyncResource !== undefined) return EventEmitterAsyncResource;
  const { AsyncResource } = require('async_hooks');

  class EventEmitterReferencingAsyncResource extends AsyncResource {
    #eventEmitter;

    constructor(ee, type, options) {
      super(type, options);
      this.#eventEmitter = ee;
    }

    get eventEmitter() {
      if (this.#eventEmitter === undefined) {
        throw new ERR_INVALID_THIS('EventEmitterReferencingAsyncResource');
      }
      return this.#eventEmitter;
    }
  }

  EventEmitterAsyncResource = class EventEmitterAsyncResource extends EventEmitter {
    #asyncResource;

    constructor(options = undefined) {
      let name;
      if (typeof options === 'string') {
        name = options;
        options = undefined;
      } else {
        if (new.target === EventEmitterAsyncResource) validateString(options?.name, 'options.name');
        name = options?.name || new.target.name;
      }
      super(options);
      this.#asyncResource = new EventEmitterReferencingAsyncResource(this, name, options);
    }

    emit(event, ...args) {
      const resource = this.#asyncResource;
      return ReflectApply(resource.runInAsyncScope, resource, [super.emit, this, event, ...args]);
    }

    emitDestroy() {
      this.#asyncResource.emitDestroy();
    }

    get asyncId() {
      return this.#asyncResource.asyncId();
    }

    get triggerAsyncId() {
      return this.#asyncResource.triggerAsyncId();
    }

    get asyncResource() {
      return this.#asyncResource;
    }
  };
  return EventEmitterAsyncResource;
}

// ---------------------------------------------------------------------------------------------
// Module shape (Node's property order and attributes)

const statics = [
  ['addAbortListener', addAbortListener],
  ['once', onceEvent],
  ['on', on],
  ['getEventListeners', getEventListeners],
  ['getMaxListeners', getMaxListeners],
  ['listenerCount', staticListenerCount],
  ['EventEmitter', EventEmitter],
  ['usingDomains', false],
  ['captureRejectionSymbol', kRejection],
];
for (let i = 0; i < statics.length; i++) {
  const value = statics[i][1];
  if (typeof value === 'function' && value !== EventEmitter) {
    ObjectDefineProperty(value, 'name', { value: statics[i][0] });
  }
  ObjectDefineProperty(EventEmitter, statics[i][0], {
    value,
    writable: true,
    enumerable: true,
    configurable: true,
  });
}

ObjectDefineProperties(EventEmitter, {
  captureRejections: {
    get() {
      return EventEmitter.prototype[kCapture];
    },
    set(value) {
      validateBoolean(value, 'EventEmitter.captureRejections');
      EventEmitter.prototype[kCapture] = value;
    },
    enumerable: true,
    configurable: false,
  },
  EventEmitterAsyncResource: {
    get: lazyEventEmitterAsyncResource,
    set: undefined,
    enumerable: true,
    configurable: true,
  },
  errorMonitor: { value: kErrorMonitor, writable: true, enumerable: true, configurable: true },
  defaultMaxListeners: {
    get() {
      return defaultMaxListeners;
    },
    set(value) {
      validateNumber(value, 'defaultMaxListeners', 0);
      defaultMaxListeners = value;
    },
    enumerable: true,
    configurable: false,
  },
  kMaxEventTargetListeners: {
    value: kMaxEventTargetListeners, writable: false, enumerable: false, configurable: false,
  },
  kMaxEventTargetListenersWarned: {
    value: kMaxEventTargetListenersWarned, writable: false, enumerable: false, configurable: false,
  },
});

// Anonymous in Node, as they are assigned rather than declared.
const anonymous = { setMaxListeners, init };
for (const key of ['setMaxListeners', 'init']) {
  ObjectDefineProperty(anonymous[key], 'name', { value: '' });
  ObjectDefineProperty(EventEmitter, key, {
    value: anonymous[key],
    writable: true,
    enumerable: true,
    configurable: true,
  });
}

module.exports = EventEmitter;
