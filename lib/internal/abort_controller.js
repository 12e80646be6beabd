'use strict';
// AbortController and AbortSignal (Node's semantics), plus util.aborted.
//
// AbortSignal.timeout(): the timer is unref'd and holds the signal only through a WeakRef, so a
// timeout signal nobody listens to neither keeps the process alive nor stays in memory. While the
// signal has 'abort' listeners it is held strongly (the listeners expect to be called).
// AbortSignal.any(): the result depends on the non-composite sources (composites are flattened);
// each source holds its dependents through WeakRefs and aborts them after its own 'abort' event, as
// Node does. A composite with listeners is held strongly until it aborts.

const {
  ArrayPrototypePush,
  ObjectAssign,
  ObjectDefineProperties,
  ObjectDefineProperty,
  NumberIsInteger,
  PromiseResolve,
  PromiseWithResolvers,
  SafeFinalizationRegistry,
  SafeSet,
  SafeWeakRef,
  Symbol,
  SymbolFor,
  SymbolToStringTag,
  SymbolIterator,
  TypeError,
} = primordials;

const {
  EventTarget,
  Event,
  defineEventHandler,
  kTrustEvent,
  kNewListener,
  kRemoveListener,
  kResistStopPropagation,
  kWeakHandler,
} = require('internal/event_target');

const {
  codes: {
    ERR_ILLEGAL_CONSTRUCTOR,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_THIS,
    ERR_OUT_OF_RANGE,
  },
} = require('internal/errors');

const { DOMException } = require('internal/per_context/domexception');

const kInspect = SymbolFor('nodejs.util.inspect.custom');
const kDontThrowSymbol = Symbol('kDontThrowSymbol');
const kAborted = Symbol('kAborted');
const kReason = Symbol('kReason');
const kTimeout = Symbol('kTimeout');
const kComposite = Symbol('kComposite');
const kSourceSignals = Symbol('kSourceSignals');
const kDependantSignals = Symbol('kDependantSignals');
const kSignal = Symbol('signal');

let inspectFn;
function inspect(value, options) {
  inspectFn ??= require('internal/util/inspect').inspect;
  return inspectFn(value, options);
}

function customInspect(self, obj, depth, options) {
  if (depth < 0) return self;
  const opts = ObjectAssign({}, options, {
    depth: options.depth === null ? null : options.depth - 1,
  });
  return `${self.constructor.name} ${inspect(obj, opts)}`;
}

function validateThisAbortSignal(obj) {
  if (obj?.[kAborted] === undefined) throw new ERR_INVALID_THIS('AbortSignal');
}

let kMaxEventTargetListeners;

// Timeout and composite signals that currently have 'abort' listeners: held strongly so that the
// listeners still run.
const gcPersistentSignals = new SafeSet();

// A timeout signal collected before its timer fires: the timer is cancelled.
const timeoutRegistry = new SafeFinalizationRegistry((timer) => {
  require('internal/timers').clearTimeout(timer);
});

class AbortSignal extends EventTarget {
  constructor(dontThrowKey = undefined) {
    if (dontThrowKey !== kDontThrowSymbol) throw new ERR_ILLEGAL_CONSTRUCTOR();
    super();
    // Signals never warn about many 'abort' listeners (getMaxListeners(signal) is 0 in Node).
    kMaxEventTargetListeners ??= require('events').kMaxEventTargetListeners;
    this[kMaxEventTargetListeners] = 0;
  }

  get aborted() {
    validateThisAbortSignal(this);
    return this[kAborted];
  }

  get reason() {
    validateThisAbortSignal(this);
    return this[kReason];
  }

  throwIfAborted() {
    validateThisAbortSignal(this);
    if (this[kAborted]) throw this[kReason];
  }

  [kInspect](depth, options) {
    return customInspect(this, { aborted: this.aborted }, depth, options);
  }

  static abort(reason = new DOMException('This operation was aborted', 'AbortError')) {
    return createAbortSignal({ __proto__: null, aborted: true, reason });
  }

  static timeout(delay) {
    validateUint32(delay, 'delay');
    const signal = createAbortSignal();
    signal[kTimeout] = true;
    const ref = new SafeWeakRef(signal);
    const timer = require('internal/timers').setTimeout(() => {
      const s = ref.deref();
      if (s !== undefined) {
        gcPersistentSignals.delete(s);
        abortSignal(s, new DOMException('The operation was aborted due to timeout', 'TimeoutError'));
      }
    }, delay);
    timer.unref();
    timeoutRegistry.register(signal, timer);
    return signal;
  }

  static any(signals) {
    const list = validateAbortSignalArray(signals, 'signals');
    const result = createAbortSignal({ __proto__: null, composite: true });
    if (list.length === 0) return result;
    const resultRef = new SafeWeakRef(result);
    result[kSourceSignals] = new SafeSet();
    for (let i = 0; i < list.length; i++) {
      const signal = list[i];
      if (signal.aborted) {
        result[kAborted] = true;
        result[kReason] = signal.reason;
        return result;
      }
    }
    for (let i = 0; i < list.length; i++) {
      const signal = list[i];
      if (!signal[kComposite]) {
        linkDependant(signal, result, resultRef);
        continue;
      }
      // A composite source contributes its own sources.
      const sources = signal[kSourceSignals];
      if (sources === undefined) continue;
      for (const sourceRef of sources) {
        const source = sourceRef.deref();
        if (source === undefined) continue;
        linkDependant(source, result, resultRef);
      }
    }
    return result;
  }

  [kNewListener](size, type, listener, once, capture, passive, weak) {
    super[kNewListener](size, type, listener, once, capture, passive, weak);
    const isTimeoutOrNonEmptyComposite = this[kTimeout] ||
      (this[kComposite] && this[kSourceSignals]?.size);
    if (isTimeoutOrNonEmptyComposite && type === 'abort' && !this.aborted && !weak && size === 1) {
      gcPersistentSignals.add(this);
    }
  }

  [kRemoveListener](size, type, listener, capture) {
    super[kRemoveListener](size, type, listener, capture);
    if (type === 'abort' && size === 0) gcPersistentSignals.delete(this);
  }
}

function linkDependant(source, result, resultRef) {
  for (const ref of result[kSourceSignals]) {
    if (ref.deref() === source) return;
  }
  result[kSourceSignals].add(new SafeWeakRef(source));
  source[kDependantSignals] ??= new SafeSet();
  source[kDependantSignals].add(resultRef);
}

function validateUint32(value, name) {
  if (typeof value !== 'number') throw new ERR_INVALID_ARG_TYPE(name, 'number', value);
  if (!NumberIsInteger(value)) throw new ERR_OUT_OF_RANGE(name, 'an integer', value);
  if (value < 0 || value > 4294967295) throw new ERR_OUT_OF_RANGE(name, '>= 0 && <= 4294967295', value);
}

// WebIDL sequence<AbortSignal>, with Node's messages.
function validateAbortSignalArray(value, name) {
  if (value === null || typeof value !== 'object' || typeof value[SymbolIterator] !== 'function') {
    const err = new TypeError(`${name} cannot be converted to sequence.`);
    err.code = 'ERR_INVALID_ARG_TYPE';
    throw err;
  }
  const out = [];
  let i = 0;
  for (const signal of value) {
    if (signal === null || typeof signal !== 'object' || signal[kAborted] === undefined) {
      const err = new TypeError(`${name}[${i}] is not of type AbortSignal.`);
      err.code = 'ERR_INVALID_ARG_TYPE';
      throw err;
    }
    ArrayPrototypePush(out, signal);
    i++;
  }
  return out;
}

ObjectDefineProperties(AbortSignal.prototype, {
  aborted: { __proto__: null, enumerable: true },
});
ObjectDefineProperty(AbortSignal.prototype, SymbolToStringTag, {
  __proto__: null, writable: false, enumerable: false, configurable: true, value: 'AbortSignal',
});
defineEventHandler(AbortSignal.prototype, 'abort');

function createAbortSignal(init = { __proto__: null }) {
  const signal = new AbortSignal(kDontThrowSymbol);
  signal[kAborted] = Boolean(init.aborted);
  signal[kReason] = init.reason;
  signal[kComposite] = Boolean(init.composite);
  return signal;
}

function abortSignal(signal, reason) {
  if (signal[kAborted]) return;
  signal[kAborted] = true;
  signal[kReason] = reason;
  const event = new Event('abort', { __proto__: null, [kTrustEvent]: true });
  signal.dispatchEvent(event);
  const dependants = signal[kDependantSignals];
  if (dependants !== undefined) {
    for (const ref of dependants) {
      const dependant = ref.deref();
      if (dependant !== undefined) {
        gcPersistentSignals.delete(dependant);
        abortSignal(dependant, reason);
      }
    }
    signal[kDependantSignals] = undefined;
  }
}

class AbortController {
  #signal;

  constructor() {
    this.#signal = undefined;
  }

  // A foreign receiver gets the engine's TypeError for the private field, as in Node.
  get signal() {
    this.#signal ??= createAbortSignal();
    return this.#signal;
  }

  abort(reason = new DOMException('This operation was aborted', 'AbortError')) {
    abortSignal(this.#signal ??= createAbortSignal(), reason);
  }

  [kInspect](depth, options) {
    return customInspect(this, { signal: this.signal }, depth, options);
  }
}

ObjectDefineProperties(AbortController.prototype, {
  signal: { __proto__: null, enumerable: true },
  abort: { __proto__: null, enumerable: true },
});
ObjectDefineProperty(AbortController.prototype, SymbolToStringTag, {
  __proto__: null, writable: false, enumerable: false, configurable: true, value: 'AbortController',
});

// util.aborted(signal, resource): resolves when the signal aborts, unless `resource` is collected
// first (the listener is only retained by the resource).
async function aborted(signal, resource) {
  if (signal?.[kAborted] === undefined) {
    // WebIDL's conversion error, as Node words it.
    const err = new TypeError('signal is not of type AbortSignal.');
    err.code = 'ERR_INVALID_ARG_TYPE';
    throw err;
  }
  if (resource === null || (typeof resource !== 'object' && typeof resource !== 'function')) {
    throw new ERR_INVALID_ARG_TYPE('resource', 'object', resource);
  }
  if (signal.aborted) return PromiseResolve();
  const { promise, resolve } = PromiseWithResolvers();
  signal.addEventListener('abort', resolve, {
    __proto__: null, [kWeakHandler]: resource, once: true, [kResistStopPropagation]: true,
  });
  return promise;
}

module.exports = {
  AbortController,
  AbortSignal,
  aborted,
  abortSignal,
  createAbortSignal,
  kAborted,
};
