'use strict';
// Blob and File (the File API), as node:buffer exports them and as globals. A Blob holds one
// immutable copy of its bytes; slices share it. It also remembers the lengths of the parts it was
// made of, because stream() hands out one chunk per part, as Node's does.

const {
  ArrayBufferPrototypeSlice,
  DateNow,
  MathMax,
  MathMin,
  MathTrunc,
  NumberIsFinite,
  ObjectDefineProperties,
  PromiseReject,
  PromiseResolve,
  RegExpPrototypeExec,
  RegExpPrototypeSymbolReplace,
  StringPrototypeToLowerCase,
  StringPrototypeToWellFormed,
  SymbolFor,
  SymbolIterator,
  SymbolToStringTag,
  TypedArrayPrototypeGetBuffer,
  TypedArrayPrototypeGetByteLength,
  TypedArrayPrototypeGetByteOffset,
  TypedArrayPrototypeSet,
  TypedArrayPrototypeSlice,
  TypedArrayPrototypeSubarray,
  Uint8Array,
  DataViewPrototypeGetBuffer,
  DataViewPrototypeGetByteLength,
  DataViewPrototypeGetByteOffset,
} = primordials;

const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_THIS,
    ERR_MISSING_ARGS,
  },
  determineSpecificType,
} = require('internal/errors');
const { isAnyArrayBuffer, isArrayBufferView, isTypedArray } = require('internal/util/types');

const customInspectSymbol = SymbolFor('nodejs.util.inspect.custom');
// A type with a character outside U+0020..U+007E is dropped (the File API's rule).
const disallowedTypeCharacters = /[^\u0020-\u007E]/;

let bufferModule;
function lazyBuffer() {
  bufferModule ??= require('buffer');
  return bufferModule.Buffer;
}
let inspectFn;
function lazyInspect() {
  inspectFn ??= require('internal/util/inspect').inspect;
  return inspectFn;
}

function normalizeType(type) {
  type = `${type}`;
  return RegExpPrototypeExec(disallowedTypeCharacters, type) !== null ? '' : StringPrototypeToLowerCase(type);
}

// A copy of the bytes of a view or ArrayBuffer.
function copyBytes(source) {
  let buffer, offset, length;
  if (isAnyArrayBuffer(source)) {
    return new Uint8Array(ArrayBufferPrototypeSlice(source, 0));
  }
  if (isTypedArray(source)) {
    buffer = TypedArrayPrototypeGetBuffer(source);
    offset = TypedArrayPrototypeGetByteOffset(source);
    length = TypedArrayPrototypeGetByteLength(source);
  } else {
    buffer = DataViewPrototypeGetBuffer(source);
    offset = DataViewPrototypeGetByteOffset(source);
    length = DataViewPrototypeGetByteLength(source);
  }
  const out = new Uint8Array(length);
  TypedArrayPrototypeSet(out, new Uint8Array(buffer, offset, length), 0);
  return out;
}

function validateDictionary(value, name) {
  if (value != null && typeof value !== 'object' && typeof value !== 'function') {
    const err = new ERR_INVALID_ARG_TYPE(name, 'Object', value);
    err.message = `The "${name}" argument must be a dictionary. Received ${determineSpecificType(value)}`;
    throw err;
  }
}

let isBlob, fromOwnedBytes;
let ReadableStream;

class Blob {
  #bytes;
  #type;
  #parts; // lengths of the non-empty parts, in order; they add up to the size

  constructor(sources = [], options = undefined) {
    if (sources === null || typeof sources[SymbolIterator] !== 'function' || typeof sources === 'string') {
      const err = new ERR_INVALID_ARG_TYPE('sources', 'Array', sources);
      err.message = 'Value cannot be converted to sequence.';
      throw err;
    }
    validateDictionary(options, 'options');
    let type = '';
    let endings = 'transparent';
    if (options != null) {
      if (options.type !== undefined) type = options.type;
      if (options.endings !== undefined) endings = options.endings;
    }
    endings = `${endings}`;
    if (endings !== 'transparent' && endings !== 'native') {
      throw new ERR_INVALID_ARG_VALUE('options.endings', endings);
    }
    const Buffer = lazyBuffer();
    const parts = [];
    const partLengths = [];
    let length = 0;
    for (const source of sources) {
      let bytes;
      if (source !== null && typeof source === 'object' && #bytes in source) {
        bytes = source.#bytes;
        const inner = source.#parts;
        for (let i = 0; i < inner.length; i++) partLengths[partLengths.length] = inner[i];
      } else if (isAnyArrayBuffer(source) || isArrayBufferView(source)) {
        bytes = copyBytes(source);
      } else {
        let s = `${source}`;
        if (endings === 'native') s = RegExpPrototypeSymbolReplace(/\r\n|\r|\n/g, s, '\n');
        bytes = Buffer.from(s, 'utf8');
      }
      parts[parts.length] = bytes;
      const n = TypedArrayPrototypeGetByteLength(bytes);
      if (n > 0 && (source === null || typeof source !== 'object' || !(#bytes in source))) {
        partLengths[partLengths.length] = n;
      }
      length += n;
    }
    const all = new Uint8Array(length);
    let pos = 0;
    for (let i = 0; i < parts.length; i++) {
      TypedArrayPrototypeSet(all, parts[i], pos);
      pos += TypedArrayPrototypeGetByteLength(parts[i]);
    }
    this.#bytes = all;
    this.#type = normalizeType(type);
    this.#parts = partLengths;
  }

  static #check(blob) {
    if (blob === null || typeof blob !== 'object' || !(#bytes in blob)) throw new ERR_INVALID_THIS('Blob');
  }

  static {
    isBlob = (value) => value !== null && typeof value === 'object' && #bytes in value;
    // A Blob over bytes that are already owned (slices).
    fromOwnedBytes = (bytes, type, parts) => {
      const b = new Blob();
      b.#bytes = bytes;
      b.#type = type;
      const n = TypedArrayPrototypeGetByteLength(bytes);
      b.#parts = parts ?? (n > 0 ? [n] : []);
      return b;
    };
  }

  get type() {
    Blob.#check(this);
    return this.#type;
  }

  get size() {
    Blob.#check(this);
    return TypedArrayPrototypeGetByteLength(this.#bytes);
  }

  slice(start = 0, end = undefined, contentType = '') {
    Blob.#check(this);
    const size = TypedArrayPrototypeGetByteLength(this.#bytes);
    if (end === undefined) end = size;
    start = toIndex(start, size);
    end = toIndex(end, size);
    const span = MathMax(end - start, 0);
    // The parts overlapping [start, start + span), cut to it.
    const parts = [];
    let pos = 0;
    const all = this.#parts;
    for (let i = 0; i < all.length && pos < start + span; i++) {
      const from = MathMax(pos, start);
      const to = MathMin(pos + all[i], start + span);
      if (to > from) parts[parts.length] = to - from;
      pos += all[i];
    }
    return fromOwnedBytes(TypedArrayPrototypeSubarray(this.#bytes, start, start + span),
      normalizeType(contentType), parts);
  }

  // A byte ReadableStream of the contents: one chunk (a copy) per part, pulled on demand.
  stream() {
    Blob.#check(this);
    const bytes = this.#bytes;
    const parts = this.#parts;
    let index = 0;
    let pos = 0;
    ReadableStream ??= require('internal/webstreams/readablestream').ReadableStream;
    return new ReadableStream({
      __proto__: null,
      type: 'bytes',
      pull(controller) {
        if (index < parts.length) {
          const n = parts[index++];
          // A copy: the stream transfers what is enqueued, and the Blob's bytes stay.
          const chunk = TypedArrayPrototypeSlice(bytes, pos, pos + n);
          pos += n;
          controller.enqueue(chunk);
          if (index < parts.length) return;
        }
        controller.close();
        // A BYOB read still waiting ends with an empty view.
        controller.byobRequest?.respond(0);
      },
    }, { __proto__: null, highWaterMark: 0 });
  }

  arrayBuffer() {
    if (!isBlob(this)) return PromiseReject(new ERR_INVALID_THIS('Blob'));
    const b = this.#bytes;
    const off = TypedArrayPrototypeGetByteOffset(b);
    return PromiseResolve(ArrayBufferPrototypeSlice(TypedArrayPrototypeGetBuffer(b), off,
      off + TypedArrayPrototypeGetByteLength(b)));
  }

  text() {
    if (!isBlob(this)) return PromiseReject(new ERR_INVALID_THIS('Blob'));
    const b = this.#bytes;
    return PromiseResolve(lazyBuffer().prototype.utf8Slice.call(b, 0, TypedArrayPrototypeGetByteLength(b)));
  }

  bytes() {
    Blob.#check(this);
    const b = this.#bytes;
    const out = new Uint8Array(TypedArrayPrototypeGetByteLength(b));
    TypedArrayPrototypeSet(out, b, 0);
    return PromiseResolve(out);
  }

  [customInspectSymbol](depth, options) {
    if (depth < 0) return this;
    const opts = { ...options, depth: options.depth == null ? null : options.depth - 1 };
    return `Blob ${lazyInspect()({ size: this.size, type: this.type }, opts)}`;
  }
}

// Relative positions of Blob.prototype.slice: negative counts from the end, clamped to [0, size].
function toIndex(value, size) {
  value = +value;
  if (value !== value) return 0;
  if (!NumberIsFinite(value)) return value < 0 ? 0 : size;
  value = MathTrunc(value);
  if (value < 0) return MathMax(size + value, 0);
  return MathMin(value, size);
}

const kEnumerable = { __proto__: null, enumerable: true };
ObjectDefineProperties(Blob.prototype, {
  size: kEnumerable, type: kEnumerable, slice: kEnumerable, stream: kEnumerable, arrayBuffer: kEnumerable,
  text: kEnumerable, bytes: kEnumerable,
  [SymbolToStringTag]: { __proto__: null, configurable: true, value: 'Blob' },
});

class File extends Blob {
  #name;
  #lastModified;

  constructor(fileBits, fileName, options = undefined) {
    if (arguments.length < 2) throw new ERR_MISSING_ARGS('fileBits', 'fileName');
    super(fileBits, options);
    let lastModified = options?.lastModified;
    if (lastModified !== undefined) {
      lastModified = +lastModified;
      if (lastModified !== lastModified) lastModified = 0;
    } else {
      lastModified = DateNow();
    }
    this.#name = StringPrototypeToWellFormed(`${fileName}`);
    this.#lastModified = lastModified;
  }

  static #check(file) {
    if (file === null || typeof file !== 'object' || !(#name in file)) throw new ERR_INVALID_THIS('File');
  }

  get name() {
    File.#check(this);
    return this.#name;
  }

  get lastModified() {
    File.#check(this);
    return this.#lastModified;
  }

  [customInspectSymbol](depth, options) {
    if (depth < 0) return this;
    const opts = { ...options, depth: options.depth == null ? null : options.depth - 1 };
    return `File ${lazyInspect()({
      size: this.size, type: this.type, name: this.#name, lastModified: this.#lastModified,
    }, opts)}`;
  }
}

ObjectDefineProperties(File.prototype, {
  name: kEnumerable, lastModified: kEnumerable,
  [SymbolToStringTag]: { __proto__: null, configurable: true, value: 'File' },
});

// The Blob registered under a blob:nodedata: URL by URL.createObjectURL, as a new Blob over the
// same bytes (Node returns a fresh object each time), or undefined.
function resolveObjectURL(url) {
  const blob = require('internal/url').resolveObjectURL(`${url}`);
  if (blob === undefined || !isBlob(blob)) return undefined;
  return blob.slice(0, blob.size, blob.type);
}


module.exports = { Blob, File, isBlob, fromOwnedBytes, resolveObjectURL };
