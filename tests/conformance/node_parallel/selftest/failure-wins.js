// self-test: fail — an uncaught exception still fails the test when every mustCall was satisfied.
'use strict';
const common = require('../common');
common.mustCall()();
setTimeout(() => { throw new Error('late failure'); }, 1);
