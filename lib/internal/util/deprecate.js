'use strict';
// util.deprecate: a wrapper that emits a DeprecationWarning (through process.emitWarning) the first
// time it is called, and at most once per deprecation code across all wrappers.

const {
  ObjectSetPrototypeOf,
  ReflectApply,
  ReflectConstruct,
  SafeSet,
} = primordials;
const { codes: { ERR_INVALID_ARG_TYPE } } = require('internal/errors');

const codesWarned = new SafeSet();

function deprecate(fn, msg, code) {
  if (code !== undefined && typeof code !== 'string') throw new ERR_INVALID_ARG_TYPE('code', 'string', code);
  let warned = false;
  function deprecated(...args) {
    if (!warned && !process.noDeprecation) {
      warned = true;
      if (code === undefined) {
        process.emitWarning(msg, 'DeprecationWarning', deprecated);
      } else if (!codesWarned.has(code)) {
        codesWarned.add(code);
        process.emitWarning(msg, 'DeprecationWarning', code, deprecated);
      }
    }
    if (new.target) return ReflectConstruct(fn, args, new.target);
    return ReflectApply(fn, this, args);
  }
  // The wrapper inherits from fn, and shares its prototype so instances of either are instanceof both.
  ObjectSetPrototypeOf(deprecated, fn);
  if (fn.prototype) deprecated.prototype = fn.prototype;
  return deprecated;
}

module.exports = { deprecate };
