'use strict';
// perf_hooks on generated inputs (fast-check, fixed seeds).
// 1. createHistogram(): min, max, mean, stddev, exceeds, percentile() and the percentiles map over
//    generated values must be exactly Node 24's, read from ${DX_GOLDEN_DIR or build/golden}/
//    perf_histogram.json (written by tests/js/tools/gen-perf_histogram-golden.js under Node 24),
//    and so must the analytical API of Node 24 (skewness, kurtosis, cdf, percentilesAt,
//    percentileCI, linear/log buckets, EWMA, recordCorrected, subtract, ksTest, welchTest,
//    mannWhitneyTest, cohensD, cliffsD). One exception: welchTest's confidence interval is compared
//    to a relative 1e-11, because Node's search for the Student t quantile stops short of full
//    double precision (about 1e-13 away) while ours bisects to the last bit; the t statistic,
//    degrees of freedom and p-value are exact.
// 1b. recordCorrected(v, i) equals recording v, v - i, v - 2i, ... one by one, and subtract()
//    undoes add().
// 2. A random set of marks and measures with explicit times: getEntries() is sorted by startTime,
//    stable (marks before measures at equal times, each in creation order), and the by-name and
//    by-type views are its filters.
const test = require('node:test');
const assert = require('node:assert');
const fc = require('fast-check');
const perfHooks = require('node:perf_hooks');
const gen = require('./tools/gen-perf_histogram-golden.js');

const { loadGolden } = require('./tools/golden.js');

const golden = loadGolden('perf_histogram.json');

test('histogram statistics match Node on generated values', { skip: golden ? false : 'no golden file' }, () => {
  const failures = [];
  for (let i = 0; i < golden.cases.length; i++) {
    const got = gen.runCase(perfHooks, golden.cases[i]);
    const want = golden.results[i];
    try {
      const [gotCI, wantCI] = [got, want].map((r) => r.extra.welch.map((w) => w.confidenceInterval));
      for (let k = 0; k < gotCI.length; k++) {
        for (const side of ['lower', 'upper']) {
          const a = gotCI[k][side];
          const b = wantCI[k][side];
          assert.ok(a === b || Math.abs(a - b) <= 1e-11 * Math.max(Math.abs(a), Math.abs(b)), `welch CI ${side}: ${a} vs ${b}`);
          gotCI[k][side] = b;
        }
      }
      assert.deepStrictEqual(got, want);
    } catch {
      failures.push(`case ${i} ${JSON.stringify(golden.cases[i])}:\n  expected ${JSON.stringify(golden.results[i])}\n  got      ${JSON.stringify(got)}`);
    }
  }
  assert.strictEqual(failures.length, 0, failures.slice(0, 3).join('\n'));
});

test('histogram: the percentiles map is increasing in both keys and values', () => {
  fc.assert(fc.property(fc.array(fc.integer({ min: 1, max: 2 ** 40 }), { minLength: 1, maxLength: 50 }), (values) => {
    const h = perfHooks.createHistogram();
    for (const v of values) h.record(v);
    const entries = [...h.percentiles];
    assert.strictEqual(entries[0][0], 0);
    assert.strictEqual(entries[entries.length - 1][0], 100);
    for (let i = 1; i < entries.length; i++) {
      assert.ok(entries[i][0] > entries[i - 1][0]);
      assert.ok(entries[i][1] >= entries[i - 1][1]);
    }
    assert.ok(h.min <= Math.min(...values));
    assert.ok(h.max >= Math.max(...values));
    assert.strictEqual(h.count, values.length);
  }), { seed: 7, numRuns: 100 });
});

// Every statistic that reads the buckets, to compare two histograms' contents.
function snapshot(h) {
  return {
    count: h.count, min: h.min, max: h.max, mean: h.mean, stddev: h.stddev, exceeds: h.exceeds,
    percentiles: [...h.percentiles], linear: [...h.linearBuckets(Math.max(1, Math.floor(h.max / 50)))],
  };
}

test('histogram: recordCorrected(v, i) records v, v - i, v - 2i ... down to i', () => {
  const sample = fc.record({ value: fc.integer({ min: 1, max: 2 ** 40 }), k: fc.integer({ min: 1, max: 300 }) });
  fc.assert(fc.property(fc.array(sample, { maxLength: 5 }), fc.integer({ min: 1, max: 3 }), (samples, figures) => {
    const corrected = perfHooks.createHistogram({ figures });
    const manual = perfHooks.createHistogram({ figures });
    for (const { value, k } of samples) {
      const interval = Math.max(1, Math.floor(value / k));
      corrected.recordCorrected(value, interval);
      manual.record(value);
      for (let v = value - interval; value > interval && v >= interval; v -= interval) manual.record(v);
    }
    assert.deepStrictEqual(snapshot(corrected), snapshot(manual));
  }), { seed: 21, numRuns: 60 });
});

test('histogram: subtract() undoes add()', () => {
  const values = fc.array(fc.integer({ min: 1, max: 2 ** 45 }), { maxLength: 40 });
  fc.assert(fc.property(values, values, (a, b) => {
    const h = perfHooks.createHistogram();
    const other = perfHooks.createHistogram();
    for (const v of a) h.record(v);
    for (const v of b) other.record(v);
    const before = snapshot(h);
    h.add(other);
    h.subtract(other);
    assert.deepStrictEqual(snapshot(h), before);
  }), { seed: 22, numRuns: 100 });
});

test('marks and measures: getEntries ordering and filters', () => {
  const { performance } = perfHooks;
  const op = fc.oneof(
    fc.record({ kind: fc.constant('mark'), name: fc.constantFrom('m1', 'm2', 'm3'), at: fc.integer({ min: 0, max: 20 }) }),
    fc.record({
      kind: fc.constant('measure'),
      name: fc.constantFrom('x', 'y'),
      start: fc.integer({ min: 0, max: 20 }),
      duration: fc.integer({ min: 0, max: 5 }),
    }),
  );
  fc.assert(fc.property(fc.array(op, { maxLength: 30 }), (ops) => {
    performance.clearMarks();
    performance.clearMeasures();
    const made = [];
    for (const o of ops) {
      if (o.kind === 'mark') made.push(performance.mark(o.name, { startTime: o.at }));
      else made.push(performance.measure(o.name, { start: o.start, duration: o.duration }));
    }
    const marks = made.filter((e) => e.entryType === 'mark');
    const measures = made.filter((e) => e.entryType === 'measure');
    const expected = [...marks, ...measures]
      .map((e, i) => [e, i])
      .sort((a, b) => a[0].startTime - b[0].startTime || a[1] - b[1])
      .map((p) => p[0]);
    const all = performance.getEntries();
    assert.strictEqual(all.length, expected.length);
    for (let i = 0; i < all.length; i++) assert.strictEqual(all[i], expected[i]);
    for (const name of ['m1', 'm2', 'm3', 'x', 'y']) {
      assert.deepStrictEqual(performance.getEntriesByName(name), all.filter((e) => e.name === name));
    }
    assert.deepStrictEqual(performance.getEntriesByType('mark'), all.filter((e) => e.entryType === 'mark'));
    assert.deepStrictEqual(performance.getEntriesByType('measure'), all.filter((e) => e.entryType === 'measure'));
    for (const m of measures) assert.strictEqual(m.duration, ops[made.indexOf(m)].duration);
  }), { seed: 11, numRuns: 100 });
  performance.clearMarks();
  performance.clearMeasures();
});
