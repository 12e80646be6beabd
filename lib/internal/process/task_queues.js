'use strict';
// process.nextTick's queue and queueMicrotask. The C runtime runs the queue (runTicks) at every
// checkpoint, before promise jobs, as Node's processTicksAndRejections does; `tickInfo` tells it
// without a call into JS whether there is anything to run.

const { ReflectApply, PromiseResolve, PromisePrototypeThen } = primordials;
const { codes: { ERR_INVALID_ARG_TYPE } } = require('internal/errors');
const state = require('internal/process/state');

const kHasTick = 0;
let queue = [];
let head = 0;

function nextTick(callback, ...args) {
  if (typeof callback !== 'function') throw new ERR_INVALID_ARG_TYPE('callback', 'Function', callback);
  if (state.exiting) return;
  queue.push({ callback, args });
  state.tickInfo[kHasTick] = 1;
}

function runTicks() {
  while (head < queue.length) {
    const tock = queue[head];
    queue[head++] = undefined;
    try {
      const { callback, args } = tock;
      if (args.length === 0) callback();
      else ReflectApply(callback, undefined, args);
    } catch (err) {
      state.triggerUncaughtException(err, false);
    }
    if (head > 4096 && head * 2 > queue.length) {
      queue = queue.slice(head);
      head = 0;
    }
  }
  queue = [];
  head = 0;
  state.tickInfo[kHasTick] = 0;
}

const resolved = PromiseResolve();
function queueMicrotask(callback) {
  if (typeof callback !== 'function') throw new ERR_INVALID_ARG_TYPE('callback', 'Function', callback);
  PromisePrototypeThen(resolved, () => {
    try {
      callback();
    } catch (err) {
      state.triggerUncaughtException(err, false);
    }
  });
}

module.exports = { nextTick, runTicks, queueMicrotask };
