'use strict';
// TransformStream and TransformStreamDefaultController (Streams Standard §6).
// Exports (public classes): TransformStream, TransformStreamDefaultController
// Exports (for other built-ins):
//   isTransformStream, isTransformStreamDefaultController,
//   createTransformStream(transform(chunk, controller) -> promise, flush(controller) -> promise,
//                         cancel(reason) -> promise, writableHWM = 1, readableHWM = 0)
//   transformStreamDefaultControllerEnqueue, transformStreamDefaultControllerError,
//   transformStreamDefaultControllerTerminate, transformStreamError

const {
  FunctionPrototypeCall,
  ObjectCreate,
  ObjectDefineProperties,
  ObjectDefineProperty,
  PromisePrototypeThen,
  PromiseResolve,
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
  kState, kInspect, Deferred,
  promiseResolvedWith, promiseRejectedWith, uponPromise, resolvedUndefined,
  invokePromiseCallback, invokePromiseCallback2,
  convertQueuingStrategy, extractHighWaterMark, extractSizeAlgorithm,
  convertCallback, customInspect, nullProto,
} = require('internal/webstreams/util');

const R = require('internal/webstreams/readablestream');
const W = require('internal/webstreams/writablestream');

const kTS = 21;
const kTSController = 22;
const kPrivate = Symbol('kPrivate');
const kEnumerable = { __proto__: null, enumerable: true };

function isTransformStream(x) {
  return x != null && x[kState] !== undefined && x[kState].brand === kTS;
}
function isTransformStreamDefaultController(x) {
  return x != null && x[kState] !== undefined && x[kState].brand === kTSController;
}

class TransformStreamState {
  constructor() {
    this.brand = kTS;
    this.readable = undefined;
    this.writable = undefined;
    this.backpressure = undefined;
    this.backpressureChange = undefined;  // Deferred
    this.controller = undefined;          // public controller
  }
}

class TSControllerState {
  constructor(stream) {
    this.brand = kTSController;
    this.stream = stream;
    this.self = undefined;
    this.userAlgorithms = false;
    this.transformer = undefined;
    this.transformFn = undefined;
    this.flushFn = undefined;
    this.cancelFn = undefined;
    this.finish = undefined;              // Deferred
    this.cleared = false;
    this.onTransformRejected = undefined;
  }
}

class TransformStream {
  constructor(transformer = undefined, writableStrategy = undefined, readableStrategy = undefined) {
    if (transformer === undefined) transformer = null;
    else if (transformer === null || (typeof transformer !== 'object' && typeof transformer !== 'function')) {
      throw new ERR_INVALID_ARG_TYPE('transformer', 'object', transformer);
    }
    const [wHWM, wSize] = convertQueuingStrategy(writableStrategy, 'writableStrategy');
    const [rHWM, rSize] = convertQueuingStrategy(readableStrategy, 'readableStrategy');
    let cancel, flush, readableType, start, transform, writableType;
    if (transformer !== null) {
      cancel = convertCallback(transformer.cancel, 'transformer.cancel');
      flush = convertCallback(transformer.flush, 'transformer.flush');
      readableType = transformer.readableType;
      start = convertCallback(transformer.start, 'transformer.start');
      transform = convertCallback(transformer.transform, 'transformer.transform');
      writableType = transformer.writableType;
    }
    if (readableType !== undefined) {
      throw new ERR_INVALID_ARG_VALUE.RangeError('transformer.readableType', readableType);
    }
    if (writableType !== undefined) {
      throw new ERR_INVALID_ARG_VALUE.RangeError('transformer.writableType', writableType);
    }
    const readableHighWaterMark = extractHighWaterMark(rHWM, 0, 'readableStrategy');
    const readableSizeAlgorithm = extractSizeAlgorithm(rSize);
    const writableHighWaterMark = extractHighWaterMark(wHWM, 1, 'writableStrategy');
    const writableSizeAlgorithm = extractSizeAlgorithm(wSize);
    this[kState] = new TransformStreamState();
    const startPromise = new Deferred();
    initializeTransformStream(this, startPromise.promise, writableHighWaterMark, writableSizeAlgorithm,
                              readableHighWaterMark, readableSizeAlgorithm);
    const controller = new TransformStreamDefaultController(kPrivate);
    const c = new TSControllerState(this);
    controller[kState] = c;
    c.self = controller;
    c.userAlgorithms = true;
    c.transformer = transformer;
    c.transformFn = transform;
    c.flushFn = flush;
    c.cancelFn = cancel;
    setupController(this, c);
    if (start !== undefined) {
      startPromise.resolve(FunctionPrototypeCall(start, transformer, controller));
    } else {
      startPromise.resolve(undefined);
    }
  }

  get readable() {
    if (!isTransformStream(this)) throw new ERR_INVALID_THIS('TransformStream');
    return this[kState].readable;
  }

  get writable() {
    if (!isTransformStream(this)) throw new ERR_INVALID_THIS('TransformStream');
    return this[kState].writable;
  }

  [kInspect](depth, options) {
    const s = this[kState];
    return customInspect(this, 'TransformStream', {
      readable: s.readable,
      writable: s.writable,
      backpressure: s.backpressure,
    }, depth, options);
  }
}

ObjectDefineProperties(TransformStream.prototype, { readable: kEnumerable, writable: kEnumerable });

function createTransformStream(transformAlgorithm, flushAlgorithm, cancelAlgorithm,
                               writableHighWaterMark = 1, readableHighWaterMark = 0,
                               writableSizeAlgorithm = undefined, readableSizeAlgorithm = undefined) {
  const stream = ObjectCreate(TransformStream.prototype);
  stream[kState] = new TransformStreamState();
  initializeTransformStream(stream, resolvedUndefined, writableHighWaterMark,
                            extractSizeAlgorithm(writableSizeAlgorithm), readableHighWaterMark,
                            extractSizeAlgorithm(readableSizeAlgorithm));
  const controller = new TransformStreamDefaultController(kPrivate);
  const c = new TSControllerState(stream);
  controller[kState] = c;
  c.self = controller;
  c.userAlgorithms = false;
  c.transformFn = transformAlgorithm;
  c.flushFn = flushAlgorithm;
  c.cancelFn = cancelAlgorithm;
  setupController(stream, c);
  return stream;
}

function initializeTransformStream(stream, startPromise, writableHighWaterMark, writableSizeAlgorithm,
                                   readableHighWaterMark, readableSizeAlgorithm) {
  const s = stream[kState];
  const startAlgorithm = () => startPromise;
  s.writable = W.createWritableStream(startAlgorithm,
    (chunk) => sinkWriteAlgorithm(stream, chunk),
    () => sinkCloseAlgorithm(stream),
    (reason) => sinkAbortAlgorithm(stream, reason),
    writableHighWaterMark, writableSizeAlgorithm);
  s.readable = R.createReadableStream(startAlgorithm,
    () => sourcePullAlgorithm(stream),
    (reason) => sourceCancelAlgorithm(stream, reason),
    readableHighWaterMark, readableSizeAlgorithm);
  s.backpressure = undefined;
  s.backpressureChange = undefined;
  setBackpressure(stream, true);
  s.controller = undefined;
}

function readableController(stream) {
  return R.getReadableStreamState(stream[kState].readable).controller;
}

function writableController(stream) {
  return W.getWritableStreamState(stream[kState].writable).controller;
}

function transformStreamError(stream, e) {
  R.readableStreamDefaultControllerError(readableController(stream), e);
  errorWritableAndUnblockWrite(stream, e);
}

function errorWritableAndUnblockWrite(stream, e) {
  clearAlgorithms(stream[kState].controller[kState]);
  W.writableStreamDefaultControllerErrorIfNeeded(writableController(stream), e);
  unblockWrite(stream);
}

function unblockWrite(stream) {
  if (stream[kState].backpressure) setBackpressure(stream, false);
}

function setBackpressure(stream, backpressure) {
  const s = stream[kState];
  if (s.backpressureChange !== undefined) s.backpressureChange.resolve(undefined);
  s.backpressureChange = new Deferred();
  s.backpressure = backpressure;
}

// ---- controller ----------------------------------------------------------------------------------

class TransformStreamDefaultController {
  constructor(key = undefined) {
    if (key !== kPrivate) throw new ERR_ILLEGAL_CONSTRUCTOR();
  }

  get desiredSize() {
    if (!isTransformStreamDefaultController(this)) throw new ERR_INVALID_THIS('TransformStreamDefaultController');
    return R.readableStreamDefaultControllerGetDesiredSize(readableController(this[kState].stream));
  }

  enqueue(chunk = undefined) {
    if (!isTransformStreamDefaultController(this)) throw new ERR_INVALID_THIS('TransformStreamDefaultController');
    transformStreamDefaultControllerEnqueue(this, chunk);
  }

  error(reason = undefined) {
    if (!isTransformStreamDefaultController(this)) throw new ERR_INVALID_THIS('TransformStreamDefaultController');
    transformStreamError(this[kState].stream, reason);
  }

  terminate() {
    if (!isTransformStreamDefaultController(this)) throw new ERR_INVALID_THIS('TransformStreamDefaultController');
    transformStreamDefaultControllerTerminate(this);
  }

  [kInspect](depth, options) {
    return customInspect(this, 'TransformStreamDefaultController', { stream: this[kState].stream }, depth, options);
  }
}

ObjectDefineProperties(TransformStreamDefaultController.prototype, {
  desiredSize: kEnumerable, enqueue: kEnumerable, error: kEnumerable, terminate: kEnumerable,
});

function setupController(stream, c) {
  stream[kState].controller = c.self;
  c.onTransformRejected = (r) => {
    transformStreamError(stream, r);
    throw r;
  };
}

function clearAlgorithms(c) {
  c.transformFn = undefined;
  c.flushFn = undefined;
  c.cancelFn = undefined;
  c.transformer = undefined;
  c.cleared = true;
}

function transformStreamDefaultControllerEnqueue(controller, chunk) {
  const stream = controller[kState].stream;
  const rc = readableController(stream);
  if (!R.readableStreamDefaultControllerCanCloseOrEnqueue(rc)) {
    throw new ERR_INVALID_STATE.TypeError('Unable to enqueue');
  }
  try {
    R.readableStreamDefaultControllerEnqueue(rc, chunk);
  } catch (err) {
    errorWritableAndUnblockWrite(stream, err);
    throw R.getReadableStreamState(stream[kState].readable).storedError;
  }
  const backpressure = R.readableStreamDefaultControllerHasBackpressure(rc);
  if (backpressure !== stream[kState].backpressure) setBackpressure(stream, true);
}

function transformStreamDefaultControllerError(controller, e) {
  transformStreamError(controller[kState].stream, e);
}

function transformStreamDefaultControllerTerminate(controller) {
  const stream = controller[kState].stream;
  R.readableStreamDefaultControllerClose(readableController(stream));
  errorWritableAndUnblockWrite(stream, new ERR_INVALID_STATE.TypeError('TransformStream terminated'));
}

function callTransform(c, chunk) {
  if (c.userAlgorithms) {
    if (c.transformFn === undefined) {
      if (c.cleared) return resolvedUndefined;
      try {
        transformStreamDefaultControllerEnqueue(c.self, chunk);
      } catch (err) {
        return promiseRejectedWith(err);
      }
      return resolvedUndefined;
    }
    return invokePromiseCallback2(c.transformFn, c.transformer, chunk, c.self);
  }
  if (c.transformFn === undefined) {
    if (c.cleared) return resolvedUndefined;
    try {
      transformStreamDefaultControllerEnqueue(c.self, chunk);
    } catch (err) {
      return promiseRejectedWith(err);
    }
    return resolvedUndefined;
  }
  try {
    return PromiseResolve(c.transformFn(chunk, c.self));
  } catch (err) {
    return promiseRejectedWith(err);
  }
}

function callFlush(c) {
  if (c.userAlgorithms) return invokePromiseCallback(c.flushFn, c.transformer, c.self);
  if (c.flushFn === undefined) return resolvedUndefined;
  try {
    return PromiseResolve(c.flushFn(c.self));
  } catch (err) {
    return promiseRejectedWith(err);
  }
}

function callCancel(c, reason) {
  if (c.userAlgorithms) return invokePromiseCallback(c.cancelFn, c.transformer, reason);
  if (c.cancelFn === undefined) return resolvedUndefined;
  try {
    return PromiseResolve(c.cancelFn(reason));
  } catch (err) {
    return promiseRejectedWith(err);
  }
}

function performTransform(c, chunk) {
  return PromisePrototypeThen(callTransform(c, chunk), undefined, c.onTransformRejected);
}

// ---- default sink and source algorithms ----------------------------------------------------------

function sinkWriteAlgorithm(stream, chunk) {
  const s = stream[kState];
  const c = s.controller[kState];
  if (s.backpressure) {
    return PromisePrototypeThen(s.backpressureChange.promise, () => {
      const ws = W.getWritableStreamState(s.writable);
      if (ws.state === 'erroring') throw ws.storedError;
      return performTransform(c, chunk);
    });
  }
  return performTransform(c, chunk);
}

function sinkAbortAlgorithm(stream, reason) {
  const s = stream[kState];
  const c = s.controller[kState];
  if (c.finish !== undefined) return c.finish.promise;
  const readable = s.readable;
  c.finish = new Deferred();
  const cancelPromise = callCancel(c, reason);
  clearAlgorithms(c);
  uponPromise(cancelPromise, () => {
    const rs = R.getReadableStreamState(readable);
    if (rs.state === 'errored') {
      c.finish.reject(rs.storedError);
    } else {
      R.readableStreamDefaultControllerError(rs.controller, reason);
      c.finish.resolve(undefined);
    }
  }, (r) => {
    R.readableStreamDefaultControllerError(R.getReadableStreamState(readable).controller, r);
    c.finish.reject(r);
  });
  return c.finish.promise;
}

function sinkCloseAlgorithm(stream) {
  const s = stream[kState];
  const c = s.controller[kState];
  if (c.finish !== undefined) return c.finish.promise;
  const readable = s.readable;
  c.finish = new Deferred();
  const flushPromise = callFlush(c);
  clearAlgorithms(c);
  uponPromise(flushPromise, () => {
    const rs = R.getReadableStreamState(readable);
    if (rs.state === 'errored') {
      c.finish.reject(rs.storedError);
    } else {
      R.readableStreamDefaultControllerClose(rs.controller);
      c.finish.resolve(undefined);
    }
  }, (r) => {
    R.readableStreamDefaultControllerError(R.getReadableStreamState(readable).controller, r);
    c.finish.reject(r);
  });
  return c.finish.promise;
}

function sourcePullAlgorithm(stream) {
  setBackpressure(stream, false);
  return stream[kState].backpressureChange.promise;
}

function sourceCancelAlgorithm(stream, reason) {
  const s = stream[kState];
  const c = s.controller[kState];
  if (c.finish !== undefined) return c.finish.promise;
  const writable = s.writable;
  c.finish = new Deferred();
  const cancelPromise = callCancel(c, reason);
  clearAlgorithms(c);
  uponPromise(cancelPromise, () => {
    const ws = W.getWritableStreamState(writable);
    if (ws.state === 'errored') {
      c.finish.reject(ws.storedError);
    } else {
      W.writableStreamDefaultControllerErrorIfNeeded(ws.controller, reason);
      unblockWrite(stream);
      c.finish.resolve(undefined);
    }
  }, (r) => {
    W.writableStreamDefaultControllerErrorIfNeeded(W.getWritableStreamState(writable).controller, r);
    unblockWrite(stream);
    c.finish.reject(r);
  });
  return c.finish.promise;
}

nullProto(TransformStreamState, TSControllerState);

const kTag = { __proto__: null, writable: false, enumerable: false, configurable: true };
for (const C of [TransformStream, TransformStreamDefaultController]) {
  ObjectDefineProperty(C.prototype, SymbolToStringTag, { ...kTag, value: C.name });
}

module.exports = {
  TransformStream,
  TransformStreamDefaultController,
  isTransformStream,
  isTransformStreamDefaultController,
  createTransformStream,
  transformStreamDefaultControllerEnqueue,
  transformStreamDefaultControllerError,
  transformStreamDefaultControllerTerminate,
  transformStreamError,
};
