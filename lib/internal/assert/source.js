'use strict';
// Where user code called a built-in function, and the text of that call: the `test at file:line:col`
// of the test runner and the expression in assert.ok's "The expression evaluated to a falsy value".
// Stacks are read in either engine's format: JSC's `fn@file:line:col` (through internal/errors/stack,
// which also moves columns to where V8 puts them) and V8's `    at fn (file:line:col)`.

const {
  ArrayPrototypeIncludes,
  ArrayPrototypePush,
  Error,
  ErrorCaptureStackTrace,
  NumberParseInt,
  ObjectGetOwnPropertyDescriptor,
  ObjectIsExtensible,
  ObjectPrototypeHasOwnProperty,
  RegExpPrototypeExec,
  StringPrototypeCharCodeAt,
  StringPrototypeEndsWith,
  StringPrototypeIndexOf,
  StringPrototypeSlice,
  StringPrototypeSplit,
  StringPrototypeStartsWith,
} = primordials;

let stackModule;
function lazyStack() {
  stackModule ??= require('internal/errors/stack');
  return stackModule;
}

const kV8Frame = /^\s*at (?:(.*?) \()?(.*?):(\d+):(\d+)\)?$/;

function parseFrames(stack) {
  if (typeof stack !== 'string') return [];
  if (RegExpPrototypeExec(/\n\s+at /, stack) === null && !StringPrototypeStartsWith(stack, '    at ')) {
    return lazyStack().parseStack(stack);
  }
  const frames = [];
  const lines = StringPrototypeSplit(stack, '\n');
  for (let i = 0; i < lines.length; i++) {
    const m = RegExpPrototypeExec(kV8Frame, lines[i]);
    if (m === null) continue;
    ArrayPrototypePush(frames, {
      name: m[1] ?? '', file: m[2], line: NumberParseInt(m[3], 10), column: NumberParseInt(m[4], 10), native: false,
    });
  }
  return frames;
}

function limitWritable() {
  const desc = ObjectGetOwnPropertyDescriptor(Error, 'stackTraceLimit');
  if (desc === undefined) return ObjectIsExtensible(Error);
  return ObjectPrototypeHasOwnProperty(desc, 'writable') ? desc.writable : desc.set !== undefined;
}

function isBuiltinFile(file) {
  return StringPrototypeStartsWith(file, 'node:');
}

/**
 * The first frame of user code below `fn` on the current stack ({ file, line, column }, 1-based), or
 * undefined. Frames of built-in modules (`node:` files) are passed over.
 */
function getCallerLocation(fn) {
  const writable = limitWritable();
  const limit = Error.stackTraceLimit;
  if (writable) Error.stackTraceLimit = 30;
  const holder = {};
  let stack;
  try {
    if (ErrorCaptureStackTrace !== undefined) {
      ErrorCaptureStackTrace(holder, fn);
      stack = holder.stack;
    } else {
      stack = new Error().stack;
    }
  } finally {
    if (writable) Error.stackTraceLimit = limit;
  }
  const frames = parseFrames(stack);
  for (let i = 0; i < frames.length; i++) {
    const f = frames[i];
    // Code from eval() or new Function() has no file: its caller's line is not the call.
    if (!f.native && (f.line === 0 || f.file === '')) return undefined;
    if (!f.native && !isBuiltinFile(f.file)) {
      let file = f.file;
      if (StringPrototypeStartsWith(file, 'file://')) file = decodeFileURL(file);
      return { file, line: f.line, column: f.column };
    }
  }
  return undefined;
}

function decodeFileURL(url) {
  try {
    return primordials.decodeURIComponent(StringPrototypeSlice(url, 7));
  } catch {
    return StringPrototypeSlice(url, 7);
  }
}

function sourceLine(file, line) {
  let text;
  try {
    text = lazyStack().getSourceLine(file, line);
  } catch {
    text = undefined;
  }
  if (text !== undefined) return text;
  try {
    const src = internalBinding('fs').readFileUtf8(file);
    text = StringPrototypeSplit(src, '\n')[line - 1];
  } catch {
    return undefined;
  }
  if (text !== undefined && StringPrototypeEndsWith(text, '\r')) text = StringPrototypeSlice(text, 0, -1);
  return text;
}

// --- a tokenizer for one line of JavaScript, enough to find where an expression starts and ends ----

// Keywords get their own token types, as acorn (Node's tokenizer) gives them.
const kKeywords = ['break', 'case', 'catch', 'continue', 'debugger', 'default', 'do', 'else', 'finally',
  'for', 'function', 'if', 'return', 'switch', 'throw', 'try', 'var', 'const', 'while', 'with', 'new',
  'this', 'super', 'class', 'extends', 'export', 'import', 'null', 'true', 'false', 'in', 'instanceof',
  'typeof', 'void', 'delete'];
// After these a `/` starts a regular expression rather than a division.
const kBeforeExpression = ['return', 'typeof', 'instanceof', 'in', 'new', 'delete', 'void', 'throw', 'case',
  'do', 'else'];
const kPunctuators = ['>>>=', '...', '===', '!==', '**=', '<<=', '>>=', '>>>', '&&=', '||=', '??=',
  '=>', '==', '!=', '<=', '>=', '&&', '||', '??', '?.', '++', '--', '+=', '-=', '*=', '/=', '%=', '&=',
  '|=', '^=', '<<', '>>', '**'];

function isIdentStart(c) {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 36 || c === 95 || c === 92 || c > 127;
}
function isIdentPart(c) {
  return isIdentStart(c) || (c >= 48 && c <= 57);
}
function isDigit(c) {
  return c >= 48 && c <= 57;
}

// Tokens of `code` as { type, start, end }. `type` is 'name', 'num', 'string', 'regexp', 'template',
// 'privateId', a keyword, or the punctuator itself. Returns what it could read if the line is cut off.
function tokenize(code) {
  const tokens = [];
  const n = code.length;
  let i = 0;
  let prev = null;
  const regexAllowed = () => {
    if (prev === null) return true;
    const t = prev.type;
    if (t === 'name' || t === 'num' || t === 'string' || t === 'regexp' || t === 'template' ||
        t === 'privateId' || t === ')' || t === ']' || t === '}' || t === 'this' || t === 'super' ||
        t === 'null' || t === 'true' || t === 'false' || t === '++' || t === '--') {
      return false;
    }
    if (ArrayPrototypeIncludes(kKeywords, t)) return ArrayPrototypeIncludes(kBeforeExpression, t);
    return true;
  };
  const push = (type, start, end) => {
    prev = { type, start, end };
    ArrayPrototypePush(tokens, prev);
  };
  while (i < n) {
    const c = StringPrototypeCharCodeAt(code, i);
    if (c === 32 || c === 9 || c === 11 || c === 12 || c === 13 || c === 10 || c === 0xa0 || c === 0xfeff) {
      i++;
      continue;
    }
    const start = i;
    if (c === 47 && StringPrototypeCharCodeAt(code, i + 1) === 47) break; // line comment
    if (c === 47 && StringPrototypeCharCodeAt(code, i + 1) === 42) { // block comment
      const close = StringPrototypeIndexOf(code, '*/', i + 2);
      if (close === -1) break;
      i = close + 2;
      continue;
    }
    if (isIdentStart(c) || c === 35) {
      i++;
      while (i < n && isIdentPart(StringPrototypeCharCodeAt(code, i))) i++;
      const word = StringPrototypeSlice(code, start, i);
      if (c === 35) push('privateId', start, i);
      else push(ArrayPrototypeIncludes(kKeywords, word) ? word : 'name', start, i);
      continue;
    }
    if (isDigit(c) || (c === 46 && isDigit(StringPrototypeCharCodeAt(code, i + 1)))) {
      i++;
      while (i < n) {
        const d = StringPrototypeCharCodeAt(code, i);
        if (isIdentPart(d) || d === 46) {
          i++;
        } else if ((d === 43 || d === 45) && (StringPrototypeCharCodeAt(code, i - 1) | 32) === 101 &&
                   !((StringPrototypeCharCodeAt(code, start + 1) | 32) === 120)) {
          i++; // exponent sign, not in hex literals
        } else {
          break;
        }
      }
      push('num', start, i);
      continue;
    }
    if (c === 39 || c === 34) { // ' "
      i++;
      while (i < n && StringPrototypeCharCodeAt(code, i) !== c) i += StringPrototypeCharCodeAt(code, i) === 92 ? 2 : 1;
      if (i >= n) return { tokens, complete: false };
      i++;
      push('string', start, i);
      continue;
    }
    if (c === 96) { // template: `...${ expr }...`
      i++;
      let depth = 0;
      while (i < n) {
        const d = StringPrototypeCharCodeAt(code, i);
        if (d === 92) {
          i += 2;
        } else if (depth === 0 && d === 96) {
          break;
        } else if (d === 36 && StringPrototypeCharCodeAt(code, i + 1) === 123) {
          depth++;
          i += 2;
        } else if (depth > 0 && d === 125) {
          depth--;
          i++;
        } else if (depth > 0 && d === 123) {
          depth++;
          i++;
        } else {
          i++;
        }
      }
      if (i >= n) return { tokens, complete: false };
      i++;
      push('template', start, i);
      continue;
    }
    if (c === 47 && regexAllowed()) {
      i++;
      let inClass = false;
      while (i < n) {
        const d = StringPrototypeCharCodeAt(code, i);
        if (d === 92) {
          i += 2;
          continue;
        }
        if (d === 91) inClass = true;
        else if (d === 93) inClass = false;
        else if (d === 47 && !inClass) break;
        i++;
      }
      if (i >= n) return { tokens, complete: false };
      i++;
      while (i < n && isIdentPart(StringPrototypeCharCodeAt(code, i))) i++;
      push('regexp', start, i);
      continue;
    }
    let op = null;
    for (let k = 0; k < kPunctuators.length; k++) {
      const p = kPunctuators[k];
      if (StringPrototypeStartsWith(code, p, i)) {
        // `?.5` is a conditional followed by a number.
        if (p === '?.' && isDigit(StringPrototypeCharCodeAt(code, i + 2))) continue;
        op = p;
        break;
      }
    }
    if (op === null) op = code[i];
    i += op.length;
    push(op, start, i);
  }
  return { tokens, complete: true };
}

const kMemberAccess = ['.', '?.', '[', ']'];
const kMemberName = ['name', 'string', 'num'];

/**
 * The expression that starts at `startColumn` (0-based) of `code`: the call up to its closing
 * parenthesis, with the object path before the called name (`assert.ok(x)`, `a['ok'](x)`).
 * Mirrors Node: a `;` seen inside the call gives ''. Undefined when the line ends inside a string.
 */
function getFirstExpression(code, startColumn) {
  const { tokens, complete } = tokenize(code);
  let last = null;
  let firstMemberName = null;
  let end;
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.start < startColumn) {
      if (token.type === ';') {
        firstMemberName = null;
        continue;
      }
      if (ArrayPrototypeIncludes(kMemberAccess, token.type) && last !== null && last.type === 'name') {
        firstMemberName ??= last;
      } else if (!ArrayPrototypeIncludes(kMemberAccess, token.type) && !ArrayPrototypeIncludes(kMemberName, token.type)) {
        firstMemberName = null;
      }
      last = token;
      continue;
    }
    if (token.type === '(') {
      depth++;
      continue;
    }
    if (token.type === ')') {
      depth--;
      if (depth === 0) {
        end = token.end;
        break;
      }
      continue;
    }
    if (token.type === ';') {
      end = 0;
      break;
    }
  }
  // A line cut inside a string or template before the call's end: no reliable text.
  if (end === undefined && !complete) return undefined;
  const start = firstMemberName !== null ? firstMemberName.start : startColumn;
  return StringPrototypeSlice(code, start, end);
}

// JavaScriptCore makes proper tail calls in strict code: `() => assert.ok(x)` leaves no frame of its
// own, and the frame found below assert.ok is the arrow's caller. There the text found is only
// trusted if it calls something named like an assert function.
let tailCallsLoseFrames;
function engineHasTailCalls() {
  if (tailCallsLoseFrames === undefined) {
    const inner = () => new Error().stack;
    const outer = () => inner(); // a tail call in this strict module
    const stack = outer();
    tailCallsLoseFrames = typeof stack === 'string' && RegExpPrototypeExec(/outer/, stack) === null;
  }
  return tailCallsLoseFrames;
}

const kCalleeName = /(?:^|[.\s'"\]])(ok|assert|strict)['"]?\]?\s*(?:\?\.\s*)?\($/;

/** The source text of the call to `fn` that is on the stack, or undefined. */
function getCallSourceExpression(fn) {
  const loc = getCallerLocation(fn);
  if (loc === undefined) return undefined;
  const code = sourceLine(loc.file, loc.line);
  if (code === undefined) return undefined;
  const expression = getFirstExpression(code, loc.column - 1);
  if (expression && engineHasTailCalls()) {
    const open = StringPrototypeIndexOf(expression, '(');
    if (open === -1 || RegExpPrototypeExec(kCalleeName, StringPrototypeSlice(expression, 0, open + 1)) === null) {
      return undefined;
    }
  }
  return expression;
}

module.exports = {
  getCallerLocation,
  getCallSourceExpression,
  getFirstExpression,
  tokenize,
};
