'use strict';
// stream.Transform: a Duplex whose output is computed from its input by _transform(chunk,
// encoding, callback) and, at the end, _flush(callback). The next chunk is taken only once the
// readable side has room, which gives backpressure across the transform.

const { ObjectSetPrototypeOf, Symbol } = primordials;

module.exports = Transform;

const { codes: { ERR_METHOD_NOT_IMPLEMENTED } } = require('internal/errors');
const Duplex = require('internal/streams/duplex');
const { getHighWaterMark } = require('internal/streams/state');

ObjectSetPrototypeOf(Transform.prototype, Duplex.prototype);
ObjectSetPrototypeOf(Transform, Duplex);

const kCallback = Symbol('kCallback');
// The callback given to _transform() for the writes of the Writable machinery, made once per
// stream, and the readable length when that write began (see _write below).
const kAfterTransform = Symbol('kAfterTransform');
const kWriteLength = Symbol('kWriteLength');

function Transform(options) {
  if (!(this instanceof Transform)) return new Transform(options);

  // A readable highWaterMark of 0 would stall the transform; the writable side then buffers
  // nothing either.
  const readableHighWaterMark = options ? getHighWaterMark(this, options, 'readableHighWaterMark', true) : null;
  if (readableHighWaterMark === 0) {
    options = {
      ...options,
      highWaterMark: null,
      readableHighWaterMark,
      writableHighWaterMark: options.writableHighWaterMark || 0,
    };
  }

  Duplex.call(this, options);

  // The output is pushed from the write callback, never from inside _read(), so 'readable' may
  // be emitted at once.
  this._readableState.sync = false;
  this[kCallback] = null;
  const stream = this;
  this[kAfterTransform] = (err, val) => {
    afterTransformWith(stream, stream._writableState.onwrite, stream[kWriteLength], err, val);
  };
  this[kWriteLength] = 0;

  if (options) {
    if (typeof options.transform === 'function') this._transform = options.transform;
    if (typeof options.flush === 'function') this._flush = options.flush;
  }

  // A subclass that overrides _final() still gets its flush from 'prefinish'.
  this.on('prefinish', prefinish);
}

function final(cb) {
  if (typeof this._flush === 'function' && !this.destroyed) {
    this._flush((er, data) => {
      if (er) {
        if (cb) cb(er);
        else this.destroy(er);
        return;
      }
      if (data != null) this.push(data);
      this.push(null);
      if (cb) cb();
    });
  } else {
    this.push(null);
    if (cb) cb();
  }
}

function prefinish() {
  if (this._final !== final) final.call(this);
}

Transform.prototype._final = final;

Transform.prototype._transform = function(chunk, encoding, callback) {
  throw new ERR_METHOD_NOT_IMPLEMENTED('_transform()');
};

// What the callback of one _transform() call does. Writes come one at a time (the next only after
// this callback), so a write from the Writable machinery (callback === its onwrite) can use the
// stream's one callback and keep its length on the stream instead of a new closure per chunk, a
// saving of two allocations per chunk; any other caller of _write() gets a closure of its own.
Transform.prototype._write = function(chunk, encoding, callback) {
  const length = this._readableState.length;
  const after = this[kAfterTransform];
  if (after !== undefined && callback === this._writableState.onwrite) {
    this[kWriteLength] = length;
    this._transform(chunk, encoding, after);
  } else {
    transformWithClosure(this, chunk, encoding, callback, length);
  }
};

// (A function of its own: a closure in _write would make every call allocate its scope.)
function transformWithClosure(stream, chunk, encoding, callback, length) {
  stream._transform(chunk, encoding, (err, val) => {
    afterTransformWith(stream, callback, length, err, val);
  });
}

function afterTransformWith(stream, callback, length, err, val) {
  if (err) {
    callback(err);
    return;
  }
  if (val != null) stream.push(val);
  const rState = stream._readableState;
  if (rState.ended) {
    // Nothing can be read any more; let the writes complete.
    process.nextTick(callback);
  } else if (stream._writableState.ended || length === rState.length || rState.length < rState.highWaterMark) {
    callback();
  } else {
    // Wait for the reader to take data before accepting the next chunk.
    stream[kCallback] = callback;
  }
}

Transform.prototype._read = function() {
  if (this[kCallback]) {
    const callback = this[kCallback];
    this[kCallback] = null;
    callback();
  }
};
