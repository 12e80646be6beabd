// self-test: fail — mustSucceed() called with an error.
'use strict';
const common = require('../common');
common.mustSucceed()(new Error('boom'));
