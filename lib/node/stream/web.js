'use strict';
// node:stream/web — the WHATWG streams classes, as Node 24 exports them. TextEncoderStream and
// TextDecoderStream (internal/webstreams/encoding) and CompressionStream/DecompressionStream
// (internal/webstreams/compression) load on first access.

const { ArrayPrototypeIncludes, ObjectDefineProperty } = primordials;

const readable = require('internal/webstreams/readablestream');
const writable = require('internal/webstreams/writablestream');
const transform = require('internal/webstreams/transformstream');
const strategies = require('internal/webstreams/queuingstrategies');

module.exports = {
  ReadableStream: readable.ReadableStream,
  ReadableStreamTee: readable.ReadableStreamTee,
  ReadableStreamDefaultReader: readable.ReadableStreamDefaultReader,
  ReadableStreamBYOBReader: readable.ReadableStreamBYOBReader,
  ReadableStreamBYOBRequest: readable.ReadableStreamBYOBRequest,
  ReadableByteStreamController: readable.ReadableByteStreamController,
  ReadableStreamDefaultController: readable.ReadableStreamDefaultController,
  TransformStream: transform.TransformStream,
  TransformStreamDefaultController: transform.TransformStreamDefaultController,
  WritableStream: writable.WritableStream,
  WritableStreamDefaultWriter: writable.WritableStreamDefaultWriter,
  WritableStreamDefaultController: writable.WritableStreamDefaultController,
  ByteLengthQueuingStrategy: strategies.ByteLengthQueuingStrategy,
  CountQueuingStrategy: strategies.CountQueuingStrategy,
};

function lazy(name, path) {
  ObjectDefineProperty(module.exports, name, {
    __proto__: null,
    enumerable: true,
    configurable: true,
    get() {
      const value = require(path)[name];
      ObjectDefineProperty(module.exports, name, {
        __proto__: null, value, writable: true, enumerable: true, configurable: true,
      });
      return value;
    },
    set(value) {
      ObjectDefineProperty(module.exports, name, {
        __proto__: null, value, writable: true, enumerable: true, configurable: true,
      });
    },
  });
}

// Only the modules this build embeds are offered.
const ids = internalBinding('builtins').ids();
if (ArrayPrototypeIncludes(ids, 'internal/webstreams/encoding')) {
  lazy('TextEncoderStream', 'internal/webstreams/encoding');
  lazy('TextDecoderStream', 'internal/webstreams/encoding');
}
if (ArrayPrototypeIncludes(ids, 'internal/webstreams/compression')) {
  lazy('CompressionStream', 'internal/webstreams/compression');
  lazy('DecompressionStream', 'internal/webstreams/compression');
}
