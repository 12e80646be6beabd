'use strict';
// util.MIMEType and util.MIMEParams: parsing and serialising MIME types by the WHATWG MIME Sniffing
// standard ("parse a MIME type", "serialize a MIME type"), with Node's ERR_INVALID_MIME_SYNTAX for
// an invalid type or subtype (and for invalid names and values given to MIMEParams#set).

const {
  RegExpPrototypeSymbolReplace,
  RegExpPrototypeSymbolSearch,
  SafeMap,
  StringPrototypeCharCodeAt,
  StringPrototypeIndexOf,
  StringPrototypeSlice,
  StringPrototypeToLowerCase,
  SymbolIterator,
} = primordials;
const { codes: { ERR_INVALID_MIME_SYNTAX } } = require('internal/errors');

// HTTP token code points: ! # $ % & ' * + - . ^ _ ` | ~ digits and ASCII letters.
const tokenTable = new Uint8Array(128);
for (const c of "!#$%&'*+-.^_`|~") tokenTable[StringPrototypeCharCodeAt(c, 0)] = 1;
for (let c = 48; c <= 57; c++) tokenTable[c] = 1;
for (let c = 65; c <= 90; c++) tokenTable[c] = 1;
for (let c = 97; c <= 122; c++) tokenTable[c] = 1;

function isToken(c) { return c < 128 && tokenTable[c] === 1; }
// HTTP quoted-string token code points: tab, U+0020-U+007E, U+0080-U+00FF.
function isQuotedChar(c) { return c === 9 || (c >= 0x20 && c <= 0x7e) || (c >= 0x80 && c <= 0xff); }
function isHttpSpace(c) { return c === 9 || c === 10 || c === 13 || c === 32; }

// Index of the first code unit failing `ok`, or -1. The two predicates used are also regular
// expressions, so the common cases take one search instead of a call per character.
const notToken = /[^!#$%&'*+\-.^_`|~0-9A-Za-z]/;
const notQuoted = /[^\t\u0020-\u007e\u0080-\u00ff]/;
function firstInvalid(str, ok) {
  if (ok === isToken) return RegExpPrototypeSymbolSearch(notToken, str);
  if (ok === isQuotedChar) return RegExpPrototypeSymbolSearch(notQuoted, str);
  for (let i = 0; i < str.length; i++) if (!ok(StringPrototypeCharCodeAt(str, i))) return i;
  return -1;
}

function checkToken(production, str) {
  const bad = firstInvalid(str, isToken);
  if (str.length === 0 || bad !== -1) throw new ERR_INVALID_MIME_SYNTAX(production, str, bad);
}

function trimEnd(str) {
  let end = str.length;
  while (end > 0 && isHttpSpace(StringPrototypeCharCodeAt(str, end - 1))) end--;
  return StringPrototypeSlice(str, 0, end);
}

// Index of the first of the characters `a` or `b` at or after `from`, or str.length.
function indexOfEither(str, from, a, b) {
  let i = StringPrototypeIndexOf(str, a, from);
  if (i === -1) i = str.length;
  if (b !== a) {
    const j = StringPrototypeIndexOf(str, b, from);
    if (j !== -1 && j < i) i = j;
  }
  return i;
}

function serializeValue(value) {
  if (value.length !== 0 && firstInvalid(value, isToken) === -1) return value;
  return `"${RegExpPrototypeSymbolReplace(/["\\]/g, value, '\\$&')}"`;
}

// Reads the parameters of `str` from `pos` into `map` (the standard's parameter loop).
function parseParameters(str, pos, map) {
  const len = str.length;
  while (pos < len) {
    pos++; // the ';'
    while (pos < len && isHttpSpace(StringPrototypeCharCodeAt(str, pos))) pos++;
    const nameEnd = indexOfEither(str, pos, ';', '=');
    const name = StringPrototypeToLowerCase(StringPrototypeSlice(str, pos, nameEnd));
    pos = nameEnd;
    if (pos < len) {
      if (StringPrototypeCharCodeAt(str, pos) === 59) continue;
      pos++; // the '='
    }
    if (pos >= len) break;
    let value;
    if (StringPrototypeCharCodeAt(str, pos) === 34) { // '"': a quoted string, escapes resolved
      value = '';
      pos++;
      for (;;) {
        const stop = indexOfEither(str, pos, '"', '\\');
        value += StringPrototypeSlice(str, pos, stop);
        pos = stop;
        if (pos >= len) break;
        const quoteOrBackslash = StringPrototypeCharCodeAt(str, pos);
        pos++;
        if (quoteOrBackslash === 92) {
          if (pos >= len) {
            value += '\\';
            break;
          }
          value += str[pos];
          pos++;
        } else {
          break;
        }
      }
      pos = indexOfEither(str, pos, ';', ';');
    } else {
      const end = indexOfEither(str, pos, ';', ';');
      value = trimEnd(StringPrototypeSlice(str, pos, end));
      pos = end;
      if (value.length === 0) continue;
    }
    if (name.length !== 0 && firstInvalid(name, isToken) === -1 &&
        firstInvalid(value, isQuotedChar) === -1 && !map.has(name)) {
      map.set(name, value);
    }
  }
}

class MIMEParams {
  #data = new SafeMap();

  // Names are ASCII-case-insensitive: stored and looked up in lower case.
  delete(name) {
    this.#data.delete(StringPrototypeToLowerCase(`${name}`));
  }

  get(name) {
    const data = this.#data;
    name = StringPrototypeToLowerCase(`${name}`);
    return data.has(name) ? data.get(name) : null;
  }

  has(name) {
    return this.#data.has(StringPrototypeToLowerCase(`${name}`));
  }

  set(name, value) {
    name = `${name}`;
    value = `${value}`;
    const badName = firstInvalid(name, isToken);
    if (name.length === 0 || badName !== -1) throw new ERR_INVALID_MIME_SYNTAX('parameter name', name, badName);
    const badValue = firstInvalid(value, isQuotedChar);
    if (badValue !== -1) throw new ERR_INVALID_MIME_SYNTAX('parameter value', value, badValue);
    this.#data.set(StringPrototypeToLowerCase(name), value);
  }

  *entries() {
    yield* this.#data.entries();
  }

  *keys() {
    yield* this.#data.keys();
  }

  *values() {
    yield* this.#data.values();
  }

  toString() {
    let out = '';
    for (const { 0: name, 1: value } of this.#data) out += `${out ? ';' : ''}${name}=${serializeValue(value)}`;
    return out;
  }

  toJSON() {
    return this.toString();
  }

  static parseInto(params, str, pos) {
    parseParameters(str, pos, params.#data);
  }
}
MIMEParams.prototype[SymbolIterator] = MIMEParams.prototype.entries;
const parseInto = MIMEParams.parseInto;
delete MIMEParams.parseInto;

class MIMEType {
  #type;
  #subtype;
  #params = new MIMEParams();

  constructor(string) {
    string = `${string}`;
    // Leading whitespace is skipped; trailing whitespace only ever ends the subtype or a value, so
    // (as in Node) error positions are counted in the untrimmed tail.
    let start = 0;
    while (start < string.length && isHttpSpace(StringPrototypeCharCodeAt(string, start))) start++;
    const str = StringPrototypeSlice(string, start);
    const slash = indexOfEither(str, 0, '/', '/');
    const type = StringPrototypeSlice(str, 0, slash);
    const badType = firstInvalid(type, isToken);
    if (type.length === 0 || badType !== -1 || slash >= str.length) {
      throw new ERR_INVALID_MIME_SYNTAX('type', string, badType);
    }
    const semi = indexOfEither(str, slash + 1, ';', ';');
    const subtype = trimEnd(StringPrototypeSlice(str, slash + 1, semi));
    const badSubtype = firstInvalid(subtype, isToken);
    if (subtype.length === 0 || badSubtype !== -1) throw new ERR_INVALID_MIME_SYNTAX('subtype', string, badSubtype);
    this.#type = StringPrototypeToLowerCase(type);
    this.#subtype = StringPrototypeToLowerCase(subtype);
    parseInto(this.#params, str, semi);
  }

  get type() {
    return this.#type;
  }

  set type(v) {
    v = `${v}`;
    checkToken('type', v);
    this.#type = StringPrototypeToLowerCase(v);
  }

  get subtype() {
    return this.#subtype;
  }

  set subtype(v) {
    v = `${v}`;
    checkToken('subtype', v);
    this.#subtype = StringPrototypeToLowerCase(v);
  }

  get essence() {
    return `${this.#type}/${this.#subtype}`;
  }

  get params() {
    return this.#params;
  }

  toString() {
    const params = this.#params.toString();
    return `${this.#type}/${this.#subtype}${params ? `;${params}` : ''}`;
  }

  toJSON() {
    return this.toString();
  }
}

module.exports = { MIMEType, MIMEParams };
