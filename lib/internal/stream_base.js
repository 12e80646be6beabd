'use strict';
// A Duplex over a libuv stream handle (internalBinding('stream_wrap'): Pipe, TTY, TCP). It is the
// base of the stdio streams and tty.ReadStream/WriteStream, and is meant to carry net.Socket later:
// everything here is about the handle, nothing about stdio.
//
// Writes cross into C once per chunk: the binding writes what the fd takes at once and queues the
// rest on a request whose completion comes back through afterWrite. Reading runs only while the
// stream wants data (_read starts it, a full buffer stops it), so an idle handle never keeps the
// event loop alive.

const {
  FunctionPrototypeCall,
  ObjectDefineProperty,
  ObjectSetPrototypeOf,
  Symbol,
} = primordials;

const binding = internalBinding('stream_wrap');
const { streamState, kBytesWritten, kLastWriteWasAsync, UV_EOF } = binding;
const Duplex = require('internal/streams/duplex');
const { FastBuffer } = require('internal/buffer');

const kOwner = Symbol('kOwner');

// Node's ErrnoException: `write EPIPE`, with errno (negative), code and syscall.
function errnoException(err, syscall, original) {
  const code = binding.errname(err);
  const message = original ? `${syscall} ${code} ${original}` : `${syscall} ${code}`;
  const ex = new Error(message);
  ex.errno = err;
  ex.code = code;
  ex.syscall = syscall;
  return ex;
}

// A uv error as fs reports it: `EISDIR: illegal operation on a directory, read`.
function uvException(err, syscall) {
  const code = binding.errname(err);
  const ex = new Error(`${code}: ${binding.strerror(err)}, ${syscall}`);
  ex.errno = err;
  ex.code = code;
  ex.syscall = syscall;
  return ex;
}

// Request objects handed to the binding; C keeps them alive until their completion.
function WriteWrap() {
  this.handle = null;
  this.callback = null;
  this.bytes = 0;
  this.async = false;
}

function ShutdownWrap() {
  this.handle = null;
  this.callback = null;
}

// this = the handle whose read completed.
function onread(nread, arrayBuffer) {
  const stream = this[kOwner];
  if (!stream) return;
  if (nread > 0) {
    stream.bytesRead += nread;
    if (!stream.push(new FastBuffer(arrayBuffer, 0, nread))) {
      // The readable buffer is full: stop until _read asks again.
      this.reading = false;
      if (!stream.destroyed) {
        const err = this.readStop();
        if (err) stream.destroy(errnoException(err, 'read'));
      }
    }
    return;
  }
  if (nread !== UV_EOF) {
    stream.destroy(errnoException(nread, 'read'));
    return;
  }
  // End of the readable side. Reading stops (libuv stops on EOF itself).
  this.reading = false;
  stream.push(null);
  stream.read(0);
}

function afterWrite(req, status) {
  const handle = req.handle;
  const stream = handle[kOwner];
  if (stream) stream._pendingWrites--;
  if (status < 0) {
    const ex = errnoException(status, 'write', req.error);
    if (typeof req.callback === 'function') req.callback(ex);
    else if (stream) stream.destroy(ex);
    return;
  }
  if (typeof req.callback === 'function') req.callback(null);
}

function afterShutdown(req) {
  // Like Node, a failed shutdown (a pipe cannot half-close) still finishes the writable side.
  if (typeof req.callback === 'function') req.callback();
}

// this = undefined; req.oncomplete(nread, buffer?) for binding.fsRead.
function afterFsRead(req, nread, arrayBuffer) {
  req.oncomplete(nread, arrayBuffer === undefined ? undefined : new FastBuffer(arrayBuffer, 0, nread));
}

binding.setCallbacks(onread, afterWrite, afterShutdown, afterFsRead);

// One chunk to the handle: a string in its encoding, or bytes.
function writeChunk(handle, req, data, encoding) {
  if (typeof data !== 'string') return handle.writeBuffer(req, data);
  switch (encoding) {
    case 'utf8': case 'utf-8': case undefined: case 'buffer':
      return handle.writeUtf8String(req, data);
    case 'latin1': case 'binary':
      return handle.writeLatin1String(req, data);
    case 'ascii':
      return handle.writeAsciiString(req, data);
    default: {
      const { Buffer } = require('buffer');
      return handle.writeBuffer(req, Buffer.from(data, encoding));
    }
  }
}

// new StreamSocket({ handle, readable, writable, manualStart, ...duplexOptions })
function Socket(options) {
  if (!(this instanceof Socket)) return new Socket(options);
  const opts = { __proto__: null, ...options };
  const handle = opts.handle;
  opts.handle = undefined;
  // Strings go to the binding as they are; the binding encodes them once.
  opts.decodeStrings = false;
  opts.autoDestroy = true;
  if (opts.allowHalfOpen === undefined) opts.allowHalfOpen = false;
  FunctionPrototypeCall(Duplex, this, opts);
  this._handle = null;
  this.bytesRead = 0;
  this._pendingWrites = 0;
  this.connecting = false;
  if (handle) this._attach(handle);
}
const StreamSocket = Socket;
ObjectSetPrototypeOf(StreamSocket.prototype, Duplex.prototype);
ObjectSetPrototypeOf(StreamSocket, Duplex);

StreamSocket.prototype._attach = function _attach(handle) {
  this._handle = handle;
  handle[kOwner] = this;
  handle.reading = false;
};

StreamSocket.prototype._read = function _read(n) {
  const handle = this._handle;
  if (!handle || handle.reading) return;
  handle.reading = true;
  const err = handle.readStart();
  if (err) this.destroy(errnoException(err, 'read'));
};

StreamSocket.prototype._write = function _write(data, encoding, cb) {
  const handle = this._handle;
  if (!handle) {
    const { codes: { ERR_SOCKET_CLOSED } } = require('internal/errors');
    cb(new ERR_SOCKET_CLOSED());
    return;
  }
  const req = new WriteWrap();
  req.handle = handle;
  const err = writeChunk(handle, req, data, encoding);
  req.bytes = streamState[kBytesWritten];
  req.async = streamState[kLastWriteWasAsync] !== 0;
  if (err !== 0) {
    cb(errnoException(err, 'write', req.error));
    return;
  }
  if (!req.async) {
    cb();
    return;
  }
  this._pendingWrites++;
  req.callback = cb;
};

StreamSocket.prototype._final = function _final(cb) {
  const handle = this._handle;
  if (!handle) {
    cb();
    return;
  }
  const req = new ShutdownWrap();
  req.handle = handle;
  req.callback = () => cb();
  const err = handle.shutdown(req);
  if (err !== 0) cb();
};

StreamSocket.prototype._destroy = function _destroy(err, cb) {
  const handle = this._handle;
  if (!handle) {
    cb(err);
    return;
  }
  this._handle = null;
  if (handle.reading) {
    handle.reading = false;
    handle.readStop();
  }
  handle.close(() => {
    handle[kOwner] = null;
    cb(err);
  });
};

StreamSocket.prototype.ref = function ref() {
  this._handle?.ref();
  return this;
};

StreamSocket.prototype.unref = function unref() {
  this._handle?.unref();
  return this;
};

StreamSocket.prototype.setNoDelay = function setNoDelay() { return this; };
StreamSocket.prototype.setKeepAlive = function setKeepAlive() { return this; };

ObjectDefineProperty(StreamSocket.prototype, 'bytesWritten', {
  __proto__: null, configurable: true, enumerable: false,
  get() { return this._handle ? this._handle.bytesWritten : 0; },
});

ObjectDefineProperty(StreamSocket.prototype, 'pending', {
  __proto__: null, configurable: true, enumerable: false,
  get() { return !this._handle; },
});

ObjectDefineProperty(StreamSocket.prototype, 'readyState', {
  __proto__: null, configurable: true, enumerable: false,
  get() {
    if (this.connecting) return 'opening';
    if (this.readable && this.writable) return 'open';
    if (this.readable && !this.writable) return 'readOnly';
    if (!this.readable && this.writable) return 'writeOnly';
    return 'closed';
  },
});

module.exports = {
  StreamSocket,
  WriteWrap,
  ShutdownWrap,
  errnoException,
  uvException,
  kOwner,
  Pipe: binding.Pipe,
  TTY: binding.TTY,
  TCP: binding.TCP,
  isTTY: binding.isTTY,
  fsRead: binding.fsRead,
};
