'use strict';
// The WHATWG Encoding API: TextEncoder and TextDecoder. The byte work is C
// (src/web/encoding_binding.c): one crossing per encode/encodeInto/decode, decoding straight into
// JS strings. A TextDecoder owns a native handle with its streaming state (bytes of a character
// split across calls, the BOM flag, an ICU converter for the CJK encodings).

const {
  ArrayBufferPrototypeGetByteLength,
  DataViewPrototypeGetBuffer,
  DataViewPrototypeGetByteLength,
  DataViewPrototypeGetByteOffset,
  FunctionPrototypeCall,
  ObjectDefineProperties,
  ObjectCreate,
  ObjectDefineProperty,
  ObjectGetOwnPropertyDescriptor,
  ObjectGetPrototypeOf,
  ObjectKeys,
  SharedArrayBufferPrototypeGetByteLength,
  SymbolFor,
  SymbolToStringTag,
  TypedArrayPrototypeGetBuffer,
  TypedArrayPrototypeGetByteLength,
  TypedArrayPrototypeGetByteOffset,
  TypedArrayPrototypeGetSymbolToStringTag,
  Uint32Array,
  Uint8Array,
} = primordials;

const binding = internalBinding('encoding');
const {
  codes: {
    ERR_ENCODING_INVALID_ENCODED_DATA, ERR_ENCODING_NOT_SUPPORTED, ERR_INVALID_ARG_TYPE, ERR_INVALID_THIS,
  },
} = require('internal/errors');

const customInspect = SymbolFor('nodejs.util.inspect.custom');
let inspectFn;
function lazyInspect() {
  inspectFn ??= require('internal/util/inspect').inspect;
  return inspectFn;
}

const kEmptyObject = { __proto__: null };
const encodeIntoResult = new Uint32Array(2);

function validateOptions(options, name) {
  if (options === null || options === undefined) return;
  const type = typeof options;
  if (type !== 'object' && type !== 'function') throw new ERR_INVALID_ARG_TYPE(name, 'object', options);
}

function isArrayBuffer(value) {
  try {
    ArrayBufferPrototypeGetByteLength(value);
    return true;
  } catch {
    return false;
  }
}

// SharedArrayBuffer's byteLength getter, which throws for anything else. The engine may not expose
// the SharedArrayBuffer global (JSC without cross-origin isolation); shared WebAssembly memory
// still makes them, so the getter is then found on such a buffer's prototype.
let sabByteLength;
function isSharedArrayBuffer(value) {
  if (sabByteLength === undefined) {
    sabByteLength = SharedArrayBufferPrototypeGetByteLength ?? null;
    if (sabByteLength === null) {
      try {
        const sab = new WebAssembly.Memory({ shared: true, initial: 0, maximum: 0 }).buffer;
        const get = ObjectGetOwnPropertyDescriptor(ObjectGetPrototypeOf(sab), 'byteLength')?.get;
        if (typeof get === 'function') sabByteLength = (v) => FunctionPrototypeCall(get, v);
      } catch {
        // no shared memory at all
      }
    }
  }
  if (sabByteLength === null) return false;
  try {
    sabByteLength(value);
    return true;
  } catch {
    return false;
  }
}

// What decode() hands the binding: typed arrays and ArrayBuffers as they are (C reads their bytes),
// SharedArrayBuffers and DataViews as a Uint8Array over the same memory.
function toBytes(input) {
  if (typeof input !== 'object' || input === null) return undefined;
  const tag = TypedArrayPrototypeGetSymbolToStringTag(input);
  if (tag !== undefined) {
    // The engine's C API does not know Float16Array.
    if (tag !== 'Float16Array') return input;
    return new Uint8Array(TypedArrayPrototypeGetBuffer(input), TypedArrayPrototypeGetByteOffset(input),
                          TypedArrayPrototypeGetByteLength(input));
  }
  if (isArrayBuffer(input)) return input;
  if (isSharedArrayBuffer(input)) return new Uint8Array(input);
  let buffer;
  try {
    buffer = DataViewPrototypeGetBuffer(input);
  } catch {
    return undefined;
  }
  return new Uint8Array(buffer, DataViewPrototypeGetByteOffset(input), DataViewPrototypeGetByteLength(input));
}

function invalidInput(input) {
  const err = new ERR_INVALID_ARG_TYPE('list', ['SharedArrayBuffer', 'ArrayBuffer', 'ArrayBufferView'], input);
  // Node raises this one from C++ with a fixed message.
  err.message = 'The "list" argument must be an instance of SharedArrayBuffer, ArrayBuffer or ArrayBufferView.';
  return err;
}

// An object that util.inspect shows as `Name { ...fields }` (Name: the class of `self`).
function inspectObject(self, Base, depth, options, fields) {
  if (typeof depth === 'number' && depth < 0) return `[${Base.name}]`;
  // The prototype names the class (and hides its tag), as Node's inspect output does.
  const proto = ObjectGetPrototypeOf(self);
  const ctor = proto?.constructor;
  const obj = ObjectCreate(ObjectCreate(proto, {
    constructor: { __proto__: null, value: typeof ctor === 'function' ? ctor : Base },
    [SymbolToStringTag]: { __proto__: null, value: undefined },
  }));
  const keys = ObjectKeys(fields);
  for (let i = 0; i < keys.length; i++) {
    ObjectDefineProperty(obj, keys[i], {
      __proto__: null, value: fields[keys[i]], writable: true, enumerable: true, configurable: true,
    });
  }
  return lazyInspect()(obj, { ...options, depth, customInspect: false });
}

class TextDecoder {
  #encoding;
  #fatal;
  #ignoreBOM;
  #handle;

  constructor(encoding = 'utf-8', options = kEmptyObject) {
    encoding = `${encoding}`;
    validateOptions(options, 'options');
    const fatal = !!options?.fatal;
    const ignoreBOM = !!options?.ignoreBOM;
    const name = binding.lookup(encoding);
    const handle = name === undefined ? undefined : binding.createDecoder(name, fatal, ignoreBOM);
    if (handle === undefined) throw new ERR_ENCODING_NOT_SUPPORTED(name ?? encoding);
    this.#encoding = name;
    this.#fatal = fatal;
    this.#ignoreBOM = ignoreBOM;
    this.#handle = handle;
  }

  decode(input = undefined, options = kEmptyObject) {
    if (!(#handle in this)) throw new ERR_INVALID_THIS('TextDecoder');
    let bytes;
    if (input !== undefined) {
      bytes = toBytes(input);
      if (bytes === undefined) throw invalidInput(input);
    }
    validateOptions(options, 'options');
    const result = binding.decode(this.#handle, bytes, !!options?.stream);
    if (result === undefined) throw new ERR_ENCODING_INVALID_ENCODED_DATA(this.#encoding);
    return result;
  }

  get encoding() {
    if (!(#handle in this)) throw new ERR_INVALID_THIS('TextDecoder');
    return this.#encoding;
  }

  get fatal() {
    if (!(#handle in this)) throw new ERR_INVALID_THIS('TextDecoder');
    return this.#fatal;
  }

  get ignoreBOM() {
    if (!(#handle in this)) throw new ERR_INVALID_THIS('TextDecoder');
    return this.#ignoreBOM;
  }

  [customInspect](depth, options) {
    if (!(#handle in this)) return this;
    return inspectObject(this, TextDecoder, depth, options,
                         { encoding: this.#encoding, fatal: this.#fatal, ignoreBOM: this.#ignoreBOM });
  }
}

class TextEncoder {
  #brand = true;

  get encoding() {
    if (!(#brand in this)) throw new ERR_INVALID_THIS('TextEncoder');
    return 'utf-8';
  }

  encode(input = '') {
    if (!(#brand in this)) throw new ERR_INVALID_THIS('TextEncoder');
    return binding.encode(`${input}`);
  }

  encodeInto(src, dest) {
    if (!(#brand in this)) throw new ERR_INVALID_THIS('TextEncoder');
    if (typeof src !== 'string') throw new ERR_INVALID_ARG_TYPE('src', 'string', src);
    if (typeof dest !== 'object' || dest === null || TypedArrayPrototypeGetSymbolToStringTag(dest) !== 'Uint8Array') {
      throw new ERR_INVALID_ARG_TYPE('dest', 'Uint8Array', dest);
    }
    binding.encodeInto(src, dest, encodeIntoResult);
    return { read: encodeIntoResult[0], written: encodeIntoResult[1] };
  }

  [customInspect](depth, options) {
    if (!(#brand in this)) return this;
    if (typeof depth === 'number' && depth < 0) return '[TextEncoder]';
    return lazyInspect()({ encoding: 'utf-8' }, { ...options, depth });
  }
}

// WebIDL: attributes and operations are enumerable; the class tags itself.
for (const [Class, names] of [[TextDecoder, ['decode', 'encoding', 'fatal', 'ignoreBOM']],
  [TextEncoder, ['encoding', 'encode', 'encodeInto']]]) {
  const props = { __proto__: null };
  for (let i = 0; i < names.length; i++) props[names[i]] = { __proto__: null, enumerable: true };
  ObjectDefineProperties(Class.prototype, props);
  ObjectDefineProperty(Class.prototype, SymbolToStringTag, {
    __proto__: null, value: Class.name, writable: false, enumerable: false, configurable: true,
  });
}

module.exports = { TextDecoder, TextEncoder };
