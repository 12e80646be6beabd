// self-test: pass — mustNotMutateObjectDeep() reads through and rejects every kind of mutation.
'use strict';
const common = require('../common');
const assert = require('assert');
const original = { a: 1, nested: { list: [1, 2] } };
const frozen = common.mustNotMutateObjectDeep(original);
assert.deepStrictEqual(frozen, original);
assert.strictEqual(frozen.nested.list[1], 2);
assert.throws(() => { frozen.a = 2; }, assert.AssertionError);
assert.throws(() => { frozen.nested.list.push(3); }, assert.AssertionError);
assert.throws(() => { delete frozen.nested; }, assert.AssertionError);
assert.throws(() => Object.defineProperty(frozen, 'b', { value: 1 }), assert.AssertionError);
assert.throws(() => Object.setPrototypeOf(frozen.nested, null), assert.AssertionError);
assert.strictEqual(common.mustNotMutateObjectDeep(5), 5);
original.a = 3; // the original stays writable
assert.strictEqual(frozen.a, 3);
