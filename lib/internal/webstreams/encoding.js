'use strict';
// TextEncoderStream and TextDecoderStream (Encoding Standard §7): a TransformStream whose transformer
// runs our TextEncoder / TextDecoder (lib/internal/encoding.js) over each chunk.
// Exports: TextEncoderStream, TextDecoderStream.
//
// TextEncoderStream keeps a high surrogate that ends a chunk until the next chunk: joined with a low
// surrogate there it is one character; otherwise (or at the end) it becomes U+FFFD. TextDecoderStream
// decodes with { stream: true } so characters split across chunks come out whole, and flushes the
// decoder at the end (U+FFFD or a TypeError in fatal mode for an incomplete sequence).
// As in Node 24, the getters' brand checks throw the private-field TypeError (V8's message), the
// inspect hook ERR_INVALID_THIS, the classes have no
// Symbol.toStringTag, and TextEncoderStream converts chunks with String() (a Symbol does not throw).

const {
  ObjectDefineProperties,
  String,
  StringPrototypeCharCodeAt,
  StringPrototypeSlice,
  SymbolFor,
  Uint8Array,
} = primordials;

const { TextEncoder, TextDecoder } = require('internal/encoding');
const { isAnyArrayBuffer, isArrayBufferView } = require('internal/util/types');
const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_THIS },
} = require('internal/errors');
const { TransformStream } = require('internal/webstreams/transformstream');

const customInspect = SymbolFor('nodejs.util.inspect.custom');
let inspectFn;

// Node's output: `Name { field: value, ... }`; below depth 0 Node returns its `this`, which is
// undefined there, so a nested stream past the depth limit shows as `undefined`.
function inspectStream(name, depth, options, data) {
  if (depth < 0) return undefined;
  inspectFn ??= require('internal/util/inspect').inspect;
  const opts = { ...options, depth: options.depth == null ? null : options.depth - 1 };
  return `${name} ${inspectFn(data, opts)}`;
}

const kReplacement = [0xef, 0xbf, 0xbd];

// The TypeError of reading a private field of the wrong object, with V8's wording (which Node's
// tests match) rather than the engine's.
function privateMemberError(field) {
  return new TypeError(`Cannot read private member ${field} from an object whose class did not declare it`);
}

class TextEncoderStream {
  #encoder;
  #transform;
  #pendingHigh = '';

  constructor() {
    this.#encoder = new TextEncoder();
    this.#transform = new TransformStream({
      __proto__: null,
      transform: (chunk, controller) => {
        // Node converts with String(), so a Symbol chunk is written as its description.
        let s = String(chunk);
        if (s.length === 0) return;
        if (this.#pendingHigh !== '') {
          // The encoder turns an unpaired high surrogate into U+FFFD by itself.
          s = this.#pendingHigh + s;
          this.#pendingHigh = '';
        }
        const last = StringPrototypeCharCodeAt(s, s.length - 1);
        if (last >= 0xd800 && last <= 0xdbff) {
          this.#pendingHigh = StringPrototypeSlice(s, -1);
          s = StringPrototypeSlice(s, 0, -1);
          if (s.length === 0) return;
        }
        controller.enqueue(this.#encoder.encode(s));
      },
      flush: (controller) => {
        if (this.#pendingHigh !== '') {
          this.#pendingHigh = '';
          controller.enqueue(new Uint8Array(kReplacement));
        }
      },
    });
  }

  static #is(value) {
    return value !== null && typeof value === 'object' && #transform in value;
  }

  get encoding() {
    if (!TextEncoderStream.#is(this)) throw privateMemberError('#encoder');
    return this.#encoder.encoding;
  }

  get readable() {
    if (!TextEncoderStream.#is(this)) throw privateMemberError('#transform');
    return this.#transform.readable;
  }

  get writable() {
    if (!TextEncoderStream.#is(this)) throw privateMemberError('#transform');
    return this.#transform.writable;
  }

  [customInspect](depth, options) {
    if (!TextEncoderStream.#is(this)) throw new ERR_INVALID_THIS('TextEncoderStream');
    return inspectStream('TextEncoderStream', depth, options, {
      encoding: this.#encoder.encoding,
      readable: this.#transform.readable,
      writable: this.#transform.writable,
    });
  }
}

class TextDecoderStream {
  #decoder;
  #transform;

  constructor(encoding = 'utf-8', options = { __proto__: null }) {
    this.#decoder = new TextDecoder(encoding, options);
    this.#transform = new TransformStream({
      __proto__: null,
      transform: (chunk, controller) => {
        // Only BufferSources; Node's messages (an undefined chunk gets the "string" one).
        if (chunk === undefined) throw new ERR_INVALID_ARG_TYPE('chunk', 'string', chunk);
        if (!isAnyArrayBuffer(chunk) && !isArrayBufferView(chunk)) {
          throw new ERR_INVALID_ARG_TYPE('input', ['ArrayBuffer', 'ArrayBufferView'], chunk);
        }
        const value = this.#decoder.decode(chunk, { stream: true });
        if (value) controller.enqueue(value);
      },
      flush: (controller) => {
        const value = this.#decoder.decode();
        if (value) controller.enqueue(value);
      },
    });
  }

  static #is(value) {
    return value !== null && typeof value === 'object' && #transform in value;
  }

  get encoding() {
    if (!TextDecoderStream.#is(this)) throw privateMemberError('#decoder');
    return this.#decoder.encoding;
  }

  get fatal() {
    if (!TextDecoderStream.#is(this)) throw privateMemberError('#decoder');
    return this.#decoder.fatal;
  }

  get ignoreBOM() {
    if (!TextDecoderStream.#is(this)) throw privateMemberError('#decoder');
    return this.#decoder.ignoreBOM;
  }

  get readable() {
    if (!TextDecoderStream.#is(this)) throw privateMemberError('#transform');
    return this.#transform.readable;
  }

  get writable() {
    if (!TextDecoderStream.#is(this)) throw privateMemberError('#transform');
    return this.#transform.writable;
  }

  [customInspect](depth, options) {
    if (!TextDecoderStream.#is(this)) throw new ERR_INVALID_THIS('TextDecoderStream');
    return inspectStream('TextDecoderStream', depth, options, {
      encoding: this.#decoder.encoding,
      fatal: this.#decoder.fatal,
      ignoreBOM: this.#decoder.ignoreBOM,
      readable: this.#transform.readable,
      writable: this.#transform.writable,
    });
  }
}

// WebIDL attributes are enumerable.
for (const [Class, names] of [[TextEncoderStream, ['encoding', 'readable', 'writable']],
  [TextDecoderStream, ['encoding', 'fatal', 'ignoreBOM', 'readable', 'writable']]]) {
  const props = { __proto__: null };
  for (let i = 0; i < names.length; i++) props[names[i]] = { __proto__: null, enumerable: true };
  ObjectDefineProperties(Class.prototype, props);
}

module.exports = { TextEncoderStream, TextDecoderStream };
