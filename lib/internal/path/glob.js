'use strict';
// path.matchesGlob's matcher, split out of lib/node/path.js so that the common path functions
// load without parsing it (it is most of the module's size); loaded on the first matchesGlob call.

const {
  ArrayPrototypeIncludes,
  ArrayPrototypeIndexOf,
  ArrayPrototypeJoin,
  ArrayPrototypeLastIndexOf,
  ArrayPrototypeMap,
  ArrayPrototypePop,
  ArrayPrototypePush,
  ArrayPrototypeShift,
  ArrayPrototypeSlice,
  ArrayPrototypeSome,
  ArrayPrototypeSplice,
  ArrayPrototypeUnshift,
  MathAbs,
  MathMax,
  NumberIsNaN,
  NumberParseInt,
  RegExp,
  RegExpPrototypeExec,
  RegExpPrototypeSymbolReplace,
  RegExpPrototypeSymbolSplit,
  SafeMap,
  SafeSet,
  StringFromCharCode,
  StringPrototypeCharCodeAt,
  StringPrototypeIndexOf,
  StringPrototypeRepeat,
  StringPrototypeSlice,
  StringPrototypeSplit,
  StringPrototypeStartsWith,
  StringPrototypeToLowerCase,
} = primordials;

const CHAR_SLASH = 47;      // '/'
const CHAR_BACKSLASH = 92;  // '\\'
const CHAR_DOT = 46;        // '.'
const CHAR_COLON = 58;      // ':'

function isDriveLetter(code) {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}
// ---------------------------------------------------------------------------------------------
// matchesGlob: Node matches with minimatch, options { nonegate, nocomment, windowsPathsNoEscape,
// optimizationLevel: 2 } and case-sensitive on Linux. This is an implementation of those
// semantics: brace expansion, then per path segment `*`, `?`, `[...]` (with POSIX classes),
// extglobs `@() ?() +() *() !()`, and `**` across segments; `*` and friends never match a
// leading dot, `**` never enters a dot directory, and '.' / '..' are matched only literally.

const kGlobstar = { globstar: true };
const kGlobCacheLimit = 100;
const globCache = new SafeMap();

function globMatcher(pattern, windows) {
  const key = `${windows ? 'w' : 'p'}${pattern}`;
  let matcher = globCache.get(key);
  if (matcher === undefined) {
    matcher = compileGlob(pattern, windows);
    if (globCache.size >= kGlobCacheLimit) globCache.clear();
    globCache.set(key, matcher);
  }
  return matcher;
}

function splitGlobPath(p, windows) {
  // On Windows a leading '//x' is a UNC root and keeps its empty first two segments.
  const parts = RegExpPrototypeSymbolSplit(/\/+/, p);
  if (windows && p.length > 2 && StringPrototypeCharCodeAt(p, 0) === CHAR_SLASH &&
      StringPrototypeCharCodeAt(p, 1) === CHAR_SLASH && StringPrototypeCharCodeAt(p, 2) !== CHAR_SLASH) {
    ArrayPrototypeUnshift(parts, '');
  }
  return parts;
}

function compileGlob(pattern, windows) {
  // windowsPathsNoEscape holds on every platform: a backslash in a pattern is a separator.
  pattern = slashesOf(pattern);
  if (pattern === '') return (file) => file === '';
  const expanded = [];
  const seen = new SafeSet();
  const alternatives = expandBraces(pattern);
  for (let i = 0; i < alternatives.length; i++) {
    if (!seen.has(alternatives[i])) {
      seen.add(alternatives[i]);
      ArrayPrototypePush(expanded, alternatives[i]);
    }
  }
  const globParts = simplifyPatterns(ArrayPrototypeMap(expanded, (p) => splitGlobPath(p, windows)));
  const set = [];
  for (let i = 0; i < globParts.length; i++) {
    const parts = globParts[i];
    const compiled = ArrayPrototypeMap(parts, compileSegment);
    // '//?/C:/...': the '?' of a long path prefix is literal.
    if (windows && compiled[0] === '' && compiled[1] === '' && parts[2] === '?' &&
        typeof compiled[3] === 'string' && isDriveSegment(compiled[3])) {
      compiled[2] = '?';
    }
    ArrayPrototypePush(set, compiled);
  }
  return (file) => {
    if (windows) file = slashesOf(file);
    const segments = splitGlobPath(file, windows);
    for (let i = 0; i < set.length; i++) {
      if (matchSegments(segments, ArrayPrototypeSlice(set[i]), windows)) return true;
    }
    return false;
  };
}

function slashesOf(s) {
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    if (StringPrototypeCharCodeAt(s, i) === CHAR_BACKSLASH) {
      out += `${StringPrototypeSlice(s, from, i)}/`;
      from = i + 1;
    }
  }
  return from === 0 ? s : out + StringPrototypeSlice(s, from);
}

function isDriveSegment(s) {
  return s.length === 2 && isDriveLetter(StringPrototypeCharCodeAt(s, 0)) &&
    StringPrototypeCharCodeAt(s, 1) === CHAR_COLON;
}

// ---- brace expansion ('a{b,c}' -> 'ab', 'ac'; '{1..3}'; '{a..e..2}'; nested)

const kEscSlash = '\u0000S\u0000';
const kEscOpen = '\u0000O\u0000';
const kEscClose = '\u0000C\u0000';
const kEscComma = '\u0000M\u0000';
const kEscPeriod = '\u0000P\u0000';

function hasBraceGroup(s) {
  // A '{' followed by a '}' with no '{' or line break between them.
  let open = -1;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '{') open = i;
    else if (c === '\n' || c === '\r' || c === '\u2028' || c === '\u2029') open = -1;
    else if (c === '}' && open !== -1) return true;
  }
  return false;
}

function replaceAll(s, from, to) {
  return ArrayPrototypeJoin(StringPrototypeSplit(s, from), to);
}

function expandBraces(pattern) {
  if (!hasBraceGroup(pattern)) return [pattern];
  let s = pattern;
  if (StringPrototypeSlice(s, 0, 2) === '{}') s = `\\{\\}${StringPrototypeSlice(s, 2)}`;
  s = replaceAll(s, '\\\\', kEscSlash);
  s = replaceAll(s, '\\{', kEscOpen);
  s = replaceAll(s, '\\}', kEscClose);
  s = replaceAll(s, '\\,', kEscComma);
  s = replaceAll(s, '\\.', kEscPeriod);
  const out = expandGroup(s, true);
  for (let i = 0; i < out.length; i++) {
    let v = out[i];
    v = replaceAll(v, kEscSlash, '\\');
    v = replaceAll(v, kEscOpen, '{');
    v = replaceAll(v, kEscClose, '}');
    v = replaceAll(v, kEscComma, ',');
    out[i] = replaceAll(v, kEscPeriod, '.');
  }
  return out;
}

// The first balanced {...} of `s`: the first '}' closes the nearest unclosed '{' before it; when
// '{'s stay unclosed, the leftmost pair found is used.
function findBraces(s) {
  let ai = StringPrototypeIndexOf(s, '{');
  let bi = StringPrototypeIndexOf(s, '}', ai + 1);
  if (ai < 0 || bi <= 0) return null;
  const opens = [];
  let left = s.length;
  let right;
  let result = null;
  let i = ai;
  while (i >= 0 && result === null) {
    if (i === ai) {
      ArrayPrototypePush(opens, i);
      ai = StringPrototypeIndexOf(s, '{', i + 1);
    } else if (opens.length === 1) {
      result = [ArrayPrototypePop(opens), bi];
    } else {
      const begin = ArrayPrototypePop(opens);
      if (begin < left) {
        left = begin;
        right = bi;
      }
      bi = StringPrototypeIndexOf(s, '}', i + 1);
    }
    i = ai < bi && ai >= 0 ? ai : bi;
  }
  if (result === null && opens.length > 0 && right !== undefined) result = [left, right];
  if (result === null) return null;
  return {
    pre: StringPrototypeSlice(s, 0, result[0]),
    body: StringPrototypeSlice(s, result[0] + 1, result[1]),
    post: StringPrototypeSlice(s, result[1] + 1),
  };
}

// Splits a group body at its top-level commas.
function splitBraceBody(body) {
  if (body === '') return [''];
  const m = findBraces(body);
  if (m === null) return StringPrototypeSplit(body, ',');
  const parts = StringPrototypeSplit(m.pre, ',');
  parts[parts.length - 1] += `{${m.body}}`;
  const rest = splitBraceBody(m.post);
  if (m.post.length > 0) {
    parts[parts.length - 1] += ArrayPrototypeShift(rest);
    for (let i = 0; i < rest.length; i++) ArrayPrototypePush(parts, rest[i]);
  }
  return parts;
}

function combineBraces(acc, pre, values, dropEmpties) {
  const out = [];
  for (let a = 0; a < acc.length; a++) {
    for (let v = 0; v < values.length; v++) {
      const item = acc[a] + pre + values[v];
      if (dropEmpties && !item) continue;
      ArrayPrototypePush(out, item);
    }
  }
  return out;
}

const numericSequence = /^-?\d+\.\.-?\d+(?:\.\.-?\d+)?$/;
const alphaSequence = /^[a-zA-Z]\.\.[a-zA-Z](?:\.\.-?\d+)?$/;

function sequenceNumber(s) {
  return !NumberIsNaN(+s) ? NumberParseInt(s, 10) : StringPrototypeCharCodeAt(s, 0);
}

function expandSequence(body, alpha) {
  const n = StringPrototypeSplit(body, '..');
  const x = sequenceNumber(n[0]);
  const y = sequenceNumber(n[1]);
  const width = n[0].length > n[1].length ? n[0].length : n[1].length;
  let step = n.length === 3 ? MathMax(MathAbs(sequenceNumber(n[2])), 1) : 1;
  const reverse = y < x;
  if (reverse) step = -step;
  let pad = false;
  for (let i = 0; i < n.length; i++) {
    if (RegExpPrototypeExec(/^-?0\d/, n[i]) !== null) pad = true;
  }
  const out = [];
  for (let i = x; reverse ? i >= y : i <= y; i += step) {
    let c;
    if (alpha) {
      c = StringFromCharCode(i);
      if (c === '\\') c = '';
    } else {
      c = `${i}`;
      if (pad && width > c.length) {
        const zeros = StringPrototypeRepeat('0', width - c.length);
        c = i < 0 ? `-${zeros}${StringPrototypeSlice(c, 1)}` : zeros + c;
      }
    }
    ArrayPrototypePush(out, c);
    if (out.length >= 100000) break;
  }
  return out;
}

function expandGroup(str, isTop) {
  let acc = [''];
  let dropEmpties = false;
  let firstGroup = true;
  for (;;) {
    const m = findBraces(str);
    if (m === null) return combineBraces(acc, str, [''], dropEmpties);
    const pre = m.pre;
    if (pre.length > 0 && pre[pre.length - 1] === '$') {
      // '${...}' is left alone.
      acc = combineBraces(acc, `${pre}{${m.body}}`, [''], dropEmpties && m.post.length === 0);
      firstGroup = false;
      if (m.post.length === 0) break;
      str = m.post;
      continue;
    }
    const isNumeric = RegExpPrototypeExec(numericSequence, m.body) !== null;
    const isAlpha = !isNumeric && RegExpPrototypeExec(alphaSequence, m.body) !== null;
    const isSequence = isNumeric || isAlpha;
    const isOptions = StringPrototypeIndexOf(m.body, ',') >= 0;
    if (!isSequence && !isOptions) {
      // '{x}' is literal, unless a later '}' closes a list that starts inside it.
      if (RegExpPrototypeExec(/,(?!,).*\}/, m.post) !== null) {
        str = `${m.pre}{${m.body}${kEscClose}${m.post}`;
        isTop = true;
        continue;
      }
      return combineBraces(acc, `${pre}{${m.body}}${m.post}`, [''], dropEmpties);
    }
    if (firstGroup) {
      dropEmpties = isTop && !isSequence;
      firstGroup = false;
    }
    let values;
    if (isSequence) {
      values = expandSequence(m.body, isAlpha);
    } else {
      let n = splitBraceBody(m.body);
      if (n.length === 1 && n[0] !== undefined) {
        n = ArrayPrototypeMap(expandGroup(n[0], false), (e) => `{${e}}`);
        if (n.length === 1) {
          acc = combineBraces(acc, pre + n[0], [''], dropEmpties && m.post.length === 0);
          if (m.post.length === 0) break;
          str = m.post;
          continue;
        }
      }
      let dropsEmpties = dropEmpties && m.post.length === 0 && !pre;
      for (let d = 0; dropsEmpties && d < acc.length; d++) {
        if (acc[d]) dropsEmpties = false;
      }
      values = [];
      for (let j = 0; j < n.length; j++) {
        const sub = expandGroup(n[j], false);
        for (let k = 0; k < sub.length; k++) {
          if (dropsEmpties && !sub[k]) continue;
          ArrayPrototypePush(values, sub[k]);
        }
      }
    }
    acc = combineBraces(acc, pre, values, dropEmpties && m.post.length === 0);
    if (m.post.length === 0) break;
    str = m.post;
  }
  return acc;
}

// ---- pattern simplification (minimatch optimizationLevel 2)

// Removes '.' and empty segments inside a path (not the leading ones of '/x' or '//x').
function dropEmptySegments(parts) {
  let changed = false;
  for (let i = 1; i < parts.length - 1; i++) {
    const p = parts[i];
    if (i === 1 && p === '' && parts[0] === '') continue;
    if (p === '.' || p === '') {
      changed = true;
      ArrayPrototypeSplice(parts, i, 1);
      i--;
    }
  }
  if (parts[0] === '.' && parts.length === 2 && (parts[1] === '.' || parts[1] === '')) {
    changed = true;
    ArrayPrototypePop(parts);
  }
  return changed;
}

function simplifyPatterns(globParts) {
  let changed;
  do {
    changed = false;
    for (let n = 0; n < globParts.length; n++) {
      const parts = globParts[n];
      // '**/**' -> '**'; '**/../p/q' -> both '../p/q' and '**/p/q'.
      let gs = -1;
      while ((gs = ArrayPrototypeIndexOf(parts, '**', gs + 1)) !== -1) {
        let end = gs;
        while (parts[end + 1] === '**') end++;
        if (end > gs) ArrayPrototypeSplice(parts, gs + 1, end - gs);
        const next = parts[gs + 1];
        const p = parts[gs + 2];
        const p2 = parts[gs + 3];
        if (next !== '..') continue;
        if (!p || p === '.' || p === '..' || !p2 || p2 === '.' || p2 === '..') continue;
        changed = true;
        ArrayPrototypeSplice(parts, gs, 1);
        const other = ArrayPrototypeSlice(parts);
        other[gs] = '**';
        ArrayPrototypePush(globParts, other);
        gs--;
      }
      if (dropEmptySegments(parts)) changed = true;
      // 'p/..' -> '' (a leading 'p/../**' keeps a '.').
      let dd = 0;
      while ((dd = ArrayPrototypeIndexOf(parts, '..', dd + 1)) !== -1) {
        const p = parts[dd - 1];
        if (p && p !== '.' && p !== '..' && p !== '**') {
          changed = true;
          const needDot = dd === 1 && parts[dd + 1] === '**';
          if (needDot) ArrayPrototypeSplice(parts, dd - 1, 2, '.');
          else ArrayPrototypeSplice(parts, dd - 1, 2);
          if (parts.length === 0) ArrayPrototypePush(parts, '');
          dd -= 2;
        }
      }
    }
  } while (changed);
  return globParts;
}

// The path being matched is simplified the same way (without the '**' rules).
function simplifyFile(parts, windows) {
  parts = ArrayPrototypeSlice(parts);
  let changed;
  do {
    changed = dropEmptySegments(parts);
    let dd = 0;
    while ((dd = ArrayPrototypeIndexOf(parts, '..', dd + 1)) !== -1) {
      const p = parts[dd - 1];
      if (p && p !== '.' && p !== '..' && p !== '**' && !(windows && isDriveSegment(p))) {
        changed = true;
        ArrayPrototypeSplice(parts, dd - 1, 2);
        dd -= 2;
      }
    }
  } while (changed);
  return parts.length === 0 ? [''] : parts;
}

// ---- one segment: a literal string, kGlobstar, or an object with test(segment)

const posixClasses = [
  ['[:alnum:]', '\\p{L}\\p{Nl}\\p{Nd}', true, false],
  ['[:alpha:]', '\\p{L}\\p{Nl}', true, false],
  ['[:ascii:]', '\\x00-\\x7f', false, false],
  ['[:blank:]', '\\p{Zs}\\t', true, false],
  ['[:cntrl:]', '\\p{Cc}', true, false],
  ['[:digit:]', '\\p{Nd}', true, false],
  ['[:graph:]', '\\p{Z}\\p{C}', true, true],
  ['[:lower:]', '\\p{Ll}', true, false],
  ['[:print:]', '\\p{C}', true, false],
  ['[:punct:]', '\\p{P}', true, false],
  ['[:space:]', '\\p{Z}\\t\\r\\n\\v\\f', true, false],
  ['[:upper:]', '\\p{Lu}', true, false],
  ['[:word:]', '\\p{L}\\p{Nl}\\p{Nd}\\p{Pc}', true, false],
  ['[:xdigit:]', 'A-Fa-f0-9', false, false],
];

function escapeInClass(s) {
  return RegExpPrototypeSymbolReplace(/[[\]\\-]/g, s, '\\$&');
}

function escapeRegExp(s) {
  return RegExpPrototypeSymbolReplace(/[-[\]{}()*+?.,\\^$|#\s]/g, s, '\\$&');
}

// A bracket expression at glob[pos] === '['. Returns [source, needsUnicode, consumed, magic];
// consumed 0 means the '[' is literal.
function parseClass(glob, pos) {
  const ranges = [];
  const negs = [];
  let i = pos + 1;
  let sawStart = false;
  let unicode = false;
  let escaping = false;
  let negate = false;
  let endPos = pos;
  let rangeStart = '';
  outer:
  while (i < glob.length) {
    const c = glob[i];
    if ((c === '!' || c === '^') && i === pos + 1) {
      negate = true;
      i++;
      continue;
    }
    if (c === ']' && sawStart && !escaping) {
      endPos = i + 1;
      break;
    }
    sawStart = true;
    if (c === '\\' && !escaping) {
      escaping = true;
      i++;
      continue;
    }
    if (c === '[' && !escaping) {
      for (let k = 0; k < posixClasses.length; k++) {
        const name = posixClasses[k][0];
        if (StringPrototypeStartsWith(glob, name, i)) {
          if (rangeStart) return ['$.', false, glob.length - pos, true];
          i += name.length;
          ArrayPrototypePush(posixClasses[k][3] ? negs : ranges, posixClasses[k][1]);
          unicode = unicode || posixClasses[k][2];
          continue outer;
        }
      }
    }
    escaping = false;
    if (rangeStart) {
      if (c > rangeStart) ArrayPrototypePush(ranges, `${escapeInClass(rangeStart)}-${escapeInClass(c)}`);
      else if (c === rangeStart) ArrayPrototypePush(ranges, escapeInClass(c));
      rangeStart = '';
      i++;
      continue;
    }
    if (StringPrototypeStartsWith(glob, '-]', i + 1)) {
      ArrayPrototypePush(ranges, escapeInClass(`${c}-`));
      i += 2;
      continue;
    }
    if (StringPrototypeStartsWith(glob, '-', i + 1)) {
      rangeStart = c;
      i += 2;
      continue;
    }
    ArrayPrototypePush(ranges, escapeInClass(c));
    i++;
  }
  if (endPos < i) return ['', false, 0, false];
  if (ranges.length === 0 && negs.length === 0) return ['$.', false, glob.length - pos, true];
  if (negs.length === 0 && ranges.length === 1 && RegExpPrototypeExec(/^\\?.$/, ranges[0]) !== null && !negate) {
    const r = ranges[0].length === 2 ? StringPrototypeSlice(ranges[0], -1) : ranges[0];
    return [escapeRegExp(r), false, endPos - pos, false];
  }
  const sranges = `[${negate ? '^' : ''}${ArrayPrototypeJoin(ranges, '')}]`;
  const snegs = `[${negate ? '' : '^'}${ArrayPrototypeJoin(negs, '')}]`;
  const combined = ranges.length && negs.length ? `(${sranges}|${snegs})` :
    ranges.length ? sranges : snegs;
  return [combined, unicode, endPos - pos, true];
}

// The plain text of a segment without magic: backslash escapes and one-character classes such
// as '[*]' are removed.
function unescapeGlob(s) {
  s = RegExpPrototypeSymbolReplace(/((?!\\).|^)\[([^/\\])\]/g, s, '$1$2');
  return RegExpPrototypeSymbolReplace(/\\([^/])/g, s, '$1');
}

const reSpecials = '().*{}+?[]^$\\!';
const kQmark = '[^/]';
const kStar = '[^/]*?';
const kStarNoEmpty = '[^/]+?';
const kNoDot = '(?!\\.)';
const kNoTraversal = '(?!(?:^|/)\\.\\.?(?:$|/))';

// A run of plain glob text to regexp source: [source, magic, unicode].
function globTextToRegExp(glob, noEmpty) {
  let escaping = false;
  let re = '';
  let magic = false;
  let unicode = false;
  let inStar = false;
  const allStars = RegExpPrototypeExec(/^[*]+$/, glob) !== null;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (escaping) {
      escaping = false;
      re += (StringPrototypeIndexOf(reSpecials, c) !== -1 ? '\\' : '') + c;
      continue;
    }
    if (c === '*') {
      if (inStar) continue;
      inStar = true;
      re += noEmpty && allStars ? kStarNoEmpty : kStar;
      magic = true;
      continue;
    }
    inStar = false;
    if (c === '\\') {
      if (i === glob.length - 1) re += '\\\\';
      else escaping = true;
      continue;
    }
    if (c === '[') {
      const cls = parseClass(glob, i);
      const consumed = cls[2];
      if (consumed) {
        re += cls[0];
        unicode = unicode || cls[1];
        i += consumed - 1;
        magic = magic || cls[3];
        continue;
      }
    }
    if (c === '?') {
      re += kQmark;
      magic = true;
      continue;
    }
    re += escapeRegExp(c);
  }
  return [re, magic, unicode];
}

// Extglob parsing: a segment becomes a tree of nodes { type, parts, parent, empty } where type
// is null for a plain sequence (parts are strings and extglob nodes) or one of '!?+*@' for an
// extglob (parts are its alternatives, plain sequences). Extglobs nest two deep, deeper when the
// inner one can be merged into the outer one (see flattenExtglobs).
function isExtglobType(c) {
  return c === '!' || c === '?' || c === '+' || c === '*' || c === '@';
}

// outer type -> inner types whose alternatives can be merged into it
const adoptable = { __proto__: null, '!': '@', '?': '?@', '@': '@', '*': '*+?@', '+': '+@' };
const adoptableWithEmpty = { __proto__: null, '!': '?', '@': '?', '+': '?*' };
const adoptableAny = { __proto__: null, '!': '?@', '?': '?@', '@': '?@', '*': '*+?@', '+': '+@?*' };
// outer type -> { inner type -> the type of the merged node }, for an extglob whose only
// alternative is another extglob
const usurpable = {
  __proto__: null,
  '!': { __proto__: null, '!': '@' },
  '?': { __proto__: null, '*': '*', '+': '*' },
  '@': { __proto__: null, '!': '!', '?': '?', '@': '@', '*': '*', '+': '+' },
  '+': { __proto__: null, '?': '*', '*': '*' },
};

function canAdoptType(outer, inner, table) {
  const list = outer === null ? undefined : table[outer];
  return list !== undefined && StringPrototypeIndexOf(list, inner) !== -1;
}

function newNode(type, parent, context) {
  const node = { type, parts: [], parent, empty: false };
  if (type === '!') ArrayPrototypePush(context.negations, node);
  return node;
}

function pushPart(node, part) {
  if (part !== '') ArrayPrototypePush(node.parts, part);
}

// Reads str from pos into node; returns the index after what it consumed.
function parseExtglobs(str, node, pos, depth, context) {
  let escaping = false;
  let inClass = false;
  let classStart = -1;
  let classNeg = false;
  // Inside [...] nothing is an extglob; a ']' right after '[' or '[!' is a member.
  const classChar = (c, i) => {
    if (inClass) {
      if (i === classStart + 1) {
        if (c === '^' || c === '!') classNeg = true;
      } else if (c === ']' && !(i === classStart + 2 && classNeg)) {
        inClass = false;
      }
      return true;
    }
    if (c === '[') {
      inClass = true;
      classStart = i;
      classNeg = false;
      return true;
    }
    return false;
  };
  if (node.type === null) {
    let i = pos;
    let acc = '';
    while (i < str.length) {
      const c = str[i++];
      if (escaping || c === '\\') {
        escaping = !escaping;
        acc += c;
        continue;
      }
      if (classChar(c, i)) {
        acc += c;
        continue;
      }
      if (isExtglobType(c) && str[i] === '(' && depth <= 2) {
        pushPart(node, acc);
        acc = '';
        const ext = newNode(c, node, context);
        i = parseExtglobs(str, ext, i, depth + 1, context);
        pushPart(node, ext);
        continue;
      }
      acc += c;
    }
    pushPart(node, acc);
    return i;
  }
  let i = pos + 1;
  let part = newNode(null, node, context);
  const alternatives = [];
  let acc = '';
  while (i < str.length) {
    const c = str[i++];
    if (escaping || c === '\\') {
      escaping = !escaping;
      acc += c;
      continue;
    }
    if (classChar(c, i)) {
      acc += c;
      continue;
    }
    if (isExtglobType(c) && str[i] === '(' &&
        (depth <= 2 || canAdoptType(node.type, c, adoptableAny))) {
      const add = canAdoptType(node.type, c, adoptableAny) ? 0 : 1;
      pushPart(part, acc);
      acc = '';
      const ext = newNode(c, part, context);
      pushPart(part, ext);
      i = parseExtglobs(str, ext, i, depth + add, context);
      continue;
    }
    if (c === '|') {
      pushPart(part, acc);
      acc = '';
      ArrayPrototypePush(alternatives, part);
      part = newNode(null, node, context);
      continue;
    }
    if (c === ')') {
      // Node treats a negation whose last alternative ends empty ('!()', '!(a|)') as "anything".
      if (acc === '' && node.parts.length === 0) node.empty = true;
      pushPart(part, acc);
      acc = '';
      for (let k = 0; k < alternatives.length; k++) pushPart(node, alternatives[k]);
      pushPart(node, part);
      return i;
    }
    acc += c;
  }
  // Unclosed: the extglob is literal text.
  node.type = null;
  node.parts = [StringPrototypeSlice(str, pos - 1)];
  return i;
}

// Replaces array[index] with the items.
function spliceIn(array, index, items) {
  const rest = ArrayPrototypeSlice(array, index + 1);
  array.length = index;
  for (let i = 0; i < items.length; i++) ArrayPrototypePush(array, items[i]);
  for (let i = 0; i < rest.length; i++) ArrayPrototypePush(array, rest[i]);
}

function reparent(parts, parent) {
  for (let i = 0; i < parts.length; i++) {
    if (typeof parts[i] !== 'string') parts[i].parent = parent;
  }
}

// The single extglob inside a plain-sequence alternative `child`, or null.
function soleExtglob(child) {
  if (typeof child === 'string' || child.type !== null || child.parts.length !== 1) return null;
  const inner = child.parts[0];
  return typeof inner !== 'string' && inner.type !== null ? inner : null;
}

// Node's simplifications of nested extglobs, which change what some of them match:
// '@(a|@(b|c))' -> '@(a|b|c)', '@(a|?(b))' -> '@(a|b|)', '!(!(x))' -> '@(x)'...
function flattenExtglobs(node) {
  if (node.type === null) {
    for (let i = 0; i < node.parts.length; i++) {
      if (typeof node.parts[i] !== 'string') flattenExtglobs(node.parts[i]);
    }
    return;
  }
  let iterations = 0;
  let done;
  do {
    done = true;
    for (let i = 0; i < node.parts.length; i++) {
      const child = node.parts[i];
      if (typeof child === 'string') continue;
      flattenExtglobs(child);
      const inner = soleExtglob(child);
      if (inner !== null && canAdoptType(node.type, inner.type, adoptable)) {
        done = false;
        reparent(inner.parts, node);
        spliceIn(node.parts, i, inner.parts);
      } else if (inner !== null && canAdoptType(node.type, inner.type, adoptableWithEmpty)) {
        done = false;
        const blank = { type: null, parts: [''], parent: inner, empty: false };
        ArrayPrototypePush(inner.parts, blank);
        reparent(inner.parts, node);
        spliceIn(node.parts, i, inner.parts);
      } else if (inner !== null && node.parts.length === 1 && usurpable[node.type] !== undefined &&
                 usurpable[node.type][inner.type] !== undefined) {
        done = false;
        node.parts = inner.parts;
        reparent(node.parts, node);
        node.type = usurpable[node.type][inner.type];
        node.empty = false;
      }
    }
  } while (!done && ++iterations < 10);
}

// Whether `node` is at the start of its segment (only negated extglobs before it).
function nodeIsStart(node) {
  const parent = node.parent;
  if (parent === undefined) return true;
  if (!nodeIsStart(parent)) return false;
  const index = ArrayPrototypeIndexOf(parent.parts, node);
  if (parent.type !== null) return true;
  for (let i = 0; i < index; i++) {
    const p = parent.parts[i];
    if (typeof p === 'string' || p.type !== '!') return false;
  }
  return true;
}

function nodeIsEnd(node) {
  const parent = node.parent;
  if (parent === undefined) return true;
  if (parent.type === '!') return true;
  if (!nodeIsEnd(parent)) return false;
  if (node.type === null) return true;
  return ArrayPrototypeIndexOf(parent.parts, node) === parent.parts.length - 1;
}

// [source, magic, unicode] for a tree node.
function nodeToRegExp(node, dot, allowDot) {
  if (node.type === null) {
    const noEmpty = nodeIsStart(node) && nodeIsEnd(node) &&
      !ArrayPrototypeSome(node.parts, (p) => typeof p !== 'string');
    let src = '';
    let magic = false;
    let unicode = false;
    for (let i = 0; i < node.parts.length; i++) {
      const p = node.parts[i];
      const r = typeof p === 'string' ? globTextToRegExp(p, noEmpty) : nodeToRegExp(p, dot, allowDot);
      src += r[0];
      magic = magic || r[1];
      unicode = unicode || r[2];
    }
    let start = '';
    if (nodeIsStart(node) && typeof node.parts[0] === 'string') {
      const justDots = node.parts.length === 1 && (node.parts[0] === '.' || node.parts[0] === '..');
      if (!justDots) {
        const first = src[0];
        const needNoTraversal = (allowDot && (first === '[' || first === '.')) ||
          (StringPrototypeStartsWith(src, '\\.') && (src[2] === '[' || src[2] === '.')) ||
          (StringPrototypeStartsWith(src, '\\.\\.') && (src[4] === '[' || src[4] === '.'));
        const needNoDot = !allowDot && (first === '[' || first === '.');
        start = needNoTraversal ? kNoTraversal : needNoDot ? kNoDot : '';
      }
    }
    const end = nodeIsEnd(node) && node.parent !== undefined && node.parent.type === '!' ? '(?:$|\\/)' : '';
    return [start + src + end, magic, unicode];
  }
  const repeated = node.type === '*' || node.type === '+';
  let unicode = false;
  const alternatives = (allow) => {
    const srcs = [];
    for (let i = 0; i < node.parts.length; i++) {
      const r = nodeToRegExp(node.parts[i], dot, allow);
      unicode = unicode || r[2];
      if (!(nodeIsStart(node) && nodeIsEnd(node)) || r[0]) ArrayPrototypePush(srcs, r[0]);
    }
    return ArrayPrototypeJoin(srcs, '|');
  };
  let body = alternatives(allowDot);
  if (nodeIsStart(node) && nodeIsEnd(node) && !body && node.type !== '!') {
    // An empty extglob at the end of its segment, with only negations before it, is its own
    // text, put into the regexp as it is (as in Node, where '!()+()' is then an invalid regexp).
    const text = extglobText(node);
    node.type = null;
    node.parts = [text];
    return [text, false, false];
  }
  let bodyDotAllowed = !repeated || allowDot ? '' : alternatives(true);
  if (bodyDotAllowed === body) bodyDotAllowed = '';
  if (bodyDotAllowed) body = `(?:${body})(?:${bodyDotAllowed})*?`;
  let src;
  if (node.type === '!' && node.empty) {
    src = (nodeIsStart(node) ? kNoDot : '') + kStarNoEmpty;
  } else if (node.type === '!') {
    src = `(?:(?!(?:${body}))${nodeIsStart(node) && !allowDot ? kNoDot : ''}${kStar})`;
  } else {
    const close = node.type === '@' ? ')' : node.type === '?' ? ')?' :
      node.type === '+' && bodyDotAllowed ? ')' : node.type === '*' && bodyDotAllowed ? ')?' :
      `)${node.type}`;
    src = `(?:${body}${close}`;
  }
  return [src, true, unicode];
}

function extglobText(node) {
  if (node.type === null) {
    return ArrayPrototypeJoin(ArrayPrototypeMap(node.parts, (p) => (typeof p === 'string' ? p : extglobText(p))), '');
  }
  return `${node.type}(${ArrayPrototypeJoin(ArrayPrototypeMap(node.parts, extglobText), '|')})`;
}

// Copies what follows each negated extglob (in every enclosing plain sequence) into its
// alternatives, so that '!(a)b' rejects 'ab'. Only extglobs written as '!(' count, the most
// recent first, as in Node.
function attachNegationTails(negations) {
  for (let n = negations.length - 1; n >= 0; n--) {
    const neg = negations[n];
    if (neg.type !== '!') continue;
    let child = neg;
    let parent = neg.parent;
    while (parent !== undefined) {
      if (parent.type === null) {
        const index = ArrayPrototypeIndexOf(parent.parts, child);
        for (let k = index + 1; k < parent.parts.length; k++) {
          const following = parent.parts[k];
          for (let a = 0; a < neg.parts.length; a++) {
            const alt = neg.parts[a];
            pushPart(alt, typeof following === 'string' ? following : cloneNode(following, alt));
          }
        }
      }
      child = parent;
      parent = parent.parent;
    }
  }
}

function cloneNode(node, parent) {
  const copy = { type: node.type, parts: [], parent, empty: false };
  for (let i = 0; i < node.parts.length; i++) {
    const p = node.parts[i];
    pushPart(copy, typeof p === 'string' ? p : cloneNode(p, copy));
  }
  return copy;
}

function compileSegment(segment) {
  if (segment === '**') return kGlobstar;
  if (segment === '') return '';
  const context = { negations: [] };
  const root = { type: null, parts: [], parent: undefined, empty: false };
  parseExtglobs(segment, root, 0, 0, context);
  flattenExtglobs(root);
  attachNegationTails(context.negations);
  const compiled = nodeToRegExp(root, false, false);
  const src = compiled[0];
  const magic = compiled[1];
  const unicode = compiled[2];
  if (!magic) return unescapeGlob(src);
  // As in Node, a class such as [[:alpha:]] next to an escaped character can make an invalid
  // 'u' regexp, and the SyntaxError reaches the caller.
  const re = new RegExp(`^${src}$`, unicode ? 'u' : '');
  return { test: (s) => RegExpPrototypeExec(re, s) !== null };
}

// ---- matching a path (split in segments) against one pattern

function segmentMatches(p, f) {
  return typeof p === 'string' ? f === p : p.test(f);
}

function isDotSegment(f) {
  return f === '.' || f === '..' || (f.length > 0 && StringPrototypeCharCodeAt(f, 0) === CHAR_DOT);
}

function matchSegments(file, pattern, windows) {
  let fileStart = 0;
  let patternStart = 0;
  if (windows) {
    // Drive letters compare case-insensitively ('c:/x' matches 'C:/*').
    const fileDrive = typeof file[0] === 'string' && isDriveSegment(file[0]);
    const fileLong = !fileDrive && file[0] === '' && file[1] === '' && file[2] === '?' &&
      typeof file[3] === 'string' && isDriveSegment(file[3]);
    const patternDrive = typeof pattern[0] === 'string' && isDriveSegment(pattern[0]);
    const patternLong = !patternDrive && pattern[0] === '' && pattern[1] === '' && pattern[2] === '?' &&
      typeof pattern[3] === 'string' && isDriveSegment(pattern[3]);
    const fdi = fileLong ? 3 : fileDrive ? 0 : -1;
    const pdi = patternLong ? 3 : patternDrive ? 0 : -1;
    if (fdi !== -1 && pdi !== -1 &&
        StringPrototypeToLowerCase(file[fdi]) === StringPrototypeToLowerCase(pattern[pdi])) {
      pattern[pdi] = file[fdi];
      patternStart = pdi;
      fileStart = fdi;
    }
  }
  file = simplifyFile(file, windows);
  if (ArrayPrototypeIncludes(pattern, kGlobstar)) {
    return matchWithGlobstar(file, pattern, fileStart, patternStart);
  }
  return matchPlain(file, pattern, fileStart, patternStart);
}

// Segment by segment; a trailing empty segment (a path ending in '/') is allowed.
function matchPlain(file, pattern, fi, pi) {
  const fl = file.length;
  const pl = pattern.length;
  for (; fi < fl && pi < pl; fi++, pi++) {
    const p = pattern[pi];
    if (p === kGlobstar || !segmentMatches(p, file[fi])) return false;
  }
  if (fi === fl && pi === pl) return true;
  if (fi === fl) return false;
  return fi === fl - 1 && file[fi] === '';
}

// head ** body ** ... ** tail: the head and tail are anchored at the ends; each body section
// between two '**' is searched for left to right; segments that a '**' spans must not be dot
// segments.
function matchWithGlobstar(file, pattern, fileIndex, patternIndex) {
  const first = ArrayPrototypeIndexOf(pattern, kGlobstar, patternIndex);
  const last = ArrayPrototypeLastIndexOf(pattern, kGlobstar);
  const head = ArrayPrototypeSlice(pattern, patternIndex, first);
  const body = ArrayPrototypeSlice(pattern, first + 1, last);
  const tail = ArrayPrototypeSlice(pattern, last + 1);
  if (head.length > 0) {
    const fileHead = ArrayPrototypeSlice(file, fileIndex, fileIndex + head.length);
    if (!matchPlain(fileHead, head, 0, 0)) return false;
    fileIndex += head.length;
  }
  let tailLength = 0;
  if (tail.length > 0) {
    if (tail.length + fileIndex > file.length) return false;
    let tailStart = file.length - tail.length;
    if (matchPlain(file, tail, tailStart, 0)) {
      tailLength = tail.length;
    } else {
      // 'x/' may end with the tail and an empty segment.
      if (file[file.length - 1] !== '' || fileIndex + tail.length === file.length) return false;
      tailStart--;
      if (!matchPlain(file, tail, tailStart, 0)) return false;
      tailLength = tail.length + 1;
    }
  }
  if (body.length === 0) {
    let sawSome = tailLength > 0;
    for (let i = fileIndex; i < file.length - tailLength; i++) {
      sawSome = true;
      if (isDotSegment(`${file[i]}`)) return false;
    }
    return sawSome;
  }
  const sections = [[[], 0]];
  let current = sections[0];
  let nonGlobstar = 0;
  const sums = [0];
  for (let i = 0; i < body.length; i++) {
    if (body[i] === kGlobstar) {
      ArrayPrototypePush(sums, nonGlobstar);
      current = [[], 0];
      ArrayPrototypePush(sections, current);
    } else {
      ArrayPrototypePush(current[0], body[i]);
      nonGlobstar++;
    }
  }
  let k = sections.length - 1;
  const fileLength = file.length - tailLength;
  for (let i = 0; i < sections.length; i++) {
    sections[i][1] = fileLength - (sums[k--] + sections[i][0].length);
  }
  return !!matchSections(file, sections, fileIndex, 0, 0, tailLength > 0);
}

// false: no match; null: no match and no point in trying further.
function matchSections(file, sections, fileIndex, sectionIndex, depth, sawTail) {
  const section = sections[sectionIndex];
  if (section === undefined) {
    for (let i = fileIndex; i < file.length; i++) {
      sawTail = true;
      if (isDotSegment(file[i])) return false;
    }
    return sawTail;
  }
  const body = section[0];
  const after = section[1];
  while (fileIndex <= after) {
    const m = matchPlain(ArrayPrototypeSlice(file, 0, fileIndex + body.length), body, fileIndex, 0);
    if (m && depth < 200) {
      const sub = matchSections(file, sections, fileIndex + body.length, sectionIndex + 1, depth + 1, sawTail);
      if (sub !== false) return sub;
    }
    const f = file[fileIndex];
    if (f === undefined || isDotSegment(f)) return false;
    fileIndex++;
  }
  return null;
}

module.exports = { globMatcher };
