'use strict';
// node:querystring — Node's legacy query-string codec, with its exact output: '+' is a space only
// when decoding with the built-in unescape, malformed escapes are kept, separators of several
// characters match without backtracking, and at most `maxKeys` (default 1000) pairs are read.

const {
  ArrayIsArray,
  MathAbs,
  NumberIsFinite,
  NumberPrototypeToString,
  ObjectKeys,
  String,
  StringFromCharCode,
  StringPrototypeCharCodeAt,
  StringPrototypeSlice,
  Uint8Array,
} = primordials;

const { isHexTable, hexValue, decodeUtf8 } = require('internal/querystring');
const { codes: { ERR_INVALID_URI } } = require('internal/errors');

const { encodeURIComponent: encodeURIComponentOrig, decodeURIComponent: decodeURIComponentOrig } = primordials;

// Bytes of `s` with %XX escapes decoded (and '+' as a space when decodeSpaces); a '%' not followed
// by two hex digits stays as it is. Characters above U+00FF keep their low byte, as Node does.
function unescapeBuffer(s, decodeSpaces) {
  s = `${s}`;
  const len = s.length;
  const out = typeof Buffer === 'function' ? Buffer.allocUnsafe(len) : new Uint8Array(len);
  let n = 0;
  for (let i = 0; i < len; i++) {
    const c = StringPrototypeCharCodeAt(s, i);
    if (c === 43 && decodeSpaces) {
      out[n++] = 32;
    } else if (c === 37 && i < len - 2) {
      const hi = hexValue(StringPrototypeCharCodeAt(s, i + 1));
      const lo = hi < 0 ? -1 : hexValue(StringPrototypeCharCodeAt(s, i + 2));
      if (lo < 0) {
        out[n++] = 37;
      } else {
        out[n++] = hi * 16 + lo;
        i += 2;
      }
    } else {
      out[n++] = c & 0xff;
    }
  }
  return n === len ? out : out.subarray(0, n);
}

function unescape(s, decodeSpaces) {
  try {
    return decodeURIComponentOrig(s);
  } catch {
    const bytes = module.exports.unescapeBuffer(s, decodeSpaces);
    return typeof Buffer === 'function' && bytes instanceof Buffer ? bytes.toString() : decodeUtf8(bytes, bytes.length);
  }
}

// Percent-encodes UTF-8 except A-Z a-z 0-9 - _ . ! ~ * ' ( ), which is encodeURIComponent's set.
// Node's encoder differs from encodeURIComponent on surrogates: any surrogate code unit is paired with
// whatever unit follows it (only one at the very end is ERR_INVALID_URI). One loop over the string
// does it all: on JavaScriptCore, that is faster for the short strings of a query than a regular
// expression test or encodeURIComponent, and text with nothing to escape is returned as it is.
function escape(str) {
  if (typeof str !== 'string') {
    if (typeof str === 'object') str = String(str);
    else str += '';
  }
  return escapeLoose(str);
}

const hex = [];
for (let i = 0; i < 256; i++) hex[i] = `%${i < 16 ? '0' : ''}${NumberPrototypeToString(i, 16).toUpperCase()}`;
const unreserved = new Int8Array(128);
for (let i = 0; i < 128; i++) {
  const ch = StringFromCharCode(i);
  if (encodeURIComponentOrig(ch) === ch) unreserved[i] = 1;
}

function escapeLoose(str) {
  // Pieces are appended with +=, which makes a rope (no copying) in JavaScriptCore.
  let out = '';
  let last = 0;
  const len = str.length;
  for (let i = 0; i < len; i++) {
    let c = StringPrototypeCharCodeAt(str, i);
    if (c < 0x80 && unreserved[c] === 1) continue;
    if (last < i) out += StringPrototypeSlice(str, last, i);
    if (c < 0x80) {
      out += hex[c];
    } else if (c < 0x800) {
      out += hex[0xc0 | (c >> 6)] + hex[0x80 | (c & 0x3f)];
    } else if (c < 0xd800 || c >= 0xe000) {
      out += hex[0xe0 | (c >> 12)] + hex[0x80 | ((c >> 6) & 0x3f)] + hex[0x80 | (c & 0x3f)];
    } else {
      if (++i >= len) throw new ERR_INVALID_URI();
      c = 0x10000 + (((c & 0x3ff) << 10) | (StringPrototypeCharCodeAt(str, i) & 0x3ff));
      out += hex[0xf0 | (c >> 18)] + hex[0x80 | ((c >> 12) & 0x3f)] + hex[0x80 | ((c >> 6) & 0x3f)] + hex[0x80 | (c & 0x3f)];
    }
    last = i + 1;
  }
  return last === 0 ? str : out + StringPrototypeSlice(str, last);
}

// A value as text for a custom encoder: strings, finite numbers, bigints and booleans; else ''.
function primitiveText(v) {
  switch (typeof v) {
    case 'string': return v;
    case 'number': return NumberIsFinite(v) ? `${v}` : '';
    case 'bigint': return `${v}`;
    case 'boolean': return v ? 'true' : 'false';
    default: return '';
  }
}

// The same with the built-in escape, which numbers below 1e21 never need.
function encodeValue(v, encode) {
  switch (typeof v) {
    case 'string': return v.length === 0 ? '' : encode(v);
    case 'number':
      if (!NumberIsFinite(v)) return '';
      return MathAbs(v) < 1e21 ? `${v}` : encode(`${v}`);
    case 'bigint': return `${v}`;
    case 'boolean': return v ? 'true' : 'false';
    default: return '';
  }
}

function encodeValueCustom(v, encode) {
  return encode(primitiveText(v));
}

function stringify(obj, sep, eq, options) {
  sep ||= '&';
  eq ||= '=';
  let encode = module.exports.escape;
  if (options && typeof options.encodeURIComponent === 'function') encode = options.encodeURIComponent;
  const convert = encode === escape ? encodeValue : encodeValueCustom;
  if (obj === null || typeof obj !== 'object') return '';
  const keys = ObjectKeys(obj);
  let out = '';
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    const v = obj[k];
    const prefix = convert(k, encode) + eq;
    if (ArrayIsArray(v)) {
      if (v.length === 0) continue;
      if (out) out += sep;
      for (let j = 0; j < v.length; j++) {
        if (j) out += sep;
        out += prefix + convert(v[j], encode);
      }
    } else {
      if (out) out += sep;
      out += prefix + convert(v, encode);
    }
  }
  return out;
}

function codesOf(str) {
  const codes = [];
  for (let i = 0; i < str.length; i++) codes[i] = StringPrototypeCharCodeAt(str, i);
  return codes;
}

function decodePart(s, decoder) {
  try {
    return decoder(s);
  } catch {
    return module.exports.unescape(s, true);
  }
}

function addPair(obj, key, value, keyEncoded, valueEncoded, decoder) {
  if (keyEncoded && key.length > 0) key = decodePart(key, decoder);
  if (valueEncoded && value.length > 0) value = decodePart(value, decoder);
  const cur = obj[key];
  if (cur === undefined) obj[key] = value;
  else if (ArrayIsArray(cur)) cur[cur.length] = value;
  else obj[key] = [cur, value];
}

// One pass over the string. Separator characters are matched position by position (a mismatch
// restarts the match at the next character without looking back); decoding is only applied to a
// key or value that contains a valid %XX escape (always, with a custom decoder).
function parse(qs, sep, eq, options) {
  const obj = { __proto__: null };
  if (typeof qs !== 'string' || qs.length === 0) return obj;
  const sepCodes = sep ? codesOf(String(sep)) : [38];
  const eqCodes = eq ? codesOf(String(eq)) : [61];
  const sepLen = sepCodes.length;
  const eqLen = eqCodes.length;

  let remaining = 1000;
  if (options && typeof options.maxKeys === 'number') remaining = options.maxKeys > 0 ? options.maxKeys : -1;
  let decoder = module.exports.unescape;
  if (options && typeof options.decodeURIComponent === 'function') decoder = options.decodeURIComponent;
  const custom = decoder !== unescape;
  const plus = custom ? '%20' : ' ';

  let key = '';
  let value = '';
  let start = 0;     // first character not yet copied into key or value
  let sepAt = 0;     // characters of the separator matched so far
  let eqAt = 0;      // characters of '=' matched so far (eqLen once the key is complete)
  let keyEncoded = custom;
  let valueEncoded = custom;
  let escapeRun = 0; // 1 after '%', 2 after '%' and a hex digit

  for (let i = 0; i < qs.length; i++) {
    const c = StringPrototypeCharCodeAt(qs, i);
    if (c === sepCodes[sepAt]) {
      if (++sepAt !== sepLen) continue;
      const end = i - sepLen + 1;
      if (eqAt < eqLen) {
        if (start < end) {
          key += StringPrototypeSlice(qs, start, end);
        } else if (key.length === 0) {
          // Nothing between two separators: no pair, but it counts against maxKeys.
          if (--remaining === 0) return obj;
          start = i + 1;
          sepAt = eqAt = 0;
          continue;
        }
      } else if (start < end) {
        value += StringPrototypeSlice(qs, start, end);
      }
      addPair(obj, key, value, keyEncoded, valueEncoded, decoder);
      if (--remaining === 0) return obj;
      keyEncoded = valueEncoded = custom;
      key = value = '';
      escapeRun = 0;
      start = i + 1;
      sepAt = eqAt = 0;
      continue;
    }
    sepAt = 0;
    if (eqAt < eqLen) {
      if (c === eqCodes[eqAt]) {
        if (++eqAt === eqLen) {
          const end = i - eqLen + 1;
          if (start < end) key += StringPrototypeSlice(qs, start, end);
          escapeRun = 0;
          start = i + 1;
        }
        continue;
      }
      eqAt = 0;
      if (!keyEncoded) {
        if (c === 37) {
          escapeRun = 1;
          continue;
        }
        if (escapeRun > 0) {
          if (c < 128 && isHexTable[c] === 1) {
            if (++escapeRun === 3) keyEncoded = true;
            continue;
          }
          escapeRun = 0;
        }
      }
      if (c === 43) {
        if (start < i) key += StringPrototypeSlice(qs, start, i);
        key += plus;
        start = i + 1;
        continue;
      }
    }
    if (c === 43) {
      if (start < i) value += StringPrototypeSlice(qs, start, i);
      value += plus;
      start = i + 1;
    } else if (!valueEncoded) {
      if (c === 37) {
        escapeRun = 1;
      } else if (escapeRun > 0) {
        if (c < 128 && isHexTable[c] === 1) {
          if (++escapeRun === 3) valueEncoded = true;
        } else {
          escapeRun = 0;
        }
      }
    }
  }

  if (start < qs.length) {
    if (eqAt < eqLen) key += StringPrototypeSlice(qs, start);
    else if (sepAt < sepLen) value += StringPrototypeSlice(qs, start);
  } else if (eqAt === 0 && key.length === 0) {
    return obj;
  }
  addPair(obj, key, value, keyEncoded, valueEncoded, decoder);
  return obj;
}

module.exports = {
  unescapeBuffer,
  unescape,
  escape,
  stringify,
  encode: stringify,
  parse,
  decode: parse,
};
