// self-test: fail — a warning with another message than announced.
'use strict';
const common = require('../common');
common.expectWarning('Warning', 'expected text');
process.emitWarning('other text');
