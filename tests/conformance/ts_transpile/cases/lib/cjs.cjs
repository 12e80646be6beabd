// A CommonJS module for the import = require() cases.
module.exports = { name: 'cjs', add: (a, b) => a + b };
