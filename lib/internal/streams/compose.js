'use strict';
// stream.compose(...streams): one Duplex that writes into the first stage and reads from the last,
// with the stages connected by pipeline(). Functions at either end become Duplexes (Duplex.from).
// A web stream at either end is written through a writer (a WritableStream, or a TransformStream's
// writable side) or read through a reader (a ReadableStream, or a TransformStream's readable side).

const { ArrayPrototypeSlice, PromisePrototypeThen } = primordials;

const { pipeline } = require('internal/streams/pipeline');
const Duplex = require('internal/streams/duplex');
const { destroyer } = require('internal/streams/destroy');
const {
  isNodeStream,
  isReadable,
  isReadableStream,
  isTransformStream,
  isWebStream,
  isWritable,
  isWritableStream,
  nop,
} = require('internal/streams/utils');
const {
  AbortError,
  codes: { ERR_INVALID_ARG_VALUE, ERR_MISSING_ARGS },
} = require('internal/errors');
const eos = require('internal/streams/end-of-stream');

module.exports = function compose(...streams) {
  if (streams.length === 0) throw new ERR_MISSING_ARGS('streams');
  if (streams.length === 1) return Duplex.from(streams[0]);

  const original = ArrayPrototypeSlice(streams);
  if (typeof streams[0] === 'function') streams[0] = Duplex.from(streams[0]);
  const last = streams.length - 1;
  if (typeof streams[last] === 'function') streams[last] = Duplex.from(streams[last]);

  for (let n = 0; n < streams.length; ++n) {
    if (!isNodeStream(streams[n]) && !isWebStream(streams[n])) continue;
    if (n < last && !readableEnd(streams[n])) {
      throw new ERR_INVALID_ARG_VALUE(`streams[${n}]`, original[n], 'must be readable');
    }
    if (n > 0 && !writableEnd(streams[n])) {
      throw new ERR_INVALID_ARG_VALUE(`streams[${n}]`, original[n], 'must be writable');
    }
  }

  let ondrain;
  let onfinish;
  let onclose;
  let d;

  function onfinished(err) {
    const cb = onclose;
    onclose = null;
    if (cb) cb(err);
    else if (err) d.destroy(err);
    else if (!readable && !writable) d.destroy();
  }

  const head = streams[0];
  const tail = pipeline(streams, onfinished);
  const writable = writableEnd(head);
  const readable = readableEnd(tail);

  d = new Duplex({
    writableObjectMode: !!head?.writableObjectMode,
    readableObjectMode: !!tail?.readableObjectMode,
    writable,
    readable,
  });

  if (writable && isWebStream(head)) {
    const writer = (isTransformStream(head) ? head.writable : head).getWriter();
    // Errors of the writes reach the pipeline through the stream itself.
    d._write = function(chunk, encoding, callback) {
      PromisePrototypeThen(writer.ready, () => {
        PromisePrototypeThen(writer.write(chunk), undefined, nop);
        callback();
      }, callback);
    };
    d._final = function(callback) {
      PromisePrototypeThen(writer.ready, () => {
        PromisePrototypeThen(writer.close(), undefined, nop);
        onfinish = callback;
      }, callback);
    };
  } else if (writable) {
    d._write = function(chunk, encoding, callback) {
      if (head.write(chunk, encoding)) callback();
      else ondrain = callback;
    };
    d._final = function(callback) {
      head.end();
      onfinish = callback;
    };
    head.on('drain', () => {
      if (ondrain) {
        const cb = ondrain;
        ondrain = null;
        cb();
      }
    });
  }
  if (writable) {
    // The composed stream finishes when the last stage is done.
    eos(isTransformStream(tail) ? tail.readable : tail, () => {
      if (onfinish) {
        const cb = onfinish;
        onfinish = null;
        cb();
      }
    });
  }

  if (readable && isWebStream(tail)) {
    const reader = (isTransformStream(tail) ? tail.readable : tail).getReader();
    // Read until the Duplex's buffer is full; a failed read leaves the error to the pipeline.
    const onChunk = (result) => {
      if (result.done) {
        d.push(null);
        return;
      }
      if (d.push(result.value)) pull();
    };
    const pull = () => PromisePrototypeThen(reader.read(), onChunk, nop);
    d._read = pull;
  } else if (readable) {
    d._read = function() {
      tail.resume();
    };
    tail.on('data', (chunk) => {
      if (!d.push(chunk)) tail.pause();
    });
    tail.on('end', () => {
      d.push(null);
    });
  }

  d._destroy = function(err, callback) {
    if (!err && onclose !== null) err = new AbortError();
    ondrain = null;
    onfinish = null;
    if (isNodeStream(tail)) destroyer(tail, err);
    if (onclose === null) callback(err);
    else onclose = callback;
  };

  return d;
};

function readableEnd(stream) {
  return !!(isReadable(stream) || isReadableStream(stream) || isTransformStream(stream));
}

function writableEnd(stream) {
  return !!(isWritable(stream) || isWritableStream(stream) || isTransformStream(stream));
}
