'use strict';
// Readable.from(iterable|asyncIterable[, options]): a Readable (objectMode, highWaterMark 1 by
// default) that pulls one value per _read(). Destroying it returns (or throws into) the iterator.

const { PromisePrototypeThen, SymbolAsyncIterator, SymbolIterator } = primordials;
const { Buffer } = require('buffer');
const { codes: { ERR_INVALID_ARG_TYPE, ERR_STREAM_NULL_VALUES } } = require('internal/errors');

function from(Readable, iterable, opts) {
  let iterator;
  if (typeof iterable === 'string' || iterable instanceof Buffer) {
    return new Readable({
      objectMode: true,
      ...opts,
      read() {
        this.push(iterable);
        this.push(null);
      },
    });
  }

  let isAsync;
  if (iterable && iterable[SymbolAsyncIterator]) {
    isAsync = true;
    iterator = iterable[SymbolAsyncIterator]();
  } else if (iterable && iterable[SymbolIterator]) {
    isAsync = false;
    iterator = iterable[SymbolIterator]();
  } else {
    throw new ERR_INVALID_ARG_TYPE('iterable', ['Iterable'], iterable);
  }

  const readable = new Readable({ objectMode: true, highWaterMark: 1, ...opts });
  // Guards against _read() being re-entered while a value is pending.
  let reading = false;
  // A sync iterator that yielded a promise switches to awaiting every value.
  let isAsyncValues = false;

  readable._read = function() {
    if (!reading) {
      reading = true;
      if (isAsync) nextAsync();
      else if (isAsyncValues) nextSyncWithAsyncValues();
      else nextSync();
    }
  };

  readable._destroy = function(error, cb) {
    PromisePrototypeThen(
      close(error),
      () => process.nextTick(cb, error),
      (e) => process.nextTick(cb, e || error),
    );
  };

  async function close(error) {
    const hadError = error !== undefined && error !== null;
    const hasThrow = typeof iterator.throw === 'function';
    if (hadError && hasThrow) {
      const { value, done } = await iterator.throw(error);
      await value;
      if (done) return;
    }
    if (typeof iterator.return === 'function') {
      const { value } = await iterator.return();
      await value;
    }
  }

  function pushValue(value) {
    if (value === null) {
      reading = false;
      throw new ERR_STREAM_NULL_VALUES();
    }
    if (readable.push(value)) return true;
    reading = false;
    return false;
  }

  function nextSync() {
    for (;;) {
      try {
        const { value, done } = iterator.next();
        if (done) {
          readable.push(null);
          return;
        }
        if (value && typeof value.then === 'function') {
          isAsyncValues = true;
          return settleFirstAsyncValue(value);
        }
        if (pushValue(value)) continue;
      } catch (err) {
        readable.destroy(err);
      }
      break;
    }
  }

  async function settleFirstAsyncValue(promise) {
    try {
      const value = await promise;
      if (pushValue(value)) nextSyncWithAsyncValues();
    } catch (err) {
      readable.destroy(err);
    }
  }

  async function nextSyncWithAsyncValues() {
    for (;;) {
      try {
        const { value, done } = iterator.next();
        if (done) {
          readable.push(null);
          return;
        }
        const resolved = (value && typeof value.then === 'function') ? await value : value;
        if (pushValue(resolved)) continue;
      } catch (err) {
        readable.destroy(err);
      }
      break;
    }
  }

  async function nextAsync() {
    for (;;) {
      try {
        const { value, done } = await iterator.next();
        if (done) {
          readable.push(null);
          return;
        }
        if (pushValue(value)) continue;
      } catch (err) {
        readable.destroy(err);
      }
      break;
    }
  }

  return readable;
}

module.exports = from;
