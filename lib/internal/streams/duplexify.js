'use strict';
// Duplex.from(body): make a Duplex out of a stream, a { readable, writable } pair, an (async)
// iterable, an async generator function (source -> output), a promise or a function returning
// one. A ReadableStream, WritableStream or { readable, writable } pair of them goes through the web
// stream bridges (Readable.fromWeb, Writable.fromWeb, Duplex.fromWeb); a Blob is read as one
// ArrayBuffer.

const { FunctionPrototypeCall, Promise } = primordials;

const {
  AbortError,
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_RETURN_VALUE },
} = require('internal/errors');
const {
  isDuplexNodeStream,
  isIterable,
  isNodeStream,
  isReadable,
  isReadableNodeStream,
  isReadableStream,
  isWritable,
  isWritableNodeStream,
  isWritableStream,
} = require('internal/streams/utils');
const eos = require('internal/streams/end-of-stream');
const { destroyer } = require('internal/streams/destroy');
const Duplex = require('internal/streams/duplex');
const Readable = require('internal/streams/readable');
const from = require('internal/streams/from');

let blobModule;
function isBlob(value) {
  if (value === null || typeof value !== 'object') return false;
  blobModule ??= require('internal/blob');
  return blobModule.isBlob(value);
}

// A Duplex that honours readable: false / writable: false from its options.
class Duplexify extends Duplex {
  constructor(options) {
    super(options);
    if (options?.readable === false) {
      const r = this._readableState;
      r.readable = false;
      r.ended = true;
      r.endEmitted = true;
    }
    if (options?.writable === false) {
      const w = this._writableState;
      w.writable = false;
      w.ending = true;
      w.ended = true;
      w.finished = true;
    }
  }
}

function duplexify(body, name) {
  if (isDuplexNodeStream(body)) return body;
  if (isReadableNodeStream(body)) return fromPair({ __proto__: null, readable: body });
  if (isWritableNodeStream(body)) return fromPair({ __proto__: null, writable: body });
  if (isNodeStream(body)) return fromPair({ __proto__: null, writable: false, readable: false });
  if (isReadableStream(body)) {
    return fromPair({ __proto__: null, readable: Readable.fromWeb(body) });
  }
  if (isWritableStream(body)) {
    return fromPair({ __proto__: null, writable: require('internal/streams/writable').fromWeb(body) });
  }

  if (typeof body === 'function') {
    const { value, write, final, destroy } = fromAsyncGen(body);
    if (isDuplexNodeStream(value)) return value;
    if (isIterable(value)) {
      return from(Duplexify, value, { objectMode: true, write, final, destroy });
    }
    const then = value?.then;
    if (typeof then === 'function') {
      // A function consuming the input and resolving when done: a writable-only Duplex that
      // finishes when the promise settles.
      let d;
      const settled = FunctionPrototypeCall(then, value, (val) => {
        if (val != null) throw new ERR_INVALID_RETURN_VALUE('nully', 'body', val);
      }, (err) => {
        destroyer(d, err);
      });
      d = new Duplexify({
        objectMode: true,
        readable: false,
        write,
        final(cb) {
          final(async () => {
            try {
              await settled;
              process.nextTick(cb, null);
            } catch (err) {
              process.nextTick(cb, err);
            }
          });
        },
        destroy,
      });
      return d;
    }
    throw new ERR_INVALID_RETURN_VALUE('Iterable, AsyncIterable or AsyncFunction', name, value);
  }

  if (isBlob(body)) return duplexify(body.arrayBuffer(), name);

  if (isIterable(body)) return from(Duplexify, body, { objectMode: true, writable: false });

  if (isReadableStream(body?.readable) && isWritableStream(body?.writable)) return Duplex.fromWeb(body);

  if (typeof body?.writable === 'object' || typeof body?.readable === 'object') {
    const readable = body?.readable ?
      (isReadableNodeStream(body.readable) ? body.readable : duplexify(body.readable)) : undefined;
    const writable = body?.writable ?
      (isWritableNodeStream(body.writable) ? body.writable : duplexify(body.writable)) : undefined;
    return fromPair({ __proto__: null, readable, writable });
  }

  const then = body?.then;
  if (typeof then === 'function') {
    let d;
    FunctionPrototypeCall(then, body, (val) => {
      if (val != null) d.push(val);
      d.push(null);
    }, (err) => {
      destroyer(d, err);
    });
    d = new Duplexify({ objectMode: true, writable: false, read() {} });
    return d;
  }

  throw new ERR_INVALID_ARG_TYPE(name,
    ['Blob', 'ReadableStream', 'WritableStream', 'Stream', 'Iterable', 'AsyncIterable', 'Function',
     '{ readable, writable } pair', 'Promise'], body);
}

// Run an async generator function on an iterable fed by the Duplex's writes.
function fromAsyncGen(fn) {
  let pendingResolve;
  let pending = new Promise((resolve) => { pendingResolve = resolve; });
  const ac = new AbortController();
  const signal = ac.signal;

  async function* input() {
    for (;;) {
      const current = pending;
      pending = null;
      const { chunk, done, cb } = await current;
      process.nextTick(cb);
      if (done) return;
      if (signal.aborted) throw new AbortError(undefined, { cause: signal.reason });
      pending = new Promise((resolve) => { pendingResolve = resolve; });
      yield chunk;
    }
  }

  function deliver(item) {
    const resolve = pendingResolve;
    pendingResolve = null;
    resolve(item);
  }

  const value = fn(input(), { signal });
  return {
    value,
    write(chunk, encoding, cb) {
      deliver({ __proto__: null, chunk, done: false, cb });
    },
    final(cb) {
      deliver({ __proto__: null, done: true, cb });
    },
    destroy(err, cb) {
      ac.abort(err);
      if (pendingResolve !== null) deliver({ __proto__: null, done: true, cb() {} });
      cb(err);
    },
  };
}

// A Duplex that writes to `pair.writable` and reads from `pair.readable`.
function fromPair(pair) {
  const r = pair.readable && typeof pair.readable.read !== 'function' ?
    Readable.wrap(pair.readable) : pair.readable;
  const w = pair.writable;

  let readable = !!isReadable(r);
  let writable = !!isWritable(w);

  let ondrain;
  let onfinish;
  let onreadable;
  let onclose;
  let d;

  function take(cb) {
    return (...args) => {
      const f = cb();
      if (f) f(...args);
    };
  }

  function onfinished(err) {
    const cb = onclose;
    onclose = null;
    if (cb) cb(err);
    else if (err) d.destroy(err);
  }

  d = new Duplexify({
    readableObjectMode: !!r?.readableObjectMode,
    writableObjectMode: !!w?.writableObjectMode,
    readable,
    writable,
  });

  if (writable) {
    eos(w, (err) => {
      writable = false;
      if (err) destroyer(r, err);
      onfinished(err);
    });
    d._write = function(chunk, encoding, callback) {
      if (w.write(chunk, encoding)) callback();
      else ondrain = callback;
    };
    d._final = function(callback) {
      w.end();
      onfinish = callback;
    };
    w.on('drain', take(() => { const cb = ondrain; ondrain = null; return cb; }));
    w.on('finish', take(() => { const cb = onfinish; onfinish = null; return cb; }));
  }

  if (readable) {
    eos(r, (err) => {
      readable = false;
      if (err) destroyer(w, err);
      onfinished(err);
    });
    r.on('readable', take(() => { const cb = onreadable; onreadable = null; return cb; }));
    r.on('end', () => {
      d.push(null);
    });
    d._read = function() {
      for (;;) {
        const buf = r.read();
        if (buf === null) {
          onreadable = d._read;
          return;
        }
        if (!d.push(buf)) return;
      }
    };
  }

  d._destroy = function(err, callback) {
    if (!err && onclose !== null) err = new AbortError();
    onreadable = null;
    ondrain = null;
    onfinish = null;
    if (onclose === null) {
      callback(err);
    } else {
      onclose = callback;
      destroyer(w, err);
      destroyer(r, err);
    }
  };

  return d;
}

module.exports = duplexify;
