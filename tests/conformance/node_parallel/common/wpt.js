// DX-JS stand-in for test/common/wpt (see index.js): the few testharness.js functions Node's own
// "custom" URL tests call through `require('../common/wpt').harness`. Each test() runs at once and
// fails the process with the test's name when its body throws.
'use strict';

const assert = require('assert');
const util = require('util');

function named(description, err) {
  if (err && typeof err === 'object' && typeof err.message === 'string' && description) {
    err.message = `${description}: ${err.message}`;
  }
  return err;
}

function test(fn, description) {
  try {
    fn();
  } catch (err) {
    throw named(description, err);
  }
}

async function promise_test(fn, description) {
  try {
    await fn();
  } catch (err) {
    throw named(description, err);
  }
}

function assert_equals(actual, expected, description) {
  // testharness.js compares with SameValue apart from +0/-0, which it keeps apart as Object.is does.
  assert.ok(Object.is(actual, expected),
            `${description ? description + ': ' : ''}expected ${util.inspect(expected)} but got ${util.inspect(actual)}`);
}

function assert_not_equals(actual, expected, description) {
  assert.ok(!Object.is(actual, expected),
            `${description ? description + ': ' : ''}got disallowed value ${util.inspect(actual)}`);
}

function assert_array_equals(actual, expected, description) {
  const prefix = description ? description + ': ' : '';
  assert.ok(actual !== null && typeof actual === 'object' && 'length' in actual, `${prefix}value is not array-like`);
  assert.strictEqual(actual.length, expected.length, `${prefix}lengths differ`);
  for (let i = 0; i < expected.length; i++) {
    assert.ok(Object.is(actual[i], expected[i]),
              `${prefix}index ${i}: expected ${util.inspect(expected[i])} but got ${util.inspect(actual[i])}`);
  }
}

function assert_true(value, description) {
  assert.strictEqual(value, true, description);
}

function assert_false(value, description) {
  assert.strictEqual(value, false, description);
}

function assert_throws_js(Ctor, fn, description) {
  assert.throws(fn, (err) => err instanceof Ctor && err.constructor === Ctor, description);
}

module.exports = {
  harness: {
    test,
    promise_test,
    assert_equals,
    assert_not_equals,
    assert_array_equals,
    assert_true,
    assert_false,
    assert_throws_js,
  },
};
