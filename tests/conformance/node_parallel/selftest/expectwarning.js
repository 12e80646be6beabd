// self-test: pass — the warnings expectWarning() announced, in every accepted shape.
'use strict';
const common = require('../common');
common.expectWarning('DeprecationWarning', 'old thing', 'DEP0999');
common.expectWarning({
  Warning: [['first'], ['second', 'CODE2']],
  CustomWarning: 'custom',
});
process.emitWarning('old thing', 'DeprecationWarning', 'DEP0999');
process.emitWarning('first');
process.emitWarning('second', { code: 'CODE2' });
process.emitWarning('custom', 'CustomWarning');
