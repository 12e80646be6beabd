'use strict';
// The console module: `require('console')` is the global console, which also carries the Console
// class. A Console formats its arguments like util.format and writes one string per call, with a
// trailing newline, through `stream.write(string)`.

const {
  ArrayFrom,
  ArrayIsArray,
  ArrayPrototypeForEach,
  ArrayPrototypeJoin,
  ArrayPrototypeMap,
  ArrayPrototypeSlice,
  ArrayPrototypePush,
  ArrayPrototypeUnshift,
  Boolean,
  ErrorCaptureStackTrace,
  FunctionPrototypeBind,
  MathFloor,
  MathMax,
  Number,
  NumberIsInteger,
  NumberPrototypeToFixed,
  ObjectDefineProperties,
  ObjectDefineProperty,
  ObjectKeys,
  ObjectPrototypeHasOwnProperty,
  ObjectValues,
  ReflectApply,
  ReflectConstruct,
  ReflectDefineProperty,
  ReflectGetOwnPropertyDescriptor,
  ReflectOwnKeys,
  RegExpPrototypeSymbolReplace,
  SafeMap,
  SafeWeakMap,
  StringPrototypeIncludes,
  StringPrototypePadStart,
  StringPrototypeRepeat,
  StringPrototypeSlice,
  StringPrototypeSplit,
  Symbol,
  SymbolHasInstance,
  SymbolToStringTag,
  TypeError,
} = primordials;

// util.inspect is large; it is loaded the first time a value needs formatting, so that a program
// that only logs strings never parses it (start-up, docs/performance.md).
let inspectModule;
let typesModule;
const lazyInspect = () => (inspectModule ??= require('internal/util/inspect'));
const lazyTypes = () => (typesModule ??= require('internal/util/types'));
const inspect = (value, options) => lazyInspect().inspect(value, options);
const formatWithOptions = (...args) => ReflectApply(lazyInspect().formatWithOptions, null, args);
const getStringWidth = (...args) => ReflectApply(lazyInspect().getStringWidth, null, args);
const isStackOverflowError = (e) => lazyInspect().isStackOverflowError(e);
const isMap = (v) => lazyTypes().isMap(v);
const isSet = (v) => lazyTypes().isSet(v);
const isMapIterator = (v) => lazyTypes().isMapIterator(v);
const isSetIterator = (v) => lazyTypes().isSetIterator(v);

// format(...args) when it is only strings and the first has no format specifier: they are joined
// with spaces, exactly as formatWithOptions would do. Returns undefined otherwise.
function joinPlainStrings(args) {
  for (let i = 0; i < args.length; i++) if (typeof args[i] !== 'string') return undefined;
  if (args.length > 0 && StringPrototypeIncludes(args[0], '%')) return undefined;
  return ArrayPrototypeJoin(args, ' ');
}

const kCounts = Symbol('counts');
const kColorMode = Symbol('kColorMode');
const kIsConsole = Symbol('kIsConsole');
const kGroupIndentationWidth = Symbol('kGroupIndentWidth');
const kGroupIndent = Symbol('kGroupIndentationString');
const kWriteToConsole = Symbol('kWriteToConsole');
const kGetInspectOptions = Symbol('kGetInspectOptions');
const kFormatForStdout = Symbol('kFormatForStdout');
const kFormatForStderr = Symbol('kFormatForStderr');
const kBindStreamsEager = Symbol('kBindStreamsEager');
const kBindStreamsLazy = Symbol('kBindStreamsLazy');
const kBindProperties = Symbol('kBindProperties');
const kUseStdout = Symbol('kUseStdout');
const kUseStderr = Symbol('kUseStderr');

const kMaxGroupIndentation = 1000;
const kColorInspectOptions = { colors: true };
const kNoColorInspectOptions = {};

// Inspect options given to a Console's constructor, by instance.
const optionsMap = new SafeWeakMap();

// ---------------------------------------------------------------------------------------------------
// Errors

let errorCodes;
function codes() {
  errorCodes ??= require('internal/errors').codes;
  return errorCodes;
}

// A Node error for `code`, made here when the shared table does not have it.
function nodeError(Base, code, message, args) {
  const Known = codes()[code];
  if (Known !== undefined) return ReflectConstruct(Known, args);
  const err = new Base(message);
  ObjectDefineProperty(err, 'code', {
    __proto__: null, value: code, enumerable: true, writable: true, configurable: true,
  });
  try {
    const { kIsNodeError } = require('internal/errors/stack');
    ObjectDefineProperty(err, kIsNodeError, { __proto__: null, value: true });
  } catch {
    // Without the stack module the header just lacks the code.
  }
  return err;
}

function consoleWritableStreamError(name) {
  return nodeError(TypeError, 'ERR_CONSOLE_WRITABLE_STREAM',
                   `Console expects a writable stream instance for ${name}`, [name]);
}

function validateInteger(value, name, min, max) {
  const { ERR_INVALID_ARG_TYPE, ERR_OUT_OF_RANGE } = codes();
  if (typeof value !== 'number') throw new ERR_INVALID_ARG_TYPE(name, 'number', value);
  if (!NumberIsInteger(value)) throw new ERR_OUT_OF_RANGE(name, 'an integer', value);
  if (value < min || value > max) throw new ERR_OUT_OF_RANGE(name, `>= ${min} && <= ${max}`, value);
}

// ---------------------------------------------------------------------------------------------------
// Colours

// Node's rule: FORCE_COLOR decides when set; otherwise a TTY stream with more than 2 colours.
function shouldColorize(stream) {
  const env = typeof process === 'object' && process !== null ? process.env : undefined;
  if (env !== undefined && env.FORCE_COLOR !== undefined) {
    switch (env.FORCE_COLOR) {
      case '': case '1': case 'true': case '2': case '3':
        return true;
      default:
        return false;
    }
  }
  return Boolean(stream?.isTTY &&
    (typeof stream.getColorDepth === 'function' ? stream.getColorDepth() > 2 : true));
}

// ---------------------------------------------------------------------------------------------------
// Time formatting for console.time

const kSecond = 1000;
const kMinute = 60 * kSecond;
const kHour = 60 * kMinute;

function pad(value) {
  return StringPrototypePadStart(`${value}`, 2, '0');
}

// `1.234ms`, `1.500s`, `1:02.345 (m:ss.mmm)`, `1:02:03.456 (h:mm:ss.mmm)`.
function formatTime(ms) {
  let hours = 0;
  let minutes = 0;
  let seconds = 0;
  if (ms >= kSecond) {
    if (ms >= kMinute) {
      if (ms >= kHour) {
        hours = MathFloor(ms / kHour);
        ms = ms % kHour;
      }
      minutes = MathFloor(ms / kMinute);
      ms = ms % kMinute;
    }
    seconds = ms / kSecond;
  }
  if (hours !== 0 || minutes !== 0) {
    const parts = StringPrototypeSplit(NumberPrototypeToFixed(seconds, 3), '.');
    const res = hours !== 0 ? `${hours}:${pad(minutes)}` : minutes;
    return `${res}:${pad(parts[0])}.${parts[1]} (${hours !== 0 ? 'h:m' : ''}m:ss.mmm)`;
  }
  if (seconds !== 0) return `${NumberPrototypeToFixed(seconds, 3)}s`;
  return `${Number(NumberPrototypeToFixed(ms, 3))}ms`;
}

function timeLogImpl(self, name, label, data) {
  const start = self._times.get(label);
  if (start === undefined) {
    process.emitWarning(`No such label '${label}' for console.${name}()`);
    return false;
  }
  const duration = process.hrtime(start);
  const formatted = formatTime(duration[0] * 1000 + duration[1] / 1e6);
  if (data === undefined) {
    self.log('%s: %s', label, formatted);
  } else {
    const args = ArrayPrototypeSlice(data);
    ArrayPrototypeUnshift(args, '%s: %s', label, formatted);
    ReflectApply(self.log, self, args);
  }
  return true;
}

// ---------------------------------------------------------------------------------------------------
// console.table

const tableChars = {
  middleMiddle: '─',
  rowMiddle: '┼',
  topRight: '┐',
  topLeft: '┌',
  leftMiddle: '├',
  topMiddle: '┬',
  bottomRight: '┘',
  bottomLeft: '└',
  bottomMiddle: '┴',
  rightMiddle: '┤',
  left: '│ ',
  right: ' │',
  middle: ' │ ',
};

function renderRow(row, columnWidths) {
  let out = tableChars.left;
  for (let i = 0; i < row.length; i++) {
    const cell = row[i];
    const needed = columnWidths[i] - getStringWidth(cell);
    // Cells are left-aligned.
    out += cell + StringPrototypeRepeat(' ', needed);
    if (i !== row.length - 1) out += tableChars.middle;
  }
  out += tableChars.right;
  return out;
}

// Draws `columns` (arrays of strings, by column) under the header `head`.
function renderTable(head, columns) {
  const rows = [];
  const columnWidths = ArrayPrototypeMap(head, (h) => getStringWidth(h));
  let longestColumn = 0;
  for (let i = 0; i < columns.length; i++) longestColumn = MathMax(longestColumn, columns[i].length);
  for (let i = 0; i < head.length; i++) {
    const column = columns[i];
    for (let j = 0; j < longestColumn; j++) {
      if (rows[j] === undefined) rows[j] = [];
      const value = rows[j][i] = ObjectPrototypeHasOwnProperty(column, j) ? column[j] : '';
      const width = columnWidths[i] || 0;
      const counted = getStringWidth(value);
      columnWidths[i] = MathMax(width, counted);
    }
  }
  const divider = ArrayPrototypeMap(columnWidths, (w) => StringPrototypeRepeat(tableChars.middleMiddle, w + 2));
  let result = `${tableChars.topLeft}${ArrayPrototypeJoin(divider, tableChars.topMiddle)}${tableChars.topRight}\n` +
    `${renderRow(head, columnWidths)}\n` +
    `${tableChars.leftMiddle}${ArrayPrototypeJoin(divider, tableChars.rowMiddle)}${tableChars.rightMiddle}\n`;
  for (let i = 0; i < rows.length; i++) result += `${renderRow(rows[i], columnWidths)}\n`;
  result += `${tableChars.bottomLeft}${ArrayPrototypeJoin(divider, tableChars.bottomMiddle)}${tableChars.bottomRight}`;
  return result;
}

const keyKey = 'Key';
const valuesKey = 'Values';
const indexKey = '(index)';
const iterKey = '(iteration index)';

// ---------------------------------------------------------------------------------------------------
// The Console class

function noop() {}

function Console(options /* or: stdout, stderr, ignoreErrors = true */) {
  // Called without new: construct (the global console is no instance but must pass instanceof).
  if (new.target === undefined) return ReflectConstruct(Console, arguments);

  if (!options || typeof options.write === 'function') {
    options = { stdout: options, stderr: arguments[1], ignoreErrors: arguments[2] };
  }
  const {
    stdout,
    stderr = stdout,
    ignoreErrors = true,
    colorMode = 'auto',
    inspectOptions,
    groupIndentation,
  } = options;

  if (!stdout || typeof stdout.write !== 'function') throw consoleWritableStreamError('stdout');
  if (!stderr || typeof stderr.write !== 'function') throw consoleWritableStreamError('stderr');

  if (colorMode !== 'auto' && colorMode !== true && colorMode !== false) {
    const { ERR_INVALID_ARG_VALUE } = codes();
    throw new ERR_INVALID_ARG_VALUE('colorMode', colorMode, "must be one of: 'auto', true, false");
  }
  if (groupIndentation !== undefined) {
    validateInteger(groupIndentation, 'groupIndentation', 0, kMaxGroupIndentation);
  }
  if (inspectOptions !== undefined) {
    if (inspectOptions === null || typeof inspectOptions !== 'object' || ArrayIsArray(inspectOptions)) {
      const { ERR_INVALID_ARG_TYPE } = codes();
      throw new ERR_INVALID_ARG_TYPE('options.inspectOptions', 'object', inspectOptions);
    }
    if (inspectOptions.colors !== undefined && options.colorMode !== undefined) {
      throw nodeError(TypeError, 'ERR_INCOMPATIBLE_OPTION_PAIR',
                      'Option "options.inspectOptions.color" cannot be used in combination with option "colorMode"',
                      ['options.inspectOptions.color', 'colorMode']);
    }
    optionsMap.set(this, inspectOptions);
  }

  // Every method is bound to the instance, so `const { log } = console` works. The methods are read
  // from the instance, so that a subclass can override them.
  const keys = ObjectKeys(Console.prototype);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    this[key] = FunctionPrototypeBind(this[key], this);
    ObjectDefineProperty(this[key], 'name', { __proto__: null, value: key });
  }

  this[kBindStreamsEager](stdout, stderr);
  this[kBindProperties](ignoreErrors, colorMode, groupIndentation);
}

const consolePropAttributes = {
  writable: true,
  enumerable: false,
  configurable: true,
};

// `instanceof Console` is true for any console, the global one included.
ObjectDefineProperty(Console, SymbolHasInstance, {
  __proto__: null,
  // Like Node, reads the mark off whatever it is given (so `null instanceof Console` throws).
  value(instance) {
    return instance[kIsConsole];
  },
});

// An error handler for a stream write: keeps an asynchronous write error from becoming uncaught.
function createWriteErrorHandler(instance, streamSymbol) {
  return (err) => {
    const stream = streamSymbol === kUseStdout ? instance._stdout : instance._stderr;
    if (err !== null && err !== undefined && !stream._writableState?.errorEmitted) {
      if (typeof stream.listenerCount === 'function' && typeof stream.once === 'function' &&
          stream.listenerCount('error') === 0) {
        stream.once('error', noop);
      }
    }
  };
}

// Internal methods, under symbols: not enumerable, so instances do not bind them.
const internalMethodTable = {
  // Streams given to the constructor.
  [kBindStreamsEager](stdout, stderr) {
    ObjectDefineProperties(this, {
      '_stdout': { __proto__: null, ...consolePropAttributes, value: stdout },
      '_stderr': { __proto__: null, ...consolePropAttributes, value: stderr },
    });
  },
  // The global console reads process.stdout/stderr when first used, and follows reassignment.
  [kBindStreamsLazy](object) {
    let stdout;
    let stderr;
    ObjectDefineProperties(this, {
      '_stdout': {
        __proto__: null,
        enumerable: false,
        configurable: true,
        get() {
          return stdout ||= object.stdout;
        },
        set(value) {
          stdout = value;
        },
      },
      '_stderr': {
        __proto__: null,
        enumerable: false,
        configurable: true,
        get() {
          return stderr ||= object.stderr;
        },
        set(value) {
          stderr = value;
        },
      },
    });
  },
  [kBindProperties](ignoreErrors, colorMode, groupIndentation = 2) {
    ObjectDefineProperties(this, {
      '_stdoutErrorHandler': {
        __proto__: null,
        ...consolePropAttributes,
        value: createWriteErrorHandler(this, kUseStdout),
      },
      '_stderrErrorHandler': {
        __proto__: null,
        ...consolePropAttributes,
        value: createWriteErrorHandler(this, kUseStderr),
      },
      '_ignoreErrors': { __proto__: null, ...consolePropAttributes, value: Boolean(ignoreErrors) },
      '_times': { __proto__: null, ...consolePropAttributes, value: new SafeMap() },
      [kCounts]: { __proto__: null, ...consolePropAttributes, value: new SafeMap() },
      [kColorMode]: { __proto__: null, ...consolePropAttributes, value: colorMode },
      [kIsConsole]: { __proto__: null, ...consolePropAttributes, value: true },
      [kGroupIndentationWidth]: { __proto__: null, ...consolePropAttributes, value: groupIndentation },
      [kGroupIndent]: { __proto__: null, ...consolePropAttributes, value: '' },
      [SymbolToStringTag]: {
        __proto__: null,
        writable: false,
        enumerable: false,
        configurable: true,
        value: 'console',
      },
    });
  },
  [kWriteToConsole](streamSymbol, string) {
    const ignoreErrors = this._ignoreErrors;
    const groupIndent = this[kGroupIndent];
    const useStdout = streamSymbol === kUseStdout;
    const stream = useStdout ? this._stdout : this._stderr;
    const errorHandler = useStdout ? this._stdoutErrorHandler : this._stderrErrorHandler;

    if (groupIndent.length !== 0) {
      if (StringPrototypeIncludes(string, '\n')) {
        string = RegExpPrototypeSymbolReplace(/\n/g, string, `\n${groupIndent}`);
      }
      string = groupIndent + string;
    }
    string += '\n';

    if (ignoreErrors === false) return stream.write(string);

    // A write may fail at once (files, TTYs) or later (pipes): catch the first kind here and keep
    // the second from being uncaught with a no-op listener while writing.
    const canListen = typeof stream.listenerCount === 'function' && typeof stream.once === 'function' &&
      typeof stream.removeListener === 'function';
    try {
      if (canListen && stream.listenerCount('error') === 0) stream.once('error', noop);
      stream.write(string, errorHandler);
    } catch (e) {
      // Running out of stack is not the stream's fault.
      if (isStackOverflowError(e)) throw e;
      // Otherwise the console swallows the error, as in Node.
    } finally {
      if (canListen) stream.removeListener('error', noop);
    }
  },
  [kGetInspectOptions](stream) {
    let color = this[kColorMode];
    if (color === 'auto') color = shouldColorize(stream);
    const options = optionsMap.get(this);
    if (options) {
      if (options.colors === undefined) options.colors = color;
      return options;
    }
    return color ? kColorInspectOptions : kNoColorInspectOptions;
  },
  [kFormatForStdout](args) {
    const plain = joinPlainStrings(args);
    if (plain !== undefined) return plain;
    const opts = this[kGetInspectOptions](this._stdout);
    ArrayPrototypeUnshift(args, opts);
    return ReflectApply(formatWithOptions, null, args);
  },
  [kFormatForStderr](args) {
    const plain = joinPlainStrings(args);
    if (plain !== undefined) return plain;
    const opts = this[kGetInspectOptions](this._stderr);
    ArrayPrototypeUnshift(args, opts);
    return ReflectApply(formatWithOptions, null, args);
  },
};
const internalMethods = { __proto__: null };
for (const key of ReflectOwnKeys(internalMethodTable)) {
  internalMethods[key] = { __proto__: null, ...consolePropAttributes, value: internalMethodTable[key] };
}
ObjectDefineProperties(Console.prototype, internalMethods);

let formatStackFn;
function formatTraceStack(err) {
  if (formatStackFn === undefined) {
    try {
      formatStackFn = require('internal/errors/stack').formatStack;
    } catch {
      formatStackFn = null;
    }
  }
  return formatStackFn === null ? err.stack : formatStackFn(err);
}

const consoleMethods = {
  log(...args) {
    this[kWriteToConsole](kUseStdout, this[kFormatForStdout](args));
  },

  warn(...args) {
    this[kWriteToConsole](kUseStderr, this[kFormatForStderr](args));
  },

  dir(object, options) {
    this[kWriteToConsole](kUseStdout, inspect(object, {
      customInspect: false,
      ...this[kGetInspectOptions](this._stdout),
      ...options,
    }));
  },

  time(label = 'default') {
    label = `${label}`;
    if (this._times.has(label)) {
      process.emitWarning(`Label '${label}' already exists for console.time()`);
      return;
    }
    this._times.set(label, process.hrtime());
  },

  timeEnd(label = 'default') {
    label = `${label}`;
    const found = timeLogImpl(this, 'timeEnd', label);
    if (found) this._times.delete(label);
  },

  timeLog(label = 'default', ...data) {
    label = `${label}`;
    timeLogImpl(this, 'timeLog', label, data);
  },

  trace: function trace(...args) {
    const err = {
      name: 'Trace',
      message: this[kFormatForStderr](args),
    };
    if (ErrorCaptureStackTrace !== undefined) {
      ErrorCaptureStackTrace(err, trace);
    } else {
      // No stack API: take the frames of a new error and drop this function's own.
      const stack = new primordials.Error().stack;
      err.stack = typeof stack === 'string' ?
        ArrayPrototypeJoin(ArrayPrototypeSlice(StringPrototypeSplit(stack, '\n'), 1), '\n') : '';
    }
    this.error(formatTraceStack(err));
  },

  assert(expression, ...args) {
    if (!expression) {
      if (args.length && typeof args[0] === 'string') {
        args[0] = `Assertion failed: ${args[0]}`;
      } else {
        ArrayPrototypeUnshift(args, 'Assertion failed');
      }
      // The arguments are formatted by warn.
      ReflectApply(this.warn, this, args);
    }
  },

  // Only a TTY can be cleared: the cursor goes home and the screen below it is erased.
  clear() {
    if (this._stdout.isTTY && process.env.TERM !== 'dumb') {
      this._stdout.write('\x1b[1;1H');
      this._stdout.write('\x1b[0J');
    }
  },

  count(label = 'default') {
    // Symbols and objects are counted by their string form, as in Node.
    label = `${label}`;
    const counts = this[kCounts];
    let count = counts.get(label);
    if (count === undefined) count = 1;
    else count++;
    counts.set(label, count);
    this.log(`${label}: ${count}`);
  },

  countReset(label = 'default') {
    const counts = this[kCounts];
    if (!counts.has(label)) {
      process.emitWarning(`Count for '${label}' does not exist`);
      return;
    }
    counts.delete(`${label}`);
  },

  group(...data) {
    if (data.length > 0) ReflectApply(this.log, this, data);
    this[kGroupIndent] += StringPrototypeRepeat(' ', this[kGroupIndentationWidth]);
  },

  groupEnd() {
    this[kGroupIndent] = StringPrototypeSlice(this[kGroupIndent], 0,
                                              this[kGroupIndent].length - this[kGroupIndentationWidth]);
  },

  // https://console.spec.whatwg.org/#table
  table(tabularData, properties) {
    if (properties !== undefined && !ArrayIsArray(properties)) {
      const { ERR_INVALID_ARG_TYPE } = codes();
      throw new ERR_INVALID_ARG_TYPE('properties', 'Array', properties);
    }
    if (tabularData === null || typeof tabularData !== 'object') return this.log(tabularData);

    const final = (k, v) => this.log(renderTable(k, v));

    const inspectCell = (v) => {
      const depth = v !== null && typeof v === 'object' && !ArrayIsArray(v) && ObjectKeys(v).length > 2 ? -1 : 0;
      const opt = {
        depth,
        maxArrayLength: 3,
        breakLength: Infinity,
        ...this[kGetInspectOptions](this._stdout),
      };
      return inspect(v, opt);
    };
    const getIndexArray = (length) => ArrayFrom({ length }, (_, i) => inspectCell(i));

    const mapIter = isMapIterator(tabularData);
    let isKeyValue = false;
    let i = 0;
    if (mapIter) {
      const res = previewIterator(tabularData);
      tabularData = res[0];
      isKeyValue = res[1];
    }

    if (isKeyValue || isMap(tabularData)) {
      const keys = [];
      const values = [];
      let length = 0;
      if (mapIter) {
        for (; i < tabularData.length / 2; ++i) {
          ArrayPrototypePush(keys, inspectCell(tabularData[i * 2]));
          ArrayPrototypePush(values, inspectCell(tabularData[i * 2 + 1]));
          length++;
        }
      } else {
        for (const { 0: k, 1: v } of new SafeMap(tabularData)) {
          ArrayPrototypePush(keys, inspectCell(k));
          ArrayPrototypePush(values, inspectCell(v));
          length++;
        }
      }
      return final([iterKey, keyKey, valuesKey], [getIndexArray(length), keys, values]);
    }

    const setIter = isSetIterator(tabularData);
    if (setIter) tabularData = previewIterator(tabularData)[0];

    const setlike = setIter || mapIter || isSet(tabularData);
    if (setlike) {
      const values = [];
      let length = 0;
      for (const v of tabularData) {
        ArrayPrototypePush(values, inspectCell(v));
        length++;
      }
      return final([iterKey, valuesKey], [getIndexArray(length), values]);
    }

    const map = { __proto__: null };
    let hasPrimitives = false;
    const valuesKeyArray = [];
    const indexKeyArray = ObjectKeys(tabularData);

    for (; i < indexKeyArray.length; i++) {
      const item = tabularData[indexKeyArray[i]];
      const primitive = item === null || (typeof item !== 'function' && typeof item !== 'object');
      if (properties === undefined && primitive) {
        hasPrimitives = true;
        valuesKeyArray[i] = inspectCell(item);
      } else {
        const keys = properties || ObjectKeys(item);
        for (let k = 0; k < keys.length; k++) {
          const key = keys[k];
          map[key] ??= [];
          if ((primitive && properties) || !ObjectPrototypeHasOwnProperty(item, key)) {
            map[key][i] = '';
          } else {
            map[key][i] = inspectCell(item[key]);
          }
        }
      }
    }

    const keys = ObjectKeys(map);
    const values = ObjectValues(map);
    if (hasPrimitives) {
      ArrayPrototypePush(keys, valuesKey);
      ArrayPrototypePush(values, valuesKeyArray);
    }
    ArrayPrototypeUnshift(keys, indexKey);
    ArrayPrototypeUnshift(values, indexKeyArray);

    return final(keys, values);
  },
};

// The entries an iterator has left, as [entries, isKeyValue]. Only the engine can look inside an
// iterator without consuming it; without that, the iterator is drained (Node leaves it as it was).
function previewIterator(iterator) {
  const binding = internalBinding('util');
  if (typeof binding.previewEntries === 'function') return binding.previewEntries(iterator, true);
  const entries = [];
  let isKeyValue = false;
  for (const item of iterator) {
    if (ArrayIsArray(item) && isMapIterator(iterator)) {
      isKeyValue = true;
      ArrayPrototypePush(entries, item[0], item[1]);
    } else {
      ArrayPrototypePush(entries, item);
    }
  }
  return [entries, isKeyValue];
}

for (const method of ReflectOwnKeys(consoleMethods)) {
  Console.prototype[method] = consoleMethods[method];
}

Console.prototype.debug = Console.prototype.log;
Console.prototype.info = Console.prototype.log;
Console.prototype.dirxml = Console.prototype.log;
Console.prototype.error = Console.prototype.warn;
Console.prototype.groupCollapsed = Console.prototype.group;

// Node's key order on the prototype: the method table's order, then the aliases.
{
  const order = ['log', 'info', 'debug', 'warn', 'error', 'dir', 'time', 'timeEnd', 'timeLog', 'trace',
                 'assert', 'clear', 'count', 'countReset', 'group', 'groupEnd', 'table', 'dirxml',
                 'groupCollapsed'];
  const values = ArrayPrototypeMap(order, (k) => Console.prototype[k]);
  ArrayPrototypeForEach(order, (k) => { delete Console.prototype[k]; });
  for (let i = 0; i < order.length; i++) Console.prototype[order[i]] = values[i];
}

// ---------------------------------------------------------------------------------------------------
// The global console: not an instance, a plain object with every method bound to it.

function createGlobalConsole() {
  const globalConsole = { __proto__: {} };
  const keys = ReflectOwnKeys(Console.prototype);
  for (let i = 0; i < keys.length; i++) {
    const prop = keys[i];
    if (prop === 'constructor') continue;
    const desc = ReflectGetOwnPropertyDescriptor(Console.prototype, prop);
    if (typeof desc.value === 'function') {
      const name = typeof prop === 'string' ? prop : desc.value.name;
      desc.value = FunctionPrototypeBind(desc.value, globalConsole);
      ReflectDefineProperty(desc.value, 'name', { __proto__: null, value: name });
    }
    ReflectDefineProperty(globalConsole, prop, desc);
  }
  globalConsole[kBindProperties](true, 'auto');
  // A legacy feature: the class hangs off the global console.
  globalConsole.Console = Console;
  // Inspector-only methods do nothing without an inspector, as in Node.
  const inspectorOnly = {
    profile(label) {},
    profileEnd(label) {},
    timeStamp(label) {},
    context(name) {
      return createContextConsole(globalConsole);
    },
    createTask(name) {
      return { __proto__: null, run: (fn) => fn() };
    },
  };
  for (const key of ObjectKeys(inspectorOnly)) {
    ReflectDefineProperty(globalConsole, key, {
      __proto__: null, value: inspectorOnly[key], writable: true, enumerable: true, configurable: true,
    });
  }
  globalConsole[kBindStreamsLazy](process);
  return globalConsole;
}

// console.context(): a console with its own counters and timers, writing to the same streams.
function createContextConsole(globalConsole) {
  const ctx = { __proto__: {} };
  const keys = ObjectKeys(Console.prototype);
  for (let i = 0; i < keys.length; i++) {
    const fn = Console.prototype[keys[i]];
    const bound = FunctionPrototypeBind(fn, ctx);
    ReflectDefineProperty(bound, 'name', { __proto__: null, value: keys[i] });
    ctx[keys[i]] = bound;
  }
  const internal = ReflectOwnKeys(internalMethods);
  for (let i = 0; i < internal.length; i++) {
    ReflectDefineProperty(ctx, internal[i], internalMethods[internal[i]]);
  }
  ctx[kBindProperties](true, 'auto');
  ObjectDefineProperties(ctx, {
    '_stdout': { __proto__: null, enumerable: false, configurable: true, get: () => globalConsole._stdout },
    '_stderr': { __proto__: null, enumerable: false, configurable: true, get: () => globalConsole._stderr },
  });
  return ctx;
}

const globalConsole = createGlobalConsole();

module.exports = globalConsole;
