'use strict';
// assert.CallTracker (deprecated in Node, DEP0173): wraps functions to count their calls, and
// verify() fails when a function was not called the expected number of times.

const {
  ArrayPrototypePush,
  ArrayPrototypeSlice,
  Error,
  NumberIsInteger,
  ObjectDefineProperty,
  ObjectFreeze,
  Proxy,
  ReflectApply,
  SafeSet,
  SafeWeakMap,
} = primordials;

const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_OUT_OF_RANGE, ERR_UNAVAILABLE_DURING_EXIT },
} = require('internal/errors');
const AssertionError = require('internal/assert/assertion_error');

// A function that does nothing, with no name (as Function.prototype, which Node uses for it).
const noop = ObjectDefineProperty(function() {}, 'name', { __proto__: null, value: '' });

// The calls of one tracked function.
class CallRecord {
  #expected;
  #calls = [];
  #name;
  #stackTrace;

  constructor(expected, stackTrace, name) {
    this.#expected = expected;
    this.#stackTrace = stackTrace;
    this.#name = name;
  }

  track(thisArg, args) {
    ArrayPrototypePush(this.#calls, ObjectFreeze({ thisArg, arguments: ObjectFreeze(ArrayPrototypeSlice(args)) }));
  }

  reset() {
    this.#calls = [];
  }

  getCalls() {
    return ObjectFreeze(ArrayPrototypeSlice(this.#calls));
  }

  report() {
    if (this.#calls.length === this.#expected) return undefined;
    return {
      message: `Expected the ${this.#name} function to be executed ${this.#expected} time(s) but was executed ` +
        `${this.#calls.length} time(s).`,
      actual: this.#calls.length,
      expected: this.#expected,
      operator: this.#name,
      stack: this.#stackTrace,
    };
  }
}

class CallTracker {
  #records = new SafeSet();
  #tracked = new SafeWeakMap();

  #recordOf(tracked) {
    const record = this.#tracked.get(tracked);
    if (record === undefined) throw new ERR_INVALID_ARG_VALUE('tracked', tracked, 'is not a tracked function');
    return record;
  }

  reset(tracked) {
    if (tracked === undefined) {
      for (const record of this.#records) record.reset();
      return;
    }
    this.#recordOf(tracked).reset();
  }

  getCalls(tracked) {
    return this.#recordOf(tracked).getCalls();
  }

  calls(fn, expected = 1) {
    if (process._exiting) throw new ERR_UNAVAILABLE_DURING_EXIT();
    if (typeof fn === 'number') {
      expected = fn;
      fn = noop;
    } else if (fn === undefined) {
      fn = noop;
    }
    if (typeof expected !== 'number') throw new ERR_INVALID_ARG_TYPE('expected', 'number', expected);
    if (!NumberIsInteger(expected)) throw new ERR_OUT_OF_RANGE('expected', 'an integer', expected);
    if (expected < 1 || expected > 4294967295) {
      throw new ERR_OUT_OF_RANGE('expected', '>= 1 && <= 4294967295', expected);
    }
    const record = new CallRecord(expected, new Error(), fn.name || 'calls');
    const tracked = new Proxy(fn, {
      __proto__: null,
      apply(target, thisArg, args) {
        record.track(thisArg, args);
        return ReflectApply(target, thisArg, args);
      },
    });
    this.#records.add(record);
    this.#tracked.set(tracked, record);
    return tracked;
  }

  report() {
    const errors = [];
    for (const record of this.#records) {
      const report = record.report();
      if (report !== undefined) ArrayPrototypePush(errors, report);
    }
    return errors;
  }

  verify() {
    const errors = this.report();
    if (errors.length === 0) return;
    const message = errors.length === 1 ? errors[0].message : 'Functions were not called the expected number of times';
    throw new AssertionError({ message, details: errors });
  }
}

let warned = false;
// The class as assert exports it: using it warns once that it is deprecated. Its name is Node's
// ('deprecated', the name of the wrapper Node puts around deprecated functions).
const deprecated = class extends CallTracker {
  constructor() {
    super();
    if (!warned) {
      warned = true;
      process.emitWarning('assert.CallTracker is deprecated.', 'DeprecationWarning', 'DEP0173');
    }
  }
};
module.exports = { CallTracker: deprecated };
