// self-test: pass — expectsError() validates like assert.throws and counts its calls.
'use strict';
const common = require('../common');
const assert = require('assert');
const check = common.expectsError({ name: 'TypeError', message: 'bad' }, 2);
check(new TypeError('bad'));
check(new TypeError('bad'));
assert.throws(() => common.expectsError({ name: 'RangeError' })(new TypeError('x')), assert.AssertionError);
