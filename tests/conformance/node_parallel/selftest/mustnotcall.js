// self-test: fail — calling a mustNotCall() function throws.
'use strict';
const common = require('../common');
setTimeout(common.mustNotCall('timer should not fire'), 1);
