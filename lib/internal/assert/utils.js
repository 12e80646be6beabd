'use strict';
// assert.ok's check, shared by node:assert and the test runner's t.assert.ok: a falsy value fails
// with the source text of the call, "The expression evaluated to a falsy value: assert.ok(x)".

const {
  StringPrototypeCharCodeAt,
  StringPrototypeReplace,
} = primordials;

const AssertionError = require('internal/assert/assertion_error');
const { isError } = require('internal/assert/types');
const { getCallSourceExpression } = require('internal/assert/source');

// Control characters other than \n and \t are escaped in the quoted source.
const kEscapeRe = /[\x00-\x08\x0b\x0c\x0e-\x1f]/g; // eslint-disable-line no-control-regex
const kMeta = [
  '\\u0000', '\\u0001', '\\u0002', '\\u0003', '\\u0004', '\\u0005', '\\u0006', '\\u0007', '\\b', '', '',
  '\\u000b', '\\f', '', '\\u000e', '\\u000f', '\\u0010', '\\u0011', '\\u0012', '\\u0013', '\\u0014',
  '\\u0015', '\\u0016', '\\u0017', '\\u0018', '\\u0019', '\\u001a', '\\u001b', '\\u001c', '\\u001d',
  '\\u001e', '\\u001f',
];

function falsyMessage(fn) {
  let source;
  try {
    source = getCallSourceExpression(fn);
  } catch {
    source = undefined;
  }
  if (source) {
    source = StringPrototypeReplace(source, kEscapeRe, (ch) => kMeta[StringPrototypeCharCodeAt(ch, 0)]);
    return `The expression evaluated to a falsy value:\n\n  ${source}\n`;
  }
  return undefined;
}

/** Throws an AssertionError unless `value` is truthy; `fn` is the assert function the user called. */
function innerOk(fn, argLen, value, message) {
  if (value) return;
  let generatedMessage = false;
  if (argLen === 0) {
    generatedMessage = true;
    message = 'No value argument passed to `assert.ok()`';
  } else if (message == null) {
    generatedMessage = true;
    message = falsyMessage(fn);
  } else if (isError(message)) {
    throw message;
  }
  const err = new AssertionError({ actual: value, expected: true, message, operator: '==', stackStartFn: fn });
  err.generatedMessage = generatedMessage;
  throw err;
}

module.exports = { innerOk };
