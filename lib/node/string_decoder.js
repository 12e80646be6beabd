'use strict';
// node:string_decoder. The state lives in a 7-byte buffer laid out as Node's (held bytes of an
// incomplete character, bytes still missing, bytes held, encoding); each write() is one call into
// C (src/web/encoding_binding.c), which converts the complete characters and updates the state.

const {
  ArrayBufferIsView,
  DataViewPrototypeGetBuffer,
  DataViewPrototypeGetByteLength,
  DataViewPrototypeGetByteOffset,
  ObjectDefineProperties,
  StringPrototypeToLowerCase,
  Symbol,
  TypedArrayPrototypeGetBuffer,
  TypedArrayPrototypeGetByteLength,
  TypedArrayPrototypeGetByteOffset,
  TypedArrayPrototypeGetSymbolToStringTag,
  TypedArrayPrototypeSubarray,
  Uint8Array,
} = primordials;

const { sdWrite, sdFlush } = internalBinding('encoding');
const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_THIS, ERR_UNKNOWN_ENCODING },
} = require('internal/errors');

// Indexes into the state, as in src/web/encoding.h (DX_SD_*).
const kMissingBytes = 4;
const kBufferedBytes = 5;
const kEncodingField = 6;
const kNumFields = 7;
// Node's encoding numbers (DX_SD_ASCII...).
const encodings = {
  __proto__: null, ascii: 0, utf8: 1, base64: 2, utf16le: 3, latin1: 4, hex: 5, base64url: 7,
};

const kNativeDecoder = Symbol('kNativeDecoder');

// Buffer when node:buffer is there (the state then inspects as Node's), else a Uint8Array.
let allocState;
function stateAllocator() {
  let Buffer;
  try {
    ({ Buffer } = require('buffer'));
  } catch {
    // no node:buffer in this build
  }
  return typeof Buffer === 'function' && typeof Buffer.alloc === 'function'
    ? () => Buffer.alloc(kNumFields) : () => new Uint8Array(kNumFields);
}

function normalizeEncoding(enc) {
  if (enc === undefined || enc === null || enc === '' || enc === 'utf8' || enc === 'utf-8') return 'utf8';
  if (typeof enc !== 'string') return undefined;
  switch (StringPrototypeToLowerCase(enc)) {
    case 'utf8': case 'utf-8': return 'utf8';
    case 'ucs2': case 'ucs-2': case 'utf16le': case 'utf-16le': return 'utf16le';
    case 'latin1': case 'binary': return 'latin1';
    case 'base64': return 'base64';
    case 'base64url': return 'base64url';
    case 'hex': return 'hex';
    case 'ascii': return 'ascii';
    default: return undefined;
  }
}

function StringDecoder(encoding) {
  const normalized = normalizeEncoding(encoding);
  if (normalized === undefined) throw new ERR_UNKNOWN_ENCODING(encoding);
  this.encoding = normalized;
  allocState ??= stateAllocator();
  const state = allocState();
  state[kEncodingField] = encodings[normalized];
  this[kNativeDecoder] = state;
}

// Typed arrays go to C as they are, except Float16Array, which the engine's C API does not know; those
// and DataViews as a Uint8Array over their bytes.
function bytesOf(buf) {
  const tag = TypedArrayPrototypeGetSymbolToStringTag(buf);
  if (tag !== undefined) {
    if (tag !== 'Float16Array') return buf;
    return new Uint8Array(TypedArrayPrototypeGetBuffer(buf), TypedArrayPrototypeGetByteOffset(buf),
                          TypedArrayPrototypeGetByteLength(buf));
  }
  return new Uint8Array(DataViewPrototypeGetBuffer(buf), DataViewPrototypeGetByteOffset(buf),
                        DataViewPrototypeGetByteLength(buf));
}

StringDecoder.prototype.write = function write(buf) {
  if (typeof buf === 'string') return buf;
  if (!ArrayBufferIsView(buf)) throw new ERR_INVALID_ARG_TYPE('buf', ['Buffer', 'TypedArray', 'DataView'], buf);
  const state = this[kNativeDecoder];
  if (state === undefined) throw new ERR_INVALID_THIS('StringDecoder');
  return sdWrite(state, bytesOf(buf));
};

StringDecoder.prototype.end = function end(buf) {
  let ret = '';
  if (buf !== undefined) ret = this.write(buf);
  const state = this[kNativeDecoder];
  if (state[kBufferedBytes] > 0) ret += sdFlush(state);
  else state[kMissingBytes] = 0;
  return ret;
};

// The text of `buf` from byte `offset`, dropping any incomplete character held before.
StringDecoder.prototype.text = function text(buf, offset) {
  const state = this[kNativeDecoder];
  state[kMissingBytes] = 0;
  state[kBufferedBytes] = 0;
  return this.write(buf.slice(offset));
};

ObjectDefineProperties(StringDecoder.prototype, {
  lastChar: {
    __proto__: null,
    configurable: true,
    enumerable: true,
    get() {
      return TypedArrayPrototypeSubarray(this[kNativeDecoder], 0, 4);
    },
  },
  lastNeed: {
    __proto__: null,
    configurable: true,
    enumerable: true,
    get() {
      return this[kNativeDecoder][kMissingBytes];
    },
  },
  lastTotal: {
    __proto__: null,
    configurable: true,
    enumerable: true,
    get() {
      const state = this[kNativeDecoder];
      return state[kBufferedBytes] + state[kMissingBytes];
    },
  },
});

module.exports = { StringDecoder };
