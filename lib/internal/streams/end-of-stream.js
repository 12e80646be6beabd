'use strict';
// stream.finished(stream[, options], callback): call back once the stream has ended/finished, has
// errored or has closed prematurely. Returns a function that removes the listeners it added.

const { Promise, PromisePrototypeThen, SymbolDispose } = primordials;
const {
  AbortError,
  codes: { ERR_INVALID_ARG_TYPE, ERR_STREAM_PREMATURE_CLOSE },
} = require('internal/errors');
const {
  isClosed,
  isNodeStream,
  isReadable,
  isReadableErrored,
  isReadableFinished,
  isReadableNodeStream,
  isReadableStream,
  isRequest,
  isWritable,
  isWritableErrored,
  isWritableFinished,
  isWritableNodeStream,
  isWritableStream,
  kEmptyObject,
  kIsClosedPromise,
  nop,
  once,
  validateAbortSignal,
  validateBoolean,
  validateFunction,
  validateObject,
  willEmitClose: streamWillEmitClose,
} = require('internal/streams/utils');

let addAbortListener;

function eos(stream, options, callback) {
  if (arguments.length === 2) {
    callback = options;
    options = kEmptyObject;
  } else if (options == null) {
    options = kEmptyObject;
  } else {
    validateObject(options, 'options');
  }
  validateFunction(callback, 'callback');
  validateAbortSignal(options.signal, 'options.signal');

  if (isReadableStream(stream) || isWritableStream(stream)) {
    return eosWeb(stream, options, callback);
  }
  if (!isNodeStream(stream)) {
    throw new ERR_INVALID_ARG_TYPE('stream', ['ReadableStream', 'WritableStream', 'Stream'], stream);
  }

  const readable = options.readable ?? isReadableNodeStream(stream);
  const writable = options.writable ?? isWritableNodeStream(stream);

  // A stream that will emit 'close' is reported at 'close' (after its 'end'/'finish'), so the
  // callback sees it fully torn down.
  let willEmitClose = streamWillEmitClose(stream) &&
    isReadableNodeStream(stream) === readable &&
    isWritableNodeStream(stream) === writable;
  let writableFinished = isWritableFinished(stream, false);
  let readableFinished = isReadableFinished(stream, false);

  const wState = stream._writableState;
  const rState = stream._readableState;

  // When the outcome is already known, no listeners are needed: undefined = not known yet,
  // null = finished without error, else the error.
  let known;
  if (isClosed(stream)) {
    known = closeOutcome(stream, readable, readableFinished, writable, writableFinished);
  } else if (wState?.errorEmitted || rState?.errorEmitted) {
    if (!willEmitClose) known = erroredOutcome(stream);
  } else if (!readable && (!willEmitClose || isReadable(stream)) &&
             (writableFinished || isWritable(stream) === false) &&
             (wState == null || wState.pendingcb === undefined || wState.pendingcb === 0)) {
    known = erroredOutcome(stream);
  } else if (!writable && (!willEmitClose || isWritable(stream)) &&
             (readableFinished || isReadable(stream) === false)) {
    known = erroredOutcome(stream);
  } else if (rState && stream.req && stream.aborted) {
    known = erroredOutcome(stream);
  }

  let cleanup = () => {
    callback = nop;
  };
  if (known !== undefined) {
    if (options.error !== false) {
      // Later errors on a finished stream must not become uncaught.
      stream.on('error', nop);
      cleanup = () => {
        callback = nop;
        stream.removeListener('error', nop);
      };
    }
  } else if (options.signal?.aborted) {
    known = new AbortError(undefined, { cause: options.signal.reason });
  }

  if (known !== undefined) {
    process.nextTick(() => {
      if (known === null) callback.call(stream);
      else callback.call(stream, known);
    });
    return cleanup;
  }

  callback = once(callback);

  const onlegacyfinish = () => {
    if (!stream.writable) onfinish();
  };

  const onfinish = () => {
    writableFinished = true;
    if (stream.destroyed) willEmitClose = false;
    if (willEmitClose && (!stream.readable || readable)) return;
    if (!readable || readableFinished) callback.call(stream);
  };

  const onend = () => {
    readableFinished = true;
    if (stream.destroyed) willEmitClose = false;
    if (willEmitClose && (!stream.writable || writable)) return;
    if (!writable || writableFinished) callback.call(stream);
  };

  const onerror = (err) => {
    callback.call(stream, err);
  };

  const onclose = () => {
    const outcome = closeOutcome(stream, readable, readableFinished, writable, writableFinished);
    if (outcome === null) callback.call(stream);
    else callback.call(stream, outcome);
  };

  const onrequest = () => {
    stream.req.on('finish', onfinish);
  };

  if (isRequest(stream)) {
    stream.on('complete', onfinish);
    if (!willEmitClose) stream.on('abort', onclose);
    if (stream.req) onrequest();
    else stream.on('request', onrequest);
  } else if (writable && !wState) {
    // Legacy streams: no state to look at.
    stream.on('end', onlegacyfinish);
    stream.on('close', onlegacyfinish);
  }

  if (!willEmitClose && typeof stream.aborted === 'boolean') stream.on('aborted', onclose);

  stream.on('end', onend);
  stream.on('finish', onfinish);
  if (options.error !== false) stream.on('error', onerror);
  stream.on('close', onclose);

  cleanup = () => {
    callback = nop;
    stream.removeListener('aborted', onclose);
    stream.removeListener('complete', onfinish);
    stream.removeListener('abort', onclose);
    stream.removeListener('request', onrequest);
    if (stream.req) stream.req.removeListener('finish', onfinish);
    stream.removeListener('end', onlegacyfinish);
    stream.removeListener('close', onlegacyfinish);
    stream.removeListener('finish', onfinish);
    stream.removeListener('end', onend);
    stream.removeListener('error', onerror);
    stream.removeListener('close', onclose);
  };

  if (options.signal) {
    const abort = () => {
      const endCallback = callback;
      cleanup();
      endCallback.call(stream, new AbortError(undefined, { cause: options.signal.reason }));
    };
    addAbortListener ??= require('events').addAbortListener;
    const disposable = addAbortListener(options.signal, abort);
    const originalCallback = callback;
    callback = once((...args) => {
      disposable[SymbolDispose]();
      originalCallback.apply(stream, args);
    });
  }

  return cleanup;
}

// The error a stream has recorded, or null.
function erroredOutcome(stream) {
  const errored = isWritableErrored(stream) || isReadableErrored(stream);
  return (typeof errored !== 'boolean' && errored) || null;
}

// What a closed stream means: its error, a premature close if a side that was waited for did
// not finish, or success.
function closeOutcome(stream, readable, readableFinished, writable, writableFinished) {
  const errored = erroredOutcome(stream);
  if (errored) return errored;
  if (readable && !readableFinished && isReadableNodeStream(stream, true) && !isReadableFinished(stream, false)) {
    return new ERR_STREAM_PREMATURE_CLOSE();
  }
  if (writable && !writableFinished && !isWritableFinished(stream, false)) {
    return new ERR_STREAM_PREMATURE_CLOSE();
  }
  return null;
}

function eosWeb(stream, options, callback) {
  callback = once(callback);
  let isAborted = false;
  let abort = nop;
  if (options.signal) {
    abort = () => {
      isAborted = true;
      callback.call(stream, new AbortError(undefined, { cause: options.signal.reason }));
    };
    if (options.signal.aborted) {
      process.nextTick(abort);
    } else {
      addAbortListener ??= require('events').addAbortListener;
      const disposable = addAbortListener(options.signal, abort);
      const originalCallback = callback;
      callback = once((...args) => {
        disposable[SymbolDispose]();
        originalCallback.apply(stream, args);
      });
    }
  }
  const resolverFn = (...args) => {
    if (!isAborted) process.nextTick(() => callback.apply(stream, args));
  };
  PromisePrototypeThen(stream[kIsClosedPromise].promise, resolverFn, resolverFn);
  return nop;
}

function finished(stream, opts) {
  let autoCleanup = false;
  if (opts === null) opts = kEmptyObject;
  if (opts?.cleanup) {
    validateBoolean(opts.cleanup, 'cleanup');
    autoCleanup = opts.cleanup;
  }
  return new Promise((resolve, reject) => {
    const cleanup = eos(stream, opts, (err) => {
      if (autoCleanup) cleanup();
      if (err) reject(err);
      else resolve();
    });
  });
}

eos.finished = finished;
module.exports = eos;
