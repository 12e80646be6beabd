'use strict';
// ReadableStream and its readers and controllers (Streams Standard §4), including byte streams,
// tee, async iteration, ReadableStream.from and pipeTo/pipeThrough.
// Exports (public classes):
//   ReadableStream, ReadableStreamDefaultReader, ReadableStreamBYOBReader, ReadableStreamBYOBRequest,
//   ReadableStreamDefaultController, ReadableByteStreamController
// Exports (for other built-ins: bridges, TransformStream, encoders):
//   isReadableStream, isReadableStreamLocked, isReadableStreamDefaultReader, isReadableStreamBYOBReader,
//   isReadableStreamDefaultController, isReadableByteStreamController,
//   createReadableStream(start, pull, cancel, hwm = 1, size), createReadableByteStream(start, pull, cancel),
//   acquireReadableStreamDefaultReader, acquireReadableStreamBYOBReader,
//   readableStreamCancel, readableStreamClose, readableStreamError,
//   readableStreamDefaultReaderRead(reader, readRequest), readableStreamDefaultReaderRelease,
//   readableStreamBYOBReaderRead, readableStreamBYOBReaderRelease, readableStreamReaderGenericCancel,
//   readableStreamDefaultControllerEnqueue/Close/Error/GetDesiredSize/CanCloseOrEnqueue/HasBackpressure,
//   setupReadableStreamDefaultController, readableByteStreamControllerEnqueue/Close/Error,
//   readableStreamTee, readableStreamPipeTo, readableStreamFromIterable, getReadableStreamState
// Algorithms given to createReadableStream are plain functions: start(controller) -> value,
// pull(controller) -> promise, cancel(reason) -> promise. A read request is any object with
// chunkSteps(chunk), closeSteps(), errorSteps(e) methods.

const {
  ArrayBuffer,
  ArrayPrototypePush,
  DataView,
  FunctionPrototypeCall,
  MathMin,
  NumberIsInteger,
  ObjectCreate,
  ObjectDefineProperties,
  ObjectDefineProperty,
  ObjectGetPrototypeOf,
  ObjectSetPrototypeOf,
  Promise,
  PromisePrototypeThen,
  PromiseResolve,
  String,
  SymbolAsyncIterator,
  SymbolFor,
  SymbolIterator,
  SymbolToStringTag,
  TypedArrayPrototypeGetLength,
  TypedArrayPrototypeGetSymbolToStringTag,
  Uint8Array,
  AsyncIteratorPrototype,
  ArrayBufferPrototypeSlice,
  Int8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array, Float32Array,
  Float64Array, BigInt64Array, BigUint64Array, Float16Array, Symbol,
} = primordials;

const {
  codes: {
    ERR_ARG_NOT_ITERABLE,
    ERR_ILLEGAL_CONSTRUCTOR,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_STATE,
    ERR_INVALID_THIS,
    ERR_OUT_OF_RANGE,
  },
} = require('internal/errors');

const {
  kState, kInspect, Queue, Deferred, noop,
  promiseResolvedWith, promiseRejectedWith, setPromiseHandled, uponPromise, uponFulfillment,
  uponRejection, invokePromiseCallback, resolvedUndefined,
  enqueueValueWithSize, dequeueValue, resetQueue,
  convertQueuingStrategy, extractHighWaterMark, extractSizeAlgorithm,
  transferArrayBuffer, canTransferArrayBuffer, isDetachedBuffer, isArrayBufferView, isDataView,
  viewBuffer, viewByteOffset, viewByteLength, cloneAsUint8Array, copyDataBlockBytes, arrayBufferByteLength,
  checkDictionary, convertCallback, convertEnforceRangeULL, customInspect, nullProto,
} = require('internal/webstreams/util');

const kIsDisturbed = SymbolFor('nodejs.stream.disturbed');
const kIsErrored = SymbolFor('nodejs.stream.errored');
const kIsReadable = SymbolFor('nodejs.stream.readable');
const kIsClosedPromise = SymbolFor('nodejs.webstream.isClosedPromise');
const kControllerErrorFunction = SymbolFor('nodejs.webstream.controllerErrorFunction');

// Lazily loaded: writablestream.js (pipeTo) and abort_controller (pipeTo's signal).
let writable;
function lazyWritable() {
  writable ??= require('internal/webstreams/writablestream');
  return writable;
}

const kRS = 1;
const kDefaultReader = 2;
const kBYOBReader = 3;
const kDefaultController = 4;
const kByteController = 5;
const kBYOBRequest = 6;

const kEnumerable = { __proto__: null, enumerable: true };

// ---- brand checks --------------------------------------------------------------------------------

function isReadableStream(x) {
  return x != null && x[kState] !== undefined && x[kState].brand === kRS;
}
function isReadableStreamDefaultReader(x) {
  return x != null && x[kState] !== undefined && x[kState].brand === kDefaultReader;
}
function isReadableStreamBYOBReader(x) {
  return x != null && x[kState] !== undefined && x[kState].brand === kBYOBReader;
}
function isReadableStreamDefaultController(x) {
  return x != null && x[kState] !== undefined && x[kState].brand === kDefaultController;
}
function isReadableByteStreamController(x) {
  return x != null && x[kState] !== undefined && x[kState].brand === kByteController;
}
function isReadableStreamBYOBRequest(x) {
  return x != null && x[kState] !== undefined && x[kState].brand === kBYOBRequest;
}

function isReadableStreamLocked(stream) {
  return stream[kState].reader !== undefined;
}

function typeErrorState(message) {
  return new ERR_INVALID_STATE.TypeError(message);
}

// ---- internal state records ---------------------------------------------------------------------

class ReadableStreamState {
  constructor() {
    this.brand = kRS;
    this.state = 'readable';
    this.reader = undefined;       // public reader object
    this.storedError = undefined;
    this.disturbed = false;
    this.controller = undefined;   // public controller object
    this.closedDeferred = undefined;  // kIsClosedPromise, made on first use
  }
}

class ReaderState {
  constructor(brand) {
    this.brand = brand;
    this.stream = undefined;       // public stream object
    this.closed = undefined;       // Deferred-like { promise, resolve, reject }
    this.requests = new Queue();   // read requests or read-into requests
  }
}

class DefaultControllerState {
  constructor(stream) {
    this.brand = kDefaultController;
    this.stream = stream;
    this.queue = new Queue();
    this.started = false;
    this.closeRequested = false;
    this.pullAgain = false;
    this.pulling = false;
    this.highWaterMark = 1;
    this.sizeAlgorithm = undefined;
    // Algorithms: a callback with its `this` (underlying source) or an internal function.
    this.source = undefined;
    this.pullFn = undefined;
    this.cancelFn = undefined;
    this.self = undefined;         // public controller
    this.onPullFulfilled = undefined;
    this.onPullRejected = undefined;
  }
}

class ByteControllerState {
  constructor(stream) {
    this.brand = kByteController;
    this.stream = stream;
    this.queue = new Queue();      // entries { buffer, byteOffset, byteLength }
    this.queueTotalSize = 0;
    this.started = false;
    this.closeRequested = false;
    this.pullAgain = false;
    this.pulling = false;
    this.highWaterMark = 0;
    this.autoAllocateChunkSize = undefined;
    this.byobRequest = null;
    this.pendingPullIntos = [];
    this.source = undefined;
    this.pullFn = undefined;
    this.cancelFn = undefined;
    this.self = undefined;
    this.onPullFulfilled = undefined;
    this.onPullRejected = undefined;
  }
}

// ---- ReadableStream ------------------------------------------------------------------------------

class ReadableStream {
  constructor(underlyingSource = undefined, strategy = undefined) {
    if (underlyingSource === undefined) underlyingSource = null;
    else if (underlyingSource === null || (typeof underlyingSource !== 'object' &&
             typeof underlyingSource !== 'function')) {
      throw new ERR_INVALID_ARG_TYPE('source', 'object', underlyingSource);
    }
    const [hwm, size] = convertQueuingStrategy(strategy);
    // UnderlyingSource dictionary members, in WebIDL (lexicographic) order.
    let autoAllocateChunkSize, cancel, pull, start, type;
    if (underlyingSource !== null) {
      autoAllocateChunkSize = underlyingSource.autoAllocateChunkSize;
      if (autoAllocateChunkSize !== undefined) {
        autoAllocateChunkSize = convertEnforceRangeULL(autoAllocateChunkSize, 'source.autoAllocateChunkSize');
      }
      cancel = convertCallback(underlyingSource.cancel, 'source.cancel');
      pull = convertCallback(underlyingSource.pull, 'source.pull');
      start = convertCallback(underlyingSource.start, 'source.start');
      type = underlyingSource.type;
      if (type !== undefined) {
        type = `${type}`;
        if (type !== 'bytes') throw new ERR_INVALID_ARG_VALUE('source.type', type);
      }
    }
    this[kState] = new ReadableStreamState();
    if (type === 'bytes') {
      if (size !== undefined) throw new ERR_INVALID_ARG_VALUE.RangeError('strategy.size', size);
      const highWaterMark = extractHighWaterMark(hwm, 0);
      if (autoAllocateChunkSize === 0) {
        throw new ERR_INVALID_ARG_VALUE('source.autoAllocateChunkSize', autoAllocateChunkSize);
      }
      const c = new ReadableByteStreamController(kPrivate);
      setupByteController(this, c, underlyingSource, start, pull, cancel, highWaterMark, autoAllocateChunkSize);
    } else {
      const sizeAlgorithm = extractSizeAlgorithm(size);
      const highWaterMark = extractHighWaterMark(hwm, 1);
      const c = new ReadableStreamDefaultController(kPrivate);
      setupDefaultController(this, c, underlyingSource, start, pull, cancel, highWaterMark, sizeAlgorithm);
    }
  }

  get locked() {
    if (!isReadableStream(this)) throw new ERR_INVALID_THIS('ReadableStream');
    return this[kState].reader !== undefined;
  }

  cancel(reason = undefined) {
    if (!isReadableStream(this)) return promiseRejectedWith(new ERR_INVALID_THIS('ReadableStream'));
    if (this[kState].reader !== undefined) {
      return promiseRejectedWith(typeErrorState('ReadableStream is locked'));
    }
    return readableStreamCancel(this, reason);
  }

  getReader(options = undefined) {
    if (!isReadableStream(this)) throw new ERR_INVALID_THIS('ReadableStream');
    let mode;
    if (checkDictionary(options, 'options')) {
      mode = options.mode;
      if (mode !== undefined) {
        mode = `${mode}`;
        if (mode !== 'byob') throw new ERR_INVALID_ARG_VALUE('options.mode', mode);
      }
    }
    if (mode === undefined) return acquireReadableStreamDefaultReader(this);
    return acquireReadableStreamBYOBReader(this);
  }

  pipeThrough(transform, options = undefined) {
    if (!isReadableStream(this)) throw new ERR_INVALID_THIS('ReadableStream');
    const readable = transform?.readable;
    if (!isReadableStream(readable)) {
      throw new ERR_INVALID_ARG_TYPE('transform.readable', 'ReadableStream', readable);
    }
    const dest = transform?.writable;
    if (!lazyWritable().isWritableStream(dest)) {
      throw new ERR_INVALID_ARG_TYPE('transform.writable', 'WritableStream', dest);
    }
    const { preventAbort, preventCancel, preventClose, signal } = convertPipeOptions(options);
    if (this[kState].reader !== undefined) throw typeErrorState('The ReadableStream is locked');
    if (writable.isWritableStreamLocked(dest)) throw typeErrorState('The WritableStream is locked');
    const promise = readableStreamPipeTo(this, dest, preventClose, preventAbort, preventCancel, signal);
    setPromiseHandled(promise);
    return readable;
  }

  pipeTo(destination, options = undefined) {
    if (!isReadableStream(this)) return promiseRejectedWith(new ERR_INVALID_THIS('ReadableStream'));
    try {
      if (!lazyWritable().isWritableStream(destination)) {
        throw new ERR_INVALID_ARG_TYPE('transform.writable', 'WritableStream', destination);
      }
      const { preventAbort, preventCancel, preventClose, signal } = convertPipeOptions(options);
      if (this[kState].reader !== undefined) throw typeErrorState('The ReadableStream is locked');
      if (writable.isWritableStreamLocked(destination)) throw typeErrorState('The WritableStream is locked');
      return readableStreamPipeTo(this, destination, preventClose, preventAbort, preventCancel, signal);
    } catch (err) {
      return promiseRejectedWith(err);
    }
  }

  tee() {
    if (!isReadableStream(this)) throw new ERR_INVALID_THIS('ReadableStream');
    return readableStreamTee(this, false);
  }

  values(options = undefined) {
    if (!isReadableStream(this)) throw new ERR_INVALID_THIS('ReadableStream');
    let preventCancel = false;
    if (checkDictionary(options, 'options')) preventCancel = !!options.preventCancel;
    const reader = acquireReadableStreamDefaultReader(this);
    const it = ObjectCreate(ReadableStreamAsyncIteratorPrototype);
    ObjectDefineProperty(it, kState, {
      __proto__: null, value: new AsyncIteratorState(reader, preventCancel), enumerable: false,
    });
    return it;
  }

  static from(asyncIterable) {
    return readableStreamFromIterable(asyncIterable);
  }

  get [kIsDisturbed]() {
    return this[kState].disturbed;
  }

  get [kIsErrored]() {
    return this[kState].state === 'errored';
  }

  get [kIsReadable]() {
    return this[kState].state === 'readable';
  }

  get [kIsClosedPromise]() {
    const s = this[kState];
    if (s.closedDeferred === undefined) {
      s.closedDeferred = new Deferred();
      setPromiseHandled(s.closedDeferred.promise);
      if (s.state === 'closed') s.closedDeferred.resolve();
      else if (s.state === 'errored') s.closedDeferred.reject(s.storedError);
    }
    return s.closedDeferred;
  }

  [kControllerErrorFunction](error) {
    const c = this[kState].controller;
    if (c[kState].brand === kByteController) readableByteStreamControllerError(c, error);
    else readableStreamDefaultControllerError(c, error);
  }

  [kInspect](depth, options) {
    const s = this[kState];
    return customInspect(this, 'ReadableStream', {
      locked: s.reader !== undefined,
      state: s.state,
      supportsBYOB: s.controller !== undefined && s.controller[kState].brand === kByteController,
    }, depth, options);
  }
}

ObjectDefineProperties(ReadableStream.prototype, {
  locked: kEnumerable, cancel: kEnumerable, getReader: kEnumerable, pipeThrough: kEnumerable,
  pipeTo: kEnumerable, tee: kEnumerable, values: kEnumerable,
});
ObjectDefineProperty(ReadableStream.prototype, SymbolAsyncIterator, {
  __proto__: null, value: ReadableStream.prototype.values, writable: true, enumerable: false, configurable: true,
});
ObjectDefineProperty(ReadableStream, 'from', { __proto__: null, enumerable: true });

function convertPipeOptions(options) {
  let preventAbort = false, preventCancel = false, preventClose = false, signal;
  if (checkDictionary(options, 'options')) {
    preventAbort = !!options.preventAbort;
    preventCancel = !!options.preventCancel;
    preventClose = !!options.preventClose;
    signal = options.signal;
    if (signal !== undefined && !isAbortSignal(signal)) {
      throw new ERR_INVALID_ARG_TYPE('options.signal', 'AbortSignal', signal);
    }
  }
  return { preventAbort, preventCancel, preventClose, signal };
}

let abortModule;
function isAbortSignal(value) {
  abortModule ??= require('internal/abort_controller');
  return value != null && typeof value === 'object' && value[abortModule.kAborted] !== undefined;
}

// ---- async iteration -----------------------------------------------------------------------------

const kAsyncIterator = 7;

function endOfIteration(value) {
  return { value, done: true };
}

class AsyncIteratorReadRequest {
  constructor(reader) {
    this.reader = reader;
    this.deferred = new Deferred();
  }
  chunkSteps(chunk) {
    this.deferred.resolve({ value: chunk, done: false });
  }
  closeSteps() {
    readableStreamDefaultReaderRelease(this.reader);
    this.deferred.resolve(endOfIteration(undefined));
  }
  errorSteps(e) {
    readableStreamDefaultReaderRelease(this.reader);
    this.deferred.reject(e);
  }
}

function asyncIteratorNextSteps(state) {
  if (state.finished) return promiseResolvedWith(endOfIteration(undefined));
  const reader = state.reader;
  if (reader[kState].stream === undefined) {
    return promiseRejectedWith(typeErrorState('The reader is not attached to a stream'));
  }
  const request = new AsyncIteratorReadRequest(reader);
  readableStreamDefaultReaderRead(reader, request);
  return PromisePrototypeThen(request.deferred.promise, state.onFulfilled, state.onRejected);
}

class AsyncIteratorState {
  constructor(reader, preventCancel) {
    this.brand = kAsyncIterator;
    this.reader = reader;
    this.preventCancel = preventCancel;
    this.ongoing = undefined;
    this.finished = false;
    // The reactions to each read, made once per iterator.
    this.onFulfilled = (result) => {
      this.ongoing = undefined;
      if (result.done) this.finished = true;
      return result;
    };
    this.onRejected = (reason) => {
      this.ongoing = undefined;
      this.finished = true;
      throw reason;
    };
    this.nextSteps = () => asyncIteratorNextSteps(this);
  }
}

function asyncIteratorReturnSteps(state, value) {
  if (state.finished) return resolvedUndefined;
  state.finished = true;
  const reader = state.reader;
  if (reader[kState].stream === undefined) return resolvedUndefined;
  let result;
  if (!state.preventCancel) {
    result = readableStreamReaderGenericCancel(reader, value);
    readableStreamDefaultReaderRelease(reader);
  } else {
    readableStreamDefaultReaderRelease(reader);
    result = resolvedUndefined;
  }
  return result;
}

const ReadableStreamAsyncIteratorPrototype = ObjectCreate(AsyncIteratorPrototype);
ObjectDefineProperties(ReadableStreamAsyncIteratorPrototype, {
  next: {
    __proto__: null, writable: true, enumerable: true, configurable: true,
    value: function next() {
      const state = this?.[kState];
      if (state === undefined || state.brand !== kAsyncIterator) {
        return promiseRejectedWith(new ERR_INVALID_THIS('ReadableStreamAsyncIterator'));
      }
      if (state.ongoing !== undefined) {
        state.ongoing = PromisePrototypeThen(state.ongoing, state.nextSteps, state.nextSteps);
      } else {
        state.ongoing = asyncIteratorNextSteps(state);
      }
      return state.ongoing;
    },
  },
  return: {
    __proto__: null, writable: true, enumerable: true, configurable: true,
    value: function(value) {
      const state = this?.[kState];
      if (state === undefined || state.brand !== kAsyncIterator) {
        return promiseRejectedWith(new ERR_INVALID_THIS('ReadableStreamAsyncIterator'));
      }
      const steps = () => asyncIteratorReturnSteps(state, value);
      if (state.ongoing !== undefined) {
        state.ongoing = PromisePrototypeThen(state.ongoing, steps, steps);
      } else {
        state.ongoing = steps();
      }
      return PromisePrototypeThen(state.ongoing, () => endOfIteration(value));
    },
  },
});
ObjectDefineProperty(ReadableStreamAsyncIteratorPrototype.return, 'name', { __proto__: null, value: 'return' });
ObjectDefineProperty(ReadableStreamAsyncIteratorPrototype, SymbolToStringTag, {
  __proto__: null, value: 'ReadableStream AsyncIterator', configurable: true,
});

// ---- ReadableStream.from -------------------------------------------------------------------------

function readableStreamFromIterable(asyncIterable) {
  let iterator, nextMethod;
  const asyncMethod = asyncIterable == null ? undefined : asyncIterable[SymbolAsyncIterator];
  if (asyncMethod == null) {
    const syncMethod = asyncIterable == null ? undefined : asyncIterable[SymbolIterator];
    if (syncMethod == null) throw new ERR_ARG_NOT_ITERABLE(asyncIterable);
    if (typeof syncMethod !== 'function') throw new ERR_ARG_NOT_ITERABLE(asyncIterable);
    const syncIterator = FunctionPrototypeCall(syncMethod, asyncIterable);
    if (syncIterator === null || typeof syncIterator !== 'object') {
      throw new ERR_INVALID_STATE.TypeError('The iterator is not an object');
    }
    iterator = createAsyncFromSyncIterator(syncIterator, syncIterator.next);
  } else {
    if (typeof asyncMethod !== 'function') throw new ERR_ARG_NOT_ITERABLE(asyncIterable);
    iterator = FunctionPrototypeCall(asyncMethod, asyncIterable);
    if (iterator === null || (typeof iterator !== 'object' && typeof iterator !== 'function')) {
      throw new ERR_INVALID_STATE.TypeError('The iterator is not an object');
    }
  }
  nextMethod = iterator.next;
  let stream;
  const pull = () => {
    let nextResult;
    try {
      nextResult = FunctionPrototypeCall(nextMethod, iterator);
    } catch (err) {
      return promiseRejectedWith(err);
    }
    return PromisePrototypeThen(promiseResolvedWith(nextResult), (iterResult) => {
      if (iterResult === null || (typeof iterResult !== 'object' && typeof iterResult !== 'function')) {
        throw new ERR_INVALID_STATE.TypeError('The promise returned by the iterator.next() method must fulfill with an object');
      }
      const c = stream[kState].controller;
      if (iterResult.done) {
        readableStreamDefaultControllerClose(c);
      } else {
        readableStreamDefaultControllerEnqueue(c, iterResult.value);
      }
    });
  };
  const cancel = (reason) => {
    let returnMethod, returnResult;
    try {
      returnMethod = iterator.return;
      if (returnMethod == null) return resolvedUndefined;
      if (typeof returnMethod !== 'function') throw new ERR_INVALID_ARG_TYPE('iterator.return', 'Function', returnMethod);
      returnResult = FunctionPrototypeCall(returnMethod, iterator, reason);
    } catch (err) {
      return promiseRejectedWith(err);
    }
    return PromisePrototypeThen(promiseResolvedWith(returnResult), (iterResult) => {
      if (iterResult === null || (typeof iterResult !== 'object' && typeof iterResult !== 'function')) {
        throw new ERR_INVALID_STATE.TypeError('The promise returned by the iterator.return() method must fulfill with an object');
      }
    });
  };
  stream = createReadableStream(undefined, pull, cancel, 0);
  return stream;
}

// CreateAsyncFromSyncIterator: values are awaited; `return` is forwarded when the sync iterator has
// one.
function createAsyncFromSyncIterator(syncIterator, syncNext) {
  const continuation = (result) => {
    const done = !!result.done;
    return PromisePrototypeThen(PromiseResolve(result.value), (value) => ({ value, done }));
  };
  return {
    next() {
      let result;
      try {
        result = FunctionPrototypeCall(syncNext, syncIterator);
        if (result === null || typeof result !== 'object') {
          throw new ERR_INVALID_STATE.TypeError('The iterator result is not an object');
        }
      } catch (err) {
        return promiseRejectedWith(err);
      }
      return continuation(result);
    },
    get return() {
      const ret = syncIterator.return;
      if (ret == null) return undefined;
      return (value) => {
        let result;
        try {
          result = FunctionPrototypeCall(ret, syncIterator, value);
          if (result === null || typeof result !== 'object') {
            throw new ERR_INVALID_STATE.TypeError('The iterator result is not an object');
          }
        } catch (err) {
          return promiseRejectedWith(err);
        }
        return continuation(result);
      };
    },
  };
}

// ---- stream abstract operations ------------------------------------------------------------------

function createReadableStream(startAlgorithm, pullAlgorithm, cancelAlgorithm, highWaterMark = 1,
                              sizeAlgorithm = undefined) {
  const stream = ObjectCreate(ReadableStream.prototype);
  stream[kState] = new ReadableStreamState();
  const c = new ReadableStreamDefaultController(kPrivate);
  setupDefaultControllerInternal(stream, c, startAlgorithm, pullAlgorithm, cancelAlgorithm,
                                 highWaterMark, extractSizeAlgorithm(sizeAlgorithm));
  return stream;
}

function createReadableByteStream(startAlgorithm, pullAlgorithm, cancelAlgorithm, highWaterMark = 0,
                                  autoAllocateChunkSize = undefined) {
  const stream = ObjectCreate(ReadableStream.prototype);
  stream[kState] = new ReadableStreamState();
  const c = new ReadableByteStreamController(kPrivate);
  setupByteControllerInternal(stream, c, startAlgorithm, pullAlgorithm, cancelAlgorithm, highWaterMark,
                              autoAllocateChunkSize);
  return stream;
}

function acquireReadableStreamDefaultReader(stream) {
  const reader = ObjectCreate(ReadableStreamDefaultReader.prototype);
  reader[kState] = new ReaderState(kDefaultReader);
  setupDefaultReader(reader, stream);
  return reader;
}

function acquireReadableStreamBYOBReader(stream) {
  const reader = ObjectCreate(ReadableStreamBYOBReader.prototype);
  reader[kState] = new ReaderState(kBYOBReader);
  setupBYOBReader(reader, stream);
  return reader;
}

function setupDefaultReader(reader, stream) {
  if (stream[kState].reader !== undefined) throw typeErrorState('ReadableStream is locked');
  readerGenericInitialize(reader, stream);
}

function setupBYOBReader(reader, stream) {
  if (stream[kState].reader !== undefined) throw typeErrorState('ReadableStream is locked');
  if (stream[kState].controller[kState].brand !== kByteController) {
    throw new ERR_INVALID_ARG_VALUE('stream', stream, 'must be a byte stream');
  }
  readerGenericInitialize(reader, stream);
}

function readerGenericInitialize(reader, stream) {
  const r = reader[kState];
  const s = stream[kState];
  r.stream = stream;
  s.reader = reader;
  if (s.state === 'readable') {
    r.closed = new Deferred();
  } else if (s.state === 'closed') {
    r.closed = { promise: promiseResolvedWith(undefined), resolve: noop, reject: noop };
  } else {
    r.closed = { promise: promiseRejectedWith(s.storedError), resolve: noop, reject: noop };
    setPromiseHandled(r.closed.promise);
  }
}

function readerGenericRelease(reader) {
  const r = reader[kState];
  const stream = r.stream;
  const s = stream[kState];
  const err = typeErrorState('Reader released');
  if (s.state === 'readable') {
    r.closed.reject(err);
  } else {
    r.closed = { promise: promiseRejectedWith(err), resolve: noop, reject: noop };
  }
  setPromiseHandled(r.closed.promise);
  const c = s.controller[kState];
  if (c.brand === kByteController) byteControllerReleaseSteps(c);
  s.reader = undefined;
  r.stream = undefined;
}

function readableStreamReaderGenericCancel(reader, reason) {
  return readableStreamCancel(reader[kState].stream, reason);
}

function readableStreamCancel(stream, reason) {
  const s = stream[kState];
  s.disturbed = true;
  if (s.state === 'closed') return promiseResolvedWith(undefined);
  if (s.state === 'errored') return promiseRejectedWith(s.storedError);
  readableStreamClose(stream);
  const reader = s.reader;
  if (reader !== undefined && reader[kState].brand === kBYOBReader) {
    const requests = reader[kState].requests;
    reader[kState].requests = new Queue();
    while (requests.length > 0) requests.shift().closeSteps(undefined);
  }
  const c = s.controller;
  const sourceCancelPromise = c[kState].brand === kByteController ?
    byteControllerCancelSteps(c[kState], reason) : defaultControllerCancelSteps(c[kState], reason);
  return PromisePrototypeThen(sourceCancelPromise, noop);
}

function readableStreamClose(stream) {
  const s = stream[kState];
  s.state = 'closed';
  if (s.closedDeferred !== undefined) s.closedDeferred.resolve();
  const reader = s.reader;
  if (reader === undefined) return;
  const r = reader[kState];
  r.closed.resolve(undefined);
  if (r.brand === kDefaultReader) {
    const requests = r.requests;
    if (requests.length > 0) {
      r.requests = new Queue();
      while (requests.length > 0) requests.shift().closeSteps();
    }
  }
}

function readableStreamError(stream, e) {
  const s = stream[kState];
  s.state = 'errored';
  s.storedError = e;
  if (s.closedDeferred !== undefined) s.closedDeferred.reject(e);
  const reader = s.reader;
  if (reader === undefined) return;
  const r = reader[kState];
  r.closed.reject(e);
  setPromiseHandled(r.closed.promise);
  errorReadRequests(r, e);
}

function errorReadRequests(r, e) {
  const requests = r.requests;
  if (requests.length === 0) return;
  r.requests = new Queue();
  while (requests.length > 0) requests.shift().errorSteps(e);
}

function readableStreamAddReadRequest(stream, readRequest) {
  stream[kState].reader[kState].requests.push(readRequest, 0);
}

function readableStreamFulfillReadRequest(stream, chunk, done) {
  const request = stream[kState].reader[kState].requests.shift();
  if (done) request.closeSteps();
  else request.chunkSteps(chunk);
}

function readableStreamFulfillReadIntoRequest(stream, chunk, done) {
  const request = stream[kState].reader[kState].requests.shift();
  if (done) request.closeSteps(chunk);
  else request.chunkSteps(chunk);
}

function getNumRequests(stream) {
  return stream[kState].reader[kState].requests.length;
}

function hasDefaultReader(stream) {
  const reader = stream[kState].reader;
  return reader !== undefined && reader[kState].brand === kDefaultReader;
}

function hasBYOBReader(stream) {
  const reader = stream[kState].reader;
  return reader !== undefined && reader[kState].brand === kBYOBReader;
}

function readableStreamDefaultReaderRead(reader, readRequest) {
  const stream = reader[kState].stream;
  const s = stream[kState];
  s.disturbed = true;
  if (s.state === 'closed') {
    readRequest.closeSteps();
  } else if (s.state === 'errored') {
    readRequest.errorSteps(s.storedError);
  } else {
    const c = s.controller[kState];
    if (c.brand === kByteController) byteControllerPullSteps(c, readRequest);
    else defaultControllerPullSteps(c, readRequest);
  }
}

function readableStreamDefaultReaderRelease(reader) {
  readerGenericRelease(reader);
  errorReadRequests(reader[kState], typeErrorState('Reader released'));
}

function readableStreamBYOBReaderRelease(reader) {
  readerGenericRelease(reader);
  errorReadRequests(reader[kState], typeErrorState('Reader released'));
}

function readableStreamBYOBReaderRead(reader, view, min, readIntoRequest) {
  const stream = reader[kState].stream;
  const s = stream[kState];
  s.disturbed = true;
  if (s.state === 'errored') readIntoRequest.errorSteps(s.storedError);
  else byteControllerPullInto(s.controller[kState], view, min, readIntoRequest);
}

// ---- readers -------------------------------------------------------------------------------------

const kPrivate = Symbol('kPrivate');

class DefaultReadRequest {
  constructor() {
    this.deferred = new Deferred();
  }
  chunkSteps(chunk) {
    this.deferred.resolve({ value: chunk, done: false });
  }
  closeSteps() {
    this.deferred.resolve({ value: undefined, done: true });
  }
  errorSteps(e) {
    this.deferred.reject(e);
  }
}

class ReadableStreamDefaultReader {
  constructor(stream) {
    if (!isReadableStream(stream)) throw new ERR_INVALID_ARG_TYPE('stream', 'ReadableStream', stream);
    this[kState] = new ReaderState(kDefaultReader);
    setupDefaultReader(this, stream);
  }

  read() {
    if (!isReadableStreamDefaultReader(this)) {
      return promiseRejectedWith(new ERR_INVALID_THIS('ReadableStreamDefaultReader'));
    }
    const stream = this[kState].stream;
    if (stream === undefined) {
      return promiseRejectedWith(typeErrorState('The reader is not attached to a stream'));
    }
    // Fast path: a default controller with queued chunks answers at once. This is the spec's
    // [[PullSteps]] with the read request's chunk steps inlined.
    const s = stream[kState];
    if (s.state === 'readable') {
      const c = s.controller[kState];
      if (c.brand === kDefaultController && c.queue.length > 0) {
        s.disturbed = true;
        const chunk = dequeueValue(c);
        if (c.closeRequested && c.queue.length === 0) {
          defaultControllerClearAlgorithms(c);
          readableStreamClose(stream);
        } else {
          defaultControllerCallPullIfNeeded(c);
        }
        return PromiseResolve({ value: chunk, done: false });
      }
    }
    const request = new DefaultReadRequest();
    readableStreamDefaultReaderRead(this, request);
    return request.deferred.promise;
  }

  releaseLock() {
    if (!isReadableStreamDefaultReader(this)) throw new ERR_INVALID_THIS('ReadableStreamDefaultReader');
    if (this[kState].stream === undefined) return;
    readableStreamDefaultReaderRelease(this);
  }

  get closed() {
    if (!isReadableStreamDefaultReader(this)) {
      return promiseRejectedWith(new ERR_INVALID_THIS('ReadableStreamDefaultReader'));
    }
    return this[kState].closed.promise;
  }

  cancel(reason = undefined) {
    if (!isReadableStreamDefaultReader(this)) {
      return promiseRejectedWith(new ERR_INVALID_THIS('ReadableStreamDefaultReader'));
    }
    if (this[kState].stream === undefined) {
      return promiseRejectedWith(typeErrorState('The reader is not attached to a stream'));
    }
    return readableStreamReaderGenericCancel(this, reason);
  }

  [kInspect](depth, options) {
    const r = this[kState];
    return customInspect(this, 'ReadableStreamDefaultReader', {
      stream: r.stream,
      readRequests: r.requests.length,
      close: r.closed.promise,
    }, depth, options);
  }
}

ObjectDefineProperties(ReadableStreamDefaultReader.prototype, {
  read: kEnumerable, releaseLock: kEnumerable, closed: kEnumerable, cancel: kEnumerable,
});

class ReadIntoRequest {
  constructor() {
    this.deferred = new Deferred();
  }
  chunkSteps(chunk) {
    this.deferred.resolve({ value: chunk, done: false });
  }
  closeSteps(chunk) {
    this.deferred.resolve({ value: chunk, done: true });
  }
  errorSteps(e) {
    this.deferred.reject(e);
  }
}

class ReadableStreamBYOBReader {
  constructor(stream) {
    if (!isReadableStream(stream)) throw new ERR_INVALID_ARG_TYPE('stream', 'ReadableStream', stream);
    this[kState] = new ReaderState(kBYOBReader);
    setupBYOBReader(this, stream);
  }

  read(view, options = undefined) {
    if (!isReadableStreamBYOBReader(this)) {
      return promiseRejectedWith(new ERR_INVALID_THIS('ReadableStreamBYOBReader'));
    }
    if (!isArrayBufferView(view)) {
      return promiseRejectedWith(new ERR_INVALID_ARG_TYPE('view', ['Buffer', 'TypedArray', 'DataView'], view));
    }
    let min = 1;
    try {
      if (checkDictionary(options, 'options') && options.min !== undefined) {
        min = convertEnforceRangeULL(options.min, 'options.min');
      }
    } catch (err) {
      return promiseRejectedWith(err);
    }
    const byteLength = viewByteLength(view);
    const buffer = viewBuffer(view);
    if (byteLength === 0 || isDetachedBuffer(buffer) || arrayBufferByteLength(buffer) === 0) {
      return promiseRejectedWith(typeErrorState('View or Viewed ArrayBuffer is zero-length or detached'));
    }
    if (min === 0) {
      return promiseRejectedWith(new ERR_INVALID_ARG_VALUE('options.min', min, 'must be greater than 0'));
    }
    if (!isDataView(view)) {
      if (min > TypedArrayPrototypeGetLength(view)) {
        return promiseRejectedWith(new ERR_OUT_OF_RANGE('options.min', '<= view.length', min));
      }
    } else if (min > byteLength) {
      return promiseRejectedWith(new ERR_OUT_OF_RANGE('options.min', '<= view.byteLength', min));
    }
    if (this[kState].stream === undefined) {
      return promiseRejectedWith(typeErrorState('The reader is not attached to a stream'));
    }
    const request = new ReadIntoRequest();
    readableStreamBYOBReaderRead(this, view, min, request);
    return request.deferred.promise;
  }

  releaseLock() {
    if (!isReadableStreamBYOBReader(this)) throw new ERR_INVALID_THIS('ReadableStreamBYOBReader');
    if (this[kState].stream === undefined) return;
    readableStreamBYOBReaderRelease(this);
  }

  get closed() {
    if (!isReadableStreamBYOBReader(this)) {
      return promiseRejectedWith(new ERR_INVALID_THIS('ReadableStreamBYOBReader'));
    }
    return this[kState].closed.promise;
  }

  cancel(reason = undefined) {
    if (!isReadableStreamBYOBReader(this)) {
      return promiseRejectedWith(new ERR_INVALID_THIS('ReadableStreamBYOBReader'));
    }
    if (this[kState].stream === undefined) {
      return promiseRejectedWith(typeErrorState('The reader is not attached to a stream'));
    }
    return readableStreamReaderGenericCancel(this, reason);
  }

  [kInspect](depth, options) {
    const r = this[kState];
    return customInspect(this, 'ReadableStreamBYOBReader', {
      stream: r.stream,
      requestIntoRequests: r.requests.length,
      close: r.closed.promise,
    }, depth, options);
  }
}

ObjectDefineProperties(ReadableStreamBYOBReader.prototype, {
  read: kEnumerable, releaseLock: kEnumerable, closed: kEnumerable, cancel: kEnumerable,
});

// ---- ReadableStreamDefaultController -------------------------------------------------------------

class ReadableStreamDefaultController {
  constructor(key = undefined) {
    if (key !== kPrivate) throw new ERR_ILLEGAL_CONSTRUCTOR();
  }

  get desiredSize() {
    if (!isReadableStreamDefaultController(this)) throw new ERR_INVALID_THIS('ReadableStreamDefaultController');
    return defaultControllerGetDesiredSize(this[kState]);
  }

  close() {
    if (!isReadableStreamDefaultController(this)) throw new ERR_INVALID_THIS('ReadableStreamDefaultController');
    if (!defaultControllerCanCloseOrEnqueue(this[kState])) throw typeErrorState('Controller is already closed');
    readableStreamDefaultControllerClose(this);
  }

  enqueue(chunk = undefined) {
    if (!isReadableStreamDefaultController(this)) throw new ERR_INVALID_THIS('ReadableStreamDefaultController');
    if (!defaultControllerCanCloseOrEnqueue(this[kState])) throw typeErrorState('Controller is already closed');
    readableStreamDefaultControllerEnqueue(this, chunk);
  }

  error(e = undefined) {
    if (!isReadableStreamDefaultController(this)) throw new ERR_INVALID_THIS('ReadableStreamDefaultController');
    readableStreamDefaultControllerError(this, e);
  }

  [kInspect](depth, options) {
    return customInspect(this, 'ReadableStreamDefaultController', {}, depth, options);
  }
}

ObjectDefineProperties(ReadableStreamDefaultController.prototype, {
  desiredSize: kEnumerable, close: kEnumerable, enqueue: kEnumerable, error: kEnumerable,
});

function setupDefaultController(stream, controller, source, start, pull, cancel, highWaterMark, sizeAlgorithm) {
  const c = new DefaultControllerState(stream);
  controller[kState] = c;
  c.self = controller;
  c.source = source;
  c.pullFn = pull;
  c.cancelFn = cancel;
  c.userAlgorithms = true;
  setupDefaultControllerCommon(stream, c, highWaterMark, sizeAlgorithm);
  let startResult;
  if (start !== undefined) startResult = FunctionPrototypeCall(start, source, controller);
  defaultControllerStart(c, startResult);
}

function setupDefaultControllerInternal(stream, controller, startAlgorithm, pullAlgorithm, cancelAlgorithm,
                                        highWaterMark, sizeAlgorithm) {
  const c = new DefaultControllerState(stream);
  controller[kState] = c;
  c.self = controller;
  c.pullFn = pullAlgorithm;
  c.cancelFn = cancelAlgorithm;
  c.userAlgorithms = false;
  setupDefaultControllerCommon(stream, c, highWaterMark, sizeAlgorithm);
  const startResult = startAlgorithm === undefined ? undefined : startAlgorithm(controller);
  defaultControllerStart(c, startResult);
}

// SetUpReadableStreamDefaultController with algorithms as functions (for other built-ins).
function setupReadableStreamDefaultController(stream, controller, startAlgorithm, pullAlgorithm, cancelAlgorithm,
                                              highWaterMark, sizeAlgorithm) {
  if (stream[kState] === undefined) stream[kState] = new ReadableStreamState();
  setupDefaultControllerInternal(stream, controller, startAlgorithm, pullAlgorithm, cancelAlgorithm,
                                 highWaterMark, extractSizeAlgorithm(sizeAlgorithm));
}

function setupDefaultControllerCommon(stream, c, highWaterMark, sizeAlgorithm) {
  c.highWaterMark = highWaterMark;
  c.sizeAlgorithm = sizeAlgorithm;
  c.onPullFulfilled = () => {
    c.pulling = false;
    if (c.pullAgain) {
      c.pullAgain = false;
      defaultControllerCallPullIfNeeded(c);
    }
  };
  c.onPullRejected = (e) => { defaultControllerError(c, e); };
  stream[kState].controller = c.self;
}

function defaultControllerStart(c, startResult) {
  uponPromise(promiseResolvedWith(startResult), () => {
    c.started = true;
    defaultControllerCallPullIfNeeded(c);
  }, (r) => { defaultControllerError(c, r); });
}

function callPull(c) {
  if (c.userAlgorithms) return invokePromiseCallback(c.pullFn, c.source, c.self);
  if (c.pullFn === undefined) return resolvedUndefined;
  try {
    return c.pullFn(c.self);
  } catch (err) {
    return promiseRejectedWith(err);
  }
}

function callCancel(c, reason) {
  if (c.userAlgorithms) return invokePromiseCallback(c.cancelFn, c.source, reason);
  if (c.cancelFn === undefined) return resolvedUndefined;
  try {
    return PromiseResolve(c.cancelFn(reason));
  } catch (err) {
    return promiseRejectedWith(err);
  }
}

function defaultControllerCallPullIfNeeded(c) {
  if (!defaultControllerShouldCallPull(c)) return;
  if (c.pulling) {
    c.pullAgain = true;
    return;
  }
  c.pulling = true;
  uponPromise(callPull(c), c.onPullFulfilled, c.onPullRejected);
}

function defaultControllerShouldCallPull(c) {
  if (!defaultControllerCanCloseOrEnqueue(c)) return false;
  if (!c.started) return false;
  const s = c.stream[kState];
  if (s.reader !== undefined && s.reader[kState].requests.length > 0) return true;
  return defaultControllerGetDesiredSize(c) > 0;
}

function defaultControllerClearAlgorithms(c) {
  c.pullFn = undefined;
  c.cancelFn = undefined;
  c.sizeAlgorithm = undefined;
  c.source = undefined;
}

function readableStreamDefaultControllerClose(controller) {
  const c = controller[kState];
  if (!defaultControllerCanCloseOrEnqueue(c)) return;
  c.closeRequested = true;
  if (c.queue.length === 0) {
    defaultControllerClearAlgorithms(c);
    readableStreamClose(c.stream);
  }
}

function readableStreamDefaultControllerEnqueue(controller, chunk) {
  const c = controller[kState];
  if (!defaultControllerCanCloseOrEnqueue(c)) return;
  const stream = c.stream;
  const s = stream[kState];
  if (s.reader !== undefined && s.reader[kState].requests.length > 0) {
    readableStreamFulfillReadRequest(stream, chunk, false);
  } else {
    let chunkSize;
    const size = c.sizeAlgorithm;
    if (size !== defaultSizeOne) {
      try {
        chunkSize = FunctionPrototypeCall(size, undefined, chunk);
      } catch (err) {
        defaultControllerError(c, err);
        throw err;
      }
      try {
        enqueueValueWithSize(c, chunk, chunkSize);
      } catch (err) {
        defaultControllerError(c, err);
        throw err;
      }
    } else {
      c.queue.push(chunk, 1);
      c.queue.totalSize += 1;
    }
  }
  defaultControllerCallPullIfNeeded(c);
}

const defaultSizeOne = extractSizeAlgorithm(undefined);

function readableStreamDefaultControllerError(controller, e) {
  defaultControllerError(controller[kState], e);
}

function defaultControllerError(c, e) {
  const stream = c.stream;
  if (stream[kState].state !== 'readable') return;
  resetQueue(c);
  defaultControllerClearAlgorithms(c);
  readableStreamError(stream, e);
}

function defaultControllerGetDesiredSize(c) {
  const state = c.stream[kState].state;
  if (state === 'errored') return null;
  if (state === 'closed') return 0;
  return c.highWaterMark - c.queue.totalSize;
}

function readableStreamDefaultControllerGetDesiredSize(controller) {
  return defaultControllerGetDesiredSize(controller[kState]);
}

function readableStreamDefaultControllerHasBackpressure(controller) {
  return !defaultControllerShouldCallPull(controller[kState]);
}

function defaultControllerCanCloseOrEnqueue(c) {
  return !c.closeRequested && c.stream[kState].state === 'readable';
}

function readableStreamDefaultControllerCanCloseOrEnqueue(controller) {
  return defaultControllerCanCloseOrEnqueue(controller[kState]);
}

function defaultControllerCancelSteps(c, reason) {
  resetQueue(c);
  const result = callCancel(c, reason);
  defaultControllerClearAlgorithms(c);
  return result;
}

function defaultControllerPullSteps(c, readRequest) {
  const stream = c.stream;
  if (c.queue.length > 0) {
    const chunk = dequeueValue(c);
    if (c.closeRequested && c.queue.length === 0) {
      defaultControllerClearAlgorithms(c);
      readableStreamClose(stream);
    } else {
      defaultControllerCallPullIfNeeded(c);
    }
    readRequest.chunkSteps(chunk);
  } else {
    readableStreamAddReadRequest(stream, readRequest);
    defaultControllerCallPullIfNeeded(c);
  }
}

// ---- ReadableByteStreamController ---------------------------------------------------------------

class ReadableByteStreamController {
  constructor(key = undefined) {
    if (key !== kPrivate) throw new ERR_ILLEGAL_CONSTRUCTOR();
  }

  get byobRequest() {
    if (!isReadableByteStreamController(this)) throw new ERR_INVALID_THIS('ReadableByteStreamController');
    return byteControllerGetBYOBRequest(this[kState]);
  }

  get desiredSize() {
    if (!isReadableByteStreamController(this)) throw new ERR_INVALID_THIS('ReadableByteStreamController');
    return byteControllerGetDesiredSize(this[kState]);
  }

  close() {
    if (!isReadableByteStreamController(this)) throw new ERR_INVALID_THIS('ReadableByteStreamController');
    const c = this[kState];
    if (c.closeRequested) throw typeErrorState('Controller is already closed');
    if (c.stream[kState].state !== 'readable') throw typeErrorState('ReadableStream is already closed');
    byteControllerClose(c);
  }

  enqueue(chunk) {
    if (!isReadableByteStreamController(this)) throw new ERR_INVALID_THIS('ReadableByteStreamController');
    if (!isArrayBufferView(chunk)) {
      throw new ERR_INVALID_ARG_TYPE('buffer', ['Buffer', 'TypedArray', 'DataView'], chunk);
    }
    const buffer = viewBuffer(chunk);
    if (viewByteLength(chunk) === 0 || isDetachedBuffer(buffer) || arrayBufferByteLength(buffer) === 0) {
      throw typeErrorState('chunk ArrayBuffer is zero-length or detached');
    }
    const c = this[kState];
    if (c.closeRequested) throw typeErrorState('Controller is already closed');
    if (c.stream[kState].state !== 'readable') throw typeErrorState('ReadableStream is already closed');
    byteControllerEnqueue(c, chunk);
  }

  error(e = undefined) {
    if (!isReadableByteStreamController(this)) throw new ERR_INVALID_THIS('ReadableByteStreamController');
    byteControllerError(this[kState], e);
  }

  [kInspect](depth, options) {
    return customInspect(this, 'ReadableByteStreamController', {}, depth, options);
  }
}

ObjectDefineProperties(ReadableByteStreamController.prototype, {
  byobRequest: kEnumerable, desiredSize: kEnumerable, close: kEnumerable, enqueue: kEnumerable,
  error: kEnumerable,
});

class ReadableStreamBYOBRequest {
  constructor(key = undefined) {
    if (key !== kPrivate) throw new ERR_ILLEGAL_CONSTRUCTOR();
  }

  get view() {
    if (!isReadableStreamBYOBRequest(this)) throw new ERR_INVALID_THIS('ReadableStreamBYOBRequest');
    return this[kState].view;
  }

  respond(bytesWritten) {
    if (!isReadableStreamBYOBRequest(this)) throw new ERR_INVALID_THIS('ReadableStreamBYOBRequest');
    bytesWritten = convertEnforceRangeULL(bytesWritten, 'bytesWritten');
    const r = this[kState];
    if (r.controller === undefined) throw typeErrorState('This BYOB request has been invalidated');
    if (isDetachedBuffer(viewBuffer(r.view))) throw typeErrorState('Viewed ArrayBuffer is detached');
    byteControllerRespond(r.controller, bytesWritten);
  }

  respondWithNewView(view) {
    if (!isReadableStreamBYOBRequest(this)) throw new ERR_INVALID_THIS('ReadableStreamBYOBRequest');
    if (!isArrayBufferView(view)) {
      throw new ERR_INVALID_ARG_TYPE('view', ['Buffer', 'TypedArray', 'DataView'], view);
    }
    const r = this[kState];
    if (r.controller === undefined) throw typeErrorState('This BYOB request has been invalidated');
    if (isDetachedBuffer(viewBuffer(view))) throw typeErrorState('Viewed ArrayBuffer is detached');
    byteControllerRespondWithNewView(r.controller, view);
  }

  [kInspect](depth, options) {
    const r = this[kState];
    return customInspect(this, 'ReadableStreamBYOBRequest', {
      view: r.view, controller: r.controller === undefined ? undefined : r.controller.self,
    }, depth, options);
  }
}

ObjectDefineProperties(ReadableStreamBYOBRequest.prototype, {
  view: kEnumerable, respond: kEnumerable, respondWithNewView: kEnumerable,
});

function setupByteController(stream, controller, source, start, pull, cancel, highWaterMark, autoAllocateChunkSize) {
  const c = new ByteControllerState(stream);
  controller[kState] = c;
  c.self = controller;
  c.source = source;
  c.pullFn = pull;
  c.cancelFn = cancel;
  c.userAlgorithms = true;
  setupByteControllerCommon(stream, c, highWaterMark, autoAllocateChunkSize);
  let startResult;
  if (start !== undefined) startResult = FunctionPrototypeCall(start, source, controller);
  byteControllerStart(c, startResult);
}

function setupByteControllerInternal(stream, controller, startAlgorithm, pullAlgorithm, cancelAlgorithm,
                                     highWaterMark, autoAllocateChunkSize) {
  const c = new ByteControllerState(stream);
  controller[kState] = c;
  c.self = controller;
  c.pullFn = pullAlgorithm;
  c.cancelFn = cancelAlgorithm;
  c.userAlgorithms = false;
  setupByteControllerCommon(stream, c, highWaterMark, autoAllocateChunkSize);
  const startResult = startAlgorithm === undefined ? undefined : startAlgorithm(controller);
  byteControllerStart(c, startResult);
}

function setupByteControllerCommon(stream, c, highWaterMark, autoAllocateChunkSize) {
  c.highWaterMark = highWaterMark;
  c.autoAllocateChunkSize = autoAllocateChunkSize;
  c.onPullFulfilled = () => {
    c.pulling = false;
    if (c.pullAgain) {
      c.pullAgain = false;
      byteControllerCallPullIfNeeded(c);
    }
  };
  c.onPullRejected = (e) => { byteControllerError(c, e); };
  stream[kState].controller = c.self;
}

function byteControllerStart(c, startResult) {
  uponPromise(promiseResolvedWith(startResult), () => {
    c.started = true;
    byteControllerCallPullIfNeeded(c);
  }, (r) => { byteControllerError(c, r); });
}

function byteControllerCallPullIfNeeded(c) {
  if (!byteControllerShouldCallPull(c)) return;
  if (c.pulling) {
    c.pullAgain = true;
    return;
  }
  c.pulling = true;
  uponPromise(callPull(c), c.onPullFulfilled, c.onPullRejected);
}

function byteControllerShouldCallPull(c) {
  const stream = c.stream;
  if (stream[kState].state !== 'readable') return false;
  if (c.closeRequested) return false;
  if (!c.started) return false;
  if (hasDefaultReader(stream) && getNumRequests(stream) > 0) return true;
  if (hasBYOBReader(stream) && getNumRequests(stream) > 0) return true;
  return byteControllerGetDesiredSize(c) > 0;
}

function byteControllerClearAlgorithms(c) {
  c.pullFn = undefined;
  c.cancelFn = undefined;
  c.source = undefined;
}

function byteControllerClearPendingPullIntos(c) {
  byteControllerInvalidateBYOBRequest(c);
  c.pendingPullIntos = [];
}

function byteControllerClose(c) {
  const stream = c.stream;
  if (c.closeRequested || stream[kState].state !== 'readable') return;
  if (c.queueTotalSize > 0) {
    c.closeRequested = true;
    return;
  }
  if (c.pendingPullIntos.length > 0) {
    const first = c.pendingPullIntos[0];
    if (first.bytesFilled % first.elementSize !== 0) {
      const e = typeErrorState('Partial read');
      byteControllerError(c, e);
      throw e;
    }
  }
  byteControllerClearAlgorithms(c);
  readableStreamClose(stream);
}

function byteControllerCommitPullIntoDescriptor(stream, pid) {
  let done = false;
  if (stream[kState].state === 'closed') done = true;
  const filledView = byteControllerConvertPullIntoDescriptor(pid);
  if (pid.readerType === 'default') readableStreamFulfillReadRequest(stream, filledView, done);
  else readableStreamFulfillReadIntoRequest(stream, filledView, done);
}

function byteControllerConvertPullIntoDescriptor(pid) {
  const buffer = transferArrayBuffer(pid.buffer);
  const Ctor = pid.viewConstructor;
  return new Ctor(buffer, pid.byteOffset, pid.bytesFilled / pid.elementSize);
}

function byteControllerEnqueue(c, chunk) {
  const stream = c.stream;
  if (c.closeRequested || stream[kState].state !== 'readable') return;
  const buffer = viewBuffer(chunk);
  const byteOffset = viewByteOffset(chunk);
  const byteLength = viewByteLength(chunk);
  if (isDetachedBuffer(buffer)) throw typeErrorState('chunk ArrayBuffer is detached');
  const transferredBuffer = transferArrayBuffer(buffer);
  if (c.pendingPullIntos.length > 0) {
    const first = c.pendingPullIntos[0];
    if (isDetachedBuffer(first.buffer)) throw typeErrorState('The BYOB request\'s buffer has been detached');
    byteControllerInvalidateBYOBRequest(c);
    first.buffer = transferArrayBuffer(first.buffer);
    if (first.readerType === 'none') byteControllerEnqueueDetachedPullIntoToQueue(c, first);
  }
  if (hasDefaultReader(stream)) {
    byteControllerProcessReadRequestsUsingQueue(c);
    if (getNumRequests(stream) === 0) {
      byteControllerEnqueueChunkToQueue(c, transferredBuffer, byteOffset, byteLength);
    } else {
      if (c.pendingPullIntos.length > 0) byteControllerShiftPendingPullInto(c);
      const transferredView = new Uint8Array(transferredBuffer, byteOffset, byteLength);
      readableStreamFulfillReadRequest(stream, transferredView, false);
    }
  } else if (hasBYOBReader(stream)) {
    byteControllerEnqueueChunkToQueue(c, transferredBuffer, byteOffset, byteLength);
    const filled = byteControllerProcessPullIntoDescriptorsUsingQueue(c);
    for (let i = 0; i < filled.length; i++) byteControllerCommitPullIntoDescriptor(stream, filled[i]);
  } else {
    byteControllerEnqueueChunkToQueue(c, transferredBuffer, byteOffset, byteLength);
  }
  byteControllerCallPullIfNeeded(c);
}

function byteControllerEnqueueChunkToQueue(c, buffer, byteOffset, byteLength) {
  c.queue.push({ buffer, byteOffset, byteLength }, byteLength);
  c.queueTotalSize += byteLength;
}

function byteControllerEnqueueClonedChunkToQueue(c, buffer, byteOffset, byteLength) {
  let clone;
  try {
    clone = ArrayBufferPrototypeSlice(buffer, byteOffset, byteOffset + byteLength);
  } catch (err) {
    byteControllerError(c, err);
    throw err;
  }
  byteControllerEnqueueChunkToQueue(c, clone, 0, byteLength);
}

function byteControllerEnqueueDetachedPullIntoToQueue(c, pid) {
  if (pid.bytesFilled > 0) {
    byteControllerEnqueueClonedChunkToQueue(c, pid.buffer, pid.byteOffset, pid.bytesFilled);
  }
  byteControllerShiftPendingPullInto(c);
}

function byteControllerError(c, e) {
  const stream = c.stream;
  if (stream[kState].state !== 'readable') return;
  byteControllerClearPendingPullIntos(c);
  c.queue.reset();
  c.queueTotalSize = 0;
  byteControllerClearAlgorithms(c);
  readableStreamError(stream, e);
}

function byteControllerFillHeadPullIntoDescriptor(c, size, pid) {
  pid.bytesFilled += size;
}

function byteControllerFillPullIntoDescriptorFromQueue(c, pid) {
  const maxBytesToCopy = MathMin(c.queueTotalSize, pid.byteLength - pid.bytesFilled);
  const maxBytesFilled = pid.bytesFilled + maxBytesToCopy;
  let totalBytesToCopyRemaining = maxBytesToCopy;
  let ready = false;
  const remainderBytes = maxBytesFilled % pid.elementSize;
  const maxAlignedBytes = maxBytesFilled - remainderBytes;
  if (maxAlignedBytes >= pid.minimumFill) {
    totalBytesToCopyRemaining = maxAlignedBytes - pid.bytesFilled;
    ready = true;
  }
  const queue = c.queue;
  while (totalBytesToCopyRemaining > 0) {
    const head = queue.peek();
    const bytesToCopy = MathMin(totalBytesToCopyRemaining, head.byteLength);
    const destStart = pid.byteOffset + pid.bytesFilled;
    copyDataBlockBytes(pid.buffer, destStart, head.buffer, head.byteOffset, bytesToCopy);
    if (head.byteLength === bytesToCopy) {
      queue.shift();
    } else {
      head.byteOffset += bytesToCopy;
      head.byteLength -= bytesToCopy;
    }
    c.queueTotalSize -= bytesToCopy;
    byteControllerFillHeadPullIntoDescriptor(c, bytesToCopy, pid);
    totalBytesToCopyRemaining -= bytesToCopy;
  }
  return ready;
}

function byteControllerFillReadRequestFromQueue(c, readRequest) {
  const entry = c.queue.shift();
  c.queueTotalSize -= entry.byteLength;
  byteControllerHandleQueueDrain(c);
  const view = new Uint8Array(entry.buffer, entry.byteOffset, entry.byteLength);
  readRequest.chunkSteps(view);
}

function byteControllerGetBYOBRequest(c) {
  if (c.byobRequest === null && c.pendingPullIntos.length > 0) {
    const first = c.pendingPullIntos[0];
    const view = new Uint8Array(first.buffer, first.byteOffset + first.bytesFilled,
                                first.byteLength - first.bytesFilled);
    const request = new ReadableStreamBYOBRequest(kPrivate);
    request[kState] = { brand: kBYOBRequest, controller: c, view };
    c.byobRequest = request;
  }
  return c.byobRequest;
}

function byteControllerGetDesiredSize(c) {
  const state = c.stream[kState].state;
  if (state === 'errored') return null;
  if (state === 'closed') return 0;
  return c.highWaterMark - c.queueTotalSize;
}

function byteControllerHandleQueueDrain(c) {
  if (c.queueTotalSize === 0 && c.closeRequested) {
    byteControllerClearAlgorithms(c);
    readableStreamClose(c.stream);
  } else {
    byteControllerCallPullIfNeeded(c);
  }
}

function byteControllerInvalidateBYOBRequest(c) {
  const request = c.byobRequest;
  if (request === null) return;
  request[kState].controller = undefined;
  request[kState].view = null;
  c.byobRequest = null;
}

function byteControllerProcessPullIntoDescriptorsUsingQueue(c) {
  const filled = [];
  while (c.pendingPullIntos.length > 0) {
    if (c.queueTotalSize === 0) break;
    const pid = c.pendingPullIntos[0];
    if (byteControllerFillPullIntoDescriptorFromQueue(c, pid)) {
      byteControllerShiftPendingPullInto(c);
      ArrayPrototypePush(filled, pid);
    }
  }
  return filled;
}

function byteControllerProcessReadRequestsUsingQueue(c) {
  const reader = c.stream[kState].reader;
  const requests = reader[kState].requests;
  while (requests.length > 0) {
    if (c.queueTotalSize === 0) return;
    const readRequest = requests.shift();
    byteControllerFillReadRequestFromQueue(c, readRequest);
  }
}

const typedArrayCtors = { __proto__: null };
for (const C of [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array,
  Uint32Array, Float32Array, Float64Array, BigInt64Array, BigUint64Array]) {
  typedArrayCtors[C.name] = C;
}
if (Float16Array !== undefined) typedArrayCtors.Float16Array = Float16Array;

function byteControllerPullInto(c, view, min, readIntoRequest) {
  const stream = c.stream;
  let elementSize = 1;
  let ctor = DataView;
  if (!isDataView(view)) {
    const name = TypedArrayPrototypeGetSymbolToStringTag(view);
    ctor = typedArrayCtors[name];
    elementSize = ctor.BYTES_PER_ELEMENT;
  }
  const minimumFill = min * elementSize;
  const byteOffset = viewByteOffset(view);
  const byteLength = viewByteLength(view);
  let buffer;
  try {
    buffer = transferArrayBuffer(viewBuffer(view));
  } catch (err) {
    readIntoRequest.errorSteps(err);
    return;
  }
  const pid = {
    buffer,
    bufferByteLength: arrayBufferByteLength(buffer),
    byteOffset,
    byteLength,
    bytesFilled: 0,
    minimumFill,
    elementSize,
    viewConstructor: ctor,
    readerType: 'byob',
  };
  if (c.pendingPullIntos.length > 0) {
    ArrayPrototypePush(c.pendingPullIntos, pid);
    readableStreamAddReadRequest(stream, readIntoRequest);
    return;
  }
  if (stream[kState].state === 'closed') {
    const emptyView = new ctor(pid.buffer, pid.byteOffset, 0);
    readIntoRequest.closeSteps(emptyView);
    return;
  }
  if (c.queueTotalSize > 0) {
    if (byteControllerFillPullIntoDescriptorFromQueue(c, pid)) {
      const filledView = byteControllerConvertPullIntoDescriptor(pid);
      byteControllerHandleQueueDrain(c);
      readIntoRequest.chunkSteps(filledView);
      return;
    }
    if (c.closeRequested) {
      const e = typeErrorState('ReadableStream is already closed');
      byteControllerError(c, e);
      readIntoRequest.errorSteps(e);
      return;
    }
  }
  ArrayPrototypePush(c.pendingPullIntos, pid);
  readableStreamAddReadRequest(stream, readIntoRequest);
  byteControllerCallPullIfNeeded(c);
}

function byteControllerRespond(c, bytesWritten) {
  const first = c.pendingPullIntos[0];
  const state = c.stream[kState].state;
  if (state === 'closed') {
    if (bytesWritten !== 0) {
      throw new ERR_INVALID_ARG_VALUE('bytesWritten', bytesWritten);
    }
  } else {
    if (bytesWritten === 0) throw new ERR_INVALID_ARG_VALUE('bytesWritten', bytesWritten);
    if (first.bytesFilled + bytesWritten > first.byteLength) {
      throw new ERR_INVALID_ARG_VALUE.RangeError('bytesWritten', bytesWritten);
    }
  }
  first.buffer = transferArrayBuffer(first.buffer);
  byteControllerRespondInternal(c, bytesWritten);
}

function byteControllerRespondInClosedState(c, first) {
  if (first.readerType === 'none') byteControllerShiftPendingPullInto(c);
  const stream = c.stream;
  if (hasBYOBReader(stream)) {
    while (getNumRequests(stream) > 0) {
      const pid = byteControllerShiftPendingPullInto(c);
      byteControllerCommitPullIntoDescriptor(stream, pid);
    }
  }
}

function byteControllerRespondInReadableState(c, bytesWritten, pid) {
  byteControllerFillHeadPullIntoDescriptor(c, bytesWritten, pid);
  const stream = c.stream;
  if (pid.readerType === 'none') {
    byteControllerEnqueueDetachedPullIntoToQueue(c, pid);
    const filled = byteControllerProcessPullIntoDescriptorsUsingQueue(c);
    for (let i = 0; i < filled.length; i++) byteControllerCommitPullIntoDescriptor(stream, filled[i]);
    return;
  }
  if (pid.bytesFilled < pid.minimumFill) return;
  byteControllerShiftPendingPullInto(c);
  const remainderSize = pid.bytesFilled % pid.elementSize;
  if (remainderSize > 0) {
    const end = pid.byteOffset + pid.bytesFilled;
    byteControllerEnqueueClonedChunkToQueue(c, pid.buffer, end - remainderSize, remainderSize);
  }
  pid.bytesFilled -= remainderSize;
  const filled = byteControllerProcessPullIntoDescriptorsUsingQueue(c);
  byteControllerCommitPullIntoDescriptor(stream, pid);
  for (let i = 0; i < filled.length; i++) byteControllerCommitPullIntoDescriptor(stream, filled[i]);
}

function byteControllerRespondInternal(c, bytesWritten) {
  const first = c.pendingPullIntos[0];
  byteControllerInvalidateBYOBRequest(c);
  if (c.stream[kState].state === 'closed') {
    byteControllerRespondInClosedState(c, first);
  } else {
    byteControllerRespondInReadableState(c, bytesWritten, first);
  }
  byteControllerCallPullIfNeeded(c);
}

function byteControllerRespondWithNewView(c, view) {
  const first = c.pendingPullIntos[0];
  const state = c.stream[kState].state;
  const byteLength = viewByteLength(view);
  if (state === 'closed') {
    if (byteLength !== 0) throw new ERR_INVALID_ARG_VALUE('view', view, 'must have a byteLength of 0 when the stream is closed');
  } else if (byteLength === 0) {
    throw new ERR_INVALID_ARG_VALUE('view', view, 'must have a non-zero byteLength');
  }
  const buffer = viewBuffer(view);
  if (first.byteOffset + first.bytesFilled !== viewByteOffset(view)) {
    throw new ERR_INVALID_ARG_VALUE.RangeError('view', view);
  }
  if (first.bufferByteLength !== arrayBufferByteLength(buffer)) {
    throw new ERR_INVALID_ARG_VALUE.RangeError('view', view);
  }
  if (first.bytesFilled + byteLength > first.byteLength) {
    throw new ERR_INVALID_ARG_VALUE.RangeError('view', view);
  }
  first.buffer = transferArrayBuffer(buffer);
  byteControllerRespondInternal(c, byteLength);
}

function byteControllerShiftPendingPullInto(c) {
  return c.pendingPullIntos.shift();
}

function byteControllerCancelSteps(c, reason) {
  byteControllerClearPendingPullIntos(c);
  c.queue.reset();
  c.queueTotalSize = 0;
  const result = callCancel(c, reason);
  byteControllerClearAlgorithms(c);
  return result;
}

function byteControllerPullSteps(c, readRequest) {
  const stream = c.stream;
  if (c.queueTotalSize > 0) {
    byteControllerFillReadRequestFromQueue(c, readRequest);
    return;
  }
  const autoAllocateChunkSize = c.autoAllocateChunkSize;
  if (autoAllocateChunkSize !== undefined) {
    let buffer;
    try {
      buffer = new ArrayBuffer(autoAllocateChunkSize);
    } catch (err) {
      readRequest.errorSteps(err);
      return;
    }
    ArrayPrototypePush(c.pendingPullIntos, {
      buffer,
      bufferByteLength: autoAllocateChunkSize,
      byteOffset: 0,
      byteLength: autoAllocateChunkSize,
      bytesFilled: 0,
      minimumFill: 1,
      elementSize: 1,
      viewConstructor: Uint8Array,
      readerType: 'default',
    });
  }
  readableStreamAddReadRequest(stream, readRequest);
  byteControllerCallPullIfNeeded(c);
}

function byteControllerReleaseSteps(c) {
  if (c.pendingPullIntos.length > 0) {
    const first = c.pendingPullIntos[0];
    first.readerType = 'none';
    c.pendingPullIntos = [first];
  }
}

function readableByteStreamControllerEnqueue(controller, chunk) {
  byteControllerEnqueue(controller[kState], chunk);
}
function readableByteStreamControllerClose(controller) {
  byteControllerClose(controller[kState]);
}
function readableByteStreamControllerError(controller, e) {
  byteControllerError(controller[kState], e);
}
function readableByteStreamControllerRespond(controller, bytesWritten) {
  byteControllerRespond(controller[kState], bytesWritten);
}
function readableByteStreamControllerGetBYOBRequest(controller) {
  return byteControllerGetBYOBRequest(controller[kState]);
}

// ---- tee -----------------------------------------------------------------------------------------

// "Queue a microtask": a reaction on an already-resolved promise runs as the next promise job.
function queueMicrotaskJob(fn) {
  PromisePrototypeThen(resolvedUndefined, fn);
}

// node:stream/web's ReadableStreamTee(stream, cloneForBranch2 = false) (a Node extension).
function ReadableStreamTee(stream, cloneForBranch2 = false) {
  if (!isReadableStream(stream)) throw new ERR_INVALID_ARG_TYPE('stream', 'ReadableStream', stream);
  if (typeof cloneForBranch2 !== 'boolean') {
    throw new ERR_INVALID_ARG_TYPE('cloneForBranch2', 'boolean', cloneForBranch2);
  }
  return readableStreamTee(stream, cloneForBranch2);
}

function readableStreamTee(stream, cloneForBranch2) {
  if (stream[kState].reader !== undefined) throw typeErrorState('ReadableStream is locked');
  if (stream[kState].controller[kState].brand === kByteController) return readableByteStreamTee(stream);
  return readableStreamDefaultTee(stream, cloneForBranch2);
}

function readableStreamDefaultTee(stream, cloneForBranch2) {
  const reader = acquireReadableStreamDefaultReader(stream);
  let reading = false;
  let readAgain = false;
  let canceled1 = false;
  let canceled2 = false;
  let reason1, reason2, branch1, branch2;
  const cancelDeferred = new Deferred();

  const readRequest = {
    chunkSteps(chunk) {
      queueMicrotaskJob(() => {
        readAgain = false;
        const chunk1 = chunk;
        let chunk2 = chunk;
        if (!canceled2 && cloneForBranch2) {
          try {
            chunk2 = globalThis.structuredClone(chunk);
          } catch (err) {
            readableStreamDefaultControllerError(branch1[kState].controller, err);
            readableStreamDefaultControllerError(branch2[kState].controller, err);
            cancelDeferred.resolve(readableStreamCancel(stream, err));
            return;
          }
        }
        if (!canceled1) readableStreamDefaultControllerEnqueue(branch1[kState].controller, chunk1);
        if (!canceled2) readableStreamDefaultControllerEnqueue(branch2[kState].controller, chunk2);
        reading = false;
        if (readAgain) pullAlgorithm();
      });
    },
    closeSteps() {
      reading = false;
      if (!canceled1) readableStreamDefaultControllerClose(branch1[kState].controller);
      if (!canceled2) readableStreamDefaultControllerClose(branch2[kState].controller);
      if (!canceled1 || !canceled2) cancelDeferred.resolve(undefined);
    },
    errorSteps() {
      reading = false;
    },
  };

  function pullAlgorithm() {
    if (reading) {
      readAgain = true;
      return resolvedUndefined;
    }
    reading = true;
    readableStreamDefaultReaderRead(reader, readRequest);
    return resolvedUndefined;
  }

  function cancel1Algorithm(reason) {
    canceled1 = true;
    reason1 = reason;
    if (canceled2) cancelDeferred.resolve(readableStreamCancel(stream, [reason1, reason2]));
    return cancelDeferred.promise;
  }

  function cancel2Algorithm(reason) {
    canceled2 = true;
    reason2 = reason;
    if (canceled1) cancelDeferred.resolve(readableStreamCancel(stream, [reason1, reason2]));
    return cancelDeferred.promise;
  }

  branch1 = createReadableStream(undefined, pullAlgorithm, cancel1Algorithm);
  branch2 = createReadableStream(undefined, pullAlgorithm, cancel2Algorithm);

  uponRejection(reader[kState].closed.promise, (r) => {
    readableStreamDefaultControllerError(branch1[kState].controller, r);
    readableStreamDefaultControllerError(branch2[kState].controller, r);
    if (!canceled1 || !canceled2) cancelDeferred.resolve(undefined);
  });

  return [branch1, branch2];
}

function readableByteStreamTee(stream) {
  let reader = acquireReadableStreamDefaultReader(stream);
  let reading = false;
  let readAgainForBranch1 = false;
  let readAgainForBranch2 = false;
  let canceled1 = false;
  let canceled2 = false;
  let reason1, reason2, branch1, branch2;
  const cancelDeferred = new Deferred();

  const ctl = (branch) => branch[kState].controller[kState];

  function forwardReaderError(thisReader) {
    uponRejection(thisReader[kState].closed.promise, (r) => {
      if (thisReader !== reader) return;
      byteControllerError(ctl(branch1), r);
      byteControllerError(ctl(branch2), r);
      if (!canceled1 || !canceled2) cancelDeferred.resolve(undefined);
    });
  }

  function pullWithDefaultReader() {
    if (reader[kState].brand === kBYOBReader) {
      readableStreamBYOBReaderRelease(reader);
      reader = acquireReadableStreamDefaultReader(stream);
      forwardReaderError(reader);
    }
    const readRequest = {
      chunkSteps(chunk) {
        queueMicrotaskJob(() => {
          readAgainForBranch1 = false;
          readAgainForBranch2 = false;
          const chunk1 = chunk;
          let chunk2 = chunk;
          if (!canceled1 && !canceled2) {
            try {
              chunk2 = cloneAsUint8Array(chunk);
            } catch (err) {
              byteControllerError(ctl(branch1), err);
              byteControllerError(ctl(branch2), err);
              cancelDeferred.resolve(readableStreamCancel(stream, err));
              return;
            }
          }
          if (!canceled1) byteControllerEnqueue(ctl(branch1), chunk1);
          if (!canceled2) byteControllerEnqueue(ctl(branch2), chunk2);
          reading = false;
          if (readAgainForBranch1) pull1Algorithm();
          else if (readAgainForBranch2) pull2Algorithm();
        });
      },
      closeSteps() {
        reading = false;
        if (!canceled1) byteControllerClose(ctl(branch1));
        if (!canceled2) byteControllerClose(ctl(branch2));
        if (ctl(branch1).pendingPullIntos.length > 0) byteControllerRespond(ctl(branch1), 0);
        if (ctl(branch2).pendingPullIntos.length > 0) byteControllerRespond(ctl(branch2), 0);
        if (!canceled1 || !canceled2) cancelDeferred.resolve(undefined);
      },
      errorSteps() {
        reading = false;
      },
    };
    readableStreamDefaultReaderRead(reader, readRequest);
  }

  function pullWithBYOBReader(view, forBranch2) {
    if (reader[kState].brand === kDefaultReader) {
      readableStreamDefaultReaderRelease(reader);
      reader = acquireReadableStreamBYOBReader(stream);
      forwardReaderError(reader);
    }
    const byobBranch = forBranch2 ? branch2 : branch1;
    const otherBranch = forBranch2 ? branch1 : branch2;
    const readIntoRequest = {
      chunkSteps(chunk) {
        queueMicrotaskJob(() => {
          readAgainForBranch1 = false;
          readAgainForBranch2 = false;
          const byobCanceled = forBranch2 ? canceled2 : canceled1;
          const otherCanceled = forBranch2 ? canceled1 : canceled2;
          if (!otherCanceled) {
            let clonedChunk;
            try {
              clonedChunk = cloneAsUint8Array(chunk);
            } catch (err) {
              byteControllerError(ctl(byobBranch), err);
              byteControllerError(ctl(otherBranch), err);
              cancelDeferred.resolve(readableStreamCancel(stream, err));
              return;
            }
            if (!byobCanceled) byteControllerRespondWithNewView(ctl(byobBranch), chunk);
            byteControllerEnqueue(ctl(otherBranch), clonedChunk);
          } else if (!byobCanceled) {
            byteControllerRespondWithNewView(ctl(byobBranch), chunk);
          }
          reading = false;
          if (readAgainForBranch1) pull1Algorithm();
          else if (readAgainForBranch2) pull2Algorithm();
        });
      },
      closeSteps(chunk) {
        reading = false;
        const byobCanceled = forBranch2 ? canceled2 : canceled1;
        const otherCanceled = forBranch2 ? canceled1 : canceled2;
        if (!byobCanceled) byteControllerClose(ctl(byobBranch));
        if (!otherCanceled) byteControllerClose(ctl(otherBranch));
        if (chunk !== undefined) {
          if (!byobCanceled) byteControllerRespondWithNewView(ctl(byobBranch), chunk);
          if (!otherCanceled && ctl(otherBranch).pendingPullIntos.length > 0) {
            byteControllerRespond(ctl(otherBranch), 0);
          }
        }
        if (!byobCanceled || !otherCanceled) cancelDeferred.resolve(undefined);
      },
      errorSteps() {
        reading = false;
      },
    };
    readableStreamBYOBReaderRead(reader, view, 1, readIntoRequest);
  }

  function pull1Algorithm() {
    if (reading) {
      readAgainForBranch1 = true;
      return resolvedUndefined;
    }
    reading = true;
    const byobRequest = byteControllerGetBYOBRequest(ctl(branch1));
    if (byobRequest === null) pullWithDefaultReader();
    else pullWithBYOBReader(byobRequest[kState].view, false);
    return resolvedUndefined;
  }

  function pull2Algorithm() {
    if (reading) {
      readAgainForBranch2 = true;
      return resolvedUndefined;
    }
    reading = true;
    const byobRequest = byteControllerGetBYOBRequest(ctl(branch2));
    if (byobRequest === null) pullWithDefaultReader();
    else pullWithBYOBReader(byobRequest[kState].view, true);
    return resolvedUndefined;
  }

  function cancel1Algorithm(reason) {
    canceled1 = true;
    reason1 = reason;
    if (canceled2) cancelDeferred.resolve(readableStreamCancel(stream, [reason1, reason2]));
    return cancelDeferred.promise;
  }

  function cancel2Algorithm(reason) {
    canceled2 = true;
    reason2 = reason;
    if (canceled1) cancelDeferred.resolve(readableStreamCancel(stream, [reason1, reason2]));
    return cancelDeferred.promise;
  }

  branch1 = createReadableByteStream(undefined, pull1Algorithm, cancel1Algorithm);
  branch2 = createReadableByteStream(undefined, pull2Algorithm, cancel2Algorithm);
  forwardReaderError(reader);
  return [branch1, branch2];
}

// ---- pipeTo --------------------------------------------------------------------------------------

// Resolves when every promise returned by the actions has fulfilled; rejects with the first
// rejection. Uses the captured `then`, unlike Promise.all.
function waitForAll(promises) {
  const d = new Deferred();
  let remaining = promises.length;
  if (remaining === 0) {
    d.resolve(undefined);
    return d.promise;
  }
  for (let i = 0; i < promises.length; i++) {
    PromisePrototypeThen(promises[i], () => {
      if (--remaining === 0) d.resolve(undefined);
    }, d.reject);
  }
  return d.promise;
}

// The pipe loop is driven by callbacks rather than a chain of promises: wait for the writer's ready
// promise, read one chunk, write it, repeat. The chunk is written in a microtask, not inside the
// source's enqueue() (the write algorithm must not run synchronously from enqueue(), WPT
// piping/general-addition). One read is outstanding at a time, so the chunk waits in pipe.chunk and
// every callback is made once per pipe. Closing and errors of either stream are seen through the
// reader's and writer's closed promises (below), so the read request's close and error steps do
// nothing.
class PipeReadRequest {
  constructor(pipe) {
    this.pipe = pipe;
  }
  chunkSteps(chunk) {
    this.pipe.chunk = chunk;
    PromisePrototypeThen(resolvedUndefined, this.pipe.writeChunk);
  }
  closeSteps() {}
  errorSteps() {}
}

function readableStreamPipeTo(source, dest, preventClose, preventAbort, preventCancel, signal) {
  const W = lazyWritable();
  const reader = acquireReadableStreamDefaultReader(source);
  const writer = W.acquireWritableStreamDefaultWriter(dest);
  source[kState].disturbed = true;
  let shuttingDown = false;
  const pipe = {
    currentWrite: resolvedUndefined,
    chunk: undefined,
    writeChunk: undefined,
  };
  const readRequest = new PipeReadRequest(pipe);
  const onReady = () => { readableStreamDefaultReaderRead(reader, readRequest); };
  function pipeStep() {
    if (shuttingDown) return;
    uponPromise(W.writerReadyPromise(writer), onReady, noop);
  }
  pipe.writeChunk = () => {
    const chunk = pipe.chunk;
    pipe.chunk = undefined;
    pipe.currentWrite = PromisePrototypeThen(W.writableStreamDefaultWriterWrite(writer, chunk), undefined, noop);
    pipeStep();
  };
  const result = new Deferred();
  let abortAlgorithm;

  function waitForWritesToFinish() {
    const oldCurrentWrite = pipe.currentWrite;
    return PromisePrototypeThen(pipe.currentWrite,
      () => (oldCurrentWrite !== pipe.currentWrite ? waitForWritesToFinish() : undefined));
  }

  function shutdownWithAction(action, originalIsError, originalError) {
    if (shuttingDown) return;
    shuttingDown = true;
    const doTheRest = () => {
      uponPromise(action(), () => finalize(originalIsError, originalError), (newError) => finalize(true, newError));
    };
    if (dest[kState].state === 'writable' && !W.writableStreamCloseQueuedOrInFlight(dest)) {
      uponFulfillment(waitForWritesToFinish(), doTheRest);
    } else {
      doTheRest();
    }
  }

  function shutdown(isError, error) {
    if (shuttingDown) return;
    shuttingDown = true;
    if (dest[kState].state === 'writable' && !W.writableStreamCloseQueuedOrInFlight(dest)) {
      uponFulfillment(waitForWritesToFinish(), () => finalize(isError, error));
    } else {
      finalize(isError, error);
    }
  }

  function finalize(isError, error) {
    W.writableStreamDefaultWriterRelease(writer);
    readableStreamDefaultReaderRelease(reader);
    if (signal !== undefined) signal.removeEventListener('abort', abortAlgorithm);
    if (isError) result.reject(error);
    else result.resolve(undefined);
  }

  if (signal !== undefined) {
    abortAlgorithm = () => {
      const error = signal.reason;
      const actions = [];
      if (!preventAbort) {
        ArrayPrototypePush(actions, () => {
          if (dest[kState].state === 'writable') return W.writableStreamAbort(dest, error);
          return resolvedUndefined;
        });
      }
      if (!preventCancel) {
        ArrayPrototypePush(actions, () => {
          if (source[kState].state === 'readable') return readableStreamCancel(source, error);
          return resolvedUndefined;
        });
      }
      shutdownWithAction(() => {
        const promises = [];
        for (let i = 0; i < actions.length; i++) ArrayPrototypePush(promises, actions[i]());
        return waitForAll(promises);
      }, true, error);
    };
    if (signal.aborted) {
      abortAlgorithm();
      return result.promise;
    }
    signal.addEventListener('abort', abortAlgorithm);
  }

  // Errors must be propagated forward.
  const sourceErrored = (storedError) => {
    if (!preventAbort) shutdownWithAction(() => W.writableStreamAbort(dest, storedError), true, storedError);
    else shutdown(true, storedError);
  };
  if (source[kState].state === 'errored') sourceErrored(source[kState].storedError);
  else uponRejection(reader[kState].closed.promise, sourceErrored);

  // Errors must be propagated backward.
  const destErrored = (storedError) => {
    if (!preventCancel) shutdownWithAction(() => readableStreamCancel(source, storedError), true, storedError);
    else shutdown(true, storedError);
  };
  if (dest[kState].state === 'errored') destErrored(dest[kState].storedError);
  else uponRejection(W.writerClosedPromise(writer), destErrored);

  // Closing must be propagated forward.
  const sourceClosed = () => {
    if (!preventClose) {
      shutdownWithAction(() => W.writableStreamDefaultWriterCloseWithErrorPropagation(writer));
    } else {
      shutdown();
    }
  };
  if (source[kState].state === 'closed') sourceClosed();
  else uponFulfillment(reader[kState].closed.promise, sourceClosed);

  // Closing must be propagated backward.
  if (W.writableStreamCloseQueuedOrInFlight(dest) || dest[kState].state === 'closed') {
    const destClosed = new ERR_INVALID_STATE.TypeError('the destination writable stream closed before all data could be piped to it');
    if (!preventCancel) shutdownWithAction(() => readableStreamCancel(source, destClosed), true, destClosed);
    else shutdown(true, destClosed);
  }

  pipeStep();
  return result.promise;
}

nullProto(AsyncIteratorState, ReadableStreamState, ReaderState, DefaultControllerState, ByteControllerState,
  AsyncIteratorReadRequest, DefaultReadRequest, ReadIntoRequest, PipeReadRequest);

function getReadableStreamState(stream) {
  return stream[kState];
}

const kTag = { __proto__: null, writable: false, enumerable: false, configurable: true };
for (const C of [ReadableStream, ReadableStreamDefaultReader, ReadableStreamBYOBReader,
  ReadableStreamBYOBRequest, ReadableStreamDefaultController, ReadableByteStreamController]) {
  ObjectDefineProperty(C.prototype, SymbolToStringTag, { ...kTag, value: C.name });
}

module.exports = {
  ReadableStream,
  ReadableStreamDefaultReader,
  ReadableStreamBYOBReader,
  ReadableStreamBYOBRequest,
  ReadableStreamDefaultController,
  ReadableByteStreamController,
  ReadableStreamTee,
  isReadableStream,
  isReadableStreamLocked,
  isReadableStreamDefaultReader,
  isReadableStreamBYOBReader,
  isReadableStreamDefaultController,
  isReadableByteStreamController,
  createReadableStream,
  createReadableByteStream,
  acquireReadableStreamDefaultReader,
  acquireReadableStreamBYOBReader,
  readableStreamCancel,
  readableStreamClose,
  readableStreamError,
  readableStreamDefaultReaderRead,
  readableStreamDefaultReaderRelease,
  readableStreamBYOBReaderRead,
  readableStreamBYOBReaderRelease,
  readableStreamReaderGenericCancel,
  readableStreamDefaultControllerEnqueue,
  readableStreamDefaultControllerClose,
  readableStreamDefaultControllerError,
  readableStreamDefaultControllerGetDesiredSize,
  readableStreamDefaultControllerCanCloseOrEnqueue,
  readableStreamDefaultControllerHasBackpressure,
  setupReadableStreamDefaultController,
  readableByteStreamControllerEnqueue,
  readableByteStreamControllerClose,
  readableByteStreamControllerError,
  readableByteStreamControllerRespond,
  readableByteStreamControllerGetBYOBRequest,
  readableStreamTee,
  readableStreamPipeTo,
  readableStreamFromIterable,
  getReadableStreamState,
  kPrivate,
};
