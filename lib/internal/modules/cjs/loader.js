'use strict';
// CommonJS as Node runs it: Module objects, require() with Node's resolution (done in C,
// src/modules/resolve.c), the module cache, JSON files, cycles returning partial exports.

const {
  ArrayPrototypePush, ArrayPrototypeIndexOf, ArrayPrototypeJoin, ObjectCreate, ObjectDefineProperty,
  ObjectFreeze, ObjectKeys, ObjectPrototypeHasOwnProperty, ReflectApply, SafeMap, StringPrototypeSlice,
  StringPrototypeStartsWith, StringPrototypeEndsWith, StringPrototypeLastIndexOf, JSONParse,
  ArrayIsArray, StringPrototypeIncludes,
} = primordials;

const binding = internalBinding('modules');
const { readFileUtf8 } = internalBinding('fs');
const { canBeRequiredByUsers, publicIds, requireBuiltin } = requireRealm();
const stack = require('internal/errors/stack');
const path = require('path');
const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_REQUIRE_ESM, ERR_DLOPEN_FAILED, ERR_UNKNOWN_BUILTIN_MODULE },
} = require('internal/errors');

function requireRealm() {
  // The realm module is already loaded by the C start-up; requiring it again returns the same object.
  return require('internal/bootstrap/realm');
}

// Node 24's conditions for require(). 'module-sync' belongs to require(esm): dx resolves as Node does,
// and loading an ES module fails with ERR_REQUIRE_ESM until ES modules land (issue 4).
const kConditions = ObjectFreeze(['require', 'node', 'node-addons', 'module-sync']);
const kWrapperPrefixLength = binding.wrapperPrefixLength;

// Modules that may only be required with the node: prefix, as in Node.
const schemeOnly = new Set(['sea', 'sqlite', 'test', 'test/reporters']);

function isBuiltin(id) {
  if (typeof id !== 'string') return false;
  if (StringPrototypeStartsWith(id, 'node:')) return canBeRequiredByUsers(StringPrototypeSlice(id, 5));
  return canBeRequiredByUsers(id) && !schemeOnly.has(id);
}

const builtinModules = ObjectFreeze(publicIds.filter((id) => !schemeOnly.has(id)).concat(
  publicIds.filter((id) => schemeOnly.has(id)).map((id) => `node:${id}`)));

function Module(id = '', parent) {
  this.id = id;
  this.path = path.dirname(id);
  ObjectDefineProperty(this, 'exports', { __proto__: null, value: {}, writable: true, enumerable: true, configurable: true });
  this.filename = null;
  this.loaded = false;
  this.children = [];
  ObjectDefineProperty(this, 'parent', { __proto__: null, value: parent, writable: true, enumerable: false, configurable: true });
  if (parent && parent.children) ArrayPrototypePush(parent.children, this);
}

Module._cache = { __proto__: null };
Module._pathCache = { __proto__: null };
Module._extensions = { __proto__: null };
Module.globalPaths = binding.globalPaths();
Module.builtinModules = builtinModules;
Module.isBuiltin = isBuiltin;
Module.Module = Module;

Module._nodeModulePaths = function _nodeModulePaths(from) {
  return binding.nodeModulePaths(path.resolve(from));
};

function requireStackOf(parent) {
  const list = [];
  for (let m = parent; m; m = m.parent) {
    if (m.filename || m.id) ArrayPrototypePush(list, m.filename || m.id);
  }
  return list;
}

Module._resolveFilename = function _resolveFilename(request, parent, isMain, options) {
  if (isBuiltin(request)) return request;
  let paths;
  if (typeof options === 'object' && options !== null && options.paths !== undefined) {
    if (!ArrayIsArray(options.paths)) throw new ERR_INVALID_ARG_VALUE('options.paths', options.paths);
    const relative = StringPrototypeStartsWith(request, './') || StringPrototypeStartsWith(request, '../');
    paths = [];
    for (const p of options.paths) {
      // Relative requests are tried from each given directory; bare ones in its node_modules chain.
      const list = relative ? [path.resolve(p)] : binding.nodeModulePaths(path.resolve(p)).concat(Module.globalPaths);
      for (const dir of list) {
        if (ArrayPrototypeIndexOf(paths, dir) === -1) ArrayPrototypePush(paths, dir);
      }
    }
  }
  const from = parent && parent.filename ? parent.filename : null;
  try {
    const [filename, warning] = binding.resolve(request, from, paths, kConditions);
    if (warning !== undefined) process.emitWarning(warning, 'DeprecationWarning', 'DEP0128');
    return filename;
  } catch (err) {
    if (err && err.code === 'MODULE_NOT_FOUND') {
      if (err.path !== undefined) {
        // Found a package whose "main" or "exports" target is missing: Node names the request, no stack.
        if (StringPrototypeEndsWith(err.path, 'package.json')) err.requestPath = request;
      } else {
        const requireStack = requireStackOf(parent);
        if (requireStack.length > 0) {
          err.message += '\nRequire stack:\n- ' + ArrayPrototypeJoin(requireStack, '\n- ');
        }
        err.requireStack = requireStack;
      }
    }
    throw err;
  }
};

Module._load = function _load(request, parent, isMain) {
  if (StringPrototypeStartsWith(request, 'node:')) {
    const id = StringPrototypeSlice(request, 5);
    if (!canBeRequiredByUsers(id)) throw new ERR_UNKNOWN_BUILTIN_MODULE(request);
    return requireBuiltin(id);
  }
  const cachedByRequest = parent ? undefined : Module._cache[request];
  if (cachedByRequest !== undefined) return cachedByRequest.exports;
  if (isBuiltin(request)) return requireBuiltin(request);

  const filename = Module._resolveFilename(request, parent, isMain);
  // A package's "imports" can map to a built-in module.
  if (StringPrototypeStartsWith(filename, 'node:')) return requireBuiltin(StringPrototypeSlice(filename, 5));
  const cached = Module._cache[filename];
  if (cached !== undefined) {
    updateChildren(parent, cached);
    return cached.exports;
  }
  const module = new Module(filename, parent);
  if (isMain) {
    process.mainModule = module;
    setMain(module);
    module.id = '.';
  }
  Module._cache[filename] = module;
  let threw = true;
  try {
    module.load(filename);
    threw = false;
  } finally {
    if (threw) {
      delete Module._cache[filename];
      if (parent) {
        const i = ArrayPrototypeIndexOf(parent.children, module);
        if (i !== -1) parent.children.splice(i, 1);
      }
    }
  }
  return module.exports;
};

function updateChildren(parent, child) {
  const children = parent && parent.children;
  if (children && ArrayPrototypeIndexOf(children, child) === -1) ArrayPrototypePush(children, child);
}

let mainModule;
function setMain(m) { mainModule = m; }

function findExtension(filename) {
  const base = path.basename(filename);
  let dot = 0;
  for (;;) {
    dot = base.indexOf('.', dot + 1);
    if (dot === -1 || dot === 0) return '.js';
    const ext = StringPrototypeSlice(base, dot);
    if (Module._extensions[ext]) return ext;
  }
}

Module.prototype.load = function load(filename) {
  this.filename = filename;
  this.paths = Module._nodeModulePaths(path.dirname(filename));
  const ext = findExtension(filename);
  Module._extensions[ext](this, filename);
  this.loaded = true;
};

Module.prototype.require = function require(id) {
  if (typeof id !== 'string') throw new ERR_INVALID_ARG_TYPE('id', 'string', id);
  if (id === '') throw new ERR_INVALID_ARG_VALUE('id', id, 'must be a non-empty string');
  return Module._load(id, this, false);
};

function makeRequireFunction(mod) {
  const require = function require(id) { return mod.require(id); };
  function resolve(request, options) {
    if (typeof request !== 'string') throw new ERR_INVALID_ARG_TYPE('request', 'string', request);
    return Module._resolveFilename(request, mod, false, options);
  }
  resolve.paths = function paths(request) {
    if (typeof request !== 'string') throw new ERR_INVALID_ARG_TYPE('request', 'string', request);
    if (isBuiltin(request)) return null;
    if (request[0] === '.' && (request.length === 1 || request[1] === '/' || (request[1] === '.' && (request.length === 2 || request[2] === '/')))) {
      return [mod.filename ? path.dirname(mod.filename) : process.cwd()];
    }
    const base = mod.filename ? path.dirname(mod.filename) : process.cwd();
    return binding.nodeModulePaths(base).concat(Module.globalPaths);
  };
  require.resolve = resolve;
  ObjectDefineProperty(require, 'main', {
    __proto__: null, enumerable: true, configurable: true,
    get: () => mainModule, set(v) { ObjectDefineProperty(require, 'main', { value: v, writable: true, enumerable: true, configurable: true }); },
  });
  require.extensions = Module._extensions;
  require.cache = Module._cache;
  return require;
}

Module.prototype._compile = function _compile(content, filename) {
  const fn = binding.compileFunction(content, filename);
  stack.registerWrapped(filename, kWrapperPrefixLength, content);
  const require = makeRequireFunction(this);
  const dirname = path.dirname(filename);
  return ReflectApply(fn, this.exports, [this.exports, require, this, filename, dirname, dynamicImportFor(filename)]);
};

// import() inside a CommonJS module (the compiler respells it _$dxim, the wrapper's sixth argument).
function dynamicImportFor(filename) {
  return function importDynamic(specifier, options) {
    const esm = require('internal/modules/esm/loader');
    return esm.importDynamic(specifier, options, binding.pathToFileURL(filename));
  };
}

Module._extensions['.js'] = function loadJS(module, filename) {
  // Node reads the package scope of every .js file (its "type"); an invalid package.json is an error.
  const type = StringPrototypeEndsWith(filename, '.cjs') ? 'commonjs' : binding.packageType(filename);
  if (StringPrototypeEndsWith(filename, '.mjs') || (type === 'module' && StringPrototypeEndsWith(filename, '.js'))) {
    // require(esm), as Node 24 does by default: the module's namespace (or its 'module.exports' export).
    module.exports = require('internal/modules/esm/loader').requireESM(filename, module.parent && module.parent.filename);
    return;
  }
  const content = readFileUtf8(filename);
  try {
    module._compile(content, filename);
  } catch (err) {
    // Node's module detection: a .js file with import/export syntax outside "type": "commonjs" is an
    // ES module (require(esm) then).
    if (err instanceof SyntaxError && type !== 'commonjs' && !StringPrototypeEndsWith(filename, '.cjs') &&
        binding.hasModuleSyntax(content, 'commonjs')) {
      module.exports = require('internal/modules/esm/loader').requireESM(filename, module.parent && module.parent.filename);
      return;
    }
    // JavaScriptCore does not parse `using` declarations: such a file goes through our compiler,
    // which lowers them (compiler/transforms/using.c).
    if (err instanceof SyntaxError && StringPrototypeIncludes(content, 'using')) {
      let code;
      try {
        code = binding.compileCjs(content, filename, 'commonjs');
      } catch {
        throw err;
      }
      if (code !== null) {
        stack.registerOriginal(filename, content);
        module._compile(code, filename);
        return;
      }
    }
    throw err;
  }
};

// TypeScript and JSX files (dx runs them directly): types erased, enums, namespaces and JSX lowered
// by the compiler. A file with import/export syntax loads as an ES module, as Node's module
// detection does; .mts is always one.
function loadTranspiled(module, filename) {
  const format = binding.esmFormat(filename);
  const content = readFileUtf8(filename);
  const code = StringPrototypeStartsWith(format, 'module') ? null : binding.compileCjs(content, filename, format);
  if (code === null) {
    module.exports = require('internal/modules/esm/loader').requireESM(filename, module.parent && module.parent.filename);
    return;
  }
  stack.registerOriginal(filename, content);
  module._compile(code, filename);
}
Module._extensions['.ts'] = loadTranspiled;
Module._extensions['.cts'] = loadTranspiled;
Module._extensions['.mts'] = loadTranspiled;
Module._extensions['.tsx'] = loadTranspiled;
Module._extensions['.jsx'] = loadTranspiled;

Module._extensions['.json'] = function loadJSON(module, filename) {
  const content = readFileUtf8(filename);
  try {
    module.exports = JSONParse(content);
  } catch (err) {
    err.message = `${filename}: ${err.message}`;
    throw err;
  }
};

Module._extensions['.node'] = function loadNative(module, filename) {
  throw new ERR_DLOPEN_FAILED(`Cannot load native addon '${filename}': dx does not support native addons yet`);
};

Module.createRequire = function createRequire(filename) {
  let file = filename;
  if (typeof filename === 'object' && filename !== null && typeof filename.href === 'string') file = filename.href;
  if (typeof file === 'string' && StringPrototypeStartsWith(file, 'file:')) {
    file = fileURLToPathLite(file);
  } else if (typeof file !== 'string' || !path.isAbsolute(file)) {
    throw new ERR_INVALID_ARG_VALUE('filename', filename,
      'must be a file URL object, file URL string, or absolute path string');
  }
  const trailingSlash = StringPrototypeEndsWith(file, '/');
  const proxyPath = trailingSlash ? path.join(file, 'noop.js') : file;
  const m = new Module(proxyPath);
  m.filename = proxyPath;
  m.paths = Module._nodeModulePaths(m.path);
  return makeRequireFunction(m);
};

// file: URL -> path for createRequire (the full URL parser comes with node:url).
function fileURLToPathLite(href) {
  let rest = StringPrototypeSlice(href, 5);
  if (StringPrototypeStartsWith(rest, '//')) {
    rest = StringPrototypeSlice(rest, 2);
    const slash = rest.indexOf('/');
    const host = slash === -1 ? rest : StringPrototypeSlice(rest, 0, slash);
    if (host !== '' && host !== 'localhost') {
      throw new ERR_INVALID_ARG_VALUE('filename', href, 'must be a file URL object, file URL string, or absolute path string');
    }
    rest = slash === -1 ? '/' : StringPrototypeSlice(rest, slash);
  }
  const q = rest.search(/[?#]/);
  if (q !== -1) rest = StringPrototypeSlice(rest, 0, q);
  return decodeURIComponent(rest);
}

Module.runMain = function runMain(main = process.argv[1]) {
  const resolved = Module._resolveFilename(path.resolve(main), null, true);
  if (isESMEntry(resolved)) {
    const { runMainESM } = require('internal/modules/esm/loader');
    const { triggerUncaughtException } = require('internal/process/uncaught');
    let promise;
    try {
      promise = runMainESM(resolved);
    } catch (err) {
      triggerUncaughtException(err, false);
      return;
    }
    promise.then(undefined, (err) => triggerUncaughtException(err, false));
    return;
  }
  Module._load(resolved, null, true);
};

// Whether the main entry runs as an ES module: .mjs/.mts, or .js/.ts/extensionless under "type": "module".
function isESMEntry(filename) {
  if (StringPrototypeEndsWith(filename, '.mjs') || StringPrototypeEndsWith(filename, '.mts')) return true;
  if (StringPrototypeEndsWith(filename, '.cjs') || StringPrototypeEndsWith(filename, '.cts') ||
      StringPrototypeEndsWith(filename, '.json') || StringPrototypeEndsWith(filename, '.node')) return false;
  if (binding.packageType(filename) === 'module') return true;
  const ext = path.extname(filename);
  if (ext === '.js' || ext === '') return require('internal/modules/esm/loader').looksLikeESM(filename);
  if (ext === '.ts' || ext === '.tsx' || ext === '.jsx') {
    return binding.hasModuleSyntax(readFileUtf8(filename), binding.esmFormat(filename));
  }
  return false;
}

Module.wrap = function wrap(script) {
  return `(function (exports, require, module, __filename, __dirname) { ${script}\n});`;
};
Module.wrapper = ['(function (exports, require, module, __filename, __dirname) { ', '\n});'];

module.exports = { Module, makeRequireFunction, isBuiltin, dynamicImportFor };
