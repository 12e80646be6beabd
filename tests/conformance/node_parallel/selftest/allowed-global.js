// self-test: pass — a global declared with allowGlobals().
'use strict';
const common = require('../common');
globalThis.someAllowedGlobal = 1;
common.allowGlobals('someAllowedGlobal');
