'use strict';
// process.stdin, process.stdout and process.stderr, made on first use by the kind of their fd, as
// Node makes them:
//   TTY  -> tty.ReadStream / tty.WriteStream (blocking writes)
//   FILE -> stdout/stderr: SyncWriteStream (every write is one synchronous write(2));
//           stdin: a ReadStream reading chunks off the main thread (uv_fs_read) until EOF
//   PIPE, TCP -> a StreamSocket over a libuv pipe/TCP handle (lib/internal/stream_base.js)
// stdout and stderr cannot be closed by the program: destroy() and end() leave fds 1 and 2 open.

const {
  FunctionPrototypeCall,
  ObjectDefineProperty,
  ObjectSetPrototypeOf,
} = primordials;

const processBinding = internalBinding('process');
const fsBinding = internalBinding('fs');
const Readable = require('internal/streams/readable');
const Writable = require('internal/streams/writable');
const {
  StreamSocket, Pipe, TCP, fsRead, errnoException, uvException,
} = require('internal/stream_base');

// ---- SyncWriteStream: synchronous writes to a file (or /dev/null, or a character device) ----

function SyncWriteStream(fd, options) {
  if (!(this instanceof SyncWriteStream)) return new SyncWriteStream(fd, options);
  // Strings go to the binding as they are (it encodes UTF-8 in one step); other encodings become
  // Buffers in _write.
  FunctionPrototypeCall(Writable, this, { autoDestroy: true, decodeStrings: false });
  this.fd = fd;
  this.readable = false;
  this.autoClose = options?.autoClose === undefined ? true : options.autoClose;
}
ObjectSetPrototypeOf(SyncWriteStream.prototype, Writable.prototype);
ObjectSetPrototypeOf(SyncWriteStream, Writable);

SyncWriteStream.prototype._write = function _write(chunk, encoding, cb) {
  try {
    if (typeof chunk === 'string') {
      if (encoding === 'utf8' || encoding === 'utf-8' || encoding === undefined) fsBinding.writeString(this.fd, chunk);
      else fsBinding.writeBuffer(this.fd, require('buffer').Buffer.from(chunk, encoding));
    } else {
      fsBinding.writeBuffer(this.fd, chunk);
    }
  } catch (err) {
    cb(err);
    return;
  }
  cb();
};

SyncWriteStream.prototype._destroy = function _destroy(err, cb) {
  if (this.fd === null) {
    cb(err);
    return;
  }
  if (this.autoClose) fsBinding.close?.(this.fd);
  this.fd = null;
  cb(err);
};

SyncWriteStream.prototype.destroySoon = SyncWriteStream.prototype.destroy;

// ---- a file ReadStream for stdin redirected from a file ----

function FileReadStream(fd, options) {
  FunctionPrototypeCall(Readable, this, { highWaterMark: 64 * 1024, ...options });
  this.fd = fd;
  this.path = undefined;
  this.flags = 'r';
  this.mode = 0o666;
  this.start = undefined;
  this.end = Infinity;
  this.pos = undefined;
  this.bytesRead = 0;
  this.autoClose = options?.autoClose === undefined ? true : options.autoClose;
}
ObjectSetPrototypeOf(FileReadStream.prototype, Readable.prototype);
ObjectSetPrototypeOf(FileReadStream, Readable);

FileReadStream.prototype._read = function _read(n) {
  const req = {
    oncomplete: (nread, buf) => {
      if (nread < 0) {
        this.destroy(uvException(nread, 'read'));
        return;
      }
      if (nread === 0) {
        this.push(null);
        return;
      }
      this.bytesRead += nread;
      this.push(buf);
    },
  };
  const err = fsRead(this.fd, n > 0 ? n : 64 * 1024, -1, req);
  if (err) this.destroy(uvException(err, 'read'));
};

FileReadStream.prototype._destroy = function _destroy(err, cb) {
  if (this.autoClose && this.fd !== null) fsBinding.close?.(this.fd);
  cb(err);
};

ObjectDefineProperty(FileReadStream.prototype, 'pending', {
  __proto__: null, configurable: true, get() { return this.fd === null; },
});
ObjectDefineProperty(FileReadStream, 'name', { __proto__: null, value: 'ReadStream' });

// ---- the three streams ----

function createWritableStdioStream(fd) {
  let stream;
  switch (processBinding.guessHandleType(fd)) {
    case 'TTY': {
      const tty = require('tty');
      stream = new tty.WriteStream(fd);
      stream._type = 'tty';
      break;
    }
    case 'FILE':
      stream = new SyncWriteStream(fd, { autoClose: false });
      stream._type = 'fs';
      break;
    case 'PIPE':
    case 'TCP': {
      const handle = openStreamHandle(fd);
      stream = new StreamSocket({ handle, readable: false, writable: true });
      stream._type = 'pipe';
      break;
    }
    default:
      // No usable fd (closed, or an unknown kind): output goes nowhere, as in Node.
      stream = new Writable({ write(buf, enc, cb) { cb(); } });
  }
  stream.fd = fd;
  stream._isStdio = true;
  // The program cannot close fds 1 and 2: destroy() ends the stream object only.
  stream.destroySoon = stream.destroy;
  stream._destroy = keepFdOpen;
  return stream;
}

function openStreamHandle(fd) {
  const handle = processBinding.guessHandleType(fd) === 'TCP' ? new TCP() : new Pipe(false);
  const err = handle.open(fd);
  if (err) throw errnoException(err, 'open');
  return handle;
}

// _destroy of stdout/stderr: finish the destroy, then make the stream usable again, and still emit
// 'close' once so that finished() and pipeline() see it.
function keepFdOpen(err, cb) {
  cb(err);
  this._undestroy();
  if (!this._writableState.emitClose) process.nextTick(() => this.emit('close'));
}

function createStdin() {
  const fd = 0;
  let stdin;
  switch (processBinding.guessHandleType(fd)) {
    case 'TTY': {
      const tty = require('tty');
      stdin = new tty.ReadStream(fd);
      break;
    }
    case 'FILE':
      stdin = new FileReadStream(fd, { autoClose: false });
      break;
    case 'PIPE':
    case 'TCP': {
      const handle = openStreamHandle(fd);
      stdin = new StreamSocket({ handle, readable: true, writable: false });
      // stdin cannot be end()ed.
      stdin._writableState.ended = true;
      break;
    }
    default:
      stdin = new Readable({ read() {} });
      stdin.push(null);
  }
  stdin.fd = fd;
  // Reading stops whenever the program pauses stdin (one tick later, once the stream has really
  // stopped flowing), so that a paused stdin does not keep the process alive.
  if (stdin._handle) {
    stdin.on('pause', () => process.nextTick(stopWhenPaused, stdin));
  }
  return stdin;
}

function stopWhenPaused(stdin) {
  const handle = stdin._handle;
  if (!handle || !handle.reading || stdin.readableFlowing) return;
  stdin._readableState.reading = false;
  handle.reading = false;
  handle.readStop();
}

module.exports = { createWritableStdioStream, createStdin, SyncWriteStream };
