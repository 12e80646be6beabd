'use strict';
// What happens to an exception nothing caught: 'uncaughtExceptionMonitor', then
// 'uncaughtException' listeners, and without any, Node's report on stderr and exit code 1.

const { StringPrototypeRepeat, ObjectPrototypeToString } = primordials;
const state = require('internal/process/state');
const { writeString } = internalBinding('fs');
const { reallyExit } = internalBinding('process');
const stack = require('internal/errors/stack');

function isErrorLike(v) {
  return v !== null && typeof v === 'object' &&
    (v instanceof Error || ObjectPrototypeToString(v) === '[object Error]');
}

function inspectValue(v) {
  try {
    return require('internal/util/inspect').inspect(v);
  } catch {
    try { return isErrorLike(v) ? stack.formatStack(v) : String(v); } catch { return '<unprintable>'; }
  }
}

function sourceHeader(err, fromPromise) {
  // A SyntaxError from compiling a module names its file and line, not a frame.
  let file, line, column;
  const top = stack.topFrame(err);
  if (err instanceof SyntaxError && typeof err.sourceURL === 'string' && typeof err.line === 'number' &&
      (top === undefined || top.file !== err.sourceURL)) {
    // JSC reports no column for syntax errors (a `column` there is the caller's), so no caret,
    // unless dx's compiler or module linker found the error and says where (dxColumn).
    file = err.sourceURL; line = err.line; column = 0;
    if (typeof err.dxColumn === 'number') {
      let text = stack.getSourceLine(file, line);
      if (text !== undefined) {
        if (text.endsWith('\r')) text = text.slice(0, -1);
        // A linking error underlines the imported name and, in Node, is followed by no blank line.
        const link = typeof err.dxCaretLength === 'number';
        const carets = StringPrototypeRepeat('^', link ? err.dxCaretLength : 1);
        return `${file}:${line}\n${text}\n${StringPrototypeRepeat(' ', err.dxColumn - 1)}${carets}\n${link ? '' : '\n'}`;
      }
    }
  } else {
    if (top === undefined) return '';
    ({ file, line, column } = top);
  }
  let text = stack.getSourceLine(file, line);
  if (text === undefined) {
    try {
      const src = internalBinding('fs').readFileUtf8(file);
      text = src.split('\n')[line - 1];
    } catch { /* not a readable file */ }
  }
  if (text === undefined) return '';
  if (text.endsWith('\r')) text = text.slice(0, -1);
  // For `throw new E(...)` the error's position is `new`; Node's caret is under `throw` (for a
  // rejection Node shows where the error was made, as we do).
  // (V8 puts an ES module's error position at `new` itself, so there it stays.)
  if (column > 0 && !fromPromise && !file.startsWith('file:')) {
    const before = text.slice(0, column - 1).trimEnd();
    if (before.endsWith('throw') && !/[\w$]/.test(before.charAt(before.length - 6))) column = before.length - 4;
  }
  const caret = column > 0 ? `${StringPrototypeRepeat(' ', column - 1)}^\n` : '';
  return `${stack.displayFile(file)}:${line}\n${text}\n${caret}\n`;
}

function printUncaught(err, fromPromise) {
  let out = '';
  if (isErrorLike(err)) {
    try { out += sourceHeader(err, fromPromise); } catch { /* best effort */ }
  }
  out += inspectValue(err);
  out += `\n\ndx v${process.versions.dx}\n`;
  try { writeString(2, out); } catch { /* stderr is gone */ }
}

function triggerUncaughtException(err, fromPromise) {
  const type = fromPromise ? 'unhandledRejection' : 'uncaughtException';
  process.emit('uncaughtExceptionMonitor', err, type);
  if (process.listenerCount('uncaughtException') > 0) {
    process.emit('uncaughtException', err, type);
    return;
  }
  printUncaught(err, fromPromise);
  // Node exits with 1 whatever exitCode was, and 'exit' listeners see 1.
  state.exiting = true;
  process._exiting = true;
  process.exitCode = 1;
  try {
    process.emit('exit', 1);
  } finally {
    reallyExit(1);
  }
}

module.exports = { triggerUncaughtException, printUncaught };
