'use strict';
// Our own stand-in for web-platform-tests' testharness.js, shared by the WPT runners under
// tests/conformance (wpt_encoding, wpt_streams). It implements the part of testharness's API those
// tests use, with testharness's semantics where they matter:
//  - test() runs at once; async_test() starts at once and ends at t.done(); promise_test()s run one
//    after another, the first after the defining script has finished, each after the previous one
//    (and its cleanups) is over;
//  - a step that throws fails its test and ends it; later steps of an ended test do not run;
//  - assert_equals and friends compare with SameValue (so -0 !== 0 and NaN === NaN);
//  - assert_throws_js / promise_rejects_js want an object whose constructor is exactly the given one
//    (not a subclass) and whose name is the constructor's name.
// Results are collected, not printed: the runner prints them. One file runs at a time (runFile).

const results = [];
let currentFile = '';
let fileTests = []; // tests of the running file not yet over
let promiseChain = Promise.resolve();
let lastStarted = null; // the test an uncaught error is blamed on
const timeoutMs = Number(process.env.WPT_TIMEOUT_MS) || 5000;

class AssertionError extends Error {
  constructor(message) {
    super(message);
    this.name = 'AssertionError';
  }
}

function formatValue(v, seen) {
  if (typeof v === 'string') {
    let out = '"';
    for (const ch of v) {
      const c = ch.codePointAt(0);
      if (ch === '"' || ch === '\\') out += `\\${ch}`;
      else if (c < 0x20 || (c >= 0x7f && c < 0xa0) || (c >= 0xd800 && c <= 0xdfff) || c === 0xfffd || c === 0xfeff) {
        out += `\\u${c.toString(16).toUpperCase().padStart(4, '0')}`;
      } else {
        out += ch;
      }
    }
    return `${out}"`;
  }
  if (typeof v === 'number' && Object.is(v, -0)) return '-0';
  if (typeof v === 'bigint') return `${v}n`;
  if (typeof v === 'symbol') return String(v);
  if (v === null || typeof v !== 'object') return String(v);
  seen = seen || new Set();
  if (seen.has(v)) return '[...]';
  seen.add(v);
  if (Array.isArray(v) || ArrayBuffer.isView(v)) {
    return `[${Array.prototype.map.call(v, (x) => formatValue(x, seen)).join(', ')}]`;
  }
  if (v instanceof Error) return `object "${v.name}: ${v.message}"`;
  try {
    const s = String(v);
    if (s !== '[object Object]') return s;
    return `object {${Object.keys(v).map((k) => `${k}: ${formatValue(v[k], seen)}`).join(', ')}}`;
  } catch {
    return '[object]';
  }
}

function fail(kind, description, detail) {
  throw new AssertionError(`${kind}: ${description ? `${description} ` : ''}${detail}`);
}

function assert_equals(actual, expected, description) {
  if (typeof actual !== typeof expected) {
    fail('assert_equals', description,
      `expected (${typeof expected}) ${formatValue(expected)} but got (${typeof actual}) ${formatValue(actual)}`);
  }
  if (!Object.is(actual, expected)) fail('assert_equals', description, `expected ${formatValue(expected)} but got ${formatValue(actual)}`);
}

function assert_not_equals(actual, expected, description) {
  if (Object.is(actual, expected)) fail('assert_not_equals', description, `got disallowed value ${formatValue(actual)}`);
}

function assert_true(actual, description) {
  if (actual !== true) fail('assert_true', description, `expected true got ${formatValue(actual)}`);
}

function assert_false(actual, description) {
  if (actual !== false) fail('assert_false', description, `expected false got ${formatValue(actual)}`);
}

function assert_in_array(actual, expected, description) {
  if (!expected.some((e) => Object.is(e, actual))) {
    fail('assert_in_array', description, `value ${formatValue(actual)} not in array ${formatValue(expected)}`);
  }
}

function numberCheck(kind, actual, expected, description) {
  if (typeof actual !== 'number' && typeof actual !== 'bigint') fail(kind, description, `expected a number but got ${typeof actual}`);
  if (typeof actual !== typeof expected) fail(kind, description, `expected ${typeof expected} but got ${typeof actual}`);
}

function assert_greater_than(actual, expected, description) {
  numberCheck('assert_greater_than', actual, expected, description);
  if (!(actual > expected)) fail('assert_greater_than', description, `expected a number greater than ${expected} but got ${actual}`);
}

function assert_greater_than_equal(actual, expected, description) {
  numberCheck('assert_greater_than_equal', actual, expected, description);
  if (!(actual >= expected)) fail('assert_greater_than_equal', description, `expected a number >= ${expected} but got ${actual}`);
}

function assert_less_than(actual, expected, description) {
  numberCheck('assert_less_than', actual, expected, description);
  if (!(actual < expected)) fail('assert_less_than', description, `expected a number less than ${expected} but got ${actual}`);
}

function assert_less_than_equal(actual, expected, description) {
  numberCheck('assert_less_than_equal', actual, expected, description);
  if (!(actual <= expected)) fail('assert_less_than_equal', description, `expected a number <= ${expected} but got ${actual}`);
}

function assert_approx_equals(actual, expected, epsilon, description) {
  if (typeof actual !== 'number') fail('assert_approx_equals', description, `expected a number but got ${typeof actual}`);
  if (!(Math.abs(actual - expected) <= epsilon)) {
    fail('assert_approx_equals', description, `expected ${expected} +/- ${epsilon} but got ${actual}`);
  }
}

function assert_regexp_match(actual, expected, description) {
  if (!expected.test(actual)) fail('assert_regexp_match', description, `expected ${expected} but got ${formatValue(actual)}`);
}

function assert_class_string(object, className, description) {
  const actual = Object.prototype.toString.call(object);
  const expected = `[object ${className}]`;
  if (actual !== expected) fail('assert_class_string', description, `expected ${formatValue(expected)} but got ${formatValue(actual)}`);
}

function assert_own_property(object, name, description) {
  if (!Object.prototype.hasOwnProperty.call(object, name)) fail('assert_own_property', description, `expected property ${formatValue(name)} missing`);
}

function assert_not_own_property(object, name, description) {
  if (Object.prototype.hasOwnProperty.call(object, name)) fail('assert_not_own_property', description, `unexpected property ${formatValue(name)} found`);
}

function assert_inherits(object, name, description) {
  if (typeof object !== 'object' && typeof object !== 'function') fail('assert_inherits', description, 'provided value is not an object');
  if (Object.prototype.hasOwnProperty.call(object, name)) fail('assert_inherits', description, `property ${formatValue(name)} found on object, expected in prototype chain`);
  if (!(name in object)) fail('assert_inherits', description, `property ${formatValue(name)} not found in prototype chain`);
}

function assert_array_equals(actual, expected, description) {
  if (typeof actual !== 'object' || actual === null || !('length' in actual)) {
    fail('assert_array_equals', description, `value is ${formatValue(actual)}, expected array`);
  }
  if (actual.length !== expected.length) {
    fail('assert_array_equals', description, `lengths differ, expected array ${formatValue(expected)} length ${expected.length}, got ${formatValue(actual)} length ${actual.length}`);
  }
  for (let i = 0; i < expected.length; i++) {
    if (Object.prototype.hasOwnProperty.call(actual, i) !== Object.prototype.hasOwnProperty.call(expected, i)) {
      fail('assert_array_equals', description, `expected property ${i} to be ${Object.prototype.hasOwnProperty.call(expected, i)} but was not`);
    }
    if (!Object.is(actual[i], expected[i])) {
      fail('assert_array_equals', description, `expected ${formatValue(expected[i])} at index ${i}, got ${formatValue(actual[i])}`);
    }
  }
}

// testharness compares the enumerable properties (own and inherited) of both sides, recursing into
// object values and comparing the rest with SameValue.
function assert_object_equals(actual, expected, description) {
  if (typeof actual !== 'object' || actual === null) {
    fail('assert_object_equals', description, `value is ${formatValue(actual)}, expected object`);
  }
  const stack = [];
  function check(a, e, path) {
    stack.push(a);
    for (const p in a) {
      if (!(p in e)) fail('assert_object_equals', description, `unexpected property ${[...path, p].join('.')}`);
    }
    for (const p in e) {
      if (!(p in a)) fail('assert_object_equals', description, `expected property ${[...path, p].join('.')} missing`);
      const av = a[p];
      const ev = e[p];
      if (typeof ev === 'object' && ev !== null) {
        if (typeof av !== 'object' || av === null) {
          fail('assert_object_equals', description, `property ${[...path, p].join('.')} expected object got ${formatValue(av)}`);
        }
        if (!stack.includes(av)) check(av, ev, [...path, p]);
      } else if (!Object.is(av, ev)) {
        fail('assert_object_equals', description, `property ${[...path, p].join('.')} expected ${formatValue(ev)} got ${formatValue(av)}`);
      }
    }
    stack.pop();
  }
  check(actual, expected, []);
}

function checkJsError(kind, constructor, e, description) {
  if (typeof e !== 'object' || e === null) fail(kind, description, `${formatValue(e)} is not an object`);
  if (e.constructor !== constructor) {
    fail(kind, description, `expected a ${constructor.name}, got ${e.constructor?.name} (${formatValue(e)})`);
  }
  if (e.name !== constructor.name) fail(kind, description, `expected name ${constructor.name}, got ${e.name}`);
}

// DOMException names by legacy code, for assert_throws_dom(number, ...).
const domCodes = {
  1: 'IndexSizeError', 3: 'HierarchyRequestError', 4: 'WrongDocumentError', 5: 'InvalidCharacterError',
  7: 'NoModificationAllowedError', 8: 'NotFoundError', 9: 'NotSupportedError', 11: 'InvalidStateError',
  12: 'SyntaxError', 13: 'InvalidModificationError', 14: 'NamespaceError', 15: 'InvalidAccessError',
  17: 'TypeMismatchError', 18: 'SecurityError', 19: 'NetworkError', 20: 'AbortError', 21: 'URLMismatchError',
  22: 'QuotaExceededError', 23: 'TimeoutError', 24: 'InvalidNodeTypeError', 25: 'DataCloneError',
};
const domNameAliases = { INDEX_SIZE_ERR: 'IndexSizeError', INVALID_STATE_ERR: 'InvalidStateError',
  NOT_SUPPORTED_ERR: 'NotSupportedError', SYNTAX_ERR: 'SyntaxError', ABORT_ERR: 'AbortError',
  DATA_CLONE_ERR: 'DataCloneError', NOT_FOUND_ERR: 'NotFoundError', TIMEOUT_ERR: 'TimeoutError' };

function checkDomError(kind, type, constructor, e, description) {
  const name = typeof type === 'number' ? domCodes[type] : (domNameAliases[type] || type);
  if (typeof e !== 'object' || e === null) fail(kind, description, `${formatValue(e)} is not an object`);
  const ctor = constructor || globalThis.DOMException;
  if (typeof ctor !== 'function') fail(kind, description, 'DOMException is not defined');
  if (!(e instanceof ctor) || e.constructor !== ctor) {
    fail(kind, description, `expected a DOMException, got ${e.constructor?.name} (${formatValue(e)})`);
  }
  if (e.name !== name) fail(kind, description, `expected name ${name}, got ${e.name}`);
}

function assert_throws_js(constructor, func, description) {
  try {
    func.call(this);
  } catch (e) {
    if (e instanceof AssertionError) throw e;
    checkJsError('assert_throws_js', constructor, e, description);
    return;
  }
  fail('assert_throws_js', description, `${func} did not throw`);
}

function assert_throws_exactly(exception, func, description) {
  try {
    func.call(this);
  } catch (e) {
    if (!Object.is(e, exception)) fail('assert_throws_exactly', description, `${formatValue(e)} is not the expected ${formatValue(exception)}`);
    return;
  }
  fail('assert_throws_exactly', description, `${func} did not throw`);
}

// assert_throws_dom(type, func, description) or (type, constructor, func, description).
function assert_throws_dom(type, a, b, c) {
  const [constructor, func, description] = typeof b === 'function' ? [a, b, c] : [undefined, a, b];
  try {
    func.call(this);
  } catch (e) {
    checkDomError('assert_throws_dom', type, constructor, e, description);
    return;
  }
  fail('assert_throws_dom', description, `${func} did not throw`);
}

function assert_unreached(description) {
  fail('assert_unreached', description, 'reached unreachable code');
}

function assert_implements(condition, description) {
  if (!condition) fail('assert_implements', description, 'not implemented');
}

function assert_implements_optional(condition, description) {
  if (!condition) fail('assert_implements_optional', description, 'optional feature not implemented');
}

function rejectsCheck(test, kind, promise, check, description) {
  return Promise.resolve(promise).then(
    () => test.step(() => fail(kind, description, 'promise resolved instead of rejecting')),
    (e) => test.step(() => check(e)));
}

function promise_rejects_js(test, constructor, promise, description) {
  return rejectsCheck(test, 'promise_rejects_js', promise,
    (e) => checkJsError('promise_rejects_js', constructor, e, description), description);
}

function promise_rejects_exactly(test, exception, promise, description) {
  return rejectsCheck(test, 'promise_rejects_exactly', promise, (e) => {
    if (!Object.is(e, exception)) fail('promise_rejects_exactly', description, `${formatValue(e)} is not the expected ${formatValue(exception)}`);
  }, description);
}

// promise_rejects_dom(test, type, promise, description) or (test, type, constructor, promise, description).
function promise_rejects_dom(test, type, a, b, c) {
  const [constructor, promise, description] = typeof a === 'function' && b !== undefined && typeof b.then === 'function' ? [a, b, c] : [undefined, a, b];
  return rejectsCheck(test, 'promise_rejects_dom', promise,
    (e) => checkDomError('promise_rejects_dom', type, constructor, e, description), description);
}

class Test {
  constructor(name, kind) {
    this.name = String(name);
    this.kind = kind;
    this.file = currentFile;
    this.error = undefined;
    this.over = false; // has a result
    this.cleanups = [];
    this.timer = null;
    this.finished = new Promise((resolve) => {
      this.resolveFinished = resolve;
    });
    results.push(this);
  }

  step(func, thisObj, ...args) {
    if (this.over) return undefined;
    if (arguments.length === 1) thisObj = this;
    lastStarted = this;
    try {
      return func.apply(thisObj, args);
    } catch (e) {
      this.setError(e);
      this.done();
      return undefined;
    }
  }

  step_func(func, thisObj) {
    const t = this;
    const useThis = arguments.length === 1;
    return function (...args) {
      return t.step(func, useThis ? t : thisObj, ...args);
    };
  }

  step_func_done(func, thisObj) {
    const t = this;
    const useThis = arguments.length === 1;
    return function (...args) {
      if (func) t.step(func, useThis ? t : thisObj, ...args);
      t.done();
    };
  }

  unreached_func(description) {
    return this.step_func(() => assert_unreached(description));
  }

  step_timeout(func, ms, ...args) {
    return setTimeout(this.step_func(() => func.apply(this, args)), ms);
  }

  add_cleanup(fn) {
    this.cleanups.push(fn);
  }

  setError(e) {
    if (this.error === undefined) {
      this.error = (typeof e === 'object' && e !== null) ? String(e.message ?? e) : String(e);
      if (this.error === '') this.error = formatValue(e);
      if (!(e instanceof AssertionError) && typeof e === 'object' && e !== null && e.name) {
        this.error = `${e.name}: ${this.error}`;
      }
    }
  }

  done() {
    if (this.over) return;
    this.over = true;
    if (this.timer) clearTimeout(this.timer);
    const pending = [];
    for (const fn of this.cleanups) {
      try {
        const r = fn();
        if (r && typeof r.then === 'function') pending.push(r);
      } catch (e) {
        this.setError(e);
      }
    }
    Promise.all(pending).then(() => this.resolveFinished(), (e) => {
      this.setError(e);
      this.resolveFinished();
    });
  }

  startTimer() {
    this.timer = setTimeout(() => {
      this.setError(new AssertionError('timeout'));
      this.done();
    }, timeoutMs);
  }
}

function test(fn, name) {
  const t = new Test(name, 'sync');
  fileTests.push(t);
  t.step(fn, t, t);
  t.done();
}

function async_test(fn, name) {
  if (typeof fn !== 'function') {
    name = fn;
    fn = undefined;
  }
  const t = new Test(name, 'async');
  fileTests.push(t);
  t.startTimer();
  if (fn) t.step(fn, t, t);
  return t;
}

function promise_test(fn, name) {
  const t = new Test(name, 'promise');
  fileTests.push(t);
  promiseChain = promiseChain.then(() => {
    t.startTimer();
    const p = t.step(fn, t, t);
    if (!t.over) {
      if (!p || typeof p.then !== 'function') {
        t.step(() => fail('promise_test', undefined, "test body must return a 'thenable' object"));
      } else {
        Promise.resolve(p).then(() => t.done(), (e) => {
          t.setError(e);
          t.done();
        });
      }
    }
    return t.finished;
  });
}

function step_timeout(func, ms, ...args) {
  return setTimeout(() => func(...args), ms);
}

const globals = {
  test, async_test, promise_test, step_timeout,
  assert_equals, assert_not_equals, assert_true, assert_false, assert_in_array, assert_array_equals,
  assert_object_equals, assert_greater_than, assert_greater_than_equal, assert_less_than,
  assert_less_than_equal, assert_approx_equals, assert_regexp_match, assert_class_string,
  assert_own_property, assert_not_own_property, assert_inherits,
  assert_throws_js, assert_throws_exactly, assert_throws_dom, assert_unreached,
  assert_implements, assert_implements_optional,
  promise_rejects_js, promise_rejects_exactly, promise_rejects_dom,
  format_value: (v) => formatValue(v),
  setup() {}, done() {}, add_completion_callback() {}, add_result_callback() {},
};

let uncaught = null;

function install() {
  Object.assign(globalThis, globals);
  globalThis.self = globalThis;
  // subset-tests.js reads the variant from the URL; no variant runs every subtest.
  globalThis.location = { search: '' };
  // /common/gc.js prefers TestUtils.gc(); give it the runtime's gc when there is one (node --expose-gc).
  if (typeof globalThis.gc === 'function') globalThis.TestUtils = { gc: async () => globalThis.gc() };
  // An error thrown outside any step (a callback the test did not wrap) fails the test that ran
  // last, as testharness fails the page. Unhandled rejections are reported per file: the streams
  // algorithms mark the promises they create as handled, so one escaping is a finding.
  process.on('uncaughtException', (e) => {
    const t = lastStarted;
    if (t && !t.over) {
      t.setError(new AssertionError(`uncaught exception: ${e?.message ?? e}`));
      t.done();
    } else {
      uncaught = uncaught || `uncaught exception: ${e?.message ?? e}`;
    }
  });
  process.on('unhandledRejection', () => {});
}

// Runs one bundle (a function that defines tests) and resolves when all its tests are over.
async function runFile(file, run) {
  currentFile = file;
  fileTests = [];
  uncaught = null;
  promiseChain = Promise.resolve();
  try {
    run();
  } catch (e) {
    const t = new Test('(file)', 'sync');
    t.setError(new AssertionError(`uncaught: ${e?.name}: ${e?.message ?? e}`));
    t.over = true;
  }
  // Tests may define more promise tests while running; wait until the chain stops growing.
  let chain;
  do {
    chain = promiseChain;
    await chain;
  } while (chain !== promiseChain);
  for (let i = 0; i < fileTests.length; i++) await fileTests[i].finished;
  if (uncaught) {
    const t = new Test('(uncaught)', 'sync');
    t.setError(new AssertionError(uncaught));
    t.over = true;
  }
}

module.exports = { install, runFile, results, formatValue };
