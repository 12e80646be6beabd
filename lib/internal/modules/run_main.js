'use strict';
// How dx starts a program: a file (as Node's main module), `-e`/`-p` code, or a script on stdin.

const { ObjectDefineProperty } = primordials;
const { Module, makeRequireFunction, dynamicImportFor } = require('internal/modules/cjs/loader');
const binding = internalBinding('modules');
const path = require('path');

function runMain(kind, entry) {
  if (kind === 'file') {
    process.argv[1] = path.resolve(entry);
    Module.runMain(entry);
    return;
  }
  const code = kind === 'stdin' ? internalBinding('fs').readStdin() : entry;
  const name = kind === 'stdin' ? '[stdin]' : '[eval]';
  // As in Node: the code runs as a script in the global scope, with CommonJS names as globals.
  const cwd = process.cwd();
  const module = new Module(name);
  module.filename = path.join(cwd, name);
  module.paths = Module._nodeModulePaths(cwd);
  const require = makeRequireFunction(module);
  const define = (k, v) => ObjectDefineProperty(globalThis, k, { __proto__: null, value: v, writable: true, configurable: true, enumerable: false });
  define('module', module);
  define('exports', module.exports);
  define('require', require);
  define('__filename', name);
  define('__dirname', '.');
  define('_$dxim', dynamicImportFor(path.join(cwd, name)));
  const result = binding.evalScript(code, name);
  if (kind === 'print') {
    require('console').log(result);
  }
}

module.exports = { runMain };
