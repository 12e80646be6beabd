'use strict';
// node:util. inspect/format live in internal/util/inspect, the rest in the internal/util/* modules
// required lazily below, so `require('util')` stays cheap. System error names and messages come
// from libuv through internalBinding('util').getErrorMap().

const {
  ArrayIsArray,
  ArrayPrototypeJoin,
  ArrayPrototypeMap,
  Error,
  ErrorCaptureStackTrace,
  Map,
  NumberIsInteger,
  NumberIsSafeInteger,
  ObjectDefineProperty,
  ObjectGetOwnPropertyNames,
  ObjectKeys,
  ObjectSetPrototypeOf,
  SafeMap,
  StringPrototypeIndexOf,
  StringPrototypeLastIndexOf,
  StringPrototypeSlice,
  StringPrototypeSplit,
  StringPrototypeStartsWith,
  StringPrototypeToWellFormed,
} = primordials;
const {
  inspect, format, formatWithOptions, stripVTControlCharacters,
} = require('internal/util/inspect');
const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_OUT_OF_RANGE },
} = require('internal/errors');
const { promisify, callbackify } = require('internal/util/promisify');
const { debuglog } = require('internal/util/debuglog');
const { deprecate } = require('internal/util/deprecate');

let types;
let comparisons;

function validateNumber(value, name, min, max) {
  if (typeof value !== 'number') throw new ERR_INVALID_ARG_TYPE(name, 'number', value);
  if ((min != null && value < min) || (max != null && value > max) || ((min != null || max != null) && value !== value)) {
    throw new ERR_OUT_OF_RANGE(name,
                               `${min != null ? `>= ${min}` : ''}${min != null && max != null ? ' && ' : ''}${max != null ? `<= ${max}` : ''}`,
                               value);
  }
}
function validateBoolean(value, name) {
  if (typeof value !== 'boolean') throw new ERR_INVALID_ARG_TYPE(name, 'boolean', value);
}
function validateString(value, name) {
  if (typeof value !== 'string') throw new ERR_INVALID_ARG_TYPE(name, 'string', value);
}
function validateOneOf(value, name, allowed) {
  for (let i = 0; i < allowed.length; i++) if (allowed[i] === value) return;
  const list = ArrayPrototypeJoin(ArrayPrototypeMap(allowed, (v) => (typeof v === 'string' ? `'${v}'` : `${v}`)), ', ');
  throw new ERR_INVALID_ARG_VALUE(name, value, `must be one of: ${list}`);
}

function inherits(ctor, superCtor) {
  if (ctor === undefined || ctor === null) throw new ERR_INVALID_ARG_TYPE('ctor', 'Function', ctor);
  if (superCtor === undefined || superCtor === null) throw new ERR_INVALID_ARG_TYPE('superCtor', 'Function', superCtor);
  if (superCtor.prototype === undefined) {
    throw new ERR_INVALID_ARG_TYPE('superCtor.prototype', 'Object', superCtor.prototype);
  }
  ObjectDefineProperty(ctor, 'super_', { __proto__: null, value: superCtor, writable: true, configurable: true });
  ObjectSetPrototypeOf(ctor.prototype, superCtor.prototype);
}

function isDeepStrictEqual(a, b) {
  comparisons ??= require('internal/assert/comparisons');
  return comparisons.isDeepStrictEqual(a, b);
}

// --- system errors ---------------------------------------------------------------------------------

let errorMap; // errno -> [name, message], in libuv's order
function uvErrors() {
  if (errorMap === undefined) {
    const flat = internalBinding('util').getErrorMap();
    errorMap = new SafeMap();
    for (let i = 0; i < flat.length; i += 3) errorMap.set(flat[i], [flat[i + 1], flat[i + 2]]);
  }
  return errorMap;
}

function validateErrno(err) {
  validateNumber(err, 'err');
  if (err >= 0 || !NumberIsSafeInteger(err)) throw new ERR_OUT_OF_RANGE('err', 'a negative integer', err);
}

function getSystemErrorName(err) {
  validateErrno(err);
  return uvErrors().get(err)?.[0] ?? `Unknown system error ${err}`;
}

function getSystemErrorMessage(err) {
  validateErrno(err);
  return uvErrors().get(err)?.[1] ?? `Unknown system error ${err}`;
}

function getSystemErrorMap() {
  const map = new Map();
  for (const { 0: errno, 1: entry } of uvErrors()) map.set(errno, [entry[0], entry[1]]);
  return map;
}

function _errnoException(err, syscall, original) {
  const name = uvErrors().get(err)?.[0] ?? `Unknown system error ${err}`;
  const ex = new Error(original ? `${syscall} ${name} ${original}` : `${syscall} ${name}`);
  ex.errno = err;
  ex.code = name;
  ex.syscall = syscall;
  ErrorCaptureStackTrace(ex, _errnoException);
  return ex;
}

function _exceptionWithHostPort(err, syscall, address, port, additional) {
  const code = uvErrors().get(err)?.[0] ?? `Unknown system error ${err}`;
  let details = '';
  if (port && port > 0) details = ` ${address}:${port}`;
  else if (address) details = ` ${address}`;
  if (additional) details += ` - Local (${additional})`;
  const ex = new Error(`${syscall} ${code}${details}`);
  ex.errno = err;
  ex.code = code;
  ex.syscall = syscall;
  ex.address = address;
  if (port) ex.port = port;
  ErrorCaptureStackTrace(ex, _exceptionWithHostPort);
  return ex;
}

// --- small utilities -------------------------------------------------------------------------------

function toUSVString(input) {
  return StringPrototypeToWellFormed(`${input}`);
}

function isArray(value) {
  return ArrayIsArray(value);
}

function _extend(target, source) {
  if (source === null || typeof source !== 'object') return target;
  const keys = ObjectKeys(source);
  let i = keys.length;
  while (i--) target[keys[i]] = source[keys[i]];
  return target;
}

function convertProcessSignalToExitCode(signalCode) {
  const signals = internalBinding('os').getConstants().signals;
  validateOneOf(signalCode, 'signalCode', ObjectKeys(signals));
  return 128 + signals[signalCode];
}

// --- styleText -------------------------------------------------------------------------------------

function isNodeStream(s) {
  return s != null && typeof s === 'object' &&
    (typeof s._readableState === 'object' || typeof s._writableState === 'object' ||
     (typeof s.write === 'function' && typeof s.on === 'function') ||
     (typeof s.pipe === 'function' && typeof s.on === 'function'));
}
function isWebStream(s) {
  return s != null && typeof s === 'object' &&
    ((typeof s.getReader === 'function' && typeof s.pipeThrough === 'function' && typeof s.cancel === 'function') ||
     (typeof s.getWriter === 'function' && typeof s.abort === 'function'));
}

// Whether colour escapes should go to `stream`: FORCE_COLOR decides when set; else a TTY whose
// colour depth is above 2 (NO_COLOR, NODE_DISABLE_COLORS and TERM=dumb make it 1).
function shouldColorize(stream) {
  if (process.env.FORCE_COLOR !== undefined) {
    switch (process.env.FORCE_COLOR) {
      case '': case '1': case 'true': case '2': case '3': return true;
      default: return false;
    }
  }
  return !!(stream?.isTTY && (typeof stream.getColorDepth === 'function' ? stream.getColorDepth() > 2 : true));
}

function styleText(format, text, options) {
  const { validateStream = true, stream = process.stdout } = options ?? {};
  validateString(text, 'text');
  validateBoolean(validateStream, 'options.validateStream');
  let plain = false;
  if (validateStream) {
    if (!isNodeStream(stream) && !isWebStream(stream)) {
      throw new ERR_INVALID_ARG_TYPE('stream', ['ReadableStream', 'WritableStream', 'Stream'], stream);
    }
    plain = !shouldColorize(stream);
  }
  const formats = ArrayIsArray(format) ? format : [format];
  let left = '';
  let right = '';
  for (let i = 0; i < formats.length; i++) {
    const key = formats[i];
    if (key === 'none') continue;
    const codes = inspect.colors[key];
    if (codes == null) validateOneOf(key, 'format', ObjectGetOwnPropertyNames(inspect.colors));
    if (plain) continue;
    left += `\u001b[${codes[0]}m`;
    right = `\u001b[${codes[1]}m${right}`;
    text = restyleNested(text, codes[0], codes[1]);
  }
  return plain ? text : `${left}${text}${right}`;
}

// Styled text nested inside (styleText('red', 'a' + styleText('blue', 'b') + 'c')) ends with the
// same close code as this style; where more text follows, the outer style must resume: a colour is
// simply set again, while bold/dim (whose common close code 22 ends both) close and reopen.
function restyleNested(text, open, close) {
  const closeSeq = `\u001b[${close}m`;
  let at = StringPrototypeIndexOf(text, closeSeq);
  if (at === -1) return text;
  const resume = close === 22 ? `${closeSeq}\u001b[${open}m` : `\u001b[${open}m`;
  let out = '';
  let last = 0;
  while (at !== -1) {
    const end = at + closeSeq.length;
    if (end === text.length) break;
    out += StringPrototypeSlice(text, last, at) + resume;
    last = end;
    at = StringPrototypeIndexOf(text, closeSeq, end);
  }
  return out + StringPrototypeSlice(text, last);
}

// --- getCallSites ----------------------------------------------------------------------------------

const scriptIds = new SafeMap();
function scriptIdFor(name) {
  let id = scriptIds.get(name);
  if (id === undefined) {
    id = `${scriptIds.size + 1}`;
    scriptIds.set(name, id);
  }
  return id;
}

// One frame of a JavaScriptCore stack (`fn@url:line:col`, `url:line:col` or `fn@[native code]`);
// null for frames without a source position.
function parseFrame(line) {
  const at = StringPrototypeIndexOf(line, '@');
  const fn = at === -1 ? '' : StringPrototypeSlice(line, 0, at);
  const loc = at === -1 ? line : StringPrototypeSlice(line, at + 1);
  const c2 = StringPrototypeLastIndexOf(loc, ':');
  const c1 = c2 <= 0 ? -1 : StringPrototypeLastIndexOf(loc, ':', c2 - 1);
  if (c1 <= 0) return null;
  const lineNumber = +StringPrototypeSlice(loc, c1 + 1, c2);
  const column = +StringPrototypeSlice(loc, c2 + 1);
  if (!NumberIsInteger(lineNumber) || !NumberIsInteger(column)) return null;
  const scriptName = StringPrototypeSlice(loc, 0, c1);
  return {
    __proto__: null,
    // Top-level code has no name in V8; JSC names it (and dx's CommonJS wrapper is __dx_module__).
    functionName: fn === 'global code' || fn === 'module code' || fn === 'eval code' || fn === '__dx_module__' ? '' : fn,
    scriptId: scriptIdFor(scriptName),
    scriptName,
    lineNumber,
    columnNumber: column,
    column,
  };
}

function getCallSites(frameCount = 10, options) {
  if (options === undefined && frameCount !== null && typeof frameCount === 'object') {
    options = frameCount;
    frameCount = 10;
  }
  if (options !== undefined) {
    if (options === null || typeof options !== 'object') throw new ERR_INVALID_ARG_TYPE('options', 'object', options);
    if (options.sourceMap !== undefined) validateBoolean(options.sourceMap, 'options.sourceMap');
  }
  validateNumber(frameCount, 'frameCount', 1, 200);
  if (!NumberIsInteger(frameCount)) throw new ERR_OUT_OF_RANGE('frameCount', 'an integer', frameCount);
  const holder = {};
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = frameCount + 1;
  ErrorCaptureStackTrace(holder, getCallSites);
  Error.stackTraceLimit = limit;
  const lines = StringPrototypeSplit(`${holder.stack ?? ''}`, '\n');
  // Where the engine keeps this function's own frame, the sites start after it.
  let first = 0;
  for (let i = 0; i < lines.length; i++) {
    if (StringPrototypeStartsWith(lines[i], 'getCallSites@node:util:')) {
      first = i + 1;
      break;
    }
  }
  const sites = [];
  for (let i = first; i < lines.length && sites.length < frameCount; i++) {
    const site = parseFrame(lines[i]);
    if (site !== null) sites[sites.length] = site;
  }
  return sites;
}

// --- diff ------------------------------------------------------------------------------------------

function validateDiffInput(value, name) {
  if (typeof value === 'string') return;
  if (!ArrayIsArray(value)) throw new ERR_INVALID_ARG_TYPE(name, 'string', value);
  for (let i = 0; i < value.length; i++) {
    if (typeof value[i] !== 'string') throw new ERR_INVALID_ARG_TYPE(`${name}[${i}]`, 'string', value[i]);
  }
}

function diff(actual, expected) {
  if (actual === expected) return [];
  validateDiffInput(actual, 'actual');
  validateDiffInput(expected, 'expected');
  return require('internal/assert/myers_diff').myersDiff(actual, expected);
}

function parseEnv(content) {
  validateString(content, 'content');
  return require('internal/util/parse_env').parseEnv(content);
}

function parseArgs(config = undefined) {
  return require('internal/util/parse_args').parseArgs(config);
}

module.exports = {
  _errnoException,
  _exceptionWithHostPort,
  _extend: deprecate(_extend, 'The `util._extend` API is deprecated. Please use Object.assign() instead.', 'DEP0060'),
  callbackify,
  convertProcessSignalToExitCode,
  debug: debuglog,
  debuglog,
  deprecate,
  format,
  styleText,
  formatWithOptions,
  getCallSites,
  getSystemErrorMap,
  getSystemErrorName,
  getSystemErrorMessage,
  inherits,
  inspect,
  isArray: deprecate(isArray, 'The `util.isArray` API is deprecated. Please use `Array.isArray()` instead.', 'DEP0044'),
  isDeepStrictEqual,
  promisify,
  stripVTControlCharacters,
  toUSVString,
};

function lazy(name, get) {
  let value;
  let loaded = false;
  ObjectDefineProperty(module.exports, name, {
    __proto__: null, enumerable: true, configurable: true,
    get() {
      if (!loaded) {
        value = get();
        loaded = true;
      }
      return value;
    },
    set(v) {
      value = v;
      loaded = true;
    },
  });
}

// internal/abort_controller comes with AbortController; until it is built in, these read as
// undefined rather than breaking `const { aborted } = require('util')`.
function abortControllerModule() {
  try {
    return require('internal/abort_controller');
  } catch (err) {
    if (typeof err?.message === 'string' && StringPrototypeStartsWith(err.message, 'No such built-in module')) return undefined;
    throw err;
  }
}

// A signal that may be sent to another thread; dx transfers signals by structured clone only once
// workers exist, so marking changes nothing observable yet.
function transferableAbortSignal(signal) {
  const mod = abortControllerModule();
  if (typeof mod?.transferableAbortSignal === 'function') return mod.transferableAbortSignal(signal);
  if (typeof AbortSignal !== 'function' || !(signal instanceof AbortSignal)) {
    throw new ERR_INVALID_ARG_TYPE('signal', 'AbortSignal', signal);
  }
  return signal;
}

function transferableAbortController() {
  const mod = abortControllerModule();
  if (typeof mod?.transferableAbortController === 'function') return mod.transferableAbortController();
  return new AbortController();
}

lazy('transferableAbortSignal', () => transferableAbortSignal);
lazy('transferableAbortController', () => transferableAbortController);
lazy('aborted', () => abortControllerModule()?.aborted);
lazy('types', () => (types ??= require('internal/util/types')));
ObjectDefineProperty(module.exports, 'parseEnv', {
  __proto__: null, value: parseEnv, enumerable: true, writable: true, configurable: true,
});
ObjectDefineProperty(module.exports, 'parseArgs', {
  __proto__: null, value: parseArgs, enumerable: true, writable: true, configurable: true,
});
lazy('TextDecoder', () => require('internal/encoding').TextDecoder);
lazy('TextEncoder', () => require('internal/encoding').TextEncoder);
lazy('MIMEType', () => require('internal/util/mime').MIMEType);
lazy('MIMEParams', () => require('internal/util/mime').MIMEParams);
ObjectDefineProperty(module.exports, 'diff', {
  __proto__: null, value: diff, enumerable: true, writable: true, configurable: true,
});

// While enabled, SIGINT prints the stack of the JavaScript running at that moment to stderr and
// the process then dies by SIGINT (runtime/sigint_trace.c). Like Node, any truthy value enables.
function setTraceSigInt(enable) {
  internalBinding('util').setTraceSigInt(!!enable);
}

ObjectDefineProperty(module.exports, 'setTraceSigInt', {
  __proto__: null, value: setTraceSigInt, enumerable: true, writable: true, configurable: true,
});
