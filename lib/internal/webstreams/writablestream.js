'use strict';
// WritableStream, WritableStreamDefaultWriter, WritableStreamDefaultController (Streams Standard §5).
// Exports (public classes): WritableStream, WritableStreamDefaultWriter, WritableStreamDefaultController
// Exports (for other built-ins):
//   isWritableStream, isWritableStreamLocked, isWritableStreamDefaultWriter, isWritableStreamDefaultController,
//   createWritableStream(start, write, close, abort, hwm = 1, size), acquireWritableStreamDefaultWriter,
//   writableStreamAbort, writableStreamClose, writableStreamCloseQueuedOrInFlight,
//   writableStreamDefaultWriterWrite, writableStreamDefaultWriterClose,
//   writableStreamDefaultWriterCloseWithErrorPropagation, writableStreamDefaultWriterRelease,
//   writableStreamDefaultWriterGetDesiredSize, writableStreamDefaultControllerError,
//   writableStreamDefaultControllerErrorIfNeeded, writableStreamStartErroring, writableStreamDealWithRejection,
//   writableStreamFinishErroring, writableStreamUpdateBackpressure, writerReadyPromise, writerClosedPromise,
//   getWritableStreamState
// Algorithms given to createWritableStream: start(controller) -> value, write(chunk, controller) ->
// promise, close() -> promise, abort(reason) -> promise.

const {
  FunctionPrototypeCall,
  ObjectCreate,
  ObjectDefineProperties,
  ObjectDefineProperty,
  PromiseResolve,
  Promise,
  ReflectApply,
  SymbolFor,
  Symbol,
  SymbolToStringTag,
} = primordials;

const {
  codes: {
    ERR_ILLEGAL_CONSTRUCTOR,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_STATE,
    ERR_INVALID_THIS,
  },
} = require('internal/errors');

const {
  kState, kInspect, Queue, Deferred, noop,
  promiseResolvedWith, promiseRejectedWith, setPromiseHandled, uponPromise,
  invokePromiseCallback, invokePromiseCallback0, invokePromiseCallback2, resolvedUndefined, nullProto,
  enqueueValueWithSize, dequeueValue, resetQueue,
  convertQueuingStrategy, extractHighWaterMark, extractSizeAlgorithm,
  convertCallback, customInspect,
} = require('internal/webstreams/util');

const kIsErrored = SymbolFor('nodejs.stream.errored');
const kIsWritable = SymbolFor('nodejs.stream.writable');
const kIsClosedPromise = SymbolFor('nodejs.webstream.isClosedPromise');
const kControllerErrorFunction = SymbolFor('nodejs.webstream.controllerErrorFunction');

const kWS = 11;
const kWriter = 12;
const kController = 13;
const kPrivate = Symbol('kPrivate');
const kCloseSentinel = Symbol('kCloseSentinel');
const kEnumerable = { __proto__: null, enumerable: true };

function isWritableStream(x) {
  return x != null && x[kState] !== undefined && x[kState].brand === kWS;
}
function isWritableStreamDefaultWriter(x) {
  return x != null && x[kState] !== undefined && x[kState].brand === kWriter;
}
function isWritableStreamDefaultController(x) {
  return x != null && x[kState] !== undefined && x[kState].brand === kController;
}
function isWritableStreamLocked(stream) {
  return stream[kState].writer !== undefined;
}

function typeErrorState(message) {
  return new ERR_INVALID_STATE.TypeError(message);
}

// A promise whose settlement can be asked for more than once ("if pending, resolve").
class SettlablePromise {
  constructor() {
    this.pending = true;
    this.res = undefined;
    this.rej = undefined;
    this.promise = new Promise((res, rej) => { this.res = res; this.rej = rej; });
  }
  resolve(value) {
    if (!this.pending) return;
    this.pending = false;
    this.res(value);
  }
  reject(error) {
    if (!this.pending) return;
    this.pending = false;
    this.rej(error);
  }
}

function settledPromise(promise) {
  return { pending: false, promise, resolve: noop, reject: noop };
}

class WritableStreamState {
  constructor() {
    this.brand = kWS;
    this.state = 'writable';
    this.storedError = undefined;
    this.writer = undefined;
    this.controller = undefined;       // public controller object
    this.backpressure = false;
    this.closeRequest = undefined;     // Deferred
    this.inFlightWriteRequest = undefined;
    this.inFlightCloseRequest = undefined;
    this.pendingAbortRequest = undefined;  // { deferred, reason, wasAlreadyErroring }
    this.writeRequests = new Queue();  // Deferreds
    this.closedDeferred = undefined;   // kIsClosedPromise
  }
}

class WriterState {
  constructor() {
    this.brand = kWriter;
    this.stream = undefined;
    this.ready = undefined;            // SettlablePromise-like
    this.closed = undefined;
  }
}

class ControllerState {
  constructor(stream) {
    this.brand = kController;
    this.stream = stream;
    this.self = undefined;
    this.queue = new Queue();
    this.started = false;
    this.highWaterMark = 1;
    this.sizeAlgorithm = undefined;
    this.userAlgorithms = false;
    this.sink = undefined;
    this.writeFn = undefined;
    this.closeFn = undefined;
    this.abortFn = undefined;
    this.abortController = undefined;  // made when `signal` is first read
    this.aborted = false;
    this.abortReason = undefined;
    this.onWriteFulfilled = undefined;
    this.onWriteRejected = undefined;
  }
}

// ---- WritableStream ------------------------------------------------------------------------------

class WritableStream {
  constructor(underlyingSink = undefined, strategy = undefined) {
    if (underlyingSink === undefined) underlyingSink = null;
    else if (underlyingSink === null || (typeof underlyingSink !== 'object' && typeof underlyingSink !== 'function')) {
      throw new ERR_INVALID_ARG_TYPE('sink', 'object', underlyingSink);
    }
    const [hwm, size] = convertQueuingStrategy(strategy);
    let abort, close, start, type, write;
    if (underlyingSink !== null) {
      abort = convertCallback(underlyingSink.abort, 'sink.abort');
      close = convertCallback(underlyingSink.close, 'sink.close');
      start = convertCallback(underlyingSink.start, 'sink.start');
      type = underlyingSink.type;
      write = convertCallback(underlyingSink.write, 'sink.write');
    }
    if (type !== undefined) throw new ERR_INVALID_ARG_VALUE.RangeError('type', type);
    this[kState] = new WritableStreamState();
    const sizeAlgorithm = extractSizeAlgorithm(size);
    const highWaterMark = extractHighWaterMark(hwm, 1);
    const controller = new WritableStreamDefaultController(kPrivate);
    const c = new ControllerState(this);
    controller[kState] = c;
    c.self = controller;
    c.userAlgorithms = true;
    c.sink = underlyingSink;
    c.writeFn = write;
    c.closeFn = close;
    c.abortFn = abort;
    setupController(this, c, highWaterMark, sizeAlgorithm, () => {
      if (start === undefined) return undefined;
      return FunctionPrototypeCall(start, underlyingSink, controller);
    });
  }

  get locked() {
    if (!isWritableStream(this)) throw new ERR_INVALID_THIS('WritableStream');
    return this[kState].writer !== undefined;
  }

  abort(reason = undefined) {
    if (!isWritableStream(this)) return promiseRejectedWith(new ERR_INVALID_THIS('WritableStream'));
    if (this[kState].writer !== undefined) return promiseRejectedWith(typeErrorState('WritableStream is locked'));
    return writableStreamAbort(this, reason);
  }

  close() {
    if (!isWritableStream(this)) return promiseRejectedWith(new ERR_INVALID_THIS('WritableStream'));
    if (this[kState].writer !== undefined) return promiseRejectedWith(typeErrorState('WritableStream is locked'));
    if (writableStreamCloseQueuedOrInFlight(this)) {
      return promiseRejectedWith(typeErrorState('Failure closing WritableStream'));
    }
    return writableStreamClose(this);
  }

  getWriter() {
    if (!isWritableStream(this)) throw new ERR_INVALID_THIS('WritableStream');
    return acquireWritableStreamDefaultWriter(this);
  }

  get [kIsErrored]() {
    return this[kState].state === 'errored';
  }

  get [kIsWritable]() {
    const s = this[kState];
    return s.state === 'writable' && !writableStreamCloseQueuedOrInFlight(this);
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
    writableStreamDefaultControllerErrorIfNeeded(this[kState].controller, error);
  }

  [kInspect](depth, options) {
    const s = this[kState];
    return customInspect(this, 'WritableStream', {
      locked: s.writer !== undefined,
      state: s.state,
    }, depth, options);
  }
}

ObjectDefineProperties(WritableStream.prototype, {
  locked: kEnumerable, abort: kEnumerable, close: kEnumerable, getWriter: kEnumerable,
});

function createWritableStream(startAlgorithm, writeAlgorithm, closeAlgorithm, abortAlgorithm,
                              highWaterMark = 1, sizeAlgorithm = undefined) {
  const stream = ObjectCreate(WritableStream.prototype);
  stream[kState] = new WritableStreamState();
  const controller = new WritableStreamDefaultController(kPrivate);
  const c = new ControllerState(stream);
  controller[kState] = c;
  c.self = controller;
  c.userAlgorithms = false;
  c.writeFn = writeAlgorithm;
  c.closeFn = closeAlgorithm;
  c.abortFn = abortAlgorithm;
  setupController(stream, c, highWaterMark, extractSizeAlgorithm(sizeAlgorithm),
                  () => (startAlgorithm === undefined ? undefined : startAlgorithm(controller)));
  return stream;
}

function writableStreamAbort(stream, reason) {
  const s = stream[kState];
  if (s.state === 'closed' || s.state === 'errored') return promiseResolvedWith(undefined);
  signalAbort(s.controller[kState], reason);
  const state = s.state;
  if (state === 'closed' || state === 'errored') return promiseResolvedWith(undefined);
  if (s.pendingAbortRequest !== undefined) return s.pendingAbortRequest.deferred.promise;
  let wasAlreadyErroring = false;
  if (state === 'erroring') {
    wasAlreadyErroring = true;
    reason = undefined;
  }
  const deferred = new Deferred();
  s.pendingAbortRequest = { deferred, reason, wasAlreadyErroring };
  if (!wasAlreadyErroring) writableStreamStartErroring(stream, reason);
  return deferred.promise;
}

function signalAbort(c, reason) {
  if (c.aborted) return;
  c.aborted = true;
  c.abortReason = reason;
  if (c.abortController !== undefined) c.abortController.abort(reason);
}

function writableStreamClose(stream) {
  const s = stream[kState];
  const state = s.state;
  if (state === 'closed' || state === 'errored') {
    return promiseRejectedWith(typeErrorState(`WritableStream is ${state}`));
  }
  const deferred = new Deferred();
  s.closeRequest = deferred;
  const writer = s.writer;
  if (writer !== undefined && s.backpressure && state === 'writable') writer[kState].ready.resolve(undefined);
  controllerClose(s.controller[kState]);
  return deferred.promise;
}

function writableStreamAddWriteRequest(stream) {
  const deferred = new Deferred();
  stream[kState].writeRequests.push(deferred, 0);
  return deferred.promise;
}

function writableStreamCloseQueuedOrInFlight(stream) {
  const s = stream[kState];
  return s.closeRequest !== undefined || s.inFlightCloseRequest !== undefined;
}

function writableStreamDealWithRejection(stream, error) {
  if (stream[kState].state === 'writable') {
    writableStreamStartErroring(stream, error);
    return;
  }
  writableStreamFinishErroring(stream);
}

function writableStreamFinishErroring(stream) {
  const s = stream[kState];
  s.state = 'errored';
  const c = s.controller[kState];
  resetQueue(c);
  const storedError = s.storedError;
  if (s.closedDeferred !== undefined) s.closedDeferred.reject(storedError);
  const requests = s.writeRequests;
  if (requests.length > 0) {
    s.writeRequests = new Queue();
    while (requests.length > 0) requests.shift().reject(storedError);
  }
  const abortRequest = s.pendingAbortRequest;
  if (abortRequest === undefined) {
    rejectCloseAndClosedPromiseIfNeeded(stream);
    return;
  }
  s.pendingAbortRequest = undefined;
  if (abortRequest.wasAlreadyErroring) {
    abortRequest.deferred.reject(storedError);
    rejectCloseAndClosedPromiseIfNeeded(stream);
    return;
  }
  const promise = controllerAbortSteps(c, abortRequest.reason);
  uponPromise(promise, () => {
    abortRequest.deferred.resolve(undefined);
    rejectCloseAndClosedPromiseIfNeeded(stream);
  }, (reason) => {
    abortRequest.deferred.reject(reason);
    rejectCloseAndClosedPromiseIfNeeded(stream);
  });
}

function writableStreamFinishInFlightClose(stream) {
  const s = stream[kState];
  s.inFlightCloseRequest.resolve(undefined);
  s.inFlightCloseRequest = undefined;
  if (s.state === 'erroring') {
    s.storedError = undefined;
    if (s.pendingAbortRequest !== undefined) {
      s.pendingAbortRequest.deferred.resolve(undefined);
      s.pendingAbortRequest = undefined;
    }
  }
  s.state = 'closed';
  if (s.closedDeferred !== undefined) s.closedDeferred.resolve();
  const writer = s.writer;
  if (writer !== undefined) writer[kState].closed.resolve(undefined);
}

function writableStreamFinishInFlightCloseWithError(stream, error) {
  const s = stream[kState];
  s.inFlightCloseRequest.reject(error);
  s.inFlightCloseRequest = undefined;
  if (s.pendingAbortRequest !== undefined) {
    s.pendingAbortRequest.deferred.reject(error);
    s.pendingAbortRequest = undefined;
  }
  writableStreamDealWithRejection(stream, error);
}

function writableStreamHasOperationMarkedInFlight(s) {
  return s.inFlightWriteRequest !== undefined || s.inFlightCloseRequest !== undefined;
}

function rejectCloseAndClosedPromiseIfNeeded(stream) {
  const s = stream[kState];
  if (s.closeRequest !== undefined) {
    s.closeRequest.reject(s.storedError);
    s.closeRequest = undefined;
  }
  const writer = s.writer;
  if (writer !== undefined) {
    const closed = writer[kState].closed;
    closed.reject(s.storedError);
    setPromiseHandled(closed.promise);
  }
}

function writableStreamStartErroring(stream, reason) {
  const s = stream[kState];
  const c = s.controller[kState];
  s.state = 'erroring';
  s.storedError = reason;
  const writer = s.writer;
  if (writer !== undefined) writerEnsureReadyPromiseRejected(writer, reason);
  if (!writableStreamHasOperationMarkedInFlight(s) && c.started) writableStreamFinishErroring(stream);
}

function writableStreamUpdateBackpressure(stream, backpressure) {
  const s = stream[kState];
  const writer = s.writer;
  if (writer !== undefined && backpressure !== s.backpressure) {
    const w = writer[kState];
    if (backpressure) w.ready = new SettlablePromise();
    else w.ready.resolve(undefined);
  }
  s.backpressure = backpressure;
}

// ---- WritableStreamDefaultWriter -----------------------------------------------------------------

class WritableStreamDefaultWriter {
  constructor(stream) {
    if (!isWritableStream(stream)) throw new ERR_INVALID_ARG_TYPE('stream', 'WritableStream', stream);
    this[kState] = new WriterState();
    setupWriter(this, stream);
  }

  get closed() {
    if (!isWritableStreamDefaultWriter(this)) {
      return promiseRejectedWith(new ERR_INVALID_THIS('WritableStreamDefaultWriter'));
    }
    return this[kState].closed.promise;
  }

  get desiredSize() {
    if (!isWritableStreamDefaultWriter(this)) throw new ERR_INVALID_THIS('WritableStreamDefaultWriter');
    if (this[kState].stream === undefined) throw typeErrorState('Writer is not bound to a WritableStream');
    return writableStreamDefaultWriterGetDesiredSize(this);
  }

  get ready() {
    if (!isWritableStreamDefaultWriter(this)) {
      return promiseRejectedWith(new ERR_INVALID_THIS('WritableStreamDefaultWriter'));
    }
    return this[kState].ready.promise;
  }

  abort(reason = undefined) {
    if (!isWritableStreamDefaultWriter(this)) {
      return promiseRejectedWith(new ERR_INVALID_THIS('WritableStreamDefaultWriter'));
    }
    const stream = this[kState].stream;
    if (stream === undefined) return promiseRejectedWith(typeErrorState('Writer is not bound to a WritableStream'));
    return writableStreamAbort(stream, reason);
  }

  close() {
    if (!isWritableStreamDefaultWriter(this)) {
      return promiseRejectedWith(new ERR_INVALID_THIS('WritableStreamDefaultWriter'));
    }
    const stream = this[kState].stream;
    if (stream === undefined) return promiseRejectedWith(typeErrorState('Writer is not bound to a WritableStream'));
    if (writableStreamCloseQueuedOrInFlight(stream)) {
      return promiseRejectedWith(typeErrorState('Failure to close WritableStream'));
    }
    return writableStreamClose(stream);
  }

  releaseLock() {
    if (!isWritableStreamDefaultWriter(this)) throw new ERR_INVALID_THIS('WritableStreamDefaultWriter');
    if (this[kState].stream === undefined) return;
    writableStreamDefaultWriterRelease(this);
  }

  write(chunk = undefined) {
    if (!isWritableStreamDefaultWriter(this)) {
      return promiseRejectedWith(new ERR_INVALID_THIS('WritableStreamDefaultWriter'));
    }
    if (this[kState].stream === undefined) {
      return promiseRejectedWith(typeErrorState('Writer is not bound to a WritableStream'));
    }
    return writableStreamDefaultWriterWrite(this, chunk);
  }

  [kInspect](depth, options) {
    const w = this[kState];
    return customInspect(this, 'WritableStreamDefaultWriter', {
      stream: w.stream,
      close: w.closed.promise,
      ready: w.ready.promise,
      desiredSize: w.stream === undefined ? undefined : writableStreamDefaultWriterGetDesiredSize(this),
    }, depth, options);
  }
}

ObjectDefineProperties(WritableStreamDefaultWriter.prototype, {
  closed: kEnumerable, desiredSize: kEnumerable, ready: kEnumerable, abort: kEnumerable,
  close: kEnumerable, releaseLock: kEnumerable, write: kEnumerable,
});

function acquireWritableStreamDefaultWriter(stream) {
  const writer = ObjectCreate(WritableStreamDefaultWriter.prototype);
  writer[kState] = new WriterState();
  setupWriter(writer, stream);
  return writer;
}

function setupWriter(writer, stream) {
  const s = stream[kState];
  if (s.writer !== undefined) throw typeErrorState('WritableStream is locked');
  const w = writer[kState];
  w.stream = stream;
  s.writer = writer;
  const state = s.state;
  if (state === 'writable') {
    if (!writableStreamCloseQueuedOrInFlight(stream) && s.backpressure) w.ready = new SettlablePromise();
    else w.ready = settledPromise(promiseResolvedWith(undefined));
    w.closed = new SettlablePromise();
  } else if (state === 'erroring') {
    w.ready = settledPromise(promiseRejectedWith(s.storedError));
    setPromiseHandled(w.ready.promise);
    w.closed = new SettlablePromise();
  } else if (state === 'closed') {
    w.ready = settledPromise(promiseResolvedWith(undefined));
    w.closed = settledPromise(promiseResolvedWith(undefined));
  } else {
    w.ready = settledPromise(promiseRejectedWith(s.storedError));
    setPromiseHandled(w.ready.promise);
    w.closed = settledPromise(promiseRejectedWith(s.storedError));
    setPromiseHandled(w.closed.promise);
  }
}

function writerReadyPromise(writer) {
  return writer[kState].ready.promise;
}

function writerClosedPromise(writer) {
  return writer[kState].closed.promise;
}

function writableStreamDefaultWriterClose(writer) {
  return writableStreamClose(writer[kState].stream);
}

function writableStreamDefaultWriterCloseWithErrorPropagation(writer) {
  const stream = writer[kState].stream;
  const s = stream[kState];
  const state = s.state;
  if (writableStreamCloseQueuedOrInFlight(stream) || state === 'closed') return promiseResolvedWith(undefined);
  if (state === 'errored') return promiseRejectedWith(s.storedError);
  return writableStreamDefaultWriterClose(writer);
}

function writerEnsureClosedPromiseRejected(writer, error) {
  const w = writer[kState];
  if (w.closed.pending) w.closed.reject(error);
  else w.closed = settledPromise(promiseRejectedWith(error));
  setPromiseHandled(w.closed.promise);
}

function writerEnsureReadyPromiseRejected(writer, error) {
  const w = writer[kState];
  if (w.ready.pending) w.ready.reject(error);
  else w.ready = settledPromise(promiseRejectedWith(error));
  setPromiseHandled(w.ready.promise);
}

function writableStreamDefaultWriterGetDesiredSize(writer) {
  const stream = writer[kState].stream;
  const s = stream[kState];
  const state = s.state;
  if (state === 'errored' || state === 'erroring') return null;
  if (state === 'closed') return 0;
  return controllerGetDesiredSize(s.controller[kState]);
}

function writableStreamDefaultWriterRelease(writer) {
  const w = writer[kState];
  const stream = w.stream;
  const releasedError = typeErrorState('Writer has been released');
  writerEnsureReadyPromiseRejected(writer, releasedError);
  writerEnsureClosedPromiseRejected(writer, releasedError);
  stream[kState].writer = undefined;
  w.stream = undefined;
}

function writableStreamDefaultWriterWrite(writer, chunk) {
  const stream = writer[kState].stream;
  const s = stream[kState];
  const c = s.controller[kState];
  const chunkSize = controllerGetChunkSize(c, chunk);
  if (stream !== writer[kState].stream) return promiseRejectedWith(typeErrorState('Writer has been released'));
  const state = s.state;
  if (state === 'errored') return promiseRejectedWith(s.storedError);
  if (writableStreamCloseQueuedOrInFlight(stream) || state === 'closed') {
    return promiseRejectedWith(typeErrorState('WritableStream is closed'));
  }
  if (state === 'erroring') return promiseRejectedWith(s.storedError);
  const promise = writableStreamAddWriteRequest(stream);
  controllerWrite(c, chunk, chunkSize);
  return promise;
}

// ---- WritableStreamDefaultController -------------------------------------------------------------

class WritableStreamDefaultController {
  constructor(key = undefined) {
    if (key !== kPrivate) throw new ERR_ILLEGAL_CONSTRUCTOR();
  }

  get signal() {
    if (!isWritableStreamDefaultController(this)) throw new ERR_INVALID_THIS('WritableStreamDefaultController');
    const c = this[kState];
    if (c.abortController === undefined) {
      const { AbortController } = require('internal/abort_controller');
      c.abortController = new AbortController();
      if (c.aborted) c.abortController.abort(c.abortReason);
    }
    return c.abortController.signal;
  }

  error(e = undefined) {
    if (!isWritableStreamDefaultController(this)) throw new ERR_INVALID_THIS('WritableStreamDefaultController');
    const c = this[kState];
    if (c.stream[kState].state !== 'writable') return;
    controllerError(c, e);
  }

  [kInspect](depth, options) {
    return customInspect(this, 'WritableStreamDefaultController', { stream: this[kState].stream }, depth, options);
  }
}

ObjectDefineProperties(WritableStreamDefaultController.prototype, {
  signal: kEnumerable, error: kEnumerable,
});

function setupController(stream, c, highWaterMark, sizeAlgorithm, startAlgorithm) {
  const s = stream[kState];
  s.controller = c.self;
  c.highWaterMark = highWaterMark;
  c.sizeAlgorithm = sizeAlgorithm;
  c.onWriteFulfilled = () => {
    writableStreamFinishInFlightWrite(stream);
    dequeueValue(c);
    if (!writableStreamCloseQueuedOrInFlight(stream) && s.state === 'writable') {
      writableStreamUpdateBackpressure(stream, controllerGetBackpressure(c));
    }
    controllerAdvanceQueueIfNeeded(c);
  };
  c.onWriteRejected = (reason) => {
    if (s.state === 'writable') controllerClearAlgorithms(c);
    writableStreamFinishInFlightWriteWithError(stream, reason);
  };
  writableStreamUpdateBackpressure(stream, controllerGetBackpressure(c));
  const startResult = startAlgorithm();
  uponPromise(promiseResolvedWith(startResult), () => {
    c.started = true;
    controllerAdvanceQueueIfNeeded(c);
  }, (r) => {
    c.started = true;
    writableStreamDealWithRejection(stream, r);
  });
}

function writableStreamFinishInFlightWrite(stream) {
  const s = stream[kState];
  s.inFlightWriteRequest.resolve(undefined);
  s.inFlightWriteRequest = undefined;
}

function writableStreamFinishInFlightWriteWithError(stream, error) {
  const s = stream[kState];
  s.inFlightWriteRequest.reject(error);
  s.inFlightWriteRequest = undefined;
  writableStreamDealWithRejection(stream, error);
}

function controllerAbortSteps(c, reason) {
  let result;
  if (c.userAlgorithms) {
    result = invokePromiseCallback(c.abortFn, c.sink, reason);
  } else if (c.abortFn === undefined) {
    result = resolvedUndefined;
  } else {
    try {
      result = PromiseResolve(c.abortFn(reason));
    } catch (err) {
      result = promiseRejectedWith(err);
    }
  }
  controllerClearAlgorithms(c);
  return result;
}

function controllerAdvanceQueueIfNeeded(c) {
  const stream = c.stream;
  const s = stream[kState];
  if (!c.started) return;
  if (s.inFlightWriteRequest !== undefined) return;
  if (s.state === 'erroring') {
    writableStreamFinishErroring(stream);
    return;
  }
  if (c.queue.length === 0) return;
  const value = c.queue.peek();
  if (value === kCloseSentinel) controllerProcessClose(c);
  else controllerProcessWrite(c, value);
}

function controllerClearAlgorithms(c) {
  c.writeFn = undefined;
  c.closeFn = undefined;
  c.abortFn = undefined;
  c.sizeAlgorithm = undefined;
  c.sink = undefined;
}

function controllerClose(c) {
  c.queue.push(kCloseSentinel, 0);
  controllerAdvanceQueueIfNeeded(c);
}

function controllerError(c, error) {
  controllerClearAlgorithms(c);
  writableStreamStartErroring(c.stream, error);
}

function writableStreamDefaultControllerError(controller, error) {
  controllerError(controller[kState], error);
}

function writableStreamDefaultControllerErrorIfNeeded(controller, error) {
  const c = controller[kState];
  if (c.stream[kState].state === 'writable') controllerError(c, error);
}

function controllerGetBackpressure(c) {
  return controllerGetDesiredSize(c) <= 0;
}

const defaultSizeOne = extractSizeAlgorithm(undefined);

function controllerGetChunkSize(c, chunk) {
  const size = c.sizeAlgorithm;
  if (size === undefined) return 1;
  if (size === defaultSizeOne) return 1;
  try {
    return FunctionPrototypeCall(size, undefined, chunk);
  } catch (err) {
    if (c.stream[kState].state === 'writable') controllerError(c, err);
    return 1;
  }
}

function controllerGetDesiredSize(c) {
  return c.highWaterMark - c.queue.totalSize;
}

function controllerProcessClose(c) {
  const stream = c.stream;
  const s = stream[kState];
  s.inFlightCloseRequest = s.closeRequest;
  s.closeRequest = undefined;
  dequeueValue(c);
  let sinkClosePromise;
  if (c.userAlgorithms) {
    sinkClosePromise = invokePromiseCallback0(c.closeFn, c.sink);
  } else if (c.closeFn === undefined) {
    sinkClosePromise = resolvedUndefined;
  } else {
    try {
      sinkClosePromise = PromiseResolve(c.closeFn());
    } catch (err) {
      sinkClosePromise = promiseRejectedWith(err);
    }
  }
  controllerClearAlgorithms(c);
  uponPromise(sinkClosePromise, () => {
    writableStreamFinishInFlightClose(stream);
  }, (reason) => {
    writableStreamFinishInFlightCloseWithError(stream, reason);
  });
}

function controllerProcessWrite(c, chunk) {
  const stream = c.stream;
  const s = stream[kState];
  s.inFlightWriteRequest = s.writeRequests.shift();
  let sinkWritePromise;
  if (c.userAlgorithms) {
    sinkWritePromise = invokePromiseCallback2(c.writeFn, c.sink, chunk, c.self);
  } else if (c.writeFn === undefined) {
    sinkWritePromise = resolvedUndefined;
  } else {
    try {
      sinkWritePromise = c.writeFn(chunk, c.self);
    } catch (err) {
      sinkWritePromise = promiseRejectedWith(err);
    }
  }
  uponPromise(sinkWritePromise, c.onWriteFulfilled, c.onWriteRejected);
}

function controllerWrite(c, chunk, chunkSize) {
  try {
    enqueueValueWithSize(c, chunk, chunkSize);
  } catch (err) {
    if (c.stream[kState].state === 'writable') controllerError(c, err);
    return;
  }
  const stream = c.stream;
  if (!writableStreamCloseQueuedOrInFlight(stream) && stream[kState].state === 'writable') {
    writableStreamUpdateBackpressure(stream, controllerGetBackpressure(c));
  }
  controllerAdvanceQueueIfNeeded(c);
}

nullProto(SettlablePromise, WritableStreamState, WriterState, ControllerState);

function getWritableStreamState(stream) {
  return stream[kState];
}

const kTag = { __proto__: null, writable: false, enumerable: false, configurable: true };
for (const C of [WritableStream, WritableStreamDefaultWriter, WritableStreamDefaultController]) {
  ObjectDefineProperty(C.prototype, SymbolToStringTag, { ...kTag, value: C.name });
}

module.exports = {
  WritableStream,
  WritableStreamDefaultWriter,
  WritableStreamDefaultController,
  isWritableStream,
  isWritableStreamLocked,
  isWritableStreamDefaultWriter,
  isWritableStreamDefaultController,
  createWritableStream,
  acquireWritableStreamDefaultWriter,
  writableStreamAbort,
  writableStreamClose,
  writableStreamCloseQueuedOrInFlight,
  writableStreamDefaultWriterWrite,
  writableStreamDefaultWriterClose,
  writableStreamDefaultWriterCloseWithErrorPropagation,
  writableStreamDefaultWriterRelease,
  writableStreamDefaultWriterGetDesiredSize,
  writableStreamDefaultControllerError,
  writableStreamDefaultControllerErrorIfNeeded,
  writableStreamStartErroring,
  writableStreamDealWithRejection,
  writableStreamFinishErroring,
  writableStreamUpdateBackpressure,
  writerReadyPromise,
  writerClosedPromise,
  getWritableStreamState,
};
