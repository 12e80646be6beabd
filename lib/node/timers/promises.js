'use strict';
// node:timers/promises: promise-returning setTimeout/setImmediate, an async-iterator setInterval
// and the `scheduler` object, over the timers of internal/timers. Argument errors reject the
// returned promise (they are not thrown); a signal's abort rejects with an AbortError whose cause
// is the signal's reason.

const {
  FunctionPrototypeBind,
  Promise,
  PromisePrototypeFinally,
  PromiseReject,
  ArrayIsArray,
  Symbol,
} = primordials;

const {
  Timeout,
  Immediate,
  clearTimeout,
  clearImmediate,
} = require('internal/timers');

const {
  AbortError,
  codes: {
    ERR_ILLEGAL_CONSTRUCTOR,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_THIS,
  },
} = require('internal/errors');

const kScheduler = Symbol('kScheduler');
const kEmptyObject = Object.freeze({ __proto__: null });

let kResistStopPropagation;
function resistFlag() {
  kResistStopPropagation ??= require('internal/event_target').kResistStopPropagation;
  return kResistStopPropagation;
}

function validateNumber(value, name) {
  if (typeof value !== 'number') throw new ERR_INVALID_ARG_TYPE(name, 'number', value);
}

function validateObject(value, name) {
  if (value === null || typeof value !== 'object' || ArrayIsArray(value)) {
    throw new ERR_INVALID_ARG_TYPE(name, 'Object', value);
  }
}

function validateBoolean(value, name) {
  if (typeof value !== 'boolean') throw new ERR_INVALID_ARG_TYPE(name, 'boolean', value);
}

function validateAbortSignal(signal, name) {
  if (signal !== undefined && (signal === null || typeof signal !== 'object' || !('aborted' in signal))) {
    throw new ERR_INVALID_ARG_TYPE(name, 'AbortSignal', signal);
  }
}

function validateOptions(options) {
  validateObject(options, 'options');
  if (typeof options.signal !== 'undefined') validateAbortSignal(options.signal, 'options.signal');
  if (typeof options.ref !== 'undefined') validateBoolean(options.ref, 'options.ref');
}

function cancelListenerHandler(clear, reject, signal) {
  if (!this._destroyed) {
    clear(this);
    reject(new AbortError(undefined, { cause: signal?.reason }));
  }
}

function setTimeout(after, value, options = kEmptyObject) {
  try {
    if (typeof after !== 'undefined') validateNumber(after, 'delay');
    validateOptions(options);
  } catch (err) {
    return PromiseReject(err);
  }
  const { signal, ref = true } = options;
  if (signal?.aborted) return PromiseReject(new AbortError(undefined, { cause: signal.reason }));
  let oncancel;
  const ret = new Promise((resolve, reject) => {
    const timeout = new Timeout(resolve, after, [value], false, ref);
    if (signal) {
      oncancel = FunctionPrototypeBind(cancelListenerHandler, timeout, clearTimeout, reject, signal);
      signal.addEventListener('abort', oncancel, { __proto__: null, [resistFlag()]: true });
    }
  });
  return oncancel !== undefined ?
    PromisePrototypeFinally(ret, () => signal.removeEventListener('abort', oncancel)) : ret;
}

function setImmediate(value, options = kEmptyObject) {
  try {
    validateOptions(options);
  } catch (err) {
    return PromiseReject(err);
  }
  const { signal, ref = true } = options;
  if (signal?.aborted) return PromiseReject(new AbortError(undefined, { cause: signal.reason }));
  let oncancel;
  const ret = new Promise((resolve, reject) => {
    const immediate = new Immediate(resolve, [value]);
    if (!ref) immediate.unref();
    if (signal) {
      oncancel = FunctionPrototypeBind(cancelListenerHandler, immediate, clearImmediate, reject, signal);
      signal.addEventListener('abort', oncancel, { __proto__: null, [resistFlag()]: true });
    }
  });
  return oncancel !== undefined ?
    PromisePrototypeFinally(ret, () => signal.removeEventListener('abort', oncancel)) : ret;
}

async function* setInterval(after, value, options = kEmptyObject) {
  if (typeof after !== 'undefined') validateNumber(after, 'delay');
  validateOptions(options);
  const { signal, ref = true } = options;
  if (signal?.aborted) throw new AbortError(undefined, { cause: signal.reason });

  let onCancel;
  let interval;
  try {
    let notYielded = 0;
    let callback;
    interval = new Timeout(() => {
      notYielded++;
      if (callback) {
        callback();
        callback = undefined;
      }
    }, after, undefined, true, ref);
    if (signal) {
      onCancel = () => {
        clearTimeout(interval);
        if (callback) {
          callback(PromiseReject(new AbortError(undefined, { cause: signal.reason })));
          callback = undefined;
        }
      };
      signal.addEventListener('abort', onCancel,
        { __proto__: null, once: true, [resistFlag()]: true });
    }
    while (!signal?.aborted) {
      if (notYielded === 0) {
        await new Promise((resolve) => { callback = resolve; });
      }
      for (; notYielded > 0; notYielded--) {
        yield value;
      }
    }
    throw new AbortError(undefined, { cause: signal?.reason });
  } finally {
    clearTimeout(interval);
    signal?.removeEventListener('abort', onCancel);
  }
}

// The Scheduling API's `scheduler` (https://wicg.github.io/scheduling-apis/).
class Scheduler {
  constructor() {
    throw new ERR_ILLEGAL_CONSTRUCTOR();
  }

  yield() {
    if (!this[kScheduler]) throw new ERR_INVALID_THIS('Scheduler');
    return setImmediate();
  }

  wait(delay, options) {
    if (!this[kScheduler]) throw new ERR_INVALID_THIS('Scheduler');
    return setTimeout(delay, undefined, options);
  }
}

const scheduler = { __proto__: Scheduler.prototype, [kScheduler]: true };

module.exports = {
  setTimeout,
  setImmediate,
  setInterval,
  scheduler,
};
