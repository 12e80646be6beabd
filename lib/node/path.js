'use strict';
// node:path. `posix` and `win32` are both complete on every platform; the module itself is the
// flavour of the host (posix here). The results, including Node's quirks around Windows device
// names (CVE-2024-36139 and the reserved-name rules of Node 24), are checked against Node by
// tests/js/path.test.js on generated paths.

const {
  ArrayIsArray,
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
  FunctionPrototypeBind,
  MathAbs,
  MathMax,
  NumberIsNaN,
  NumberParseInt,
  ObjectDefineProperty,
  RegExp,
  RegExpPrototypeExec,
  RegExpPrototypeSymbolReplace,
  RegExpPrototypeSymbolSplit,
  SafeMap,
  SafeSet,
  StringFromCharCode,
  StringPrototypeCharCodeAt,
  StringPrototypeIndexOf,
  StringPrototypeLastIndexOf,
  StringPrototypeRepeat,
  StringPrototypeSlice,
  StringPrototypeSplit,
  StringPrototypeStartsWith,
  StringPrototypeToLowerCase,
  StringPrototypeToUpperCase,
} = primordials;

const { codes: { ERR_INVALID_ARG_TYPE } } = require('internal/errors');

const CHAR_SLASH = 47;      // '/'
const CHAR_BACKSLASH = 92;  // '\\'
const CHAR_DOT = 46;        // '.'
const CHAR_COLON = 58;      // ':'
const CHAR_QUESTION = 63;   // '?'

function validateString(value, name) {
  if (typeof value !== 'string') throw new ERR_INVALID_ARG_TYPE(name, 'string', value);
}

function validateObject(value, name) {
  if (value === null || typeof value !== 'object' || ArrayIsArray(value)) {
    throw new ERR_INVALID_ARG_TYPE(name, 'object', value);
  }
}

function isSlash(code) {
  return code === CHAR_SLASH;
}

function isEitherSlash(code) {
  return code === CHAR_SLASH || code === CHAR_BACKSLASH;
}

// A drive letter, as in 'C:'.
function isDriveLetter(code) {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function hasDrivePrefix(path) {
  return path.length >= 2 && isDriveLetter(StringPrototypeCharCodeAt(path, 0)) &&
    StringPrototypeCharCodeAt(path, 1) === CHAR_COLON;
}

const reservedDeviceNames = [
  'CON', 'PRN', 'AUX', 'NUL',
  'COM1', 'COM2', 'COM3', 'COM4', 'COM5', 'COM6', 'COM7', 'COM8', 'COM9',
  'LPT1', 'LPT2', 'LPT3', 'LPT4', 'LPT5', 'LPT6', 'LPT7', 'LPT8', 'LPT9',
  'COM\u00b9', 'COM\u00b2', 'COM\u00b3', 'LPT\u00b9', 'LPT\u00b2', 'LPT\u00b3',
];

// Whether the text before `colon` names a Windows device (CON, COM1...). As in Node, a colon
// index of -1 means "all but the last character".
function namesReservedDevice(path, colon) {
  return ArrayPrototypeIncludes(reservedDeviceNames,
                                StringPrototypeToUpperCase(StringPrototypeSlice(path, 0, colon)));
}

// Resolves '.' and '..' segments; empty segments disappear. With `keepAbove`, '..' that would climb
// above the start is kept (relative paths); otherwise it is dropped (absolute paths).
function normalizeSegments(path, keepAbove, sep, isSep) {
  const out = [];
  let start = 0;
  const len = path.length;
  for (let i = 0; i <= len; i++) {
    if (i < len && !isSep(StringPrototypeCharCodeAt(path, i))) continue;
    const length = i - start;
    if (length === 0 || (length === 1 && StringPrototypeCharCodeAt(path, start) === CHAR_DOT)) {
      start = i + 1;
      continue;
    }
    const segment = StringPrototypeSlice(path, start, i);
    start = i + 1;
    if (segment === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.length--;
      else if (keepAbove) ArrayPrototypePush(out, '..');
    } else {
      ArrayPrototypePush(out, segment);
    }
  }
  return ArrayPrototypeJoin(out, sep);
}

function formatExt(ext) {
  return ext ? `${ext[0] === '.' ? '' : '.'}${ext}` : '';
}

function formatPath(sep, pathObject) {
  validateObject(pathObject, 'pathObject');
  const dir = pathObject.dir || pathObject.root;
  const base = pathObject.base || `${pathObject.name || ''}${formatExt(pathObject.ext)}`;
  if (!dir) return base;
  return dir === pathObject.root ? `${dir}${base}` : `${dir}${sep}${base}`;
}

// The last path component, minus `suffix` when it ends with it, scanning from `start` (past a
// drive letter on Windows).
function basenameOf(path, suffix, start, isSep) {
  let end = path.length;
  // Trailing separators do not count.
  while (end > start && isSep(StringPrototypeCharCodeAt(path, end - 1))) end--;
  let begin = end;
  while (begin > start && !isSep(StringPrototypeCharCodeAt(path, begin - 1))) begin--;
  if (suffix === undefined || suffix.length === 0 || suffix.length > path.length) {
    return StringPrototypeSlice(path, begin, end);
  }
  if (suffix === path) return '';
  // Only separators after `start`: Node returns them.
  if (end === begin) return StringPrototypeSlice(path, begin, path.length);
  // The suffix is compared with the component from their right ends. A mismatch leaves the
  // component whole, and so does a suffix equal to the whole component. When the component runs
  // out first (it is a proper tail of the suffix), Node returns it with its trailing separators.
  const componentLength = end - begin;
  const n = suffix.length < componentLength ? suffix.length : componentLength;
  for (let k = 1; k <= n; k++) {
    if (StringPrototypeCharCodeAt(path, end - k) !== StringPrototypeCharCodeAt(suffix, suffix.length - k)) {
      return StringPrototypeSlice(path, begin, end);
    }
  }
  if (suffix.length > componentLength) return StringPrototypeSlice(path, begin, path.length);
  if (suffix.length === componentLength) return StringPrototypeSlice(path, begin, end);
  return StringPrototypeSlice(path, begin, end - suffix.length);
}

// The last component of `path` after `start` and its extension: [ext, begin, end, dot], where
// dot is -1 when there is no extension. The extension runs from the last dot, unless that dot
// starts the component or the component is '..'. `dotDotStart` is where a component must start to
// count as '..' (Node's posix parse() checks it against 0 even after the root).
function extOf(path, start, isSep, dotDotStart) {
  let end = path.length;
  while (end > start && isSep(StringPrototypeCharCodeAt(path, end - 1))) end--;
  let begin = end;
  while (begin > start && !isSep(StringPrototypeCharCodeAt(path, begin - 1))) begin--;
  if (end === begin) return ['', begin, end, -1];
  const dot = StringPrototypeLastIndexOf(path, '.', end - 1);
  if (dot <= begin) return ['', begin, end, -1];
  const partStart = dotDotStart === undefined || begin > start ? begin : dotDotStart;
  if (dot === end - 1 && dot === partStart + 1 && end - begin === 2 &&
      StringPrototypeCharCodeAt(path, begin) === CHAR_DOT) {
    return ['', begin, end, -1];
  }
  return [StringPrototypeSlice(path, dot, end), begin, end, dot];
}

// ---------------------------------------------------------------------------------------------
// win32

function slashesToBackslashes(path) {
  let out = '';
  let from = 0;
  for (let i = 0; i < path.length; i++) {
    if (StringPrototypeCharCodeAt(path, i) === CHAR_SLASH) {
      out += `${StringPrototypeSlice(path, from, i)}\\`;
      from = i + 1;
    }
  }
  return from === 0 ? path : out + StringPrototypeSlice(path, from);
}

// `\\server\share` at the start of `path`: returns the index after `share`, the server part and
// the share part, or null. Either separator counts, repeated separators between the parts too.
function matchUNC(path) {
  const len = path.length;
  if (len < 2 || !isEitherSlash(StringPrototypeCharCodeAt(path, 0)) ||
      !isEitherSlash(StringPrototypeCharCodeAt(path, 1))) {
    return null;
  }
  let j = 2;
  while (j < len && !isEitherSlash(StringPrototypeCharCodeAt(path, j))) j++;
  if (j === len || j === 2) return null;
  const server = StringPrototypeSlice(path, 2, j);
  while (j < len && isEitherSlash(StringPrototypeCharCodeAt(path, j))) j++;
  if (j === len) return null;
  const shareStart = j;
  while (j < len && !isEitherSlash(StringPrototypeCharCodeAt(path, j))) j++;
  return { end: j, server, share: StringPrototypeSlice(path, shareStart, j) };
}

function win32Resolve(...args) {
  let device = '';
  let tail = '';
  let absolute = false;

  for (let i = args.length - 1; i >= -1; i--) {
    let path;
    if (i >= 0) {
      path = args[i];
      validateString(path, `paths[${i}]`);
      if (path.length === 0) continue;
    } else if (device.length === 0) {
      path = process.cwd();
      // resolve(), resolve('') and resolve('.') are the current directory, written with
      // backslashes.
      if (args.length === 0 || ((args.length === 1 && (args[0] === '' || args[0] === '.')) &&
          isEitherSlash(StringPrototypeCharCodeAt(path, 0)))) {
        return slashesToBackslashes(path);
      }
    } else {
      // A drive-relative path ('C:foo') resolves against that drive's current directory, which
      // Windows keeps in the environment as '=C:'; else the process's, when it is on that drive.
      path = process.env[`=${device}`] || process.cwd();
      if (path === undefined ||
          (StringPrototypeToLowerCase(StringPrototypeSlice(path, 0, 2)) !== StringPrototypeToLowerCase(device) &&
           StringPrototypeCharCodeAt(path, 2) === CHAR_BACKSLASH)) {
        path = `${device}\\`;
      }
    }

    const len = path.length;
    const code = StringPrototypeCharCodeAt(path, 0);
    let rootEnd = 0;
    let thisDevice = '';
    let isAbsolute = false;
    if (len === 1) {
      if (isEitherSlash(code)) {
        rootEnd = 1;
        isAbsolute = true;
      }
    } else if (isEitherSlash(code)) {
      isAbsolute = true;
      if (isEitherSlash(StringPrototypeCharCodeAt(path, 1))) {
        const unc = matchUNC(path);
        if (unc !== null) {
          if (unc.server === '.' || unc.server === '?') {
            thisDevice = `\\\\${unc.server}`;
            rootEnd = 4;
          } else {
            thisDevice = `\\\\${unc.server}\\${unc.share}`;
            rootEnd = unc.end;
          }
        }
      } else {
        rootEnd = 1;
      }
    } else if (hasDrivePrefix(path)) {
      thisDevice = StringPrototypeSlice(path, 0, 2);
      rootEnd = 2;
      if (len > 2 && isEitherSlash(StringPrototypeCharCodeAt(path, 2))) {
        isAbsolute = true;
        rootEnd = 3;
      }
    }

    if (thisDevice.length > 0) {
      if (device.length > 0) {
        // A path on another device does not apply.
        if (StringPrototypeToLowerCase(thisDevice) !== StringPrototypeToLowerCase(device)) continue;
      } else {
        device = thisDevice;
      }
    }

    if (absolute) {
      if (device.length > 0) break;
    } else {
      tail = `${StringPrototypeSlice(path, rootEnd)}\\${tail}`;
      absolute = isAbsolute;
      if (isAbsolute && device.length > 0) break;
    }
  }

  tail = normalizeSegments(tail, !absolute, '\\', isEitherSlash);
  return absolute ? `${device}\\${tail}` : `${device}${tail}` || '.';
}

function win32Normalize(path) {
  validateString(path, 'path');
  const len = path.length;
  if (len === 0) return '.';
  const code = StringPrototypeCharCodeAt(path, 0);
  if (len === 1) return code === CHAR_SLASH ? '\\' : path;

  let rootEnd = 0;
  let device;
  let isAbsolute = false;
  if (isEitherSlash(code)) {
    isAbsolute = true;
    if (isEitherSlash(StringPrototypeCharCodeAt(path, 1))) {
      const unc = matchUNC(path);
      if (unc !== null) {
        if (unc.server === '.' || unc.server === '?') {
          device = `\\\\${unc.server}`;
          rootEnd = 4;
          // '\\?\COM1:...': the device name belongs to the root.
          const colon = StringPrototypeIndexOf(path, ':');
          const named = StringPrototypeSlice(path, 4, colon + 1);
          if (namesReservedDevice(named, named.length - 1)) {
            device = `\\\\?\\${named}`;
            rootEnd = 4 + named.length;
          }
        } else if (unc.end === len) {
          // Only a UNC root: it is returned with a trailing separator.
          return `\\\\${unc.server}\\${unc.share}\\`;
        } else {
          device = `\\\\${unc.server}\\${unc.share}`;
          rootEnd = unc.end;
        }
      }
    } else {
      rootEnd = 1;
    }
  } else {
    const colon = StringPrototypeIndexOf(path, ':');
    if (colon > 0) {
      if (colon === 1 && isDriveLetter(code)) {
        device = StringPrototypeSlice(path, 0, 2);
        rootEnd = 2;
        if (len > 2 && isEitherSlash(StringPrototypeCharCodeAt(path, 2))) {
          isAbsolute = true;
          rootEnd = 3;
        }
      } else if (namesReservedDevice(path, colon)) {
        device = StringPrototypeSlice(path, 0, colon + 1);
        rootEnd = colon + 1;
      }
    }
  }

  let tail = rootEnd < len ?
    normalizeSegments(StringPrototypeSlice(path, rootEnd), !isAbsolute, '\\', isEitherSlash) : '';
  if (tail.length === 0 && !isAbsolute) tail = '.';
  if (tail.length > 0 && isEitherSlash(StringPrototypeCharCodeAt(path, len - 1))) tail += '\\';

  // A relative path with a colon must not come out looking like a drive ('C:') or a stream of
  // a device: then it is prefixed with '.\' (CVE-2024-36139).
  if (!isAbsolute && device === undefined && StringPrototypeIndexOf(path, ':') !== -1) {
    if (hasDrivePrefix(tail)) return `.\\${tail}`;
    let index = StringPrototypeIndexOf(path, ':');
    do {
      if (index === len - 1 || isEitherSlash(StringPrototypeCharCodeAt(path, index + 1))) {
        return `.\\${tail}`;
      }
      index = StringPrototypeIndexOf(path, ':', index + 1);
    } while (index !== -1);
  }
  if (namesReservedDevice(path, StringPrototypeIndexOf(path, ':'))) {
    return `.\\${device ?? ''}${tail}`;
  }
  if (device === undefined) return isAbsolute ? `\\${tail}` : tail;
  return isAbsolute ? `${device}\\${tail}` : `${device}${tail}`;
}

function win32IsAbsolute(path) {
  validateString(path, 'path');
  const len = path.length;
  if (len === 0) return false;
  const code = StringPrototypeCharCodeAt(path, 0);
  return isEitherSlash(code) ||
    (len > 2 && hasDrivePrefix(path) && isEitherSlash(StringPrototypeCharCodeAt(path, 2)));
}

function win32Join(...args) {
  if (args.length === 0) return '.';
  const parts = [];
  for (let i = 0; i < args.length; i++) {
    validateString(args[i], 'path');
    if (args[i].length > 0) ArrayPrototypePush(parts, args[i]);
  }
  if (parts.length === 0) return '.';

  let joined = ArrayPrototypeJoin(parts, '\\');
  // Leading separators of the joined path collapse to one, so that normalize() does not read a
  // UNC root into it, unless the first part itself starts like one: exactly two separators and
  // something else.
  const first = parts[0];
  const looksUNC = first.length > 2 && isEitherSlash(StringPrototypeCharCodeAt(first, 0)) &&
    isEitherSlash(StringPrototypeCharCodeAt(first, 1)) &&
    !isEitherSlash(StringPrototypeCharCodeAt(first, 2));
  if (!looksUNC) {
    let leading = 0;
    while (leading < joined.length && isEitherSlash(StringPrototypeCharCodeAt(joined, leading))) leading++;
    if (leading >= 2) joined = `\\${StringPrototypeSlice(joined, leading)}`;
  }

  // A component naming a device with a colon ('CON:', 'COM1:x') is left as it is: only the
  // forward slashes become backslashes.
  const components = StringPrototypeSplit(joined, '\\');
  for (let i = 0; i < components.length; i++) {
    const colon = StringPrototypeIndexOf(components[i], ':');
    if (colon !== -1 && namesReservedDevice(components[i], colon)) {
      return slashesToBackslashes(joined);
    }
  }
  return win32Normalize(joined);
}

function win32Relative(from, to) {
  validateString(from, 'from');
  validateString(to, 'to');
  if (from === to) return '';
  const fromOrig = win32Resolve(from);
  const toOrig = win32Resolve(to);
  if (fromOrig === toOrig) return '';
  from = StringPrototypeToLowerCase(fromOrig);
  to = StringPrototypeToLowerCase(toOrig);
  if (from === to) return '';

  // Lower-casing changed a length (some non-ASCII letters do): compare whole components.
  if (fromOrig.length !== from.length || toOrig.length !== to.length) {
    return relativeByComponents(fromOrig, toOrig);
  }

  // Leading backslashes (UNC) are skipped; trailing ones too.
  let fromStart = 0;
  while (fromStart < from.length && StringPrototypeCharCodeAt(from, fromStart) === CHAR_BACKSLASH) fromStart++;
  let fromEnd = from.length;
  while (fromEnd - 1 > fromStart && StringPrototypeCharCodeAt(from, fromEnd - 1) === CHAR_BACKSLASH) fromEnd--;
  const fromLen = fromEnd - fromStart;
  let toStart = 0;
  while (toStart < to.length && StringPrototypeCharCodeAt(to, toStart) === CHAR_BACKSLASH) toStart++;
  let toEnd = to.length;
  while (toEnd - 1 > toStart && StringPrototypeCharCodeAt(to, toEnd - 1) === CHAR_BACKSLASH) toEnd--;
  const toLen = toEnd - toStart;

  const length = fromLen < toLen ? fromLen : toLen;
  let lastCommonSep = -1;
  let i = 0;
  for (; i < length; i++) {
    const c = StringPrototypeCharCodeAt(from, fromStart + i);
    if (c !== StringPrototypeCharCodeAt(to, toStart + i)) break;
    if (c === CHAR_BACKSLASH) lastCommonSep = i;
  }

  if (i !== length) {
    // Different before any common separator: different roots.
    if (lastCommonSep === -1) return toOrig;
  } else {
    if (toLen > length) {
      // `from` is a directory above `to`.
      if (StringPrototypeCharCodeAt(to, toStart + i) === CHAR_BACKSLASH) {
        return StringPrototypeSlice(toOrig, toStart + i + 1);
      }
      // `from` is a drive root ('C:\').
      if (i === 2) return StringPrototypeSlice(toOrig, toStart + i);
    }
    if (fromLen > length) {
      if (StringPrototypeCharCodeAt(from, fromStart + i) === CHAR_BACKSLASH) lastCommonSep = i;
      else if (i === 2) lastCommonSep = 3;
    }
    if (lastCommonSep === -1) lastCommonSep = 0;
  }

  let out = '';
  for (let k = fromStart + lastCommonSep + 1; k <= fromEnd; k++) {
    if (k === fromEnd || StringPrototypeCharCodeAt(from, k) === CHAR_BACKSLASH) {
      out += out.length === 0 ? '..' : '\\..';
    }
  }
  toStart += lastCommonSep;
  if (out.length > 0) return `${out}${StringPrototypeSlice(toOrig, toStart, toEnd)}`;
  if (StringPrototypeCharCodeAt(toOrig, toStart) === CHAR_BACKSLASH) toStart++;
  return StringPrototypeSlice(toOrig, toStart, toEnd);
}

function relativeByComponents(fromOrig, toOrig) {
  const fromParts = StringPrototypeSplit(fromOrig, '\\');
  const toParts = StringPrototypeSplit(toOrig, '\\');
  if (fromParts[fromParts.length - 1] === '') fromParts.length--;
  if (toParts[toParts.length - 1] === '') toParts.length--;
  const length = fromParts.length < toParts.length ? fromParts.length : toParts.length;
  let i = 0;
  while (i < length &&
         StringPrototypeToLowerCase(fromParts[i]) === StringPrototypeToLowerCase(toParts[i])) {
    i++;
  }
  if (i === 0) return toOrig;
  if (i === length) {
    if (toParts.length > length) return ArrayPrototypeJoin(ArrayPrototypeSlice(toParts, i), '\\');
    if (fromParts.length > length) return `${StringPrototypeRepeat('..\\', fromParts.length - 1 - i)}..`;
    return '';
  }
  return StringPrototypeRepeat('..\\', fromParts.length - i) +
    ArrayPrototypeJoin(ArrayPrototypeSlice(toParts, i), '\\');
}

function win32ToNamespacedPath(path) {
  if (typeof path !== 'string' || path.length === 0) return path;
  const resolved = win32Resolve(path);
  if (resolved.length <= 2) return path;
  if (StringPrototypeCharCodeAt(resolved, 0) === CHAR_BACKSLASH) {
    if (StringPrototypeCharCodeAt(resolved, 1) === CHAR_BACKSLASH) {
      const code = StringPrototypeCharCodeAt(resolved, 2);
      if (code !== CHAR_QUESTION && code !== CHAR_DOT) {
        return `\\\\?\\UNC\\${StringPrototypeSlice(resolved, 2)}`;
      }
    }
  } else if (hasDrivePrefix(resolved) && StringPrototypeCharCodeAt(resolved, 2) === CHAR_BACKSLASH) {
    return `\\\\?\\${resolved}`;
  }
  return resolved;
}

// The end of the root of `path` for dirname() and parse(): a UNC root with something after it
// includes the separator that follows it. Returns -1 for no root; for a bare UNC root, its length.
function win32RootEnd(path) {
  const len = path.length;
  const code = StringPrototypeCharCodeAt(path, 0);
  if (isEitherSlash(code)) {
    if (isEitherSlash(StringPrototypeCharCodeAt(path, 1))) {
      const unc = matchUNC(path);
      if (unc !== null) return unc.end === len ? len : unc.end + 1;
    }
    return 1;
  }
  if (hasDrivePrefix(path)) return len > 2 && isEitherSlash(StringPrototypeCharCodeAt(path, 2)) ? 3 : 2;
  return -1;
}

function win32Dirname(path) {
  validateString(path, 'path');
  const len = path.length;
  if (len === 0) return '.';
  if (len === 1) return isEitherSlash(StringPrototypeCharCodeAt(path, 0)) ? path : '.';
  const rootEnd = win32RootEnd(path);
  // A bare UNC root is its own dirname.
  if (rootEnd === len && len > 2 && isEitherSlash(StringPrototypeCharCodeAt(path, 1))) return path;
  const offset = rootEnd === -1 ? 0 : rootEnd;
  // The separator before the last component, past any trailing separators.
  let i = len - 1;
  while (i >= offset && isEitherSlash(StringPrototypeCharCodeAt(path, i))) i--;
  while (i >= offset && !isEitherSlash(StringPrototypeCharCodeAt(path, i))) i--;
  if (i < offset) return rootEnd === -1 ? '.' : StringPrototypeSlice(path, 0, rootEnd);
  return StringPrototypeSlice(path, 0, i);
}

function win32Basename(path, suffix) {
  if (suffix !== undefined) validateString(suffix, 'suffix');
  validateString(path, 'path');
  return basenameOf(path, suffix, hasDrivePrefix(path) ? 2 : 0, isEitherSlash);
}

function win32Extname(path) {
  validateString(path, 'path');
  return extOf(path, hasDrivePrefix(path) ? 2 : 0, isEitherSlash)[0];
}

function win32Parse(path) {
  validateString(path, 'path');
  const ret = { root: '', dir: '', base: '', ext: '', name: '' };
  const len = path.length;
  if (len === 0) return ret;
  if (len === 1) {
    if (isEitherSlash(StringPrototypeCharCodeAt(path, 0))) ret.root = ret.dir = path;
    else ret.base = ret.name = path;
    return ret;
  }
  let rootEnd = win32RootEnd(path);
  if (rootEnd === -1) rootEnd = 0;
  if (hasDrivePrefix(path) && (len === 2 || (len === 3 && rootEnd === 3))) {
    ret.root = ret.dir = path;
    return ret;
  }
  if (rootEnd > 0) ret.root = StringPrototypeSlice(path, 0, rootEnd);
  parseTail(path, rootEnd, isEitherSlash, ret);
  return ret;
}

// Fills base, name, ext and dir of `ret` from the part of `path` after the root (rootEnd).
function parseTail(path, rootEnd, isSep, ret) {
  const found = extOf(path, rootEnd, isSep);
  const ext = found[0];
  const begin = found[1];
  const end = found[2];
  const dot = found[3];
  if (end > begin) {
    ret.base = StringPrototypeSlice(path, begin, end);
    if (dot === -1) {
      ret.name = ret.base;
    } else {
      ret.name = StringPrototypeSlice(path, begin, dot);
      ret.ext = ext;
    }
  }
  if (begin > 0 && begin !== rootEnd) ret.dir = StringPrototypeSlice(path, 0, begin - 1);
  else ret.dir = ret.root;
}

// ---------------------------------------------------------------------------------------------
// posix

function posixResolve(...args) {
  if (args.length === 0 || (args.length === 1 && (args[0] === '' || args[0] === '.'))) {
    const cwd = process.cwd();
    if (StringPrototypeCharCodeAt(cwd, 0) === CHAR_SLASH) return cwd;
  }
  let resolved = '';
  let absolute = false;
  // Right to left until an absolute path; the arguments left of it are not looked at.
  for (let i = args.length - 1; i >= 0 && !absolute; i--) {
    const path = args[i];
    validateString(path, `paths[${i}]`);
    if (path.length === 0) continue;
    resolved = `${path}/${resolved}`;
    absolute = StringPrototypeCharCodeAt(path, 0) === CHAR_SLASH;
  }
  if (!absolute) {
    const cwd = process.cwd();
    resolved = `${cwd}/${resolved}`;
    absolute = StringPrototypeCharCodeAt(cwd, 0) === CHAR_SLASH;
  }
  resolved = normalizeSegments(resolved, !absolute, '/', isSlash);
  if (absolute) return `/${resolved}`;
  return resolved.length > 0 ? resolved : '.';
}

function posixNormalize(path) {
  validateString(path, 'path');
  if (path.length === 0) return '.';
  const isAbsolute = StringPrototypeCharCodeAt(path, 0) === CHAR_SLASH;
  const trailing = StringPrototypeCharCodeAt(path, path.length - 1) === CHAR_SLASH;
  path = normalizeSegments(path, !isAbsolute, '/', isSlash);
  if (path.length === 0) {
    if (isAbsolute) return '/';
    return trailing ? './' : '.';
  }
  if (trailing) path += '/';
  return isAbsolute ? `/${path}` : path;
}

function posixIsAbsolute(path) {
  validateString(path, 'path');
  return path.length > 0 && StringPrototypeCharCodeAt(path, 0) === CHAR_SLASH;
}

function posixJoin(...args) {
  if (args.length === 0) return '.';
  const parts = [];
  for (let i = 0; i < args.length; i++) {
    validateString(args[i], 'path');
    if (args[i].length > 0) ArrayPrototypePush(parts, args[i]);
  }
  if (parts.length === 0) return '.';
  return posixNormalize(ArrayPrototypeJoin(parts, '/'));
}

function posixRelative(from, to) {
  validateString(from, 'from');
  validateString(to, 'to');
  if (from === to) return '';
  from = posixResolve(from);
  to = posixResolve(to);
  if (from === to) return '';

  // Both start with '/'; compare what follows.
  const fromLen = from.length - 1;
  const toLen = to.length - 1;
  const length = fromLen < toLen ? fromLen : toLen;
  let lastCommonSep = -1;
  let i = 0;
  for (; i < length; i++) {
    const c = StringPrototypeCharCodeAt(from, 1 + i);
    if (c !== StringPrototypeCharCodeAt(to, 1 + i)) break;
    if (c === CHAR_SLASH) lastCommonSep = i;
  }
  if (i === length) {
    if (toLen > length) {
      // `from` is a directory above `to`, or the root.
      if (StringPrototypeCharCodeAt(to, 1 + i) === CHAR_SLASH) return StringPrototypeSlice(to, 2 + i);
      if (i === 0) return StringPrototypeSlice(to, 1);
    } else if (fromLen > length) {
      if (StringPrototypeCharCodeAt(from, 1 + i) === CHAR_SLASH) lastCommonSep = i;
      else if (i === 0) lastCommonSep = 0;
    }
  }
  let out = '';
  for (let k = 1 + lastCommonSep + 1; k <= from.length; k++) {
    if (k === from.length || StringPrototypeCharCodeAt(from, k) === CHAR_SLASH) {
      out += out.length === 0 ? '..' : '/..';
    }
  }
  return `${out}${StringPrototypeSlice(to, 1 + lastCommonSep)}`;
}

function posixToNamespacedPath(path) {
  return path;
}

function posixDirname(path) {
  validateString(path, 'path');
  if (path.length === 0) return '.';
  const hasRoot = StringPrototypeCharCodeAt(path, 0) === CHAR_SLASH;
  // The slash before the last component, past trailing slashes; the first character is never it.
  let i = path.length - 1;
  while (i >= 1 && StringPrototypeCharCodeAt(path, i) === CHAR_SLASH) i--;
  while (i >= 1 && StringPrototypeCharCodeAt(path, i) !== CHAR_SLASH) i--;
  if (i < 1) return hasRoot ? '/' : '.';
  if (hasRoot && i === 1) return '//';
  // Several slashes before the last component: only the last one goes.
  return StringPrototypeSlice(path, 0, i);
}

function posixBasename(path, suffix) {
  if (suffix !== undefined) validateString(suffix, 'suffix');
  validateString(path, 'path');
  return basenameOf(path, suffix, 0, isSlash);
}

function posixExtname(path) {
  validateString(path, 'path');
  return extOf(path, 0, isSlash)[0];
}

function posixParse(path) {
  validateString(path, 'path');
  const ret = { root: '', dir: '', base: '', ext: '', name: '' };
  if (path.length === 0) return ret;
  const isAbsolute = StringPrototypeCharCodeAt(path, 0) === CHAR_SLASH;
  const rootEnd = isAbsolute ? 1 : 0;
  if (isAbsolute) ret.root = '/';
  const found = extOf(path, rootEnd, isSlash, 0);
  const ext = found[0];
  const begin = found[1];
  const end = found[2];
  const dot = found[3];
  if (end > begin) {
    ret.base = StringPrototypeSlice(path, begin, end);
    if (dot === -1) {
      ret.name = ret.base;
    } else {
      ret.name = StringPrototypeSlice(path, begin, dot);
      ret.ext = ext;
    }
  }
  if (begin > rootEnd) ret.dir = StringPrototypeSlice(path, 0, begin - 1);
  else if (isAbsolute) ret.dir = '/';
  return ret;
}

// ---------------------------------------------------------------------------------------------

// matchesGlob lives in lib/internal/path/glob.js, loaded on first use.
let globMatcher;

function matchesGlobFor(windows) {
  return function matchesGlob(path, pattern) {
    validateString(path, 'path');
    validateString(pattern, 'pattern');
    globMatcher ??= require('internal/path/glob').globMatcher;
    return globMatcher(pattern, windows)(path);
  };
}

function named(name, fn) {
  ObjectDefineProperty(fn, 'name', { value: name });
  return fn;
}

const win32 = {
  resolve: named('resolve', win32Resolve),
  normalize: named('normalize', win32Normalize),
  isAbsolute: named('isAbsolute', win32IsAbsolute),
  join: named('join', win32Join),
  relative: named('relative', win32Relative),
  toNamespacedPath: named('toNamespacedPath', win32ToNamespacedPath),
  dirname: named('dirname', win32Dirname),
  basename: named('basename', win32Basename),
  extname: named('extname', win32Extname),
  format: FunctionPrototypeBind(formatPath, null, '\\'),
  parse: named('parse', win32Parse),
  matchesGlob: matchesGlobFor(true),
  sep: '\\',
  delimiter: ';',
  win32: null,
  posix: null,
};

const posix = {
  resolve: named('resolve', posixResolve),
  normalize: named('normalize', posixNormalize),
  isAbsolute: named('isAbsolute', posixIsAbsolute),
  join: named('join', posixJoin),
  relative: named('relative', posixRelative),
  toNamespacedPath: named('toNamespacedPath', posixToNamespacedPath),
  dirname: named('dirname', posixDirname),
  basename: named('basename', posixBasename),
  extname: named('extname', posixExtname),
  format: FunctionPrototypeBind(formatPath, null, '/'),
  parse: named('parse', posixParse),
  matchesGlob: matchesGlobFor(false),
  sep: '/',
  delimiter: ':',
  win32: null,
  posix: null,
};

// Node's bound format is named 'bound _format'.
ObjectDefineProperty(win32.format, 'name', { value: 'bound _format' });
ObjectDefineProperty(posix.format, 'name', { value: 'bound _format' });

posix.win32 = win32.win32 = win32;
posix.posix = win32.posix = posix;
win32._makeLong = win32.toNamespacedPath;
posix._makeLong = posix.toNamespacedPath;

module.exports = posix;
