'use strict';
// node:stream — the legacy Stream class carrying the classic stream classes and helpers.

const { ObjectDefineProperty, SymbolFor, TypedArrayPrototypeGetBuffer, TypedArrayPrototypeGetByteLength,
  TypedArrayPrototypeGetByteOffset } = primordials;

const { Stream } = require('internal/streams/legacy');
const utils = require('internal/streams/utils');
const destroyImpl = require('internal/streams/destroy');
const eos = require('internal/streams/end-of-stream');
const { pipeline } = require('internal/streams/pipeline');
const { addAbortSignal } = require('internal/streams/add-abort-signal');
const { getDefaultHighWaterMark, setDefaultHighWaterMark } = require('internal/streams/state');
const { isArrayBufferView, isUint8Array } = require('internal/util/types');
const { Buffer } = require('buffer');

module.exports = Stream;

const kCustomPromisify = SymbolFor('nodejs.util.promisify.custom');

Stream.isDestroyed = utils.isDestroyed;
Stream.isDisturbed = utils.isDisturbed;
Stream.isErrored = utils.isErrored;
Stream.isReadable = utils.isReadable;
Stream.isWritable = utils.isWritable;

Stream.Readable = require('internal/streams/readable');
Stream.Writable = require('internal/streams/writable');
Stream.Duplex = require('internal/streams/duplex');
Stream.Transform = require('internal/streams/transform');
Stream.PassThrough = require('internal/streams/passthrough');
Stream.duplexPair = require('internal/streams/duplexpair');
Stream.pipeline = pipeline;
Stream.addAbortSignal = addAbortSignal;
Stream.finished = eos;
Stream.destroy = destroyImpl.destroyer;
Stream.compose = function compose(...streams) {
  return require('internal/streams/compose')(...streams);
};
Stream.setDefaultHighWaterMark = setDefaultHighWaterMark;
Stream.getDefaultHighWaterMark = getDefaultHighWaterMark;


let promises;
ObjectDefineProperty(Stream, 'promises', {
  __proto__: null,
  configurable: true,
  enumerable: true,
  get() {
    promises ??= require('stream/promises');
    return promises;
  },
});

ObjectDefineProperty(pipeline, kCustomPromisify, {
  __proto__: null,
  enumerable: true,
  get() {
    promises ??= require('stream/promises');
    return promises.pipeline;
  },
});

ObjectDefineProperty(eos, kCustomPromisify, {
  __proto__: null,
  enumerable: true,
  get() {
    promises ??= require('stream/promises');
    return promises.finished;
  },
});

// Backwards-compatible self reference (`require('stream').Stream`).
Stream.Stream = Stream;

Stream._isArrayBufferView = isArrayBufferView;
Stream._isUint8Array = isUint8Array;
Stream._uint8ArrayToBuffer = function _uint8ArrayToBuffer(chunk) {
  return Buffer.from(TypedArrayPrototypeGetBuffer(chunk), TypedArrayPrototypeGetByteOffset(chunk),
                     TypedArrayPrototypeGetByteLength(chunk));
};
