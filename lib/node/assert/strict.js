'use strict';
// node:assert/strict: assert with the strict comparisons in place of the loose ones.

module.exports = require('assert').strict;
