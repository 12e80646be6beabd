'use strict';
// node:test: test()/it(), describe()/suite(), the before/after/beforeEach/afterEach hooks,
// test.assert.register() and test.mock (mock functions and methods). Running a file that uses it
// prints Node's spec report and sets process.exitCode to 1 when a test fails; `dx test` runs files
// with the report sent to it as JSON.

const {
  ObjectAssign,
  ObjectDefineProperty,
} = primordials;

const { test, suite, before, after, beforeEach, afterEach, getTestContext } = require('internal/test_runner/harness');

module.exports = test;
ObjectAssign(module.exports, {
  after,
  afterEach,
  before,
  beforeEach,
  describe: suite,
  getTestContext,
  it: test,
  suite,
  test,
});

let lazyMock;
ObjectDefineProperty(module.exports, 'mock', {
  __proto__: null,
  configurable: true,
  enumerable: true,
  get() {
    if (lazyMock === undefined) {
      const { MockTracker } = require('internal/test_runner/mock');
      lazyMock = new MockTracker();
    }
    return lazyMock;
  },
});

let lazyAssert;
ObjectDefineProperty(module.exports, 'assert', {
  __proto__: null,
  configurable: true,
  enumerable: true,
  get() {
    if (lazyAssert === undefined) {
      const { registerAssertion } = require('internal/test_runner/test');
      lazyAssert = { __proto__: null, register: registerAssertion };
    }
    return lazyAssert;
  },
});
