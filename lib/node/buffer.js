'use strict';
// node:buffer. A Buffer is a FastBuffer (lib/internal/buffer.js), a Uint8Array subclass whose
// prototype is Buffer.prototype; `Buffer` itself is the legacy callable constructor. Argument
// handling and the small work are JS; every bulk loop (encoding strings into bytes and back,
// searches, comparisons, fills, swaps) is one call into internalBinding('buffer')
// (src/node/buffer_binding.c over the codecs of src/node/buffer.c).
//
// Limits are the engine's: a Buffer can hold 2^32 bytes (JSC's largest ArrayBuffer), a string
// 2^31 - 1 characters; kMaxLength and kStringMaxLength say so.

const {
  ArrayBufferIsView,
  ArrayBufferPrototypeGetDetached,
  ArrayIsArray,
  MathFloor,
  MathMin,
  MathTrunc,
  NumberIsInteger,
  NumberIsNaN,
  NumberMAX_SAFE_INTEGER,
  NumberMIN_SAFE_INTEGER,
  ObjectDefineProperties,
  ObjectDefineProperty,
  ObjectSetPrototypeOf,
  RegExpPrototypeExec,
  StringFromCharCode,
  StringPrototypeCharCodeAt,
  StringPrototypeIncludes,
  StringPrototypeSplit,
  StringPrototypeReplaceAll,
  StringPrototypeSlice,
  StringPrototypeToLowerCase,
  SymbolFor,
  SymbolToPrimitive,
  TypedArrayPrototypeFill,
  TypedArrayPrototypeGetBuffer,
  TypedArrayPrototypeGetByteLength,
  TypedArrayPrototypeGetByteOffset,
  TypedArrayPrototypeGetLength,
  TypedArrayPrototypeGetSymbolToStringTag,
  TypedArrayPrototypeIndexOf,
  TypedArrayPrototypeLastIndexOf,
  TypedArrayPrototypeSet,
  TypedArrayPrototypeSlice,
  Uint8Array,
  DataViewPrototypeGetBuffer,
  DataViewPrototypeGetByteLength,
  DataViewPrototypeGetByteOffset,
} = primordials;

const {
  codes: {
    ERR_BUFFER_OUT_OF_BOUNDS,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_BUFFER_SIZE,
    ERR_MISSING_ARGS,
    ERR_OUT_OF_RANGE,
    ERR_UNKNOWN_ENCODING,
  },
  genericNodeError,
} = require('internal/errors');
const { isAnyArrayBuffer, isArrayBuffer, isArrayBufferView, isDataView } = require('internal/util/types');
const {
  FastBuffer, addNumberMethods, validateInteger, validateNumber,
} = require('internal/buffer');
const binding = internalBinding('buffer');

const kMaxLength = 2 ** 32;
const kStringMaxLength = 2 ** 31 - 1;
const constants = ObjectDefineProperties({}, {
  MAX_LENGTH: { __proto__: null, value: kMaxLength, writable: false, enumerable: true },
  MAX_STRING_LENGTH: { __proto__: null, value: kStringMaxLength, writable: false, enumerable: true },
});

let INSPECT_MAX_BYTES = 50;

// Encodings as the binding numbers them (src/node/buffer_binding.c ENC_*).
const ENC_UTF8 = 0;
const ENC_UCS2 = 1;
const ENC_LATIN1 = 2;
const ENC_ASCII = 3;
const ENC_BASE64 = 4;
const ENC_BASE64URL = 5;
const ENC_HEX = 6;

const encodingIds = {
  __proto__: null,
  'utf8': ENC_UTF8, 'utf-8': ENC_UTF8,
  'ucs2': ENC_UCS2, 'ucs-2': ENC_UCS2, 'utf16le': ENC_UCS2, 'utf-16le': ENC_UCS2,
  'latin1': ENC_LATIN1, 'binary': ENC_LATIN1,
  'ascii': ENC_ASCII,
  'base64': ENC_BASE64,
  'base64url': ENC_BASE64URL,
  'hex': ENC_HEX,
};
const encodingNames = ['utf8', 'utf16le', 'latin1', 'ascii', 'base64', 'base64url', 'hex'];

// The id of an encoding name (any case), or undefined. Non-strings are converted as Node does
// (`null` is the unknown encoding 'null').
function encodingId(encoding) {
  const s = `${encoding}`;
  const id = encodingIds[s];
  if (id !== undefined) return id;
  return encodingIds[StringPrototypeToLowerCase(s)];
}

// Like encodingId, but undefined, null and '' mean utf8 (Node's normalizeEncoding).
function normalizedId(encoding) {
  if (encoding == null || encoding === '') return ENC_UTF8;
  return typeof encoding === 'string' ? encodingId(encoding) : undefined;
}

// A brand check through the toStringTag getter costs ~10x more in JSC than this: a view whose
// prototype chain has Uint8Array.prototype (Buffers and other subclasses included). The binding
// reads lengths from the engine, so a view that lies about its type cannot make it go out of bounds.
function isUint8Array(value) {
  return value instanceof Uint8Array && ArrayBufferIsView(value);
}

function isTypedArray(value) {
  return TypedArrayPrototypeGetSymbolToStringTag(value) !== undefined;
}

// A Uint8Array over the bytes of any ArrayBufferView (the binding reads typed arrays only).
function bytesOf(view) {
  if (isUint8Array(view)) return view;
  if (isTypedArray(view)) {
    return new Uint8Array(TypedArrayPrototypeGetBuffer(view), TypedArrayPrototypeGetByteOffset(view),
      TypedArrayPrototypeGetByteLength(view));
  }
  return new Uint8Array(DataViewPrototypeGetBuffer(view), DataViewPrototypeGetByteOffset(view),
    DataViewPrototypeGetByteLength(view));
}

function validateOffset(value, name, min = 0, max = kMaxLength) {
  validateInteger(value, name, min, max);
}

function validateString(value, name) {
  if (typeof value !== 'string') throw new ERR_INVALID_ARG_TYPE(name, 'string', value);
}

// The write methods check their string as Node's C++ binding does, with its own message.
function validateWriteString(value) {
  if (typeof value !== 'string') {
    const err = new ERR_INVALID_ARG_TYPE('argument', 'string', value);
    err.message = 'argument must be a string';
    throw err;
  }
}

// Node's C++ range error of the legacy slice methods.
function indexOutOfRange() {
  const err = new ERR_OUT_OF_RANGE('index', 'in range', 0);
  err.message = 'Index out of range';
  return err;
}

// ---------------------------------------------------------------------------------------------------
// Allocation: small buffers are slices of a shared pool, as in Node.

// allocPoolBytes views the whole pool, so that encoding into it needs no view of its own (making a
// view over an existing ArrayBuffer is slow in JSC).
let poolSize, poolOffset, allocPool, allocPoolBytes;

// A FastBuffer of `size` bytes (an integer >= 0) that are not zeroed: Node's allocUnsafe memory is
// uninitialised too. Below kUninitMin, JSC's own zero-filled allocation is the cheaper one (docs/design.md).
const kUninitMin = 8192;
const FastBufferPrototype = FastBuffer.prototype;
function allocUninit(size) {
  if (size < kUninitMin) return new FastBuffer(size);
  // undefined when the system has no memory: then JSC's allocation throws its RangeError.
  return binding.allocUninit(size, FastBufferPrototype) ?? new FastBuffer(size);
}

function createPool() {
  poolSize = Buffer.poolSize;
  // Buffer.poolSize is the user's to set: anything else keeps Uint8Array's own checks.
  allocPoolBytes = typeof poolSize === 'number' && poolSize >= 0 && poolSize <= kMaxLength ?
    allocUninit(poolSize) : new Uint8Array(poolSize);
  allocPool = TypedArrayPrototypeGetBuffer(allocPoolBytes);
  poolOffset = 0;
}

function alignPool() {
  // Keeps pooled buffers 8-byte aligned, so that wider typed arrays can view them.
  if (poolOffset & 0x7) {
    poolOffset |= 0x7;
    poolOffset++;
  }
}

function allocate(size) {
  if (size <= 0) return new FastBuffer();
  if (size < (Buffer.poolSize >>> 1)) {
    if (size > poolSize - poolOffset) createPool();
    const b = new FastBuffer(allocPool, poolOffset, size);
    poolOffset += size;
    alignPool();
    return b;
  }
  return allocUninit(size);
}

// ---------------------------------------------------------------------------------------------------
// Strings <-> bytes.

function base64ByteLength(str, bytes) {
  if (StringPrototypeCharCodeAt(str, bytes - 1) === 0x3D) bytes--;
  if (bytes > 1 && StringPrototypeCharCodeAt(str, bytes - 1) === 0x3D) bytes--;
  return (bytes * 3) >>> 2;
}

// Bytes of `string` in encoding `id` (an over-estimate for base64 text with junk in it).
function byteLengthOf(string, id) {
  switch (id) {
    case ENC_UTF8: return utf8Length(string);
    case ENC_UCS2: return string.length * 2;
    case ENC_LATIN1:
    case ENC_ASCII: return string.length;
    case ENC_BASE64:
    case ENC_BASE64URL: return base64ByteLength(string, string.length);
    case ENC_HEX: return string.length >>> 1;
  }
}

// UTF-8 length; short strings are counted in JS, where a call into C would cost more.
function utf8Length(string) {
  const n = string.length;
  if (n > 32) return binding.byteLengthUtf8(string);
  let len = n;
  for (let i = 0; i < n; i++) {
    const c = StringPrototypeCharCodeAt(string, i);
    if (c < 0x80) continue;
    if (c < 0x800) {
      len += 1;
    } else if (c >= 0xD800 && c <= 0xDBFF && i + 1 < n) {
      const d = StringPrototypeCharCodeAt(string, i + 1);
      if (d >= 0xDC00 && d <= 0xDFFF) {
        len += 2;
        i++;
      } else {
        len += 2;
      }
    } else {
      len += 2;
    }
  }
  return len;
}

// Writes `string` into buf[offset, offset + length) in encoding `id`; returns the bytes written.
function writeString(buf, string, offset, length, id) {
  const n = string.length;
  // Short ASCII text in utf8/latin1/ascii: a JS loop beats the crossing.
  if (n <= 16 && id <= ENC_ASCII && id !== ENC_UCS2 && n <= length) {
    let i = 0;
    for (; i < n; i++) {
      const c = StringPrototypeCharCodeAt(string, i);
      if (c >= 0x80) break;
      buf[offset + i] = c;
    }
    if (i === n) return n;
  }
  return binding.write(buf, string, offset, length, id);
}

function fromStringWith(string, id) {
  const n = string.length;
  if (n === 0) return new FastBuffer();
  const maxPooled = Buffer.poolSize >>> 1;
  if (n < maxPooled) {
    // An upper bound first (3 bytes per UTF-16 unit in UTF-8), the exact length only if needed.
    let length = id === ENC_UTF8 ? n * 3 : byteLengthOf(string, id);
    if (length >= maxPooled && id === ENC_UTF8) length = utf8Length(string);
    if (length < maxPooled) {
      if (length > poolSize - poolOffset) createPool();
      const actual = writeString(allocPoolBytes, string, poolOffset, length, id);
      const b = new FastBuffer(allocPool, poolOffset, actual);
      poolOffset += actual;
      alignPool();
      return b;
    }
  }
  return new FastBuffer(binding.fromString(string, id));
}

function fromString(string, encoding) {
  let id;
  if (typeof encoding !== 'string' || encoding.length === 0) {
    if (string.length === 0) return new FastBuffer();
    id = ENC_UTF8;
  } else {
    id = encodingId(encoding);
    if (id === undefined) throw new ERR_UNKNOWN_ENCODING(encoding);
  }
  return fromStringWith(string, id);
}

function toStringWith(buf, id, start, end) {
  // Short ASCII text decodes faster in JS than through a crossing.
  if (end - start <= 16 && id <= ENC_ASCII && id !== ENC_UCS2) {
    let s = '';
    for (let i = start; i < end; i++) {
      const c = buf[i];
      if (c >= 0x80) return binding.toString(buf, start, end, id);
      s += StringFromCharCode(c);
    }
    return s;
  }
  return binding.toString(buf, start, end, id);
}

// ---------------------------------------------------------------------------------------------------
// Buffer, the legacy constructor.

// DEP0005 is printed once, and not for calls made from code under node_modules (Node looks at the
// first stack frame outside its own code; it stops looking after 10000 calls).
let bufferWarned = false;
let nodeModulesChecks = 0;
function calledFromNodeModules() {
  const lines = StringPrototypeSplit(`${new Error().stack}`, '\n');
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    if (StringPrototypeIncludes(line, '(node:') || StringPrototypeIncludes(line, ' node:') ||
        StringPrototypeIncludes(line, '@node:')) continue;
    // An engine frame first (a TypedArray method making a Buffer through species): no user call,
    // and Node does not warn.
    if (StringPrototypeIncludes(line, '[native code]') || StringPrototypeIncludes(line, '(native)')) return true;
    return RegExpPrototypeExec(/[\\/]node_modules[\\/]/, line) !== null;
  }
  return false;
}

function showDeprecation() {
  if (bufferWarned || ++nodeModulesChecks > 10000 || calledFromNodeModules()) return;
  bufferWarned = true;
  process.emitWarning('Buffer() is deprecated due to security and usability issues. Please use ' +
    'the Buffer.alloc(), Buffer.allocUnsafe(), or Buffer.from() methods instead.',
  'DeprecationWarning', 'DEP0005');
}

function Buffer(arg, encodingOrOffset, length) {
  showDeprecation();
  if (typeof arg === 'number') {
    if (typeof encodingOrOffset === 'string') {
      throw new ERR_INVALID_ARG_TYPE('string', 'string', arg);
    }
    return Buffer.alloc(arg);
  }
  return Buffer.from(arg, encodingOrOffset, length);
}

ObjectDefineProperty(Buffer, 'prototype', { __proto__: null, value: FastBuffer.prototype, writable: false });
ObjectDefineProperty(FastBuffer.prototype, 'constructor', {
  __proto__: null, value: Buffer, writable: true, enumerable: false, configurable: true,
});
ObjectSetPrototypeOf(Buffer, Uint8Array);

Buffer.poolSize = 64 * 1024;
createPool();

function fromArrayBuffer(obj, byteOffset, length) {
  if (byteOffset === undefined) {
    byteOffset = 0;
  } else {
    byteOffset = +byteOffset;
    if (NumberIsNaN(byteOffset)) byteOffset = 0;
  }
  const maxLength = obj.byteLength - byteOffset;
  if (maxLength < 0) throw new ERR_BUFFER_OUT_OF_BOUNDS('offset');
  if (length === undefined) {
    // No length: the view tracks a resizable buffer's length, as in Node.
    return new FastBuffer(obj, byteOffset);
  } else {
    length = +length;
    if (length > 0) {
      if (length > maxLength) throw new ERR_BUFFER_OUT_OF_BOUNDS('length');
    } else {
      length = 0;
    }
  }
  return new FastBuffer(obj, byteOffset, length);
}

function fromArrayLike(obj) {
  const n = obj.length;
  if (n <= 0) return new FastBuffer();
  if (n < (Buffer.poolSize >>> 1)) {
    if (n > poolSize - poolOffset) createPool();
    const b = new FastBuffer(allocPool, poolOffset, n);
    TypedArrayPrototypeSet(b, obj, 0);
    poolOffset += n;
    alignPool();
    return b;
  }
  return new FastBuffer(obj);
}

function fromObject(obj) {
  if (obj.length !== undefined || isAnyArrayBuffer(obj.buffer)) {
    if (typeof obj.length !== 'number') return new FastBuffer();
    return fromArrayLike(obj);
  }
  if (obj.type === 'Buffer' && ArrayIsArray(obj.data)) return fromArrayLike(obj.data);
}

Buffer.from = function from(value, encodingOrOffset, length) {
  if (typeof value === 'string') return fromString(value, encodingOrOffset);
  if (typeof value === 'object' && value !== null) {
    if (isAnyArrayBuffer(value)) return fromArrayBuffer(value, encodingOrOffset, length);
    const valueOf = value.valueOf && value.valueOf();
    if (valueOf != null && valueOf !== value &&
        (typeof valueOf === 'string' || typeof valueOf === 'object')) {
      return from(valueOf, encodingOrOffset, length);
    }
    const b = fromObject(value);
    if (b) return b;
    if (typeof value[SymbolToPrimitive] === 'function') {
      const primitive = value[SymbolToPrimitive]('string');
      if (typeof primitive === 'string') return fromString(primitive, encodingOrOffset);
    }
  }
  throw new ERR_INVALID_ARG_TYPE('first argument',
    ['string', 'Buffer', 'ArrayBuffer', 'Array', 'Array-like Object'], value);
};

Buffer.copyBytesFrom = function copyBytesFrom(view, offset, length) {
  if (!isTypedArray(view)) throw new ERR_INVALID_ARG_TYPE('view', ['TypedArray'], view);
  const viewLength = TypedArrayPrototypeGetLength(view);
  if (viewLength === 0) return Buffer.alloc(0);
  if (offset !== undefined || length !== undefined) {
    if (offset !== undefined) {
      validateInteger(offset, 'offset', 0);
      if (offset >= viewLength) return Buffer.alloc(0);
    } else {
      offset = 0;
    }
    let end;
    if (length !== undefined) {
      validateInteger(length, 'length', 0);
      end = offset + length;
    } else {
      end = viewLength;
    }
    view = TypedArrayPrototypeSlice(view, offset, end);
  }
  return fromArrayLike(new Uint8Array(TypedArrayPrototypeGetBuffer(view),
    TypedArrayPrototypeGetByteOffset(view), TypedArrayPrototypeGetByteLength(view)));
};

Buffer.of = function of(...items) {
  const b = new FastBuffer(items.length);
  for (let i = 0; i < items.length; i++) b[i] = items[i];
  return b;
};

Buffer.alloc = function alloc(size, fill, encoding) {
  validateNumber(size, 'size', 0, kMaxLength);
  if (fill !== undefined && fill !== 0 && size > 0) {
    const buf = new FastBuffer(size);
    return _fill(buf, fill, 0, buf.length, encoding);
  }
  return new FastBuffer(size);
};

Buffer.allocUnsafe = function allocUnsafe(size) {
  validateNumber(size, 'size', 0, kMaxLength);
  return allocate(size);
};

Buffer.allocUnsafeSlow = function allocUnsafeSlow(size) {
  validateNumber(size, 'size', 0, kMaxLength);
  return allocUninit(size);
};

// Whether `b` is a Buffer: Node checks the prototype chain (`instanceof`).
Buffer.isBuffer = function isBuffer(b) {
  return b instanceof Buffer;
};

Buffer.compare = function compare(buf1, buf2) {
  if (!isUint8Array(buf1)) throw new ERR_INVALID_ARG_TYPE('buf1', ['Buffer', 'Uint8Array'], buf1);
  if (!isUint8Array(buf2)) throw new ERR_INVALID_ARG_TYPE('buf2', ['Buffer', 'Uint8Array'], buf2);
  if (buf1 === buf2) return 0;
  return compareRange(buf1, 0, buf1.length, buf2, 0, buf2.length);
};

Buffer.isEncoding = function isEncoding(encoding) {
  return typeof encoding === 'string' && encoding.length !== 0 && encodingId(encoding) !== undefined;
};
Buffer[SymbolFor('kIsEncodingSymbol')] = Buffer.isEncoding;

Buffer.concat = function concat(list, length) {
  if (!ArrayIsArray(list)) throw new ERR_INVALID_ARG_TYPE('list', 'Array', list);
  if (list.length === 0) return new FastBuffer();
  // Lengths come from the engine, not from a `length` property a caller could fake.
  if (length === undefined) {
    length = 0;
    for (let i = 0; i < list.length; i++) {
      const buf = list[i];
      if (!isUint8Array(buf)) {
        throw new ERR_INVALID_ARG_TYPE(`list[${i}]`, ['Buffer', 'Uint8Array'], buf);
      }
      length += TypedArrayPrototypeGetLength(buf);
    }
  } else {
    validateOffset(length, 'length');
  }
  const buffer = Buffer.allocUnsafe(length);
  let pos = 0;
  for (let i = 0; i < list.length; i++) {
    const buf = list[i];
    if (!isUint8Array(buf)) {
      throw new ERR_INVALID_ARG_TYPE(`list[${i}]`, ['Buffer', 'Uint8Array'], buf);
    }
    pos += copyActual(buf, buffer, pos, 0, TypedArrayPrototypeGetLength(buf));
  }
  if (pos < length) TypedArrayPrototypeFill(buffer, 0, pos, length);
  return buffer;
};

function byteLength(string, encoding) {
  if (typeof string !== 'string') {
    if (isArrayBufferView(string) || isAnyArrayBuffer(string)) return string.byteLength;
    throw new ERR_INVALID_ARG_TYPE('string', ['string', 'Buffer', 'ArrayBuffer'], string);
  }
  if (string.length === 0) return 0;
  if (!encoding || encoding === 'utf8') return utf8Length(string);
  if (encoding === 'ascii') return string.length;
  const id = encodingId(encoding);
  // An unknown encoding counts as utf8 (Node does not throw here).
  return byteLengthOf(string, id === undefined ? ENC_UTF8 : id);
}
Buffer.byteLength = byteLength;

// ---------------------------------------------------------------------------------------------------
// Buffer.prototype

const proto = Buffer.prototype;
addNumberMethods(proto);

// The legacy per-encoding slice/write methods (`buf.utf8Slice(start, end)`...), which some
// packages call directly.
function defineEncodingMethods() {
  const names = ['ascii', 'base64', 'base64url', 'latin1', 'hex', 'ucs2', 'utf8'];
  const ids = [ENC_ASCII, ENC_BASE64, ENC_BASE64URL, ENC_LATIN1, ENC_HEX, ENC_UCS2, ENC_UTF8];
  for (let i = 0; i < names.length; i++) {
    const id = ids[i];
    proto[`${names[i]}Slice`] = function(start, end) {
      const len = this.length;
      start = start === undefined ? 0 : start >>> 0;
      end = end === undefined ? len : end >>> 0;
      if (start > len || end > len) throw indexOutOfRange();
      if (end <= start) return '';
      return toStringWith(this, id, start, end);
    };
  }
  for (let i = 0; i < names.length; i++) {
    const id = ids[i];
    proto[`${names[i]}Write`] = function(string, offset = 0, length = this.length - offset) {
      validateWriteString(string);
      offset = offset >>> 0;
      if (offset > this.length) throw new ERR_BUFFER_OUT_OF_BOUNDS('offset');
      length = length >>> 0;
      if (length > this.length - offset) length = this.length - offset;
      if (string.length === 0 || length === 0) return 0;
      return writeString(this, string, offset, length, id);
    };
  }
}
defineEncodingMethods();

ObjectDefineProperties(proto, {
  parent: {
    __proto__: null,
    enumerable: true,
    configurable: false,
    get() {
      if (!(this instanceof Buffer)) return undefined;
      return this.buffer;
    },
  },
  offset: {
    __proto__: null,
    enumerable: true,
    configurable: false,
    get() {
      if (!(this instanceof Buffer)) return undefined;
      return this.byteOffset;
    },
  },
});

function toInteger(n, defaultValue) {
  n = +n;
  if (!NumberIsNaN(n) && n >= NumberMIN_SAFE_INTEGER && n <= NumberMAX_SAFE_INTEGER) {
    return n % 1 === 0 ? n : MathFloor(n);
  }
  return defaultValue;
}

function copyImpl(source, target, targetStart, sourceStart, sourceEnd) {
  if (!ArrayBufferIsView(source)) throw new ERR_INVALID_ARG_TYPE('source', ['Buffer', 'Uint8Array'], source);
  if (!ArrayBufferIsView(target)) throw new ERR_INVALID_ARG_TYPE('target', ['Buffer', 'Uint8Array'], target);
  if (targetStart === undefined) {
    targetStart = 0;
  } else {
    targetStart = NumberIsInteger(targetStart) ? targetStart : toInteger(targetStart, 0);
    if (targetStart < 0) throw new ERR_OUT_OF_RANGE('targetStart', '>= 0', targetStart);
  }
  const sourceLength = source.byteLength;
  if (sourceStart === undefined) {
    sourceStart = 0;
  } else {
    sourceStart = NumberIsInteger(sourceStart) ? sourceStart : toInteger(sourceStart, 0);
    if (sourceStart < 0 || sourceStart > sourceLength) {
      throw new ERR_OUT_OF_RANGE('sourceStart', `>= 0 && <= ${sourceLength}`, sourceStart);
    }
  }
  if (sourceEnd === undefined) {
    sourceEnd = sourceLength;
  } else {
    sourceEnd = NumberIsInteger(sourceEnd) ? sourceEnd : toInteger(sourceEnd, 0);
    if (sourceEnd < 0) throw new ERR_OUT_OF_RANGE('sourceEnd', '>= 0', sourceEnd);
  }
  if (targetStart >= target.byteLength || sourceStart >= sourceEnd) return 0;
  return copyActual(source, target, targetStart, sourceStart, sourceEnd);
}

function copyActual(source, target, targetStart, sourceStart, sourceEnd) {
  const room = target.byteLength - targetStart;
  if (sourceEnd - sourceStart > room) sourceEnd = sourceStart + room;
  let nb = sourceEnd - sourceStart;
  const available = source.byteLength - sourceStart;
  if (nb > available) nb = available;
  if (nb <= 0) return 0;
  const src = bytesOf(source);
  const dst = bytesOf(target);
  if (nb <= 16 && src !== dst) {
    for (let i = 0; i < nb; i++) dst[targetStart + i] = src[sourceStart + i];
  } else {
    // TypedArray set copies as memmove does when both views share a buffer.
    TypedArrayPrototypeSet(dst, new Uint8Array(TypedArrayPrototypeGetBuffer(src),
      TypedArrayPrototypeGetByteOffset(src) + sourceStart, nb), targetStart);
  }
  return nb;
}

proto.copy = function copy(target, targetStart, sourceStart, sourceEnd) {
  return copyImpl(this, target, targetStart, sourceStart, sourceEnd);
};

proto.toString = function toString(encoding, start, end) {
  if (arguments.length === 0) return toStringWith(this, ENC_UTF8, 0, this.length);
  const len = this.length;
  if (start <= 0) start = 0;
  else if (start >= len) return '';
  else start = MathTrunc(start) || 0;
  if (end === undefined || end > len) end = len;
  else end = MathTrunc(end) || 0;
  if (end <= start) return '';
  if (encoding === undefined) return toStringWith(this, ENC_UTF8, start, end);
  const id = encodingId(encoding);
  if (id === undefined) throw new ERR_UNKNOWN_ENCODING(encoding);
  return toStringWith(this, id, start, end);
};

// Compares a[as, ae) with b[bs, be): -1, 0 or 1. Short ranges are compared in JS.
function compareRange(a, as, ae, b, bs, be) {
  const an = ae - as, bn = be - bs;
  if (an <= 32 && bn <= 32) {
    const m = an < bn ? an : bn;
    for (let i = 0; i < m; i++) {
      const x = a[as + i], y = b[bs + i];
      if (x !== y) return x < y ? -1 : 1;
    }
    return an < bn ? -1 : an > bn ? 1 : 0;
  }
  return binding.compare(a, as, ae, b, bs, be);
}

proto.equals = function equals(otherBuffer) {
  if (!isUint8Array(otherBuffer)) {
    throw new ERR_INVALID_ARG_TYPE('otherBuffer', ['Buffer', 'Uint8Array'], otherBuffer);
  }
  if (this === otherBuffer) return true;
  const len = TypedArrayPrototypeGetByteLength(this);
  if (len !== TypedArrayPrototypeGetByteLength(otherBuffer)) return false;
  return len === 0 || compareRange(this, 0, len, otherBuffer, 0, len) === 0;
};

const customInspectSymbol = SymbolFor('nodejs.util.inspect.custom');
let utilInspect;

proto[customInspectSymbol] = function inspect(recurseTimes, ctx) {
  const max = INSPECT_MAX_BYTES;
  const shown = MathMin(max, this.length);
  const remaining = this.length - max;
  let str = '';
  if (shown > 0) {
    const hex = toStringWith(this, ENC_HEX, 0, shown);
    str = StringPrototypeSlice(StringPrototypeReplaceAll(hex, /(.{2})/g, '$1 '), 0, -1);
  }
  if (remaining > 0) str += ` ... ${remaining} more byte${remaining > 1 ? 's' : ''}`;
  // Extra own properties (not indices) are shown after the bytes, as Node does.
  if (ctx) {
    const keys = primordials.ReflectOwnKeys(this);
    const obj = { __proto__: null };
    let extras = false;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      if (typeof key === 'string' && RegExpPrototypeExec(/^(0|[1-9][0-9]*)$/, key) !== null) continue;
      if (!ctx.showHidden && !primordials.ObjectPrototypePropertyIsEnumerable(this, key)) continue;
      extras = true;
      obj[key] = this[key];
    }
    if (extras) {
      utilInspect ??= require('internal/util/inspect').inspect;
      if (this.length !== 0) str += ', ';
      // The inspected object reads '[Object: null prototype] { ... }': keep what is inside.
      str += StringPrototypeSlice(utilInspect(obj, { ...ctx, breakLength: Infinity, compact: true }), 27, -2);
    }
  }
  return `<${this.constructor.name} ${str}>`;
};
proto.inspect = proto[customInspectSymbol];

proto.compare = function compare(target, targetStart, targetEnd, sourceStart, sourceEnd) {
  if (!isUint8Array(target)) throw new ERR_INVALID_ARG_TYPE('target', ['Buffer', 'Uint8Array'], target);
  if (arguments.length === 1) return compareRange(this, 0, this.length, target, 0, target.length);
  if (targetStart === undefined) targetStart = 0;
  else validateOffset(targetStart, 'targetStart');
  if (targetEnd === undefined) targetEnd = target.length;
  else validateOffset(targetEnd, 'targetEnd', 0, target.length);
  if (sourceStart === undefined) sourceStart = 0;
  else validateOffset(sourceStart, 'sourceStart');
  if (sourceEnd === undefined) sourceEnd = this.length;
  else validateOffset(sourceEnd, 'sourceEnd', 0, this.length);
  if (sourceStart >= sourceEnd) return targetStart >= targetEnd ? 0 : -1;
  if (targetStart >= targetEnd) return 1;
  return compareRange(this, sourceStart, sourceEnd, target, targetStart, targetEnd);
};

// indexOf / lastIndexOf / includes (Node's bidirectionalIndexOf).
function indexOfImpl(buffer, val, byteOffset, encoding, forward) {
  if (!isArrayBufferView(buffer)) {
    throw new ERR_INVALID_ARG_TYPE('buffer', ['Buffer', 'TypedArray', 'DataView'], buffer);
  }
  // Any view works as the haystack (Buffer methods called on other views): search its bytes.
  buffer = bytesOf(buffer);
  if (typeof byteOffset === 'string') {
    encoding = byteOffset;
    byteOffset = undefined;
  } else if (byteOffset > 0x7fffffff) {
    byteOffset = 0x7fffffff;
  } else if (byteOffset < -0x80000000) {
    byteOffset = -0x80000000;
  }
  byteOffset = +byteOffset;
  if (NumberIsNaN(byteOffset)) byteOffset = forward ? 0 : buffer.length;
  byteOffset = MathTrunc(byteOffset);

  if (typeof val === 'number') return indexOfNumber(buffer, (val >>> 0) & 0xff, byteOffset, forward);

  const id = encoding === undefined ? ENC_UTF8 : encodingId(encoding);
  if (typeof val === 'string') {
    if (id === undefined) throw new ERR_UNKNOWN_ENCODING(encoding);
    // The needle's bytes in the encoding; latin1 needles are the string's low bytes, as in Node.
    const needle = fromStringWith(val, id);
    return binding.indexOf(buffer, needle, byteOffset, forward, id === ENC_UCS2);
  }
  if (isUint8Array(val)) {
    return binding.indexOf(buffer, val, byteOffset, forward, id === ENC_UCS2);
  }
  throw new ERR_INVALID_ARG_TYPE('value', ['number', 'string', 'Buffer', 'Uint8Array'], val);
}

function indexOfNumber(buffer, byte, offset, forward) {
  const len = buffer.length;
  let start;
  if (offset < 0) {
    if (offset + len >= 0) start = len + offset;
    else if (forward) start = 0;
    else return -1;
  } else if (offset + 1 <= len) {
    start = offset;
  } else if (forward) {
    return -1;
  } else {
    start = len - 1;
  }
  if (len === 0) return -1;
  return forward ? TypedArrayPrototypeIndexOf(buffer, byte, start) :
    TypedArrayPrototypeLastIndexOf(buffer, byte, start);
}

proto.indexOf = function indexOf(val, byteOffset, encoding) {
  return indexOfImpl(this, val, byteOffset, encoding, true);
};

proto.lastIndexOf = function lastIndexOf(val, byteOffset, encoding) {
  return indexOfImpl(this, val, byteOffset, encoding, false);
};

proto.includes = function includes(val, byteOffset, encoding) {
  return indexOfImpl(this, val, byteOffset, encoding, true) !== -1;
};

function _fill(buf, value, offset, end, encoding) {
  let id;
  if (typeof value === 'string') {
    if (offset === undefined || typeof offset === 'string') {
      encoding = offset;
      offset = 0;
      end = buf.length;
    } else if (typeof end === 'string') {
      encoding = end;
      end = buf.length;
    }
    id = normalizedId(encoding);
    if (id === undefined) {
      validateString(encoding, 'encoding');
      throw new ERR_UNKNOWN_ENCODING(encoding);
    }
    if (value.length === 0) {
      value = 0;
    } else if (value.length === 1) {
      // One character that is one byte: a number fill.
      const code = StringPrototypeCharCodeAt(value, 0);
      if ((id === ENC_UTF8 && code < 128) || id === ENC_LATIN1) value = code;
    }
  }

  if (offset === undefined) {
    offset = 0;
    end = buf.length;
  } else {
    validateOffset(offset, 'offset');
    if (end === undefined) end = buf.length;
    else validateOffset(end, 'end', 0, buf.length);
    if (offset >= end) return buf;
  }

  if (typeof value === 'number') {
    const byteLen = TypedArrayPrototypeGetByteLength(buf);
    if (offset > end || end - offset + offset > byteLen) throw new ERR_BUFFER_OUT_OF_BOUNDS();
    TypedArrayPrototypeFill(buf, value, offset, end);
    return buf;
  }

  if (end > TypedArrayPrototypeGetByteLength(buf)) throw new ERR_BUFFER_OUT_OF_BOUNDS();
  // Nothing to fill: Node returns before it looks at the value.
  if (offset >= end) return buf;
  let pattern;
  if (typeof value === 'string') {
    pattern = fromStringWith(value, id);
    if (pattern.length === 0) throw new ERR_INVALID_ARG_VALUE('value', value);
  } else if (isArrayBufferView(value)) {
    pattern = bytesOf(value);
    if (pattern.length === 0) throw new ERR_INVALID_ARG_VALUE('value', value);
    // The pattern may lie in the bytes being filled: copy it first.
    if (TypedArrayPrototypeGetBuffer(pattern) === TypedArrayPrototypeGetBuffer(buf)) {
      pattern = TypedArrayPrototypeSlice(pattern);
    }
  } else {
    // Anything else is a number (Node's Uint32 conversion, then the low byte).
    TypedArrayPrototypeFill(buf, (value >>> 0) & 255, offset, end);
    return buf;
  }
  if (pattern.length === 1) TypedArrayPrototypeFill(buf, pattern[0], offset, end);
  else binding.fill(buf, pattern, offset, end);
  return buf;
}

proto.fill = function fill(value, offset, end, encoding) {
  return _fill(this, value, offset, end, encoding);
};

proto.write = function write(string, offset, length, encoding) {
  if (offset === undefined) {
    validateWriteString(string);
    return writeStringChecked(this, string, 0, this.length, ENC_UTF8);
  }
  if (length === undefined && typeof offset === 'string') {
    encoding = offset;
    length = this.length;
    offset = 0;
  } else {
    validateOffset(offset, 'offset', 0, this.length);
    const remaining = this.length - offset;
    if (length === undefined) {
      length = remaining;
    } else if (typeof length === 'string') {
      encoding = length;
      length = remaining;
    } else {
      validateOffset(length, 'length', 0, this.length);
      if (length > remaining) length = remaining;
    }
  }
  let id = ENC_UTF8;
  if (encoding && encoding !== 'utf8') {
    id = encodingId(encoding);
    if (id === undefined) throw new ERR_UNKNOWN_ENCODING(encoding);
  }
  validateWriteString(string);
  return writeStringChecked(this, string, offset, length, id);
};

function writeStringChecked(buf, string, offset, length, id) {
  if (string.length === 0 || length === 0) return 0;
  return writeString(buf, string, offset, length, id);
}

proto.toJSON = function toJSON() {
  const n = this.length;
  if (n > 0) {
    const data = new Array(n);
    for (let i = 0; i < n; ++i) data[i] = this[i];
    return { type: 'Buffer', data };
  }
  return { type: 'Buffer', data: [] };
};

function adjustOffset(offset, length) {
  offset = MathTrunc(offset);
  if (offset === 0 || NumberIsNaN(offset)) return 0;
  if (offset < 0) {
    offset += length;
    return offset > 0 ? offset : 0;
  }
  return offset < length ? offset : length;
}

function subarrayImpl(buf, start, end) {
  const srcLength = buf.length;
  start = adjustOffset(start, srcLength);
  end = end !== undefined ? adjustOffset(end, srcLength) : srcLength;
  const newLength = end > start ? end - start : 0;
  return new FastBuffer(buf.buffer, buf.byteOffset + start, newLength);
}

proto.subarray = function subarray(start, end) {
  return subarrayImpl(this, start, end);
};

// Through `this.subarray`, as in Node: on another view (Buffer.prototype.slice.call(u8)) the
// result keeps that view's type.
proto.slice = function slice(start, end) {
  return this.subarray(start, end);
};

function swapBy(buf, size) {
  const len = buf.length;
  if (len % size !== 0) throw new ERR_INVALID_BUFFER_SIZE(`${size * 8}-bits`);
  if (len < 128) {
    for (let i = 0; i < len; i += size) {
      for (let a = i, b = i + size - 1; a < b; a++, b--) {
        const t = buf[a];
        buf[a] = buf[b];
        buf[b] = t;
      }
    }
  } else {
    binding.swap(buf, size);
  }
  return buf;
}

proto.swap16 = function swap16() { return swapBy(this, 2); };
proto.swap32 = function swap32() { return swapBy(this, 4); };
proto.swap64 = function swap64() { return swapBy(this, 8); };

proto.toLocaleString = proto.toString;

// ---------------------------------------------------------------------------------------------------
// Module functions.

let slowBufferWarned = false;
function SlowBuffer(size) {
  if (!slowBufferWarned) {
    slowBufferWarned = true;
    process.emitWarning('SlowBuffer() is deprecated. Please use Buffer.allocUnsafeSlow()',
      'DeprecationWarning', 'DEP0030');
  }
  validateNumber(size, 'size', 0, kMaxLength);
  return allocUninit(size);
}
ObjectSetPrototypeOf(SlowBuffer.prototype, Uint8Array.prototype);
ObjectSetPrototypeOf(SlowBuffer, Uint8Array);

// A detached buffer reads as empty (valid UTF-8 and ASCII), as in Node 24.
function viewOrBufferBytes(input) {
  if (isArrayBufferView(input)) return bytesOf(input);
  if (isAnyArrayBuffer(input)) {
    // JSC refuses a view of a detached buffer.
    if (isArrayBuffer(input) && ArrayBufferPrototypeGetDetached(input)) return new Uint8Array(0);
    return new Uint8Array(input);
  }
  throw new ERR_INVALID_ARG_TYPE('input', ['ArrayBuffer', 'Buffer', 'TypedArray'], input);
}

function isUtf8(input) {
  return binding.isUtf8(viewOrBufferBytes(input));
}

function isAscii(input) {
  return binding.isAscii(viewOrBufferBytes(input));
}

// ICU's names for the UErrorCode values transcode can report, for `errno`.
const icuErrnos = {
  __proto__: null,
  U_ILLEGAL_ARGUMENT_ERROR: 1,
  U_MEMORY_ALLOCATION_ERROR: 7,
  U_INVALID_CHAR_FOUND: 10,
  U_TRUNCATED_CHAR_FOUND: 11,
  U_ILLEGAL_CHAR_FOUND: 12,
  U_BUFFER_OVERFLOW_ERROR: 15,
};

function transcode(source, fromEncoding, toEncoding) {
  if (!isUint8Array(source)) {
    throw new ERR_INVALID_ARG_TYPE('source', ['Buffer', 'Uint8Array'], source);
  }
  if (source.length === 0) return Buffer.alloc(0);
  const from = normalizedId(fromEncoding);
  const to = normalizedId(toEncoding);
  const result = binding.transcode(source, from === undefined ? -1 : from, to === undefined ? -1 : to);
  if (typeof result !== 'string') return new FastBuffer(result);
  throw genericNodeError(`Unable to transcode Buffer [${result}]`,
    { code: result, errno: icuErrnos[result] ?? 0 });
}

let DOMExceptionCtor;
function invalidCharacter(message) {
  DOMExceptionCtor ??= require('internal/per_context/domexception').DOMException;
  return new DOMExceptionCtor(message, 'InvalidCharacterError');
}

function btoa(input) {
  if (arguments.length === 0) throw new ERR_MISSING_ARGS('input');
  input = `${input}`;
  for (let i = 0; i < input.length; i++) {
    if (StringPrototypeCharCodeAt(input, i) > 0xff) throw invalidCharacter('Invalid character');
  }
  return fromStringWith(input, ENC_LATIN1).base64Slice();
}

// The forgiving-base64 decode of the HTML standard: ASCII whitespace is removed, then the text must
// be base64 with optional padding to a multiple of four.
function atob(input) {
  if (arguments.length === 0) throw new ERR_MISSING_ARGS('input');
  input = `${input}`;
  let valid = 0, padding = 0, i = 0;
  const n = input.length;
  for (; i < n; i++) {
    const c = StringPrototypeCharCodeAt(input, i);
    if (c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d || c === 0x20) continue;
    if (c === 0x3d) {
      padding++;
      continue;
    }
    const isAlpha = (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) ||
      c === 0x2b || c === 0x2f;
    if (!isAlpha) throw invalidCharacter('Invalid character');
    if (padding > 0) throw invalidCharacter('Invalid character');
    valid++;
  }
  let total = valid + padding;
  if (padding > 2) throw invalidCharacter('Invalid character');
  if (padding > 0 && total % 4 !== 0) throw invalidCharacter('The string to be decoded is not correctly encoded.');
  if (total % 4 === 0 && padding === 0) total = valid;
  if (valid % 4 === 1) throw invalidCharacter('The string to be decoded is not correctly encoded.');
  return fromStringWith(input, ENC_BASE64).latin1Slice();
}

let blobModule;
function lazyBlob() {
  blobModule ??= require('internal/blob');
  return blobModule;
}

module.exports = {
  Buffer,
  SlowBuffer,
  transcode,
  isUtf8,
  isAscii,
  kMaxLength,
  kStringMaxLength,
  btoa,
  atob,
  constants,
  INSPECT_MAX_BYTES: 50,
  Blob: undefined,
  resolveObjectURL: undefined,
  File: undefined,
};

ObjectDefineProperties(module.exports, {
  INSPECT_MAX_BYTES: {
    __proto__: null,
    configurable: true,
    enumerable: true,
    get() { return INSPECT_MAX_BYTES; },
    set(val) {
      validateNumber(val, 'INSPECT_MAX_BYTES', 0);
      INSPECT_MAX_BYTES = val;
    },
  },
  Blob: {
    __proto__: null, configurable: true, enumerable: true,
    get() { return lazyBlob().Blob; },
    set(v) { ObjectDefineProperty(module.exports, 'Blob', { __proto__: null, value: v, writable: true, configurable: true, enumerable: true }); },
  },
  File: {
    __proto__: null, configurable: true, enumerable: true,
    get() { return lazyBlob().File; },
    set(v) { ObjectDefineProperty(module.exports, 'File', { __proto__: null, value: v, writable: true, configurable: true, enumerable: true }); },
  },
  resolveObjectURL: {
    __proto__: null, configurable: true, enumerable: true,
    get() { return lazyBlob().resolveObjectURL; },
    set(v) { ObjectDefineProperty(module.exports, 'resolveObjectURL', { __proto__: null, value: v, writable: true, configurable: true, enumerable: true }); },
  },
});
