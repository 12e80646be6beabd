'use strict';
// EventTarget, Event, CustomEvent and NodeEventTarget with Node's semantics.
//
// Listeners of one type form a doubly linked list hanging off a root record in `target[kEvents]`
// (a Map of type -> { size, next }), each node being { previous, next, listener, callback, once,
// capture, passive, weak, removed, ... }: events.getEventListeners reads this layout. Dispatch walks
// the list caching `next` before each call, and removal unlinks a node but leaves its `next`, so a
// listener may remove others (they are skipped) or add new ones (they run in the same dispatch if
// reached), exactly as Node does. An error thrown by a listener, or a rejection of the promise it
// returns, is reported as an uncaught exception on the next tick and does not stop the dispatch.

const {
  ArrayIsArray,
  ArrayPrototypePush,
  Boolean,
  Error,
  NumberIsInteger,
  ObjectAssign,
  ObjectDefineProperties,
  ObjectDefineProperty,
  ObjectGetOwnPropertyDescriptor,
  ReflectApply,
  SafeMap,
  SafeWeakMap,
  SafeWeakRef,
  SafeWeakSet,
  String,
  Symbol,
  SymbolFor,
  SymbolToStringTag,
  TypeError,
} = primordials;

const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_THIS,
    ERR_MISSING_ARGS,
    ERR_EVENT_RECURSION,
  },
} = require('internal/errors');

const kIsEventTarget = SymbolFor('nodejs.event_target');
const kIsNodeEventTarget = Symbol('kIsNodeEventTarget');
const kEvents = Symbol('kEvents');
const kHandlers = Symbol('kHandlers');
const kStop = Symbol('kStop');
const kTarget = Symbol('kTarget');
const kIsBeingDispatched = Symbol('kIsBeingDispatched');
const kInPassiveListener = Symbol('kInPassiveListener');
const kType = Symbol('type');
const kDetail = Symbol('detail');
const kHybridDispatch = SymbolFor('nodejs.internal.kHybridDispatch');
const kCreateEvent = Symbol('kCreateEvent');
const kNewListener = Symbol('kNewListener');
const kRemoveListener = Symbol('kRemoveListener');
const kRemoveWeakListenerHelper = Symbol('kRemoveWeakListenerHelper');
const kIsNodeStyleListener = Symbol('kIsNodeStyleListener');
const kTrustEvent = Symbol('kTrustEvent');
const kWeakHandler = Symbol('kWeak');
const kResistStopPropagation = Symbol('kResistStopPropagation');
const kInspect = SymbolFor('nodejs.util.inspect.custom');

let eventsModule;
function events() {
  eventsModule ??= require('events');
  return eventsModule;
}

let inspectFn;
function inspect(value, options) {
  inspectFn ??= require('internal/util/inspect').inspect;
  return inspectFn(value, options);
}

let perfNow;
function now() {
  perfNow ??= internalBinding('perf').now;
  return perfNow();
}

const kEmptyObject = Object.freeze({ __proto__: null });
// The parsed form of absent listener options.
const kDefaultListenerOptions = Object.freeze({
  __proto__: null,
  once: false,
  capture: false,
  passive: false,
  signal: undefined,
  weak: undefined,
  resistStopPropagation: false,
  isNodeStyleListener: false,
});

// ---------------------------------------------------------------------------------------------
// Validation

function isObjectLike(value) {
  return value !== null && (typeof value === 'object' || typeof value === 'function');
}

// Event options: a plain object or null. Listener options: any object, arrays and functions too.
function validateOptionsObject(options, name, forEvent) {
  const ok = forEvent ?
    options === null || (typeof options === 'object' && !ArrayIsArray(options)) :
    isObjectLike(options);
  if (!ok) throw new ERR_INVALID_ARG_TYPE(name, 'object', options);
}

// WebIDL DOMString conversion: symbols are rejected with Node's wording.
function toDOMString(value) {
  if (typeof value === 'symbol') {
    const err = new TypeError('Value is a Symbol and cannot be converted to a string.');
    err.code = 'ERR_INVALID_ARG_TYPE';
    throw err;
  }
  return `${value}`;
}

function validateAbortSignalOption(signal, name) {
  if (signal !== undefined && (signal === null || typeof signal !== 'object' || !('aborted' in signal))) {
    throw new ERR_INVALID_ARG_TYPE(name, 'AbortSignal', signal);
  }
}

// ---------------------------------------------------------------------------------------------
// Event

const isTrustedSet = new SafeWeakSet();

function isEvent(value) {
  return typeof value?.[kType] === 'string';
}

class Event {
  #cancelable = false;
  #bubbles = false;
  #composed = false;
  #defaultPrevented = false;
  #timestamp = now();
  #propagationStopped = false;

  constructor(type, options = kEmptyObject) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('type');
    validateOptionsObject(options, 'options', true);
    this.#cancelable = Boolean(options?.cancelable);
    this.#bubbles = Boolean(options?.bubbles);
    this.#composed = Boolean(options?.composed);
    this[kType] = `${type}`;
    if (options?.[kTrustEvent]) isTrustedSet.add(this);
    this[kTarget] = null;
    this[kIsBeingDispatched] = false;
    this[kInPassiveListener] = false;
  }

  initEvent(type, bubbles = false, cancelable = false) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('type');
    if (this[kIsBeingDispatched]) return;
    this[kType] = `${type}`;
    this.#bubbles = Boolean(bubbles);
    this.#cancelable = Boolean(cancelable);
  }

  [kInspect](depth, options) {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    const name = this.constructor.name;
    if (depth < 0) return name;
    const opts = ObjectAssign({}, options, {
      depth: NumberIsInteger(options.depth) ? options.depth - 1 : options.depth,
    });
    return `${name} ${inspect({
      type: this[kType],
      defaultPrevented: this.#cancelable && this.#defaultPrevented,
      cancelable: this.#cancelable,
      timeStamp: this.#timestamp,
    }, opts)}`;
  }

  stopImmediatePropagation() {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    this.#propagationStopped = true;
    this[kStop] = true;
  }

  preventDefault() {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    if (this[kInPassiveListener]) return;
    this.#defaultPrevented = true;
  }

  get target() {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    return this[kTarget];
  }

  get currentTarget() {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    return this[kIsBeingDispatched] ? this[kTarget] : null;
  }

  get srcElement() {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    return this[kTarget];
  }

  get type() {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    return this[kType];
  }

  get cancelable() {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    return this.#cancelable;
  }

  get defaultPrevented() {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    return this.#cancelable && this.#defaultPrevented;
  }

  get timeStamp() {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    return this.#timestamp;
  }

  composedPath() {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    return this[kIsBeingDispatched] ? [this[kTarget]] : [];
  }

  get returnValue() {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    return !(this.#cancelable && this.#defaultPrevented);
  }

  set returnValue(value) {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    if (!value && !this[kInPassiveListener]) this.#defaultPrevented = true;
  }

  get bubbles() {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    return this.#bubbles;
  }

  get composed() {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    return this.#composed;
  }

  get eventPhase() {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    return this[kIsBeingDispatched] ? Event.AT_TARGET : Event.NONE;
  }

  get cancelBubble() {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    return this.#propagationStopped;
  }

  set cancelBubble(value) {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    if (value) this.#propagationStopped = true;
  }

  stopPropagation() {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    this.#propagationStopped = true;
  }

  static NONE = 0;
  static CAPTURING_PHASE = 1;
  static AT_TARGET = 2;
  static BUBBLING_PHASE = 3;
}

function enumerable(proto, names) {
  const props = { __proto__: null };
  for (let i = 0; i < names.length; i++) {
    props[names[i]] = { __proto__: null, enumerable: true };
  }
  ObjectDefineProperties(proto, props);
}

enumerable(Event.prototype, ['initEvent', 'stopImmediatePropagation', 'preventDefault', 'target',
  'currentTarget', 'srcElement', 'type', 'cancelable', 'defaultPrevented', 'timeStamp',
  'composedPath', 'returnValue', 'bubbles', 'composed', 'eventPhase', 'cancelBubble',
  'stopPropagation']);
for (const name of ['NONE', 'CAPTURING_PHASE', 'AT_TARGET', 'BUBBLING_PHASE']) {
  ObjectDefineProperty(Event, name, { __proto__: null, writable: false, configurable: false });
}
ObjectDefineProperty(Event.prototype, 'isTrusted', {
  __proto__: null,
  get: ObjectGetOwnPropertyDescriptor({ get isTrusted() { return isTrustedSet.has(this); } },
    'isTrusted').get,
  enumerable: true,
  configurable: false,
});
ObjectDefineProperty(Event.prototype, SymbolToStringTag, {
  __proto__: null, value: 'Event', writable: false, enumerable: false, configurable: true,
});

function isCustomEvent(value) {
  return isEvent(value) && value[kDetail] !== undefined;
}

class CustomEvent extends Event {
  constructor(type, options = kEmptyObject) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('type');
    super(type, options);
    // Stored as an own symbol property that always exists, so the brand check works for a
    // detail of undefined too.
    this[kDetail] = { __proto__: null, value: options?.detail ?? null };
  }

  get detail() {
    if (!isCustomEvent(this)) throw new ERR_INVALID_THIS('CustomEvent');
    return this[kDetail].value;
  }
}
ObjectDefineProperty(CustomEvent.prototype, 'detail', { __proto__: null, enumerable: true });
ObjectDefineProperty(CustomEvent.prototype, SymbolToStringTag, {
  __proto__: null, value: 'CustomEvent', writable: false, enumerable: false, configurable: true,
});

// ---------------------------------------------------------------------------------------------
// Listener records

class Listener {
  constructor(target, previous, listener, once, capture, passive, isNodeStyleListener, weak,
    resistStopPropagation) {
    this.next = undefined;
    if (previous !== undefined) previous.next = this;
    this.previous = previous;
    this.listener = listener;
    this.once = Boolean(once);
    // Always a boolean here, while addEventListener compares it with the option as given: a
    // listener added with null options (capture undefined) is never a duplicate, as in Node.
    this.capture = Boolean(capture);
    this.passive = Boolean(passive);
    this.isNodeStyleListener = isNodeStyleListener;
    this.removed = false;
    this.weak = Boolean(weak);
    this.resistStopPropagation = Boolean(resistStopPropagation);
    if (this.weak) {
      // The listener lives as long as the object given as `weak` (kWeakHandler) does.
      this.callback = new SafeWeakRef(listener);
      weakRetainers.set(weak, listener);
      weakListenersState.register(listener, { target: new SafeWeakRef(target), listener: this }, this);
      this.listener = this.callback;
    } else if (typeof listener === 'function') {
      this.callback = listener;
    } else {
      // An EventListener object: handleEvent is looked up on every dispatch, and its failures
      // (including a non-callable handleEvent) surface asynchronously, as in Node.
      this.callback = async function callHandleEvent(...args) {
        if (listener.handleEvent) await ReflectApply(listener.handleEvent, listener, args);
      };
    }
  }

  same(listener, capture) {
    const own = this.weak ? this.listener.deref() : this.listener;
    return own === listener && this.capture === capture;
  }

  remove() {
    if (this.previous !== undefined) this.previous.next = this.next;
    if (this.next !== undefined) this.next.previous = this.previous;
    this.removed = true;
  }
}

// A weakly held listener that is collected is unlinked from its target.
let weakListenersState;
const weakRetainers = new SafeWeakMap();
{
  const { SafeFinalizationRegistry } = primordials;
  weakListenersState = new SafeFinalizationRegistry((held) => {
    held.target.deref()?.[kRemoveWeakListenerHelper]?.(held.listener);
  });
}

// Calls fn with `this` = self and one argument. JSC runs `fn.call(self, arg)` several times faster
// than Reflect.apply (or the uncurried FunctionPrototypeCall), so the direct call is used when
// `call` is still the built-in one (a program that replaces it gets Reflect.apply). The built-in is
// read when this module loads, which is lazy: a program that patched Function.prototype.call
// before its first EventTarget would defeat the check (primordials keep no raw copy of `call`).
const FunctionPrototypeCallMethod = Function.prototype.call;
function call1(fn, self, arg) {
  return fn.call === FunctionPrototypeCallMethod ? fn.call(self, arg) : ReflectApply(fn, self, [arg]);
}

function emitUncaughtException(err) {
  process.nextTick(() => { throw err; });
}

function addCatch(promise) {
  const then = promise.then;
  if (typeof then === 'function') {
    ReflectApply(then, promise, [undefined, emitUncaughtException]);
  }
}

// ---------------------------------------------------------------------------------------------
// EventTarget

function isEventTarget(value) {
  return Boolean(value?.constructor?.[kIsEventTarget]);
}

function initEventTarget(self) {
  self[kEvents] = new SafeMap();
  const ev = events();
  self[ev.kMaxEventTargetListeners] = ev.defaultMaxListeners;
  self[ev.kMaxEventTargetListenersWarned] = false;
  self[kHandlers] = new SafeMap();
}

function validateEventListener(listener) {
  if (typeof listener === 'function' || typeof listener?.handleEvent === 'function') return true;
  if (listener == null) return false;
  if (typeof listener === 'object') return true;  // handleEvent is looked up when dispatching
  throw new ERR_INVALID_ARG_TYPE('listener', 'EventListener', listener);
}

function validateEventListenerOptions(options) {
  if (options === kEmptyObject) return kDefaultListenerOptions;
  if (typeof options === 'boolean') return { __proto__: null, capture: options };
  if (options === null) return { __proto__: null };
  validateOptionsObject(options, 'options', false);
  return {
    __proto__: null,
    once: Boolean(options.once),
    capture: Boolean(options.capture),
    passive: Boolean(options.passive),
    signal: options.signal,
    weak: options[kWeakHandler],
    resistStopPropagation: options[kResistStopPropagation] ?? false,
    isNodeStyleListener: Boolean(options[kIsNodeStyleListener]),
  };
}

class EventTarget {
  static [kIsEventTarget] = true;

  constructor() {
    initEventTarget(this);
  }

  [kNewListener](size, type, listener, once, capture, passive, weak) {
    const ev = events();
    const max = this[ev.kMaxEventTargetListeners];
    if (max > 0 && size > max && !this[ev.kMaxEventTargetListenersWarned]) {
      this[ev.kMaxEventTargetListenersWarned] = true;
      const w = new Error('Possible EventTarget memory leak detected. ' +
        `${size} ${type} listeners added to ${inspect(this, { depth: -1 })}. ` +
        `MaxListeners is ${max}. Use events.setMaxListeners() to increase limit`);
      w.name = 'MaxListenersExceededWarning';
      w.target = this;
      w.type = type;
      w.count = size;
      process.emitWarning(w);
    }
  }

  [kRemoveListener](size, type, listener, capture) {}

  addEventListener(type, listener, options = kEmptyObject) {
    if (!isEventTarget(this)) throw new ERR_INVALID_THIS('EventTarget');
    if (arguments.length < 2) throw new ERR_MISSING_ARGS('type', 'listener');
    const {
      once, capture, passive, signal, isNodeStyleListener, weak, resistStopPropagation,
    } = validateEventListenerOptions(options);
    validateAbortSignalOption(signal, 'options.signal');

    if (!validateEventListener(listener)) {
      // The DOM silently accepts null; Node warns.
      const w = new Error(`addEventListener called with ${listener} which has no effect.`);
      w.name = 'AddEventListenerArgumentTypeWarning';
      w.target = this;
      w.type = type;
      process.emitWarning(w);
      return;
    }
    type = toDOMString(type);

    if (signal) {
      if (signal.aborted) return;
      // The signal must not keep this target alive.
      signal.addEventListener('abort', () => {
        this.removeEventListener(type, listener, options);
      }, { __proto__: null, once: true, [kWeakHandler]: this, [kResistStopPropagation]: true });
    }

    let root = this[kEvents].get(type);
    if (root === undefined) {
      root = { size: 1, next: undefined, resistStopPropagation: Boolean(resistStopPropagation) };
      new Listener(this, root, listener, once, capture, passive, isNodeStyleListener, weak,
        resistStopPropagation);
      this[kNewListener](root.size, type, listener, once, capture, passive, weak);
      this[kEvents].set(type, root);
      return;
    }

    let handler = root.next;
    let previous = root;
    // A listener is added once per (listener, capture).
    while (handler !== undefined && !handler.same(listener, capture)) {
      previous = handler;
      handler = handler.next;
    }
    if (handler !== undefined) return;

    new Listener(this, previous, listener, once, capture, passive, isNodeStyleListener, weak,
      resistStopPropagation);
    root.size++;
    root.resistStopPropagation ||= Boolean(resistStopPropagation);
    this[kNewListener](root.size, type, listener, once, capture, passive, weak);
  }

  removeEventListener(type, listener, options = kEmptyObject) {
    if (!isEventTarget(this)) throw new ERR_INVALID_THIS('EventTarget');
    if (arguments.length < 2) throw new ERR_MISSING_ARGS('type', 'listener');
    if (!validateEventListener(listener)) return;
    type = toDOMString(type);
    // As in Node, only an options object can select the capture listener: a boolean `true`
    // here means capture false.
    const capture = options?.capture === true;

    const root = this[kEvents].get(type);
    if (root === undefined || root.next === undefined) return;

    let handler = root.next;
    while (handler !== undefined) {
      if (handler.same(listener, capture)) {
        handler.remove();
        root.size--;
        if (root.size === 0) this[kEvents].delete(type);
        this[kRemoveListener](root.size, type, listener, capture);
        break;
      }
      handler = handler.next;
    }
  }

  [kRemoveWeakListenerHelper](handler) {
    if (handler.removed) return;
    for (const [type, root] of this[kEvents]) {
      let h = root.next;
      while (h !== undefined && h !== handler) h = h.next;
      if (h === handler) {
        handler.remove();
        root.size--;
        if (root.size === 0) this[kEvents].delete(type);
        this[kRemoveListener](root.size, type, undefined, handler.capture);
        return;
      }
    }
  }

  dispatchEvent(event) {
    if (!isEventTarget(this)) throw new ERR_INVALID_THIS('EventTarget');
    if (arguments.length < 1) throw new ERR_MISSING_ARGS('event');
    if (!(event instanceof Event)) throw new ERR_INVALID_ARG_TYPE('event', 'Event', event);
    if (event[kIsBeingDispatched]) throw new ERR_EVENT_RECURSION(event.type);
    this[kHybridDispatch](event, event.type, event);
    return event.defaultPrevented !== true;
  }

  // Dispatch shared by dispatchEvent (an Event) and NodeEventTarget.emit (a plain value, wrapped
  // in an Event only if a DOM-style listener needs one).
  [kHybridDispatch](nodeValue, type, event) {
    if (event !== undefined) {
      event[kTarget] = this;
      event[kIsBeingDispatched] = true;
    }

    const root = this[kEvents].get(type);
    if (root === undefined || root.next === undefined) {
      if (event !== undefined) event[kIsBeingDispatched] = false;
      return true;
    }

    let handler = root.next;
    while (handler !== undefined) {
      const next = handler.next;
      if (handler.removed ||
          (event?.[kStop] === true && !handler.resistStopPropagation)) {
        handler = next;
        continue;
      }
      if (handler.once) {
        handler.remove();
        root.size--;
        const { listener, capture } = handler;
        this[kRemoveListener](root.size, type, listener, capture);
      }

      try {
        let arg;
        if (handler.isNodeStyleListener) {
          arg = nodeValue;
        } else {
          if (event === undefined) {
            // Made only when a DOM-style listener needs it.
            event = this[kCreateEvent](nodeValue, type);
            event[kTarget] = this;
            event[kIsBeingDispatched] = true;
          }
          arg = event;
        }
        const callback = handler.weak ? handler.callback.deref() : handler.callback;
        let result;
        if (callback !== undefined) {
          // A Node-style listener gets the emitted value itself, which may be a primitive.
          if (handler.passive && !handler.isNodeStyleListener) {
            arg[kInPassiveListener] = true;
            try {
              result = call1(callback, this, arg);
            } finally {
              arg[kInPassiveListener] = false;
            }
          } else {
            result = call1(callback, this, arg);
          }
          // Node marks the event as no longer being dispatched once its first DOM-style
          // listener has run: later listeners see eventPhase NONE and currentTarget null.
          if (!handler.isNodeStyleListener) arg[kIsBeingDispatched] = false;
        }
        if (result !== undefined && result !== null) addCatch(result);
      } catch (err) {
        emitUncaughtException(err);
      }
      handler = next;
    }

    if (event !== undefined) event[kIsBeingDispatched] = false;
  }

  [kCreateEvent](nodeValue, type) {
    return new CustomEvent(type, { detail: nodeValue });
  }

  // No brand check: Node prints any object this is borrowed by.
  [kInspect](depth, options) {
    const name = this.constructor.name;
    if (depth < 0) return name;
    const opts = ObjectAssign({}, options, {
      depth: NumberIsInteger(options.depth) ? options.depth - 1 : options.depth,
    });
    return `${name} ${inspect({}, opts)}`;
  }
}

ObjectDefineProperty(EventTarget, kIsEventTarget, { __proto__: null, enumerable: true });
enumerable(EventTarget.prototype, ['addEventListener', 'removeEventListener', 'dispatchEvent']);
ObjectDefineProperty(EventTarget.prototype, SymbolToStringTag, {
  __proto__: null, value: 'EventTarget', writable: false, enumerable: false, configurable: true,
});

function getEventListeners(target, type) {
  const root = target[kEvents]?.get(type);
  const out = [];
  let handler = root?.next;
  while (handler !== undefined) {
    const listener = handler.weak ? handler.listener.deref() : handler.listener;
    if (listener !== undefined) ArrayPrototypePush(out, listener);
    handler = handler.next;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// NodeEventTarget: an EventTarget with a subset of the EventEmitter API, whose listeners receive
// the emitted value itself rather than an Event.

function isNodeEventTarget(value) {
  return Boolean(value?.constructor?.[kIsNodeEventTarget]);
}

class NodeEventTarget extends EventTarget {
  static [kIsNodeEventTarget] = true;
  static defaultMaxListeners = 10;

  constructor() {
    super();
    initNodeEventTarget(this);
  }

  setMaxListeners(n) {
    if (!isNodeEventTarget(this)) throw new ERR_INVALID_THIS('NodeEventTarget');
    events().setMaxListeners(n, this);
  }

  getMaxListeners() {
    if (!isNodeEventTarget(this)) throw new ERR_INVALID_THIS('NodeEventTarget');
    return this[events().kMaxEventTargetListeners];
  }

  eventNames() {
    if (!isNodeEventTarget(this)) throw new ERR_INVALID_THIS('NodeEventTarget');
    return [...this[kEvents].keys()];
  }

  listenerCount(type) {
    if (!isNodeEventTarget(this)) throw new ERR_INVALID_THIS('NodeEventTarget');
    const root = this[kEvents].get(String(type));
    return root !== undefined ? root.size : 0;
  }

  off(type, listener, options) {
    if (!isNodeEventTarget(this)) throw new ERR_INVALID_THIS('NodeEventTarget');
    this.removeEventListener(type, listener, options);
    return this;
  }

  removeListener(type, listener, options) {
    if (!isNodeEventTarget(this)) throw new ERR_INVALID_THIS('NodeEventTarget');
    this.removeEventListener(type, listener, options);
    return this;
  }

  on(type, listener) {
    if (!isNodeEventTarget(this)) throw new ERR_INVALID_THIS('NodeEventTarget');
    this.addEventListener(type, listener, { __proto__: null, [kIsNodeStyleListener]: true });
    return this;
  }

  addListener(type, listener) {
    if (!isNodeEventTarget(this)) throw new ERR_INVALID_THIS('NodeEventTarget');
    this.addEventListener(type, listener, { __proto__: null, [kIsNodeStyleListener]: true });
    return this;
  }

  emit(type, arg) {
    if (!isNodeEventTarget(this)) throw new ERR_INVALID_THIS('NodeEventTarget');
    if (typeof type !== 'string') throw new ERR_INVALID_ARG_TYPE('type', 'string', type);
    const hadListeners = this.listenerCount(type) > 0;
    this[kHybridDispatch](arg, type);
    return hadListeners;
  }

  once(type, listener) {
    if (!isNodeEventTarget(this)) throw new ERR_INVALID_THIS('NodeEventTarget');
    this.addEventListener(type, listener,
      { __proto__: null, once: true, [kIsNodeStyleListener]: true });
    return this;
  }

  removeAllListeners(type) {
    if (!isNodeEventTarget(this)) throw new ERR_INVALID_THIS('NodeEventTarget');
    if (type !== undefined) this[kEvents].delete(String(type));
    else this[kEvents].clear();
    return this;
  }
}

function initNodeEventTarget(self) {
  initEventTarget(self);
}

enumerable(NodeEventTarget.prototype, ['setMaxListeners', 'getMaxListeners', 'eventNames',
  'listenerCount', 'off', 'removeListener', 'on', 'addListener', 'once', 'emit',
  'removeAllListeners']);

// ---------------------------------------------------------------------------------------------
// `on<event>` attributes (AbortSignal.prototype.onabort...). The first assignment of a callable
// registers one listener; later assignments swap the callback in place, so the handler keeps its
// position among the listeners; assigning a non-callable removes it.

function makeEventHandler(handler) {
  function eventHandler(...args) {
    if (typeof eventHandler.handler !== 'function') return undefined;
    return ReflectApply(eventHandler.handler, this, args);
  }
  eventHandler.handler = handler;
  return eventHandler;
}

function defineEventHandler(emitter, name, event = name) {
  const propName = `on${name}`;
  function get() {
    validateInternalField(this, kHandlers, 'EventTarget');
    return this[kHandlers]?.get(event)?.handler ?? null;
  }
  ObjectDefineProperty(get, 'name', { __proto__: null, value: `get ${propName}` });

  function set(value) {
    validateInternalField(this, kHandlers, 'EventTarget');
    let wrapped = this[kHandlers]?.get(event);
    if (wrapped) {
      // The listener list of `event` is gone when its other listeners were all removed while
      // the handler was not callable (it counted for nothing): then the handler is added anew.
      if (typeof wrapped.handler === 'function') {
        const root = this[kEvents].get(event);
        if (root !== undefined) {
          root.size--;
          this[kRemoveListener](root.size, event, wrapped.handler, false);
        }
      }
      wrapped.handler = value;
      if (typeof wrapped.handler === 'function') {
        const root = this[kEvents].get(event);
        if (root !== undefined) {
          root.size++;
          this[kNewListener](root.size, event, value, false, false, false, false);
        } else {
          this.addEventListener(event, wrapped);
        }
      }
    } else {
      wrapped = makeEventHandler(value);
      this.addEventListener(event, wrapped);
    }
    this[kHandlers].set(event, wrapped);
  }
  ObjectDefineProperty(set, 'name', { __proto__: null, value: `set ${propName}` });

  ObjectDefineProperty(emitter, propName, {
    __proto__: null, get, set, configurable: true, enumerable: true,
  });
}

function validateInternalField(object, field, name) {
  if (typeof object !== 'object' || object === null || !(field in object)) {
    throw new ERR_INVALID_THIS(name);
  }
}

module.exports = {
  Event,
  CustomEvent,
  EventTarget,
  NodeEventTarget,
  defineEventHandler,
  initEventTarget,
  initNodeEventTarget,
  getEventListeners,
  isEventTarget,
  kCreateEvent,
  kEvents,
  kHandlers,
  kNewListener,
  kRemoveListener,
  kTrustEvent,
  kWeakHandler,
  kResistStopPropagation,
  kIsNodeStyleListener,
  kHybridDispatch,
};
