'use strict';
// The parts of node:buffer that lib/node/buffer.js builds on: FastBuffer (the Uint8Array subclass
// every Buffer is), the validators with Node's messages, and the per-number read/write methods.
// The number methods stay in JS: each touches a few bytes, and a crossing into C costs far more
// than the arithmetic (research/jsc-c-api.md §7).

const {
  BigInt,
  Float32Array,
  Float64Array,
  MathFloor,
  Number,
  NumberIsInteger,
  NumberIsNaN,
  Uint8Array,
} = primordials;

const {
  codes: {
    ERR_BUFFER_OUT_OF_BOUNDS,
    ERR_INVALID_ARG_TYPE,
    ERR_OUT_OF_RANGE,
  },
} = require('internal/errors');

class FastBuffer extends Uint8Array {
  // A constructor that only forwards keeps `new FastBuffer(...)` as cheap as `new Uint8Array`.
  constructor(bufferOrLength, byteOffset, length) {
    super(bufferOrLength, byteOffset, length);
  }
}

// ---------------------------------------------------------------------------------------------------
// Validators (Node's codes and messages).

function validateNumber(value, name, min = undefined, max = undefined) {
  if (typeof value !== 'number') throw new ERR_INVALID_ARG_TYPE(name, 'number', value);
  if ((min != null && value < min) || (max != null && value > max) ||
      ((min != null || max != null) && NumberIsNaN(value))) {
    throw new ERR_OUT_OF_RANGE(name,
      `${min != null ? `>= ${min}` : ''}${min != null && max != null ? ' && ' : ''}${max != null ? `<= ${max}` : ''}`,
      value);
  }
}

function validateInteger(value, name, min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER) {
  if (typeof value !== 'number') throw new ERR_INVALID_ARG_TYPE(name, 'number', value);
  if (!NumberIsInteger(value)) throw new ERR_OUT_OF_RANGE(name, 'an integer', value);
  if (value < min || value > max) throw new ERR_OUT_OF_RANGE(name, `>= ${min} && <= ${max}`, value);
}

// ---------------------------------------------------------------------------------------------------
// Bounds errors of the number methods.

// Throws the error for an offset (or byteLength, when `type` is given) that failed its check;
// `last` is the largest valid value.
function boundsError(value, last, type) {
  if (MathFloor(value) !== value) {
    validateNumber(value, type || 'offset');
    throw new ERR_OUT_OF_RANGE(type || 'offset', 'an integer', value);
  }
  if (last < 0) throw new ERR_BUFFER_OUT_OF_BOUNDS();
  throw new ERR_OUT_OF_RANGE(type || 'offset', `>= ${type ? 1 : 0} and <= ${last}`, value);
}

// For writes: `value` must lie in [min, max]; the message names the range the way Node does (a
// power of two for the wide types). `extra` is the byte count minus one.
function checkInt(value, min, max, buf, offset, extra) {
  if (value > max || value < min) {
    const n = typeof min === 'bigint' ? 'n' : '';
    let range;
    if (extra > 3) {
      const bits = (extra + 1) * 8;
      if (min === 0 || min === 0n) range = `>= 0${n} and < 2${n} ** ${bits}${n}`;
      else range = `>= -(2${n} ** ${bits - 1}${n}) and < 2${n} ** ${bits - 1}${n}`;
    } else {
      range = `>= ${min}${n} and <= ${max}${n}`;
    }
    throw new ERR_OUT_OF_RANGE('value', range, value);
  }
  checkBounds(buf, offset, extra);
}

function checkBounds(buf, offset, extra) {
  validateNumber(offset, 'offset');
  if (buf[offset] === undefined || buf[offset + extra] === undefined) {
    boundsError(offset, buf.length - (extra + 1));
  }
}

// ---------------------------------------------------------------------------------------------------
// Reads. Each checks the first and last byte it reads: an index outside the buffer (or not an
// integer) reads undefined.

function readUInt8At(buf, offset) {
  validateNumber(offset, 'offset');
  const v = buf[offset];
  if (v === undefined) boundsError(offset, buf.length - 1);
  return v;
}
function readUInt8(offset = 0) { return readUInt8At(this, offset); }

function readInt8At(buf, offset) {
  validateNumber(offset, 'offset');
  const v = buf[offset];
  if (v === undefined) boundsError(offset, buf.length - 1);
  return (v << 24) >> 24;
}
function readInt8(offset = 0) { return readInt8At(this, offset); }

function readUInt16LEAt(buf, offset) {
  validateNumber(offset, 'offset');
  const a = buf[offset], b = buf[offset + 1];
  if (a === undefined || b === undefined) boundsError(offset, buf.length - 2);
  return a | (b << 8);
}
function readUInt16LE(offset = 0) { return readUInt16LEAt(this, offset); }

function readUInt16BEAt(buf, offset) {
  validateNumber(offset, 'offset');
  const a = buf[offset], b = buf[offset + 1];
  if (a === undefined || b === undefined) boundsError(offset, buf.length - 2);
  return (a << 8) | b;
}
function readUInt16BE(offset = 0) { return readUInt16BEAt(this, offset); }

function readInt16LEAt(buf, offset) {
  validateNumber(offset, 'offset');
  const a = buf[offset], b = buf[offset + 1];
  if (a === undefined || b === undefined) boundsError(offset, buf.length - 2);
  return ((a | (b << 8)) << 16) >> 16;
}
function readInt16LE(offset = 0) { return readInt16LEAt(this, offset); }

function readInt16BEAt(buf, offset) {
  validateNumber(offset, 'offset');
  const a = buf[offset], b = buf[offset + 1];
  if (a === undefined || b === undefined) boundsError(offset, buf.length - 2);
  return (((a << 8) | b) << 16) >> 16;
}
function readInt16BE(offset = 0) { return readInt16BEAt(this, offset); }

function readUInt24LE(buf, offset) {
  validateNumber(offset, 'offset');
  const a = buf[offset], c = buf[offset + 2];
  if (a === undefined || c === undefined) boundsError(offset, buf.length - 3);
  return a | (buf[offset + 1] << 8) | (c << 16);
}

function readUInt24BE(buf, offset) {
  validateNumber(offset, 'offset');
  const a = buf[offset], c = buf[offset + 2];
  if (a === undefined || c === undefined) boundsError(offset, buf.length - 3);
  return (a << 16) | (buf[offset + 1] << 8) | c;
}

function readUInt32LEAt(buf, offset) {
  validateNumber(offset, 'offset');
  const a = buf[offset], d = buf[offset + 3];
  if (a === undefined || d === undefined) boundsError(offset, buf.length - 4);
  return a + buf[offset + 1] * 0x100 + buf[offset + 2] * 0x10000 + d * 0x1000000;
}
function readUInt32LE(offset = 0) { return readUInt32LEAt(this, offset); }

function readUInt32BEAt(buf, offset) {
  validateNumber(offset, 'offset');
  const a = buf[offset], d = buf[offset + 3];
  if (a === undefined || d === undefined) boundsError(offset, buf.length - 4);
  return a * 0x1000000 + buf[offset + 1] * 0x10000 + buf[offset + 2] * 0x100 + d;
}
function readUInt32BE(offset = 0) { return readUInt32BEAt(this, offset); }

function readInt32LEAt(buf, offset) {
  validateNumber(offset, 'offset');
  const a = buf[offset], d = buf[offset + 3];
  if (a === undefined || d === undefined) boundsError(offset, buf.length - 4);
  return a | (buf[offset + 1] << 8) | (buf[offset + 2] << 16) | (d << 24);
}
function readInt32LE(offset = 0) { return readInt32LEAt(this, offset); }

function readInt32BEAt(buf, offset) {
  validateNumber(offset, 'offset');
  const a = buf[offset], d = buf[offset + 3];
  if (a === undefined || d === undefined) boundsError(offset, buf.length - 4);
  return (a << 24) | (buf[offset + 1] << 16) | (buf[offset + 2] << 8) | d;
}
function readInt32BE(offset = 0) { return readInt32BEAt(this, offset); }

// 5 and 6 bytes: the low 32 bits unsigned plus the high part times 2^32.
function readUInt40LE(buf, offset) {
  validateNumber(offset, 'offset');
  const a = buf[offset], e = buf[offset + 4];
  if (a === undefined || e === undefined) boundsError(offset, buf.length - 5);
  return a + buf[offset + 1] * 0x100 + buf[offset + 2] * 0x10000 + buf[offset + 3] * 0x1000000 +
    e * 0x100000000;
}

function readUInt48LE(buf, offset) {
  validateNumber(offset, 'offset');
  const a = buf[offset], f = buf[offset + 5];
  if (a === undefined || f === undefined) boundsError(offset, buf.length - 6);
  return a + buf[offset + 1] * 0x100 + buf[offset + 2] * 0x10000 + buf[offset + 3] * 0x1000000 +
    (buf[offset + 4] + f * 0x100) * 0x100000000;
}

function readUInt40BE(buf, offset) {
  validateNumber(offset, 'offset');
  const a = buf[offset], e = buf[offset + 4];
  if (a === undefined || e === undefined) boundsError(offset, buf.length - 5);
  return a * 0x100000000 + buf[offset + 1] * 0x1000000 + buf[offset + 2] * 0x10000 +
    buf[offset + 3] * 0x100 + e;
}

function readUInt48BE(buf, offset) {
  validateNumber(offset, 'offset');
  const a = buf[offset], f = buf[offset + 5];
  if (a === undefined || f === undefined) boundsError(offset, buf.length - 6);
  return (a * 0x100 + buf[offset + 1]) * 0x100000000 + buf[offset + 2] * 0x1000000 +
    buf[offset + 3] * 0x10000 + buf[offset + 4] * 0x100 + f;
}

function readUIntLE(offset, byteLength) {
  if (offset === undefined) throw new ERR_INVALID_ARG_TYPE('offset', 'number', offset);
  switch (byteLength) {
    case 1: return readUInt8At(this, offset);
    case 2: return readUInt16LEAt(this, offset);
    case 3: return readUInt24LE(this, offset);
    case 4: return readUInt32LEAt(this, offset);
    case 5: return readUInt40LE(this, offset);
    case 6: return readUInt48LE(this, offset);
  }
  boundsError(byteLength, 6, 'byteLength');
}

function readUIntBE(offset, byteLength) {
  if (offset === undefined) throw new ERR_INVALID_ARG_TYPE('offset', 'number', offset);
  switch (byteLength) {
    case 1: return readUInt8At(this, offset);
    case 2: return readUInt16BEAt(this, offset);
    case 3: return readUInt24BE(this, offset);
    case 4: return readUInt32BEAt(this, offset);
    case 5: return readUInt40BE(this, offset);
    case 6: return readUInt48BE(this, offset);
  }
  boundsError(byteLength, 6, 'byteLength');
}

// Sign extension of an unsigned value of `bits` bits.
function signed(v, bits) {
  const half = 2 ** (bits - 1);
  return v >= half ? v - 2 * half : v;
}

function readIntLE(offset, byteLength) {
  if (offset === undefined) throw new ERR_INVALID_ARG_TYPE('offset', 'number', offset);
  switch (byteLength) {
    case 1: return readInt8At(this, offset);
    case 2: return readInt16LEAt(this, offset);
    case 3: return signed(readUInt24LE(this, offset), 24);
    case 4: return readInt32LEAt(this, offset);
    case 5: return signed(readUInt40LE(this, offset), 40);
    case 6: return signed(readUInt48LE(this, offset), 48);
  }
  boundsError(byteLength, 6, 'byteLength');
}

function readIntBE(offset, byteLength) {
  if (offset === undefined) throw new ERR_INVALID_ARG_TYPE('offset', 'number', offset);
  switch (byteLength) {
    case 1: return readInt8At(this, offset);
    case 2: return readInt16BEAt(this, offset);
    case 3: return signed(readUInt24BE(this, offset), 24);
    case 4: return readInt32BEAt(this, offset);
    case 5: return signed(readUInt40BE(this, offset), 40);
    case 6: return signed(readUInt48BE(this, offset), 48);
  }
  boundsError(byteLength, 6, 'byteLength');
}

// 64-bit integers as BigInt from two 32-bit halves.
function readBigUInt64LE(offset = 0) {
  validateNumber(offset, 'offset');
  const a = this[offset], h = this[offset + 7];
  if (a === undefined || h === undefined) boundsError(offset, this.length - 8);
  const lo = a + this[offset + 1] * 0x100 + this[offset + 2] * 0x10000 + this[offset + 3] * 0x1000000;
  const hi = this[offset + 4] + this[offset + 5] * 0x100 + this[offset + 6] * 0x10000 + h * 0x1000000;
  return BigInt(lo) + (BigInt(hi) << 32n);
}

function readBigUInt64BE(offset = 0) {
  validateNumber(offset, 'offset');
  const a = this[offset], h = this[offset + 7];
  if (a === undefined || h === undefined) boundsError(offset, this.length - 8);
  const hi = a * 0x1000000 + this[offset + 1] * 0x10000 + this[offset + 2] * 0x100 + this[offset + 3];
  const lo = this[offset + 4] * 0x1000000 + this[offset + 5] * 0x10000 + this[offset + 6] * 0x100 + h;
  return (BigInt(hi) << 32n) + BigInt(lo);
}

function readBigInt64LE(offset = 0) {
  validateNumber(offset, 'offset');
  const a = this[offset], h = this[offset + 7];
  if (a === undefined || h === undefined) boundsError(offset, this.length - 8);
  const lo = a + this[offset + 1] * 0x100 + this[offset + 2] * 0x10000 + this[offset + 3] * 0x1000000;
  const hi = this[offset + 4] | (this[offset + 5] << 8) | (this[offset + 6] << 16) | (h << 24);
  return (BigInt(hi) << 32n) + BigInt(lo);
}

function readBigInt64BE(offset = 0) {
  validateNumber(offset, 'offset');
  const a = this[offset], h = this[offset + 7];
  if (a === undefined || h === undefined) boundsError(offset, this.length - 8);
  const hi = (a << 24) | (this[offset + 1] << 16) | (this[offset + 2] << 8) | this[offset + 3];
  const lo = this[offset + 4] * 0x1000000 + this[offset + 5] * 0x10000 + this[offset + 6] * 0x100 + h;
  return (BigInt(hi) << 32n) + BigInt(lo);
}

// Floats go through one shared scratch buffer viewed as bytes.
const f32 = new Float32Array(1);
const f64 = new Float64Array(1);
const f32b = new Uint8Array(f32.buffer);
const f64b = new Uint8Array(f64.buffer);
const littleEndianHost = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function readFloat(buf, offset, le) {
  validateNumber(offset, 'offset');
  const a = buf[offset], d = buf[offset + 3];
  if (a === undefined || d === undefined) boundsError(offset, buf.length - 4);
  if (le === littleEndianHost) {
    f32b[0] = a; f32b[1] = buf[offset + 1]; f32b[2] = buf[offset + 2]; f32b[3] = d;
  } else {
    f32b[3] = a; f32b[2] = buf[offset + 1]; f32b[1] = buf[offset + 2]; f32b[0] = d;
  }
  return f32[0];
}

function readDouble(buf, offset, le) {
  validateNumber(offset, 'offset');
  const a = buf[offset], h = buf[offset + 7];
  if (a === undefined || h === undefined) boundsError(offset, buf.length - 8);
  if (le === littleEndianHost) {
    for (let i = 0; i < 8; i++) f64b[i] = buf[offset + i];
  } else {
    for (let i = 0; i < 8; i++) f64b[7 - i] = buf[offset + i];
  }
  return f64[0];
}

function readFloatLE(offset = 0) { return readFloat(this, offset, true); }
function readFloatBE(offset = 0) { return readFloat(this, offset, false); }
function readDoubleLE(offset = 0) { return readDouble(this, offset, true); }
function readDoubleBE(offset = 0) { return readDouble(this, offset, false); }

// ---------------------------------------------------------------------------------------------------
// Writes. Each returns the offset after the bytes written.

function writeU8(buf, value, offset, min, max) {
  value = +value;
  validateNumber(offset, 'offset');
  if (value > max || value < min) throw new ERR_OUT_OF_RANGE('value', `>= ${min} and <= ${max}`, value);
  if (buf[offset] === undefined) boundsError(offset, buf.length - 1);
  buf[offset] = value;
  return offset + 1;
}

function writeUInt8(value, offset = 0) { return writeU8(this, value, offset, 0, 0xff); }
function writeInt8(value, offset = 0) { return writeU8(this, value, offset, -0x80, 0x7f); }

// Writes the low `bytes` bytes of `value` little-endian, as Node does: the low 32 bits are
// ToUint32(value) (so fractions truncate and negatives wrap), the bytes above them come from
// floor(value / 2^32).
function putLE(buf, value, offset, bytes) {
  let u = value >>> 0;
  const n = bytes < 4 ? bytes : 4;
  for (let i = 0; i < n; i++) {
    buf[offset + i] = u;
    u >>>= 8;
  }
  if (bytes > 4) {
    const hi = MathFloor(value * 2 ** -32);
    buf[offset + 4] = hi;
    if (bytes > 5) buf[offset + 5] = hi >>> 8;
  }
  return offset + bytes;
}

function putBE(buf, value, offset, bytes) {
  let u = value >>> 0;
  const end = offset + bytes;
  const n = bytes < 4 ? bytes : 4;
  for (let i = 1; i <= n; i++) {
    buf[end - i] = u;
    u >>>= 8;
  }
  if (bytes > 4) {
    const hi = MathFloor(value * 2 ** -32);
    buf[end - 5] = hi;
    if (bytes > 5) buf[end - 6] = hi >>> 8;
  }
  return end;
}

function writeInt(buf, value, offset, bytes, min, max, le) {
  value = +value;
  checkInt(value, min, max, buf, offset, bytes - 1);
  return le ? putLE(buf, value, offset, bytes) : putBE(buf, value, offset, bytes);
}

function writeUInt16LE(value, offset = 0) { return writeInt(this, value, offset, 2, 0, 0xffff, true); }
function writeUInt16BE(value, offset = 0) { return writeInt(this, value, offset, 2, 0, 0xffff, false); }
function writeInt16LE(value, offset = 0) { return writeInt(this, value, offset, 2, -0x8000, 0x7fff, true); }
function writeInt16BE(value, offset = 0) { return writeInt(this, value, offset, 2, -0x8000, 0x7fff, false); }
function writeUInt32LE(value, offset = 0) { return writeInt(this, value, offset, 4, 0, 0xffffffff, true); }
function writeUInt32BE(value, offset = 0) { return writeInt(this, value, offset, 4, 0, 0xffffffff, false); }
function writeInt32LE(value, offset = 0) {
  return writeInt(this, value, offset, 4, -0x80000000, 0x7fffffff, true);
}
function writeInt32BE(value, offset = 0) {
  return writeInt(this, value, offset, 4, -0x80000000, 0x7fffffff, false);
}

function writeUIntVar(buf, value, offset, byteLength, le) {
  switch (byteLength) {
    case 1: return writeU8(buf, value, offset, 0, 0xff);
    case 2: case 3: case 4: case 5: case 6: {
      const bits = byteLength * 8;
      return writeInt(buf, value, offset, byteLength, 0, 2 ** bits - 1, le);
    }
  }
  boundsError(byteLength, 6, 'byteLength');
}

function writeIntVar(buf, value, offset, byteLength, le) {
  switch (byteLength) {
    case 1: return writeU8(buf, value, offset, -0x80, 0x7f);
    case 2: case 3: case 4: case 5: case 6: {
      const half = 2 ** (byteLength * 8 - 1);
      return writeInt(buf, value, offset, byteLength, -half, half - 1, le);
    }
  }
  boundsError(byteLength, 6, 'byteLength');
}

function writeUIntLE(value, offset, byteLength) { return writeUIntVar(this, value, offset, byteLength, true); }
function writeUIntBE(value, offset, byteLength) { return writeUIntVar(this, value, offset, byteLength, false); }
function writeIntLE(value, offset, byteLength) { return writeIntVar(this, value, offset, byteLength, true); }
function writeIntBE(value, offset, byteLength) { return writeIntVar(this, value, offset, byteLength, false); }

function writeBig64(buf, value, offset, min, max, le) {
  checkInt(value, min, max, buf, offset, 7);
  // Mixing a Number value with BigInts throws the TypeError Node throws here.
  const lo = Number(value & 0xffffffffn);
  const hi = Number((value >> 32n) & 0xffffffffn);
  if (le) {
    putLE(buf, lo, offset, 4);
    putLE(buf, hi, offset + 4, 4);
  } else {
    putBE(buf, hi, offset, 4);
    putBE(buf, lo, offset + 4, 4);
  }
  return offset + 8;
}

const U64_MAX = 0xffffffffffffffffn;
const I64_MIN = -(2n ** 63n);
const I64_MAX = 2n ** 63n - 1n;
function writeBigUInt64LE(value, offset = 0) { return writeBig64(this, value, offset, 0n, U64_MAX, true); }
function writeBigUInt64BE(value, offset = 0) { return writeBig64(this, value, offset, 0n, U64_MAX, false); }
function writeBigInt64LE(value, offset = 0) { return writeBig64(this, value, offset, I64_MIN, I64_MAX, true); }
function writeBigInt64BE(value, offset = 0) { return writeBig64(this, value, offset, I64_MIN, I64_MAX, false); }

function writeFloat(buf, value, offset, le) {
  value = +value;
  checkBounds(buf, offset, 3);
  f32[0] = value;
  if (le === littleEndianHost) {
    buf[offset] = f32b[0]; buf[offset + 1] = f32b[1]; buf[offset + 2] = f32b[2]; buf[offset + 3] = f32b[3];
  } else {
    buf[offset] = f32b[3]; buf[offset + 1] = f32b[2]; buf[offset + 2] = f32b[1]; buf[offset + 3] = f32b[0];
  }
  return offset + 4;
}

function writeDouble(buf, value, offset, le) {
  value = +value;
  checkBounds(buf, offset, 7);
  f64[0] = value;
  if (le === littleEndianHost) {
    for (let i = 0; i < 8; i++) buf[offset + i] = f64b[i];
  } else {
    for (let i = 0; i < 8; i++) buf[offset + i] = f64b[7 - i];
  }
  return offset + 8;
}

function writeFloatLE(value, offset = 0) { return writeFloat(this, value, offset, true); }
function writeFloatBE(value, offset = 0) { return writeFloat(this, value, offset, false); }
function writeDoubleLE(value, offset = 0) { return writeDouble(this, value, offset, true); }
function writeDoubleBE(value, offset = 0) { return writeDouble(this, value, offset, false); }

// The number methods and their Uint aliases, in Node's order, for Buffer.prototype.
function addNumberMethods(proto) {
  const methods = {
    readBigUInt64LE, readBigUInt64BE, readBigUint64LE: readBigUInt64LE, readBigUint64BE: readBigUInt64BE,
    readBigInt64LE, readBigInt64BE,
    writeBigUInt64LE, writeBigUInt64BE, writeBigUint64LE: writeBigUInt64LE, writeBigUint64BE: writeBigUInt64BE,
    writeBigInt64LE, writeBigInt64BE,
    readUIntLE, readUInt32LE, readUInt16LE, readUInt8, readUIntBE, readUInt32BE, readUInt16BE,
    readUintLE: readUIntLE, readUint32LE: readUInt32LE, readUint16LE: readUInt16LE, readUint8: readUInt8,
    readUintBE: readUIntBE, readUint32BE: readUInt32BE, readUint16BE: readUInt16BE,
    readIntLE, readInt32LE, readInt16LE, readInt8, readIntBE, readInt32BE, readInt16BE,
    writeUIntLE, writeUInt32LE, writeUInt16LE, writeUInt8, writeUIntBE, writeUInt32BE, writeUInt16BE,
    writeUintLE: writeUIntLE, writeUint32LE: writeUInt32LE, writeUint16LE: writeUInt16LE,
    writeUint8: writeUInt8, writeUintBE: writeUIntBE, writeUint32BE: writeUInt32BE,
    writeUint16BE: writeUInt16BE,
    writeIntLE, writeInt32LE, writeInt16LE, writeInt8, writeIntBE, writeInt32BE, writeInt16BE,
    readFloatLE, readFloatBE, readDoubleLE, readDoubleBE,
    writeFloatLE, writeFloatBE, writeDoubleLE, writeDoubleBE,
  };
  for (const name in methods) proto[name] = methods[name];
}

module.exports = {
  FastBuffer,
  addNumberMethods,
  validateInteger,
  validateNumber,
};
