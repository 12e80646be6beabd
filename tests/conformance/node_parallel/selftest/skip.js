// self-test: skip — common.skip() prints the marker and exits 0 at once.
'use strict';
const common = require('../common');
common.skip('self-test of skip');
throw new Error('not reached');
