// self-test: pass — invalidArgTypeHelper() matches the runtime's own ERR_INVALID_ARG_TYPE messages.
'use strict';
const common = require('../common');
const assert = require('assert');
const path = require('path');
const EventEmitter = require('events');
const notFunctions = [5, 1.5, -0, NaN, 10n, true, null, undefined, Symbol('s'),
                      'a string that is longer than 28 chars', 'short', "it's 28 characters long, yes",
                      123456789012345678901234567890123456789n, Symbol('a long description for a symbol'), {}, [], new Map(), Object.create(null),
                      new (class Foo {})()];
for (const input of notFunctions) {
  assert.throws(() => new EventEmitter().on('x', input), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "listener" argument must be of type function.' + common.invalidArgTypeHelper(input),
  });
}
for (const input of [function named() {}, () => {}, class K {}]) {
  assert.throws(() => path.basename(input), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "path" argument must be of type string.' + common.invalidArgTypeHelper(input),
  });
}
