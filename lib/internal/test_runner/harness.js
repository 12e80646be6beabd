'use strict';
// The root of a file's tests and the functions node:test exports. The root is made on the first
// test()/describe()/hook call; tests start once the file's top-level code has finished (and its
// suites are built); the summary is reported when the process has nothing left to do ('beforeExit'),
// and process.exitCode becomes 1 if anything failed.
//
// Node finds the test that runs the current code through async_hooks. dx has none, so a global
// test()/describe()/hook call belongs to the test or suite whose function is running synchronously,
// else to the suite whose async function is still being built, else to the root; an uncaught
// exception or unhandled rejection fails the most recently started test that is still running.

const {
  ArrayPrototypeForEach,
  ArrayPrototypePush,
  PromisePrototypeThen,
  PromiseResolve,
} = primordials;

const { codes: { ERR_TEST_FAILURE } } = require('internal/errors');
const { getCallerLocation } = require('internal/assert/source');
const { Reporter } = require('internal/test_runner/reporter');
const { context, kCancelledByParent, Suite, Test } = require('internal/test_runner/test');
const { hrtime, parseCommandLine, withResolvers } = require('internal/test_runner/utils');

let globalRoot;

function newCounters() {
  return { __proto__: null, tests: 0, failed: 0, passed: 0, cancelled: 0, skipped: 0, todo: 0, topLevel: 0, suites: 0 };
}

function createTestTree() {
  const config = parseCommandLine();
  const entryFile = process.argv?.[1];
  let write = null;
  if (config.reportFd === undefined) {
    write = (s) => {
      if (s !== '') process.stdout.write(s);
    };
  }
  const harness = {
    __proto__: null,
    config,
    counters: newCounters(),
    success: true,
    isFilteringByName: config.testNamePatterns !== null,
    // A file run on its own honours `only`; under `dx test` it takes --test-only, as in Node.
    isFilteringByOnly: config.isTestRunnerChild ? config.only : true,
    reporter: new Reporter({ write, fd: config.reportFd }),
    // Until the file's top-level code has run and its suites are built, top-level tests wait here.
    buildPhase: true,
    pendingStarts: [],
    // True while the code that made the root (the file's top level) runs synchronously.
    syncPhase: true,
    reportRoot,
    reportRootHookFailure(hook, loc, error) {
      harness.success = false;
      harness.reporter.hookFailure(hook, loc, error, hook.duration());
    },
  };
  const root = new Test({ __proto__: null, name: '<root>', harness, entryFile, loc: undefined });
  root.startTime = hrtime();
  globalRoot = root;
  setupProcessState(root);
  queueMicrotask(() => {
    harness.syncPhase = false;
  });
  queueMicrotask(startTests);
  return root;
}

async function startTests() {
  const root = globalRoot;
  const { harness } = root;
  // Suites build first: wait for every top-level suite's (possibly async) function.
  for (;;) {
    const building = [];
    for (let i = 0; i < root.subtests.length; i++) {
      const t = root.subtests[i];
      if (t instanceof Suite && !t.buildPhaseFinished) ArrayPrototypePush(building, t.buildSuite);
    }
    if (building.length === 0) break;
    for (let i = 0; i < building.length; i++) await building[i];
  }
  harness.buildPhase = false;
  const starts = harness.pendingStarts;
  harness.pendingStarts = [];
  for (let i = 0; i < starts.length; i++) {
    const { test, resolve, reject } = starts[i];
    PromisePrototypeThen(test.start(), resolve, reject);
  }
}

function reportRoot(root) {
  const { harness } = root;
  const { reporter, counters } = harness;
  for (let i = 0; i < root.diagnostics.length; i++) reporter.diagnostic(0, root.diagnostics[i]);
  const duration = root.duration();
  reporter.diagnostic(0, `tests ${counters.tests}`, undefined, true);
  reporter.diagnostic(0, `suites ${counters.suites}`, undefined, true);
  reporter.diagnostic(0, `pass ${counters.passed}`, undefined, true);
  reporter.diagnostic(0, `fail ${counters.failed}`, undefined, true);
  reporter.diagnostic(0, `cancelled ${counters.cancelled}`, undefined, true);
  reporter.diagnostic(0, `skipped ${counters.skipped}`, undefined, true);
  reporter.diagnostic(0, `todo ${counters.todo}`, undefined, true);
  reporter.diagnostic(0, `duration_ms ${duration}`, undefined, true);
  reporter.summary(counters, harness.success, duration);
  if (!harness.success) process.exitCode = 1;
}

// The running test an uncaught error belongs to: the most recently started one.
function findRunningTest() {
  let found;
  for (const t of context.running) found = t;
  return found;
}

function createProcessEventHandler(eventName, root) {
  return (err) => {
    const test = findRunningTest();
    if (test === undefined || test.finished || test.hookType !== undefined) {
      let msg;
      if (test !== undefined) {
        const name = test.hookType ? `Test hook "${test.hookType}"` : `Test "${test.name}"`;
        let locInfo = '';
        if (test.loc) {
          const { relative } = require('path');
          locInfo = ` at ${relative(process.cwd(), test.loc.file)}:${test.loc.line}:${test.loc.column}`;
        }
        msg = `Error: ${name}${locInfo} generated asynchronous activity after the test ended. This activity ` +
          `created the error "${err}" and would have caused the test to fail, but instead triggered an ` +
          `${eventName} event.`;
      } else {
        msg = 'Error: A resource generated asynchronous activity after the test ended. This activity created ' +
          `the error "${err}" which triggered an ${eventName} event, caught by the test runner.`;
      }
      root.diagnostic(msg);
      root.harness.success = false;
      process.exitCode = 1;
      return;
    }
    test.fail(new ERR_TEST_FAILURE(err, eventName));
    test.abortController.abort();
  };
}

function setupProcessState(root) {
  const exceptionHandler = createProcessEventHandler('uncaughtException', root);
  const rejectionHandler = createProcessEventHandler('unhandledRejection', root);

  const exitHandler = async () => {
    if (root.subtests.length === 0 && (root.hooks.before.length > 0 || root.hooks.after.length > 0)) {
      // No tests, but global hooks: they still run.
      await root.run();
    }
    process.removeListener('beforeExit', exitHandler);
    // Unlike Node 24, which waits forever here, tests still pending now can never finish: cancel them.
    root.postRun(new ERR_TEST_FAILURE(
      'Promise resolution is still pending but the event loop has already resolved', kCancelledByParent));
    process.removeListener('uncaughtException', exceptionHandler);
    process.removeListener('unhandledRejection', rejectionHandler);
  };

  process.on('uncaughtException', exceptionHandler);
  process.on('unhandledRejection', rejectionHandler);
  process.on('beforeExit', exitHandler);
}

function lazyBootstrapRoot() {
  return globalRoot ?? createTestTree();
}

// The test or suite that code running now belongs to.
function currentParent() {
  const current = context.current();
  if (current !== undefined) return current.hookType !== undefined ? current.parentTest : current;
  const root = lazyBootstrapRoot();
  // Code that runs after an `await` in a suite's function: the suite (a guess; see above).
  const building = context.building;
  if (building.length > 0 && !root.harness.syncPhase) return building[building.length - 1];
  return root;
}

function runInParentContext(Factory) {
  function run(name, options, fn, overrides) {
    lazyBootstrapRoot();
    const parent = currentParent();
    const subtest = parent.createSubtest(Factory, name, options, fn, overrides);
    if (parent instanceof Suite) return PromiseResolve();
    const { harness } = subtest.root;
    if (harness.buildPhase) {
      // Filters (`only`) are decided when a test starts, once every top-level test is known.
      const deferred = withResolvers();
      deferred.test = subtest;
      ArrayPrototypePush(harness.pendingStarts, deferred);
      return deferred.promise;
    }
    return subtest.start();
  }

  const test = (name, options, fn) => {
    const overrides = { __proto__: null, loc: getCallerLocation(test) };
    return run(name, options, fn, overrides);
  };
  ArrayPrototypeForEach(['skip', 'todo', 'only'], (keyword) => {
    const variant = (name, options, fn) => {
      const overrides = { __proto__: null, [keyword]: true, loc: getCallerLocation(variant) };
      return run(name, options, fn, overrides);
    };
    test[keyword] = variant;
  });
  return test;
}

function hook(hookType) {
  const fn = (hookFn, options) => {
    lazyBootstrapRoot();
    const parent = currentParent();
    parent.createHook(hookType, hookFn, {
      __proto__: null, ...options, parent, hookType, loc: getCallerLocation(fn),
    });
  };
  return fn;
}

function getTestContext() {
  const current = context.current();
  if (current === undefined) return undefined;
  return current.getCtx();
}

module.exports = {
  getTestContext,
  test: runInParentContext(Test),
  suite: runInParentContext(Suite),
  before: hook('before'),
  after: hook('after'),
  beforeEach: hook('beforeEach'),
  afterEach: hook('afterEach'),
};
