// DX-JS stand-in for the test/common module of Node's test suite (tests/conformance/node_parallel).
// Written for this project from the API that test/common/README.md documents; it needs only assert, util
// and path, and loads every other module (os, fs, child_process, ...) on first use, so it works on a
// runtime that lacks them. It behaves the same on Node, which is how the harness validates it.
'use strict';

const assert = require('assert');
const util = require('util');
const path = require('path');

// Intrinsics captured before a test can patch them (some tests replace Object.keys on purpose).
const ObjectKeys = Object.keys;
const ObjectEntries = Object.entries;
const ObjectDefineProperty = Object.defineProperty;
const ReflectApply = Reflect.apply;
const ReflectConstruct = Reflect.construct;

const noop = () => {};
const platform = process.platform;
const testDir = path.dirname(require.main && require.main.filename ? require.main.filename : __dirname);

// Loads an optional built-in module: undefined when the runtime lacks it.
function optional(name) {
  try {
    return require(name);
  } catch {
    return undefined;
  }
}

// Loads a built-in module a helper cannot do without; the error says which helper needed it.
function needed(name, helper) {
  try {
    return require(name);
  } catch (err) {
    const e = new Error(`common.${helper}() needs the '${name}' module: ${err.message}`);
    e.code = err.code;
    throw e;
  }
}

if (typeof process.umask === 'function') {
  try {
    process.umask(0o022);
  } catch {
    // A runtime without a umask leaves the default.
  }
}

// ---------------------------------------------------------------------------------------------------
// Call-count checks, verified when the process exits normally.

const callChecks = [];

function callSite(depth) {
  const stack = new Error().stack || '';
  const lines = stack.split('\n').filter((l) => l.trim() !== '' && !/^\w*Error/.test(l));
  return (lines[depth] || lines[lines.length - 1] || '').trim();
}

function checkCallsAtExit(code) {
  if (code !== 0 && code !== undefined) return;
  if (process.exitCode !== undefined && process.exitCode !== 0) return;
  const failed = callChecks.filter((c) => (c.exact !== undefined ? c.actual !== c.exact : c.actual < c.minimum));
  if (failed.length === 0) return;
  for (const c of failed) {
    const expected = c.exact !== undefined ? `exactly ${c.exact}` : `at least ${c.minimum}`;
    process.stderr.write(`Mismatched ${c.name} function calls. Expected ${expected}, actual ${c.actual}.\n` +
                         `    ${c.site}\n`);
  }
  process.exitCode = 1;
}
process.on('exit', checkCallsAtExit);

function copyShape(wrapper, fn) {
  // Code under test may look at a callback's arity or name (util.callbackify, EventEmitter listeners).
  ObjectDefineProperty(wrapper, 'length', { value: fn.length, configurable: true });
  ObjectDefineProperty(wrapper, 'name', { value: fn.name, configurable: true });
  return wrapper;
}

function makeCounted(fn, check) {
  callChecks.push(check);
  const wrapper = function(...args) {
    check.actual++;
    if (new.target) return ReflectConstruct(fn, args, new.target);
    return ReflectApply(fn, this, args);
  };
  return copyShape(wrapper, fn);
}

function mustCall(fn, exact) {
  if (typeof fn === 'number') {
    exact = fn;
    fn = noop;
  } else if (fn === undefined) {
    fn = noop;
  }
  if (exact === undefined) exact = 1;
  if (typeof fn !== 'function') throw new TypeError('mustCall: fn must be a function');
  if (!Number.isInteger(exact) || exact < 0) throw new TypeError(`mustCall: invalid count ${exact}`);
  return makeCounted(fn, { name: fn.name || '<anonymous>', exact, actual: 0, site: callSite(2) });
}

function mustCallAtLeast(fn, minimum) {
  if (typeof fn === 'number') {
    minimum = fn;
    fn = noop;
  } else if (fn === undefined) {
    fn = noop;
  }
  if (minimum === undefined) minimum = 1;
  if (typeof fn !== 'function') throw new TypeError('mustCallAtLeast: fn must be a function');
  if (!Number.isInteger(minimum) || minimum < 0) throw new TypeError(`mustCallAtLeast: invalid count ${minimum}`);
  return makeCounted(fn, { name: fn.name || '<anonymous>', minimum, actual: 0, site: callSite(2) });
}

function mustNotCall(msg) {
  const site = callSite(2);
  return function mustNotCall(...args) {
    const text = msg === undefined ? 'function should not have been called' : String(msg);
    const shown = args.length > 0 ? `\ncalled with arguments: ${args.map((a) => util.inspect(a)).join(', ')}` : '';
    assert.fail(`${text} at ${site}${shown}`);
  };
}

function mustSucceed(fn, exact) {
  return mustCall(function(err, ...args) {
    assert.ifError(err);
    if (typeof fn === 'function') return ReflectApply(fn, this, args);
  }, exact);
}

function expectsError(validator, exact) {
  return mustCall((...args) => {
    const [err] = args;
    assert.throws(() => { throw err; }, validator);
    return true;
  }, exact);
}

// ---------------------------------------------------------------------------------------------------
// Warnings.

const expectedWarnings = new Map(); // warning name -> [[message, code], ...] still to come
let warningListenerInstalled = false;

function onWarning(warning) {
  const queue = expectedWarnings.get(warning.name);
  assert.ok(queue !== undefined, `unexpected ${warning.name}: ${warning.message}`);
  assert.ok(queue.length > 0, `one ${warning.name} too many: ${warning.message}`);
  const [message, code] = queue.shift();
  if (message instanceof RegExp) {
    assert.match(warning.message, message);
  } else {
    assert.strictEqual(warning.message, message);
  }
  assert.strictEqual(warning.code, code);
}

function checkWarningsAtExit(code) {
  if (code !== 0 && code !== undefined) return;
  if (process.exitCode !== undefined && process.exitCode !== 0) return;
  for (const [name, queue] of expectedWarnings) {
    for (const [message] of queue) {
      process.stderr.write(`Expected ${name} was not emitted: ${message}\n`);
      process.exitCode = 1;
    }
  }
}

// Normalises the many shapes expectWarning accepts into [message, code] pairs.
function warningEntries(name, expected, code) {
  if (typeof expected === 'string' || expected instanceof RegExp) return [[expected, code]];
  if (Array.isArray(expected)) {
    if (expected.length === 0) return [];
    if (!Array.isArray(expected[0])) return [[expected[0], expected[1]]];
    return expected.map((e) => [e[0], e[1]]);
  }
  if (expected !== null && typeof expected === 'object') {
    return ObjectEntries(expected).map(([c, message]) => [message, c]);
  }
  throw new TypeError(`expectWarning: bad expectation for ${name}`);
}

function expectWarning(nameOrMap, expected, code) {
  const add = (name, exp, c) => {
    const entries = warningEntries(name, exp, c);
    if (name === 'DeprecationWarning') {
      for (const [message, entryCode] of entries) {
        assert.ok(entryCode !== undefined, `expectWarning: a DeprecationWarning needs a code (${message})`);
      }
    }
    if (!expectedWarnings.has(name)) expectedWarnings.set(name, []);
    expectedWarnings.get(name).push(...entries);
  };
  if (typeof nameOrMap === 'string') {
    add(nameOrMap, expected, code);
  } else {
    for (const [name, exp] of ObjectEntries(nameOrMap)) add(name, exp);
  }
  if (!warningListenerInstalled) {
    warningListenerInstalled = true;
    process.on('warning', onWarning);
    process.on('exit', checkWarningsAtExit);
  }
}

// ---------------------------------------------------------------------------------------------------
// Leaked globals: anything enumerable on the global object at exit that was not there when this module
// loaded and that the test did not declare with allowGlobals().

const knownGlobals = new Set(ObjectKeys(globalThis));
if (process.env.NODE_TEST_KNOWN_GLOBALS && process.env.NODE_TEST_KNOWN_GLOBALS !== '0') {
  for (const name of process.env.NODE_TEST_KNOWN_GLOBALS.split(',')) knownGlobals.add(name);
}

function allowGlobals(...allowlist) {
  for (const g of allowlist) {
    if (typeof g === 'string') {
      knownGlobals.add(g);
    } else {
      for (const key of ObjectKeys(globalThis)) if (globalThis[key] === g) knownGlobals.add(key);
    }
  }
  return [...knownGlobals];
}

function leakedGlobals() {
  return ObjectKeys(globalThis).filter((key) => !knownGlobals.has(key));
}

if (process.env.NODE_TEST_KNOWN_GLOBALS !== '0') {
  process.on('exit', (code) => {
    if (code !== 0 && code !== undefined) return;
    const leaked = leakedGlobals();
    if (leaked.length > 0) {
      process.stderr.write(`Unexpected global(s) found: ${leaked.join(', ')}\n`);
      process.exitCode = 1;
    }
  });
}

// ---------------------------------------------------------------------------------------------------
// Error-message helpers.

// The " Received ..." tail Node puts on ERR_INVALID_ARG_TYPE and ERR_INVALID_RETURN_VALUE messages.
function invalidArgTypeHelper(input) {
  if (input == null) return ` Received ${input}`;
  if (typeof input === 'function') {
    return input.name ? ` Received function ${input.name}` : ' Received function ';
  }
  if (typeof input === 'object') {
    if (input.constructor && typeof input.constructor.name === 'string' && input.constructor.name !== '') {
      return ` Received an instance of ${input.constructor.name}`;
    }
    return ` Received ${util.inspect(input, { depth: -1 })}`;
  }
  // Only strings are shortened: to 25 characters and an ellipsis when longer than 28, before quoting.
  const value = typeof input === 'string' && input.length > 28 ? `${input.slice(0, 25)}...` : input;
  return ` Received type ${typeof input} (${util.inspect(value, { colors: false })})`;
}

// ---------------------------------------------------------------------------------------------------
// Objects that must not be mutated.

const immutableProxies = new WeakMap();

function mutationError(what, key) {
  const where = key === undefined ? '' : ` of ${typeof key === 'symbol' ? key.toString() : JSON.stringify(key)}`;
  return new assert.AssertionError({ message: `Expected no side effects, got ${what}${where}` });
}

const immutableHandler = {
  get(target, key, receiver) {
    const value = Reflect.get(target, key, receiver);
    return (value !== null && typeof value === 'object') ? mustNotMutateObjectDeep(value) : value;
  },
  set(target, key) { throw mutationError('a write', key); },
  defineProperty(target, key) { throw mutationError('a definition', key); },
  deleteProperty(target, key) { throw mutationError('a deletion', key); },
  setPrototypeOf() { throw mutationError('a prototype change'); },
  preventExtensions() { throw mutationError('preventExtensions'); },
};

function mustNotMutateObjectDeep(target) {
  if (target === null || typeof target !== 'object') return target;
  let proxy = immutableProxies.get(target);
  if (proxy === undefined) {
    proxy = new Proxy(target, immutableHandler);
    immutableProxies.set(target, proxy);
  }
  return proxy;
}

// ---------------------------------------------------------------------------------------------------
// Binary data helpers.

function viewConstructors() {
  const list = [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array];
  if (typeof Float16Array === 'function') list.push(Float16Array);
  list.push(Float32Array, Float64Array, BigInt64Array, BigUint64Array, DataView);
  return list;
}

// Every ArrayBufferView over the bytes of buf whose element size divides its length.
function getArrayBufferViews(buf) {
  const { buffer, byteOffset, byteLength } = buf;
  const out = [];
  for (const Ctor of viewConstructors()) {
    const size = Ctor.BYTES_PER_ELEMENT || 1;
    if (byteLength % size !== 0) continue;
    // A typed array needs an aligned offset: copy the bytes to a fresh buffer when it is not.
    if (byteOffset % size === 0) {
      out.push(new Ctor(buffer, byteOffset, byteLength / size));
    } else {
      const copy = new Uint8Array(byteLength);
      copy.set(new Uint8Array(buffer, byteOffset, byteLength));
      out.push(new Ctor(copy.buffer, 0, byteLength / size));
    }
  }
  return out;
}

function getBufferSources(buf) {
  const views = getArrayBufferViews(buf);
  const copy = new Uint8Array(buf.byteLength);
  copy.set(new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength));
  return [...views, copy.buffer];
}

// ---------------------------------------------------------------------------------------------------
// Skipping.

const SKIP_MARKER = '1..0 # Skipped: ';

function printSkipMessage(msg) {
  console.log(SKIP_MARKER + msg);
}

function skip(msg) {
  printSkipMessage(msg);
  process.exit(0);
}

function skipIf32Bits() {
  if (process.arch === 'ia32' || process.arch === 'arm' || process.arch === 'mips' ||
      process.arch === 'mipsel' || process.arch === 'ppc' || process.arch === 'x32') {
    skip('The tested feature needs a 64-bit build');
  }
}

function skipIfInspectorDisabled() {
  if (!(process.features && process.features.inspector)) skip('V8 inspector is disabled');
}

function skipIfSQLiteMissing() {
  if (!module.exports.hasSQLite) skip('missing SQLite');
}

function skipIfEslintMissing() {
  skip('ESLint is not part of this test tree');
}

// ---------------------------------------------------------------------------------------------------
// Processes.

function spawnPromisified(...args) {
  const { spawn } = needed('child_process', 'spawnPromisified');
  let stdout = '';
  let stderr = '';
  const child = spawn(...args);
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stdout.on('data', (d) => { stdout += d; });
  child.stderr.on('data', (d) => { stderr += d; });
  return new Promise((resolve, reject) => {
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
    child.on('error', (code, signal) => reject({ code, signal, stdout, stderr }));
  });
}

// Whether an exit status or signal is what an aborting process (abort(), a fatal V8 check) leaves.
function nodeProcessAborted(exitCode, signal) {
  if (platform === 'win32') return exitCode === 0xC0000409 || exitCode === 134 || exitCode === 0x80000003;
  return signal === 'SIGABRT' || signal === 'SIGILL' || signal === 'SIGTRAP' || exitCode === 134;
}

function isAlive(pid) {
  try {
    process.kill(pid, 'SIGCONT');
    return true;
  } catch {
    return false;
  }
}

// Quotes the interpolated values of a tagged template for a POSIX shell: they travel in environment
// variables, so no value is ever parsed by the shell.
function escapePOSIXShell(strings, ...values) {
  if (platform === 'win32') return [String.raw({ raw: strings }, ...values)];
  const env = { ...process.env };
  let cmd = strings[0];
  for (let i = 0; i < values.length; i++) {
    const name = `ESCAPED_${i}`;
    env[name] = String(values[i]);
    cmd += '${' + name + '}' + strings[i + 1];
  }
  return [cmd, { env }];
}

function getTTYfd() {
  const tty = optional('tty');
  if (tty === undefined) return -1;
  for (const fd of [0, 1, 2]) if (tty.isatty(fd)) return fd;
  const fs = optional('fs');
  if (fs === undefined) return -1;
  try {
    return fs.openSync('/dev/tty', 'r');
  } catch {
    return -1;
  }
}

function runWithInvalidFD(func) {
  const fs = needed('fs', 'runWithInvalidFD');
  let fd = 1 << 30;
  // Look for a descriptor number that is not open in this process.
  try {
    while (fs.fstatSync(fd--) && fd > 0);
  } catch {
    return func(fd);
  }
  printSkipMessage('Could not generate an invalid fd');
}

function requireNoPackageJSONAbove(dir = testDir) {
  const fs = needed('fs', 'requireNoPackageJSONAbove');
  let current = path.resolve(dir, '..');
  for (;;) {
    const candidate = path.join(current, 'package.json');
    if (fs.existsSync(candidate)) {
      assert.fail(`This test must not have a package.json above it; found ${candidate}`);
    }
    const parent = path.dirname(current);
    if (parent === current) return;
    current = parent;
  }
}

// ---------------------------------------------------------------------------------------------------
// Timing.

function platformTimeout(ms) {
  let factor = 1;
  if (module.exports.isDebug) factor *= 2;
  if (process.arch === 'arm' || process.arch === 'riscv64' || process.arch === 'loong64') factor *= 2;
  if (platform === 'aix' || platform === 'os400') factor *= 2;
  if (typeof ms === 'bigint') return ms * BigInt(factor);
  return ms * factor;
}

function sleepSync(ms) {
  const end = Date.now() + ms;
  if (typeof SharedArrayBuffer === 'function' && typeof Atomics === 'object') {
    try {
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
      return;
    } catch {
      // Fall back to spinning where the main thread may not block.
    }
  }
  while (Date.now() < end);
}

// ---------------------------------------------------------------------------------------------------
// The exports. Facts about the environment that need an optional module are getters, computed on use.

const exportsObject = {
  allowGlobals,
  buildType: process.features && process.features.debug ? 'Debug' : 'Release',
  canCreateSymLink: () => platform !== 'win32',
  escapePOSIXShell,
  expectsError,
  expectWarning,
  getArrayBufferViews,
  getBufferSources,
  getTTYfd,
  invalidArgTypeHelper,
  isAlive,
  isDebug: Boolean(process.features && process.features.debug),
  isAIX: platform === 'aix',
  isFreeBSD: platform === 'freebsd',
  isIBMi: platform === 'os400',
  isLinux: platform === 'linux',
  isMacOS: platform === 'darwin',
  isOpenBSD: platform === 'openbsd',
  isSunOS: platform === 'sunos',
  isWindows: platform === 'win32',
  isASan: Boolean(process.config && process.config.variables && process.config.variables.asan),
  localhostIPv4: '127.0.0.1',
  localIPv6Hosts: ['localhost', 'ip6-localhost', 'ip6-loopback', 'ipv6-localhost', 'ipv6-loopback'],
  mustCall,
  mustCallAtLeast,
  mustNotCall,
  mustNotMutateObjectDeep,
  mustSucceed,
  nodeProcessAborted,
  platformTimeout,
  printSkipMessage,
  pwdCommand: platform === 'win32' ? ['cmd.exe', ['/d', '/c', 'cd']] : ['pwd', []],
  requireNoPackageJSONAbove,
  runWithInvalidFD,
  skip,
  skipIf32Bits,
  skipIfEslintMissing,
  skipIfInspectorDisabled,
  skipIfSQLiteMissing,
  sleepSync,
  spawnPromisified,
};

function lazy(name, compute) {
  let done = false;
  let value;
  ObjectDefineProperty(exportsObject, name, {
    enumerable: true,
    configurable: true,
    get() {
      if (!done) {
        value = compute();
        done = true;
      }
      return value;
    },
    set(v) {
      value = v;
      done = true;
    },
  });
}

lazy('hasIntl', () => typeof Intl === 'object' && Intl !== null && typeof Intl.DateTimeFormat === 'function');
lazy('hasCrypto', () => process.env.NODE_SKIP_CRYPTO === undefined && optional('crypto') !== undefined);
lazy('hasOpenSSL3', () => Boolean(process.versions.openssl) && Number.parseInt(process.versions.openssl, 10) >= 3);
lazy('hasQuic', () => false);
lazy('hasSQLite', () => optional('node:sqlite') !== undefined);
lazy('hasInspector', () => Boolean(process.features && process.features.inspector));
lazy('hasIPv6', () => {
  const os = optional('os');
  if (os === undefined) return false;
  const interfaces = os.networkInterfaces();
  return ObjectKeys(interfaces).some((n) => interfaces[n].some((i) => i.family === 'IPv6' && i.internal));
});
lazy('enoughTestMem', () => {
  const os = optional('os');
  return os !== undefined && os.totalmem() > 0x70000000;
});
lazy('inFreeBSDJail', () => false);
lazy('isPi', () => false);
lazy('isLinuxPPCBE', () => platform === 'linux' && process.arch === 'ppc64' &&
                           optional('os') !== undefined && require('os').endianness() === 'BE');
lazy('isInsideDirWithUnusualChars', () => /[^\w/.-]/.test(testDir));
lazy('PORT', () => Number(process.env.NODE_COMMON_PORT) || 12346);
lazy('PIPE', () => {
  const tmpdir = require('./tmpdir');
  return platform === 'win32' ? '\\\\.\\pipe\\libuv-test' : path.join(tmpdir.path, 'test.sock');
});

module.exports = exportsObject;
