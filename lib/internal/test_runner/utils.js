'use strict';
// Small pieces of the test runner: options from the command line and the environment, time, the
// error-first callback of callback-style tests, and AbortController when the runtime has none yet.

const {
  ArrayPrototypeMap,
  ArrayPrototypePush,
  ArrayPrototypeSplice,
  FunctionPrototypeCall,
  NumberParseInt,
  Promise,
  ReflectApply,
  RegExp,
  RegExpPrototypeExec,
  StringPrototypeSlice,
  StringPrototypeSplit,
  StringPrototypeStartsWith,
} = primordials;

const { codes: { ERR_INVALID_ARG_VALUE, ERR_TEST_FAILURE } } = require('internal/errors');

const kMultipleCallbackInvocations = 'multipleCallbackInvocations';

function hrtime() {
  return process.hrtime.bigint();
}

function withResolvers() {
  let resolve;
  let reject;
  const promise = new Promise((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { __proto__: null, promise, resolve, reject };
}

// The `done` of a callback-style test, and the promise it settles.
function createDeferredCallback() {
  let calls = 0;
  const { promise, resolve, reject } = withResolvers();
  const cb = (err) => {
    calls++;
    if (calls > 1) {
      if (calls === 2) throw new ERR_TEST_FAILURE('callback invoked multiple times', kMultipleCallbackInvocations);
      return;
    }
    if (err) return reject(err);
    resolve();
  };
  return { __proto__: null, promise, cb };
}

// '/re/flags' or a plain pattern, as --test-name-pattern takes it.
const kRegExpPattern = /^\/(.*)\/([a-z]*)$/;
function convertStringToRegExp(str, name) {
  const match = RegExpPrototypeExec(kRegExpPattern, str);
  const pattern = match?.[1] ?? str;
  const flags = match?.[2] || '';
  try {
    return new RegExp(pattern, flags);
  } catch (err) {
    const msg = err?.message;
    throw new ERR_INVALID_ARG_VALUE(name, str, `is an invalid regular expression.${msg ? ` ${msg}` : ''}`);
  }
}

let options;
/**
 * The run's settings. `dx test` passes them to each file's process in the environment
 * (DX_TEST_REPORT_FD, DX_TEST_ONLY, DX_TEST_NAME_PATTERN with one pattern per line, DX_TEST_TIMEOUT);
 * Node's flags in process.execArgv (--test-only, --test-name-pattern=, --test-timeout=) work too.
 */
function parseCommandLine() {
  if (options !== undefined) return options;
  const env = process.env;
  const execArgv = process.execArgv || [];
  let only = env.DX_TEST_ONLY === '1';
  const patterns = [];
  let timeout = Infinity;
  for (let i = 0; i < execArgv.length; i++) {
    const arg = execArgv[i];
    if (arg === '--test-only') only = true;
    else if (StringPrototypeStartsWith(arg, '--test-name-pattern=')) ArrayPrototypePush(patterns, StringPrototypeSlice(arg, 20));
    else if (arg === '--test-name-pattern' && i + 1 < execArgv.length) ArrayPrototypePush(patterns, execArgv[++i]);
    else if (StringPrototypeStartsWith(arg, '--test-timeout=')) timeout = +StringPrototypeSlice(arg, 15) || Infinity;
  }
  if (env.DX_TEST_NAME_PATTERN) {
    const list = StringPrototypeSplit(env.DX_TEST_NAME_PATTERN, '\n');
    for (let i = 0; i < list.length; i++) if (list[i] !== '') ArrayPrototypePush(patterns, list[i]);
  }
  if (env.DX_TEST_TIMEOUT) timeout = +env.DX_TEST_TIMEOUT || Infinity;
  const reportFd = env.DX_TEST_REPORT_FD !== undefined && env.DX_TEST_REPORT_FD !== '' ?
    NumberParseInt(env.DX_TEST_REPORT_FD, 10) : undefined;
  const testNamePatterns = patterns.length > 0 ?
    ArrayPrototypeMap(patterns, (re) => convertStringToRegExp(re, '--test-name-pattern')) : null;
  options = {
    __proto__: null,
    // Under `dx test` (like `node --test`), `only` needs --test-only; a file run directly honours it.
    isTestRunnerChild: reportFd !== undefined,
    only,
    testNamePatterns,
    timeout,
    reportFd: reportFd >= 0 ? reportFd : undefined,
  };
  return options;
}

// AbortController for t.signal, used when the runtime has no global one.
class FallbackAbortSignal {
  #listeners = [];
  aborted = false;
  reason = undefined;
  onabort = null;
  addEventListener(type, listener) {
    if (type === 'abort' && typeof listener === 'function') ArrayPrototypePush(this.#listeners, listener);
  }
  removeEventListener(type, listener) {
    const list = this.#listeners;
    for (let i = 0; i < list.length; i++) {
      if (list[i] === listener) {
        ArrayPrototypeSplice(list, i, 1);
        return;
      }
    }
  }
  throwIfAborted() {
    if (this.aborted) throw this.reason;
  }
  _abort(reason) {
    if (this.aborted) return;
    this.aborted = true;
    this.reason = reason;
    const event = { type: 'abort', target: this };
    if (typeof this.onabort === 'function') FunctionPrototypeCall(this.onabort, this, event);
    const list = this.#listeners;
    this.#listeners = [];
    for (let i = 0; i < list.length; i++) ReflectApply(list[i], this, [event]);
  }
}

class FallbackAbortController {
  signal = new FallbackAbortSignal();
  abort(reason) {
    if (reason === undefined) {
      const { AbortError } = require('internal/errors');
      reason = new AbortError('This operation was aborted');
      reason.name = 'AbortError';
    }
    this.signal._abort(reason);
  }
}

function createAbortController() {
  const AC = globalThis.AbortController;
  return typeof AC === 'function' ? new AC() : new FallbackAbortController();
}

module.exports = {
  convertStringToRegExp,
  createAbortController,
  createDeferredCallback,
  hrtime,
  kMultipleCallbackInvocations,
  parseCommandLine,
  withResolvers,
};
