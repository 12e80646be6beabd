'use strict';
// Abstract operations shared by the WHATWG streams (https://streams.spec.whatwg.org/).
// Exports:
//   kState, kType, kInspect               internal-slot symbol, brand tag symbol, util.inspect.custom
//   Queue                                 ring queue with sizes (push/shift/peek/length/totalSize/reset)
//   enqueueValueWithSize, dequeueValue, peekQueueValue, resetQueue   spec ops on a container's queue
//   extractHighWaterMark, extractSizeAlgorithm, convertQueuingStrategy, defaultSizeAlgorithm
//   transferArrayBuffer, canTransferArrayBuffer, isDetachedBuffer, cloneAsUint8Array,
//   arrayBufferByteLength, isArrayBufferView, viewInfo helpers
//   createDeferred, promiseResolvedWith, promiseRejectedWith, uponPromise, uponFulfillment,
//   uponRejection, setPromiseHandled, invokePromiseCallback, resolvedUndefined, noop
//   getMember/convertCallback/convertEnforceRangeULL  WebIDL-style argument conversion
//   customInspect                          Node-style `Name { ... }` inspection
//   lazyDOMException, lazyAbortSignalCheck
// Promise reactions use the captured Promise.prototype.then (PromisePrototypeThen), so a program that
// patches Promise.prototype.then or Promise.resolve does not change what the streams do.

const {
  ArrayBuffer,
  ArrayBufferPrototypeGetByteLength,
  ArrayBufferPrototypeSlice,
  ArrayBufferPrototypeTransfer,
  ArrayBufferIsView,
  DataViewPrototypeGetBuffer,
  DataViewPrototypeGetByteLength,
  DataViewPrototypeGetByteOffset,
  MathFloor,
  MathMin,
  NumberIsNaN,
  ObjectAssign,
  ObjectSetPrototypeOf,
  Promise,
  PromisePrototypeThen,
  PromiseReject,
  PromiseResolve,
  ReflectApply,
  Symbol,
  SymbolFor,
  TypedArrayPrototypeGetBuffer,
  TypedArrayPrototypeGetByteLength,
  TypedArrayPrototypeGetByteOffset,
  TypedArrayPrototypeGetSymbolToStringTag,
  TypedArrayPrototypeSet,
  Uint8Array,
} = primordials;

const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE },
} = require('internal/errors');

const kState = Symbol('kState');
const kType = Symbol('kType');
const kInspect = SymbolFor('nodejs.util.inspect.custom');

function noop() {}

// ---- promises -----------------------------------------------------------------------------------

const resolvedUndefined = PromiseResolve(undefined);

class Deferred {
  constructor() {
    this.resolve = undefined;
    this.reject = undefined;
    this.promise = new Promise((res, rej) => { this.resolve = res; this.reject = rej; });
  }
}

function createDeferred() {
  return new Deferred();
}

// WebIDL's "a promise resolved with x" makes a new promise and resolves it with x: for a thenable x
// that takes two more promise jobs than PromiseResolve (which would return a promise x itself), and
// the stream algorithms' ordering depends on it.
function promiseResolvedWith(value) {
  if ((typeof value === 'object' && value !== null) || typeof value === 'function') {
    return new Promise((resolve) => { resolve(value); });
  }
  return PromiseResolve(value);
}

function promiseRejectedWith(reason) {
  return PromiseReject(reason);
}

function setPromiseHandled(promise) {
  PromisePrototypeThen(promise, undefined, noop);
}

// The reactions given to uponPromise never throw, so the derived promise never rejects and needs
// no handler (one `then` per reaction, not two).
function uponPromise(promise, onFulfilled, onRejected) {
  PromisePrototypeThen(promise, onFulfilled, onRejected);
}

// With no rejection handler the derived promise mirrors a rejection: it is marked handled.
function uponFulfillment(promise, onFulfilled) {
  setPromiseHandled(PromisePrototypeThen(promise, onFulfilled));
}

function uponRejection(promise, onRejected) {
  setPromiseHandled(PromisePrototypeThen(promise, undefined, onRejected));
}

// Calls fn (a converted callback or undefined) with `thisArg`, returning a promise as WebIDL's
// "invoke a callback function" with a Promise return type does: a throw becomes a rejection.
function invokePromiseCallback(fn, thisArg, arg) {
  if (fn === undefined) return resolvedUndefined;
  let result;
  try {
    result = ReflectApply(fn, thisArg, [arg]);
  } catch (err) {
    return PromiseReject(err);
  }
  return result === undefined ? resolvedUndefined : promiseResolvedWith(result);
}

function invokePromiseCallback0(fn, thisArg) {
  if (fn === undefined) return resolvedUndefined;
  let result;
  try {
    result = ReflectApply(fn, thisArg, []);
  } catch (err) {
    return PromiseReject(err);
  }
  return result === undefined ? resolvedUndefined : promiseResolvedWith(result);
}

function invokePromiseCallback2(fn, thisArg, arg1, arg2) {
  if (fn === undefined) return resolvedUndefined;
  let result;
  try {
    result = ReflectApply(fn, thisArg, [arg1, arg2]);
  } catch (err) {
    return PromiseReject(err);
  }
  return result === undefined ? resolvedUndefined : promiseResolvedWith(result);
}

// Internal records assign their fields with [[Set]]; a null prototype keeps accessors that a program
// defines on Object.prototype out of the way.
function nullProto(...classes) {
  for (let i = 0; i < classes.length; i++) ObjectSetPrototypeOf(classes[i].prototype, null);
}

// ---- queue with sizes ---------------------------------------------------------------------------

// A growable ring buffer of (value, size) pairs: O(1) push and shift without Array#shift's copying.
class Queue {
  constructor() {
    this.values = new Array(16);
    this.sizes = new Array(16);
    this.head = 0;
    this.length = 0;
    this.mask = 15;
    this.totalSize = 0;
  }

  push(value, size) {
    if (this.length > this.mask) this.grow();
    const i = (this.head + this.length) & this.mask;
    this.values[i] = value;
    this.sizes[i] = size;
    this.length++;
  }

  grow() {
    const cap = this.mask + 1;
    const values = new Array(cap * 2);
    const sizes = new Array(cap * 2);
    for (let k = 0; k < this.length; k++) {
      const j = (this.head + k) & this.mask;
      values[k] = this.values[j];
      sizes[k] = this.sizes[j];
    }
    this.values = values;
    this.sizes = sizes;
    this.head = 0;
    this.mask = cap * 2 - 1;
  }

  shift() {
    const i = this.head;
    const value = this.values[i];
    this.lastSize = this.sizes[i];
    this.values[i] = undefined;
    this.head = (i + 1) & this.mask;
    this.length--;
    return value;
  }

  peek() {
    return this.values[this.head];
  }

  peekSize() {
    return this.sizes[this.head];
  }

  at(k) {
    return this.values[(this.head + k) & this.mask];
  }

  reset() {
    if (this.length !== 0) {
      for (let k = 0; k < this.length; k++) this.values[(this.head + k) & this.mask] = undefined;
    }
    this.head = 0;
    this.length = 0;
    this.totalSize = 0;
  }
}

// `container` has `queue` (a Queue); queueTotalSize is queue.totalSize.
function enqueueValueWithSize(container, value, size) {
  if (typeof size !== 'number') size = +size;
  if (size < 0 || size !== size || size === Infinity) {
    throw new ERR_INVALID_ARG_VALUE.RangeError('size', size);
  }
  const q = container.queue;
  q.push(value, size);
  q.totalSize += size;
}

function dequeueValue(container) {
  const q = container.queue;
  const value = q.shift();
  q.totalSize -= q.lastSize;
  if (q.totalSize < 0) q.totalSize = 0;
  return value;
}

function peekQueueValue(container) {
  return container.queue.peek();
}

function resetQueue(container) {
  container.queue.reset();
}

// ---- strategies ---------------------------------------------------------------------------------

function defaultSizeAlgorithm() {
  return 1;
}

// Reads a QueuingStrategy dictionary in WebIDL order (highWaterMark, size). Returns
// [highWaterMark (undefined when absent), size (undefined when absent)].
function convertQueuingStrategy(strategy, name = 'strategy') {
  if (strategy === undefined || strategy === null) return [undefined, undefined];
  if (typeof strategy !== 'object' && typeof strategy !== 'function') {
    throw new ERR_INVALID_ARG_TYPE(name, 'Object', strategy);
  }
  let hwm = strategy.highWaterMark;
  if (hwm !== undefined) {
    hwm = +hwm;  // unrestricted double
  }
  const size = strategy.size;
  if (size !== undefined && typeof size !== 'function') {
    throw new ERR_INVALID_ARG_TYPE(`${name}.size`, 'Function', size);
  }
  return [hwm, size];
}

function extractHighWaterMark(hwm, defaultHWM, name = 'strategy') {
  if (hwm === undefined) return defaultHWM;
  if (NumberIsNaN(hwm) || hwm < 0) {
    throw new ERR_INVALID_ARG_VALUE.RangeError(`${name}.highWaterMark`, hwm);
  }
  return hwm;
}

function extractSizeAlgorithm(size) {
  if (size === undefined) return defaultSizeAlgorithm;
  return size;
}

// ---- buffers ------------------------------------------------------------------------------------

function arrayBufferByteLength(buffer) {
  return ArrayBufferPrototypeGetByteLength(buffer);
}

function isDetachedBuffer(buffer) {
  // A detached ArrayBuffer reports byteLength 0 and `detached`; JSC has the accessor.
  return buffer.detached === true;
}

function canTransferArrayBuffer(buffer) {
  // SharedArrayBuffers are not transferable (the brand check below throws for them).
  if (!isArrayBuffer(buffer)) return false;
  return !isDetachedBuffer(buffer);
}

function isArrayBuffer(value) {
  try {
    ArrayBufferPrototypeGetByteLength(value);
    return true;
  } catch {
    return false;
  }
}

function transferArrayBuffer(buffer) {
  return ArrayBufferPrototypeTransfer(buffer);
}

function isArrayBufferView(value) {
  return ArrayBufferIsView(value);
}

function isDataView(view) {
  return TypedArrayPrototypeGetSymbolToStringTag(view) === undefined;
}

// [buffer, byteOffset, byteLength] of an ArrayBufferView.
function viewBuffer(view) {
  return isDataView(view) ? DataViewPrototypeGetBuffer(view) : TypedArrayPrototypeGetBuffer(view);
}
function viewByteOffset(view) {
  return isDataView(view) ? DataViewPrototypeGetByteOffset(view) : TypedArrayPrototypeGetByteOffset(view);
}
function viewByteLength(view) {
  return isDataView(view) ? DataViewPrototypeGetByteLength(view) : TypedArrayPrototypeGetByteLength(view);
}

function cloneAsUint8Array(view) {
  const buffer = viewBuffer(view);
  const off = viewByteOffset(view);
  const len = viewByteLength(view);
  return new Uint8Array(ArrayBufferPrototypeSlice(buffer, off, off + len));
}

function copyDataBlockBytes(toBuffer, toIndex, fromBuffer, fromIndex, count) {
  TypedArrayPrototypeSet(new Uint8Array(toBuffer, toIndex, count), new Uint8Array(fromBuffer, fromIndex, count));
}

// ---- WebIDL-ish conversion ----------------------------------------------------------------------

// A dictionary argument: undefined/null mean an empty dictionary; other non-objects throw.
function checkDictionary(value, name) {
  if (value === undefined || value === null) return false;
  if (typeof value !== 'object' && typeof value !== 'function') {
    throw new ERR_INVALID_ARG_TYPE(name, 'Object', value);
  }
  return true;
}

function convertCallback(value, name) {
  if (value === undefined) return undefined;
  if (typeof value !== 'function') throw new ERR_INVALID_ARG_TYPE(name, 'Function', value);
  return value;
}

// [EnforceRange] unsigned long long.
function convertEnforceRangeULL(value, name) {
  let x = +value;
  if (x !== x || x === Infinity || x === -Infinity) {
    throw new ERR_INVALID_ARG_VALUE(name, value, 'must be an integer');
  }
  x = x < 0 ? -MathFloorAbs(x) : MathFloorAbs(x);
  if (x < 0 || x > 9007199254740991) {
    throw new ERR_INVALID_ARG_VALUE(name, value, 'is out of range');
  }
  return x === 0 ? 0 : x;
}

function MathFloorAbs(x) {
  return x < 0 ? MathFloor(-x) : MathFloor(x);
}

// ---- inspection ---------------------------------------------------------------------------------

let inspectFn;
// Below depth 0 Node's inspectors return their (undefined) `this`, so a nested stream past the depth
// limit prints as `undefined`; we do the same.
function customInspect(self, name, obj, depth, options) {
  if (depth < 0) return undefined;
  inspectFn ??= require('internal/util/inspect').inspect;
  const opts = ObjectAssign({}, options, {
    depth: options.depth === null ? null : options.depth - 1,
  });
  return `${name} ${inspectFn(obj, opts)}`;
}

let DOMExceptionCtor;
function newDOMException(message, name) {
  DOMExceptionCtor ??= require('internal/per_context/domexception').DOMException;
  return new DOMExceptionCtor(message, name);
}

nullProto(Deferred, Queue);

module.exports = {
  nullProto,
  kState,
  kType,
  kInspect,
  noop,
  Queue,
  Deferred,
  createDeferred,
  promiseResolvedWith,
  promiseRejectedWith,
  setPromiseHandled,
  uponPromise,
  uponFulfillment,
  uponRejection,
  invokePromiseCallback,
  invokePromiseCallback2,
  invokePromiseCallback0,
  resolvedUndefined,
  enqueueValueWithSize,
  dequeueValue,
  peekQueueValue,
  resetQueue,
  defaultSizeAlgorithm,
  convertQueuingStrategy,
  extractHighWaterMark,
  extractSizeAlgorithm,
  arrayBufferByteLength,
  isArrayBuffer,
  isDetachedBuffer,
  canTransferArrayBuffer,
  transferArrayBuffer,
  isArrayBufferView,
  isDataView,
  viewBuffer,
  viewByteOffset,
  viewByteLength,
  cloneAsUint8Array,
  copyDataBlockBytes,
  checkDictionary,
  convertCallback,
  convertEnforceRangeULL,
  customInspect,
  newDOMException,
  MathMin,
  ArrayBuffer,
  Uint8Array,
};
