'use strict';
// The Readable helper methods (map, filter, flatMap, drop, take return a new Readable; every,
// forEach, reduce, toArray, some, find return a promise). map() runs up to `concurrency` calls of
// its function at once and keeps results in input order.

const {
  ArrayPrototypePush,
  ArrayPrototypeShift,
  MathFloor,
  Number,
  NumberIsNaN,
  ObjectDefineProperty,
  ObjectKeys,
  Promise,
  PromisePrototypeThen,
  PromiseReject,
  PromiseResolve,
  ReflectApply,
  Symbol,
} = primordials;

const {
  AbortError,
  codes: { ERR_ILLEGAL_CONSTRUCTOR, ERR_MISSING_ARGS, ERR_OUT_OF_RANGE },
} = require('internal/errors');
const {
  validateAbortSignal,
  validateFunction,
  validateInteger,
  validateObject,
} = require('internal/streams/utils');

// A mapped value that produces no output (filter's rejects, forEach's results).
const kSkip = Symbol('kSkip');
const kDone = Symbol('kDone');

function validateSignalOptions(options) {
  if (options != null) validateObject(options, 'options');
  if (options?.signal != null) validateAbortSignal(options.signal, 'options.signal');
}

function map(fn, options) {
  validateFunction(fn, 'fn');
  validateSignalOptions(options);
  let concurrency = 1;
  if (options?.concurrency != null) concurrency = MathFloor(options.concurrency);
  let highWaterMark = concurrency - 1;
  if (options?.highWaterMark != null) highWaterMark = MathFloor(options.highWaterMark);
  validateInteger(concurrency, 'options.concurrency', 1);
  validateInteger(highWaterMark, 'options.highWaterMark', 0);
  // Results waiting to be consumed, on top of the calls in progress.
  const limit = highWaterMark + concurrency;
  const outerSignal = options?.signal;
  const source = this;

  return (async function* map() {
    const signal = outerSignal ? AbortSignal.any([outerSignal]) : new AbortController().signal;
    const fnOptions = { signal };
    // Promises of results, in input order; kDone marks the end of the input.
    const pending = [];
    let running = 0;
    let stopped = false;
    let wakeConsumer = null;
    let wakeProducer = null;

    function maybeWakeProducer() {
      if (wakeProducer && !stopped && running < concurrency && pending.length < limit) {
        const wake = wakeProducer;
        wakeProducer = null;
        wake();
      }
    }
    function settled() {
      running--;
      maybeWakeProducer();
    }
    function failed() {
      stopped = true;
      settled();
    }
    function notifyConsumer() {
      if (wakeConsumer) {
        const wake = wakeConsumer;
        wakeConsumer = null;
        wake();
      }
    }

    async function produce() {
      try {
        for await (const value of source) {
          if (stopped) return;
          if (signal.aborted) throw new AbortError();
          let result;
          try {
            result = fn(value, fnOptions);
            if (result === kSkip) continue;
            result = PromiseResolve(result);
          } catch (err) {
            result = PromiseReject(err);
          }
          running++;
          PromisePrototypeThen(result, settled, failed);
          ArrayPrototypePush(pending, result);
          notifyConsumer();
          if (!stopped && (pending.length >= limit || running >= concurrency)) {
            await new Promise((resolve) => { wakeProducer = resolve; });
          }
        }
        ArrayPrototypePush(pending, kDone);
      } catch (err) {
        const result = PromiseReject(err);
        PromisePrototypeThen(result, settled, failed);
        ArrayPrototypePush(pending, result);
      } finally {
        stopped = true;
        notifyConsumer();
      }
    }

    produce();

    try {
      for (;;) {
        while (pending.length > 0) {
          const value = await pending[0];
          if (value === kDone) return;
          if (signal.aborted) throw new AbortError();
          if (value !== kSkip) yield value;
          ArrayPrototypeShift(pending);
          maybeWakeProducer();
        }
        await new Promise((resolve) => { wakeConsumer = resolve; });
      }
    } finally {
      stopped = true;
      if (wakeProducer) {
        const wake = wakeProducer;
        wakeProducer = null;
        wake();
      }
    }
  })();
}

function filter(fn, options) {
  validateFunction(fn, 'fn');
  async function keepIf(value, opts) {
    return (await fn(value, opts)) ? value : kSkip;
  }
  return ReflectApply(map, this, [keepIf, options]);
}

function flatMap(fn, options) {
  const mapped = ReflectApply(map, this, [fn, options]);
  return (async function* flatMap() {
    for await (const inner of mapped) yield* inner;
  })();
}

function toIntegerOrInfinity(number) {
  number = Number(number);
  if (NumberIsNaN(number)) return 0;
  if (number < 0) throw new ERR_OUT_OF_RANGE('number', '>= 0', number);
  return number;
}

function drop(number, options = undefined) {
  validateSignalOptions(options);
  number = toIntegerOrInfinity(number);
  const source = this;
  return (async function* drop() {
    if (options?.signal?.aborted) throw new AbortError();
    for await (const value of source) {
      if (options?.signal?.aborted) throw new AbortError();
      if (number-- <= 0) yield value;
    }
  })();
}

function take(number, options = undefined) {
  validateSignalOptions(options);
  number = toIntegerOrInfinity(number);
  const source = this;
  return (async function* take() {
    if (options?.signal?.aborted) throw new AbortError();
    for await (const value of source) {
      if (options?.signal?.aborted) throw new AbortError();
      if (number-- > 0) yield value;
      if (number <= 0) return;
    }
  })();
}

async function some(fn, options = undefined) {
  // eslint-disable-next-line no-unused-vars
  for await (const _ of ReflectApply(filter, this, [fn, options])) return true;
  return false;
}

async function every(fn, options = undefined) {
  validateFunction(fn, 'fn');
  const failing = async (...args) => !(await ReflectApply(fn, undefined, args));
  return !(await ReflectApply(some, this, [failing, options]));
}

async function find(fn, options) {
  for await (const found of ReflectApply(filter, this, [fn, options])) return found;
  return undefined;
}

async function forEach(fn, options) {
  validateFunction(fn, 'fn');
  async function call(value, opts) {
    await fn(value, opts);
    return kSkip;
  }
  // eslint-disable-next-line no-unused-vars
  for await (const _ of ReflectApply(map, this, [call, options]));
}

async function reduce(reducer, initialValue, options) {
  validateFunction(reducer, 'reducer');
  validateSignalOptions(options);
  let hasInitialValue = arguments.length > 1;
  if (options?.signal?.aborted) {
    const err = new AbortError(undefined, { cause: options.signal.reason });
    this.once('error', () => {}); // the error is reported through the promise
    await require('internal/streams/end-of-stream').finished(this.destroy(err));
    throw err;
  }
  const ac = new AbortController();
  const signal = ac.signal;
  let onAbort;
  if (options?.signal) {
    onAbort = () => ac.abort();
    options.signal.addEventListener('abort', onAbort, { once: true });
  }
  let sawValue = false;
  try {
    for await (const value of this) {
      sawValue = true;
      if (options?.signal?.aborted) throw new AbortError();
      if (!hasInitialValue) {
        initialValue = value;
        hasInitialValue = true;
      } else {
        initialValue = await reducer(initialValue, value, { signal });
      }
    }
    if (!sawValue && !hasInitialValue) {
      const err = new ERR_MISSING_ARGS('reduce');
      err.message = 'Reduce of an empty stream requires an initial value';
      throw err;
    }
  } finally {
    ac.abort();
    if (onAbort) options.signal.removeEventListener('abort', onAbort);
  }
  return initialValue;
}

async function toArray(options) {
  validateSignalOptions(options);
  const result = [];
  for await (const value of this) {
    if (options?.signal?.aborted) throw new AbortError(undefined, { cause: options.signal.reason });
    ArrayPrototypePush(result, value);
  }
  return result;
}

const streamReturning = { drop, filter, flatMap, map, take };
const promiseReturning = { every, forEach, reduce, toArray, some, find };

function define(proto, op, wrap) {
  function method(...args) {
    if (new.target) throw new ERR_ILLEGAL_CONSTRUCTOR();
    return wrap(ReflectApply(op, this, args));
  }
  ObjectDefineProperty(method, 'name', { __proto__: null, value: op.name });
  ObjectDefineProperty(method, 'length', { __proto__: null, value: op.length });
  ObjectDefineProperty(proto, op.name, {
    __proto__: null, value: method, enumerable: false, configurable: true, writable: true,
  });
}

function install(Readable) {
  const identity = (x) => x;
  const toReadable = (iterable) => Readable.from(iterable);
  for (const key of ObjectKeys(streamReturning)) define(Readable.prototype, streamReturning[key], toReadable);
  for (const key of ObjectKeys(promiseReturning)) define(Readable.prototype, promiseReturning[key], identity);
}

module.exports = { install, streamReturning, promiseReturning };
