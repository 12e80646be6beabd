'use strict';
// t.mock and test.mock: mock functions and methods that record their calls (MockTracker.fn, method,
// getter, setter), restored by reset()/restoreAll() and, for t.mock, when the test ends. Node's
// mock.timers, mock.module and mock.property are not here yet.

const {
  ArrayIsArray,
  ArrayPrototypePush,
  ArrayPrototypeSlice,
  Error,
  FunctionPrototypeCall,
  NumberIsInteger,
  NumberMAX_SAFE_INTEGER,
  ObjectDefineProperty,
  ObjectFreeze,
  ObjectGetOwnPropertyDescriptor,
  ObjectGetPrototypeOf,
  Proxy,
  ReflectApply,
  ReflectConstruct,
  ReflectGet,
  SafeMap,
} = primordials;

const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_OUT_OF_RANGE },
} = require('internal/errors');

const kEmptyObject = ObjectFreeze({ __proto__: null });
function kDefaultFunction() {}

function validateFunction(value, name) {
  if (typeof value !== 'function') throw new ERR_INVALID_ARG_TYPE(name, 'Function', value);
}

function validateObject(value, name) {
  if (value === null || typeof value !== 'object' || ArrayIsArray(value)) {
    throw new ERR_INVALID_ARG_TYPE(name, 'Object', value);
  }
}

function validateBoolean(value, name) {
  if (typeof value !== 'boolean') throw new ERR_INVALID_ARG_TYPE(name, 'boolean', value);
}

function validateInteger(value, name, min) {
  if (typeof value !== 'number') throw new ERR_INVALID_ARG_TYPE(name, 'number', value);
  if (!NumberIsInteger(value)) throw new ERR_OUT_OF_RANGE(name, 'an integer', value);
  if (value < min || value > NumberMAX_SAFE_INTEGER) {
    throw new ERR_OUT_OF_RANGE(name, `>= ${min} && <= ${NumberMAX_SAFE_INTEGER}`, value);
  }
}

// `times`: how many calls the mock implementation serves before the original comes back.
function validateTimes(value, name) {
  if (value !== Infinity) validateInteger(value, name, 1);
}

function findDescriptor(object, name) {
  for (let host = object; host !== null; host = ObjectGetPrototypeOf(host)) {
    const descriptor = ObjectGetOwnPropertyDescriptor(host, name);
    if (descriptor) return descriptor;
  }
  return undefined;
}

// `fn.mock`: the calls of a mock function and what it does next.
class MockFunctionContext {
  #calls = [];
  #once = new SafeMap();
  #implementation;
  #restore;
  #times;

  constructor(implementation, restore, times) {
    this.#implementation = implementation;
    this.#restore = restore;
    this.#times = times;
  }

  /** The recorded calls: { arguments, error, result, stack, target, this }. */
  get calls() {
    return ArrayPrototypeSlice(this.#calls, 0);
  }

  callCount() {
    return this.#calls.length;
  }

  mockImplementation(implementation) {
    validateFunction(implementation, 'implementation');
    this.#implementation = implementation;
  }

  /** Uses `implementation` for one call: the next one, or call number `onCall` (0-based). */
  mockImplementationOnce(implementation, onCall) {
    validateFunction(implementation, 'implementation');
    const nextCall = this.#calls.length;
    const call = onCall ?? nextCall;
    validateInteger(call, 'onCall', nextCall);
    this.#once.set(call, implementation);
  }

  restore() {
    const { descriptor, object, original, methodName } = this.#restore;
    if (methodName !== undefined) {
      ObjectDefineProperty(object, methodName, { __proto__: null, ...descriptor });
    } else {
      // A bare mock function: from now on it calls the original.
      this.#implementation = original;
    }
  }

  resetCalls() {
    this.#calls = [];
  }

  track(call) {
    ArrayPrototypePush(this.#calls, call);
  }

  next() {
    const nextCall = this.#calls.length;
    const impl = this.#once.get(nextCall) ?? this.#implementation;
    if (nextCall + 1 === this.#times) this.restore();
    this.#once.delete(nextCall);
    return impl;
  }
}

const { track, next, restore } = MockFunctionContext.prototype;
delete MockFunctionContext.prototype.track;
delete MockFunctionContext.prototype.next;

class MockTracker {
  #mocks = [];

  /** A mock function: calls `implementation` (default `original`), records each call. */
  fn(original = function() {}, implementation = original, options = kEmptyObject) {
    if (original !== null && typeof original === 'object') {
      options = original;
      original = function() {};
      implementation = original;
    } else if (implementation !== null && typeof implementation === 'object') {
      options = implementation;
      implementation = original;
    }
    validateFunction(original, 'original');
    validateFunction(implementation, 'implementation');
    validateObject(options, 'options');
    const { times = Infinity } = options;
    validateTimes(times, 'options.times');
    const ctx = new MockFunctionContext(implementation, { __proto__: null, original }, times);
    return this.#setupMock(ctx, original);
  }

  /** Replaces `object[methodName]` (found along the prototype chain) with a mock of it. */
  method(objectOrFunction, methodName, implementation = kDefaultFunction, options = kEmptyObject) {
    if (typeof methodName !== 'string' && typeof methodName !== 'symbol') {
      throw new ERR_INVALID_ARG_TYPE('methodName', ['string', 'symbol'], methodName);
    }
    if (typeof objectOrFunction !== 'function') validateObject(objectOrFunction, 'object');
    if (implementation !== null && typeof implementation === 'object') {
      options = implementation;
      implementation = kDefaultFunction;
    }
    validateFunction(implementation, 'implementation');
    validateObject(options, 'options');
    const { getter = false, setter = false, times = Infinity } = options;
    validateBoolean(getter, 'options.getter');
    validateBoolean(setter, 'options.setter');
    validateTimes(times, 'options.times');
    if (setter && getter) {
      throw new ERR_INVALID_ARG_VALUE('options.setter', setter, "cannot be used with 'options.getter'");
    }
    const descriptor = findDescriptor(objectOrFunction, methodName);
    const original = getter ? descriptor?.get : setter ? descriptor?.set : descriptor?.value;
    if (typeof original !== 'function') {
      throw new ERR_INVALID_ARG_VALUE('methodName', original, 'must be a method');
    }
    const restoreInfo = { __proto__: null, descriptor, object: objectOrFunction, methodName };
    const impl = implementation === kDefaultFunction ? original : implementation;
    const ctx = new MockFunctionContext(impl, restoreInfo, times);
    const mock = this.#setupMock(ctx, original);
    const mockDescriptor = { __proto__: null, configurable: descriptor.configurable, enumerable: descriptor.enumerable };
    if (getter) {
      mockDescriptor.get = mock;
      mockDescriptor.set = descriptor.set;
    } else if (setter) {
      mockDescriptor.get = descriptor.get;
      mockDescriptor.set = mock;
    } else {
      mockDescriptor.writable = descriptor.writable;
      mockDescriptor.value = mock;
    }
    ObjectDefineProperty(objectOrFunction, methodName, mockDescriptor);
    return mock;
  }

  getter(object, methodName, implementation = kDefaultFunction, options = kEmptyObject) {
    if (implementation !== null && typeof implementation === 'object') {
      options = implementation;
      implementation = kDefaultFunction;
    } else {
      validateObject(options, 'options');
    }
    const { getter = true } = options;
    if (getter === false) throw new ERR_INVALID_ARG_VALUE('options.getter', getter, 'cannot be false');
    return this.method(object, methodName, implementation, { __proto__: null, ...options, getter });
  }

  setter(object, methodName, implementation = kDefaultFunction, options = kEmptyObject) {
    if (implementation !== null && typeof implementation === 'object') {
      options = implementation;
      implementation = kDefaultFunction;
    } else {
      validateObject(options, 'options');
    }
    const { setter = true } = options;
    if (setter === false) throw new ERR_INVALID_ARG_VALUE('options.setter', setter, 'cannot be false');
    return this.method(object, methodName, implementation, { __proto__: null, ...options, setter });
  }

  /** Restores every mock and forgets them. */
  reset() {
    this.restoreAll();
    this.#mocks = [];
  }

  restoreAll() {
    for (let i = 0; i < this.#mocks.length; i++) FunctionPrototypeCall(restore, this.#mocks[i]);
  }

  #setupMock(ctx, fnToMatch) {
    const mock = new Proxy(fnToMatch, {
      __proto__: null,
      apply(_fn, thisArg, argList) {
        const fn = FunctionPrototypeCall(next, ctx);
        let result;
        let error;
        try {
          result = ReflectApply(fn, thisArg, argList);
        } catch (err) {
          error = err;
          throw err;
        } finally {
          FunctionPrototypeCall(track, ctx, {
            __proto__: null, arguments: argList, error, result, stack: new Error(), target: undefined, this: thisArg,
          });
        }
        return result;
      },
      construct(target, argList, newTarget) {
        const realTarget = FunctionPrototypeCall(next, ctx);
        let result;
        let error;
        try {
          result = ReflectConstruct(realTarget, argList, newTarget);
        } catch (err) {
          error = err;
          throw err;
        } finally {
          FunctionPrototypeCall(track, ctx, {
            __proto__: null, arguments: argList, error, result, stack: new Error(), target, this: result,
          });
        }
        return result;
      },
      get(target, property, receiver) {
        if (property === 'mock') return ctx;
        return ReflectGet(target, property, receiver);
      },
    });
    ArrayPrototypePush(this.#mocks, ctx);
    return mock;
  }
}

module.exports = { MockTracker };
