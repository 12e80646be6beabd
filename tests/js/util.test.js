'use strict';
// node:util's module surface that exists today (inspect/format have their own test files).
const test = require('node:test');
const assert = require('node:assert');
const util = require('node:util');

test('inherits sets the prototype chain and super_', () => {
  function Base() {}
  Base.prototype.hello = function () { return 'hi'; };
  function Child() {}
  util.inherits(Child, Base);
  assert.strictEqual(Object.getPrototypeOf(Child.prototype), Base.prototype);
  assert.strictEqual(new Child().hello(), 'hi');
  assert.deepStrictEqual(Object.getOwnPropertyDescriptor(Child, 'super_'),
    { value: Base, writable: true, enumerable: false, configurable: true });
});

test('inherits validates its arguments', () => {
  function A() {}
  assert.throws(() => util.inherits(null, A), { code: 'ERR_INVALID_ARG_TYPE', name: 'TypeError' });
  assert.throws(() => util.inherits(A), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "superCtor" argument must be of type function. Received undefined',
  });
  assert.throws(() => util.inherits(A, {}), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "superCtor.prototype" property must be of type object. Received undefined',
  });
});

test('isDeepStrictEqual', () => {
  assert.strictEqual(util.isDeepStrictEqual({ a: [1, 2] }, { a: [1, 2] }), true);
  assert.strictEqual(util.isDeepStrictEqual([0], [-0]), false);
  assert.strictEqual(util.isDeepStrictEqual(new Set([1, {}]), new Set([{}, 1])), true);
  assert.strictEqual(util.isDeepStrictEqual(NaN, NaN), true);
});

test('types, inspect and format are reachable from the module', () => {
  assert.strictEqual(util.types.isDate(new Date()), true);
  assert.strictEqual(util.types.isRegExp({}), false);
  assert.strictEqual(util.inspect({ a: 'b' }), "{ a: 'b' }");
  assert.strictEqual(util.format('%s=%d', 'x', 42), 'x=42');
  assert.strictEqual(util.inspect.custom, Symbol.for('nodejs.util.inspect.custom'));
});
