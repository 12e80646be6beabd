// DX-JS stand-in for test/common/child_process (see index.js): run a child synchronously and check
// its exit status, signal and output, printing what the child did when the check fails.
'use strict';

const assert = require('assert');
const util = require('util');

function describeChild(child, args) {
  return [
    `command: ${util.inspect(args)}`,
    `status: ${child.status}, signal: ${child.signal}`,
    `--- stdout ---\n${child.stdout}`,
    `--- stderr ---\n${child.stderr}`,
    child.error ? `--- error ---\n${child.error.stack}` : '',
  ].join('\n');
}

function checkOutput(actual, expected, what, trim) {
  if (expected === undefined) return;
  const text = trim ? actual.trim() : actual;
  if (typeof expected === 'string') {
    assert.strictEqual(text, expected, `${what} differs`);
  } else if (expected instanceof RegExp) {
    assert.match(text, expected, `${what} does not match`);
  } else if (typeof expected === 'function') {
    assert.strictEqual(expected(text), true, `${what} check returned false`);
  } else {
    throw new TypeError(`expectations.${what} must be a string, RegExp or function`);
  }
}

function splitArgs(args) {
  // (command[, args][, options], expectations)
  const expectations = args[args.length - 1];
  const rest = args.slice(0, -1);
  return { rest, expectations };
}

function spawnSyncAndExit(...all) {
  const { spawnSync } = require('child_process');
  const { rest, expectations } = splitArgs(all);
  const child = spawnSync(...rest);
  const stdout = child.stdout === null ? '' : child.stdout.toString();
  const stderr = child.stderr === null ? '' : child.stderr.toString();
  try {
    if (expectations.status !== undefined) assert.strictEqual(child.status, expectations.status, 'exit status');
    if (expectations.signal !== undefined) assert.strictEqual(child.signal, expectations.signal, 'signal');
    checkOutput(stdout, expectations.stdout, 'stdout', expectations.trim);
    checkOutput(stderr, expectations.stderr, 'stderr', expectations.trim);
  } catch (err) {
    process.stderr.write(describeChild({ ...child, stdout, stderr }, rest) + '\n');
    throw err;
  }
  return { child, stdout, stderr };
}

function spawnSyncAndExitWithoutError(...args) {
  return spawnSyncAndExit(...args, { status: 0, signal: null });
}

function spawnSyncAndAssert(...all) {
  const { rest, expectations } = splitArgs(all);
  return spawnSyncAndExit(...rest, { status: 0, signal: null, ...expectations });
}

module.exports = {
  spawnSyncAndAssert,
  spawnSyncAndExit,
  spawnSyncAndExitWithoutError,
};
