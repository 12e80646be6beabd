'use strict';
// Process-wide state shared by the bootstrap pieces (set once by internal/bootstrap/node).
module.exports = {
  tickInfo: null,          // Int32Array shared with C (runtime.h DX_TICK_*)
  exiting: false,          // process._exiting
  triggerUncaughtException: null,
};
