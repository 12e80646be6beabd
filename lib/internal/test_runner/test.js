'use strict';
// The tests of node:test: Test (a `test()`/`it()` or `t.test()`), Suite (`describe()`), TestHook
// (before/after/beforeEach/afterEach) and the contexts their functions receive.
//
// Life of a test: created (options validated, filters decided), started (run now if its parent has a
// free concurrency slot, else queued), run (before hooks, beforeEach hooks, the function racing its
// timeout and signal, then its unfinished subtests and its plan, afterEach and after hooks), then
// postRun (unfinished subtests cancelled; failed subtests fail it). Results are reported in the order
// the tests were started, each once its parent may report (its turn among its siblings has come), so
// output is in declaration order even when tests run concurrently.

const {
  ArrayIsArray,
  ArrayPrototypeIncludes,
  ArrayPrototypePush,
  ArrayPrototypeShift,
  ArrayPrototypeSlice,
  ArrayPrototypeSome,
  ArrayPrototypeSplice,
  ArrayPrototypeUnshift,
  FunctionPrototypeCall,
  MathMax,
  Number,
  NumberIsInteger,
  ObjectDefineProperty,
  ObjectFreeze,
  Promise,
  PromisePrototypeThen,
  PromiseResolve,
  ReflectApply,
  RegExpPrototypeExec,
  SafeMap,
  SafeSet,
  StringPrototypeTrim,
  Symbol,
} = primordials;

const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_OUT_OF_RANGE,
    ERR_TEST_FAILURE,
  },
  AbortError,
} = require('internal/errors');
const { isPromise } = require('internal/assert/types');
const { getCallerLocation } = require('internal/assert/source');
const {
  createAbortController,
  createDeferredCallback,
  hrtime,
  withResolvers,
} = require('internal/test_runner/utils');

const kCallbackAndPromisePresent = 'callbackAndPromisePresent';
const kCancelledByParent = 'cancelledByParent';
const kAborted = 'testAborted';
const kParentAlreadyFinished = 'parentAlreadyFinished';
const kSubtestsFailed = 'subtestsFailed';
const kTestCodeFailure = 'testCodeFailure';
const kTestTimeoutFailure = 'testTimeoutFailure';
const kHookFailure = 'hookFailed';
const kTimeoutMax = 2 ** 31 - 1;
const kHookNames = ['before', 'after', 'beforeEach', 'afterEach'];
// A function that does nothing, with no name (as Function.prototype, which Node uses for it).
const noop = ObjectDefineProperty(function() {}, 'name', { __proto__: null, value: '' });
const kEmptyObject = ObjectFreeze({ __proto__: null });

// Set by the harness: which test code is running synchronously right now, so that a global `test()`
// or hook called from inside a test or suite function attaches to it.
const context = {
  __proto__: null,
  stack: [],
  running: new SafeSet(), // tests whose function or hooks are running (for uncaught errors)
  building: [],           // suites whose (async) function has not finished
  current() {
    const { stack } = context;
    return stack.length > 0 ? stack[stack.length - 1] : undefined;
  },
};

function runInContext(test, fn, thisArg, args) {
  ArrayPrototypePush(context.stack, test);
  try {
    return ReflectApply(fn, thisArg, args);
  } finally {
    context.stack.length--;
  }
}

function isTestFailureError(err) {
  return err?.code === 'ERR_TEST_FAILURE' && 'failureType' in err;
}

function validateNumber(value, name, min, max) {
  if (typeof value !== 'number') throw new ERR_INVALID_ARG_TYPE(name, 'number', value);
  if (value < min || value > max || value !== value) {
    throw new ERR_OUT_OF_RANGE(name, `>= ${min} && <= ${max}`, value);
  }
}

function validateUint32(value, name, positive = false) {
  if (typeof value !== 'number') throw new ERR_INVALID_ARG_TYPE(name, 'number', value);
  if (!NumberIsInteger(value)) throw new ERR_OUT_OF_RANGE(name, 'an integer', value);
  const min = positive ? 1 : 0;
  if (value < min || value > 4294967295) throw new ERR_OUT_OF_RANGE(name, `>= ${min} && <= 4294967295`, value);
}

function validateFunction(value, name) {
  if (typeof value !== 'function') throw new ERR_INVALID_ARG_TYPE(name, 'Function', value);
}

function validateObject(value, name) {
  if (value === null || typeof value !== 'object' || ArrayIsArray(value)) {
    throw new ERR_INVALID_ARG_TYPE(name, 'Object', value);
  }
}

function validateAbortSignal(signal, name) {
  if (signal !== undefined && (signal === null || typeof signal !== 'object' || !('aborted' in signal))) {
    throw new ERR_INVALID_ARG_TYPE(name, 'AbortSignal', signal);
  }
}

// Promise.race over promises of our own, without the user-patchable iteration and `then` lookups.
function safeRace(promises) {
  return new Promise((resolve, reject) => {
    for (let i = 0; i < promises.length; i++) PromisePrototypeThen(PromiseResolve(promises[i]), resolve, reject);
  });
}

function safeAll(promises) {
  return new Promise((resolve, reject) => {
    let left = promises.length;
    if (left === 0) return resolve();
    for (let i = 0; i < promises.length; i++) {
      PromisePrototypeThen(PromiseResolve(promises[i]), () => {
        if (--left === 0) resolve();
      }, reject);
    }
  });
}

function runOnce(fn) {
  let called = false;
  let result;
  return function(...args) {
    if (called) return result;
    called = true;
    result = ReflectApply(fn, this, args);
    return result;
  };
}

// Resolves when `signal` aborts; with a timeout, rejects with the timeout failure first. The timer
// keeps the process alive, so that a test waiting on nothing else still times out (Node keeps the
// process alive from its exit handler instead, to the same effect).
function stopTest(timeout, signal) {
  const deferred = withResolvers();
  const onAbort = () => deferred.resolve();
  if (signal.aborted) deferred.resolve();
  else signal.addEventListener('abort', onAbort);
  let timer;
  let promise = deferred.promise;
  if (timeout !== null) {
    timer = setTimeout(deferred.resolve, timeout);
    promise = PromisePrototypeThen(deferred.promise, () => {
      throw new ERR_TEST_FAILURE(`test timed out after ${timeout}ms`, kTestTimeoutFailure);
    });
  }
  promise.dispose = () => {
    signal.removeEventListener('abort', onAbort);
    if (timer !== undefined) clearTimeout(timer);
  };
  return promise;
}

function testMatchesPattern(test, patterns) {
  const byNameOrParent = ArrayPrototypeSome(patterns, (re) => RegExpPrototypeExec(re, test.name) !== null) ||
    (test.parent !== null && testMatchesPattern(test.parent, patterns));
  if (byNameOrParent) return true;
  const withAncestors = StringPrototypeTrim(test.getTestNameWithAncestors());
  return ArrayPrototypeSome(patterns, (re) => RegExpPrototypeExec(re, withAncestors) !== null);
}

class TestPlan {
  #waitIndefinitely = false;
  #planPromise = null;
  #timeoutId = null;

  constructor(count, options = kEmptyObject) {
    validateUint32(count, 'count');
    validateObject(options, 'options');
    this.expected = count;
    this.actual = 0;
    const { wait } = options;
    if (typeof wait === 'boolean') {
      this.wait = wait;
      this.#waitIndefinitely = wait;
    } else if (typeof wait === 'number') {
      validateNumber(wait, 'options.wait', 0, kTimeoutMax);
      this.wait = wait;
    } else if (wait !== undefined) {
      throw new ERR_INVALID_ARG_TYPE('options.wait', ['boolean', 'number'], wait);
    }
  }

  check() {
    if (this.actual === this.expected) {
      if (this.#timeoutId !== null) {
        clearTimeout(this.#timeoutId);
        this.#timeoutId = null;
      }
      if (this.#planPromise !== null) {
        this.#planPromise.resolve();
        this.#planPromise = null;
      }
      return undefined;
    }
    if (this.wait === undefined || this.wait === false) {
      throw new ERR_TEST_FAILURE(`plan expected ${this.expected} assertions but received ${this.actual}`,
                                 kTestCodeFailure);
    }
    if (this.#planPromise === null) {
      this.#planPromise = withResolvers();
      if (!this.#waitIndefinitely) {
        const { reject } = this.#planPromise;
        this.#timeoutId = setTimeout(() => {
          reject(new ERR_TEST_FAILURE(
            `plan timed out after ${this.wait}ms with ${this.actual} assertions when expecting ${this.expected}`,
            kTestTimeoutFailure));
        }, this.wait);
      }
    }
    return this.#planPromise.promise;
  }

  count() {
    this.actual++;
    if (this.#planPromise !== null) this.check();
  }
}

let assertMap;
// The assertions t.assert offers (node:assert's, plus any registered with test.assert.register()).
function getAssertionMap() {
  if (assertMap === undefined) {
    assertMap = new SafeMap();
    const assert = require('assert');
    const names = ['deepEqual', 'deepStrictEqual', 'doesNotMatch', 'doesNotReject', 'doesNotThrow', 'equal',
      'fail', 'ifError', 'match', 'notDeepEqual', 'notDeepStrictEqual', 'notEqual', 'notStrictEqual',
      'partialDeepStrictEqual', 'rejects', 'strictEqual', 'throws'];
    for (let i = 0; i < names.length; i++) assertMap.set(names[i], assert[names[i]]);
  }
  return assertMap;
}

function registerAssertion(name, fn) {
  if (typeof name !== 'string') throw new ERR_INVALID_ARG_TYPE('name', 'string', name);
  validateFunction(fn, 'fn');
  getAssertionMap().set(name, fn);
}

function getFullName(test) {
  if (test === test.root) return test.name;
  let fullName = test.name;
  for (let t = test.parent; t !== t.root; t = t.parent) fullName = `${t.name} > ${fullName}`;
  return fullName;
}

class TestContext {
  #assert;
  #test;

  constructor(test) {
    this.#test = test;
  }

  get signal() {
    return this.#test.signal;
  }

  get name() {
    return this.#test.name;
  }

  get filePath() {
    return this.#test.entryFile;
  }

  get fullName() {
    return getFullName(this.#test);
  }

  get error() {
    return this.#test.error;
  }

  get passed() {
    return this.#test.passed;
  }

  get attempt() {
    return 0;
  }

  diagnostic(message) {
    this.#test.diagnostic(message);
  }

  plan(count, options = kEmptyObject) {
    if (this.#test.plan !== null) {
      throw new ERR_TEST_FAILURE('cannot set plan more than once', kTestCodeFailure);
    }
    this.#test.plan = new TestPlan(count, options);
  }

  get assert() {
    if (this.#assert === undefined) {
      const { plan } = this.#test;
      const assert = { __proto__: null };
      getAssertionMap().forEach((method, name) => {
        assert[name] = (...args) => {
          if (plan !== null) plan.count();
          return ReflectApply(method, this, args);
        };
      });
      if (!getAssertionMap().has('ok')) {
        // Its own function, so that the falsy-value message quotes this call (`t.assert.ok(x)`).
        const { innerOk } = require('internal/assert/utils');
        assert.ok = function ok(...args) {
          if (plan !== null) plan.count();
          innerOk(ok, args.length, ...args);
        };
      }
      this.#assert = assert;
    }
    return this.#assert;
  }

  // Mocks made here are restored when the test ends.
  get mock() {
    if (this.#test.mock === null) {
      const { MockTracker } = require('internal/test_runner/mock');
      this.#test.mock = new MockTracker();
    }
    return this.#test.mock;
  }

  runOnly(value) {
    this.#test.runOnlySubtests = !!value;
  }

  skip(message) {
    this.#test.skip(message);
  }

  todo(message) {
    this.#test.todo(message);
  }

  test(name, options, fn) {
    const overrides = { __proto__: null, loc: getCallerLocation(TestContext.prototype.test) };
    const { plan } = this.#test;
    if (plan !== null) plan.count();
    const subtest = this.#test.createSubtest(Test, name, options, fn, overrides);
    return subtest.start();
  }

  before(fn, options) {
    this.#test.createHook('before', fn, {
      __proto__: null, ...options, parent: this.#test, hookType: 'before',
      loc: getCallerLocation(TestContext.prototype.before),
    });
  }

  after(fn, options) {
    this.#test.createHook('after', fn, {
      __proto__: null, ...options, parent: this.#test, hookType: 'after',
      loc: getCallerLocation(TestContext.prototype.after),
    });
  }

  beforeEach(fn, options) {
    this.#test.createHook('beforeEach', fn, {
      __proto__: null, ...options, parent: this.#test, hookType: 'beforeEach',
      loc: getCallerLocation(TestContext.prototype.beforeEach),
    });
  }

  afterEach(fn, options) {
    this.#test.createHook('afterEach', fn, {
      __proto__: null, ...options, parent: this.#test, hookType: 'afterEach',
      loc: getCallerLocation(TestContext.prototype.afterEach),
    });
  }

  waitFor(condition, options = kEmptyObject) {
    validateFunction(condition, 'condition');
    validateObject(options, 'options');
    const { interval = 50, timeout = 1000 } = options;
    validateNumber(interval, 'options.interval', 0, kTimeoutMax);
    validateNumber(timeout, 'options.timeout', 0, kTimeoutMax);
    const { promise, resolve, reject } = withResolvers();
    const noError = Symbol('noError');
    let cause = noError;
    let pollerId;
    let timeoutId;
    const done = (err, result) => {
      clearTimeout(pollerId);
      clearTimeout(timeoutId);
      if (err === noError) resolve(result);
      else reject(err);
    };
    timeoutId = setTimeout(() => {
      const err = new Error('waitFor() timed out');
      if (cause !== noError) err.cause = cause;
      done(err);
    }, timeout);
    const poller = async () => {
      try {
        done(noError, await condition());
      } catch (err) {
        cause = err;
        pollerId = setTimeout(poller, interval);
      }
    };
    poller();
    return promise;
  }
}

class SuiteContext {
  #suite;

  constructor(suite) {
    this.#suite = suite;
  }

  get signal() {
    return this.#suite.signal;
  }

  get name() {
    return this.#suite.name;
  }

  get filePath() {
    return this.#suite.entryFile;
  }

  get fullName() {
    return getFullName(this.#suite);
  }

  get passed() {
    return this.#suite.passed;
  }

  get attempt() {
    return 0;
  }

  diagnostic(message) {
    this.#suite.diagnostic(message);
  }
}

class Test {
  reportedType = 'test';
  #reportedSubtest = false;
  #ctx;

  constructor(options) {
    let { fn, name, parent } = options;
    const { concurrency, entryFile, loc, only, timeout, todo, skip, signal, plan } = options;

    if (typeof fn !== 'function') fn = noop;
    if (typeof name !== 'string' || name === '') name = fn.name || '<anonymous>';
    if (!(parent instanceof Test)) parent = null;

    this.name = name;
    this.parent = parent;
    this.testNumber = 0;
    this.outputSubtestCount = 0;
    this.diagnostics = [];
    this.filtered = false;
    this.filteredByName = false;
    this.hasOnlyTests = false;

    if (parent === null) {
      this.root = this;
      this.harness = options.harness;
      this.config = this.harness.config;
      this.concurrency = 1;
      this.nesting = 0;
      this.only = this.config.only;
      this.runOnlySubtests = this.only;
      this.childNumber = 0;
      this.timeout = null;
      this.entryFile = entryFile;
    } else {
      const { config, isFilteringByName, isFilteringByOnly } = parent.root.harness;
      this.root = parent.root;
      this.harness = null;
      this.config = config;
      this.concurrency = parent.concurrency;
      this.nesting = parent.parent === null ? parent.nesting : parent.nesting + 1;
      this.only = only;
      this.runOnlySubtests = false;
      this.childNumber = parent.subtests.length + 1;
      this.timeout = parent.timeout;
      this.entryFile = parent.entryFile;

      if (isFilteringByName) {
        this.filteredByName = this.willBeFilteredByName();
        if (!this.filteredByName) {
          for (let t = this.parent; t !== null && t.filteredByName; t = t.parent) t.filteredByName = false;
        }
      }
      if (isFilteringByOnly) {
        if (this.only) {
          // A suite with `only` tests runs just those; one without runs all of its tests.
          this.parent.runOnlySubtests = true;
          if (this.parent === this.root || this.parent.startTime === null) {
            for (let t = this.parent; t !== null && !t.hasOnlyTests; t = t.parent) t.hasOnlyTests = true;
          }
        } else if (this.only === false) {
          fn = noop;
        }
      } else if (only || this.parent.runOnlySubtests) {
        this.diagnostic("'only' and 'runOnly' require the --test-only command-line option.");
      }
    }

    switch (typeof concurrency) {
      case 'number':
        validateUint32(concurrency, 'options.concurrency', true);
        this.concurrency = concurrency;
        break;
      case 'boolean':
        if (concurrency) this.concurrency = parent === null ? MathMax(availableParallelism() - 1, 1) : Infinity;
        else this.concurrency = 1;
        break;
      default:
        if (concurrency != null) throw new ERR_INVALID_ARG_TYPE('options.concurrency', ['boolean', 'number'], concurrency);
    }

    if (timeout != null && timeout !== Infinity) {
      validateNumber(timeout, 'options.timeout', 0, kTimeoutMax);
      this.timeout = timeout;
    } else if (timeout == null) {
      const cliTimeout = this.config.timeout;
      if (cliTimeout != null && cliTimeout !== Infinity) this.timeout = cliTimeout;
    }

    if (skip) fn = noop;

    validateAbortSignal(signal, 'options.signal');
    this.abortController = createAbortController();
    this.outerSignal = signal;
    this.signal = this.abortController.signal;
    this.outerSignal?.addEventListener('abort', this.#abortHandler);

    this.fn = fn;
    this.mock = null;
    this.plan = null;
    this.expectedAssertions = plan;
    this.cancelled = false;
    this.skipped = skip !== undefined && skip !== false;
    this.isTodo = (todo !== undefined && todo !== false) || this.parent?.isTodo === true;
    this.startTime = null;
    this.endTime = null;
    this.passed = false;
    this.error = null;
    this.message = typeof skip === 'string' ? skip : typeof todo === 'string' ? todo : null;
    this.activeSubtests = 0;
    this.pendingSubtests = [];
    this.readySubtests = new SafeMap();
    this.unfinishedSubtests = new SafeSet();
    this.subtestsPromise = null;
    this.subtests = [];
    this.nextReportOrder = 1;
    this.reportOrder = 0;
    this.waitingOn = 0;
    this.finished = false;
    this.hooks = { __proto__: null, before: [], after: [], beforeEach: [], afterEach: [], ownAfterEachCount: 0 };
    this.loc = loc === undefined ? undefined : { __proto__: null, line: loc.line, column: loc.column, file: loc.file };
  }

  applyFilters() {
    if (this.error) return; // errors are never filtered out
    if (this.filteredByName) {
      this.filtered = true;
      return;
    }
    if (this.root.harness.isFilteringByOnly && !this.only && !this.hasOnlyTests) {
      if (this.parent.runOnlySubtests || this.parent.hasOnlyTests || this.only === false) this.filtered = true;
    }
  }

  willBeFilteredByName() {
    const { testNamePatterns } = this.config;
    return testNamePatterns !== null && !testMatchesPattern(this, testNamePatterns);
  }

  // 'grandparent parent test', for name patterns that name a test by its ancestors.
  getTestNameWithAncestors() {
    if (!this.parent) return '';
    return `${this.parent.getTestNameWithAncestors()} ${this.name}`;
  }

  hasConcurrency() {
    return this.concurrency > this.activeSubtests;
  }

  assignReportOrder(subtest) {
    if (subtest.reportOrder === 0) subtest.reportOrder = this.nextReportOrder++;
  }

  async processPendingSubtests() {
    while (this.pendingSubtests.length > 0 && this.hasConcurrency()) {
      const deferred = ArrayPrototypeShift(this.pendingSubtests);
      this.assignReportOrder(deferred.test);
      await deferred.test.run();
      deferred.resolve();
    }
  }

  addReadySubtest(subtest) {
    this.assignReportOrder(subtest);
    this.readySubtests.set(subtest.reportOrder, subtest);
    if (this.unfinishedSubtests.delete(subtest) && this.unfinishedSubtests.size === 0) {
      this.subtestsPromise.resolve();
    }
  }

  // Reports the finished subtests whose turn has come, as far as this test may report.
  processReadySubtestRange(canSend) {
    const start = this.waitingOn;
    const end = start + this.readySubtests.size;
    for (let i = start; i < end; i++) {
      const subtest = this.readySubtests.get(i);
      if (subtest === undefined) return;
      canSend ||= this.isClearToSend();
      if (!canSend) return;
      subtest.finalize();
      this.readySubtests.delete(i);
    }
  }

  createSubtest(Factory, name, options, fn, overrides) {
    if (typeof name === 'function') {
      fn = name;
    } else if (name !== null && typeof name === 'object') {
      fn = options;
      options = name;
    } else if (typeof options === 'function') {
      fn = options;
    }
    if (options === null || typeof options !== 'object') options = kEmptyObject;

    let parent = this;
    // A test made after its parent finished goes to the root, where its failure can be reported.
    const tooLate = this.finished || this.buildPhaseFinished;
    if (tooLate) {
      while (parent.parent !== null) parent = parent.parent;
    }
    const test = new Factory({ __proto__: null, fn, name, parent, ...options, ...overrides });
    if (parent.waitingOn === 0) {
      parent.waitingOn = test.childNumber;
      parent.subtestsPromise = withResolvers();
    }
    if (tooLate) {
      test.fail(new ERR_TEST_FAILURE('test could not be started because its parent finished', kParentAlreadyFinished));
    }
    ArrayPrototypePush(parent.subtests, test);
    return test;
  }

  #abortHandler = () => {
    const error = this.outerSignal?.reason || new AbortError('The test was aborted');
    error.failureType = kAborted;
    this.#cancel(error);
  };

  #cancel(error) {
    if (this.endTime !== null || this.error !== null) return;
    this.fail(error ||
      new ERR_TEST_FAILURE('test did not finish before its parent and was cancelled', kCancelledByParent));
    this.cancelled = true;
    this.abortController.abort();
  }

  cancel(error) {
    this.#cancel(error);
  }

  computeInheritedHooks() {
    if (this.parent.hooks.beforeEach.length > 0) {
      const inherited = this.parent.hooks.beforeEach;
      for (let i = inherited.length - 1; i >= 0; i--) ArrayPrototypeUnshift(this.hooks.beforeEach, inherited[i]);
    }
    if (this.parent.hooks.afterEach.length > 0) {
      const inherited = this.parent.hooks.afterEach;
      for (let i = 0; i < inherited.length; i++) ArrayPrototypePush(this.hooks.afterEach, inherited[i]);
    }
  }

  createHook(name, fn, options) {
    if (!ArrayPrototypeIncludes(kHookNames, name)) {
      throw new ERR_INVALID_ARG_VALUE('hook name', name, "must be one of: 'before', 'after', 'beforeEach', 'afterEach'");
    }
    const hook = new TestHook(fn, options);
    if (name === 'before' || name === 'after') hook.run = runOnce(hook.run);
    if (name === 'before' && this.startTime !== null) {
      // The test is already running: run the hook now.
      PromisePrototypeThen(hook.run(this.getRunArgs()), () => {
        if (hook.error != null) this.fail(hook.error);
      });
    }
    if (name === 'afterEach') {
      // This test's own afterEach hooks run in order of creation, before those of its ancestors.
      ArrayPrototypeSplice(this.hooks[name], this.hooks.ownAfterEachCount, 0, hook);
      this.hooks.ownAfterEachCount++;
    } else {
      ArrayPrototypePush(this.hooks[name], hook);
    }
  }

  fail(err) {
    if (this.error !== null) return;
    this.passed = false;
    this.error = err;
  }

  pass() {
    if (this.error !== null) return;
    this.passed = true;
  }

  skip(message) {
    this.skipped = true;
    this.message = message;
  }

  todo(message) {
    this.isTodo = true;
    this.message = message;
  }

  diagnostic(message) {
    ArrayPrototypePush(this.diagnostics, message);
  }

  start() {
    this.applyFilters();
    if (this.filtered) {
      this.run = this.filteredRun;
    } else {
      this.testNumber = ++this.parent.outputSubtestCount;
    }
    this.parent.unfinishedSubtests.add(this);
    if (!this.parent.hasConcurrency()) {
      // Wait for a free slot.
      const deferred = withResolvers();
      deferred.test = this;
      ArrayPrototypePush(this.parent.pendingSubtests, deferred);
      return deferred.promise;
    }
    this.parent.assignReportOrder(this);
    return this.run();
  }

  shouldAbort() {
    if (this.signal.aborted || this.outerSignal?.aborted) {
      this.#abortHandler();
      return true;
    }
    return false;
  }

  getCtx() {
    this.#ctx ??= new TestContext(this);
    return this.#ctx;
  }

  getRunArgs() {
    const ctx = this.getCtx();
    return { __proto__: null, ctx, args: [ctx] };
  }

  async runHook(hook, args) {
    try {
      const hooks = this.hooks[hook];
      for (let i = 0; i < hooks.length; ++i) {
        const h = hooks[i];
        await h.run(args);
        if (h.error) throw h.error;
      }
    } catch (err) {
      const error = new ERR_TEST_FAILURE(`failed running ${hook} hook`, kHookFailure);
      error.cause = isTestFailureError(err) ? err.cause : err;
      throw error;
    }
  }

  async filteredRun() {
    this.pass();
    this.subtests = [];
    this.report = noop;
    queueMicrotask(() => this.postRun());
  }

  async run() {
    if (this.parent !== null) {
      this.parent.activeSubtests++;
      this.computeInheritedHooks();
    }
    this.startTime ??= hrtime();
    if (this.parent !== null) context.running.add(this);

    if (this.shouldAbort()) {
      this.postRun();
      return;
    }

    const hookArgs = this.getRunArgs();
    const { args, ctx } = hookArgs;
    if (this.plan === null && this.expectedAssertions) ctx.plan(this.expectedAssertions);
    const wasSkippedBeforeRun = this.skipped;
    const after = async () => {
      if (this.hooks.after.length > 0) await this.runHook('after', hookArgs);
    };
    const afterEach = runOnce(async () => {
      if (this.parent?.hooks.afterEach.length > 0 && !wasSkippedBeforeRun) {
        await this.parent.runHook('afterEach', hookArgs);
      }
    });

    let stopPromise;
    try {
      if (this.parent?.hooks.before.length > 0) {
        await this.parent.runHook('before', this.parent.getRunArgs());
      }
      if (this.parent?.hooks.beforeEach.length > 0 && !this.skipped) {
        await this.parent.runHook('beforeEach', hookArgs);
      }
      stopPromise = stopTest(this.timeout, this.signal);
      const runArgs = ArrayPrototypeSlice(args);
      const promises = [];
      if (this.fn.length === runArgs.length + 1) {
        // An error-first callback test: (t, done) => ...
        const { promise, cb } = createDeferredCallback();
        ArrayPrototypePush(runArgs, cb);
        const ret = runInContext(this, this.fn, ctx, runArgs);
        if (isPromise(ret)) {
          this.fail(new ERR_TEST_FAILURE('passed a callback but also returned a Promise', kCallbackAndPromisePresent));
          ArrayPrototypePush(promises, ret);
        } else {
          ArrayPrototypePush(promises, PromiseResolve(promise));
        }
      } else {
        const ret = runInContext(this, this.fn, ctx, runArgs);
        ArrayPrototypePush(promises, PromiseResolve(ret));
      }
      ArrayPrototypePush(promises, stopPromise);
      await safeRace(promises);
      this.shouldAbort();
      if (this.subtestsPromise !== null) await safeRace([this.subtestsPromise.promise, stopPromise]);
      if (this.plan !== null) {
        const planPromise = this.plan.check();
        if (planPromise) await safeRace([planPromise, stopPromise]);
      }
      this.pass();
      await afterEach();
      await after();
    } catch (err) {
      if (isTestFailureError(err)) {
        if (err.failureType === kTestTimeoutFailure) this.#cancel(err);
        else this.fail(err);
      } else {
        this.fail(new ERR_TEST_FAILURE(err, kTestCodeFailure));
      }
      try { await afterEach(); } catch { /* the test is failing already */ }
      try { await after(); } catch { /* the test is failing already */ }
    } finally {
      stopPromise?.dispose();
      // Hooks and the root keep their signal: hooks are shared between tests.
      if (this.parent !== null) this.abortController.abort();
    }

    if (this.parent !== null || typeof this.hookType === 'string') {
      this.postRun();
    }
    // The root reports when the process is about to exit (harness), to catch late activity.
  }

  postRun(pendingSubtestsError) {
    this.endTime ??= hrtime();
    this.startTime ??= this.endTime;
    context.running.delete(this);

    // Cancel what is still running; failed subtests fail this test.
    this.pendingSubtests = [];
    let failed = 0;
    for (let i = 0; i < this.subtests.length; i++) {
      const subtest = this.subtests[i];
      if (!subtest.finished) {
        subtest.#cancel(pendingSubtestsError);
        subtest.postRun(pendingSubtestsError);
      }
      if (!subtest.passed && !subtest.isTodo) failed++;
    }
    if ((this.passed || this.parent === null) && failed > 0) {
      this.fail(new ERR_TEST_FAILURE(`${failed} subtest${failed > 1 ? 's' : ''} failed`, kSubtestsFailed));
    }
    this.outerSignal?.removeEventListener('abort', this.#abortHandler);
    this.mock?.reset();

    if (this.parent !== null) {
      if (!this.filtered) this.parent.activeSubtests--;
      this.parent.addReadySubtest(this);
      this.parent.processReadySubtestRange(false);
      this.parent.processPendingSubtests();
    } else if (!this.reported) {
      this.reported = true;
      this.harness.reportRoot(this);
    }
  }

  isClearToSend() {
    return this.parent === null || (this.parent.waitingOn === this.reportOrder && this.parent.isClearToSend());
  }

  finalize() {
    // All subtests are done: report the ones not reported yet, then this test.
    this.processReadySubtestRange(true);
    this.report();
    this.parent.waitingOn++;
    this.finished = true;
    if (this.parent === this.root && this.root.waitingOn > this.root.subtests.length) {
      // Every top-level test is done: the root's own after() hooks run now.
      this.root.run();
    }
  }

  duration() {
    return Number(this.endTime - this.startTime) / 1_000_000;
  }

  report() {
    countCompletedTest(this);
    if (this.outputSubtestCount === 0) this.reportStarted();
    const reporter = this.root.harness.reporter;
    const details = { __proto__: null, duration_ms: this.duration(), type: this.reportedType };
    if (!this.passed) details.error = this.error;
    reporter.complete(this, this.passed, details);
    for (let i = 0; i < this.diagnostics.length; i++) reporter.diagnostic(this.nesting, this.diagnostics[i]);
  }

  reportStarted() {
    if (this.#reportedSubtest || this.parent === null) return;
    this.#reportedSubtest = true;
    this.parent.reportStarted();
    this.root.harness.reporter.start(this);
  }
}

function countCompletedTest(test) {
  const { harness } = test.root;
  const { counters } = harness;
  if (test.nesting === 0) counters.topLevel++;
  if (test.reportedType === 'suite') {
    counters.suites++;
    if (!test.passed && !test.isTodo) harness.success = false;
    return;
  }
  // Skipped and todo tests are never failures.
  if (test.skipped) {
    counters.skipped++;
  } else if (test.isTodo) {
    counters.todo++;
  } else if (test.cancelled) {
    counters.cancelled++;
    harness.success = false;
  } else if (!test.passed) {
    counters.failed++;
    harness.success = false;
  } else {
    counters.passed++;
  }
  counters.tests++;
}

function availableParallelism() {
  try {
    return require('os').availableParallelism();
  } catch {
    return 1;
  }
}

class TestHook extends Test {
  reportedType = 'hook';
  #args;

  constructor(fn, options) {
    const { hookType, loc, parent, timeout, signal } = options;
    super({ __proto__: null, fn, loc, timeout, signal, harness: parent.root.harness });
    this.parentTest = parent;
    this.hookType = hookType;
  }

  run(args) {
    if (this.error && !this.outerSignal?.aborted) {
      // A hook shared by several tests starts afresh for each.
      this.passed = false;
      this.error = null;
      this.abortController.abort();
      this.abortController = createAbortController();
      this.signal = this.abortController.signal;
    }
    this.#args = args;
    return super.run();
  }

  getCtx() {
    return this.parentTest.getCtx();
  }

  getRunArgs() {
    return this.#args;
  }

  willBeFilteredByName() {
    return false;
  }

  postRun() {
    context.running.delete(this);
    const { error, loc, parentTest: parent } = this;
    // A failing after() hook of the root has no test to fail: it is reported as a failure of its own.
    if (error && parent === parent.root && this.hookType === 'after') {
      if (isTestFailureError(error)) error.failureType = kHookFailure;
      this.endTime ??= hrtime();
      parent.harness.reportRootHookFailure(this, loc, error);
    }
  }
}

class Suite extends Test {
  reportedType = 'suite';

  constructor(options) {
    super(options);
    if (options.timeout == null) this.timeout = null;
    if (this.config.testNamePatterns !== null && !options.skip) {
      // With a name filter a suite's function runs even when the suite itself does not match.
      this.fn = options.fn || this.fn;
      this.skipped = false;
    }
    this.buildSuite = this.createBuild();
    this.fn = noop;
  }

  async createBuild() {
    const { ctx, args } = this.getRunArgs();
    let building = false;
    try {
      const ret = runInContext(this, this.fn, ctx, args);
      if (isPromise(ret)) {
        building = true;
        ArrayPrototypePush(context.building, this);
        await ret;
      }
    } catch (err) {
      this.fail(new ERR_TEST_FAILURE(err, kTestCodeFailure));
    } finally {
      if (building) {
        const list = context.building;
        for (let i = list.length - 1; i >= 0; i--) {
          if (list[i] === this) {
            ArrayPrototypeSplice(list, i, 1);
            break;
          }
        }
      }
    }
    this.buildPhaseFinished = true;
  }

  #testCtx;
  getCtx() {
    this.#testCtx ??= new TestContext(this);
    return this.#testCtx;
  }

  getRunArgs() {
    const ctx = new SuiteContext(this);
    return { __proto__: null, ctx, args: [ctx] };
  }

  async filteredRun() {
    await this.buildSuite;
    return super.filteredRun();
  }

  async run() {
    this.computeInheritedHooks();
    const hookArgs = this.getRunArgs();
    let stopPromise;
    const after = runOnce(() => this.runHook('after', hookArgs));
    try {
      this.parent.activeSubtests++;
      await this.buildSuite;
      this.startTime = hrtime();
      context.running.add(this);
      if (this.shouldAbort()) {
        this.subtests = [];
        this.postRun();
        return;
      }
      if (this.parent.hooks.before.length > 0) await this.parent.runHook('before', this.parent.getRunArgs());
      await this.runHook('before', hookArgs);
      stopPromise = stopTest(this.timeout, this.signal);
      const subtests = this.skipped || this.error ? [] : this.subtests;
      const started = [];
      for (let i = 0; i < subtests.length; i++) ArrayPrototypePush(started, subtests[i].start());
      await safeRace([safeAll(started), stopPromise]);
      await after();
      this.pass();
    } catch (err) {
      try { await after(); } catch { /* the suite is failing already */ }
      if (isTestFailureError(err)) this.fail(err);
      else this.fail(new ERR_TEST_FAILURE(err, kTestCodeFailure));
    } finally {
      stopPromise?.dispose();
    }
    this.postRun();
  }
}

module.exports = {
  context,
  getAssertionMap,
  getFullName,
  kCancelledByParent,
  kHookFailure,
  kSubtestsFailed,
  kTestCodeFailure,
  kTestTimeoutFailure,
  registerAssertion,
  runInContext,
  Suite,
  Test,
  TestContext,
  TestHook,
  SuiteContext,
};
