'use strict';
// Sets up the Node environment in the global object: `process`, timers, queueMicrotask,
// structuredClone, console (lazily), and returns the hooks the C runtime drives (runtime.h dx_hooks).

const {
  ObjectDefineProperty, ObjectSetPrototypeOf, ObjectFreeze, ReflectApply, BigInt: BigIntCtor,
  NumberIsInteger, ArrayIsArray, StringPrototypeStartsWith,
} = primordials;

module.exports = function setup(tickInfo, options) {
  const state = require('internal/process/state');
  state.tickInfo = tickInfo;

  const process = require('internal/process/object').create(options);
  const uncaught = require('internal/process/uncaught');
  state.triggerUncaughtException = uncaught.triggerUncaughtException;

  const define = (name, value) => ObjectDefineProperty(globalThis, name,
    { __proto__: null, value, writable: true, configurable: true, enumerable: true });
  const defineLazy = (name, load, enumerable = true) => ObjectDefineProperty(globalThis, name, {
    __proto__: null,
    configurable: true,
    enumerable,
    get() {
      const value = load();
      ObjectDefineProperty(globalThis, name, { __proto__: null, value, writable: true, configurable: true, enumerable });
      return value;
    },
    set(value) {
      ObjectDefineProperty(globalThis, name, { __proto__: null, value, writable: true, configurable: true, enumerable });
    },
  });

  ObjectDefineProperty(globalThis, 'global', { __proto__: null, value: globalThis, writable: true, configurable: true, enumerable: true });
  ObjectDefineProperty(globalThis, 'process', { __proto__: null, value: process, writable: true, configurable: true, enumerable: false });

  const timers = require('internal/timers');
  define('setTimeout', timers.setTimeout);
  define('clearTimeout', timers.clearTimeout);
  define('setInterval', timers.setInterval);
  define('clearInterval', timers.clearInterval);
  define('setImmediate', timers.setImmediate);
  define('clearImmediate', timers.clearImmediate);

  const tasks = require('internal/process/task_queues');
  define('queueMicrotask', tasks.queueMicrotask);
  // structuredClone is a data property as in Node; its implementation loads on the first call.
  let cloneImpl;
  define('structuredClone', function structuredClone(value, options) {
    cloneImpl ??= require('internal/structured_clone').structuredClone;
    return ReflectApply(cloneImpl, this, arguments);
  });
  // A data property, as in Node (its descriptor is observable); loading it costs ~0.5 ms.
  ObjectDefineProperty(globalThis, 'DOMException', {
    __proto__: null, value: require('internal/per_context/domexception').DOMException,
    writable: true, configurable: true, enumerable: false,
  });
  defineLazy('console', () => require('console'), false);
  // What the compiler lowers `using` declarations to (lib/internal/using.js); hidden and fixed.
  let usingHelpers;
  ObjectDefineProperty(globalThis, '__dx_using', {
    __proto__: null, enumerable: false, configurable: false,
    get: () => (usingHelpers ??= require('internal/using')),
  });
  // WHATWG URL: non-enumerable as in Node; the module loads on first use.
  defineLazy('URL', () => require('internal/url').URL, false);
  defineLazy('URLSearchParams', () => require('internal/url').URLSearchParams, false);
  // node:buffer globals: Buffer, atob and btoa are enumerable in Node, Blob and File are not.
  defineLazy('Buffer', () => require('buffer').Buffer, false);
  defineLazy('atob', () => require('buffer').atob);
  defineLazy('btoa', () => require('buffer').btoa);
  defineLazy('Blob', () => require('internal/blob').Blob, false);
  defineLazy('File', () => require('internal/blob').File, false);
  defineLazy('TextEncoder', () => require('internal/encoding').TextEncoder, false);
  defineLazy('TextDecoder', () => require('internal/encoding').TextDecoder, false);
  for (const name of ['TextEncoderStream', 'TextDecoderStream']) {
    defineLazy(name, () => require('internal/webstreams/encoding')[name], false);
  }
  // Events, abort and performance: non-enumerable data properties as in Node, except `performance`
  // (an enumerable accessor in Node); each module loads on first use.
  for (const name of ['EventTarget', 'Event', 'CustomEvent']) {
    defineLazy(name, () => require('internal/event_target')[name], false);
  }
  for (const name of ['AbortController', 'AbortSignal']) {
    defineLazy(name, () => require('internal/abort_controller')[name], false);
  }
  // WHATWG streams: non-enumerable as in Node; node:stream/web loads on first use.
  for (const name of ['ReadableStream', 'ReadableStreamDefaultReader', 'ReadableStreamBYOBReader',
    'ReadableStreamBYOBRequest', 'ReadableByteStreamController', 'ReadableStreamDefaultController',
    'TransformStream', 'TransformStreamDefaultController', 'WritableStream', 'WritableStreamDefaultWriter',
    'WritableStreamDefaultController', 'ByteLengthQueuingStrategy', 'CountQueuingStrategy']) {
    defineLazy(name, () => require('stream/web')[name], false);
  }
  for (const name of ['PerformanceEntry', 'PerformanceMark', 'PerformanceMeasure', 'PerformanceObserver',
    'PerformanceObserverEntryList', 'PerformanceResourceTiming']) {
    defineLazy(name, () => require('perf_hooks')[name], false);
  }
  {
    let perf;
    ObjectDefineProperty(globalThis, 'performance', {
      __proto__: null,
      configurable: true,
      enumerable: true,
      get() { return perf ??= require('perf_hooks').performance; },
      set(value) {
        ObjectDefineProperty(globalThis, 'performance', { __proto__: null, value, writable: true, configurable: true, enumerable: true });
      },
    });
  }

  wrapAsyncWebAssembly();

  const promises = require('internal/process/promises');
  const modules = require('internal/modules/run_main');

  return {
    runTicks: tasks.runTicks,
    processRejections: promises.processRejections,
    onUnhandledRejection: promises.onUnhandledRejection,
    triggerUncaughtException: uncaught.triggerUncaughtException,
    processTimers: timers.processTimers,
    processImmediate: timers.processImmediate,
    emitBeforeExit() {
      if (!state.exiting) process.emit('beforeExit', process.exitCode ?? 0);
    },
    emitExit() {
      if (!state.exiting) {
        state.exiting = true;
        process._exiting = true;
        process.emit('exit', process.exitCode ?? 0);
      }
      return process.exitCode ?? 0;
    },
    runMain: modules.runMain,
    onSignal: require('internal/process/object').onSignal,
  };
};

// Async WebAssembly compilation finishes on JSC's run loop; while it is pending the program must stay
// alive, as in Node, so each pending operation holds a reference on the loop.
function wrapAsyncWebAssembly() {
  const WA = globalThis.WebAssembly;
  if (WA === undefined) return;
  const { wasmPending } = internalBinding('process');
  const { PromisePrototypeThen } = primordials;
  for (const name of ['compile', 'instantiate', 'compileStreaming', 'instantiateStreaming']) {
    const original = WA[name];
    if (typeof original !== 'function') continue;
    const wrapper = {
      [name](...args) {
        const p = ReflectApply(original, WA, args);
        wasmPending(1);
        // A new promise, so that the caller's promise stays unhandled if the caller ignores it.
        return new Promise((resolve, reject) => {
          PromisePrototypeThen(p, (v) => { wasmPending(-1); resolve(v); },
            (e) => { wasmPending(-1); reject(e); });
        });
      },
    }[name];
    ObjectDefineProperty(wrapper, 'length', { __proto__: null, value: original.length });
    ObjectDefineProperty(WA, name, { __proto__: null, value: wrapper, writable: true, configurable: true, enumerable: false });
  }
}
