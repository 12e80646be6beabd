'use strict';
// stream.PassThrough: a Transform that outputs its input unchanged.

const { ObjectSetPrototypeOf } = primordials;

module.exports = PassThrough;

const Transform = require('internal/streams/transform');

ObjectSetPrototypeOf(PassThrough.prototype, Transform.prototype);
ObjectSetPrototypeOf(PassThrough, Transform);

function PassThrough(options) {
  if (!(this instanceof PassThrough)) return new PassThrough(options);
  Transform.call(this, options);
}

PassThrough.prototype._transform = function(chunk, encoding, cb) {
  cb(null, chunk);
};
