// self-test: pass — mustCallAtLeast() accepts more calls than the minimum.
'use strict';
const common = require('../common');
const f = common.mustCallAtLeast(2);
f(); f(); f();
