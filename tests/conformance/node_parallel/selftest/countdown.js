// self-test: fail — a Countdown that never reaches zero fails the test.
'use strict';
require('../common');
const Countdown = require('../common/countdown');
const c = new Countdown(2, () => {});
c.dec();
