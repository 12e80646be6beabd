'use strict';
// Node's error table: `codes.ERR_X` classes with Node's message, class and `code`.
//
//   const { codes: { ERR_INVALID_ARG_TYPE } } = require('internal/errors');
//   throw new ERR_INVALID_ARG_TYPE('path', ['string', 'Buffer', 'URL'], value);
//
// An error made here is an instance of its base class (`TypeError`...), its `name` is the base's name,
// its own enumerable `code` is the key, and `toString()` and the printed stack header read
// `TypeError [ERR_X]: message` (the header comes from internal/errors/stack through kIsNodeError).
//
// Adding a code is one line, `E(code, message, Base[, OtherBase...])`, where `message` is either a
// format string (`%s`, `%d`, `%i`, `%j`, `%o`, `%O`, `%%`, one argument per placeholder) or a function
// of the constructor's arguments called with the error as `this`. Extra bases are reachable as
// `codes.ERR_X.RangeError` and so on.

const {
  ArrayIsArray,
  ArrayPrototypeIncludes,
  ArrayPrototypeIndexOf,
  ArrayPrototypeJoin,
  ArrayPrototypeMap,
  ArrayPrototypePush,
  ArrayPrototypeSlice,
  ArrayPrototypeSplice,
  Error,
  ErrorCaptureStackTrace,
  JSONStringify,
  MathAbs,
  NumberIsInteger,
  NumberParseInt,
  NumberParseFloat,
  ObjectDefineProperty,
  ObjectGetOwnPropertyDescriptor,
  ObjectIsExtensible,
  ObjectKeys,
  ObjectPrototypeHasOwnProperty,
  RangeError,
  ReflectApply,
  RegExpPrototypeExec,
  SafeMap,
  String,
  StringPrototypeCharCodeAt,
  StringPrototypeEndsWith,
  StringPrototypeIncludes,
  StringPrototypeIndexOf,
  StringPrototypeLastIndexOf,
  StringPrototypeSlice,
  StringPrototypeStartsWith,
  StringPrototypeToLowerCase,
  TypeError,
} = primordials;

const { kIsNodeError } = require('internal/errors/stack');

const messages = new SafeMap();
const codes = {};

let inspectModule;
function lazyInspect() {
  inspectModule ??= require('internal/util/inspect');
  return inspectModule.inspect;
}

// Inspects without calling a custom inspect function first; if inspecting throws anyway (a getter, a
// Proxy), tries once more without custom inspection at all.
function inspectWithNoCustomRetry(obj, options) {
  const inspect = lazyInspect();
  try {
    return inspect(obj, options);
  } catch {
    return inspect(obj, { __proto__: null, ...options, customInspect: false });
  }
}

function isErrorStackTraceLimitWritable() {
  const desc = ObjectGetOwnPropertyDescriptor(Error, 'stackTraceLimit');
  if (desc === undefined) return ObjectIsExtensible(Error);
  return ObjectPrototypeHasOwnProperty(desc, 'writable') ? desc.writable : desc.set !== undefined;
}

// Node hides its internal frames from some errors' stacks; dx does not track which frames are
// internal, so this only names the intent.
function hideStackFrames(fn) {
  return fn;
}

// One `%x` placeholder of a format string, as util.format prints it.
function formatArg(kind, arg) {
  switch (kind) {
    case 115: { // s
      if (typeof arg === 'string') return arg;
      if (typeof arg === 'bigint') return `${arg}n`;
      if (typeof arg === 'number') return arg === 0 && 1 / arg < 0 ? '-0' : `${arg}`;
      if (typeof arg === 'symbol') return String(arg);
      if (arg !== null && typeof arg === 'object') {
        return lazyInspect()(arg, { depth: 0, colors: false, compact: 3 });
      }
      return String(arg);
    }
    case 100: { // d
      if (typeof arg === 'bigint') return `${arg}n`;
      if (typeof arg === 'symbol' || (arg !== null && typeof arg === 'object')) return 'NaN';
      const n = +arg;
      return n === 0 && 1 / n < 0 ? '-0' : `${n}`;
    }
    case 105: { // i
      if (typeof arg === 'bigint') return `${arg}n`;
      if (typeof arg === 'symbol') return 'NaN';
      return `${NumberParseInt(arg)}`;
    }
    case 102: // f
      return typeof arg === 'symbol' ? 'NaN' : `${NumberParseFloat(arg)}`;
    case 106: // j
      try {
        return JSONStringify(arg);
      } catch {
        return '[Circular]';
      }
    case 111: // o
      return lazyInspect()(arg, { showHidden: true, showProxy: true, depth: 4 });
    case 79: // O
      return lazyInspect()(arg);
    case 99: // c
      return '';
    default:
      return undefined;
  }
}

function format(fmt, args) {
  let out = '';
  let last = 0;
  let a = 0;
  for (let i = 0; i < fmt.length - 1; i++) {
    if (StringPrototypeCharCodeAt(fmt, i) !== 37) continue; // %
    const kind = StringPrototypeCharCodeAt(fmt, i + 1);
    if (kind === 37) {
      out += StringPrototypeSlice(fmt, last, i) + '%';
      last = i + 2;
      i++;
      continue;
    }
    if (a >= args.length) continue;
    const text = formatArg(kind, args[a]);
    if (text === undefined) continue;
    out += StringPrototypeSlice(fmt, last, i) + text;
    a++;
    last = i + 2;
    i++;
  }
  out += StringPrototypeSlice(fmt, last);
  for (; a < args.length; a++) {
    const arg = args[a];
    out += ' ' + (typeof arg === 'string' ? arg : lazyInspect()(arg));
  }
  return out;
}

function getMessage(key, args, self) {
  const msg = messages.get(key);
  if (typeof msg === 'function') return ReflectApply(msg, self, args);
  if (args.length === 0) return msg;
  return format(msg, args);
}

function makeNodeErrorWithCode(Base, key) {
  class NodeError extends Base {
    constructor(...args) {
      super();
      ObjectDefineProperty(this, 'code', {
        __proto__: null, value: key, enumerable: true, writable: true, configurable: true,
      });
      ObjectDefineProperty(this, 'message', {
        __proto__: null, value: getMessage(key, args, this), enumerable: false, writable: true, configurable: true,
      });
      // The constructor's own frame is not where the error happened. While the stack is taken the
      // name carries the code, so engines that write a header into the stack write Node's
      // `TypeError [ERR_X]: message`; dx's own stack printing adds the code through kIsNodeError.
      ObjectDefineProperty(this, 'name', {
        __proto__: null, value: `${Base.name} [${key}]`, enumerable: false, writable: true, configurable: true,
      });
      if (ErrorCaptureStackTrace !== undefined) ErrorCaptureStackTrace(this, new.target);
      const stack = this.stack;
      // JavaScriptCore keeps a class constructor's own frame (`NodeError@node:internal/errors:...`).
      if (typeof stack === 'string' && StringPrototypeStartsWith(stack, 'NodeError@node:internal/errors:')) {
        const nl = StringPrototypeIndexOf(stack, '\n');
        ObjectDefineProperty(this, 'stack', {
          __proto__: null, value: nl === -1 ? '' : StringPrototypeSlice(stack, nl + 1),
          enumerable: false, writable: true, configurable: true,
        });
      }
      delete this.name;
    }

    // Node's errors report the base class as their constructor (web platform tests rely on it).
    get ['constructor']() {
      return Base;
    }

    get [kIsNodeError]() {
      return true;
    }

    toString() {
      return `${this.name} [${key}]: ${this.message}`;
    }
  }
  return NodeError;
}

/**
 * Defines `codes[key]`. `message` is a format string or a function of the constructor's arguments;
 * `Base` is the class the error extends, `otherBases` give `codes[key][Other.name]` variants.
 */
function E(key, message, Base, ...otherBases) {
  messages.set(key, message);
  const def = makeNodeErrorWithCode(Base, key);
  for (let i = 0; i < otherBases.length; i++) {
    const Other = otherBases[i];
    def[Other.name] = makeNodeErrorWithCode(Other, key);
  }
  codes[key] = def;
}

// 'A', 'A or B', 'A, B, or C'
function formatList(array, type = 'and') {
  switch (array.length) {
    case 0: return '';
    case 1: return `${array[0]}`;
    case 2: return `${array[0]} ${type} ${array[1]}`;
    case 3: return `${array[0]}, ${array[1]}, ${type} ${array[2]}`;
    default:
      return `${ArrayPrototypeJoin(ArrayPrototypeSlice(array, 0, -1), ', ')}, ${type} ${array[array.length - 1]}`;
  }
}

// '1234567' -> '1_234_567' (integers only)
function addNumericalSeparator(val) {
  let res = '';
  let i = val.length;
  const start = val[0] === '-' ? 1 : 0;
  for (; i >= start + 4; i -= 3) res = `_${StringPrototypeSlice(val, i - 3, i)}${res}`;
  return `${StringPrototypeSlice(val, 0, i)}${res}`;
}

// What "Received ..." says about a value in type errors: 'type number (1)', 'an instance of Map'...
function determineSpecificType(value) {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  const type = typeof value;
  switch (type) {
    case 'bigint':
      return `type bigint (${value}n)`;
    case 'number':
      if (value === 0) return 1 / value === -Infinity ? 'type number (-0)' : 'type number (0)';
      return `type number (${value})`;
    case 'boolean':
      return value ? 'type boolean (true)' : 'type boolean (false)';
    case 'symbol':
      return `type symbol (${String(value)})`;
    case 'function':
      return `function ${value.name}`;
    case 'object':
      if (value.constructor && 'name' in value.constructor) return `an instance of ${value.constructor.name}`;
      return `${lazyInspect()(value, { depth: -1 })}`;
    case 'string':
      if (value.length > 28) value = `${StringPrototypeSlice(value, 0, 25)}...`;
      if (StringPrototypeIndexOf(value, "'") === -1) return `type string ('${value}')`;
      return `type string (${JSONStringify(value)})`;
    default: {
      let text = lazyInspect()(value, { colors: false });
      if (text.length > 28) text = `${StringPrototypeSlice(text, 0, 25)}...`;
      return `type ${type} (${text})`;
    }
  }
}

const classRegExp = /^[A-Z][a-zA-Z0-9]*$/;
const kTypes = ['string', 'function', 'number', 'object', 'Function', 'Object', 'boolean', 'bigint', 'symbol'];

// Node's AbortError: a plain Error with code 'ABORT_ERR' (not the DOMException of the same name).
class AbortError extends Error {
  constructor(message = 'The operation was aborted', options = undefined) {
    if (options !== undefined && typeof options !== 'object') {
      throw new codes.ERR_INVALID_ARG_TYPE('options', 'Object', options);
    }
    super(message, options);
    this.code = 'ABORT_ERR';
    this.name = 'AbortError';
  }
}

function genericNodeError(message, props) {
  const err = new Error(message);
  const keys = props === undefined ? [] : ObjectKeys(props);
  for (let i = 0; i < keys.length; i++) err[keys[i]] = props[keys[i]];
  return err;
}

// Node's SystemError: a uv failure reported by an API that is not itself the syscall (os, util).
// `context` is {errno, code, message, syscall[, path, dest]}; `info` keeps it, and `errno`,
// `syscall`, `path` and `dest` are accessors over it.
class SystemError extends Error {
  constructor(key, context, prefix = 'A system error occurred') {
    let message = `${prefix}: ${context.syscall} returned ${context.code} (${context.message})`;
    if (context.path !== undefined) message += ` ${context.path}`;
    if (context.dest !== undefined) message += ` => ${context.dest}`;
    super(message);
    ObjectDefineProperty(this, 'code', { __proto__: null, value: key, enumerable: true, writable: true, configurable: true });
    ObjectDefineProperty(this, 'name', { __proto__: null, value: 'SystemError', enumerable: false, writable: true, configurable: true });
    ObjectDefineProperty(this, 'info', { __proto__: null, value: context, enumerable: true, writable: false, configurable: true });
    const keys = ['errno', 'syscall', 'path', 'dest'];
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i];
      if (i >= 2 && context[k] === undefined) continue;
      ObjectDefineProperty(this, k, {
        __proto__: null, enumerable: true, configurable: true,
        get() { return context[k]; },
        set(value) { context[k] = value; },
      });
    }
    if (ErrorCaptureStackTrace !== undefined) ErrorCaptureStackTrace(this, new.target);
  }

  get [kIsNodeError]() {
    return true;
  }

  toString() {
    return `${this.name} [${this.code}]: ${this.message}`;
  }
}
ObjectDefineProperty(SystemError.prototype, 'constructor', { __proto__: null, value: Error, writable: true, configurable: true });
codes.ERR_SYSTEM_ERROR = class extends SystemError {
  constructor(context) {
    super('ERR_SYSTEM_ERROR', context);
  }
};
codes.ERR_TTY_INIT_FAILED = class extends SystemError {
  constructor(context) {
    super('ERR_TTY_INIT_FAILED', context, 'TTY initialization failed');
  }
};

// ---------------------------------------------------------------------------------------------------
// The table, sorted by code.

E('ERR_AMBIGUOUS_ARGUMENT', 'The "%s" argument is ambiguous. %s', TypeError);
E('ERR_ASSERTION', '%s', Error);
E('ERR_BUFFER_OUT_OF_BOUNDS', (name = undefined) => (name ?
  `"${name}" is outside of buffer bounds` : 'Attempt to access memory outside buffer bounds'), RangeError);
E('ERR_CONSOLE_WRITABLE_STREAM', 'Console expects a writable stream instance for %s', TypeError);
E('ERR_CONSTRUCT_CALL_REQUIRED', 'Class constructor %s cannot be invoked without `new`', TypeError);
E('ERR_DLOPEN_FAILED', '%s', Error);
E('ERR_ENCODING_INVALID_ENCODED_DATA', 'The encoded data was not valid for encoding %s', TypeError);
E('ERR_ENCODING_NOT_SUPPORTED', 'The "%s" encoding is not supported', RangeError);
E('ERR_FALSY_VALUE_REJECTION', function(reason) {
  this.reason = reason;
  return 'Promise was rejected with falsy value';
}, Error);
E('ERR_EVENT_RECURSION', 'The event "%s" is already being dispatched', Error);
E('ERR_ILLEGAL_CONSTRUCTOR', 'Illegal constructor', TypeError);
E('ERR_INCOMPATIBLE_OPTION_PAIR', 'Option "%s" cannot be used in combination with option "%s"', TypeError);
E('ERR_INTERNAL_ASSERTION', (message) => {
  const suffix = 'This is caused by either a bug in dx or incorrect usage of dx internals.\n';
  return message === undefined ? suffix : `${message}\n${suffix}`;
}, Error);
E('ERR_INVALID_ARG_TYPE', (name, expected, actual) => {
  if (!ArrayIsArray(expected)) expected = [expected];
  let msg = 'The ';
  if (StringPrototypeEndsWith(name, ' argument')) {
    msg += `${name} `; // 'first argument'
  } else {
    msg += `"${name}" ${StringPrototypeIncludes(name, '.') ? 'property' : 'argument'} `;
  }
  msg += 'must be ';
  const types = [];
  const instances = [];
  const other = [];
  for (let i = 0; i < expected.length; i++) {
    const value = expected[i];
    if (ArrayPrototypeIncludes(kTypes, value)) ArrayPrototypePush(types, StringPrototypeToLowerCase(value));
    else if (RegExpPrototypeExec(classRegExp, value) !== null) ArrayPrototypePush(instances, value);
    else ArrayPrototypePush(other, value);
  }
  // With instances allowed too, 'object' reads better as 'an instance of ... or Object'.
  if (instances.length > 0) {
    const pos = ArrayPrototypeIndexOf(types, 'object');
    if (pos !== -1) {
      ArrayPrototypeSplice(types, pos, 1);
      ArrayPrototypePush(instances, 'Object');
    }
  }
  if (types.length > 0) {
    msg += `${types.length > 1 ? 'one of type' : 'of type'} ${formatList(types, 'or')}`;
    if (instances.length > 0 || other.length > 0) msg += ' or ';
  }
  if (instances.length > 0) {
    msg += `an instance of ${formatList(instances, 'or')}`;
    if (other.length > 0) msg += ' or ';
  }
  if (other.length > 0) {
    if (other.length > 1) {
      msg += `one of ${formatList(other, 'or')}`;
    } else {
      if (StringPrototypeToLowerCase(other[0]) !== other[0]) msg += 'an ';
      msg += `${other[0]}`;
    }
  }
  return `${msg}. Received ${determineSpecificType(actual)}`;
}, TypeError);
E('ERR_INVALID_ARG_VALUE', (name, value, reason = 'is invalid') => {
  let inspected = lazyInspect()(value);
  if (inspected.length > 128) inspected = `${StringPrototypeSlice(inspected, 0, 128)}...`;
  const type = StringPrototypeIncludes(name, '.') ? 'property' : 'argument';
  return `The ${type} '${name}' ${reason}. Received ${inspected}`;
}, TypeError, RangeError);
E('ERR_INVALID_MIME_SYNTAX', (production, str, invalidIndex) => {
  const at = invalidIndex !== -1 ? ` at ${invalidIndex}` : '';
  return `The MIME syntax for a ${production} in "${str}" is invalid${at}`;
}, TypeError);
E('ERR_INVALID_RETURN_VALUE', (input, name, value) => {
  return `Expected ${input} to be returned from the "${name}" function but got ${determineSpecificType(value)}.`;
}, TypeError, RangeError);
E('ERR_INVALID_STATE', 'Invalid state: %s', Error, TypeError, RangeError);
E('ERR_IMPORT_ATTRIBUTE_MISSING', 'Module "%s" needs an import attribute of "%s: %s"', TypeError);
E('ERR_IMPORT_ATTRIBUTE_TYPE_INCOMPATIBLE', 'Module "%s" is not of type "%s"', TypeError);
E('ERR_IMPORT_ATTRIBUTE_UNSUPPORTED', 'Import attribute "%s" with value "%s" is not supported in %s', TypeError);
E('ERR_INVALID_URL', 'Invalid URL', TypeError);
E('ERR_INVALID_URL_SCHEME', (expected) => {
  if (typeof expected === 'string') expected = [expected];
  const which = expected.length === 2 ? `one of scheme ${expected[0]} or ${expected[1]}` : `of scheme ${expected[0]}`;
  return `The URL must be ${which}`;
}, TypeError);
E('ERR_INVALID_FILE_URL_HOST', 'File URL host must be "localhost" or empty on %s', TypeError);
E('ERR_INVALID_FILE_URL_PATH', 'File URL path %s', TypeError);
E('ERR_INVALID_TUPLE', '%s must be an iterable %s tuple', TypeError);
E('ERR_ARG_NOT_ITERABLE', '%s must be iterable', TypeError);
E('ERR_INVALID_URI', 'URI malformed', URIError);
E('ERR_INVALID_BUFFER_SIZE', 'Buffer size must be a multiple of %s', RangeError);
E('ERR_INVALID_CURSOR_POS', 'Cannot set cursor row without setting its column', TypeError);
E('ERR_INVALID_FD', '"fd" must be a positive integer: %s', RangeError);
E('ERR_INVALID_THIS', 'Value of "this" must be of type %s', TypeError);
E('ERR_METHOD_NOT_IMPLEMENTED', 'The %s method is not implemented', Error);
E('ERR_MISSING_ARGS', (...args) => {
  const len = args.length;
  const wrap = (a) => `"${a}"`;
  args = ArrayPrototypeMap(args, (a) => (ArrayIsArray(a) ? ArrayPrototypeJoin(ArrayPrototypeMap(a, wrap), ' or ') : wrap(a)));
  return `The ${formatList(args)} argument${len > 1 ? 's' : ''} must be specified`;
}, TypeError);
E('ERR_MISSING_OPTION', '%s is required', TypeError);
E('ERR_MULTIPLE_CALLBACK', 'Callback called multiple times', Error);
E('ERR_OPERATION_FAILED', 'Operation failed: %s', Error, TypeError);
E('ERR_OUT_OF_RANGE', (str, range, input, replaceDefaultBoolean = false) => {
  let msg = replaceDefaultBoolean ? str : `The value of "${str}" is out of range.`;
  let received;
  if (NumberIsInteger(input) && MathAbs(input) > 2 ** 32) {
    received = addNumericalSeparator(String(input));
  } else if (typeof input === 'bigint') {
    received = String(input);
    if (input > 2n ** 32n || input < -(2n ** 32n)) received = addNumericalSeparator(received);
    received += 'n';
  } else {
    received = lazyInspect()(input);
  }
  msg += ` It must be ${range}. Received ${received}`;
  return msg;
}, RangeError);
E('ERR_PARSE_ARGS_INVALID_OPTION_VALUE', '%s', TypeError);
E('ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL', "Unexpected argument '%s'. This command does not take positional arguments", TypeError);
E('ERR_PARSE_ARGS_UNKNOWN_OPTION', (option, allowPositionals) => {
  const hint = allowPositionals ?
    `. To specify a positional argument starting with a '-', place it at the end of the command after '--', as in '-- ${JSONStringify(option)}` : '';
  return `Unknown option '${option}'${hint}`;
}, TypeError);
E('ERR_PERFORMANCE_INVALID_TIMESTAMP', '%d is not a valid timestamp', TypeError);
E('ERR_PERFORMANCE_MEASURE_INVALID_OPTIONS', '%s', TypeError);
E('ERR_REQUIRE_ASYNC_MODULE', function(filename, parentFilename) {
  let msg = 'require() cannot be used on an ESM graph with top-level await. Use import() instead. To see where the' +
    ' top-level await comes from, use --experimental-print-required-tla.';
  if (filename) msg += `\nRequired module: ${filename}`;
  if (parentFilename) msg += `\nRequire stack:\n- ${parentFilename}`;
  return msg;
}, Error);
E('ERR_REQUIRE_CYCLE_MODULE', function(filename, parentFilename) {
  return `Cannot require() ES Module ${filename} in a cycle.${parentFilename ? ` (from ${parentFilename})` : ''}` +
    ' A cycle involving require(esm) is not allowed to maintain invariants mandated by the ECMAScript' +
    ' specification. Try making at least part of the dependency in the graph lazily loaded.';
}, Error);
E('ERR_REQUIRE_ESM', function(filename, hasEsmSyntax, parentPath = null, packageJsonPath = null) {
  let msg = `require() of ES Module ${filename}${parentPath ? ` from ${parentPath}` : ''} not supported.`;
  if (!packageJsonPath) {
    if (StringPrototypeEndsWith(filename, '.mjs')) {
      msg += `\nInstead change the require of ${filename} to a dynamic import() which is available in all CommonJS modules.`;
    }
    return msg;
  }
  const base = (p) => StringPrototypeSlice(p, StringPrototypeLastIndexOf(p, '/') + 1);
  const basename = parentPath && base(filename) === base(parentPath) ? filename : base(filename);
  if (hasEsmSyntax) {
    return `${msg}\nInstead change the require of ${basename} in ${parentPath} to a dynamic import() which is available in all CommonJS modules.`;
  }
  return `${msg}\n${basename} is treated as an ES module file as it is a .js file whose nearest parent ` +
    'package.json contains "type": "module" which declares all .js files in that package scope as ES modules.' +
    `\nInstead either rename ${basename} to end in .cjs, change the requiring code to use dynamic import() ` +
    'which is available in all CommonJS modules, or change "type": "module" to "type": "commonjs" in ' +
    `${packageJsonPath} to treat all .js files as CommonJS (using .mjs for all ES modules instead).\n`;
}, Error);
E('ERR_SOCKET_CLOSED', 'Socket is closed', Error);
E('ERR_STREAM_ALREADY_FINISHED', 'Cannot call %s after a stream was finished', Error);
E('ERR_STREAM_CANNOT_PIPE', 'Cannot pipe, not readable', Error);
E('ERR_STREAM_DESTROYED', 'Cannot call %s after a stream was destroyed', Error);
E('ERR_STREAM_NULL_VALUES', 'May not write null values to stream', TypeError);
E('ERR_STREAM_PREMATURE_CLOSE', 'Premature close', Error);
E('ERR_STREAM_PUSH_AFTER_EOF', 'stream.push() after EOF', Error);
E('ERR_STREAM_UNABLE_TO_PIPE', 'Cannot pipe to a closed or destroyed stream', Error);
E('ERR_STREAM_UNSHIFT_AFTER_END_EVENT', 'stream.unshift() after end event', Error);
E('ERR_STREAM_WRITE_AFTER_END', 'write after end', Error);
E('ERR_TEST_FAILURE', function(error, failureType) {
  let msg = error?.message ?? error;
  if (typeof msg !== 'string') msg = inspectWithNoCustomRetry(msg);
  this.failureType = failureType;
  this.cause = error;
  return msg;
}, Error);
E('ERR_UNAVAILABLE_DURING_EXIT', 'Cannot call function in process exit handler', Error);
E('ERR_UNHANDLED_ERROR', (err = undefined) => {
  const msg = 'Unhandled error.';
  if (err === undefined) return msg;
  return `${msg} (${err})`;
}, Error);
E('ERR_UNKNOWN_BUILTIN_MODULE', 'No such built-in module: %s', Error);
E('ERR_UNKNOWN_ENCODING', 'Unknown encoding: %s', TypeError);
E('ERR_UNKNOWN_FILE_EXTENSION', 'Unknown file extension "%s" for %s', TypeError);
E('ERR_UNKNOWN_MODULE_FORMAT', 'Unknown module format: %s for URL %s', RangeError);
E('ERR_UNKNOWN_SIGNAL', 'Unknown signal: %s', TypeError);
E('ERR_USE_AFTER_CLOSE', '%s was closed', Error);

module.exports = {
  AbortError,
  E,
  addNumericalSeparator,
  codes,
  determineSpecificType,
  formatList,
  genericNodeError,
  getMessage,
  hideStackFrames,
  inspectWithNoCustomRetry,
  isErrorStackTraceLimitWritable,
  kIsNodeError,
};
