'use strict';
// The measuring loop the bench/core scripts share: one warm-up run, then `reps` timed runs; prints
// `<name>\t<median ms>`, the line bench/core/run.sh reads. Not a benchmark itself (run.sh skips it).
function measure(name, fn, reps = 5) {
  fn();
  const times = [];
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  console.log(`${name}\t${times[times.length >> 1].toFixed(1)}`);
}

// Runs every function of `cases` with measure(), named by its key.
function measureAll(cases, reps) {
  for (const [name, fn] of Object.entries(cases)) measure(name, fn, reps);
}

module.exports = { measure, measureAll };
