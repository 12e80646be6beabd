// self-test: fail — mustCallAtLeast() with too few calls.
'use strict';
const common = require('../common');
const f = common.mustCallAtLeast(() => {}, 2);
f();
