'use strict';
// assert.AssertionError: Node's message texts, including the `+ actual - expected` diff, and its
// properties (actual, expected, operator, generatedMessage, code 'ERR_ASSERTION', diff).

const {
  ArrayIsArray,
  ArrayPrototypeJoin,
  ArrayPrototypePop,
  ArrayPrototypeSlice,
  Error,
  ErrorCaptureStackTrace,
  ObjectAssign,
  ObjectDefineProperty,
  ObjectGetOwnPropertyDescriptor,
  ObjectGetPrototypeOf,
  ObjectIsExtensible,
  ObjectPrototypeHasOwnProperty,
  SafeSet,
  String,
  StringPrototypeRepeat,
  StringPrototypeSlice,
  StringPrototypeSplit,
  SymbolFor,
} = primordials;

const { inspect } = require('internal/util/inspect');
const { kIsNodeError } = require('internal/errors/stack');
const colors = require('internal/assert/colors');
const { myersDiff, printMyersDiff, printSimpleMyersDiff } = require('internal/assert/myers_diff');
const { isError } = require('internal/assert/types');

const kInspectCustom = SymbolFor('nodejs.util.inspect.custom');

const kReadableOperator = {
  __proto__: null,
  deepStrictEqual: 'Expected values to be strictly deep-equal:',
  partialDeepStrictEqual: 'Expected values to be partially and strictly deep-equal:',
  strictEqual: 'Expected values to be strictly equal:',
  strictEqualObject: 'Expected "actual" to be reference-equal to "expected":',
  deepEqual: 'Expected values to be loosely deep-equal:',
  notDeepStrictEqual: 'Expected "actual" not to be strictly deep-equal to:',
  notStrictEqual: 'Expected "actual" to be strictly unequal to:',
  notStrictEqualObject: 'Expected "actual" not to be reference-equal to "expected":',
  notDeepEqual: 'Expected "actual" not to be loosely deep-equal to:',
  notIdentical: 'Values have same structure but are not reference-equal:',
  notDeepEqualUnequal: 'Expected values not to be loosely deep-equal:',
};

// A pair this short is shown as `a !== b` on one line.
const kMaxShortStringLength = 12;
const kMaxLongStringLength = 512;

// Operators whose message is a diff even when the caller gave a message (it becomes the header).
const kDiffOperators = new SafeSet();
kDiffOperators.add('deepStrictEqual');
kDiffOperators.add('strictEqual');
kDiffOperators.add('partialDeepStrictEqual');

function isErrorStackTraceLimitWritable() {
  const desc = ObjectGetOwnPropertyDescriptor(Error, 'stackTraceLimit');
  if (desc === undefined) return ObjectIsExtensible(Error);
  return ObjectPrototypeHasOwnProperty(desc, 'writable') ? desc.writable : desc.set !== undefined;
}

// A copy of an error without its stack, so the stacks of two compared errors stay out of the diff.
function copyError(source) {
  const target = ObjectAssign({ __proto__: ObjectGetPrototypeOf(source) }, source);
  ObjectDefineProperty(target, 'message', { __proto__: null, value: source.message });
  if (ObjectPrototypeHasOwnProperty(source, 'cause')) {
    let cause = source.cause;
    if (isError(cause)) cause = copyError(cause);
    ObjectDefineProperty(target, 'cause', { __proto__: null, value: cause });
  }
  return target;
}

// The same view of a value whatever util.inspect's defaults were changed to.
function inspectValue(val) {
  return inspect(val, {
    compact: false,
    customInspect: false,
    depth: 1000,
    maxArrayLength: Infinity,
    showHidden: false,
    showProxy: false,
    sorted: true,
    getters: true,
  });
}

// Objects and functions compared with strictEqual fail by reference, whatever they hold.
function checkOperator(actual, expected, operator) {
  if (operator === 'strictEqual' &&
      ((typeof actual === 'object' && actual !== null && typeof expected === 'object' && expected !== null) ||
       (typeof actual === 'function' && typeof expected === 'function'))) {
    return 'strictEqualObject';
  }
  return operator;
}

// Two lines, actual over expected, with a caret under the first difference when it is not obvious.
function stackedDiff(actual, expected) {
  let message = `\n${colors.green}+${colors.white} ${actual}\n${colors.red}- ${colors.white}${expected}`;
  const maxTerminalLength = process.stderr?.isTTY ? process.stderr.columns : 80;
  if (actual.length + expected.length <= maxTerminalLength) {
    for (let i = 0; i < actual.length; i++) {
      if (actual[i] !== expected[i]) {
        // The first characters (and the opening quote) need no pointer.
        if (i >= 3) message += `\n${StringPrototypeRepeat(' ', i + 2)}^`;
        break;
      }
    }
  }
  return { message, header: undefined };
}

function simpleDiff(originalActual, actual, originalExpected, expected) {
  let len = actual.length + expected.length;
  if (typeof originalActual === 'string') len -= 2;
  if (typeof originalExpected === 'string') len -= 2;
  if (len <= kMaxShortStringLength && (originalActual !== 0 || originalExpected !== 0)) {
    return { message: `${actual} !== ${expected}`, header: '' };
  }
  if (typeof originalActual === 'string' && typeof originalExpected === 'string' && colors.hasColors) {
    const script = myersDiff(StringPrototypeSplit(actual, ''), StringPrototypeSplit(expected, ''));
    return {
      message: printSimpleMyersDiff(script),
      header: `${colors.green}actual${colors.white} ${colors.red}expected${colors.white}`,
    };
  }
  return stackedDiff(actual, expected);
}

function createErrDiff(actual, expected, operator, customMessage, diffType) {
  operator = checkOperator(actual, expected, operator);
  let skipped = false;
  let message;
  const inspectedActual = inspectValue(actual);
  const inspectedExpected = inspectValue(expected);
  const linesActual = StringPrototypeSplit(inspectedActual, '\n');
  const linesExpected = StringPrototypeSplit(inspectedExpected, '\n');
  let header = `${colors.green}+ actual${colors.white} ${colors.red}- expected${colors.white}`;

  const oneLine = linesActual.length === 1 && linesExpected.length === 1;
  if (oneLine && (typeof actual !== 'object' || actual === null || typeof expected !== 'object' || expected === null)) {
    const diff = simpleDiff(actual, linesActual[0], expected, linesExpected[0]);
    message = diff.message;
    if (diff.header !== undefined) header = diff.header;
  } else if (inspectedActual === inspectedExpected) {
    // Equal structure, different references.
    operator = 'notIdentical';
    if (linesActual.length > 50 && diffType !== 'full') {
      message = `${ArrayPrototypeJoin(ArrayPrototypeSlice(linesActual, 0, 50), '\n')}\n...}`;
      skipped = true;
    } else {
      message = inspectedActual;
    }
    header = '';
  } else {
    const script = myersDiff(linesActual, linesExpected, actual != null && typeof actual === 'object');
    const printed = printMyersDiff(script, operator);
    message = printed.message;
    if (operator === 'partialDeepStrictEqual') {
      header = `${colors.gray}${colors.hasColors ? '' : '+ '}actual${colors.white} ${colors.red}- expected${colors.white}`;
    }
    skipped = printed.skipped;
  }
  const title = customMessage || kReadableOperator[operator];
  return `${title}\n${header}${skipped ? '\n... Skipped lines' : ''}\n${message}\n`;
}

// The message for operators without a diff.
function createMessage(actual, expected, operator, diffType) {
  if (operator === 'notDeepStrictEqual' || operator === 'notStrictEqual') {
    // The values are equal where they should not be: show one of them.
    let base = kReadableOperator[operator];
    const lines = StringPrototypeSplit(inspectValue(actual), '\n');
    if (operator === 'notStrictEqual' &&
        ((typeof actual === 'object' && actual !== null) || typeof actual === 'function')) {
      base = kReadableOperator.notStrictEqualObject;
    }
    if (lines.length > 50 && diffType !== 'full') {
      lines[46] = `${colors.blue}...${colors.white}`;
      while (lines.length > 47) ArrayPrototypePop(lines);
    }
    if (lines.length === 1) return `${base}${lines[0].length > 5 ? '\n\n' : ' '}${lines[0]}`;
    return `${base}\n\n${ArrayPrototypeJoin(lines, '\n')}\n`;
  }
  let res = inspectValue(actual);
  let other = inspectValue(expected);
  const known = kReadableOperator[operator];
  if (operator === 'notDeepEqual' && res === other) {
    res = `${known}\n\n${res}`;
    if (res.length > 1024 && diffType !== 'full') res = `${StringPrototypeSlice(res, 0, 1021)}...`;
    return res;
  }
  if (res.length > kMaxLongStringLength && diffType !== 'full') res = `${StringPrototypeSlice(res, 0, 509)}...`;
  if (other.length > kMaxLongStringLength && diffType !== 'full') other = `${StringPrototypeSlice(other, 0, 509)}...`;
  if (operator === 'deepEqual') {
    res = `${known}\n\n${res}\n\nshould loosely deep-equal\n\n`;
  } else {
    const unequal = kReadableOperator[`${operator}Unequal`];
    if (unequal) res = `${unequal}\n\n${res}\n\nshould not loosely deep-equal\n\n`;
    else other = ` ${operator} ${other}`;
  }
  return `${res}${other}`;
}

// Long strings are cut when an AssertionError is inspected (the message already shows them).
function addEllipsis(string) {
  const lines = StringPrototypeSplit(string, '\n', 11);
  if (lines.length > 10) {
    lines.length = 10;
    return `${ArrayPrototypeJoin(lines, '\n')}\n...`;
  } else if (string.length > kMaxLongStringLength) {
    // Node keeps the part after the first 512 characters here; so does dx, for the same output.
    return `${StringPrototypeSlice(string, kMaxLongStringLength)}...`;
  }
  return string;
}

class AssertionError extends Error {
  constructor(options) {
    if (options === null || typeof options !== 'object' || ArrayIsArray(options)) {
      const { codes: { ERR_INVALID_ARG_TYPE } } = require('internal/errors');
      throw new ERR_INVALID_ARG_TYPE('options', 'Object', options);
    }
    const {
      message,
      operator,
      stackStartFn,
      details,
      stackStartFunction, // the old name of stackStartFn
      diff = 'simple',
    } = options;
    let { actual, expected } = options;

    // No stack while the message is built; it is captured below, from the assertion's caller.
    const limit = Error.stackTraceLimit;
    const limitWritable = isErrorStackTraceLimitWritable();
    if (limitWritable) Error.stackTraceLimit = 0;

    let text;
    if (message != null) {
      text = kDiffOperators.has(operator) ? createErrDiff(actual, expected, operator, message, diff) : String(message);
    } else {
      colors.refresh();
      // Compared errors are shown without their stacks.
      if (typeof actual === 'object' && actual !== null && typeof expected === 'object' && expected !== null &&
          'stack' in actual && actual instanceof Error && 'stack' in expected && expected instanceof Error) {
        actual = copyError(actual);
        expected = copyError(expected);
      }
      text = kDiffOperators.has(operator) ?
        createErrDiff(actual, expected, operator, message, diff) :
        createMessage(actual, expected, operator, diff);
    }
    super(text);
    if (limitWritable) Error.stackTraceLimit = limit;

    this.generatedMessage = !message;
    ObjectDefineProperty(this, 'name', {
      __proto__: null, value: 'AssertionError [ERR_ASSERTION]', enumerable: false, writable: true, configurable: true,
    });
    this.code = 'ERR_ASSERTION';
    if (details) {
      this.actual = undefined;
      this.expected = undefined;
      this.operator = undefined;
      for (let i = 0; i < details.length; i++) {
        this['message ' + i] = details[i].message;
        this['actual ' + i] = details[i].actual;
        this['expected ' + i] = details[i].expected;
        this['operator ' + i] = details[i].operator;
        this['stack trace ' + i] = details[i].stack;
      }
    } else {
      this.actual = actual;
      this.expected = expected;
      this.operator = operator;
    }
    if (ErrorCaptureStackTrace !== undefined) ErrorCaptureStackTrace(this, stackStartFn || stackStartFunction);
    // Engines that write the header into the stack take it from the name now: `AssertionError
    // [ERR_ASSERTION]: ...`. Then the name goes back to the plain one.
    this.stack; // eslint-disable-line no-unused-expressions
    this.name = 'AssertionError';
    this.diff = diff;
  }

  // dx prints the stack header from the name and, for Node's own errors, the code.
  get [kIsNodeError]() {
    return true;
  }

  toString() {
    return `${this.name} [${this.code}]: ${this.message}`;
  }

  [kInspectCustom](recurseTimes, ctx) {
    const tmpActual = this.actual;
    const tmpExpected = this.expected;
    if (typeof this.actual === 'string') this.actual = addEllipsis(this.actual);
    if (typeof this.expected === 'string') this.expected = addEllipsis(this.expected);
    // actual and expected at depth 0: the message already shows them in full.
    const result = inspect(this, { ...ctx, customInspect: false, depth: 0 });
    this.actual = tmpActual;
    this.expected = tmpExpected;
    return result;
  }
}

module.exports = AssertionError;
