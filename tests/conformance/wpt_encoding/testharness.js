'use strict';
// A small stand-in for web-platform-tests' testharness.js, written for this runner: enough of its
// API (test, promise_test, the assert_* functions, format_value, setup/done, subset variants via
// `location`) to run the Encoding Standard's .any.js tests under dx and Node. Results are
// collected, not printed; run.js prints them.

const results = [];
const pending = [];
let currentFile = '';

class AssertionError extends Error {
  constructor(message) {
    super(message);
    this.name = 'AssertionError';
  }
}

function formatValue(v) {
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
  if (Array.isArray(v) || ArrayBuffer.isView(v)) return `[${Array.prototype.map.call(v, formatValue).join(', ')}]`;
  try {
    return String(v);
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

function assert_array_equals(actual, expected, description) {
  if (typeof actual !== 'object' || actual === null || !('length' in actual)) {
    fail('assert_array_equals', description, `value is ${formatValue(actual)}, expected array`);
  }
  if (actual.length !== expected.length) {
    fail('assert_array_equals', description, `lengths differ, expected ${expected.length} got ${actual.length}`);
  }
  for (let i = 0; i < expected.length; i++) {
    if (!Object.is(actual[i], expected[i])) {
      fail('assert_array_equals', description, `expected ${formatValue(expected[i])} at index ${i}, got ${formatValue(actual[i])}`);
    }
  }
}

// The thrown value must be an instance made by `constructor` itself (not a subclass), as
// testharness checks it: same constructor, same name.
function assert_throws_js(constructor, func, description) {
  try {
    func.call(this);
  } catch (e) {
    if (typeof e !== 'object' || e === null) fail('assert_throws_js', description, `${formatValue(e)} is not an object`);
    if (e.constructor !== constructor) {
      fail('assert_throws_js', description, `expected a ${constructor.name}, got constructor ${e.constructor?.name}`);
    }
    if (e.name !== constructor.name) fail('assert_throws_js', description, `expected name ${constructor.name}, got ${e.name}`);
    return;
  }
  fail('assert_throws_js', description, `${func} did not throw`);
}

function assert_unreached(description) {
  fail('assert_unreached', description, 'reached unreachable code');
}

function record(name, error) {
  results.push({ file: currentFile, name: String(name), error: error === undefined ? undefined : String(error?.message ?? error) });
}

function test(fn, name) {
  const t = { name, step_func: (f) => f, unreached_func: (msg) => () => assert_unreached(msg) };
  try {
    fn.call(t, t);
    record(name);
  } catch (e) {
    record(name, e);
  }
}

function promise_test(fn, name) {
  pending.push({ file: currentFile, fn, name });
}

async function runPending() {
  while (pending.length) {
    const { file, fn, name } = pending.shift();
    currentFile = file;
    try {
      await fn({ name });
      record(name);
    } catch (e) {
      record(name, e);
    }
  }
}

const globals = {
  test, promise_test, assert_equals, assert_not_equals, assert_true, assert_false, assert_array_equals,
  assert_throws_js, assert_unreached, format_value: formatValue,
  setup() {}, done() {}, add_completion_callback() {},
};

function install() {
  Object.assign(globalThis, globals);
  globalThis.self = globalThis;
  // subset-tests.js reads the variant from the URL; no variant runs every subtest.
  globalThis.location = { search: '' };
}

module.exports = {
  install, runPending, results,
  setFile(f) {
    currentFile = f;
  },
};
