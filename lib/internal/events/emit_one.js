'use strict';
// A slot shared by node:events and the stream internals: node:events stores here, when it loads,
// emitOne(emitter, type, arg), which does what emitter.emit(type, arg) does for a type other than
// 'error', minus emit()'s rest array and generic dispatch (a stream emits 'data' once per chunk).

module.exports = { emitOne: undefined };
