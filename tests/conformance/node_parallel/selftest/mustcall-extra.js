// self-test: fail — one call too many.
'use strict';
const common = require('../common');
const f = common.mustCall(2);
f(); f(); f();
