'use strict';
// node:process is the process object itself (lib/internal/process/object.js), as in Node.
module.exports = globalThis.process;
