// DX-JS stand-in for test/common/process-exit-code-cases (see index.js): small programs and the exit
// status each must end with. A test runs case i in a child process and compares the status.
// Cases written for this project; the worker variant (getTestCases(true)) is not provided.
'use strict';

function getTestCases(isWorker = false) {
  if (isWorker) {
    throw new TypeError('process-exit-code-cases: the worker_threads variant is not part of the stand-in');
  }
  return [
    { func: function ranToEnd() {}, result: 0 },
    { func: function exitCodeSet() { process.exitCode = 3; }, result: 3 },
    { func: function exitCalled() { process.exit(4); }, result: 4 },
    {
      func: function exitArgumentWins() {
        process.exitCode = 5;
        process.exit(6);
      },
      result: 6,
    },
    {
      func: function exitCalledWithoutArgumentKeepsExitCode() {
        process.exitCode = 11;
        process.exit();
      },
      result: 11,
    },
    {
      func: function exitCalledInExitListener() {
        process.on('exit', () => process.exit(7));
      },
      result: 7,
    },
    {
      func: function exitCodeSetInExitListener() {
        process.on('exit', (code) => { process.exitCode = code + 8; });
      },
      result: 8,
    },
    {
      func: function exitCodeSetInBeforeExit() {
        process.once('beforeExit', () => { process.exitCode = 9; });
      },
      result: 9,
    },
    {
      func: function uncaughtException() {
        throw new Error('uncaught');
      },
      result: 1,
    },
    {
      func: function handledUncaughtException() {
        process.on('uncaughtException', () => {});
        setTimeout(() => { throw new Error('handled'); }, 1);
      },
      result: 0,
    },
    {
      func: function throwInUncaughtExceptionHandler() {
        process.on('uncaughtException', () => { throw new Error('again'); });
        throw new Error('first');
      },
      result: 7,
    },
    {
      func: function unhandledRejection() {
        Promise.reject(new Error('rejected'));
      },
      result: 1,
    },
    {
      func: function exitCodeKeptAfterHandledException() {
        process.exitCode = 12;
        process.on('uncaughtException', () => {});
        throw new Error('handled');
      },
      result: 12,
    },
  ];
}

module.exports = { getTestCases };
