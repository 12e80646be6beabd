'use strict';
// util.parseEnv: the dotenv format Node reads for --env-file. One KEY=VALUE per line; `export `
// before a key is ignored; `#` starts a comment line, or a comment after an unquoted value; values
// in '...', "..." or `...` may span lines, and "\n" inside double quotes is a newline; a later
// definition of a key replaces an earlier one. Lines without `=` are skipped.

const {
  ArrayFrom,
  ArrayPrototypeSort,
  SafeMap,
  StringPrototypeCharCodeAt,
  StringPrototypeCodePointAt,
  StringPrototypeIndexOf,
  StringPrototypeReplaceAll,
  StringPrototypeSlice,
  StringPrototypeStartsWith,
} = primordials;

function isSpace(c) {
  return c === 32 || c === 9 || c === 10;
}

function trim(s) {
  let a = 0;
  let b = s.length;
  while (a < b && isSpace(StringPrototypeCharCodeAt(s, a))) a++;
  while (b > a && isSpace(StringPrototypeCharCodeAt(s, b - 1))) b--;
  return a === 0 && b === s.length ? s : StringPrototypeSlice(s, a, b);
}

// The first '=' or '\n' in s, or -1.
function firstEqualsOrNewline(s) {
  for (let i = 0; i < s.length; i++) {
    const c = StringPrototypeCharCodeAt(s, i);
    if (c === 61 || c === 10) return i;
  }
  return -1;
}

function parseEnv(content) {
  const found = new SafeMap();
  let s = trim(StringPrototypeReplaceAll(content, '\r', ''));
  // Drops the current line (through its newline); false when there is no next line.
  const skipLine = (from) => {
    const nl = StringPrototypeIndexOf(s, '\n', from);
    if (nl === -1) {
      s = '';
      return false;
    }
    s = StringPrototypeSlice(s, nl + 1);
    return true;
  };
  while (s.length > 0) {
    const first = s[0];
    if (first === '\n' || first === '#') {
      skipLine(0);
      continue;
    }
    const at = firstEqualsOrNewline(s);
    if (at === -1 || s[at] === '\n') {
      if (!skipLine(0)) break;
      s = trim(s);
      continue;
    }
    let key = trim(StringPrototypeSlice(s, 0, at));
    s = StringPrototypeSlice(s, at + 1);
    if (s.length === 0 || s[0] === '\n') {
      found.set(key, '');
      continue;
    }
    s = trim(s);
    // An empty key is dropped with its '=', and parsing goes on from what follows.
    if (key.length === 0) continue;
    if (StringPrototypeStartsWith(key, 'export ')) key = trim(StringPrototypeSlice(key, 7));
    if (s.length === 0) {
      found.set(key, '');
      break;
    }
    const q = s[0];
    if (q === '"') {
      const close = StringPrototypeIndexOf(s, '"', 1);
      if (close !== -1) {
        found.set(key, StringPrototypeReplaceAll(StringPrototypeSlice(s, 1, close), '\\n', '\n'));
        skipLine(close + 1);
        s = trim(s);
        continue;
      }
    }
    if (q === "'" || q === '"' || q === '`') {
      const close = StringPrototypeIndexOf(s, q, 1);
      if (close === -1) {
        // No closing quote: the rest of the line, quote included, is the value.
        const nl = StringPrototypeIndexOf(s, '\n');
        if (nl === -1) {
          found.set(key, s);
          break;
        }
        found.set(key, StringPrototypeSlice(s, 0, nl));
        s = StringPrototypeSlice(s, nl);
      } else {
        found.set(key, StringPrototypeSlice(s, 1, close));
        skipLine(close + 1);
      }
    } else {
      const nl = StringPrototypeIndexOf(s, '\n');
      let value = nl === -1 ? s : StringPrototypeSlice(s, 0, nl);
      const hash = StringPrototypeIndexOf(value, '#');
      if (hash !== -1) value = StringPrototypeSlice(value, 0, hash);
      found.set(key, trim(value));
      if (nl === -1) {
        s = '';
      } else {
        s = StringPrototypeSlice(s, nl + 1);
      }
    }
    s = trim(s);
  }
  // Node keeps the pairs in a sorted std::map: keys come out in UTF-8 byte order (code point order).
  const keys = ArrayPrototypeSort(ArrayFrom(found.keys()), compareCodePoints);
  const out = {};
  for (let i = 0; i < keys.length; i++) out[keys[i]] = found.get(keys[i]);
  return out;
}

function compareCodePoints(a, b) {
  const n = a.length < b.length ? a.length : b.length;
  for (let i = 0; i < n; i++) {
    const x = StringPrototypeCodePointAt(a, i);
    const y = StringPrototypeCodePointAt(b, i);
    if (x !== y) return x - y;
  }
  return a.length - b.length;
}

module.exports = { parseEnv };
