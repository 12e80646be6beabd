'use strict';
// util.inspect and util.format, written to print exactly what Node 24 prints.
//
// The shape of the output is Node's, rule by rule: how a value's "constructor name" and tag are
// found, which keys are listed, how entries are joined on one line or broken over several (compact
// mode, breakLength, the column grouping of long arrays), how errors, proxies, getters and circular
// references are shown. docs/inspect.md lists the decisions taken where JavaScriptCore cannot give what
// V8 gives (proxy handlers, iterator and WeakMap contents).

const {
  ArrayIsArray,
  ArrayPrototypeFilter,
  ArrayPrototypeIncludes,
  ArrayPrototypeIndexOf,
  ArrayPrototypeJoin,
  ArrayPrototypeMap,
  ArrayPrototypePop,
  ArrayPrototypePush,
  ArrayPrototypeSlice,
  ArrayPrototypeSort,
  ArrayPrototypeSplice,
  ArrayPrototypeUnshift,
  BigIntPrototypeValueOf,
  BooleanPrototypeValueOf,
  DatePrototypeGetTime,
  DatePrototypeToISOString,
  DatePrototypeToString,
  ErrorPrototype,
  ErrorPrototypeToString,
  FunctionPrototypeCall,
  FunctionPrototypeToString,
  JSONStringify,
  MapPrototypeGetSize,
  MathFloor,
  MathMax,
  MathMin,
  MathRound,
  MathSqrt,
  Number,
  NumberIsFinite,
  NumberIsNaN,
  NumberParseFloat,
  NumberParseInt,
  NumberPrototypeToString,
  NumberPrototypeValueOf,
  ObjectAssign,
  ObjectDefineProperty,
  ObjectGetOwnPropertyDescriptor,
  ObjectGetOwnPropertyNames,
  ObjectGetOwnPropertySymbols,
  ObjectGetPrototypeOf,
  ObjectIs,
  ObjectKeys,
  ObjectPrototype,
  ObjectPrototype__lookupGetter__,
  ObjectPrototypeHasOwnProperty,
  ObjectPrototypeIsPrototypeOf,
  ObjectPrototypePropertyIsEnumerable,
  ObjectPrototypeToString,
  ObjectSetPrototypeOf,
  ReflectGetOwnPropertyDescriptor,
  ReflectOwnKeys,
  RegExp,
  RegExpPrototypeExec,
  RegExpPrototypeSymbolReplace,
  RegExpPrototypeToString,
  SafeMap,
  SafeSet,
  SetPrototypeGetSize,
  String,
  StringPrototypeCharCodeAt,
  StringPrototypeCodePointAt,
  StringPrototypeEndsWith,
  StringPrototypeIncludes,
  StringPrototypeIndexOf,
  StringPrototypeLastIndexOf,
  StringPrototypeNormalize,
  StringPrototypePadEnd,
  StringPrototypePadStart,
  StringPrototypeRepeat,
  StringPrototypeReplace,
  StringPrototypeReplaceAll,
  StringPrototypeSlice,
  StringPrototypeSplit,
  StringPrototypeStartsWith,
  StringPrototypeToLowerCase,
  StringPrototypeValueOf,
  SymbolFor,
  SymbolIterator,
  SymbolPrototypeToString,
  SymbolPrototypeValueOf,
  SymbolToPrimitive,
  SymbolToStringTag,
  TypedArrayPrototypeGetLength,
  Uint8Array,
  globalThis,
} = primordials;

const types = require('internal/util/types');
const {
  isAnyArrayBuffer,
  isArgumentsObject,
  isArrayBuffer,
  isBigIntObject,
  isBooleanObject,
  isBoxedPrimitive,
  isDataView,
  isDate,
  isMap,
  isMapIterator,
  isModuleNamespaceObject,
  isNativeError,
  isNumberObject,
  isPromise,
  isRegExp,
  isSet,
  isSetIterator,
  isStringObject,
  isTypedArray,
  isWeakMap,
  isWeakSet,
  isAsyncFunction,
  isGeneratorFunction,
  typedArrayTag,
} = types;

const utilBinding = internalBinding('util');
// One binding call per object gives its engine kind (src/engine/kind.c); each K_* is undefined where
// this engine cannot tell that kind apart, and the util.types check is used instead.
const { valueKind, kinds: engineKinds } = utilBinding;
const K_PROXY = engineKinds.proxy;
const K_FAST_ARRAY = engineKinds.fastArray;
const K_PLAIN_OBJECT = engineKinds.plainObject;
const K_MAP = engineKinds.map;
const K_SET = engineKinds.set;
const K_DATE = engineKinds.date;

// ---------------------------------------------------------------------------------------------------
// Options, colours and styles

// An ordinary object from the start: the public view is one (Node prints it as `{ showHidden: ... }`),
// and one whose prototype was changed after creation makes JSC's property reads slower on every
// inspect() call.
const inspectDefaultOptions = {
  showHidden: false,
  depth: 2,
  colors: false,
  customInspect: true,
  showProxy: false,
  maxArrayLength: 100,
  maxStringLength: 10000,
  breakLength: 80,
  compact: 3,
  sorted: false,
  getters: false,
  numericSeparator: false,
};

const customInspectSymbol = SymbolFor('nodejs.util.inspect.custom');

const kObjectType = 0;
const kArrayType = 1;
const kArrayExtrasType = 2;

const kMinLineWidth = 16;

// Names that stand for the engine's own classes: a prototype chain that reaches one of them is not a
// user's, and `%s` trusts their toString.
const builtInObjects = new SafeSet();
{
  const names = ObjectGetOwnPropertyNames(globalThis);
  for (let i = 0; i < names.length; i++) {
    if (RegExpPrototypeExec(/^[A-Z][a-zA-Z0-9]+$/, names[i]) !== null) builtInObjects.add(names[i]);
  }
}

// Keys are checked with plain loops rather than regular expressions: on the short strings
// util.inspect sees per property, a JSC regexp call costs several times the loop.
// /^[a-zA-Z_][a-zA-Z_0-9]*$/
function isIdentifierKey(key) {
  const n = key.length;
  if (n === 0) return false;
  for (let i = 0; i < n; i++) {
    const c = StringPrototypeCharCodeAt(key, i);
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || (i > 0 && c >= 48 && c <= 57)) continue;
    return false;
  }
  return true;
}
// /^(?:0|[1-9][0-9]*)$/
function isIndexLike(key) {
  const n = key.length;
  if (n === 0) return false;
  const first = StringPrototypeCharCodeAt(key, 0);
  if (first === 48) return n === 1;
  for (let i = 0; i < n; i++) {
    const c = StringPrototypeCharCodeAt(key, i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

// ---------------------------------------------------------------------------------------------------
// Strings: escaping and quoting

// Escapes for the code units below 0x20, the quote, the backslash and 0x7f-0x9f.
const escapes = [];
for (let c = 0; c < 0xa0; c++) {
  if (c < 0x20 || (c >= 0x7f && c < 0xa0)) {
    escapes[c] = `\\x${toUpperHex(c)}`;
  }
}
escapes[8] = '\\b';
escapes[9] = '\\t';
escapes[10] = '\\n';
escapes[12] = '\\f';
escapes[13] = '\\r';
escapes[39] = "\\'";
escapes[92] = '\\\\';

function toUpperHex(c) {
  const digits = '0123456789ABCDEF';
  return digits[c >> 4] + digits[c & 15];
}

// Characters to escape when single quotes delimit the string, and when other quotes do.
const escapeAllRe =
  /[\x00-\x1f\x27\x5c\x7f-\x9f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const escapeAllNoQuoteRe =
  /[\x00-\x1f\x5c\x7f-\x9f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function escapeChar(ch) {
  const c = StringPrototypeCharCodeAt(ch, 0);
  const known = escapes[c];
  return known !== undefined ? known : `\\u${NumberPrototypeToString(c, 16)}`;
}

// Whether str has a character that strEscape escapes (escapeAllRe's, without the quote when single
// quotes are not the delimiter): C0 controls, the quote, backslash, DEL and C1 controls, lone
// surrogates.
function needsEscape(str, singleQuoted) {
  for (let i = 0; i < str.length; i++) {
    const c = StringPrototypeCharCodeAt(str, i);
    if (c < 0x20 || c === 0x5c || (c >= 0x7f && c <= 0x9f) || (c === 0x27 && singleQuoted)) return true;
    if (c >= 0xd800 && c <= 0xdfff) {
      if (c <= 0xdbff) {
        const d = i + 1 < str.length ? StringPrototypeCharCodeAt(str, i + 1) : 0;
        if (d >= 0xdc00 && d <= 0xdfff) { i++; continue; }
      }
      return true;
    }
  }
  return false;
}

// The string as a quoted literal. Single quotes unless the string has one: then double quotes if it
// has none of those, else a template literal if it has no backtick and no `${`, else single quotes
// with the quotes escaped.
function strEscape(str) {
  let quote = "'";
  let all = escapeAllRe;
  if (StringPrototypeIncludes(str, "'")) {
    if (!StringPrototypeIncludes(str, '"')) {
      quote = '"';
    } else if (!StringPrototypeIncludes(str, '`') && !StringPrototypeIncludes(str, '${')) {
      quote = '`';
    }
    if (quote !== "'") {
      all = escapeAllNoQuoteRe;
    }
  }
  if (!needsEscape(str, quote === "'")) return quote + str + quote;
  return quote + RegExpPrototypeSymbolReplace(all, str, escapeChar) + quote;
}

// Symbol descriptions used as property keys are escaped like single-quoted strings.
function escapeSymbolKey(sym) {
  return RegExpPrototypeSymbolReplace(escapeAllRe, SymbolPrototypeToString(sym), escapeChar);
}

// ---------------------------------------------------------------------------------------------------
// Terminal width of strings

// Matches the terminal control sequences that take no room on screen: CSI sequences (ESC [ or the
// 8-bit CSI, parameters, one final byte) and string sequences such as OSC hyperlinks (ended by BEL,
// ESC \ or ST).
const ansiRe = new RegExp(
  '[\\u001B\\u009B][[\\]()#;?]*' +
  '(?:' +
    '(?:(?:(?:;[-a-zA-Z\\d\\/#&.:=?%@~_]+)*|[a-zA-Z\\d]+(?:;[-a-zA-Z\\d\\/#&.:=?%@~_]*)*)?' +
    '(?:\\u0007|\\u001B\\u005C|\\u009C))' +
  '|' +
    '(?:(?:\\d{1,4}(?:;\\d{0,4})*)?[\\dA-PR-TZcf-nq-uy=><~])' +
  ')', 'g');

function stripVTControlCharacters(str) {
  if (typeof str !== 'string') {
    const { codes: { ERR_INVALID_ARG_TYPE } } = require('internal/errors');
    throw new ERR_INVALID_ARG_TYPE('str', 'string', str);
  }
  return RegExpPrototypeSymbolReplace(ansiRe, str, '');
}

const colorCodeRe = /\u001b\[\d\d?m/g;
function removeColors(str) {
  return RegExpPrototypeSymbolReplace(colorCodeRe, str, '');
}

// Column widths of the code points from U+007F up, as ICU reports them for Node (East Asian Wide and
// Fullwidth characters and emoji presentation take 2 columns; controls, format characters,
// combining marks and emoji modifiers take none). Each list is `gap,length` pairs in base 36: a
// range starts `gap` after the end of the previous one and spans `length` more code points.
// Generated from Node 24 (ICU 78, Unicode 17); see docs/inspect.md.
const kZeroWidthRanges = '3j,w;gx,33;7o,6;7c,18;2,0;2,1;2,1;2,0;1l,5;b,a;2,0;1b,k;h,0;2u,7;2,5;3,1;2,3;y,0;2,0;' +
  'v,q;2k,a;1n,8;a,0;p,3;2,8;2,2;2,4;18,2;1h,1;6,8;17,1k;1k,0;2,0;5,7;5,0;4,6;b,1;u,0;1n,0;5,3;9,0;l,1;r,0;' +
  '3,1;1m,0;5,1;5,1;3,2;4,0;v,1;4,0;c,1;1m,0;5,4;2,1;5,0;l,1;n,5;2,0;1n,0;3,0;2,3;9,0;8,1;c,1;v,0;1q,0;d,0;' +
  '1f,0;4,0;1k,0;2,2;6,2;2,3;8,1;c,1;u,0;1n,0;3,0;7,0;6,1;l,1;t,1;1m,1;5,3;9,0;l,1;u,0;21,0;8,2;2,0;2j,0;3,6;' +
  'd,7;2r,0;3,8;c,6;22,1;s,0;2,0;2,0;1k,d;2,4;2,1;6,a;2,z;a,0;2v,3;2,5;2,1;3,1;q,1;5,2;h,3;e,0;3,1;7,0;g,0;' +
  'jk,2;qb,2;u,1;v,1;v,1;1t,1;2,6;9,0;3,a;a,0;1a,4;3a,1;z,0;3b,2;5,1;a,0;7,2;64,1;3,0;1n,0;2,6;2,0;2,0;3,7;' +
  '7,9;3,0;1d,19;3,b;l,3;1d,0;2,4;2,0;6,0;15,8;d,1;x,3;3,1;2,2;1l,0;2,1;4,0;2,2;1n,7;3,1;49,2;2,c;2,6;5,0;7,0;' +
  '4,1;5j,1r;ek,4;r,4;1e,4;2,9;2p,w;2db,2;3y,0;2p,v;nsg,3;2,9;x,1;29,1;7l,0;4,0;5,0;q,1;6,0;48,1;r,h;e,0;13,7;' +
  'q,a;1b,2;1d,0;3,3;3,1;14,0;1w,5;3,1;3,1;d,0;9,0;1c,0;1g,0;2,2;3,1;6,1;2,0;17,1;9,0;6n,0;3,0;5,0;fn5,0;' +
  'ki,f;h,f;5s,0;6y,2;ea,0;6b,0;46,4;1af,2;2,1;6,3;15,2;5,0;4m,1;fy,3;1u,4;8u,1;26,5;1z,a;1e,3;3g,0;1j,e;' +
  '16,0;3,1;b,2;1e,3;3,1;3,0;5,0;b,0;1f,2;11,4;2,7;1r,0;d,1;1h,8;b,3;3,0;2o,2;3,0;2,1;7,0;3,0;4e,0;4,7;m,1;' +
  '1m,1;4,0;12,6;4,4;1z,5;e,0;2,0;2,0;f,1;2e,7;3,2;2,0;o,0;2d,5;2,0;5,1;2,1;6n,3;7,1;2,1;s,1;2e,7;3,0;2,1;' +
  '2z,0;2,0;3,5;2,0;2u,0;2,0;3,3;2,4;78,8;2,1;75,1;2,0;5,0;41,3;3,1;5,0;x,9;15,5;3,3;9,0;a,5;3,2;1b,c;2,1;' +
  '5j,0;2,2;2,0;5m,6;2,5;2,0;2b,l;3,6;2,1;2,1;3f,5;4,0;2,1;2,6;2,0;21,1;4,0;2,0;9o,1;c,1;1h,4;6,0;2,0;o,0;' +
  '446,g;7,e;8uh,b;4,2;1xd,4;1o,6;t5,0;1s,3;f7v,1;2,3;3ml,19;3,m;f5,2;a,f;3,6;v,3;45,2;1j0,1i;5,1d;9,0;f,0;' +
  'n,4;2,e;11t,6;2,g;3,6;2,1;2,4;2t,0;4h,6;ag,0;1q,3;e5,3;73,1;6s,0;3,0;8,1;6,0;d7,6;32,6;gzav,0;v,2n;3l,6n';
const kWideRanges = '3cw,2n;3i3,1;e,1;5b,3;4,0;3,0;ei,1;m,1;r,7;h,b;18,0;b,5;4,0;e,0;9,1;i,1;6,1;9,0;6,0;m,0;' +
  '8,1;2,0;5,0;3,0;8,0;5,1;t,0;10,0;2,0;5,2;2,0;1q,2;p,0;f,0;nw,1;1g,0;5,0;mj,p;2,2g;d,5x;r,26;3,2d;3,2u;6,16;' +
  '2,2l;2,2d;a,1b;2,13;9,mkc;4,1i;wq,s;hw,8mb;6l9,e7;lt,9;n,y;2,i;2,3;46,2n;3k,6;m4a,4;c,6;a,5p1;16,v;2q,36;' +
  '6pq,3;2,6;2,1;2,82;g,0;u,2;3,0;f,3;9,az;603,1;2k,1;90,2e;a,m;5n2,0;5n,0;5b,0;3,9;24,s;e,17;5,8;8,1;f,5;' +
  '4b,w;d,8;2,1x;2,l;d,16;5,4;d,g;4,0;4,1y;2,0;2,56;3,1q;e,3;2,n;j,0;r,1;e,0;2f,2c;1d,1x;7,0;4,2;3,3;4,3;' +
  'c,1;8,8;6c,b;5,0;7w,1a;2,9;2,54;35,c;4,a;4,1k;2,0;5,f;3,b;5,9;zs,1ekd;3,1ekd';

// [start0, end0, start1, end1, ...] decoded on first use.
let zeroWidth;
let wideWidth;
function decodeRanges(text) {
  const out = [];
  const pairs = StringPrototypeSplit(text, ';');
  let end = 0;
  for (let i = 0; i < pairs.length; i++) {
    const comma = StringPrototypeIndexOf(pairs[i], ',');
    const start = end + NumberParseInt(StringPrototypeSlice(pairs[i], 0, comma), 36);
    end = start + NumberParseInt(StringPrototypeSlice(pairs[i], comma + 1), 36);
    ArrayPrototypePush(out, start, end);
  }
  return out;
}

function inRanges(ranges, cp) {
  let lo = 0;
  let hi = ranges.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cp < ranges[mid * 2]) hi = mid - 1;
    else if (cp > ranges[mid * 2 + 1]) lo = mid + 1;
    else return true;
  }
  return false;
}

function codePointWidth(cp) {
  if (cp < 0x20) return 0;
  if (cp < 0x7f) return 1;
  if (zeroWidth === undefined) {
    zeroWidth = decodeRanges(kZeroWidthRanges);
    wideWidth = decodeRanges(kWideRanges);
  }
  if (inRanges(wideWidth, cp)) return 2;
  if (inRanges(zeroWidth, cp)) return 0;
  return 1;
}

// The number of terminal columns `str` takes.
function getStringWidth(str, removeControlChars = true) {
  if (removeControlChars) str = stripVTControlCharacters(str);
  let width = 0;
  for (let i = 0; i < str.length; i++) {
    const code = StringPrototypeCharCodeAt(str, i);
    if (code >= 127) {
      const rest = StringPrototypeNormalize(StringPrototypeSlice(str, i), 'NFC');
      for (let j = 0; j < rest.length; j++) {
        const cp = StringPrototypeCodePointAt(rest, j);
        if (cp > 0xffff) j++;
        width += codePointWidth(cp);
      }
      break;
    }
    width += code >= 32 ? 1 : 0;
  }
  return width;
}

// ---------------------------------------------------------------------------------------------------
// Stylizing

function stylizeNoColor(str) {
  return str;
}

function stylizeWithColor(str, styleType) {
  const style = inspect.styles[styleType];
  if (style !== undefined) {
    const color = inspect.colors[style];
    if (color !== undefined) return `\u001b[${color[0]}m${str}\u001b[${color[1]}m`;
  }
  return str;
}

// ---------------------------------------------------------------------------------------------------
// Engine facts

// The target of a proxy, null for a revoked proxy, undefined for anything else. Array.isArray is the
// one operation that looks through a proxy without running any of its traps and throws once the
// proxy is revoked (JSC keeps reporting a revoked proxy's target).
function getProxyTarget(value) {
  try {
    ArrayIsArray(value);
  } catch {
    return null;
  }
  return utilBinding.getProxyTarget(value);
}

function getPromiseDetails(promise) {
  const details = utilBinding.getPromiseState(promise);
  return details === undefined ? [0, undefined] : details;
}

let overflowName;
let overflowMessage;
function isStackOverflowError(err) {
  if (overflowMessage === undefined) {
    try {
      const overflow = () => overflow() + 1;
      overflow();
    } catch (e) {
      overflowName = e.name;
      overflowMessage = e.message;
    }
  }
  return err !== null && typeof err === 'object' && err.name === overflowName &&
    err.message === overflowMessage;
}

function isError(value) {
  if (isNativeError(value)) return true;
  try {
    return ObjectPrototypeIsPrototypeOf(ErrorPrototype, value);
  } catch {
    return false;
  }
}

// `value instanceof ctor`, false where that throws.
function isInstanceof(value, ctor) {
  try {
    return value instanceof ctor;
  } catch {
    return false;
  }
}

// The engine's prototypes that name their objects even if their `constructor` was tampered with.
const wellKnownPrototypes = new SafeMap();
{
  const pairs = [
    ['Array', primordials.Array], ['ArrayBuffer', primordials.ArrayBuffer], ['Function', primordials.Function],
    ['Map', primordials.Map], ['Set', primordials.Set], ['Object', primordials.Object],
    ['TypedArray', primordials.TypedArray], ['RegExp', primordials.RegExp], ['Date', primordials.Date],
    ['DataView', primordials.DataView], ['Error', primordials.Error], ['AggregateError', primordials.AggregateError],
    ['RangeError', primordials.RangeError], ['TypeError', primordials.TypeError], ['Boolean', primordials.Boolean],
    ['Number', primordials.Number], ['String', primordials.String], ['Promise', primordials.Promise],
    ['WeakMap', primordials.WeakMap], ['WeakSet', primordials.WeakSet],
  ];
  for (let i = 0; i < pairs.length; i++) {
    const { 0: name, 1: constructor } = pairs[i];
    if (constructor !== undefined) wellKnownPrototypes.set(constructor.prototype, { name, constructor });
  }
}

// Stack traces: JSC writes `fn@file:line:col` lines; internal/errors/stack turns them into V8's shape.
let stackModule;
function engineStackToV8(err, stack) {
  if (stackModule === undefined) {
    try {
      stackModule = require('internal/errors/stack');
    } catch {
      stackModule = null;
    }
  }
  if (stackModule === null || !looksLikeEngineStack(stack)) return stack;
  return stackModule.formatStack(err);
}

const engineFrameRe = /^[^\n]*@[^\n]*$/;
// An engine stack has no header and only `name@where` frames (or bare names of native frames).
function looksLikeEngineStack(stack) {
  if (RegExpPrototypeExec(/\n {4}at /, stack) !== null || StringPrototypeStartsWith(stack, '    at ')) {
    return false;
  }
  const lines = StringPrototypeSplit(stack, '\n');
  let frames = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line === '') continue;
    if (RegExpPrototypeExec(engineFrameRe, line) !== null) {
      frames++;
      continue;
    }
    if (line !== 'global code' && line !== 'eval code' && line !== 'module code' &&
        line !== '[native code]') {
      return false;
    }
  }
  return frames > 0;
}

// Built-in module ids, for greying out their stack frames when colours are on.
let builtinIds;
function isBuiltinId(id) {
  if (builtinIds === undefined) {
    builtinIds = new SafeSet();
    try {
      const ids = internalBinding('builtins').ids();
      for (let i = 0; i < ids.length; i++) builtinIds.add(ids[i]);
    } catch {
      // No list: nothing is greyed out.
    }
  }
  return builtinIds.has(id);
}

// ---------------------------------------------------------------------------------------------------
// inspect()

function inspect(value, opts) {
  const ctx = {
    budget: {},
    indentationLvl: 0,
    seen: [],
    currentDepth: 0,
    stylize: stylizeNoColor,
    showHidden: inspectDefaultOptions.showHidden,
    depth: inspectDefaultOptions.depth,
    colors: inspectDefaultOptions.colors,
    customInspect: inspectDefaultOptions.customInspect,
    showProxy: inspectDefaultOptions.showProxy,
    maxArrayLength: inspectDefaultOptions.maxArrayLength,
    maxStringLength: inspectDefaultOptions.maxStringLength,
    breakLength: inspectDefaultOptions.breakLength,
    compact: inspectDefaultOptions.compact,
    sorted: inspectDefaultOptions.sorted,
    getters: inspectDefaultOptions.getters,
    numericSeparator: inspectDefaultOptions.numericSeparator,
  };
  if (arguments.length > 1) {
    // The old signature: inspect(value, showHidden, depth, colors).
    if (arguments.length > 2) {
      if (arguments[2] !== undefined) ctx.depth = arguments[2];
      if (arguments.length > 3 && arguments[3] !== undefined) ctx.colors = arguments[3];
    }
    if (typeof opts === 'boolean') {
      ctx.showHidden = opts;
    } else if (opts) {
      const keys = ObjectKeys(opts);
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i];
        if (ObjectPrototypeHasOwnProperty(inspectDefaultOptions, key) || key === 'stylize') {
          ctx[key] = opts[key];
        } else if (ctx.userOptions === undefined) {
          // Custom inspect functions receive the options as the caller gave them.
          ctx.userOptions = opts;
        }
      }
    }
  }
  if (ctx.colors) ctx.stylize = stylizeWithColor;
  if (ctx.maxArrayLength === null) ctx.maxArrayLength = Infinity;
  if (ctx.maxStringLength === null) ctx.maxStringLength = Infinity;
  return formatValue(ctx, value, 0);
}

inspect.custom = customInspectSymbol;

ObjectDefineProperty(inspect, 'defaultOptions', {
  __proto__: null,
  get() {
    return inspectDefaultOptions;
  },
  set(options) {
    if (options === null || typeof options !== 'object') {
      const { codes: { ERR_INVALID_ARG_TYPE } } = require('internal/errors');
      throw new ERR_INVALID_ARG_TYPE('options', 'object', options);
    }
    return ObjectAssign(inspectDefaultOptions, options);
  },
  enumerable: false,
  configurable: false,
});

inspect.colors = {
  __proto__: null,
  reset: [0, 0],
  bold: [1, 22],
  dim: [2, 22],
  italic: [3, 23],
  underline: [4, 24],
  blink: [5, 25],
  inverse: [7, 27],
  hidden: [8, 28],
  strikethrough: [9, 29],
  doubleunderline: [21, 24],
  black: [30, 39],
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
  blue: [34, 39],
  magenta: [35, 39],
  cyan: [36, 39],
  white: [37, 39],
  bgBlack: [40, 49],
  bgRed: [41, 49],
  bgGreen: [42, 49],
  bgYellow: [43, 49],
  bgBlue: [44, 49],
  bgMagenta: [45, 49],
  bgCyan: [46, 49],
  bgWhite: [47, 49],
  framed: [51, 54],
  overlined: [53, 55],
  gray: [90, 39],
  redBright: [91, 39],
  greenBright: [92, 39],
  yellowBright: [93, 39],
  blueBright: [94, 39],
  magentaBright: [95, 39],
  cyanBright: [96, 39],
  whiteBright: [97, 39],
  bgGray: [100, 49],
  bgRedBright: [101, 49],
  bgGreenBright: [102, 49],
  bgYellowBright: [103, 49],
  bgBlueBright: [104, 49],
  bgMagentaBright: [105, 49],
  bgCyanBright: [106, 49],
  bgWhiteBright: [107, 49],
};

// Other names for some colours: hidden accessors onto the entry they alias.
function defineColorAlias(target, alias) {
  ObjectDefineProperty(inspect.colors, alias, {
    __proto__: null,
    get() {
      return this[target];
    },
    set(value) {
      this[target] = value;
    },
    configurable: true,
    enumerable: false,
  });
}
defineColorAlias('gray', 'grey');
defineColorAlias('gray', 'blackBright');
defineColorAlias('bgGray', 'bgGrey');
defineColorAlias('bgGray', 'bgBlackBright');
defineColorAlias('dim', 'faint');
defineColorAlias('strikethrough', 'crossedout');
defineColorAlias('strikethrough', 'strikeThrough');
defineColorAlias('strikethrough', 'crossedOut');
defineColorAlias('hidden', 'conceal');
defineColorAlias('inverse', 'swapColors');
defineColorAlias('inverse', 'swapcolors');
defineColorAlias('doubleunderline', 'doubleUnderline');

inspect.styles = ObjectAssign({ __proto__: null }, {
  special: 'cyan',
  number: 'yellow',
  bigint: 'yellow',
  boolean: 'yellow',
  undefined: 'grey',
  null: 'bold',
  string: 'green',
  symbol: 'green',
  date: 'magenta',
  regexp: 'red',
  module: 'underline',
});

// The options object a custom inspect function receives.
function getUserOptions(ctx, isCrossContext) {
  const ret = {
    stylize: ctx.stylize,
    showHidden: ctx.showHidden,
    depth: ctx.depth,
    colors: ctx.colors,
    customInspect: ctx.customInspect,
    showProxy: ctx.showProxy,
    maxArrayLength: ctx.maxArrayLength,
    maxStringLength: ctx.maxStringLength,
    breakLength: ctx.breakLength,
    compact: ctx.compact,
    sorted: ctx.sorted,
    getters: ctx.getters,
    numericSeparator: ctx.numericSeparator,
    ...ctx.userOptions,
  };
  // A value that does not inherit from this realm's Object.prototype (a null-prototype object, a
  // proxy) gets no objects of ours but a wrapped stylize.
  if (isCrossContext) {
    ObjectSetPrototypeOf(ret, null);
    const keys = ObjectKeys(ret);
    for (let i = 0; i < keys.length; i++) {
      const v = ret[keys[i]];
      if ((typeof v === 'object' || typeof v === 'function') && v !== null) delete ret[keys[i]];
    }
    ret.stylize = ObjectSetPrototypeOf((value, flavour) => {
      let stylized;
      try {
        stylized = `${ctx.stylize(value, flavour)}`;
      } catch {
        // Fall through to the plain value.
      }
      if (typeof stylized !== 'string') return value;
      return stylized;
    }, null);
  }
  return ret;
}

// ---------------------------------------------------------------------------------------------------
// formatValue: primitives, proxies, custom inspection and cycles

function formatValue(ctx, value, recurseTimes, typedArray) {
  if (typeof value !== 'object' && typeof value !== 'function') {
    return formatPrimitive(ctx.stylize, value, ctx);
  }
  if (value === null) return ctx.stylize('null', 'null');

  // Keep the value as given: custom inspect functions are called on it, even for a proxy.
  const context = value;
  let kind = valueKind(value);
  let proxyTarget;
  if ((K_PROXY === undefined || kind === K_PROXY) && !isModuleNamespaceObject(value)) {
    proxyTarget = getProxyTarget(value);
  }
  if (proxyTarget !== undefined) {
    // Node reads element 0 of the target here as if it were its [target, handler] pair, so a proxy
    // whose target has `0: null` prints as revoked too. Kept for identical output.
    if (proxyTarget === null || (!ctx.showProxy && proxyTarget[0] === null)) {
      return ctx.stylize('<Revoked Proxy>', 'special');
    }
    if (ctx.showProxy) return formatProxy(ctx, proxyTarget, recurseTimes);
    // Inspect the target so that no trap of the proxy runs.
    value = proxyTarget;
    kind = valueKind(value);
  }

  if (ctx.customInspect) {
    const maybeCustom = value[customInspectSymbol];
    if (typeof maybeCustom === 'function' && maybeCustom !== inspect &&
        // A prototype's custom inspect is for its instances.
        ObjectGetOwnPropertyDescriptor(value, 'constructor')?.value?.prototype !== value) {
      const depth = ctx.depth === null ? null : ctx.depth - recurseTimes;
      const isCrossContext = proxyTarget !== undefined ||
        !ObjectPrototypeIsPrototypeOf(ObjectPrototype, context);
      const ret = FunctionPrototypeCall(maybeCustom, context, depth,
                                        getUserOptions(ctx, isCrossContext), inspect);
      if (ret !== context) {
        if (typeof ret !== 'string') return formatValue(ctx, ret, recurseTimes);
        return StringPrototypeReplaceAll(ret, '\n', `\n${StringPrototypeRepeat(' ', ctx.indentationLvl)}`);
      }
    }
  }

  if (isSeen(ctx.seen, value)) {
    let index = 1;
    if (ctx.circular === undefined) {
      ctx.circular = new SafeMap();
      ctx.circular.set(value, index);
    } else {
      index = ctx.circular.get(value);
      if (index === undefined) {
        index = ctx.circular.size + 1;
        ctx.circular.set(value, index);
      }
    }
    return ctx.stylize(`[Circular *${index}]`, 'special');
  }

  return formatRaw(ctx, value, recurseTimes, typedArray, kind);
}

// Whether `value` is one of the objects being formatted (a plain loop: the list is short).
function isSeen(seen, value) {
  for (let i = 0; i < seen.length; i++) {
    if (seen[i] === value) return true;
  }
  return false;
}

function formatProxy(ctx, target, recurseTimes) {
  if (recurseTimes > ctx.depth && ctx.depth !== null) return ctx.stylize('Proxy [Array]', 'special');
  recurseTimes += 1;
  ctx.indentationLvl += 2;
  // JSC does not give a proxy's handler away, so only the target can be shown.
  const handler = typeof utilBinding.getProxyHandler === 'function' ?
    undefined : ctx.stylize('<handler unknown>', 'special');
  const res = [
    formatValue(ctx, target, recurseTimes),
    handler === undefined ? formatValue(ctx, utilBinding.getProxyHandler(target), recurseTimes) : handler,
  ];
  ctx.indentationLvl -= 2;
  return reduceToSingleString(ctx, res, '', ['Proxy [', ']'], kArrayExtrasType, recurseTimes);
}

// ---------------------------------------------------------------------------------------------------
// formatRaw: objects

function getPrefix(constructor, tag, fallback, size = '') {
  if (constructor === null) {
    if (tag !== '' && fallback !== tag) return `[${fallback}${size}: null prototype] [${tag}] `;
    return `[${fallback}${size}: null prototype] `;
  }
  let prefix = `${constructor}${size} `;
  if (tag !== '') {
    // The tag is left out when the constructor's name already contains it as a word: `MyMap`, `MapX`
    // and `Map` hide `Map`, `Maps` does not.
    const at = StringPrototypeIndexOf(constructor, tag);
    if (at === -1) {
      prefix += `[${tag}] `;
    } else {
      const after = at + tag.length;
      if (after !== constructor.length &&
          constructor[after] === StringPrototypeToLowerCase(constructor[after])) {
        prefix += `[${tag}] `;
      }
    }
  }
  return prefix;
}

// The name of the nearest constructor on the prototype chain that `obj` is an instance of, or null
// for an object without prototype. With showHidden, collects the prototypes' extra properties.
function getConstructorName(obj, ctx, recurseTimes, protoProps) {
  let firstProto;
  const tmp = obj;
  while (obj) {
    // The engine's own prototypes name themselves even when their `constructor` was replaced.
    const known = wellKnownPrototypes.get(obj);
    if (known !== undefined && ordinaryHasInstance(known.constructor, tmp)) {
      if (protoProps !== undefined && firstProto !== obj) {
        addPrototypeProperties(ctx, tmp, firstProto || tmp, recurseTimes, protoProps);
      }
      return known.name;
    }
    const descriptor = ObjectGetOwnPropertyDescriptor(obj, 'constructor');
    if (descriptor !== undefined && typeof descriptor.value === 'function' &&
        descriptor.value.name !== '' && isInstanceof(tmp, descriptor.value)) {
      if (protoProps !== undefined &&
          (firstProto !== obj || !builtInObjects.has(descriptor.value.name))) {
        addPrototypeProperties(ctx, tmp, firstProto || tmp, recurseTimes, protoProps);
      }
      return String(descriptor.value.name);
    }
    obj = ObjectGetPrototypeOf(obj);
    if (firstProto === undefined) firstProto = obj;
  }
  if (firstProto === null) return null;

  // No named constructor: the engine's class name, and what the prototype looks like.
  const res = engineClassName(tmp);
  if (recurseTimes > ctx.depth && ctx.depth !== null) return `${res} <Complex prototype>`;
  const protoConstr = getConstructorName(firstProto, ctx, recurseTimes + 1, protoProps);
  if (protoConstr === null) {
    return `${res} <${inspect(firstProto, {
      ...ctx,
      customInspect: false,
      depth: -1,
    })}>`;
  }
  return `${res} <${protoConstr}>`;
}

// `instance instanceof C` as the language defines it before Symbol.hasInstance: C.prototype is on
// the prototype chain.
function ordinaryHasInstance(C, instance) {
  try {
    return ObjectPrototypeIsPrototypeOf(C.prototype, instance);
  } catch {
    return false;
  }
}

// What V8 calls an object's class name: the constructor that made it (a Map is a 'Map' whatever
// its prototype), or a string Symbol.toStringTag data property. JSC has no such query; the brand
// checks and the toString tag give the same answers for the engine's own objects.
function engineClassName(obj) {
  if (typeof obj === 'function') return 'Function';
  let tag;
  try {
    tag = ReflectGetOwnPropertyDescriptor(obj, SymbolToStringTag);
  } catch {
    tag = undefined;
  }
  if (tag !== undefined && typeof tag.value === 'string') return tag.value;
  if (ArrayIsArray(obj)) return 'Array';
  if (isMap(obj)) return 'Map';
  if (isSet(obj)) return 'Set';
  if (isWeakMap(obj)) return 'WeakMap';
  if (isWeakSet(obj)) return 'WeakSet';
  if (isPromise(obj)) return 'Promise';
  if (isDataView(obj)) return 'DataView';
  if (isArrayBuffer(obj)) return 'ArrayBuffer';
  if (isAnyArrayBuffer(obj)) return 'SharedArrayBuffer';
  const typed = typedArrayTag(obj);
  if (typed !== undefined) return typed;
  let text;
  try {
    text = ObjectPrototypeToString(obj);
  } catch {
    return 'Object';
  }
  return StringPrototypeSlice(text, 8, -1);
}

// The prefix used when nothing more specific applies: for an object without prototype, it names
// the engine's class (unless that is just the tag).
function getCtxStyle(value, constructor, tag) {
  let fallback = '';
  if (constructor === null) {
    fallback = engineClassName(value);
    if (fallback === tag) fallback = 'Object';
  }
  return getPrefix(constructor, tag, fallback);
}

// Lists the non-function properties that up to three user prototypes above `main` define (shown
// with showHidden, dimmed when colours are on).
function addPrototypeProperties(ctx, main, obj, recurseTimes, output) {
  let depth = 0;
  let keys;
  let keySet;
  do {
    if (depth !== 0 || main === obj) {
      obj = ObjectGetPrototypeOf(obj);
      if (obj === null) return;
      const descriptor = ObjectGetOwnPropertyDescriptor(obj, 'constructor');
      if (descriptor !== undefined && typeof descriptor.value === 'function' &&
          builtInObjects.has(descriptor.value.name)) {
        return;
      }
    }
    if (depth === 0) {
      keySet = new SafeSet();
    } else {
      for (let i = 0; i < keys.length; i++) keySet.add(keys[i]);
    }
    keys = ReflectOwnKeys(obj);
    ArrayPrototypePush(ctx.seen, main);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      if (key === 'constructor' || ObjectPrototypeHasOwnProperty(main, key) ||
          (depth !== 0 && keySet.has(key))) {
        continue;
      }
      const desc = ObjectGetOwnPropertyDescriptor(obj, key);
      if (typeof desc.value === 'function') continue;
      const value = formatProperty(ctx, obj, recurseTimes, key, kObjectType, desc, main);
      if (ctx.colors) ArrayPrototypePush(output, `\u001b[2m${value}\u001b[22m`);
      else ArrayPrototypePush(output, value);
    }
    ArrayPrototypePop(ctx.seen);
  } while (++depth !== 3);
}

// JSC's error objects own `line`, `column` and `sourceURL`; V8's do not, so they stay hidden. V8's
// `stack` is an accessor that comes first; JSC's is a data property that comes last.
const engineErrorKeys = ['line', 'column', 'sourceURL'];

function isEngineStackProperty(value, key, desc) {
  return key === 'stack' && desc !== undefined && desc.enumerable === false &&
    ObjectPrototypeHasOwnProperty(desc, 'value') && isNativeError(value);
}

function noop() {}

function getKeys(value, showHidden) {
  let keys;
  const symbols = ObjectGetOwnPropertySymbols(value);
  if (showHidden) {
    keys = ObjectGetOwnPropertyNames(value);
    for (let i = 0; i < symbols.length; i++) ArrayPrototypePush(keys, symbols[i]);
    if (isNativeError(value)) {
      keys = ArrayPrototypeFilter(keys, (key) => !ArrayPrototypeIncludes(engineErrorKeys, key) ||
        ObjectPrototypePropertyIsEnumerable(value, key));
      const stackIndex = ArrayPrototypeIndexOf(keys, 'stack');
      if (stackIndex > 0 && isEngineStackProperty(value, 'stack', ObjectGetOwnPropertyDescriptor(value, 'stack'))) {
        ArrayPrototypeSplice(keys, stackIndex, 1);
        ArrayPrototypeUnshift(keys, 'stack');
      }
    }
  } else {
    try {
      keys = ObjectKeys(value);
    } catch (err) {
      // A module namespace with a binding still in its TDZ.
      if (!isModuleNamespaceObject(value)) throw err;
      keys = ObjectGetOwnPropertyNames(value);
    }
    for (let i = 0; i < symbols.length; i++) {
      if (ObjectPrototypePropertyIsEnumerable(value, symbols[i])) ArrayPrototypePush(keys, symbols[i]);
    }
  }
  return keys;
}

// Own keys that are not array indices (strings first, then symbols), all or only enumerable ones.
function getOwnNonIndexProperties(value, onlyEnumerable) {
  const all = ReflectOwnKeys(value);
  const keys = [];
  for (let i = 0; i < all.length; i++) {
    const key = all[i];
    if (typeof key === 'string' && isArrayIndexKey(key)) continue;
    if (onlyEnumerable && !ObjectPrototypePropertyIsEnumerable(value, key)) continue;
    ArrayPrototypePush(keys, key);
  }
  return keys;
}

// The enumerable own keys of a fast array (kind K_FAST_ARRAY: its elements are enumerable data
// properties) that are not indices; sets fastArrayIsDense when no index below its length is a hole.
// Object.keys lists the indices first, in ascending order, so the array is dense exactly when the
// key at position length - 1 is that index.
let fastArrayIsDense = false;
function getFastArrayKeys(value) {
  const all = ObjectKeys(value);
  const len = value.length;
  fastArrayIsDense = len === 0 || (all.length >= len && all[len - 1] === `${len - 1}`);
  let keys;
  if (!fastArrayIsDense) {
    keys = [];
    for (let i = 0; i < all.length; i++) {
      const key = all[i];
      if (!isArrayIndexKey(key)) ArrayPrototypePush(keys, key);
    }
  } else if (all.length === len) {
    keys = [];
  } else {
    keys = [];
    for (let i = len; i < all.length; i++) {
      if (!isArrayIndexKey(all[i])) ArrayPrototypePush(keys, all[i]);
    }
  }
  const symbols = ObjectGetOwnPropertySymbols(value);
  for (let i = 0; i < symbols.length; i++) {
    if (ObjectPrototypePropertyIsEnumerable(value, symbols[i])) ArrayPrototypePush(keys, symbols[i]);
  }
  return keys;
}

// A canonical array index: an integer below 2 ** 32 - 1 written without leading zeros.
function isArrayIndexKey(key) {
  return isIndexLike(key) && (key.length < 10 || Number(key) < 4294967295);
}

function formatRaw(ctx, value, recurseTimes, typedArray, kind) {
  // An ordinary object has no internal slots: none of the brand checks below can match it.
  const plain = kind === K_PLAIN_OBJECT && kind !== undefined;
  let keys;
  let protoProps;
  if (ctx.showHidden && (recurseTimes <= ctx.depth || ctx.depth === null)) protoProps = [];

  const constructor = getConstructorName(value, ctx, recurseTimes, protoProps);
  if (protoProps !== undefined && protoProps.length === 0) protoProps = undefined;

  let tag = '';
  try {
    tag = value[SymbolToStringTag];
  } catch {
    // A throwing getter gives no tag.
  }
  // A tag that is an own (enumerable, or any with showHidden) property is listed with the keys;
  // it is not repeated in the prefix.
  if (typeof tag !== 'string' ||
      (tag !== '' &&
       (ctx.showHidden ? ObjectPrototypeHasOwnProperty : ObjectPrototypePropertyIsEnumerable)(
         value, SymbolToStringTag))) {
    tag = '';
  }

  let base = '';
  let formatter = getEmptyFormatArray;
  let braces;
  let noIterator = true;
  let extrasType = kObjectType;
  // Accessors shown like hidden properties (`[byteLength]: 2`), after the entries.
  let extraKeys;
  const onlyEnumerable = !ctx.showHidden;

  if (!plain && (SymbolIterator in value || constructor === null)) {
    noIterator = false;
    if (ArrayIsArray(value)) {
      // Only arrays that are not plain say what they are.
      const prefix = (constructor !== 'Array' || tag !== '') ?
        getPrefix(constructor, tag, 'Array', `(${value.length})`) : '';
      formatter = formatArray;
      // Asked again here: getters run since formatValue (Symbol.toStringTag, inspect.custom on the
      // prototype) could have given the array an accessor, which changes its storage.
      if (kind === K_FAST_ARRAY && K_FAST_ARRAY !== undefined && onlyEnumerable && valueKind(value) === K_FAST_ARRAY) {
        keys = getFastArrayKeys(value);
        if (fastArrayIsDense) formatter = formatDenseArray;
      } else {
        keys = getOwnNonIndexProperties(value, onlyEnumerable);
      }
      braces = [`${prefix}[`, ']'];
      if (value.length === 0 && keys.length === 0 && protoProps === undefined) return `${braces[0]}]`;
      extrasType = kArrayExtrasType;
    } else if (K_SET !== undefined ? kind === K_SET : isSet(value)) {
      const size = SetPrototypeGetSize(value);
      const prefix = getPrefix(constructor, tag, 'Set', `(${size})`);
      keys = getKeys(value, ctx.showHidden);
      // Without a prototype the set cannot iterate itself.
      const entries = constructor !== null ? value : FunctionPrototypeCall(safeSetValues, value);
      formatter = (c, v, r) => formatSet(entries, c, r);
      if (size === 0 && keys.length === 0 && protoProps === undefined) return `${prefix}{}`;
      braces = [`${prefix}{`, '}'];
    } else if (K_MAP !== undefined ? kind === K_MAP : isMap(value)) {
      const size = MapPrototypeGetSize(value);
      const prefix = getPrefix(constructor, tag, 'Map', `(${size})`);
      keys = getKeys(value, ctx.showHidden);
      const entries = constructor !== null ? value : FunctionPrototypeCall(safeMapEntries, value);
      formatter = (c, v, r) => formatMap(entries, c, r);
      if (size === 0 && keys.length === 0 && protoProps === undefined) return `${prefix}{}`;
      braces = [`${prefix}{`, '}'];
    } else if (isTypedArray(value)) {
      keys = getOwnNonIndexProperties(value, onlyEnumerable);
      let bound = value;
      let fallback = '';
      if (constructor === null) {
        // Without a prototype its elements cannot be read through the usual getters; copy them.
        fallback = typedArrayTag(value);
        bound = new primordials[fallback](value);
      }
      const size = TypedArrayPrototypeGetLength(value);
      const prefix = getPrefix(constructor, tag, fallback, `(${size})`);
      braces = [`${prefix}[`, ']'];
      if (value.length === 0 && keys.length === 0 && !ctx.showHidden) return `${braces[0]}]`;
      formatter = (c) => formatTypedArray(bound, size, c);
      extrasType = kArrayExtrasType;
      if (ctx.showHidden) {
        extraKeys = kTypedArrayHiddenKeys;
        typedArray = true;
      }
    } else if (isMapIterator(value)) {
      keys = getKeys(value, ctx.showHidden);
      braces = getIteratorBraces('Map', tag);
      formatter = (c, v, r) => formatIterator(braces, c, v, r);
    } else if (isSetIterator(value)) {
      keys = getKeys(value, ctx.showHidden);
      braces = getIteratorBraces('Set', tag);
      formatter = (c, v, r) => formatIterator(braces, c, v, r);
    } else {
      noIterator = true;
    }
  }
  if (noIterator) {
    keys = getKeys(value, ctx.showHidden);
    braces = ['{', '}'];
    if (typeof value === 'function') {
      base = getFunctionBase(ctx, value, constructor, tag);
      if (keys.length === 0 && protoProps === undefined) return ctx.stylize(base, 'special');
    } else if (constructor === 'Object') {
      if (!plain && isArgumentsObject(value)) {
        braces[0] = '[Arguments] {';
      } else if (tag !== '') {
        braces[0] = `${getPrefix(constructor, tag, 'Object')}{`;
      }
      if (keys.length === 0 && protoProps === undefined) return `${braces[0]}}`;
    } else if (!plain && isRegExp(value)) {
      base = RegExpPrototypeToString(constructor !== null ? value : new RegExp(value));
      const prefix = getPrefix(constructor, tag, 'RegExp');
      if (prefix !== 'RegExp ') base = `${prefix}${base}`;
      if ((keys.length === 0 && protoProps === undefined) ||
          (recurseTimes > ctx.depth && ctx.depth !== null)) {
        return ctx.stylize(base, 'regexp');
      }
    } else if (K_DATE !== undefined ? kind === K_DATE : isDate(value)) {
      base = NumberIsNaN(DatePrototypeGetTime(value)) ?
        DatePrototypeToString(value) : DatePrototypeToISOString(value);
      const prefix = getPrefix(constructor, tag, 'Date');
      if (prefix !== 'Date ') base = `${prefix}${base}`;
      if (keys.length === 0 && protoProps === undefined) return ctx.stylize(base, 'date');
    } else if (isError(value)) {
      base = formatError(value, constructor, tag, ctx, keys);
      if (keys.length === 0 && protoProps === undefined) return base;
    } else if (!plain && isAnyArrayBuffer(value)) {
      const arrayType = isArrayBuffer(value) ? 'ArrayBuffer' : 'SharedArrayBuffer';
      const prefix = getPrefix(constructor, tag, arrayType);
      if (typedArray === undefined) {
        formatter = formatArrayBuffer;
      } else if (keys.length === 0 && protoProps === undefined) {
        return `${prefix}{ [byteLength]: ${formatNumber(ctx.stylize, value.byteLength, false)} }`;
      }
      braces[0] = `${prefix}{`;
      extraKeys = kArrayBufferExtraKeys;
    } else if (!plain && isDataView(value)) {
      braces[0] = `${getPrefix(constructor, tag, 'DataView')}{`;
      extraKeys = kDataViewExtraKeys;
    } else if (!plain && isPromise(value)) {
      braces[0] = `${getPrefix(constructor, tag, 'Promise')}{`;
      formatter = formatPromise;
    } else if (!plain && isWeakSet(value)) {
      braces[0] = `${getPrefix(constructor, tag, 'WeakSet')}{`;
      formatter = ctx.showHidden ? formatWeakSet : formatWeakCollection;
    } else if (!plain && isWeakMap(value)) {
      braces[0] = `${getPrefix(constructor, tag, 'WeakMap')}{`;
      formatter = ctx.showHidden ? formatWeakMap : formatWeakCollection;
    } else if (!plain && isModuleNamespaceObject(value)) {
      braces[0] = `${getPrefix(constructor, tag, 'Module')}{`;
      formatter = (c, v, r) => formatNamespaceObject(keys, c, v, r);
    } else if (!plain && isBoxedPrimitive(value)) {
      base = getBoxedBase(value, ctx, keys, constructor, tag);
      if (keys.length === 0 && protoProps === undefined) return base;
    } else if (isURL(value) && !(recurseTimes > ctx.depth && ctx.depth !== null)) {
      base = value.href;
      if (keys.length === 0 && protoProps === undefined) return base;
    } else {
      if (keys.length === 0 && protoProps === undefined) return `${getCtxStyle(value, constructor, tag)}{}`;
      braces[0] = `${getCtxStyle(value, constructor, tag)}{`;
    }
  }

  if (recurseTimes > ctx.depth && ctx.depth !== null) {
    let constructorName = StringPrototypeSlice(getCtxStyle(value, constructor, tag), 0, -1);
    if (constructor !== null) constructorName = `[${constructorName}]`;
    return ctx.stylize(constructorName, 'special');
  }
  recurseTimes += 1;

  ArrayPrototypePush(ctx.seen, value);
  ctx.currentDepth = recurseTimes;
  let output;
  const indentationLvl = ctx.indentationLvl;
  try {
    output = formatter(ctx, value, recurseTimes);
    if (extraKeys !== undefined) {
      for (let i = 0; i < extraKeys.length; i++) {
        let formatted;
        try {
          formatted = formatExtraProperty(ctx, value, recurseTimes, extraKeys[i], typedArray);
        } catch {
          // A view of a detached buffer: its getters throw, and Node falls back to the buffer's
          // property of the same name (keeping the indentation it had added, as Node does).
          const stand = { [extraKeys[i]]: value.buffer[extraKeys[i]] };
          formatted = formatExtraProperty(ctx, stand, recurseTimes, extraKeys[i], typedArray);
        }
        ArrayPrototypePush(output, formatted);
      }
    }
    if (plain && onlyEnumerable) {
      for (let i = 0; i < keys.length; i++) {
        ArrayPrototypePush(output, formatPlainProperty(ctx, value, recurseTimes, keys[i]));
      }
    } else {
      for (let i = 0; i < keys.length; i++) {
        ArrayPrototypePush(output, formatProperty(ctx, value, recurseTimes, keys[i], extrasType));
      }
    }
    if (protoProps !== undefined) {
      for (let i = 0; i < protoProps.length; i++) ArrayPrototypePush(output, protoProps[i]);
    }
  } catch (err) {
    if (!isStackOverflowError(err)) throw err;
    const constructorName = StringPrototypeSlice(getCtxStyle(value, constructor, tag), 0, -1);
    return handleMaxCallStackSize(ctx, constructorName, indentationLvl);
  }
  if (ctx.circular !== undefined) {
    const index = ctx.circular.get(value);
    if (index !== undefined) {
      const reference = ctx.stylize(`<ref *${index}>`, 'special');
      if (ctx.compact !== true) {
        base = base === '' ? reference : `${reference} ${base}`;
      } else {
        braces[0] = `${reference} ${braces[0]}`;
      }
    }
  }
  ArrayPrototypePop(ctx.seen);

  if (ctx.sorted) {
    const comparator = ctx.sorted === true ? undefined : ctx.sorted;
    if (extrasType === kObjectType) {
      ArrayPrototypeSort(output, comparator);
    } else if (keys.length > 1) {
      const sorted = ArrayPrototypeSort(ArrayPrototypeSlice(output, output.length - keys.length), comparator);
      ArrayPrototypeSplice(output, output.length - keys.length, keys.length);
      for (let i = 0; i < sorted.length; i++) ArrayPrototypePush(output, sorted[i]);
    }
  }

  const res = reduceToSingleString(ctx, output, base, braces, extrasType, recurseTimes, value);
  const budget = ctx.budget[ctx.indentationLvl] || 0;
  const newLength = budget + res.length;
  ctx.budget[ctx.indentationLvl] = newLength;
  // A huge output (over 128 MiB) stops descending: everything deeper prints as [Object].
  if (newLength > 2 ** 27) ctx.depth = -1;
  return res;
}

const kTypedArrayHiddenKeys = ['BYTES_PER_ELEMENT', 'length', 'byteLength', 'byteOffset', 'buffer'];
const kArrayBufferExtraKeys = ['byteLength'];
const kDataViewExtraKeys = ['byteLength', 'byteOffset', 'buffer'];

// `[key]: value` for an accessor of a buffer or view; the indentation is restored only when
// formatting succeeds.
function formatExtraProperty(ctx, value, recurseTimes, key, typedArray) {
  ctx.indentationLvl += 2;
  const str = formatValue(ctx, value[key], recurseTimes, typedArray);
  ctx.indentationLvl -= 2;
  return `${ctx.stylize(`[${key}]`, 'string')}: ${str}`;
}

let urlModule;
// A WHATWG URL prints as its href.
function isURL(value) {
  if (urlModule === undefined) {
    try {
      urlModule = require('internal/url');
    } catch {
      urlModule = null;
    }
  }
  if (urlModule === null || typeof urlModule.URL !== 'function') return false;
  return typeof value.href === 'string' && isInstanceof(value, urlModule.URL);
}

function getIteratorBraces(type, tag) {
  if (tag !== `${type} Iterator`) {
    if (tag !== '') tag += '] [';
    tag += `${type} Iterator`;
  }
  return [`[${tag}] {`, '}'];
}

function handleMaxCallStackSize(ctx, constructorName, indentationLvl) {
  ArrayPrototypePop(ctx.seen);
  ctx.indentationLvl = indentationLvl;
  return ctx.stylize(
    `[${constructorName}: Inspection interrupted prematurely. Maximum call stack size exceeded.]`,
    'special');
}

// Whether a function's source text is a class (a class with a computed heritage such as
// `extends mixin(B)` does not count, as in Node).
function isClassSource(source) {
  if (!StringPrototypeStartsWith(source, 'class') || !StringPrototypeEndsWith(source, '}')) return false;
  const body = StringPrototypeSlice(source, 5, -1);
  const brace = StringPrototypeIndexOf(body, '{');
  if (brace === -1) return false;
  if (!StringPrototypeIncludes(StringPrototypeSlice(body, 0, brace), '(')) return true;
  const stripped = RegExpPrototypeSymbolReplace(/(\/\/.*?\n)|(\/\*(.|\n)*?\*\/)/g, body, '');
  return RegExpPrototypeExec(/^(\s+[^(]*?)\s*{/, stripped) !== null;
}

function getClassBase(value, constructor, tag) {
  const hasName = ObjectPrototypeHasOwnProperty(value, 'name');
  const name = (hasName && value.name) || '(anonymous)';
  let base = `class ${name}`;
  if (constructor !== 'Function' && constructor !== null) base += ` [${constructor}]`;
  if (tag !== '' && constructor !== tag) base += ` [${tag}]`;
  if (constructor !== null) {
    const superName = ObjectGetPrototypeOf(value).name;
    if (superName) base += ` extends ${superName}`;
  } else {
    base += ' extends [null prototype]';
  }
  return `[${base}]`;
}

function getFunctionBase(ctx, value, constructor, tag) {
  let source = '';
  try {
    source = FunctionPrototypeToString(value);
  } catch {
    // Not a function the engine can print.
  }
  if (isClassSource(source)) return getClassBase(value, constructor, tag);
  let type = 'Function';
  if (isGeneratorFunction(value)) type = `Generator${type}`;
  if (isAsyncFunction(value)) type = `Async${type}`;
  let base = `[${type}`;
  if (constructor === null) base += ' (null prototype)';
  const name = value.name;
  if (name === '') base += ' (anonymous)';
  else base += `: ${typeof name === 'string' ? name : formatValue(ctx, name)}`;
  base += ']';
  if (constructor !== type && constructor !== null) base += ` ${constructor}`;
  if (tag !== '' && constructor !== tag) base += ` [${tag}]`;
  return base;
}

function getBoxedBase(value, ctx, keys, constructor, tag) {
  let fn;
  let type;
  if (isNumberObject(value)) {
    fn = NumberPrototypeValueOf;
    type = 'Number';
  } else if (isStringObject(value)) {
    fn = StringPrototypeValueOf;
    type = 'String';
    // The index keys of a String object repeat its value.
    ArrayPrototypeSplice(keys, 0, value.length);
  } else if (isBooleanObject(value)) {
    fn = BooleanPrototypeValueOf;
    type = 'Boolean';
  } else if (isBigIntObject(value)) {
    fn = BigIntPrototypeValueOf;
    type = 'BigInt';
  } else {
    fn = SymbolPrototypeValueOf;
    type = 'Symbol';
  }
  let base = `[${type}`;
  if (type !== constructor) {
    if (constructor === null) base += ' (null prototype)';
    else base += ` (${constructor})`;
  }
  base += `: ${formatPrimitive(stylizeNoColor, fn(value), ctx)}]`;
  if (tag !== '' && tag !== constructor) base += ` [${tag}]`;
  if (keys.length !== 0 || ctx.stylize === stylizeNoColor) return base;
  return ctx.stylize(base, StringPrototypeToLowerCase(type));
}

// ---------------------------------------------------------------------------------------------------
// Errors

function getStackString(ctx, err) {
  let stack;
  try {
    stack = err.stack;
  } catch {
    // A throwing getter gives no stack.
  }
  if (stack) {
    if (typeof stack === 'string') return engineStackToV8(err, stack);
    // Something else was stored as the stack: show it under the error's name and message. (Node
    // formats it without a depth, which puts every entry on its own line.)
    ArrayPrototypePush(ctx.seen, err);
    ctx.indentationLvl += 4;
    const shown = formatValue(ctx, stack);
    ctx.indentationLvl -= 4;
    ArrayPrototypePop(ctx.seen);
    return `${ErrorPrototypeToString(err)}\n    ${shown}`;
  }
  return ErrorPrototypeToString(err);
}

// Makes the first line name the error's class when the stack only names its `name`.
function improveStack(stack, constructor, name, tag) {
  let len = name.length;
  if (typeof name !== 'string') {
    stack = StringPrototypeReplace(stack, `${name}`,
                                   `${name} [${StringPrototypeSlice(getPrefix(constructor, tag, 'Error'), 0, -1)}]`);
  }
  if (constructor === null ||
      (StringPrototypeEndsWith(name, 'Error') &&
       StringPrototypeStartsWith(stack, name) &&
       (stack.length === len || stack[len] === ':' || stack[len] === '\n'))) {
    let fallback = 'Error';
    if (constructor === null) {
      const start = RegExpPrototypeExec(/^([A-Z][a-z_ A-Z0-9[\]()-]+)(?::|\n {4}at)/, stack) ||
        RegExpPrototypeExec(/^([a-z_A-Z0-9-]*Error)$/, stack);
      fallback = (start !== null && start[1]) || '';
      len = fallback.length;
      fallback = fallback || 'Error';
    }
    const prefix = StringPrototypeSlice(getPrefix(constructor, tag, fallback), 0, -1);
    if (name !== prefix) {
      if (StringPrototypeIncludes(prefix, name)) {
        if (len === 0) stack = `${prefix}: ${stack}`;
        else stack = `${prefix}${StringPrototypeSlice(stack, len)}`;
      } else {
        stack = `${prefix} [${name}]${StringPrototypeSlice(stack, len)}`;
      }
    }
  }
  return stack;
}

// Where the frames of `a` and `b` have a run of more than three equal lines in common:
// [length, offset in a], or [0, 0].
function identicalSequenceRange(a, b) {
  for (let i = 0; i < a.length - 3; i++) {
    const pos = ArrayPrototypeIndexOf(b, a[i]);
    if (pos === -1) continue;
    const rest = b.length - pos;
    if (rest <= 3) continue;
    let len = 1;
    const maxLen = MathMin(a.length - i, rest);
    while (maxLen > len && a[i + len] === b[pos + len]) len++;
    if (len > 3) return [len, i];
  }
  return [0, 0];
}

// Finds blocks of frames that repeat right after themselves (deep recursion): a flat list of
// [start of the first repetition, block length, number of repetitions] triples.
//
// For each frame that occurs again later, the candidate block length is the distance to its
// later occurrences (their greatest common divisor when there are several, with the intermediate
// remainders of that computation as fallbacks). Repetitions of the block are counted from the frame
// on; when one fails to match, the next fallback length is tried and the length that hides most
// lines wins. At least three hidden lines are needed, and found blocks do not overlap.
function getDuplicateErrorFrameRanges(frames) {
  const found = [];
  const where = new SafeMap();
  for (let i = 0; i < frames.length; i++) {
    const list = where.get(frames[i]);
    if (list === undefined) where.set(frames[i], [i]);
    else ArrayPrototypePush(list, i);
  }
  const kMinRange = 3;
  if (frames.length - where.size <= kMinRange) return found;

  for (let i = 0; i < frames.length - kMinRange; i++) {
    const list = where.get(frames[i]);
    const last = list[list.length - 1];
    if (list.length === 1 || last === i) continue;
    const next = ArrayPrototypeIndexOf(list, i) + 1;
    if (next === list.length) continue;

    let range = last - i;
    if (range < kMinRange) continue;

    let fallbacks;
    if (next + 1 < list.length) {
      let divisor = 0;
      for (let j = next; j < list.length; j++) {
        let distance = list[j] - i;
        while (distance !== 0) {
          const remainder = divisor % distance;
          if (divisor !== 0) {
            fallbacks ??= new SafeSet();
            fallbacks.add(divisor);
          }
          divisor = distance;
          distance = remainder;
        }
        if (divisor === 1) break;
      }
      range = divisor;
      if (fallbacks !== undefined) {
        fallbacks.delete(range);
        const ordered = [];
        for (const step of fallbacks) ArrayPrototypePush(ordered, step);
        fallbacks = ordered;
      }
    }

    let bestRange = range;
    let bestRepeats = 0;
    let repeats = 0;
    let nextStart = i + range;
    for (;;) {
      let equal = 0;
      while (equal < range && frames[i + equal] === frames[nextStart + equal]) equal++;
      if (equal === range) {
        repeats++;
        nextStart += range;
        continue;
      }
      if (fallbacks === undefined || fallbacks.length === 0) break;
      if (repeats !== 0 && bestRange * bestRepeats < range * repeats) {
        bestRange = range;
        bestRepeats = repeats;
      }
      range = ArrayPrototypePop(fallbacks);
      repeats = 0;
      nextStart = i + range;
    }
    if (bestRepeats !== 0 && bestRange * bestRepeats >= range * repeats) {
      range = bestRange;
      repeats = bestRepeats;
    }
    if (repeats * range >= 3) {
      ArrayPrototypePush(found, i + range, range, repeats);
      i += range * (repeats + 1) - 1;
    }
  }
  return found;
}

// The frame lines of `stack`, with the frames shared with the cause's stack folded into one line
// and, in long stacks, repeated blocks of frames collapsed.
function getStackFrames(ctx, err, stack) {
  const frames = StringPrototypeSplit(stack, '\n');
  let cause;
  try {
    cause = err.cause;
  } catch {
    // Ignore a throwing getter.
  }
  if (cause != null && isError(cause)) {
    const causeStack = getStackString(ctx, cause);
    const causeStackStart = StringPrototypeIndexOf(causeStack, '\n    at');
    if (causeStackStart !== -1) {
      const causeFrames = StringPrototypeSplit(StringPrototypeSlice(causeStack, causeStackStart + 1), '\n');
      const { 0: len, 1: offset } = identicalSequenceRange(frames, causeFrames);
      if (len > 0) {
        const skipped = len - 2;
        const msg = `    ... ${skipped} lines matching cause stack trace ...`;
        ArrayPrototypeSplice(frames, offset + 1, skipped, ctx.stylize(msg, 'undefined'));
      }
    }
  }
  if (frames.length > 10) {
    const ranges = getDuplicateErrorFrameRanges(frames);
    // From the last block to the first, so that earlier offsets stay valid.
    for (let i = ranges.length - 3; i >= 0; i -= 3) {
      const offset = ranges[i];
      const length = ranges[i + 1];
      const times = ranges[i + 2];
      const msg = `    ... collapsed ${length * times} duplicate lines matching above ` +
        (times > 1 ? `${length} lines ${times} times...` : 'lines ...');
      ArrayPrototypeSplice(frames, offset, length * times, ctx.stylize(msg, 'undefined'));
    }
  }
  return frames;
}

const coreModuleRe = /^ {4}at (?:[^/\\(]+ \(|)node:(.+):\d+:\d+\)?$/;

// Underlines the package name after each `node_modules` path segment (`@scope/name` for scoped
// packages).
function markNodeModules(ctx, line) {
  let out = '';
  let copied = 0;
  let from = 0;
  for (;;) {
    const at = StringPrototypeIndexOf(line, 'node_modules', from);
    if (at === -1) break;
    const before = line[at - 1];
    const after = line[at + 12];
    if ((after !== '/' && after !== '\\') || (before !== '/' && before !== '\\')) {
      from = at + 1;
      continue;
    }
    const nameStart = at + 13;
    out += StringPrototypeSlice(line, copied, nameStart);
    // The segment ends at the next separator of the kind that preceded `node_modules`.
    let nameEnd = StringPrototypeIndexOf(line, before, nameStart);
    if (nameEnd === -1) {
      nameEnd = line.length;
    } else if (line[nameStart] === '@') {
      nameEnd = StringPrototypeIndexOf(line, before, nameEnd + 1);
      if (nameEnd === -1) nameEnd = line.length;
    }
    out += ctx.stylize(StringPrototypeSlice(line, nameStart, nameEnd), 'module');
    copied = nameEnd;
    from = nameEnd;
  }
  if (copied !== 0) line = out + StringPrototypeSlice(line, copied);
  return line;
}

// Greys out the working directory (and the parentheses around a frame's location).
function markCwd(ctx, line, cwd) {
  let start = StringPrototypeIndexOf(line, cwd);
  if (start === -1) return line;
  let cwdLength = cwd.length;
  if (StringPrototypeSlice(line, start - 7, start) === 'file://') {
    cwdLength += 7;
    start -= 7;
  }
  const from = line[start - 1] === '(' ? start - 1 : start;
  const to = from !== start && StringPrototypeEndsWith(line, ')') ? -1 : line.length;
  const cwdEnd = start + cwdLength + 1;
  let out = StringPrototypeSlice(line, 0, from);
  out += ctx.stylize(StringPrototypeSlice(line, from, cwdEnd), 'undefined');
  out += StringPrototypeSlice(line, cwdEnd, to);
  if (to === -1) out += ctx.stylize(')', 'undefined');
  return out;
}

function safeCwd() {
  try {
    return process.cwd();
  } catch {
    return undefined;
  }
}

// The `file:` URL of an absolute POSIX path, as url.pathToFileURL(path).href writes it.
function fileUrlHref(path) {
  let out = 'file://';
  for (let i = 0; i < path.length; i++) {
    const c = StringPrototypeCharCodeAt(path, i);
    const ch = path[i];
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < path.length) {
      out += percentEncodeUtf8(StringPrototypeCodePointAt(path, i));
      i++;
    } else if (c < 0x21 || c >= 0x7f || ch === '"' || ch === '#' || ch === '%' || ch === '<' ||
               ch === '>' || ch === '?' || ch === '`' || ch === '{' || ch === '}' || ch === '\\' ||
               ch === '^' || ch === '|' || ch === '[' || ch === ']') {
      out += percentEncodeUtf8(c);
    } else {
      out += ch;
    }
  }
  return out;
}

function percentEncodeUtf8(cp) {
  if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd;
  const bytes = [];
  if (cp < 0x80) {
    ArrayPrototypePush(bytes, cp);
  } else if (cp < 0x800) {
    ArrayPrototypePush(bytes, 0xc0 | (cp >> 6), 0x80 | (cp & 63));
  } else if (cp < 0x10000) {
    ArrayPrototypePush(bytes, 0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
  } else {
    ArrayPrototypePush(bytes, 0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63),
                       0x80 | (cp & 63));
  }
  let out = '';
  for (let i = 0; i < bytes.length; i++) out += `%${toUpperHex(bytes[i])}`;
  return out;
}

function formatError(err, constructor, tag, ctx, keys) {
  let stack;
  try {
    stack = getStackString(ctx, err);
  } catch {
    return ObjectPrototypeToString(err);
  }
  let message;
  let name;
  let messageThrows = false;
  let nameThrows = false;
  try {
    message = err.message;
  } catch {
    messageThrows = true;
  }
  try {
    name = err.name;
  } catch {
    nameThrows = true;
  }

  // Keys the stack already shows are not listed again (the stack itself never is).
  if (!ctx.showHidden && keys.length !== 0) {
    const stackIndex = ArrayPrototypeIndexOf(keys, 'stack');
    if (stackIndex !== -1) ArrayPrototypeSplice(keys, stackIndex, 1);
    if (!messageThrows) {
      const i = ArrayPrototypeIndexOf(keys, 'message');
      if (i !== -1 && (typeof message !== 'string' || StringPrototypeIncludes(stack, message))) {
        ArrayPrototypeSplice(keys, i, 1);
      }
    }
    if (!nameThrows) {
      const i = ArrayPrototypeIndexOf(keys, 'name');
      if (i !== -1 && (typeof name !== 'string' || StringPrototypeIncludes(stack, name))) {
        ArrayPrototypeSplice(keys, i, 1);
      }
    }
  }
  name ??= 'Error';

  if (ObjectPrototypeHasOwnProperty(err, 'cause') &&
      (keys.length === 0 || !ArrayPrototypeIncludes(keys, 'cause'))) {
    ArrayPrototypePush(keys, 'cause');
  }
  // An AggregateError lists what it aggregates.
  try {
    const errors = err.errors;
    if (ArrayIsArray(errors) && ObjectPrototypeHasOwnProperty(err, 'errors') &&
        (keys.length === 0 || !ArrayPrototypeIncludes(keys, 'errors'))) {
      ArrayPrototypePush(keys, 'errors');
    }
  } catch {
    // Ignore a throwing getter.
  }

  stack = improveStack(stack, constructor, name, tag);

  // The message may contain something that looks like a frame; search for frames after it.
  let pos = (message && StringPrototypeIndexOf(stack, message)) || -1;
  if (pos !== -1) pos += message.length;
  const stackStart = StringPrototypeIndexOf(stack, '\n    at', pos);
  if (stackStart === -1) {
    stack = `[${stack}]`;
  } else {
    let newStack = StringPrototypeSlice(stack, 0, stackStart);
    const lines = getStackFrames(ctx, err, StringPrototypeSlice(stack, stackStart + 1));
    if (ctx.colors) {
      // Built-in frames are dimmed, package names underlined and the working directory greyed.
      const cwd = safeCwd();
      let cwdUrl;
      for (let i = 0; i < lines.length; i++) {
        let line = lines[i];
        const core = RegExpPrototypeExec(coreModuleRe, line);
        if (core !== null && isBuiltinId(core[1])) {
          newStack += `\n${ctx.stylize(line, 'undefined')}`;
        } else {
          line = markNodeModules(ctx, line);
          if (cwd !== undefined) {
            let marked = markCwd(ctx, line, cwd);
            if (marked === line) {
              cwdUrl ??= fileUrlHref(cwd);
              marked = markCwd(ctx, line, cwdUrl);
            }
            line = marked;
          }
          newStack += `\n${line}`;
        }
      }
    } else {
      newStack += `\n${ArrayPrototypeJoin(lines, '\n')}`;
    }
    stack = newStack;
  }
  // Every line of the stack follows the indentation.
  if (ctx.indentationLvl !== 0) {
    const indentation = StringPrototypeRepeat(' ', ctx.indentationLvl);
    stack = StringPrototypeReplaceAll(stack, '\n', `\n${indentation}`);
  }
  return stack;
}

// ---------------------------------------------------------------------------------------------------
// Primitives

function formatNumber(fn, number, numericSeparator) {
  if (ObjectIs(number, -0)) return fn('-0', 'number');
  if (!numericSeparator) return fn(`${number}`, 'number');
  const string = String(number);
  // Exponent notation and non-finite numbers are left as they are.
  if (!NumberIsFinite(number) || StringPrototypeIncludes(string, 'e')) return fn(string, 'number');
  const dot = StringPrototypeIndexOf(string, '.');
  if (dot === -1) return fn(addNumericSeparator(string), 'number');
  return fn(`${addNumericSeparator(StringPrototypeSlice(string, 0, dot))}.${
    addNumericSeparatorEnd(StringPrototypeSlice(string, dot + 1))}`, 'number');
}

function addNumericSeparator(integerString) {
  let result = '';
  let i = integerString.length;
  const start = StringPrototypeStartsWith(integerString, '-') ? 1 : 0;
  for (; i >= start + 4; i -= 3) result = `_${StringPrototypeSlice(integerString, i - 3, i)}${result}`;
  return i === integerString.length ? integerString : `${StringPrototypeSlice(integerString, 0, i)}${result}`;
}

function addNumericSeparatorEnd(fraction) {
  let result = '';
  let i = 0;
  for (; i < fraction.length - 3; i += 3) result += `${StringPrototypeSlice(fraction, i, i + 3)}_`;
  return i === 0 ? fraction : `${result}${StringPrototypeSlice(fraction, i)}`;
}

function formatBigInt(fn, bigint, numericSeparator) {
  const string = String(bigint);
  if (!numericSeparator) return fn(`${string}n`, 'bigint');
  return fn(`${addNumericSeparator(string)}n`, 'bigint');
}

function formatPrimitive(fn, value, ctx) {
  if (typeof value === 'string') {
    let trailer = '';
    if (value.length > ctx.maxStringLength) {
      const remaining = value.length - ctx.maxStringLength;
      value = StringPrototypeSlice(value, 0, ctx.maxStringLength);
      trailer = `... ${remaining} more character${remaining > 1 ? 's' : ''}`;
    }
    // A long string is cut after each newline into one literal per line, joined with `+`.
    if (ctx.compact !== true &&
        value.length > kMinLineWidth &&
        value.length > ctx.breakLength - ctx.indentationLvl - 4) {
      const lines = splitAfterNewlines(value);
      const parts = ArrayPrototypeMap(lines, (line) => fn(strEscape(line), 'string'));
      return ArrayPrototypeJoin(parts, ` +\n${StringPrototypeRepeat(' ', ctx.indentationLvl + 2)}`) + trailer;
    }
    return fn(strEscape(value), 'string') + trailer;
  }
  if (typeof value === 'number') return formatNumber(fn, value, ctx.numericSeparator);
  if (typeof value === 'bigint') return formatBigInt(fn, value, ctx.numericSeparator);
  if (typeof value === 'boolean') return fn(`${value}`, 'boolean');
  if (typeof value === 'undefined') return fn('undefined', 'undefined');
  return fn(SymbolPrototypeToString(value), 'symbol');
}

function splitAfterNewlines(str) {
  const out = [];
  let start = 0;
  for (;;) {
    const nl = StringPrototypeIndexOf(str, '\n', start);
    if (nl === -1 || nl === str.length - 1) break;
    ArrayPrototypePush(out, StringPrototypeSlice(str, start, nl + 1));
    start = nl + 1;
  }
  ArrayPrototypePush(out, StringPrototypeSlice(str, start));
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Entries of the different kinds of objects

function getEmptyFormatArray() {
  return [];
}

function remainingText(remaining) {
  return `... ${remaining} more item${remaining > 1 ? 's' : ''}`;
}

function formatArray(ctx, value, recurseTimes) {
  return formatArrayFrom(ctx, value, recurseTimes, [], 0, value.length);
}

// An array known to have no holes and only data elements (a dense fast array). The elements are
// read directly instead of through their descriptors, but only until formatting one may have run
// user code (a custom inspect function or a getter of an object element could change the array):
// from there on formatArrayFrom's descriptors are used.
function formatDenseArray(ctx, value, recurseTimes) {
  const valLen = value.length;
  const len = MathMin(MathMax(0, ctx.maxArrayLength), valLen);
  const output = [];
  for (let i = 0; i < len; i++) {
    const element = value[i];
    ctx.indentationLvl += 2;
    ArrayPrototypePush(output, formatValue(ctx, element, recurseTimes));
    ctx.indentationLvl -= 2;
    if ((typeof element === 'object' && element !== null) || typeof element === 'function') {
      return formatArrayFrom(ctx, value, recurseTimes, output, i + 1, valLen);
    }
  }
  if (valLen > len) ArrayPrototypePush(output, remainingText(valLen - len));
  return output;
}

// The elements from index `start` on; `valLen` is the length read when formatting began.
function formatArrayFrom(ctx, value, recurseTimes, output, start, valLen) {
  const len = MathMin(MathMax(0, ctx.maxArrayLength), valLen);
  const remaining = valLen - len;
  for (let i = start; i < len; i++) {
    const desc = ObjectGetOwnPropertyDescriptor(value, i);
    // Holes need the slow path.
    if (desc === undefined) return formatArrayWithHoles(ctx, value, recurseTimes, len, output, i);
    ArrayPrototypePush(output, formatProperty(ctx, value, recurseTimes, i, kArrayType, desc));
  }
  if (remaining > 0) ArrayPrototypePush(output, remainingText(remaining));
  return output;
}

// Continues formatArray from index `i`, the first hole, counting runs of holes as `<n empty items>`.
function formatArrayWithHoles(ctx, value, recurseTimes, maxLength, output, i) {
  const keys = ObjectKeys(value);
  let index = i;
  for (; i < keys.length && output.length < maxLength; i++) {
    const key = keys[i];
    const tmp = +key;
    // Array indices stop at 2 ** 32 - 2.
    if (tmp > 2 ** 32 - 2) break;
    if (`${index}` !== key) {
      if (!isIndexLike(key)) break;
      const emptyItems = tmp - index;
      const message = `<${emptyItems} empty item${emptyItems > 1 ? 's' : ''}>`;
      ArrayPrototypePush(output, ctx.stylize(message, 'undefined'));
      index = tmp;
      if (output.length === maxLength) break;
    }
    ArrayPrototypePush(output, formatProperty(ctx, value, recurseTimes, key, kArrayType));
    index++;
  }
  const remaining = value.length - index;
  if (output.length !== maxLength) {
    if (remaining > 0) {
      const message = `<${remaining} empty item${remaining > 1 ? 's' : ''}>`;
      ArrayPrototypePush(output, ctx.stylize(message, 'undefined'));
    }
  } else if (remaining > 0) {
    ArrayPrototypePush(output, remainingText(remaining));
  }
  return output;
}

function formatTypedArray(value, length, ctx) {
  const maxLength = MathMin(MathMax(0, ctx.maxArrayLength), length);
  const remaining = value.length - maxLength;
  const output = [];
  const elementFormatter = value.length > 0 && typeof value[0] === 'number' ? formatNumber : formatBigInt;
  for (let i = 0; i < maxLength; ++i) {
    output[i] = elementFormatter(ctx.stylize, value[i], ctx.numericSeparator);
  }
  if (remaining > 0) output[maxLength] = remainingText(remaining);
  return output;
}

function toHex(bytes, length) {
  const digits = '0123456789abcdef';
  let out = '';
  for (let i = 0; i < length; i++) {
    const b = bytes[i];
    if (i !== 0) out += ' ';
    out += digits[b >> 4] + digits[b & 15];
  }
  return out;
}

function formatArrayBuffer(ctx, value) {
  let buffer;
  try {
    buffer = new Uint8Array(value);
  } catch {
    return [ctx.stylize('(detached)', 'special')];
  }
  let str = toHex(buffer, MathMin(ctx.maxArrayLength, buffer.length));
  const remaining = buffer.length - ctx.maxArrayLength;
  if (remaining > 0) str += ` ... ${remaining} more byte${remaining > 1 ? 's' : ''}`;
  return [`${ctx.stylize('[Uint8Contents]', 'special')}: <${str}>`];
}

// Iterates with methods captured at start-up, so that patching Set.prototype or Map.prototype does
// not change what is printed.
const safeSetValues = SafeSet.prototype.values;
const safeMapEntries = SafeMap.prototype.entries;

// `entries` is the set itself (iterated as a program would, so a subclass's iterator counts) or,
// for a set without prototype, an iterator over its values.
function formatSet(entries, ctx, recurseTimes) {
  // An iterator has no size: Node then shows every entry.
  const length = entries.size;
  const maxLength = MathMin(MathMax(0, ctx.maxArrayLength), length);
  const remaining = length - maxLength;
  const output = [];
  ctx.indentationLvl += 2;
  let i = 0;
  for (const v of entries) {
    if (i >= maxLength) break;
    ArrayPrototypePush(output, formatValue(ctx, v, recurseTimes));
    i++;
  }
  if (remaining > 0) ArrayPrototypePush(output, remainingText(remaining));
  ctx.indentationLvl -= 2;
  return output;
}

function formatMap(entries, ctx, recurseTimes) {
  // An iterator has no size: Node then shows every entry.
  const length = entries.size;
  const maxLength = MathMin(MathMax(0, ctx.maxArrayLength), length);
  const remaining = length - maxLength;
  const output = [];
  ctx.indentationLvl += 2;
  let i = 0;
  for (const { 0: k, 1: v } of entries) {
    if (i >= maxLength) break;
    ArrayPrototypePush(output, `${formatValue(ctx, k, recurseTimes)} => ${formatValue(ctx, v, recurseTimes)}`);
    i++;
  }
  if (remaining > 0) ArrayPrototypePush(output, remainingText(remaining));
  ctx.indentationLvl -= 2;
  return output;
}

function formatPromise(ctx, value, recurseTimes) {
  let output;
  const { 0: state, 1: result } = getPromiseDetails(value);
  if (state === 0) {
    output = [ctx.stylize('<pending>', 'special')];
  } else {
    ctx.indentationLvl += 2;
    const str = formatValue(ctx, result, recurseTimes);
    ctx.indentationLvl -= 2;
    output = [state === 2 ? `${ctx.stylize('<rejected>', 'special')} ${str}` : str];
  }
  return output;
}

function formatWeakCollection(ctx) {
  return [ctx.stylize('<items unknown>', 'special')];
}

// The contents of weak collections and iterators are only visible through the engine
// (`previewEntries`, which dx's binding may lack: then they are unknown).
function previewEntries(value, isIterator) {
  if (typeof utilBinding.previewEntries !== 'function') return undefined;
  // Node's binding contract: one argument gives the entries, `true` as the second gives
  // [entries, isKeyValue].
  return isIterator ? utilBinding.previewEntries(value, true) : utilBinding.previewEntries(value);
}

function formatWeakSet(ctx, value, recurseTimes) {
  const entries = previewEntries(value);
  if (entries === undefined) return formatWeakCollection(ctx);
  return formatSetIterInner(ctx, recurseTimes, entries, kWeak);
}

function formatWeakMap(ctx, value, recurseTimes) {
  const entries = previewEntries(value);
  if (entries === undefined) return formatWeakCollection(ctx);
  return formatMapIterInner(ctx, recurseTimes, entries, kWeak);
}

function formatIterator(braces, ctx, value, recurseTimes) {
  const preview = previewEntries(value, true);
  if (preview === undefined) return formatWeakCollection(ctx);
  const { 0: entries, 1: isKeyValue } = preview;
  if (isKeyValue) {
    // Entry iterators say so.
    braces[0] = RegExpPrototypeSymbolReplace(/ Iterator] {$/, braces[0], ' Entries] {');
    return formatMapIterInner(ctx, recurseTimes, entries, kMapEntries);
  }
  return formatSetIterInner(ctx, recurseTimes, entries, kIterator);
}

const kWeak = 0;
const kIterator = 1;
const kMapEntries = 2;

function formatSetIterInner(ctx, recurseTimes, entries, state) {
  const maxArrayLength = MathMax(ctx.maxArrayLength, 0);
  const maxLength = MathMin(maxArrayLength, entries.length);
  const output = [];
  ctx.indentationLvl += 2;
  for (let i = 0; i < maxLength; i++) output[i] = formatValue(ctx, entries[i], recurseTimes);
  ctx.indentationLvl -= 2;
  // Weak entries come in no particular order: sort them for a stable output.
  if (state === kWeak && !ctx.sorted) ArrayPrototypeSort(output);
  const remaining = entries.length - maxLength;
  if (remaining > 0) ArrayPrototypePush(output, remainingText(remaining));
  return output;
}

// `entries` is [key1, value1, key2, value2, ...].
function formatMapIterInner(ctx, recurseTimes, entries, state) {
  const maxArrayLength = MathMax(ctx.maxArrayLength, 0);
  const len = entries.length / 2;
  const remaining = len - maxArrayLength;
  const maxLength = MathMin(maxArrayLength, len);
  const output = [];
  ctx.indentationLvl += 2;
  if (state === kWeak) {
    for (let i = 0; i < maxLength; i++) {
      output[i] = `${formatValue(ctx, entries[i * 2], recurseTimes)} => ${
        formatValue(ctx, entries[i * 2 + 1], recurseTimes)}`;
    }
    if (!ctx.sorted) ArrayPrototypeSort(output);
  } else {
    for (let i = 0; i < maxLength; i++) {
      const res = [
        formatValue(ctx, entries[i * 2], recurseTimes),
        formatValue(ctx, entries[i * 2 + 1], recurseTimes),
      ];
      output[i] = reduceToSingleString(ctx, res, '', ['[', ']'], kArrayExtrasType, recurseTimes);
    }
  }
  ctx.indentationLvl -= 2;
  if (remaining > 0) ArrayPrototypePush(output, remainingText(remaining));
  return output;
}

function formatNamespaceObject(keys, ctx, value, recurseTimes) {
  const output = [];
  for (let i = 0; i < keys.length; i++) {
    try {
      ArrayPrototypePush(output, formatProperty(ctx, value, recurseTimes, keys[i], kObjectType));
    } catch (err) {
      if (!isNativeError(err) || err.name !== 'ReferenceError') throw err;
      // A binding in its TDZ: lay it out as an empty string would be, then name the state.
      const placeholder = formatProperty(ctx, { [keys[i]]: '' }, recurseTimes, keys[i], kObjectType);
      const pos = StringPrototypeLastIndexOf(placeholder, ' ');
      ArrayPrototypePush(output,
                         StringPrototypeSlice(placeholder, 0, pos + 1) + ctx.stylize('<uninitialized>', 'special'));
    }
  }
  // The keys are done: formatRaw must not list them again.
  keys.length = 0;
  return output;
}

// ---------------------------------------------------------------------------------------------------
// Properties

// formatProperty for an enumerable own key of an ordinary object: a data property is read directly
// instead of through a new descriptor object (__lookupGetter__ allocates nothing and, for an own
// data property, answers undefined without looking further). Accessors, undefined values and keys
// that are gone take the general path (where, as in Node, a key removed by a custom inspect function
// of an earlier value throws; one whose name the prototype chain has as a data property shows that
// value instead).
function formatPlainProperty(ctx, value, recurseTimes, key) {
  if (ObjectPrototype__lookupGetter__(value, key) !== undefined) {
    return formatProperty(ctx, value, recurseTimes, key, kObjectType);
  }
  const v = value[key];
  if (v === undefined) return formatProperty(ctx, value, recurseTimes, key, kObjectType);
  const diff = ctx.compact !== true ? 2 : 3;
  let extra = ' ';
  ctx.indentationLvl += diff;
  const str = formatValue(ctx, v, recurseTimes);
  if (diff === 3 && ctx.breakLength < getStringWidth(str, ctx.colors)) {
    extra = `\n${StringPrototypeRepeat(' ', ctx.indentationLvl)}`;
  }
  ctx.indentationLvl -= diff;
  return `${formatPropertyName(ctx, key)}:${extra}${str}`;
}

function formatPropertyName(ctx, key) {
  if (typeof key === 'symbol') return ctx.stylize(escapeSymbolKey(key), 'symbol');
  if (isIdentifierKey(key)) return key === '__proto__' ? "['__proto__']" : ctx.stylize(key, 'name');
  return ctx.stylize(strEscape(key), 'string');
}

function formatProperty(ctx, value, recurseTimes, key, type, desc, original = value) {
  let name;
  let str;
  let extra = ' ';
  desc ??= ObjectGetOwnPropertyDescriptor(value, key);
  if (isEngineStackProperty(value, key, desc)) {
    // Shown as V8 shows its stack accessor.
    const stack = desc.value;
    desc = {
      __proto__: null,
      get: () => (typeof stack === 'string' ? engineStackToV8(value, stack) : stack),
      set: noop,
      enumerable: false,
    };
  }
  if (desc.value !== undefined) {
    const diff = (ctx.compact !== true || type !== kObjectType) ? 2 : 3;
    ctx.indentationLvl += diff;
    str = formatValue(ctx, desc.value, recurseTimes);
    if (diff === 3 && ctx.breakLength < getStringWidth(str, ctx.colors)) {
      extra = `\n${StringPrototypeRepeat(' ', ctx.indentationLvl)}`;
    }
    ctx.indentationLvl -= diff;
  } else if (desc.get !== undefined) {
    const label = desc.set !== undefined ? 'Getter/Setter' : 'Getter';
    const s = ctx.stylize;
    const sp = 'special';
    if (ctx.getters && (ctx.getters === true ||
          (ctx.getters === 'get' && desc.set === undefined) ||
          (ctx.getters === 'set' && desc.set !== undefined))) {
      ctx.indentationLvl += 2;
      try {
        const tmp = FunctionPrototypeCall(desc.get, original);
        if (tmp === null) {
          str = `${s(`[${label}:`, sp)} ${s('null', 'null')}${s(']', sp)}`;
        } else if (typeof tmp === 'object' || typeof tmp === 'function') {
          str = `${s(`[${label}]`, sp)} ${formatValue(ctx, tmp, recurseTimes)}`;
        } else {
          const primitive = formatPrimitive(s, tmp, ctx);
          str = `${s(`[${label}:`, sp)} ${primitive}${s(']', sp)}`;
        }
      } catch (err) {
        const message = `<Inspection threw (${formatValue(ctx, err, recurseTimes)})>`;
        str = `${s(`[${label}:`, sp)} ${message}${s(']', sp)}`;
      }
      ctx.indentationLvl -= 2;
    } else {
      str = ctx.stylize(`[${label}]`, sp);
    }
  } else if (desc.set !== undefined) {
    str = ctx.stylize('[Setter]', 'special');
  } else {
    str = ctx.stylize('undefined', 'undefined');
  }
  if (type === kArrayType) return str;

  name = formatPropertyName(ctx, key);
  // Hidden properties are bracketed.
  if (desc.enumerable === false) name = `[${name}]`;
  return `${name}:${extra}${str}`;
}

// ---------------------------------------------------------------------------------------------------
// Line breaking

function isBelowBreakLength(ctx, output, start, base) {
  // Without a length limit, one line unless something already spans lines.
  if (ctx.breakLength === Infinity) {
    if (base !== '' && StringPrototypeIncludes(base, '\n')) return false;
    for (let i = 0; i < output.length; i++) {
      if (typeof output[i] === 'string' && StringPrototypeIncludes(output[i], '\n')) return false;
    }
    return true;
  }
  // Each entry is followed by a comma and a space; `start` counts the rest of the line.
  let totalLength = output.length + start;
  if (totalLength + output.length > ctx.breakLength) return false;
  for (let i = 0; i < output.length; i++) {
    if (ctx.colors) totalLength += removeColors(output[i]).length;
    else totalLength += output[i].length;
    if (totalLength > ctx.breakLength) return false;
  }
  // A base that spans lines (an error's stack) never shares its line with the entries.
  return base === '' || !StringPrototypeIncludes(base, '\n');
}

function reduceToSingleString(ctx, output, base, braces, extrasType, recurseTimes, value) {
  if (ctx.compact !== true) {
    if (typeof ctx.compact === 'number' && ctx.compact >= 1) {
      const entries = output.length;
      // Long arrays are laid out in columns.
      if (extrasType === kArrayExtrasType && entries > 6) {
        output = groupArrayElements(ctx, output, value);
      }
      // Objects whose nesting below this level is shallower than `compact` go on one line when
      // they fit.
      if (ctx.currentDepth - recurseTimes < ctx.compact && entries === output.length) {
        const start = output.length + ctx.indentationLvl + braces[0].length + base.length + 10;
        if (isBelowBreakLength(ctx, output, start, base)) {
          const joinedOutput = joinEntries(output, ', ');
          if (!StringPrototypeIncludes(joinedOutput, '\n')) {
            return `${base ? `${base} ` : ''}${braces[0]} ${joinedOutput}` + ` ${braces[1]}`;
          }
        }
      }
    }
    const indentation = `\n${StringPrototypeRepeat(' ', ctx.indentationLvl)}`;
    return `${base ? `${base} ` : ''}${braces[0]}${indentation}  ${
      joinEntries(output, `,${indentation}  `)}${indentation}${braces[1]}`;
  }
  // compact: true — as many entries per line as fit, the old way.
  if (isBelowBreakLength(ctx, output, 0, base)) {
    return `${braces[0]}${base ? ` ${base}` : ''} ${joinEntries(output, ', ')} ` + braces[1];
  }
  const indentation = StringPrototypeRepeat(' ', ctx.indentationLvl);
  // A long opening brace ("Set {") puts the first entry on the next line so entries line up.
  const ln = base === '' && braces[0].length === 1 ?
    ' ' : `${base ? ` ${base}` : ''}\n${indentation}  `;
  return `${braces[0]}${ln}${joinEntries(output, `,\n${indentation}  `)} ${braces[1]}`;
}

// output.join(separator) for the entries of an object: concatenation builds a rope in JSC, which
// is flattened once when the whole result is, where join copies at every nesting level.
function joinEntries(output, separator) {
  if (output.length === 0) return '';
  let str = output[0];
  for (let i = 1; i < output.length; i++) str = str + separator + output[i];
  return str;
}

// Lays out many short array entries in aligned columns: numbers right-aligned, anything else
// left-aligned. The number of columns aims at a roughly square block (a character is about 2.5
// times as tall as wide), within breakLength, at most 15 and at most compact * 4.
function groupArrayElements(ctx, output, value) {
  let totalLength = 0;
  let maxLength = 0;
  let i = 0;
  let outputLength = output.length;
  // The "... more items" entry is not part of the grid.
  if (ctx.maxArrayLength < output.length) outputLength--;
  const separatorSpace = 2;
  const dataLen = [];
  for (; i < outputLength; i++) {
    const len = getStringWidth(output[i], ctx.colors);
    dataLen[i] = len;
    totalLength += len + separatorSpace;
    if (maxLength < len) {
      maxLength = len;
      // The widest entry so far already rules the columns out (the test below): the widths of the
      // rest do not matter. Saves measuring every line of long multi-line entries.
      if ((maxLength + separatorSpace) * 3 + ctx.indentationLvl >= ctx.breakLength) return output;
    }
  }
  const actualMax = maxLength + separatorSpace;
  // At least three columns must fit, and no entry may be much longer than the others.
  if (actualMax * 3 + ctx.indentationLvl < ctx.breakLength &&
      (totalLength / actualMax > 5 || maxLength <= 6)) {
    const approxCharHeights = 2.5;
    const averageBias = MathSqrt(actualMax - totalLength / output.length);
    const biasedMax = MathMax(actualMax - 3 - averageBias, 1);
    const columns = MathMin(
      MathRound(MathSqrt(approxCharHeights * biasedMax * outputLength) / biasedMax),
      MathFloor((ctx.breakLength - ctx.indentationLvl) / actualMax),
      ctx.compact * 4,
      15,
    );
    if (columns <= 1) return output;
    const tmp = [];
    const maxLineLength = [];
    for (let c = 0; c < columns; c++) {
      let lineLength = 0;
      for (let j = c; j < output.length; j += columns) {
        if (dataLen[j] > lineLength) lineLength = dataLen[j];
      }
      ArrayPrototypePush(maxLineLength, lineLength + separatorSpace);
    }
    let order = StringPrototypePadStart;
    if (value !== undefined) {
      for (let k = 0; k < output.length; k++) {
        if (typeof value[k] !== 'number' && typeof value[k] !== 'bigint') {
          order = StringPrototypePadEnd;
          break;
        }
      }
    }
    for (let k = 0; k < outputLength; k += columns) {
      const max = MathMin(k + columns, outputLength);
      let str = '';
      let j = k;
      for (; j < max - 1; j++) {
        // Colour codes take no room: pad by the visible width.
        const padding = maxLineLength[j - k] + output[j].length - dataLen[j];
        str += order(`${output[j]}, `, padding, ' ');
      }
      if (order === StringPrototypePadStart) {
        const padding = maxLineLength[j - k] + output[j].length - dataLen[j] - separatorSpace;
        str += StringPrototypePadStart(output[j], padding, ' ');
      } else {
        str += output[j];
      }
      ArrayPrototypePush(tmp, str);
    }
    if (ctx.maxArrayLength < output.length) ArrayPrototypePush(tmp, output[outputLength]);
    output = tmp;
  }
  return output;
}

// ---------------------------------------------------------------------------------------------------
// format()

// Whether `%s` should inspect the object rather than convert it to a string: true unless its
// toString or Symbol.toPrimitive (whichever it has, the nearer one on the prototype chain) is its
// own or belongs to a prototype whose constructor is not a built-in class.
function hasBuiltInToString(value) {
  const target = getProxyTarget(value);
  if (target !== undefined) {
    if (target === null) return true;
    value = target;
  }
  let lookForToString = true;
  let lookForToPrimitive = true;
  if (typeof value.toString !== 'function') {
    if (typeof value[SymbolToPrimitive] !== 'function') return true;
    if (ObjectPrototypeHasOwnProperty(value, SymbolToPrimitive)) return false;
    lookForToString = false;
  } else if (ObjectPrototypeHasOwnProperty(value, 'toString')) {
    return false;
  } else if (typeof value[SymbolToPrimitive] !== 'function') {
    lookForToPrimitive = false;
  } else if (ObjectPrototypeHasOwnProperty(value, SymbolToPrimitive)) {
    return false;
  }
  let pointer = value;
  do {
    pointer = ObjectGetPrototypeOf(pointer);
  } while (!(lookForToString && ObjectPrototypeHasOwnProperty(pointer, 'toString')) &&
           !(lookForToPrimitive && ObjectPrototypeHasOwnProperty(pointer, SymbolToPrimitive)));
  const descriptor = ObjectGetOwnPropertyDescriptor(pointer, 'constructor');
  return descriptor !== undefined && typeof descriptor.value === 'function' &&
    builtInObjects.has(descriptor.value.name);
}

let circularErrorMessage;
function firstErrorLine(err) {
  return StringPrototypeSplit(err.message, '\n', 1)[0];
}

function tryStringify(arg) {
  try {
    return JSONStringify(arg);
  } catch (err) {
    if (circularErrorMessage === undefined) {
      try {
        const a = {};
        a.a = a;
        JSONStringify(a);
      } catch (circularError) {
        circularErrorMessage = firstErrorLine(circularError);
      }
    }
    if (err !== null && typeof err === 'object' && err.name === 'TypeError' &&
        firstErrorLine(err) === circularErrorMessage) {
      return '[Circular]';
    }
    throw err;
  }
}

function formatNumberNoColor(number, options) {
  return formatNumber(stylizeNoColor, number,
                      options?.numericSeparator ?? inspectDefaultOptions.numericSeparator);
}

function formatBigIntNoColor(bigint, options) {
  return formatBigInt(stylizeNoColor, bigint,
                      options?.numericSeparator ?? inspectDefaultOptions.numericSeparator);
}

function format(...args) {
  return formatWithOptionsInternal(undefined, args);
}

function formatWithOptions(inspectOptions, ...args) {
  if (inspectOptions === null || typeof inspectOptions !== 'object') {
    const { codes: { ERR_INVALID_ARG_TYPE } } = require('internal/errors');
    throw new ERR_INVALID_ARG_TYPE('inspectOptions', 'object', inspectOptions);
  }
  return formatWithOptionsInternal(inspectOptions, args);
}

function formatWithOptionsInternal(inspectOptions, args) {
  const first = args[0];
  let a = 0;
  let str = '';
  let join = '';

  if (typeof first === 'string') {
    if (args.length === 1) return first;
    let tempStr;
    let lastPos = 0;
    // Jump from '%' to '%' (one indexOf per placeholder instead of a call per character).
    for (let i = StringPrototypeIndexOf(first, '%'); i !== -1 && i < first.length - 1;
      i = StringPrototypeIndexOf(first, '%', i + 1)) {
      const nextChar = StringPrototypeCharCodeAt(first, ++i);
      if (a + 1 !== args.length) {
        switch (nextChar) {
          case 115: { // 's'
            const tempArg = args[++a];
            if (typeof tempArg === 'number') {
              tempStr = formatNumberNoColor(tempArg, inspectOptions);
            } else if (typeof tempArg === 'bigint') {
              tempStr = formatBigIntNoColor(tempArg, inspectOptions);
            } else if (typeof tempArg !== 'object' || tempArg === null || !hasBuiltInToString(tempArg)) {
              tempStr = String(tempArg);
            } else {
              tempStr = inspect(tempArg, { ...inspectOptions, depth: 0, colors: false, compact: 3 });
            }
            break;
          }
          case 106: // 'j'
            tempStr = tryStringify(args[++a]);
            break;
          case 100: { // 'd'
            const tempNum = args[++a];
            if (typeof tempNum === 'bigint') tempStr = formatBigIntNoColor(tempNum, inspectOptions);
            else if (typeof tempNum === 'symbol') tempStr = 'NaN';
            else tempStr = formatNumberNoColor(Number(tempNum), inspectOptions);
            break;
          }
          case 79: // 'O'
            tempStr = inspect(args[++a], inspectOptions);
            break;
          case 111: // 'o'
            tempStr = inspect(args[++a], { ...inspectOptions, showHidden: true, showProxy: true, depth: 4 });
            break;
          case 105: { // 'i'
            const tempInteger = args[++a];
            if (typeof tempInteger === 'bigint') tempStr = formatBigIntNoColor(tempInteger, inspectOptions);
            else if (typeof tempInteger === 'symbol') tempStr = 'NaN';
            else tempStr = formatNumberNoColor(NumberParseInt(tempInteger), inspectOptions);
            break;
          }
          case 102: { // 'f'
            const tempFloat = args[++a];
            if (typeof tempFloat === 'symbol') tempStr = 'NaN';
            else tempStr = formatNumberNoColor(NumberParseFloat(tempFloat), inspectOptions);
            break;
          }
          case 99: // 'c': CSS, ignored outside browsers
            a += 1;
            tempStr = '';
            break;
          case 37: // '%'
            str += StringPrototypeSlice(first, lastPos, i);
            lastPos = i + 1;
            continue;
          default: // Not a placeholder.
            continue;
        }
        if (lastPos !== i - 1) str += StringPrototypeSlice(first, lastPos, i - 1);
        str += tempStr;
        lastPos = i + 1;
      } else if (nextChar === 37) {
        str += StringPrototypeSlice(first, lastPos, i);
        lastPos = i + 1;
      }
    }
    if (lastPos !== 0) {
      a++;
      join = ' ';
      if (lastPos < first.length) str += StringPrototypeSlice(first, lastPos);
    }
  }

  while (a < args.length) {
    const value = args[a];
    str += join;
    str += typeof value !== 'string' ? inspect(value, inspectOptions) : value;
    join = ' ';
    a++;
  }
  return str;
}

module.exports = {
  inspect,
  inspectDefaultOptions,
  format,
  formatWithOptions,
  getStringWidth,
  stripVTControlCharacters,
  isError,
  isStackOverflowError,
  stylizeWithColor,
  stylizeNoColor,
  strEscape,
};
