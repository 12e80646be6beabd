'use strict';
// JSC writes stacks as `fn@url:line:col` lines with no header; Node programs expect V8's
// `Name: message\n    at fn (url:line:col)`. This module converts, for the places where dx prints
// or inspects an error (the uncaught-exception printer, util.inspect, console).
//
// Positions: JSC and V8 place a frame's column differently. JSC points a call at its `(` and a
// property access at its `.`; V8 points at the callee's name (the method name for `a.b()`, `new` for
// `new F()`) and at the property name. When the source is known the column is moved to V8's place.
// Modules and built-ins are wrapped on their first line, so line-1 columns lose the wrapper's length.

const {
  ArrayPrototypeJoin, ArrayPrototypePush, RegExpPrototypeExec, SafeMap, StringPrototypeCharCodeAt,
  StringPrototypeIndexOf, StringPrototypeLastIndexOf, StringPrototypeSlice, StringPrototypeSplit,
  StringPrototypeStartsWith, NumberParseInt, ObjectPrototypeHasOwnProperty,
} = primordials;

// url -> { prefixLength, source } for every module compiled inside a wrapper.
const wrapped = new SafeMap();
const kWrapperName = '__dx_module__';
const builtinPrefixLength = internalBinding('builtins').wrapperPrefixLength;

function registerWrapped(url, prefixLength, source) {
  wrapped.set(url, { prefixLength, source, lines: null });
}

// file or URL -> { source, lines } of code the compiler transformed (ES modules, TypeScript, JSX):
// their frames are mapped back through the compiler's source maps (internalBinding('modules')
// .mapPosition), and their source lines are the original ones.
const originals = new SafeMap();
function registerOriginal(url, source) {
  originals.set(url, { source, lines: null });
}

let mapPosition;
function mapFrame(file, line, column) {
  if (mapPosition === undefined) {
    const b = internalBinding('modules');
    mapPosition = typeof b.mapPosition === 'function' ? b.mapPosition : null;
  }
  if (mapPosition === null || !originals.has(file)) return undefined;
  return mapPosition(file, line, column);
}

function sourceLines(url) {
  const o = originals.get(url);
  if (o !== undefined) {
    if (o.lines === null) o.lines = StringPrototypeSplit(o.source, '\n');
    return o.lines;
  }
  let w = wrapped.get(url);
  if (w === undefined && StringPrototypeStartsWith(url, 'node:')) {
    // Built-in modules: their source is embedded in the binary.
    const source = internalBinding('builtins').source(StringPrototypeSlice(url, 5));
    if (source === undefined) return undefined;
    w = { prefixLength: builtinPrefixLength, source, lines: null };
    wrapped.set(url, w);
  }
  if (w === undefined || w.source === undefined) return undefined;
  if (w.lines === null) w.lines = StringPrototypeSplit(w.source, '\n');
  return w.lines;
}

function getSourceLine(url, line) {
  const lines = sourceLines(url);
  if (lines === undefined) return undefined;
  const s = lines[line - 1];
  return s === undefined ? undefined : (s.endsWith('\r') ? StringPrototypeSlice(s, 0, -1) : s);
}

function isIdentChar(c) {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 36 || c === 95 ||
    c > 127;
}
function isSpace(c) { return c === 32 || c === 9; }

// Moves a JSC column (1-based) to where V8 reports the same position.
function v8Column(text, col) {
  let i = col - 1;
  const c = StringPrototypeCharCodeAt(text, i);
  if (c === 46 /* . */) {
    // a.b failing: V8 points at `b`
    let j = i + 1;
    while (isSpace(StringPrototypeCharCodeAt(text, j))) j++;
    return j + 1;
  }
  if (c !== 40 /* ( */ && c !== 96 /* ` */) return col;
  // A call: back over spaces and an identifier to the callee's name.
  let j = i - 1;
  while (j >= 0 && isSpace(StringPrototypeCharCodeAt(text, j))) j--;
  if (j < 0 || !isIdentChar(StringPrototypeCharCodeAt(text, j))) return col;
  while (j > 0 && isIdentChar(StringPrototypeCharCodeAt(text, j - 1))) j--;
  // `new F(` -> V8 points at `new`
  let k = j - 1;
  while (k >= 0 && isSpace(StringPrototypeCharCodeAt(text, k))) k--;
  if (k >= 2 && StringPrototypeSlice(text, k - 2, k + 1) === 'new' &&
      (k < 3 || !isIdentChar(StringPrototypeCharCodeAt(text, k - 3)))) {
    return k - 2 + 1;
  }
  return j + 1;
}

const kFrameRe = /^(.*?)@(.*):(\d+):(\d+)$/;

// Parses a JSC stack string into frames {name, file, line, column, native}.
function parseStack(stack) {
  const frames = [];
  if (typeof stack !== 'string' || stack === '') return frames;
  const lines = StringPrototypeSplit(stack, '\n');
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i];
    if (text === '') continue;
    const m = RegExpPrototypeExec(kFrameRe, text);
    if (m !== null) {
      const file = m[2];
      let line = NumberParseInt(m[3], 10);
      let column = NumberParseInt(m[4], 10);
      const w = wrapped.get(file);
      if (w !== undefined && line === 1) column -= w.prefixLength;
      const mapped = mapFrame(file, line, column);
      if (mapped !== undefined) {
        line = mapped[1];
        column = mapped[2];
      }
      const src = getSourceLine(file, line);
      if (src !== undefined && column >= 1) column = v8Column(src, column);
      ArrayPrototypePush(frames, { name: m[1], file, line, column, native: false });
    } else {
      const at = StringPrototypeIndexOf(text, '@');
      const name = at >= 0 ? StringPrototypeSlice(text, 0, at) : text;
      const where = at >= 0 ? StringPrototypeSlice(text, at + 1) : '';
      ArrayPrototypePush(frames, { name, file: where, line: 0, column: 0, native: where === '[native code]' });
    }
  }
  return frames;
}

function frameName(name) {
  if (name === kWrapperName) return 'Object.<anonymous>';
  if (name === '__dx_default') return 'default'; // export default function () {} (transforms/esm.c)
  if (name === 'global code' || name === 'module code') return '';
  return name;
}

// How Node names a file in stacks and headers: TypeScript files, which Node 24 compiles through its
// ES-module translators even as CommonJS, appear as file: URLs.
const kTsFileRe = /^\/.*\.[cm]?ts$/;
function displayFile(file) {
  if (!RegExpPrototypeExec(kTsFileRe, file)) return file;
  return 'file://' + encodeURI(file);
}

function formatFrame(f) {
  const name = frameName(f.name);
  if (f.native) return `    at ${name || '<anonymous>'} (native)`;
  if (f.line === 0) {
    if (name === 'eval code') return '    at eval (eval at <anonymous>)';
    return `    at ${name || '<anonymous>'}`;
  }
  const loc = `${displayFile(f.file)}:${f.line}:${f.column}`;
  return name ? `    at ${name} (${loc})` : `    at ${loc}`;
}

function errorHeader(err) {
  let name, message;
  try { name = err.name; } catch { name = undefined; }
  try { message = err.message; } catch { message = undefined; }
  name = name === undefined ? 'Error' : `${name}`;
  message = message === undefined ? '' : `${message}`;
  let code;
  try {
    code = err.code;
  } catch { /* ignore */ }
  // Node's own errors put their code in the header: `TypeError [ERR_X]: message`.
  if (typeof code === 'string' && err[kIsNodeError] === true) name = `${name} [${code}]`;
  if (name === '') return message;
  if (message === '') return name;
  return `${name}: ${message}`;
}

const kIsNodeError = Symbol('kIsNodeError');

// `err.stack` in V8's shape. A stack that is already V8-shaped (it starts with its header) is kept.
function formatStack(err) {
  let stack;
  try { stack = err.stack; } catch { stack = undefined; }
  if (typeof stack !== 'string') return errorHeader(err);
  const header = errorHeader(err);
  if (StringPrototypeStartsWith(stack, header) || /^\s+at /m.test(stack)) return stack;
  const frames = parseStack(stack);
  const out = [header];
  for (let i = 0; i < frames.length; i++) ArrayPrototypePush(out, formatFrame(frames[i]));
  return ArrayPrototypeJoin(out, '\n');
}

// The first frame with a file position: where Node prints its `file:line` header.
function topFrame(err) {
  let stack;
  try { stack = err.stack; } catch { return undefined; }
  const frames = parseStack(stack);
  for (let i = 0; i < frames.length; i++) if (frames[i].line > 0) return frames[i];
  return undefined;
}

module.exports = {
  registerWrapped, registerOriginal, getSourceLine, displayFile, parseStack, formatStack, formatFrame, errorHeader, topFrame,
  kIsNodeError, kWrapperName,
};
