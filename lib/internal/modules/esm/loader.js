'use strict';
// ES modules without an engine module loader. The compiler turns each module into a generator
// function (src/compiler/transforms/esm.h); this file is the rest of the spec's machinery over those
// functions: the module map, loading a graph (resolution in C, src/modules/resolve.c), linking
// (ResolveExport, export names, namespace objects), and evaluation with cycles and top-level await
// (InnerModuleEvaluation and the async-module algorithms of ECMA-262 16.2.1.5).
//
// Why JavaScript and not C: evaluation is promise-driven (async modules resume their parents from
// promise reactions) and every step calls back into module code; in C each of those steps would be a
// JSC call with its own exception plumbing, for no gain. Parsing, transforming and resolving, the
// parts that cost time, are C.

const {
  ArrayPrototypePush, ArrayPrototypeSort, ArrayPrototypeIncludes, ObjectCreate, ObjectDefineProperty,
  ObjectFreeze, ObjectGetOwnPropertyDescriptor, ObjectKeys, ObjectPreventExtensions, ObjectPrototypeHasOwnProperty,
  Promise, PromisePrototypeThen, PromiseResolve, PromiseReject, Proxy, ReflectApply, ReflectGet, ReflectHas,
  ReflectOwnKeys, ReflectDefineProperty, ReflectDeleteProperty, ReflectGetOwnPropertyDescriptor,
  ReferenceError, SafeMap, SafeSet, StringPrototypeSlice, StringPrototypeStartsWith,
  StringPrototypeIndexOf, StringPrototypeEndsWith, RegExpPrototypeTest, SymbolToStringTag, SyntaxError, TypeError, JSONParse, JSONStringify,
  decodeURIComponent,
} = primordials;

const binding = internalBinding('modules');
const { readFileUtf8 } = internalBinding('fs');
const path = require('path');
const stack = require('internal/errors/stack');
const { markModuleNamespaceObject } = require('internal/util/types');

const kConditions = ObjectFreeze(['node', 'import', 'module-sync', 'node-addons']);
const kNamespaceBinding = '*namespace*';
const kNoAttributes = ObjectFreeze(ObjectCreate(null));

// url -> ModuleRecord
const moduleMap = new SafeMap();
let asyncOrder = 0;
let mainURL;

const {
  codes: {
    ERR_IMPORT_ATTRIBUTE_MISSING, ERR_IMPORT_ATTRIBUTE_TYPE_INCOMPATIBLE, ERR_IMPORT_ATTRIBUTE_UNSUPPORTED,
    ERR_INVALID_URL, ERR_REQUIRE_ASYNC_MODULE, ERR_REQUIRE_CYCLE_MODULE, ERR_UNKNOWN_FILE_EXTENSION,
    ERR_UNKNOWN_MODULE_FORMAT,
  },
} = require('internal/errors');

class ModuleRecord {
  constructor(url, kind) {
    this.url = url;
    this.kind = kind;               // 'esm' | 'cjs' | 'json' | 'builtin'
    this.status = 'new';            // new, linking, linked, evaluating, evaluating-async, evaluated
    this.bindings = ObjectCreate(null);
    this.namespace = undefined;
    this.requests = [];
    this.deps = [];
    this.exportNames = undefined;   // non-ESM: names it provides
    this.info = undefined;          // ESM: what compileModule returned
    this.gen = undefined;
    this.hasTLA = false;
    this.evaluationError = undefined;
    this.hasError = false;
    this.dfsIndex = -1;
    this.dfsAncestorIndex = -1;
    this.cycleRoot = undefined;
    this.asyncEvaluation = 0;       // order of becoming async (0: not async)
    this.asyncParents = [];
    this.pendingAsyncDeps = 0;
    this.capability = undefined;
    this.evaluate = undefined;      // non-ESM: how to evaluate it
    this.meta = undefined;
  }
}

// ---- loading ----

// ESM_RESOLVE (C). Its errors are Node's own errors, printed with their code in the header.
function resolveSpecifier(specifier, parentURL) {
  try {
    return binding.resolveEsm(specifier, parentURL, kConditions);
  } catch (err) {
    if (err !== null && typeof err === 'object' && typeof err.code === 'string') {
      ObjectDefineProperty(err, stack.kIsNodeError, { __proto__: null, value: true });
    }
    throw err;
  }
}

function filePathOf(url) {
  return binding.fileURLToPath(url);
}

function checkAttributes(url, format, attributes) {
  const keys = ObjectKeys(attributes);
  for (let i = 0; i < keys.length; i++) {
    if (keys[i] !== 'type') {
      throw new ERR_IMPORT_ATTRIBUTE_UNSUPPORTED(keys[i], attributes[keys[i]], url);
    }
  }
  const type = attributes.type;
  if (format === 'json') {
    if (type === undefined) {
      throw new ERR_IMPORT_ATTRIBUTE_MISSING(url, 'type', 'json');
    }
    if (type !== 'json') {
      throw new ERR_IMPORT_ATTRIBUTE_UNSUPPORTED('type', type, url);
    }
  } else if (type !== undefined) {
    if (type === 'json') throw new ERR_IMPORT_ATTRIBUTE_TYPE_INCOMPATIBLE(url, 'json');
    throw new ERR_IMPORT_ATTRIBUTE_UNSUPPORTED('type', type, url);
  }
}

// data: URLs: text/javascript (module), application/json (json); base64 or percent-encoded.
function parseDataURL(url) {
  const comma = StringPrototypeIndexOf(url, ',');
  if (comma === -1) throw new ERR_INVALID_URL();
  let mime = StringPrototypeSlice(url, 5, comma);
  let body = StringPrototypeSlice(url, comma + 1);
  let base64 = false;
  if (mime.endsWith(';base64')) { base64 = true; mime = StringPrototypeSlice(mime, 0, -7); }
  const semi = StringPrototypeIndexOf(mime, ';');
  if (semi !== -1) mime = StringPrototypeSlice(mime, 0, semi);
  mime = mime.trim().toLowerCase();
  body = base64 ? decodeBase64(body) : decodeURIComponent(body);
  let format;
  if (mime === 'text/javascript' || mime === 'application/javascript') format = 'module';
  else if (mime === 'application/json') format = 'json';
  else throw new ERR_UNKNOWN_MODULE_FORMAT(mime, url);
  return { format, source: body };
}

function decodeBase64(s) {
  const bytes = atob(decodeURIComponent(s));
  // latin1 bytes -> UTF-8 text
  try { return decodeURIComponent(escape(bytes)); } catch { return bytes; }
}

function loadSource(url) {
  if (StringPrototypeStartsWith(url, 'data:')) return parseDataURL(url);
  const file = filePathOf(url);
  const format = binding.esmFormat(file);
  return { format, file, source: undefined };
}

function builtinRecord(url) {
  const id = StringPrototypeSlice(url, 5);
  const m = new ModuleRecord(url, 'builtin');
  const { Module } = require('internal/modules/cjs/loader');
  const exports = Module._load(url, null, false);
  const names = ['default'];
  if (exports !== null && (typeof exports === 'object' || typeof exports === 'function')) {
    const keys = ObjectKeys(exports);
    for (let i = 0; i < keys.length; i++) if (keys[i] !== 'default') ArrayPrototypePush(names, keys[i]);
  }
  m.exportNames = names;
  defineGetter(m.bindings, 'default', () => exports);
  for (let i = 1; i < names.length; i++) {
    const k = names[i];
    defineGetter(m.bindings, k, () => exports[k]);
  }
  m.status = 'evaluated';
  m.id = id;
  return m;
}

// The names an ES module may import from a CommonJS file (docs/cjs-exports.md): what the C lexer
// detects, plus the names of what it re-exports, followed through CommonJS resolution. Cached per
// file; the entry is stored before re-exports are followed, which ends cycles.
const cjsNamesCache = new SafeMap();
const kCjsExtensions = ['.js', '.cjs'];
function cjsNames(file, source) {
  let names = cjsNamesCache.get(file);
  if (names !== undefined) return names;
  if (source === undefined) source = readFileUtf8(file);
  const { 0: detected, 1: reexports } = binding.cjsLex(source);
  names = new SafeSet(['default']);
  for (let i = 0; i < detected.length; i++) names.add(detected[i]);
  cjsNamesCache.set(file, names);
  if (reexports.length) {
    const { Module, isBuiltin } = require('internal/modules/cjs/loader');
    const fake = { filename: file, id: file, paths: Module._nodeModulePaths(path.dirname(file)) };
    for (let i = 0; i < reexports.length; i++) {
      if (isBuiltin(reexports[i])) continue;
      let resolved;
      try {
        resolved = Module._resolveFilename(reexports[i], fake, false);
      } catch {
        continue;
      }
      if (!ArrayPrototypeIncludes(kCjsExtensions, path.extname(resolved))) continue;
      const more = cjsNames(resolved, undefined);
      for (const n of more) names.add(n);
    }
  }
  return names;
}

function cjsRecord(url, file, source) {
  const m = new ModuleRecord(url, 'cjs');
  const names = ['default', 'module.exports'];
  for (const n of cjsNames(file, source)) {
    if (n !== 'default') ArrayPrototypePush(names, n);
  }
  m.exportNames = names;
  const values = ObjectCreate(null);
  let done = false;
  for (let i = 0; i < names.length; i++) {
    const k = names[i];
    defineGetter(m.bindings, k, () => {
      if (!done) throw new ReferenceError(`Cannot access '${k}' before initialization`);
      return values[k];
    });
  }
  m.evaluate = () => {
    const { Module } = require('internal/modules/cjs/loader');
    const exports = Module._load(file, null, false);
    values.default = exports;
    values['module.exports'] = exports;
    const isObject = exports !== null && (typeof exports === 'object' || typeof exports === 'function');
    for (let i = 2; i < names.length; i++) {
      const k = names[i];
      if (isObject && ObjectPrototypeHasOwnProperty(exports, k)) {
        try { values[k] = exports[k]; } catch { values[k] = undefined; }
      }
    }
    done = true;
  };
  return m;
}

function jsonRecord(url, file, source) {
  const m = new ModuleRecord(url, 'json');
  m.exportNames = ['default'];
  let value;
  let done = false;
  defineGetter(m.bindings, 'default', () => {
    if (!done) throw new ReferenceError("Cannot access 'default' before initialization");
    return value;
  });
  m.evaluate = () => {
    const text = source !== undefined ? source : readFileUtf8(file);
    try {
      value = JSONParse(text);
    } catch (err) {
      err.message = `${file || url}: ${err.message}`;
      throw err;
    }
    done = true;
  };
  return m;
}

// Node's module detection for a .js (or extensionless) file without a package "type": it is an ES
// module when it has import/export, or fails as CommonJS but parses as a module (top-level await,
// import.meta). The parse runs only when the text mentions import, export or await.
const kModuleWords = /\b(?:import|export|await)\b/;
function looksLikeESM(file, source = readFileUtf8(file)) {
  if (StringPrototypeEndsWith(file, '.cjs')) return false;
  if (!RegExpPrototypeTest(kModuleWords, source)) return false;
  if (binding.packageType(file) === 'commonjs') return false; // an explicit "type": "commonjs" disables detection
  if (!binding.hasModuleSyntax(source, 'commonjs')) return false;
  // Node warns (once per package.json) when one exists but does not say "type".
  const pjson = binding.packageJson(file);
  if (pjson !== undefined && !typelessWarned.has(pjson)) {
    typelessWarned.add(pjson);
    process.emitWarning(`Module type of ${binding.pathToFileURL(file)} is not specified and it doesn't parse as ` +
      'CommonJS.\nReparsing as ES module because module syntax was detected. This incurs a performance ' +
      `overhead.\nTo eliminate this warning, add "type": "module" to ${pjson}.`, { code: 'MODULE_TYPELESS_PACKAGE_JSON' });
  }
  return true;
}
const typelessWarned = new SafeSet();

function esmRecord(url, source, format) {
  const m = new ModuleRecord(url, 'esm');
  stack.registerOriginal(url, source);
  const info = binding.compileModule(source, url, format);
  m.info = info;
  m.hasTLA = info.async;
  m.requests = info.requests;
  return m;
}

// Loads url and, depth first, everything it imports; returns its record. A failure leaves nothing
// half-loaded in the map.
function loadGraph(url, attributes, fresh) {
  let m = moduleMap.get(url);
  if (m !== undefined) {
    checkAttributes(url, m.format, attributes || kNoAttributes);
    return m;
  }
  if (StringPrototypeStartsWith(url, 'node:')) {
    checkAttributes(url, 'builtin', attributes || kNoAttributes);
    m = builtinRecord(url);
    m.format = 'builtin';
    moduleMap.set(url, m);
    return m;
  }
  const { format, file, source } = loadSource(url);
  checkAttributes(url, format, attributes || kNoAttributes);
  if (format === 'json') {
    m = jsonRecord(url, file, source);
  } else if (format === 'module' || format === 'module-typescript' || format === 'module-jsx' || format === 'module-tsx') {
    m = esmRecord(url, source !== undefined ? source : readFileUtf8(file), format);
  } else if (format === 'commonjs' || format === 'commonjs-typescript' || format === 'commonjs-jsx' ||
             format === 'commonjs-tsx') {
    // Node's module detection: outside "type": "module", a file with module syntax is an ES module.
    const text = readFileUtf8(file);
    if (format === 'commonjs' ? looksLikeESM(file, text) : binding.hasModuleSyntax(text, format)) {
      m = esmRecord(url, text, format === 'commonjs' ? 'module' : `module-${StringPrototypeSlice(format, 9)}`);
    } else {
      m = cjsRecord(url, file, text);
    }
  } else if (format === 'wasm' || format === 'addon') {
    throw new ERR_UNKNOWN_FILE_EXTENSION(path.extname(file), file);
  } else {
    throw new ERR_UNKNOWN_MODULE_FORMAT(format, url);
  }
  m.file = file;
  m.format = format;
  moduleMap.set(url, m);
  ArrayPrototypePush(fresh, m);
  if (m.kind === 'esm') {
    const reqs = m.requests;
    for (let i = 0; i < reqs.length; i++) {
      const depURL = resolveSpecifier(reqs[i].specifier, url);
      m.deps[i] = loadGraph(depURL, reqs[i].attributes, fresh);
    }
  }
  return m;
}

// ---- linking ----

// Imported bindings are immutable: the transform writes `x = v` for an imported x as a [[Set]] of
// its bindings object (or, for a namespace import, of importTarget's holder), which throws V8's
// const error once the right-hand side has run.
function assignToImport() {
  throw new TypeError('Assignment to constant variable.');
}

function importTarget(value) {
  const target = { __proto__: null };
  ObjectDefineProperty(target, 'v', { __proto__: null, get: () => value, set: assignToImport });
  return target;
}

function defineGetter(obj, name, get) {
  ObjectDefineProperty(obj, name, { __proto__: null, get, set: assignToImport, enumerable: true, configurable: true });
}

// ResolveExport: { module, name } (name kNamespaceBinding for a namespace), null, or 'ambiguous'.
function resolveExport(m, name, resolveSet = []) {
  if (m.kind !== 'esm') {
    return ArrayPrototypeIncludes(m.exportNames, name) ? { module: m, name } : null;
  }
  for (let i = 0; i < resolveSet.length; i++) {
    if (resolveSet[i].module === m && resolveSet[i].name === name) return null; // a circular import request
  }
  ArrayPrototypePush(resolveSet, { module: m, name });
  const exports = m.info.exports;
  for (let i = 0; i < exports.length; i++) {
    const e = exports[i];
    if (e.kind === 'local' && e.name === name) return { module: m, name };
  }
  for (let i = 0; i < exports.length; i++) {
    const e = exports[i];
    if (e.kind === 'indirect' && e.name === name) {
      const dep = m.deps[e.request];
      if (e.imported === '*') return { module: dep, name: kNamespaceBinding };
      return resolveExport(dep, e.imported, resolveSet);
    }
  }
  if (name === 'default') return null;
  let star = null;
  for (let i = 0; i < exports.length; i++) {
    const e = exports[i];
    if (e.kind !== 'star') continue;
    const r = resolveExport(m.deps[e.request], name, resolveSet);
    if (r === 'ambiguous') return r;
    if (r !== null) {
      if (star === null) star = r;
      else if (star.module !== r.module || star.name !== r.name) return 'ambiguous';
    }
  }
  return star;
}

function getExportedNames(m, exportStarSet = []) {
  if (m.kind !== 'esm') return m.exportNames;
  if (ArrayPrototypeIncludes(exportStarSet, m)) return [];
  ArrayPrototypePush(exportStarSet, m);
  const names = [];
  const exports = m.info.exports;
  for (let i = 0; i < exports.length; i++) {
    if (exports[i].kind !== 'star') ArrayPrototypePush(names, exports[i].name);
  }
  for (let i = 0; i < exports.length; i++) {
    if (exports[i].kind !== 'star') continue;
    const starNames = getExportedNames(m.deps[exports[i].request], exportStarSet);
    for (let k = 0; k < starNames.length; k++) {
      const n = starNames[k];
      if (n !== 'default' && !ArrayPrototypeIncludes(names, n)) ArrayPrototypePush(names, n);
    }
  }
  return names;
}

function readBinding(r) {
  if (r.name === kNamespaceBinding) return getNamespace(r.module);
  return r.module.bindings[r.name];
}

function compareCodeUnits(a, b) { return a < b ? -1 : a > b ? 1 : 0; }

// A module namespace exotic object: a Proxy over a non-extensible, null-prototype target whose keys
// are the export names (sorted) plus @@toStringTag, so every invariant JSC checks holds; reads go
// through the live bindings (and throw in their TDZ).
function getNamespace(m) {
  if (m.namespace !== undefined) return m.namespace;
  const all = getExportedNames(m);
  const names = [];
  const resolved = new SafeMap();
  for (let i = 0; i < all.length; i++) {
    const r = resolveExport(m, all[i]);
    if (r !== null && r !== 'ambiguous') {
      ArrayPrototypePush(names, all[i]);
      resolved.set(all[i], r);
    }
  }
  ArrayPrototypeSort(names, compareCodeUnits);
  const target = ObjectCreate(null);
  for (let i = 0; i < names.length; i++) {
    ObjectDefineProperty(target, names[i], { __proto__: null, value: undefined, writable: true, enumerable: true, configurable: false });
  }
  ObjectDefineProperty(target, SymbolToStringTag, { __proto__: null, value: 'Module', writable: false, enumerable: false, configurable: false });
  ObjectPreventExtensions(target);
  const isExport = (key) => typeof key === 'string' && resolved.has(key);
  const ns = new Proxy(target, {
    __proto__: null,
    get(t, key) {
      if (typeof key !== 'string') return ReflectGet(t, key);
      const r = resolved.get(key);
      return r === undefined ? undefined : readBinding(r);
    },
    set() { return false; },
    has(t, key) { return typeof key === 'string' ? resolved.has(key) : ReflectHas(t, key); },
    deleteProperty(t, key) { return typeof key === 'string' ? !resolved.has(key) : ReflectDeleteProperty(t, key); },
    getOwnPropertyDescriptor(t, key) {
      if (typeof key !== 'string') return ReflectGetOwnPropertyDescriptor(t, key);
      const r = resolved.get(key);
      if (r === undefined) return undefined;
      return { value: readBinding(r), writable: true, enumerable: true, configurable: false };
    },
    defineProperty(t, key, desc) {
      if (typeof key !== 'string') return ReflectDefineProperty(t, key, desc);
      if (!isExport(key)) return false;
      const value = readBinding(resolved.get(key));
      if (desc.configurable === true || desc.enumerable === false || desc.writable === false) return false;
      if ('get' in desc || 'set' in desc) return false;
      if ('value' in desc) return desc.value === value || (desc.value !== desc.value && value !== value);
      return true;
    },
    ownKeys(t) { return ReflectOwnKeys(t); },
    getPrototypeOf() { return null; },
    setPrototypeOf(t, proto) { return proto === null; },
    isExtensible() { return false; },
    preventExtensions() { return true; },
  });
  markModuleNamespaceObject(ns);
  m.namespace = ns;
  return ns;
}

function importMetaOf(m) {
  const meta = ObjectCreate(null);
  const url = m.url;
  if (m.file !== undefined) {
    meta.dirname = path.dirname(m.file);
    meta.filename = m.file;
  }
  meta.main = url === mainURL;
  meta.resolve = function resolve(specifier) { return resolveSpecifier(`${specifier}`, url); };
  meta.url = url;
  return meta;
}

// The SyntaxError for an import (or re-export) that does not resolve; `imp` gives the position of
// an import for the uncaught-error printer.
function linkError(m, request, name, r, imp) {
  const spec = m.requests[request].specifier;
  const dep = m.deps[request];
  let message;
  if (r === 'ambiguous') {
    message = `The requested module '${spec}' contains conflicting star exports for name '${name}'`;
  } else if (dep.kind === 'cjs') {
    message = `Named export '${name}' not found. The requested module '${spec}' is a CommonJS module, which may ` +
      'not support all module.exports as named exports.\nCommonJS modules can always be imported via the default ' +
      `export, for example using:\n\nimport pkg from '${spec}';\nconst { ${name} } = pkg;\n`;
  } else {
    message = `The requested module '${spec}' does not provide an export named '${name}'`;
  }
  const err = new SyntaxError(message);
  if (imp !== undefined) {
    err.sourceURL = m.url;
    err.line = imp.line;
    err.column = imp.column;
    // the uncaught-error printer underlines the imported name, as Node does
    ObjectDefineProperty(err, 'dxColumn', { __proto__: null, value: imp.column });
    ObjectDefineProperty(err, 'dxCaretLength', { __proto__: null, value: imp.name.length });
  }
  return err;
}

// Instantiates every new ESM record of a freshly loaded graph, then checks its imports and installs
// its re-exports. Throws the first linking error (nothing has run yet).
function link(fresh) {
  for (let i = 0; i < fresh.length; i++) {
    const m = fresh[i];
    if (m.kind !== 'esm') continue;
    const info = m.info;
    const args = [
      (getters) => {
        const keys = ReflectOwnKeys(getters);
        for (let k = 0; k < keys.length; k++) {
          defineGetter(m.bindings, keys[k], ObjectGetOwnPropertyDescriptor(getters, keys[k]).get);
        }
      },
      m.meta = importMetaOf(m),
      (specifier, options) => importDynamic(specifier, options, m.url),
      importTarget,
    ];
    for (let r = 0; r < m.deps.length; r++) {
      ArrayPrototypePush(args, m.deps[r].bindings, m.requests[r].namespace ? getNamespace(m.deps[r]) : undefined);
    }
    m.gen = ReflectApply(info.fn, undefined, args);
    m.gen.next(); // installs the local export getters; stops at the first yield
    if (info.defaultFnName) {
      const fn = m.bindings.default;
      ObjectDefineProperty(fn, 'name', { __proto__: null, value: 'default', configurable: true });
    }
  }
  for (let i = 0; i < fresh.length; i++) {
    const m = fresh[i];
    if (m.kind !== 'esm') continue;
    const info = m.info;
    // InitializeEnvironment: every indirect export must resolve, as every import must.
    for (let k = 0; k < info.exports.length; k++) {
      const e = info.exports[k];
      if (e.kind !== 'indirect' || e.imported === '*') continue;
      const r = resolveExport(m, e.name);
      if (r === null || r === 'ambiguous') throw linkError(m, e.request, e.imported, r, undefined);
    }
    for (let k = 0; k < info.imports.length; k++) {
      const imp = info.imports[k];
      const r = resolveExport(m.deps[imp.request], imp.name);
      if (r === null || r === 'ambiguous') throw linkError(m, imp.request, imp.name, r, imp);
    }
  }
  for (let i = 0; i < fresh.length; i++) {
    const m = fresh[i];
    if (m.kind !== 'esm') continue;
    const names = getExportedNames(m);
    for (let k = 0; k < names.length; k++) {
      const name = names[k];
      if (ObjectPrototypeHasOwnProperty(m.bindings, name)) continue;
      const r = resolveExport(m, name);
      if (r === null || r === 'ambiguous') continue;
      defineGetter(m.bindings, name, () => readBinding(r));
    }
    m.status = 'linked';
  }
}

// ---- evaluation (ECMA-262 16.2.1.5.3) ----

function executeModule(m) {
  if (m.kind !== 'esm') {
    m.evaluate();
    return;
  }
  m.gen.next();
}

function newCapability() {
  let resolve, reject;
  const promise = new Promise((res, rej) => { resolve = res; reject = rej; });
  return { promise, resolve, reject };
}

function innerModuleEvaluation(m, stack, index) {
  if (m.kind !== 'esm') {
    if (m.status === 'evaluated') {
      if (m.hasError) throw m.evaluationError;
      return index;
    }
    if (m.status === 'evaluating') return index; // CommonJS running now: a cycle through require()
    m.status = 'evaluating';
    try {
      m.evaluate();
    } catch (e) {
      m.status = 'evaluated';
      m.hasError = true;
      m.evaluationError = e;
      throw e;
    }
    m.status = 'evaluated';
    return index;
  }
  if (m.status === 'evaluating-async' || m.status === 'evaluated') {
    if (m.hasError) throw m.evaluationError;
    return index;
  }
  if (m.status === 'evaluating') return index;
  m.status = 'evaluating';
  m.dfsIndex = index;
  m.dfsAncestorIndex = index;
  m.pendingAsyncDeps = 0;
  index++;
  ArrayPrototypePush(stack, m);
  for (let i = 0; i < m.deps.length; i++) {
    let dep = m.deps[i];
    index = innerModuleEvaluation(dep, stack, index);
    if (dep.kind === 'esm') {
      if (dep.status === 'evaluating') {
        if (dep.dfsAncestorIndex < m.dfsAncestorIndex) m.dfsAncestorIndex = dep.dfsAncestorIndex;
      } else {
        dep = dep.cycleRoot;
        if (dep.hasError) throw dep.evaluationError;
      }
      if (dep.asyncEvaluation) {
        m.pendingAsyncDeps++;
        ArrayPrototypePush(dep.asyncParents, m);
      }
    }
  }
  if (m.pendingAsyncDeps > 0 || m.hasTLA) {
    m.asyncEvaluation = ++asyncOrder;
    if (m.pendingAsyncDeps === 0) executeAsyncModule(m);
  } else {
    executeModule(m);
  }
  if (m.dfsAncestorIndex === m.dfsIndex) {
    for (;;) {
      const done = stack.pop();
      done.status = done.asyncEvaluation ? 'evaluating-async' : 'evaluated';
      done.cycleRoot = m;
      if (done === m) break;
    }
  }
  return index;
}

function executeAsyncModule(m) {
  if (!m.info.coroutine) {
    // An async generator: the second next() runs the body and settles when it is done.
    PromisePrototypeThen(m.gen.next(), () => asyncModuleExecutionFulfilled(m), (e) => asyncModuleExecutionRejected(m, e));
    return;
  }
  // A plain generator whose awaits are yields: resume it with each awaited value, as `await` would
  // (PromiseResolve, then one reaction).
  const gen = m.gen;
  const step = (method, arg) => {
    let r;
    try {
      r = method === 0 ? gen.next(arg) : gen.throw(arg);
    } catch (e) {
      asyncModuleExecutionRejected(m, e);
      return;
    }
    if (r.done) {
      asyncModuleExecutionFulfilled(m);
      return;
    }
    PromisePrototypeThen(PromiseResolve(r.value), (v) => step(0, v), (e) => step(1, e));
  };
  step(0, undefined);
}

function gatherAvailableAncestors(m, execList) {
  for (let i = 0; i < m.asyncParents.length; i++) {
    const p = m.asyncParents[i];
    if (!ArrayPrototypeIncludes(execList, p) && !p.cycleRoot.hasError) {
      p.pendingAsyncDeps--;
      if (p.pendingAsyncDeps === 0) {
        ArrayPrototypePush(execList, p);
        if (!p.hasTLA) gatherAvailableAncestors(p, execList);
      }
    }
  }
}

function asyncModuleExecutionFulfilled(m) {
  if (m.status === 'evaluated') return; // already failed through another path
  m.asyncEvaluation = 0;
  m.status = 'evaluated';
  if (m.capability) m.capability.resolve(undefined);
  const execList = [];
  gatherAvailableAncestors(m, execList);
  ArrayPrototypeSort(execList, (a, b) => a.asyncEvaluation - b.asyncEvaluation);
  for (let i = 0; i < execList.length; i++) {
    const p = execList[i];
    if (p.status === 'evaluated') continue;
    if (p.hasTLA) {
      executeAsyncModule(p);
    } else {
      try {
        executeModule(p);
      } catch (e) {
        asyncModuleExecutionRejected(p, e);
        continue;
      }
      p.asyncEvaluation = 0;
      p.status = 'evaluated';
      if (p.capability) p.capability.resolve(undefined);
    }
  }
}

function asyncModuleExecutionRejected(m, error) {
  if (m.status === 'evaluated') return;
  m.hasError = true;
  m.evaluationError = error;
  m.status = 'evaluated';
  m.asyncEvaluation = 0;
  // The module's own top-level capability first, then its parents' (the order ECMA-262 has had since
  // 2024: a graph's importer sees the rejection before importers of graphs that depend on it).
  if (m.capability) m.capability.reject(error);
  for (let i = 0; i < m.asyncParents.length; i++) asyncModuleExecutionRejected(m.asyncParents[i], error);
}

// Evaluate(): a promise that settles when m and its dependencies have run.
function evaluate(m) {
  if (m.kind === 'esm' && (m.status === 'evaluating-async' || m.status === 'evaluated')) m = m.cycleRoot || m;
  if (m.capability) return m.capability.promise;
  const cap = newCapability();
  m.capability = cap;
  const stack = [];
  try {
    innerModuleEvaluation(m, stack, 0);
    if (!m.asyncEvaluation) cap.resolve(undefined);
  } catch (e) {
    for (let i = 0; i < stack.length; i++) {
      stack[i].status = 'evaluated';
      stack[i].hasError = true;
      stack[i].evaluationError = e;
    }
    cap.reject(e);
  }
  return cap.promise;
}

// ---- entry points ----

function loadAndLink(url, attributes) {
  const fresh = [];
  let root;
  try {
    root = loadGraph(url, attributes, fresh);
    link(fresh);
  } catch (e) {
    for (let i = 0; i < fresh.length; i++) moduleMap.delete(fresh[i].url);
    throw e;
  }
  return root;
}

function importAttributesOf(options) {
  if (options === undefined) return undefined;
  // The engine's own checks in Node (V8's messages, no code).
  if (options === null || typeof options !== 'object') {
    throw new TypeError('The second argument to import() must be an object');
  }
  const w = options.with;
  if (w === undefined) return undefined;
  if (w === null || typeof w !== 'object') throw new TypeError("The 'with' option must be an object");
  const attrs = ObjectCreate(null);
  const keys = ObjectKeys(w);
  // EnumerableOwnProperties(w, key+value): one [[Get]] per enumerable key.
  for (let i = 0; i < keys.length; i++) {
    const value = w[keys[i]];
    if (typeof value !== 'string') throw new TypeError('Import attribute value must be a string');
    attrs[keys[i]] = value;
  }
  return attrs;
}

// import(specifier, options) from the module at referrerURL.
function importDynamic(specifier, options, referrerURL) {
  try {
    const attributes = importAttributesOf(options);
    const url = resolveSpecifier(`${specifier}`, referrerURL);
    const m = loadAndLink(url, attributes);
    // ContinueDynamicImport calls Evaluate() from a reaction to the loading promise, never
    // synchronously: the importer (and the rest of a graph being evaluated) runs to its end first, so
    // a module of that graph is evaluated in the graph's order, not when import() is called.
    const cap = newCapability();
    PromisePrototypeThen(PromiseResolve(undefined), () => {
      PromisePrototypeThen(evaluate(m), () => cap.resolve(getNamespace(m)), cap.reject);
    });
    return cap.promise;
  } catch (e) {
    return PromiseReject(e);
  }
}

// The main entry point when it is an ES module: a promise of its evaluation.
function runMainESM(file) {
  mainURL = binding.pathToFileURL(file);
  const m = loadAndLink(mainURL, undefined);
  return evaluate(m);
}

// require() of an ES module (Node's require(esm)): synchronous, so no top-level await in the graph.
function requireESM(file, parentPath) {
  const url = binding.pathToFileURL(file);
  const fresh = !moduleMap.has(url);
  const m = loadAndLink(url, undefined);
  // A module of the graph still running means require() came from inside its own cycle; any
  // top-level await in the graph (even finished) rules require() out too.
  const graph = [];
  const seen = new SafeSet();
  const todo = [m];
  while (todo.length) {
    const x = todo.pop();
    if (seen.has(x)) continue;
    seen.add(x);
    ArrayPrototypePush(graph, x);
    for (let i = 0; i < x.deps.length; i++) ArrayPrototypePush(todo, x.deps[i]);
  }
  // Node's order: a CommonJS module still running in a graph this call links (found while linking), then top-level
  // await anywhere in the graph, then an ES module of the graph still running (found when evaluating).
  const running = (x) => x.status === 'evaluating' || x.status === 'evaluating-async';
  for (let i = 0; i < graph.length; i++) {
    if (fresh && graph[i].kind === 'cjs' && running(graph[i])) throw new ERR_REQUIRE_CYCLE_MODULE(file, parentPath);
  }
  for (let i = 0; i < graph.length; i++) {
    if (graph[i].kind === 'esm' && graph[i].hasTLA) throw new ERR_REQUIRE_ASYNC_MODULE(file, parentPath);
  }
  for (let i = 0; i < graph.length; i++) {
    if (running(graph[i])) throw new ERR_REQUIRE_CYCLE_MODULE(file, parentPath);
  }
  evaluate(m);
  if (m.hasError || (m.cycleRoot && m.cycleRoot.hasError)) throw (m.hasError ? m : m.cycleRoot).evaluationError;
  if (ObjectPrototypeHasOwnProperty(m.bindings, 'module.exports')) return m.bindings['module.exports'];
  return requireNamespace(m);
}

// What require(esm) returns: the namespace, or, when the module has a default export and no
// __esModule of its own, the namespace of a facade that adds `__esModule: true` (so code compiled
// from ESM to CommonJS finds the default export), as Node does.
function requireNamespace(m) {
  const ns = getNamespace(m);
  if (!('default' in ns) || '__esModule' in ns) return ns;
  if (m.requireFacade !== undefined) return getNamespace(m.requireFacade);
  const facade = new ModuleRecord(m.url, 'facade');
  const names = ['__esModule'];
  const keys = ReflectOwnKeys(ns);
  for (let i = 0; i < keys.length; i++) if (typeof keys[i] === 'string') ArrayPrototypePush(names, keys[i]);
  facade.exportNames = names;
  defineGetter(facade.bindings, '__esModule', () => true);
  for (let i = 1; i < names.length; i++) {
    const k = names[i];
    defineGetter(facade.bindings, k, () => ns[k]);
  }
  facade.status = 'evaluated';
  m.requireFacade = facade;
  return getNamespace(facade);
}

module.exports = {
  importDynamic, runMainESM, requireESM, looksLikeESM,
};
