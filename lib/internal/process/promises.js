'use strict';
// Unhandled promise rejections, Node's default mode (`--unhandled-rejections=throw`): JSC reports a
// rejected promise without a handler at the end of a microtask checkpoint; we queue it and decide
// once the nextTick queue is empty (a tick may still attach a handler): if it is still unhandled,
// 'unhandledRejection' listeners get it, and without listeners it becomes an uncaught exception.

const { ArrayPrototypePush, ErrorCaptureStackTrace } = primordials;
const { isPromiseHandled } = internalBinding('util');
const state = require('internal/process/state');

const kHasRejection = 1;
let pending = [];

function onUnhandledRejection(promise, reason) {
  ArrayPrototypePush(pending, { promise, reason });
  state.tickInfo[kHasRejection] = 1;
}

class UnhandledPromiseRejection extends Error {
  constructor(reason) {
    let text;
    try {
      text = require('internal/util/inspect').inspect(reason);
    } catch {
      text = String(reason);
    }
    super('This error originated either by throwing inside of an async function without a catch ' +
      'block, or by rejecting a promise which was not handled with .catch(). The promise rejected ' +
      `with the reason "${text}".`);
    this.code = 'ERR_UNHANDLED_REJECTION';
  }
}
Object.defineProperty(UnhandledPromiseRejection.prototype, 'name',
  { value: 'UnhandledPromiseRejection', writable: true, configurable: true });

function processRejections() {
  state.tickInfo[kHasRejection] = 0;
  const list = pending;
  pending = [];
  for (let i = 0; i < list.length; i++) {
    const { promise, reason } = list[i];
    if (isPromiseHandled(promise) === true) continue;
    if (process.emit('unhandledRejection', reason, promise)) continue;
    let err = reason;
    if (!(reason instanceof Error)) {
      err = new UnhandledPromiseRejection(reason);
      ErrorCaptureStackTrace(err, processRejections);
    }
    state.triggerUncaughtException(err, true);
  }
  return list.length > 0;
}

module.exports = { onUnhandledRejection, processRejections };
