'use strict';
// node:util — the parts that are complete today: inspect and format (with every option), types,
// isDeepStrictEqual, inherits and stripVTControlCharacters. The rest of the module (promisify,
// callbackify, deprecate, parseArgs, styleText, TextEncoder/TextDecoder, MIMEType...) comes with
// issue 5; docs/compatibility.md lists it.

const { ObjectDefineProperty, ObjectSetPrototypeOf } = primordials;
const {
  inspect, format, formatWithOptions, stripVTControlCharacters,
} = require('internal/util/inspect');
const { codes: { ERR_INVALID_ARG_TYPE } } = require('internal/errors');

let types;
let comparisons;

function inherits(ctor, superCtor) {
  if (ctor === undefined || ctor === null) throw new ERR_INVALID_ARG_TYPE('ctor', 'Function', ctor);
  if (superCtor === undefined || superCtor === null) throw new ERR_INVALID_ARG_TYPE('superCtor', 'Function', superCtor);
  if (superCtor.prototype === undefined) {
    throw new ERR_INVALID_ARG_TYPE('superCtor.prototype', 'Object', superCtor.prototype);
  }
  ObjectDefineProperty(ctor, 'super_', { __proto__: null, value: superCtor, writable: true, configurable: true });
  ObjectSetPrototypeOf(ctor.prototype, superCtor.prototype);
}

function isDeepStrictEqual(a, b) {
  comparisons ??= require('internal/assert/comparisons');
  return comparisons.isDeepStrictEqual(a, b);
}

module.exports = {
  inspect,
  format,
  formatWithOptions,
  stripVTControlCharacters,
  inherits,
  isDeepStrictEqual,
};
ObjectDefineProperty(module.exports, 'types', {
  __proto__: null, enumerable: true, configurable: true,
  get() { return (types ??= require('internal/util/types')); },
});
