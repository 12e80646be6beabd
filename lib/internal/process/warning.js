'use strict';
// process.emitWarning: a 'warning' event on the next tick, and Node's default printing to stderr.

const { ErrorCaptureStackTrace, ObjectDefineProperty } = primordials;
const { codes: { ERR_INVALID_ARG_TYPE } } = require('internal/errors');

const printedDeprecations = new Set();

function createWarning(warning, type, code, ctor, detail) {
  const w = new Error(warning);
  ObjectDefineProperty(w, 'name', { __proto__: null, value: type || 'Warning', writable: true, configurable: true, enumerable: false });
  if (code !== undefined) w.code = code;
  if (detail !== undefined) w.detail = detail;
  ErrorCaptureStackTrace(w, ctor || process.emitWarning);
  return w;
}

function emitWarning(warning, type, code, ctor) {
  let detail;
  if (type !== null && typeof type === 'object' && !Array.isArray(type)) {
    ctor = type.ctor;
    code = type.code;
    if (typeof type.detail === 'string') detail = type.detail;
    type = type.type || 'Warning';
  } else if (typeof type === 'function') {
    ctor = type;
    code = undefined;
    type = 'Warning';
  }
  if (type !== undefined && typeof type !== 'string') throw new ERR_INVALID_ARG_TYPE('type', 'string', type);
  if (typeof code === 'function') {
    ctor = code;
    code = undefined;
  } else if (code !== undefined && typeof code !== 'string') {
    throw new ERR_INVALID_ARG_TYPE('code', 'string', code);
  }
  if (typeof warning === 'string') {
    warning = createWarning(warning, type, code, ctor, detail);
  } else if (!(warning instanceof Error)) {
    throw new ERR_INVALID_ARG_TYPE('warning', ['Error', 'string'], warning);
  }
  if (warning.name === 'DeprecationWarning') {
    if (process.noDeprecation) return;
    // Thrown on the next tick, as Node does, so warnings emitted before it are still printed.
    if (process.throwDeprecation) {
      process.nextTick(() => { throw warning; });
      return;
    }
  }
  process.nextTick(() => {
    process.emit('warning', warning);
    if (process.noProcessWarnings) return;
    printWarning(warning);
  });
}

function printWarning(warning) {
  if (warning.name === 'DeprecationWarning' && warning.code !== undefined) {
    if (printedDeprecations.has(warning.code)) return;
    printedDeprecations.add(warning.code);
  }
  let text = `(node:${process.pid}) `;
  if (warning.code) text += `[${warning.code}] `;
  const trace = process.traceProcessWarnings || (warning.name === 'DeprecationWarning' && process.traceDeprecation);
  if (trace && warning.stack) text += require('internal/errors/stack').formatStack(warning);
  else text += `${warning.name}: ${warning.message}`;
  if (typeof warning.detail === 'string') text += `\n${warning.detail}`;
  internalBinding('fs').writeString(2, `${text}\n`);
}

module.exports = { emitWarning };
