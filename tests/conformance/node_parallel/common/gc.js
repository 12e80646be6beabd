// DX-JS stand-in for test/common/gc (see index.js): wait for the garbage collector.
'use strict';

const { setImmediate: immediate } = require('timers');

function nextImmediate() {
  return new Promise((resolve) => immediate(resolve));
}

function collect() {
  if (typeof globalThis.gc !== 'function') {
    throw new Error('common/gc needs a gc() global (--expose-gc)');
  }
  globalThis.gc();
}

// Runs gc() until condition() holds, at most `tries` times with a turn of the event loop between runs.
async function gcUntil(name, condition, tries = 10) {
  for (let i = 0; i < tries; i++) {
    await nextImmediate();
    collect();
    await nextImmediate();
    if (await condition()) return;
  }
  throw new Error(`gcUntil: "${name}" still false after ${tries} collections`);
}

// Calls listener.ongc() once target has been collected.
function onGC(target, listener) {
  const registry = new FinalizationRegistry(() => listener.ongc());
  registry.register(target, undefined);
  // The registry has to outlive the target for its callback to run.
  onGC.registries.add(registry);
}
onGC.registries = new Set();

module.exports = { gcUntil, onGC };
