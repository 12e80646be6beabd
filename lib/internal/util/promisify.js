'use strict';
// util.promisify and util.callbackify. kCustomPromisifyArgsSymbol lets built-in modules (dns,
// child_process) name the several values their callbacks pass, so the promise resolves to an object.

const {
  ArrayPrototypePop,
  ArrayPrototypePush,
  ErrorCaptureStackTrace,
  FunctionPrototypeBind,
  ObjectDefineProperties,
  ObjectDefineProperty,
  ObjectGetOwnPropertyDescriptors,
  ObjectGetPrototypeOf,
  ObjectKeys,
  ObjectSetPrototypeOf,
  Promise,
  ReflectApply,
  ReflectOwnKeys,
  SymbolFor,
} = primordials;
const { codes: { ERR_FALSY_VALUE_REJECTION, ERR_INVALID_ARG_TYPE } } = require('internal/errors');

const kCustomPromisifiedSymbol = SymbolFor('nodejs.util.promisify.custom');
const kCustomPromisifyArgsSymbol = Symbol('customPromisifyArgs');

function validateFunction(value, name) {
  if (typeof value !== 'function') throw new ERR_INVALID_ARG_TYPE(name, 'Function', value);
}

let types;
function isThenablePromise(value) {
  types ??= require('internal/util/types');
  return types.isPromise(value);
}

// Copies all own property descriptors of `from` onto `to` (descriptors with null prototypes so a
// patched Object.prototype cannot add `get`/`set`).
function copyOwnProperties(to, from, edit) {
  const descriptors = ObjectGetOwnPropertyDescriptors(from);
  if (edit) edit(descriptors);
  const keys = ReflectOwnKeys(descriptors);
  for (let i = 0; i < keys.length; i++) ObjectSetPrototypeOf(descriptors[keys[i]], null);
  return ObjectDefineProperties(to, descriptors);
}

function promisify(original) {
  validateFunction(original, 'original');
  if (original[kCustomPromisifiedSymbol]) {
    const custom = original[kCustomPromisifiedSymbol];
    validateFunction(custom, 'util.promisify.custom');
    return ObjectDefineProperty(custom, kCustomPromisifiedSymbol, {
      __proto__: null, value: custom, enumerable: false, writable: false, configurable: true,
    });
  }
  const names = original[kCustomPromisifyArgsSymbol];
  function fn(...args) {
    return new Promise((resolve, reject) => {
      ArrayPrototypePush(args, (err, ...values) => {
        if (err) return reject(err);
        if (names !== undefined && values.length > 1) {
          const obj = {};
          for (let i = 0; i < names.length; i++) obj[names[i]] = values[i];
          resolve(obj);
        } else {
          resolve(values[0]);
        }
      });
      const result = ReflectApply(original, this, args);
      if (isThenablePromise(result)) {
        process.emitWarning('Calling promisify on a function that returns a Promise is likely a mistake.',
                            'DeprecationWarning', 'DEP0174');
      }
    });
  }
  ObjectSetPrototypeOf(fn, ObjectGetPrototypeOf(original));
  ObjectDefineProperty(fn, kCustomPromisifiedSymbol, {
    __proto__: null, value: fn, enumerable: false, writable: false, configurable: true,
  });
  return copyOwnProperties(fn, original);
}
promisify.custom = kCustomPromisifiedSymbol;

function onRejected(reason, cb) {
  if (!reason) {
    const err = new ERR_FALSY_VALUE_REJECTION(reason);
    ErrorCaptureStackTrace(err, onRejected);
    reason = err;
  }
  return cb(reason);
}

function callbackify(original) {
  validateFunction(original, 'original');
  function callbackified(...args) {
    const last = ArrayPrototypePop(args);
    validateFunction(last, 'last argument');
    const cb = FunctionPrototypeBind(last, this);
    // A thenable is enough, as in Node (which calls `.then` on whatever the function returned).
    ReflectApply(original, this, args).then((value) => process.nextTick(cb, null, value),
                                            (reason) => process.nextTick(onRejected, reason, cb));
  }
  return copyOwnProperties(callbackified, original, (d) => {
    if (typeof d.length?.value === 'number') d.length.value++;
    if (typeof d.name?.value === 'string') d.name.value += 'Callbackified';
  });
}

module.exports = { promisify, callbackify, kCustomPromisifiedSymbol, kCustomPromisifyArgsSymbol };
