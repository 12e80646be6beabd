// self-test: fail — an announced warning that never comes.
'use strict';
const common = require('../common');
common.expectWarning('Warning', 'never emitted');
