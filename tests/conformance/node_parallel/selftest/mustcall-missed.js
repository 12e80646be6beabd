// self-test: fail — a mustCall() wrapper that is never called fails the test at exit.
'use strict';
const common = require('../common');
common.mustCall(() => {});
