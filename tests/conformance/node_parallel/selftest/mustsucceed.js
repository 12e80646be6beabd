// self-test: pass — mustSucceed() passes the results on when there is no error.
'use strict';
const common = require('../common');
const assert = require('assert');
const cb = common.mustSucceed((a, b) => assert.deepStrictEqual([a, b], [1, 2]));
cb(null, 1, 2);
