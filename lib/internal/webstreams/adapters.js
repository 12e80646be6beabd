'use strict';
// Bridges between Node streams and WHATWG streams: what Readable.toWeb/fromWeb, Writable.toWeb/
// fromWeb, Duplex.toWeb/fromWeb and Duplex.from(web stream) return.
// Exports (Node's names for them):
//   newReadableStreamFromStreamReadable(readable, { type, strategy })   Readable -> ReadableStream
//   newStreamReadableFromReadableStream(readableStream, options)        ReadableStream -> Readable
//   newWritableStreamFromStreamWritable(writable)                       Writable -> WritableStream
//   newStreamWritableFromWritableStream(writableStream, options)        WritableStream -> Writable
//   newReadableWritablePairFromDuplex(duplex, { readableType })         Duplex -> { readable, writable }
//   newStreamDuplexFromReadableWritablePair(pair, options)              { readable, writable } -> Duplex
//
// How each side follows the other (Node 24's behaviour):
//  - A Readable feeding a ReadableStream is paused and read through 'data': each chunk is enqueued
//    (a Buffer is copied into a fresh Uint8Array, so the web side owns its bytes and a byte stream can
//    transfer them), and the Readable is paused again once the queue is full; pull() resumes it.
//    finished() closes or errors the ReadableStream (a premature close becomes an AbortError);
//    cancel(reason) destroys the Readable with the reason (an AbortError without one).
//  - A ReadableStream feeding a Readable is read once per _read(); destroying the Readable cancels
//    the reader, and the stream erroring destroys the Readable.
//  - A Writable behind a WritableStream: write() waits for 'drain' when write() returns false,
//    close() ends the Writable and waits until it is finished, abort() destroys it.
//  - A WritableStream behind a Writable: _write waits for writer.ready and the write, _final closes
//    the writer, destroy aborts it (closes it when destroyed without an error).

const {
  Promise,
  PromisePrototypeThen,
  PromiseResolve,
  TypedArrayPrototypeGetBuffer,
  TypedArrayPrototypeGetByteLength,
  TypedArrayPrototypeGetByteOffset,
  TypedArrayPrototypeSlice,
  Uint8Array,
} = primordials;

const {
  AbortError,
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_STREAM_PREMATURE_CLOSE,
  },
} = require('internal/errors');
const {
  isDestroyed,
  isReadable,
  isWritable,
  isWritableEnded,
  kEmptyObject,
  nop,
  validateBoolean,
  validateObject,
} = require('internal/streams/utils');
const eos = require('internal/streams/end-of-stream');
const { destroyer } = require('internal/streams/destroy');
const { Buffer } = require('buffer');
const { ReadableStream, isReadableStream } = require('internal/webstreams/readablestream');
const { WritableStream, isWritableStream } = require('internal/webstreams/writablestream');
const { CountQueuingStrategy } = require('internal/webstreams/queuingstrategies');

let Readable;
let Writable;
let Duplex;

// A premature close of the Node side reaches the web side as an AbortError carrying it.
function webError(error) {
  if (error?.code === 'ERR_STREAM_PREMATURE_CLOSE') return new AbortError(undefined, { cause: error });
  return error;
}

function validateType(type) {
  if (type !== undefined && type !== 'bytes') {
    throw new ERR_INVALID_ARG_VALUE('options.type', type, "must be one of: 'bytes', undefined");
  }
}

// Chunks of a byte-mode Writable count by their size (bytes of a buffer, units of a string).
function writableChunkSize(chunk) {
  const n = chunk?.byteLength ?? chunk?.length;
  return typeof n === 'number' ? n : 1;
}

// A Uint8Array copy of a Buffer's bytes. Sliced through a plain Uint8Array view: the engine copies
// that with one memcpy, where copying from the Buffer itself takes a much slower path.
function copyToUint8Array(buf) {
  const view = new Uint8Array(TypedArrayPrototypeGetBuffer(buf), TypedArrayPrototypeGetByteOffset(buf),
                              TypedArrayPrototypeGetByteLength(buf));
  return TypedArrayPrototypeSlice(view);
}

function makeDeferred() {
  let resolve;
  let reject;
  const promise = new Promise((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

// Calls back once every promise in `promises` (undefined entries count as settled) has settled, with
// the first rejection reason or undefined. Uses the captured `then`, not Promise.all.
function afterAll(promises, callback) {
  let pending = 1;
  let error;
  const settle = () => {
    if (--pending === 0) callback(error);
  };
  const fail = (err) => {
    error ??= err;
    settle();
  };
  for (let i = 0; i < promises.length; i++) {
    if (promises[i] === undefined) continue;
    pending++;
    PromisePrototypeThen(promises[i], settle, fail);
  }
  settle();
}

// Calls a Node stream callback from a promise reaction; an exception it throws must not become a
// rejection nobody sees.
function callbackOutside(callback, error) {
  try {
    callback(error);
  } catch (err) {
    process.nextTick(() => {
      throw err;
    });
  }
}

function readableStreamFrom(streamReadable, type, strategy) {
  const objectMode = streamReadable.readableObjectMode;
  const highWaterMark = streamReadable.readableHighWaterMark;
  const bytes = type === 'bytes';
  let controller;
  let canceled = false;
  let settled = false;

  if (strategy === undefined || strategy === null) {
    strategy = objectMode && !bytes ? new CountQueuingStrategy({ highWaterMark }) : { highWaterMark };
  }

  function onData(chunk) {
    // Data the Readable still emits after the web side was canceled has nowhere to go.
    if (canceled || settled) return;
    if (!objectMode && Buffer.isBuffer(chunk)) chunk = copyToUint8Array(chunk);
    controller.enqueue(chunk);
    if (controller.desiredSize <= 0) streamReadable.pause();
  }

  function settle(error) {
    if (settled) return;
    settled = true;
    if (error) {
      controller.error(webError(error));
      return;
    }
    if (canceled) return;
    controller.close();
    // A BYOB read waiting for bytes ends with an empty view.
    if (bytes) controller.byobRequest?.respond(0);
  }

  function onFinished(error) {
    cleanup();
    // Old-style streams may emit 'error' again after finishing; nobody listens any more.
    streamReadable.on('error', nop);
    settle(error);
  }

  // Paused before the 'data' listener goes on, so adding it does not start the flow.
  streamReadable.pause();
  const cleanup = eos(streamReadable, onFinished);
  streamReadable.on('data', onData);

  const source = {
    __proto__: null,
    start(c) {
      controller = c;
      // A Readable destroyed already gives a stream that is over from the start: errored with its
      // error, closed if it had ended, otherwise errored as closed prematurely.
      if (isDestroyed(streamReadable)) {
        const state = streamReadable._readableState;
        if (state.errored) settle(state.errored);
        else if (state.endEmitted) settle(null);
        else settle(new ERR_STREAM_PREMATURE_CLOSE());
      }
    },
    pull() {
      streamReadable.resume();
    },
    cancel(reason) {
      canceled = true;
      destroyer(streamReadable, reason ?? new AbortError());
    },
  };
  if (bytes) source.type = 'bytes';
  return new ReadableStream(source, strategy);
}

function newReadableStreamFromStreamReadable(streamReadable, options = kEmptyObject) {
  if (typeof streamReadable?._readableState !== 'object') {
    throw new ERR_INVALID_ARG_TYPE('streamReadable', 'stream.Readable', streamReadable);
  }
  validateObject(options, 'options');
  const { type, strategy } = options;
  validateType(type);
  return readableStreamFrom(streamReadable, type, strategy);
}

function newStreamReadableFromReadableStream(readableStream, options = kEmptyObject) {
  if (!isReadableStream(readableStream)) {
    throw new ERR_INVALID_ARG_TYPE('readableStream', 'ReadableStream', readableStream);
  }
  validateObject(options, 'options');
  const { highWaterMark, encoding, objectMode = false, signal } = options;
  if (encoding !== undefined && !Buffer.isEncoding(encoding)) {
    throw new ERR_INVALID_ARG_VALUE('options.encoding', encoding);
  }
  validateBoolean(objectMode, 'options.objectMode');

  Readable ??= require('internal/streams/readable');
  const reader = readableStream.getReader();
  let closed = false;

  const onRead = (result) => {
    if (result.done) readable.push(null);
    else readable.push(result.value);
  };
  const onReadError = (error) => destroyer(readable, error);

  const readable = new Readable({
    objectMode,
    highWaterMark,
    encoding,
    signal,
    read() {
      PromisePrototypeThen(reader.read(), onRead, onReadError);
    },
    destroy(error, callback) {
      const done = () => callbackOutside(callback, error);
      if (closed) {
        done();
        return;
      }
      PromisePrototypeThen(reader.cancel(error), done, done);
    },
  });

  PromisePrototypeThen(reader.closed, () => {
    closed = true;
  }, (error) => {
    closed = true;
    destroyer(readable, error);
  });
  return readable;
}

function writableStreamFrom(streamWritable) {
  const highWaterMark = streamWritable.writableHighWaterMark;
  const strategy = streamWritable.writableObjectMode ?
    new CountQueuingStrategy({ highWaterMark }) :
    { highWaterMark, size: writableChunkSize };
  let controller;
  let backpressure; // deferred: a write waiting for 'drain'
  let closing; // deferred: close() waiting for the Writable to finish

  function onDrain() {
    const waiting = backpressure;
    backpressure = undefined;
    waiting?.resolve();
  }

  const cleanup = eos(streamWritable, (error) => {
    error = webError(error);
    cleanup();
    streamWritable.removeListener('drain', onDrain);
    // Old-style streams may emit 'error' again after finishing; nobody listens any more.
    streamWritable.on('error', nop);
    if (error != null) {
      // The write that waited succeeds; the stream itself errors (Node's order).
      backpressure?.resolve();
      backpressure = undefined;
      closing?.reject(error);
      closing = undefined;
      controller.error(error);
      return;
    }
    if (closing !== undefined) {
      closing.resolve();
      closing = undefined;
      return;
    }
    // Finished although the web side never closed it: someone else ended it.
    backpressure?.resolve();
    backpressure = undefined;
    controller.error(new AbortError());
  });
  streamWritable.on('drain', onDrain);

  return new WritableStream({
    __proto__: null,
    start(c) {
      controller = c;
    },
    write(chunk) {
      if (streamWritable.writableNeedDrain || !streamWritable.write(chunk)) {
        backpressure = makeDeferred();
        return backpressure.promise;
      }
      return undefined;
    },
    abort(reason) {
      destroyer(streamWritable, reason ?? new AbortError());
    },
    close() {
      if (closing === undefined && !isWritableEnded(streamWritable)) {
        closing = makeDeferred();
        streamWritable.end();
        return closing.promise;
      }
      return PromiseResolve();
    },
  }, strategy);
}

function closedWritableStream() {
  const ws = new WritableStream();
  ws.close();
  return ws;
}

function canceledReadableStream() {
  const rs = new ReadableStream();
  rs.cancel();
  return rs;
}

function newWritableStreamFromStreamWritable(streamWritable) {
  if (typeof streamWritable?._writableState !== 'object') {
    throw new ERR_INVALID_ARG_TYPE('streamWritable', 'stream.Writable', streamWritable);
  }
  if (isDestroyed(streamWritable) || !isWritable(streamWritable)) return closedWritableStream();
  return writableStreamFrom(streamWritable);
}

// The _write/_writev/_final of a Node stream writing into a WritableStream's writer. `isClosed`
// tells whether the web stream has closed (then _final has nothing left to do).
function writerSink(writer, isClosed, destroyOnThrow) {
  return {
    writev(chunks, callback) {
      const done = (error) => {
        try {
          callback(error);
        } catch (err) {
          process.nextTick(() => destroyOnThrow(err));
        }
      };
      PromisePrototypeThen(writer.ready, () => {
        const writes = [];
        for (let i = 0; i < chunks.length; i++) writes[i] = writer.write(chunks[i].chunk);
        afterAll(writes, done);
      }, done);
    },
    write(chunk, encoding, callback) {
      const done = (error) => {
        try {
          callback(error);
        } catch (err) {
          destroyOnThrow(err);
        }
      };
      PromisePrototypeThen(writer.ready, () => {
        PromisePrototypeThen(writer.write(chunk), () => done(), done);
      }, done);
    },
    final(callback) {
      const done = (error) => {
        try {
          callback(error);
        } catch (err) {
          process.nextTick(() => destroyOnThrow(err));
        }
      };
      if (isClosed()) {
        done();
        return;
      }
      PromisePrototypeThen(writer.close(), () => done(), done);
    },
  };
}

function newStreamWritableFromWritableStream(writableStream, options = kEmptyObject) {
  if (!isWritableStream(writableStream)) {
    throw new ERR_INVALID_ARG_TYPE('writableStream', 'WritableStream', writableStream);
  }
  validateObject(options, 'options');
  const { highWaterMark, decodeStrings = true, objectMode = false, signal } = options;
  validateBoolean(objectMode, 'options.objectMode');
  validateBoolean(decodeStrings, 'options.decodeStrings');

  Writable ??= require('internal/streams/writable');
  const writer = writableStream.getWriter();
  let closed = false;
  const sink = writerSink(writer, () => closed, (err) => destroyer(writable, err));

  const writable = new Writable({
    highWaterMark,
    objectMode,
    decodeStrings,
    signal,
    writev: sink.writev,
    write: sink.write,
    final: sink.final,
    destroy(error, callback) {
      const done = () => callbackOutside(callback, error);
      if (closed) {
        done();
        return;
      }
      if (error != null) PromisePrototypeThen(writer.abort(error), done, done);
      else PromisePrototypeThen(writer.close(), done, done);
    },
  });

  PromisePrototypeThen(writer.closed, () => {
    closed = true;
    if (!isWritableEnded(writable)) destroyer(writable, new ERR_STREAM_PREMATURE_CLOSE());
  }, (error) => {
    closed = true;
    destroyer(writable, error);
  });
  return writable;
}

function newReadableWritablePairFromDuplex(duplex, options = kEmptyObject) {
  if (typeof duplex?._writableState !== 'object' || typeof duplex?._readableState !== 'object') {
    throw new ERR_INVALID_ARG_TYPE('duplex', 'stream.Duplex', duplex);
  }
  validateObject(options, 'options');
  // `readableType`, with `type` as its older name.
  const type = options.readableType ?? options.type;
  validateType(type);

  if (isDestroyed(duplex)) {
    return { readable: canceledReadableStream(), writable: closedWritableStream() };
  }
  const writable = isWritable(duplex) ? writableStreamFrom(duplex) : closedWritableStream();
  const readable = isReadable(duplex) ? readableStreamFrom(duplex, type, undefined) : canceledReadableStream();
  return { writable, readable };
}

function newStreamDuplexFromReadableWritablePair(pair = kEmptyObject, options = kEmptyObject) {
  validateObject(pair, 'pair');
  const { readable: readableStream, writable: writableStream } = pair;
  if (!isReadableStream(readableStream)) {
    throw new ERR_INVALID_ARG_TYPE('pair.readable', 'ReadableStream', readableStream);
  }
  if (!isWritableStream(writableStream)) {
    throw new ERR_INVALID_ARG_TYPE('pair.writable', 'WritableStream', writableStream);
  }
  validateObject(options, 'options');
  const {
    allowHalfOpen = false,
    objectMode = false,
    encoding,
    decodeStrings = true,
    highWaterMark,
    signal,
  } = options;
  validateBoolean(objectMode, 'options.objectMode');
  if (encoding !== undefined && !Buffer.isEncoding(encoding)) {
    throw new ERR_INVALID_ARG_VALUE('options.encoding', encoding);
  }

  Duplex ??= require('internal/streams/duplex');
  const writer = writableStream.getWriter();
  const reader = readableStream.getReader();
  let writableClosed = false;
  let readableClosed = false;
  const sink = writerSink(writer, () => writableClosed, (err) => destroyer(duplex, err));

  const onRead = (result) => {
    if (result.done) duplex.push(null);
    else duplex.push(result.value);
  };
  const onReadError = (error) => destroyer(duplex, error);

  const duplex = new Duplex({
    allowHalfOpen,
    highWaterMark,
    objectMode,
    encoding,
    decodeStrings,
    signal,
    writev: sink.writev,
    write: sink.write,
    final: sink.final,
    read() {
      PromisePrototypeThen(reader.read(), onRead, onReadError);
    },
    destroy(error, callback) {
      const done = () => callbackOutside(callback, error);
      const closeWriter = writableClosed ? undefined : writer.abort(error);
      const closeReader = readableClosed ? undefined : reader.cancel(error);
      if (closeWriter === undefined && closeReader === undefined) {
        done();
        return;
      }
      afterAll([closeWriter, closeReader], done);
    },
  });

  PromisePrototypeThen(writer.closed, () => {
    writableClosed = true;
    if (!isWritableEnded(duplex)) destroyer(duplex, new ERR_STREAM_PREMATURE_CLOSE());
  }, (error) => {
    writableClosed = true;
    readableClosed = true;
    destroyer(duplex, error);
  });
  PromisePrototypeThen(reader.closed, () => {
    readableClosed = true;
  }, (error) => {
    writableClosed = true;
    readableClosed = true;
    destroyer(duplex, error);
  });
  return duplex;
}

module.exports = {
  newReadableStreamFromStreamReadable,
  newStreamReadableFromReadableStream,
  newWritableStreamFromStreamWritable,
  newStreamWritableFromWritableStream,
  newReadableWritablePairFromDuplex,
  newStreamDuplexFromReadableWritablePair,
};
