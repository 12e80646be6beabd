// self-test: pass — a mustCall() wrapper called exactly as often as asked, partly later in the loop.
'use strict';
const common = require('../common');
const twice = common.mustCall((x) => x * 2, 2);
if (twice(1) !== 2) throw new Error('the wrapper must return what the function returns');
setTimeout(() => twice(2), 1);
const once = common.mustCall();
setImmediate(once);
const counted = common.mustCall(3);
counted(); counted(); counted();
if (common.mustCall(function named(a, b) {}, 0).length !== 2) throw new Error('the wrapper keeps the length');
