'use strict';
// node:util's module surface that exists today (inspect/format have their own test files).
const test = require('node:test');
const assert = require('node:assert');
const util = require('node:util');

test('inherits sets the prototype chain and super_', () => {
  function Base() {}
  Base.prototype.hello = function () { return 'hi'; };
  function Child() {}
  util.inherits(Child, Base);
  assert.strictEqual(Object.getPrototypeOf(Child.prototype), Base.prototype);
  assert.strictEqual(new Child().hello(), 'hi');
  assert.deepStrictEqual(Object.getOwnPropertyDescriptor(Child, 'super_'),
    { value: Base, writable: true, enumerable: false, configurable: true });
});

test('inherits validates its arguments', () => {
  function A() {}
  assert.throws(() => util.inherits(null, A), { code: 'ERR_INVALID_ARG_TYPE', name: 'TypeError' });
  assert.throws(() => util.inherits(A), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "superCtor" argument must be of type function. Received undefined',
  });
  assert.throws(() => util.inherits(A, {}), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "superCtor.prototype" property must be of type object. Received undefined',
  });
});

test('isDeepStrictEqual', () => {
  assert.strictEqual(util.isDeepStrictEqual({ a: [1, 2] }, { a: [1, 2] }), true);
  assert.strictEqual(util.isDeepStrictEqual([0], [-0]), false);
  assert.strictEqual(util.isDeepStrictEqual(new Set([1, {}]), new Set([{}, 1])), true);
  assert.strictEqual(util.isDeepStrictEqual(NaN, NaN), true);
});

test('types, inspect and format are reachable from the module', () => {
  assert.strictEqual(util.types.isDate(new Date()), true);
  assert.strictEqual(util.types.isRegExp({}), false);
  assert.strictEqual(util.inspect({ a: 'b' }), "{ a: 'b' }");
  assert.strictEqual(util.format('%s=%d', 'x', 42), 'x=42');
  assert.strictEqual(util.inspect.custom, Symbol.for('nodejs.util.inspect.custom'));
});

// ---- the rest of the module ------------------------------------------------------------------------

test('the module has every export Node 24 has', () => {
  const expected = ['_errnoException', '_exceptionWithHostPort', '_extend', 'callbackify', 'convertProcessSignalToExitCode',
    'debug', 'debuglog', 'deprecate', 'format', 'styleText', 'formatWithOptions', 'getCallSites', 'getSystemErrorMap',
    'getSystemErrorName', 'getSystemErrorMessage', 'inherits', 'inspect', 'isArray', 'isDeepStrictEqual', 'promisify',
    'stripVTControlCharacters', 'toUSVString', 'transferableAbortSignal', 'transferableAbortController', 'aborted',
    'types', 'parseEnv', 'parseArgs', 'TextDecoder', 'TextEncoder', 'MIMEType', 'MIMEParams', 'diff'];
  const keys = Object.keys(util);
  for (const k of expected) assert.ok(keys.includes(k), `missing util.${k}`);
  for (const k of ['isBoolean', 'isString', 'isFunction', 'log']) assert.strictEqual(k in util, false, k);
});

test('getSystemErrorName / getSystemErrorMessage come from libuv', () => {
  assert.strictEqual(util.getSystemErrorName(-2), 'ENOENT');
  assert.strictEqual(util.getSystemErrorMessage(-2), 'no such file or directory');
  assert.strictEqual(util.getSystemErrorName(-13), 'EACCES');
  assert.strictEqual(util.getSystemErrorName(-111), 'ECONNREFUSED');
  assert.strictEqual(util.getSystemErrorMessage(-111), 'connection refused');
  assert.strictEqual(util.getSystemErrorName(-4095), 'EOF');
  assert.strictEqual(util.getSystemErrorName(-99999), 'Unknown system error -99999');
  assert.strictEqual(util.getSystemErrorMessage(-99999), 'Unknown system error -99999');
});

test('getSystemErrorName / getSystemErrorMessage validate err', () => {
  for (const fn of [util.getSystemErrorName, util.getSystemErrorMessage]) {
    assert.throws(() => fn('x'), {
      name: 'TypeError', code: 'ERR_INVALID_ARG_TYPE',
      message: 'The "err" argument must be of type number. Received type string (\'x\')',
    });
    for (const bad of [0, 2, -1.5, NaN, -(2 ** 60)]) {
      assert.throws(() => fn(bad), { name: 'RangeError', code: 'ERR_OUT_OF_RANGE' });
    }
    assert.throws(() => fn(2), { message: 'The value of "err" is out of range. It must be a negative integer. Received 2' });
  }
});

test('getSystemErrorMap: errno -> [name, message], a new Map each call', () => {
  const map = util.getSystemErrorMap();
  assert.ok(map instanceof Map);
  assert.notStrictEqual(util.getSystemErrorMap(), map);
  assert.ok(map.size >= 80);
  assert.deepStrictEqual(map.get(-2), ['ENOENT', 'no such file or directory']);
  assert.deepStrictEqual([...map.keys()].slice(0, 3), [-7, -13, -98]); // E2BIG, EACCES, EADDRINUSE: libuv's order
  for (const [errno, [name, message]] of map) {
    assert.ok(errno < 0);
    assert.strictEqual(util.getSystemErrorName(errno), name);
    assert.strictEqual(util.getSystemErrorMessage(errno), message);
  }
});

test('_errnoException and _exceptionWithHostPort build Node-shaped errors', () => {
  const e = util._errnoException(-2, 'open', 'file.txt');
  assert.strictEqual(e.message, 'open ENOENT file.txt');
  assert.deepStrictEqual([e.errno, e.code, e.syscall], [-2, 'ENOENT', 'open']);
  assert.strictEqual(util._errnoException(-13, 'read').message, 'read EACCES');
  const h = util._exceptionWithHostPort(-111, 'connect', '1.2.3.4', 80, 'x');
  assert.strictEqual(h.message, 'connect ECONNREFUSED 1.2.3.4:80 - Local (x)');
  assert.deepStrictEqual([h.errno, h.code, h.syscall, h.address, h.port], [-111, 'ECONNREFUSED', 'connect', '1.2.3.4', 80]);
  const noPort = util._exceptionWithHostPort(-111, 'connect', '::1');
  assert.strictEqual(noPort.message, 'connect ECONNREFUSED ::1');
  assert.strictEqual('port' in noPort, false);
});

test('toUSVString replaces lone surrogates', () => {
  assert.strictEqual(util.toUSVString('a\ud800b\udc00c\ud83d\ude00'), 'a\ufffdb\ufffdc\ud83d\ude00');
  assert.strictEqual(util.toUSVString(12), '12');
  assert.strictEqual(util.toUSVString('\udc00\ud800'), '\ufffd\ufffd');
});

test('styleText: escape codes without stream validation, nested in order', () => {
  const opts = { validateStream: false };
  assert.strictEqual(util.styleText('red', 'x', opts), '\u001b[31mx\u001b[39m');
  assert.strictEqual(util.styleText(['bold', 'red'], 'x', opts), '\u001b[1m\u001b[31mx\u001b[39m\u001b[22m');
  assert.strictEqual(util.styleText(['none', 'italic'], 'x', opts), '\u001b[3mx\u001b[23m');
  assert.strictEqual(util.styleText('none', 'x', opts), 'x');
  assert.strictEqual(util.styleText('grey', 'x', opts), '\u001b[90mx\u001b[39m');
  assert.strictEqual(util.styleText.length, 3);
});

test('styleText: nested styled text resumes the outer style', () => {
  const o = { validateStream: false };
  const st = (f, t) => util.styleText(f, t, o);
  assert.strictEqual(st('red', `A${st('blue', 'B')}C`), '\u001b[31mA\u001b[34mB\u001b[31mC\u001b[39m');
  assert.strictEqual(st('dim', `dim${st('bold', 'bold')}dim`), '\u001b[2mdim\u001b[1mbold\u001b[22m\u001b[2mdim\u001b[22m');
  assert.strictEqual(st('red', `A${st(['bgRed', 'blue'], 'B')}C`), '\u001b[31mA\u001b[41m\u001b[34mB\u001b[31m\u001b[49mC\u001b[39m');
  // A nested close at the very end stays: the outer close follows anyway.
  assert.strictEqual(st('red', `a${st('blue', 'b')}`), '\u001b[31ma\u001b[34mb\u001b[39m\u001b[39m');
  assert.strictEqual(st(['bold', 'red'], 'test'), st('bold', st('red', 'test')));
});

test('styleText: the stream decides whether to colour', () => {
  const tty = (depth) => ({ isTTY: true, write() {}, on() {}, getColorDepth: () => depth });
  const saved = process.env.FORCE_COLOR;
  delete process.env.FORCE_COLOR;
  try {
    assert.strictEqual(util.styleText('red', 'x', { stream: tty(8) }), '\u001b[31mx\u001b[39m');
    assert.strictEqual(util.styleText('red', 'x', { stream: tty(1) }), 'x');
    assert.strictEqual(util.styleText('red', 'x', { stream: { write() {}, on() {} } }), 'x');
    process.env.FORCE_COLOR = '1';
    assert.strictEqual(util.styleText('red', 'x', { stream: { write() {}, on() {} } }), '\u001b[31mx\u001b[39m');
    process.env.FORCE_COLOR = '0';
    assert.strictEqual(util.styleText('red', 'x', { stream: tty(8) }), 'x');
  } finally {
    if (saved === undefined) delete process.env.FORCE_COLOR;
    else process.env.FORCE_COLOR = saved;
  }
});

test('styleText validates text, format, stream and options', () => {
  assert.throws(() => util.styleText('red', 1), {
    code: 'ERR_INVALID_ARG_TYPE', message: 'The "text" argument must be of type string. Received type number (1)',
  });
  assert.throws(() => util.styleText('nope', 'x'), (e) => {
    assert.strictEqual(e.code, 'ERR_INVALID_ARG_VALUE');
    assert.ok(e.message.startsWith("The argument 'format' must be one of: 'reset', 'bold', 'dim'"), e.message);
    assert.ok(e.message.endsWith("'doubleUnderline'. Received 'nope'"), e.message);
    return true;
  });
  assert.throws(() => util.styleText(['red', 'nope'], 'x', { validateStream: false }), { code: 'ERR_INVALID_ARG_VALUE' });
  assert.throws(() => util.styleText('red', 'x', { stream: 1 }), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "stream" argument must be an instance of ReadableStream, WritableStream, or Stream. Received type number (1)',
  });
  assert.throws(() => util.styleText('red', 'x', { validateStream: 1 }), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "options.validateStream" property must be of type boolean. Received type number (1)',
  });
});

test('convertProcessSignalToExitCode is 128 + the signal number', () => {
  assert.strictEqual(util.convertProcessSignalToExitCode('SIGINT'), 130);
  assert.strictEqual(util.convertProcessSignalToExitCode('SIGKILL'), 137);
  assert.strictEqual(util.convertProcessSignalToExitCode('SIGTERM'), 143);
  assert.throws(() => util.convertProcessSignalToExitCode('SIGNOPE'), (e) => {
    assert.strictEqual(e.code, 'ERR_INVALID_ARG_VALUE');
    assert.ok(e.message.startsWith("The argument 'signalCode' must be one of: 'SIGHUP', 'SIGINT',"), e.message);
    assert.ok(e.message.endsWith(". Received 'SIGNOPE'"), e.message);
    return true;
  });
  assert.throws(() => util.convertProcessSignalToExitCode(2), { code: 'ERR_INVALID_ARG_VALUE' });
});

test('diff: Myers edit script over characters or lines', () => {
  assert.deepStrictEqual(util.diff('abc', 'abd'), [[0, 'a'], [0, 'b'], [1, 'c'], [-1, 'd']]);
  assert.deepStrictEqual(util.diff(['a', 'b'], ['a', 'c']), [[0, 'a'], [1, 'b'], [-1, 'c']]);
  assert.deepStrictEqual(util.diff('same', 'same'), []);
  assert.deepStrictEqual(util.diff('', 'xy'), [[-1, 'x'], [-1, 'y']]);
  assert.throws(() => util.diff(1, 'a'), { code: 'ERR_INVALID_ARG_TYPE', message: 'The "actual" argument must be of type string. Received type number (1)' });
  assert.throws(() => util.diff('a', {}), { code: 'ERR_INVALID_ARG_TYPE', message: 'The "expected" argument must be of type string. Received an instance of Object' });
  assert.throws(() => util.diff(['a', 1], ['b']), { code: 'ERR_INVALID_ARG_TYPE', message: 'The "actual[1]" argument must be of type string. Received type number (1)' });
});

test('parseEnv: quotes, comments, export, multi-line values', () => {
  const env = util.parseEnv('A=1\nB="x\\ny"\n#c\nexport C=3 # hi\nD=\'q\'\nE=`a\nb`\nF=\n G = spaced \nH="unterminated\n');
  assert.deepStrictEqual(env, { A: '1', B: 'x\ny', C: '3', D: 'q', E: 'a\nb', F: '', G: 'spaced', H: '"unterminated' });
  assert.strictEqual(Object.getPrototypeOf(env), Object.prototype);
  // Keys come out in byte order; later definitions win.
  assert.deepStrictEqual(Object.keys(util.parseEnv('b=1\na=2\nB=3\nb=4')), ['B', 'a', 'b']);
  assert.strictEqual(util.parseEnv('b=1\nb=4').b, '4');
  assert.throws(() => util.parseEnv(1), {
    code: 'ERR_INVALID_ARG_TYPE', message: 'The "content" argument must be of type string. Received type number (1)',
  });
});

test('getCallSites: this file\'s frames with names, lines and columns', () => {
  // Not tail calls: JavaScriptCore drops the frames of strict-mode tail calls.
  function inner() { const s = util.getCallSites(); return s; }
  function outer() { const s = inner(); return s; }
  const sites = outer();
  assert.ok(sites.length >= 2 && sites.length <= 10);
  assert.strictEqual(Object.getPrototypeOf(sites[0]), null);
  assert.deepStrictEqual(Object.keys(sites[0]), ['functionName', 'scriptId', 'scriptName', 'lineNumber', 'columnNumber', 'column']);
  assert.strictEqual(sites[0].functionName, 'inner');
  assert.strictEqual(sites[1].functionName, 'outer');
  assert.ok(sites[0].scriptName.endsWith('util.test.js'), sites[0].scriptName);
  assert.strictEqual(sites[1].lineNumber, sites[0].lineNumber + 1);
  assert.strictEqual(typeof sites[0].scriptId, 'string');
  assert.strictEqual(sites[0].columnNumber, sites[0].column);
  assert.strictEqual(util.getCallSites(1).length, 1);
  assert.strictEqual(util.getCallSites({ sourceMap: false }).length >= 1, true);
});

test('getCallSites validates its arguments', () => {
  assert.throws(() => util.getCallSites(0), { code: 'ERR_OUT_OF_RANGE', message: 'The value of "frameCount" is out of range. It must be >= 1 && <= 200. Received 0' });
  assert.throws(() => util.getCallSites(201), { code: 'ERR_OUT_OF_RANGE' });
  assert.throws(() => util.getCallSites(1.5), { code: 'ERR_OUT_OF_RANGE', message: 'The value of "frameCount" is out of range. It must be an integer. Received 1.5' });
  assert.throws(() => util.getCallSites('a'), { code: 'ERR_INVALID_ARG_TYPE' });
  assert.throws(() => util.getCallSites(1, 1), { code: 'ERR_INVALID_ARG_TYPE', message: 'The "options" argument must be of type object. Received type number (1)' });
  assert.throws(() => util.getCallSites({ sourceMap: 1 }), { code: 'ERR_INVALID_ARG_TYPE' });
});

test('TextEncoder/TextDecoder are the global ones where those exist', () => {
  if (typeof globalThis.TextEncoder === 'function') assert.strictEqual(util.TextEncoder, globalThis.TextEncoder);
  if (typeof globalThis.TextDecoder === 'function') assert.strictEqual(util.TextDecoder, globalThis.TextDecoder);
});

test('aborted and transferableAbortSignal where AbortController exists',
     { skip: typeof AbortController === 'function' ? false : 'no AbortController' }, async () => {
  const ac = new AbortController();
  const resource = {};
  let settled = false;
  const p = util.aborted(ac.signal, resource).then(() => { settled = true; });
  await new Promise((r) => setTimeout(r, 2));
  assert.strictEqual(settled, false);
  ac.abort();
  await p;
  assert.strictEqual(settled, true);
  const signal = new AbortController().signal;
  assert.strictEqual(util.transferableAbortSignal(signal), signal);
  assert.throws(() => util.transferableAbortSignal(1), {
    code: 'ERR_INVALID_ARG_TYPE', message: 'The "signal" argument must be an instance of AbortSignal. Received type number (1)',
  });
  const tac = util.transferableAbortController();
  assert.ok(tac instanceof AbortController);
});
