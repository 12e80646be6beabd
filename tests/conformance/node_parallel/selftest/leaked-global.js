// self-test: fail — a global the test did not declare.
'use strict';
require('../common');
globalThis.someLeakedGlobal = 1;
