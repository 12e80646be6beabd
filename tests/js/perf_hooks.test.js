'use strict';
// node:perf_hooks and the `performance` global. Every expectation is Node 24's behaviour; the file
// passes under real Node.
const test = require('node:test');
const assert = require('node:assert');
const util = require('node:util');
const perfHooks = require('node:perf_hooks');
const {
  performance, PerformanceEntry, PerformanceMark, PerformanceMeasure, PerformanceObserver,
  PerformanceObserverEntryList, PerformanceResourceTiming, createHistogram, monitorEventLoopDelay,
} = perfHooks;

function codeOf(fn) {
  try {
    fn();
  } catch (err) {
    return `${err.name} ${err.code}: ${err.message}`;
  }
  return 'no error';
}

function reset() {
  performance.clearMarks();
  performance.clearMeasures();
  performance.clearResourceTimings();
}

test('module shape and globals', () => {
  assert.deepStrictEqual(Object.keys(perfHooks), [
    'Performance', 'PerformanceEntry', 'PerformanceMark', 'PerformanceMeasure', 'PerformanceObserver',
    'PerformanceObserverEntryList', 'PerformanceResourceTiming', 'monitorEventLoopDelay',
    'eventLoopUtilization', 'timerify', 'createHistogram', 'performance', 'constants',
  ]);
  assert.strictEqual(globalThis.performance, performance);
  for (const name of ['PerformanceEntry', 'PerformanceMark', 'PerformanceMeasure', 'PerformanceObserver',
    'PerformanceObserverEntryList', 'PerformanceResourceTiming']) {
    assert.strictEqual(globalThis[name], perfHooks[name], name);
  }
  assert.ok(performance instanceof EventTarget);
  assert.strictEqual(perfHooks.eventLoopUtilization, performance.eventLoopUtilization);
  assert.strictEqual(perfHooks.timerify, performance.timerify);
  assert.strictEqual(perfHooks.constants.NODE_PERFORMANCE_GC_MAJOR, 4);
  assert.strictEqual(perfHooks.constants.NODE_PERFORMANCE_GC_FLAGS_FORCED, 4);
  assert.deepStrictEqual(Object.keys(Object.getPrototypeOf(performance)), [
    'clearMarks', 'clearMeasures', 'clearResourceTimings', 'getEntries', 'getEntriesByName',
    'getEntriesByType', 'mark', 'measure', 'now', 'setResourceTimingBufferSize', 'timeOrigin', 'toJSON',
    'onresourcetimingbufferfull',
  ]);
  assert.strictEqual(Object.prototype.toString.call(performance), '[object Performance]');
});

test('constructors that are not public throw ERR_ILLEGAL_CONSTRUCTOR', () => {
  for (const C of [perfHooks.Performance, PerformanceEntry, PerformanceMeasure, PerformanceObserverEntryList,
    PerformanceResourceTiming]) {
    assert.strictEqual(codeOf(() => new C()), 'TypeError ERR_ILLEGAL_CONSTRUCTOR: Illegal constructor', C.name);
  }
});

test('now() and timeOrigin', () => {
  const a = performance.now();
  const b = performance.now();
  assert.ok(b >= a);
  assert.ok(a > 0);
  const drift = Math.abs(performance.timeOrigin + performance.now() - Date.now());
  assert.ok(drift < 50, `timeOrigin + now() is ${drift} ms away from Date.now()`);
  assert.strictEqual(codeOf(() => performance.now.call({})),
    'TypeError ERR_INVALID_THIS: Value of "this" must be of type Performance');
});

test('mark(): entries, options, detail cloned', () => {
  reset();
  const detail = { x: [1, 2] };
  const m = performance.mark('a', { detail });
  assert.ok(m instanceof PerformanceMark);
  assert.ok(m instanceof PerformanceEntry);
  assert.strictEqual(m.name, 'a');
  assert.strictEqual(m.entryType, 'mark');
  assert.strictEqual(m.duration, 0);
  assert.deepStrictEqual(m.detail, detail);
  assert.notStrictEqual(m.detail, detail);
  const b = new PerformanceMark('b', { startTime: 5 });
  assert.strictEqual(b.startTime, 5);
  assert.strictEqual(b.detail, null);
  assert.strictEqual(new PerformanceMark('c', null).detail, null);
  assert.deepStrictEqual(b.toJSON(), { name: 'b', entryType: 'mark', startTime: 5, duration: 0, detail: null });
  assert.strictEqual(util.inspect(b),
    "PerformanceMark {\n  name: 'b',\n  entryType: 'mark',\n  startTime: 5,\n  duration: 0,\n  detail: null\n}");
  // new PerformanceMark does not add to the timeline; mark() does.
  assert.deepStrictEqual(performance.getEntriesByType('mark').map((e) => e.name), ['a']);
});

test('mark(): errors', () => {
  assert.strictEqual(codeOf(() => performance.mark()),
    'TypeError ERR_MISSING_ARGS: The "name" argument must be specified');
  assert.strictEqual(codeOf(() => new PerformanceMark()),
    'TypeError ERR_MISSING_ARGS: The "name" argument must be specified');
  assert.strictEqual(codeOf(() => performance.mark('x', 1)),
    'TypeError ERR_INVALID_ARG_TYPE: The "options" argument must be of type object. Received type number (1)');
  assert.strictEqual(codeOf(() => performance.mark('x', { startTime: -1 })),
    'TypeError ERR_PERFORMANCE_INVALID_TIMESTAMP: -1 is not a valid timestamp');
  assert.strictEqual(codeOf(() => performance.mark('x', { startTime: '1' })),
    'TypeError ERR_INVALID_ARG_TYPE: The "startTime" argument must be of type number. Received type string (\'1\')');
  assert.strictEqual(codeOf(() => performance.mark('nodeStart')),
    'TypeError ERR_INVALID_ARG_VALUE: The argument \'name\' is invalid. Received \'nodeStart\'');
});

test('measure(): start/end/duration forms', () => {
  reset();
  performance.mark('b', { startTime: 5 });
  performance.mark('e', { startTime: 12 });
  const forms = [
    [['m1', { start: 1, end: 3, detail: 'd' }], [1, 2, 'd']],
    [['m2', { start: 1, duration: 3 }], [1, 3, null]],
    [['m3', { duration: 3, end: 10 }], [7, 3, null]],
    [['m4', 'b', 'e'], [5, 7, null]],
    [['m5', 'b', 'b'], [5, 0, null]],
    [['m6', { start: 'b', end: 'e' }], [5, 7, null]],
    [['m7', { start: 'b' }], null],
    [['m8', undefined, 'e'], [0, 12, null]],
    [['m9', {}], null],
    [['m10', -1], null],
  ];
  for (const [args, want] of forms) {
    const m = performance.measure(...args);
    assert.ok(m instanceof PerformanceMeasure);
    assert.strictEqual(m.entryType, 'measure');
    if (want === null) {
      assert.strictEqual(typeof m.duration, 'number');
      continue;
    }
    assert.deepStrictEqual([m.startTime, m.duration, m.detail], want, args[0]);
  }
  const m7 = performance.getEntriesByName('m7')[0];
  assert.strictEqual(m7.startTime, 5);
  assert.strictEqual(performance.getEntriesByName('m9')[0].startTime, 0);
});

test('measure(): errors', () => {
  reset();
  assert.strictEqual(codeOf(() => performance.measure()),
    'TypeError ERR_MISSING_ARGS: The "name" argument must be specified');
  const missing = (() => {
    try {
      performance.measure('x', 'nope');
    } catch (err) {
      return err;
    }
  })();
  assert.ok(missing instanceof DOMException);
  assert.strictEqual(missing.name, 'SyntaxError');
  assert.strictEqual(missing.code, 12);
  assert.strictEqual(missing.message, 'The "nope" performance mark has not been set');
  assert.strictEqual(codeOf(() => performance.measure('x', { start: 1, end: 2, duration: 3 })),
    'TypeError ERR_PERFORMANCE_MEASURE_INVALID_OPTIONS: Must not have options.start, options.end, and options.duration specified');
  assert.strictEqual(codeOf(() => performance.measure('x', { start: 1 }, 'b')),
    'TypeError ERR_PERFORMANCE_MEASURE_INVALID_OPTIONS: endMark must not be specified');
  assert.strictEqual(codeOf(() => performance.measure('x', { start: -1, end: 1 })),
    'TypeError ERR_PERFORMANCE_INVALID_TIMESTAMP: -1 is not a valid timestamp');
});

test('measure() against nodeTiming milestones', () => {
  const m = performance.measure('since-bootstrap', 'bootstrapComplete');
  assert.ok(Math.abs(m.startTime - performance.nodeTiming.bootstrapComplete) < 1e-9);
  assert.ok(m.duration > 0);
});

test('the timeline: getEntries, by name, by type, clear', () => {
  reset();
  performance.mark('x', { startTime: 3 });
  performance.mark('y', { startTime: 1 });
  performance.measure('z', { start: 2, end: 4 });
  performance.measure('x', { start: 3, end: 4 });
  assert.deepStrictEqual(performance.getEntries().map((e) => `${e.name}:${e.entryType}`),
    ['y:mark', 'z:measure', 'x:mark', 'x:measure']);
  assert.deepStrictEqual(performance.getEntriesByName('x').map((e) => e.entryType), ['mark', 'measure']);
  assert.deepStrictEqual(performance.getEntriesByName('x', 'measure').map((e) => e.startTime), [3]);
  assert.deepStrictEqual(performance.getEntriesByType('mark').map((e) => e.name), ['y', 'x']);
  assert.deepStrictEqual(performance.getEntriesByType('bogus'), []);
  assert.strictEqual(codeOf(() => performance.getEntriesByName()),
    'TypeError ERR_MISSING_ARGS: The "name" argument must be specified');
  assert.strictEqual(codeOf(() => performance.getEntriesByType()),
    'TypeError ERR_MISSING_ARGS: The "type" argument must be specified');
  performance.clearMarks('x');
  assert.deepStrictEqual(performance.getEntries().map((e) => e.name), ['y', 'z', 'x']);
  assert.throws(() => performance.measure('w', 'x'), { name: 'SyntaxError' });
  performance.clearMeasures();
  assert.deepStrictEqual(performance.getEntries().map((e) => e.name), ['y']);
  performance.clearMarks();
  assert.deepStrictEqual(performance.getEntries(), []);
});

test('PerformanceObserver: entries arrive asynchronously, sorted by startTime', async () => {
  reset();
  const calls = [];
  let observer;
  const done = new Promise((resolve) => {
    observer = new PerformanceObserver((list, obs) => {
      calls.push([list.getEntries().map((e) => e.name), obs === observer, list instanceof PerformanceObserverEntryList]);
      assert.deepStrictEqual(list.getEntriesByType('mark').map((e) => e.name), ['late']);
      assert.deepStrictEqual(list.getEntriesByName('early').map((e) => e.entryType), ['measure']);
      assert.deepStrictEqual(list.getEntriesByName('early', 'mark'), []);
      obs.disconnect();
      resolve();
    });
  });
  observer.observe({ entryTypes: ['mark', 'measure'] });
  performance.mark('late', { startTime: 50 });
  performance.measure('early', { start: 1, end: 2 });
  assert.deepStrictEqual(calls, []);
  await done;
  assert.deepStrictEqual(calls, [[['early', 'late'], true, true]]);
});

test('PerformanceObserver: type + buffered delivers existing entries; takeRecords; disconnect', async () => {
  reset();
  performance.mark('old', { startTime: 1 });
  const seen = [];
  const obs = new PerformanceObserver((list) => seen.push(list.getEntries().map((e) => e.name)));
  obs.observe({ type: 'mark', buffered: true });
  await new Promise((resolve) => setImmediate(resolve));
  await new Promise((resolve) => setImmediate(resolve));
  assert.deepStrictEqual(seen, [['old']]);
  performance.mark('new');
  assert.deepStrictEqual(obs.takeRecords().map((e) => e.name), ['new']);
  await new Promise((resolve) => setImmediate(resolve));
  // The callback still runs, with what is left: nothing.
  assert.deepStrictEqual(seen, [['old'], []]);
  obs.disconnect();
  performance.mark('after');
  await new Promise((resolve) => setImmediate(resolve));
  assert.deepStrictEqual(seen, [['old'], []]);
  reset();
});

test('PerformanceObserver: argument errors', () => {
  assert.strictEqual(codeOf(() => new PerformanceObserver()),
    'TypeError ERR_INVALID_ARG_TYPE: The "callback" argument must be of type function. Received undefined');
  const obs = new PerformanceObserver(() => {});
  assert.strictEqual(codeOf(() => obs.observe()),
    'TypeError ERR_MISSING_ARGS: The "options.entryTypes" and "options.type" arguments must be specified');
  assert.strictEqual(codeOf(() => obs.observe({ entryTypes: 1 })),
    'TypeError ERR_INVALID_ARG_TYPE: The "options.entryTypes" property must be string[]. Received type number (1)');
  assert.strictEqual(codeOf(() => obs.observe({ entryTypes: ['mark'], type: 'mark' })),
    'TypeError ERR_INVALID_ARG_VALUE: The property \'options.entryTypes\' options.entryTypes can not set with options.type together. Received [ \'mark\' ]');
  // Once observing several types, an observer cannot switch to one (and the reverse).
  assert.throws(() => obs.observe({ type: 'mark' }), {
    name: 'InvalidModificationError',
    message: 'PerformanceObserver can not change to single observation',
  });
  obs.disconnect();
  const single = new PerformanceObserver(() => {});
  // An unknown type is ignored.
  assert.strictEqual(single.observe({ type: 'bogus' }), undefined);
  assert.throws(() => single.observe({ entryTypes: ['mark'] }), {
    name: 'InvalidModificationError',
    message: 'PerformanceObserver can not change to multiple observations',
  });
  single.disconnect();
  for (const t of ['mark', 'measure', 'function', 'resource']) {
    assert.ok(PerformanceObserver.supportedEntryTypes.includes(t), t);
  }
});

test('timerify(): name, length, result, entries with the arguments', async () => {
  function add(a, b) {
    return a + b;
  }
  const timed = performance.timerify(add);
  assert.strictEqual(timed.name, 'timerified add');
  assert.strictEqual(timed.length, 2);
  assert.notStrictEqual(performance.timerify(add), timed);
  assert.strictEqual(performance.timerify(timed).name, 'timerified timerified add');
  const entries = new Promise((resolve) => {
    const obs = new PerformanceObserver((list) => {
      obs.disconnect();
      resolve(list.getEntries());
    });
    obs.observe({ entryTypes: ['function'] });
  });
  assert.strictEqual(timed(2, 3), 5);
  const [entry] = await entries;
  assert.strictEqual(entry.name, 'add');
  assert.strictEqual(entry.entryType, 'function');
  assert.strictEqual(entry[0], 2);
  assert.strictEqual(entry[1], 3);
  assert.deepStrictEqual(entry.detail, [2, 3]);
  assert.ok(entry.duration >= 0);
  // Not buffered in the timeline.
  assert.deepStrictEqual(performance.getEntriesByType('function'), []);
  class N {
    constructor(x) {
      this.x = x;
    }
  }
  const TN = performance.timerify(N);
  const n = new TN(4);
  assert.ok(n instanceof N);
  assert.strictEqual(n.x, 4);
  assert.strictEqual(codeOf(() => performance.timerify(1)),
    'TypeError ERR_INVALID_ARG_TYPE: The "fn" argument must be of type function. Received type number (1)');
});

test('timerify(): records durations into a histogram, async functions when they settle', async () => {
  const h = createHistogram();
  const timed = performance.timerify(() => { for (let i = 0; i < 1e4; i++); }, { histogram: h });
  timed();
  timed();
  assert.strictEqual(h.count, 2);
  assert.ok(h.min > 0);
  const h2 = createHistogram();
  const timedAsync = performance.timerify(() => new Promise((resolve) => setTimeout(resolve, 5)), { histogram: h2 });
  const p = timedAsync();
  assert.strictEqual(h2.count, 0);
  await p;
  assert.strictEqual(h2.count, 1);
  assert.ok(h2.min >= 4e6, `${h2.min}`);
});

test('createHistogram(): statistics', () => {
  const h = createHistogram();
  assert.strictEqual(h.count, 0);
  assert.strictEqual(h.min, 9223372036854776000);
  assert.strictEqual(h.minBigInt, 9223372036854775807n);
  assert.strictEqual(h.max, 0);
  assert.ok(Number.isNaN(h.mean));
  assert.ok(Number.isNaN(h.stddev));
  assert.deepStrictEqual([...h.percentiles], [[100, 0]]);
  for (const v of [5, 10, 10, 2000000]) h.record(v);
  h.record(5n);
  assert.strictEqual(h.count, 5);
  assert.strictEqual(h.countBigInt, 5n);
  assert.strictEqual(h.min, 5);
  assert.strictEqual(h.max, 2000895);
  assert.strictEqual(h.maxBigInt, 2000895n);
  assert.strictEqual(h.mean, 400082.8);
  assert.strictEqual(h.exceeds, 0);
  assert.strictEqual(h.percentile(50), 10);
  assert.strictEqual(h.percentile(99), 2000895);
  assert.strictEqual(h.percentileBigInt(50), 10n);
  assert.deepStrictEqual([...h.percentiles], [[0, 5], [50, 10], [75, 10], [87.5, 1999872], [100, 1999872]]);
  assert.deepStrictEqual([...h.percentilesBigInt], [[0, 5n], [50, 10n], [75, 10n], [87.5, 1999872n], [100, 1999872n]]);
  h.reset();
  assert.strictEqual(h.count, 0);
  assert.strictEqual(h.max, 0);
});

test('createHistogram(): add, recordDelta, errors', async () => {
  const a = createHistogram();
  const b = createHistogram();
  a.record(1);
  b.record(100);
  b.record(3);
  a.add(b);
  assert.strictEqual(a.count, 3);
  assert.strictEqual(a.min, 1);
  assert.strictEqual(a.max, 100);
  const d = createHistogram();
  d.recordDelta();
  await new Promise((resolve) => setTimeout(resolve, 5));
  d.recordDelta();
  assert.strictEqual(d.count, 1);
  assert.ok(d.min >= 4e6, `${d.min}`);
  assert.strictEqual(codeOf(() => createHistogram({ lowest: 0 })),
    'RangeError ERR_OUT_OF_RANGE: The value of "options.lowest" is out of range. It must be >= 1 && <= 9007199254740991. Received 0');
  assert.strictEqual(codeOf(() => createHistogram().record(0)),
    'RangeError ERR_OUT_OF_RANGE: The value of "val" is out of range. It must be >= 1 && <= 9007199254740991. Received 0');
  assert.strictEqual(codeOf(() => createHistogram().record(1.5)),
    'RangeError ERR_OUT_OF_RANGE: The value of "val" is out of range. It must be an integer. Received 1.5');
  assert.strictEqual(codeOf(() => createHistogram().record('1')),
    'TypeError ERR_INVALID_ARG_TYPE: The "val" argument must be of type number. Received type string (\'1\')');
  assert.strictEqual(codeOf(() => createHistogram().percentile(0)),
    'RangeError ERR_OUT_OF_RANGE: The value of "percentile" is out of range. It must be > 0 && <= 100. Received 0');
  assert.strictEqual(codeOf(() => createHistogram().percentile(101)),
    'RangeError ERR_OUT_OF_RANGE: The value of "percentile" is out of range. It must be > 0 && <= 100. Received 101');
});

test('histogram analytics: empty histograms', () => {
  const e = createHistogram();
  const other = createHistogram();
  assert.strictEqual(e.skewness, 0);
  assert.strictEqual(e.kurtosis, 0);
  assert.strictEqual(e.cdf(5), 0);
  assert.strictEqual(e.ccdf(5), 1);
  assert.strictEqual(e.countAt(5), 0);
  // A percentile that is never reached keeps its target count (HdrHistogram's behaviour).
  assert.deepStrictEqual([...e.percentilesAt([99, 50, 100])], [[50, 1], [99, 1], [100, 1]]);
  assert.deepStrictEqual([...e.linearBuckets(10)], []);
  assert.deepStrictEqual([...e.logBuckets(1, 2)], []);
  assert.deepStrictEqual({ ...e.percentileCI(50) }, { value: 0, lower: 0, upper: 0 });
  assert.strictEqual(e.ksTest(other), 0);
  assert.strictEqual(e.cohensD(other), 0);
  assert.strictEqual(e.cliffsD(other), 0);
  assert.strictEqual(e.burnRate(0.99), 0);
  const w = e.welchTest(other);
  assert.deepStrictEqual([w.tStatistic, w.degreesOfFreedom, w.pValue, w.confidenceInterval.lower, w.confidenceInterval.upper],
    [0, 0, 1, 0, 0]);
  assert.strictEqual(Object.getPrototypeOf(w), null);
  assert.deepStrictEqual({ ...e.mannWhitneyTest(other) }, { uStatistic: 0, zScore: 0, pValue: 1 });
  assert.deepStrictEqual(e.toJSON(), {
    count: 0, min: 9223372036854776000, max: 0, mean: NaN, exceeds: 0, stddev: NaN, skewness: 0, kurtosis: 0,
    ewmaMean: 0, ewmaStddev: 0, ewmaErrorRate: 0, percentiles: { 100: 0 },
  });
});

test('histogram analytics: moments, cdf, countAt, percentilesAt, buckets', () => {
  const h = createHistogram();
  for (const v of [1, 5, 5, 100, 2000, 3, 7, 1e6]) h.record(v);
  assert.strictEqual(h.skewness, 2.2677693954719818);
  assert.strictEqual(h.kurtosis, 3.1428131256582708);
  const probes = [-1, 0, 1, 4.5, 5, 5.9, 6, 100, 101, 1e6, 1e7, 2 ** 60, Infinity, -Infinity, NaN];
  assert.deepStrictEqual(probes.map((v) => h.cdf(v)),
    [0, 0, 0.125, 0.25, 0.5, 0.5, 0.5, 0.75, 0.75, 1, 1, 1, 0, 0, 0]);
  assert.deepStrictEqual(probes.map((v) => h.ccdf(v)),
    [1, 1, 0.875, 0.75, 0.5, 0.5, 0.5, 0.25, 0.25, 0, 0, 0, 1, 1, 1]);
  assert.deepStrictEqual([1, 4.5, 5, 5.9, 6, 100, 1e6].map((v) => h.countAt(v)), [1, 0, 2, 2, 0, 1, 1]);
  assert.deepStrictEqual([...h.percentilesAt([99, 50, 50, 1, 100, 0.0001])],
    [[0.0001, 1], [1, 1], [50, 5], [99, 1000447], [100, 1000447]]);
  assert.deepStrictEqual([...h.logBuckets(1, 10)],
    [[1, 1], [10, 4], [100, 1], [1000, 0], [10000, 1], [99968, 0], [999936, 1]]);
  // The base is used as an integer, as HdrHistogram does.
  assert.deepStrictEqual([...h.logBuckets(3, 2.5)].slice(0, 4), [[3, 2], [6, 2], [12, 1], [24, 0]]);
  const linear = [...h.linearBuckets(1000)];
  assert.deepStrictEqual(linear.slice(0, 3), [[1000, 6], [2000, 1], [3000, 0]]);
  assert.deepStrictEqual(linear.slice(-1), [[999936, 1]]);
  assert.strictEqual(linear.reduce((n, [, c]) => n + c, 0), 8);
  // Steps finer than a bucket report the bucket again with nothing added; Node's Map keeps the 0.
  const fine = createHistogram();
  fine.record(3000);
  assert.deepStrictEqual([...fine.linearBuckets(1)].slice(-3), [[2996, 0], [2998, 0], [3000, 0]]);
  // A level beyond the last bucket reports the rest at the last bucket.
  const small = createHistogram({ highest: 1000 });
  small.record(999);
  assert.deepStrictEqual([...small.linearBuckets(3000)], [[2047, 1]]);
  assert.deepStrictEqual([...small.logBuckets(1500, 2)], [[1500, 1]]);
  // A lowest above 1 puts small values in the first bucket.
  const coarse = createHistogram({ lowest: 1000 });
  coarse.record(5);
  coarse.record(3000);
  assert.deepStrictEqual([coarse.percentile(50), coarse.cdf(NaN), coarse.countAt(100), coarse.min], [511, 0.5, 1, 0]);
  assert.deepStrictEqual({ ...createHistogram({ lowest: 1000 }).percentileCI(50) }, { value: 511, lower: 511, upper: 511 });
});

test('histogram analytics: percentileCI and two-sample statistics', () => {
  const h = createHistogram();
  for (let i = 1; i <= 10; i++) h.record(i);
  assert.deepStrictEqual({ ...h.percentileCI(50) }, { value: 5, lower: 2, upper: 9 });
  const mk = (values) => {
    const x = createHistogram();
    for (const v of values) x.record(v);
    return x;
  };
  const a = mk([1, 3]);
  const w = a.welchTest(mk([1, 3]), { confidence: 0.5 });
  assert.strictEqual(w.tStatistic, 0);
  assert.strictEqual(w.pValue, 1);
  assert.strictEqual(w.degreesOfFreedom, 2);
  assert.ok(Math.abs(w.confidenceInterval.upper - 1.154700538379251) < 1e-12);
  assert.strictEqual(w.confidenceInterval.lower, -w.confidenceInterval.upper);
  const low = mk([10, 11, 12, 12, 13, 14]);
  const high = mk([1000, 1001, 1003, 1004, 1005]);
  const r = low.welchTest(high);
  assert.ok(r.tStatistic < 0 && r.pValue < 0.001, JSON.stringify(r));
  assert.strictEqual(low.cliffsD(high), -1);
  assert.strictEqual(high.cliffsD(low), 1);
  assert.ok(low.cohensD(high) < -1);
  assert.strictEqual(low.ksTest(high), 1);
  const mw = low.mannWhitneyTest(high);
  assert.strictEqual(mw.uStatistic, 0);
  assert.ok(mw.zScore < 0 && mw.pValue < 0.01, JSON.stringify(mw));
  const copy = mk([10, 11, 12, 12, 13, 14]);
  const same = low.mannWhitneyTest(copy);
  assert.deepStrictEqual([same.uStatistic, same.zScore, same.pValue], [18, 0, 1]);
  // A histogram compared with itself gets each test's "no data" answer.
  const self = low.mannWhitneyTest(low);
  assert.deepStrictEqual([self.uStatistic, self.zScore, self.pValue], [0, 0, 1]);
  const selfW = low.welchTest(low);
  assert.deepStrictEqual([selfW.degreesOfFreedom, selfW.pValue, selfW.confidenceInterval.upper], [0, 1, 0]);
  assert.strictEqual(low.welchTest(copy).degreesOfFreedom, 10);
  assert.deepStrictEqual([low.ksTest(low), low.cliffsD(low), low.cohensD(low)], [0, 0, 0]);
});

test('histogram analytics: EWMA, threshold and burnRate', () => {
  const mk = (values, options) => {
    const x = createHistogram(options);
    for (const v of values) x.record(v);
    return x;
  };
  const h = mk([10, 20, 30, 7], { halfLife: 1, threshold: 15 });
  assert.deepStrictEqual([h.ewmaMean, h.ewmaStddev, h.ewmaErrorRate], [14.75, 9.717895862788405, 0.375]);
  const b = mk([10, 20, 30, 7], { halfLife: 2, threshold: 15 });
  assert.deepStrictEqual([b.ewmaErrorRate, b.burnRate(0.9), b.burnRate(0.999)],
    [0.35355339059327373, 3.535533905932738, 353.55339059327343]);
  assert.deepStrictEqual(mk([10, 20, 30], { halfLife: NaN }).ewmaMean, 0);
  assert.deepStrictEqual(mk([10, 20, 30], { halfLife: Infinity, threshold: 15 }).ewmaMean, 0);
  assert.deepStrictEqual([mk([10, 20, 30, 7], { halfLife: 0.001 }).ewmaMean, mk([10, 20, 30, 7], { halfLife: 0.001 }).ewmaStddev], [7, 0]);
  // The threshold is an integer: 0.5 is none, 10.5 is 10.
  assert.strictEqual(mk([10, 20], { halfLife: 3, threshold: 0.5 }).ewmaErrorRate, 0);
  assert.strictEqual(mk([10, 11], { halfLife: 3, threshold: 10.5 }).ewmaErrorRate, 0.2062994740159002);
  assert.strictEqual(mk([10, 11], { halfLife: 3, threshold: Infinity }).ewmaErrorRate, 0);
  const c = createHistogram({ halfLife: 2 });
  c.recordCorrected(100, 30);
  c.recordCorrected(10, 3);
  assert.deepStrictEqual([c.count, c.ewmaMean, c.ewmaStddev], [6, 73.63961030678928, 40.95808745060046]);
  const json = b.toJSON();
  assert.deepStrictEqual([json.ewmaMean, json.ewmaStddev, json.ewmaErrorRate], [b.ewmaMean, b.ewmaStddev, b.ewmaErrorRate]);
  b.reset();
  assert.deepStrictEqual([b.ewmaMean, b.ewmaStddev, b.ewmaErrorRate], [0, 0, 0]);
});

test('histogram analytics: recordCorrected and subtract', () => {
  const h = createHistogram();
  h.recordCorrected(100, 30);
  assert.deepStrictEqual([...h.linearBuckets(1)].filter(([, n]) => n > 0), [[40, 1], [70, 1], [100, 1]]);
  h.recordCorrected(100n, 30n);
  assert.strictEqual(h.count, 6);
  const capped = createHistogram({ highest: 1000, halfLife: 2 });
  capped.recordCorrected(1500, 300);
  assert.deepStrictEqual([capped.count, capped.exceeds, capped.ewmaMean], [0, 1, 0]);
  const big = createHistogram();
  big.record(2n ** 60n);
  assert.deepStrictEqual([big.count, big.exceeds], [0, 1]);
  const mk = (values, options) => {
    const x = createHistogram(options);
    for (const v of values) x.record(v);
    return x;
  };
  const a = mk([1, 2, 3, 3, 1000, 5000]);
  assert.strictEqual(a.subtract(mk([3, 5000, 5000, 7])), undefined);
  assert.deepStrictEqual([a.count, a.min, a.max, a.mean, a.exceeds, a.stddev], [4, 1, 1000, 251.5, 0, 432.1472549953314]);
  const all = mk([1, 2]);
  all.subtract(mk([1, 2]));
  assert.deepStrictEqual([all.count, all.min, all.max, all.minBigInt], [0, 9223372036854776000, 0, 9223372036854775807n]);
  // Slot by slot, whatever the other histogram's configuration.
  const d = mk([1, 2, 3, 1000]);
  d.subtract(mk([1, 1000], { figures: 1 }));
  assert.deepStrictEqual([d.count, d.min, d.max], [3, 2, 1000]);
  const e1 = createHistogram({ highest: 10 });
  e1.record(100);
  e1.record(100);
  const e2 = createHistogram({ highest: 10 });
  e2.record(100);
  e1.subtract(e2);
  assert.strictEqual(e1.exceeds, 1);
  e1.subtract(e2);
  e1.subtract(e2);
  assert.strictEqual(e1.exceeds, 0);
});

test('histogram analytics: argument validation', () => {
  const h = createHistogram();
  h.record(5);
  const eld = monitorEventLoopDelay();
  const errors = [
    [() => h.cdf('5'), 'TypeError ERR_INVALID_ARG_TYPE: The "value" argument must be of type number. Received type string (\'5\')'],
    [() => h.countAt(5n), 'TypeError ERR_INVALID_ARG_TYPE: The "value" argument must be of type number. Received type bigint (5n)'],
    [() => h.percentilesAt([50, 0]), 'RangeError ERR_OUT_OF_RANGE: The value of "percentiles[1]" is out of range. It must be > 0 && <= 100. Received 0'],
    [() => h.percentilesAt('x'), 'TypeError ERR_INVALID_ARG_TYPE: The "percentiles" argument must be an instance of Array. Received type string (\'x\')'],
    [() => h.percentilesAt([NaN]), 'RangeError ERR_OUT_OF_RANGE: The value of "percentiles[0]" is out of range. It must be > 0 && <= 100. Received NaN'],
    [() => h.linearBuckets(1.5), 'RangeError ERR_OUT_OF_RANGE: The value of "stepSize" is out of range. It must be an integer. Received 1.5'],
    [() => h.linearBuckets(0), 'RangeError ERR_OUT_OF_RANGE: The value of "stepSize" is out of range. It must be >= 1 && <= 9007199254740991. Received 0'],
    [() => h.linearBuckets(1n), 'TypeError ERR_INVALID_ARG_TYPE: The "stepSize" argument must be of type number. Received type bigint (1n)'],
    [() => h.logBuckets(1, 1), 'RangeError ERR_OUT_OF_RANGE: The value of "base" is out of range. It must be > 1. Received 1'],
    [() => h.logBuckets(0, 2), 'RangeError ERR_OUT_OF_RANGE: The value of "firstBucket" is out of range. It must be >= 1 && <= 9007199254740991. Received 0'],
    [() => h.percentileCI(0), 'RangeError ERR_OUT_OF_RANGE: The value of "percentile" is out of range. It must be > 0 && <= 100. Received 0'],
    [() => h.percentileCI(50, null), 'TypeError ERR_INVALID_ARG_TYPE: The "options" argument must be of type object. Received null'],
    [() => h.percentileCI(50, { confidence: 1 }), 'RangeError ERR_OUT_OF_RANGE: The value of "options.confidence" is out of range. It must be > 0 && < 1. Received 1'],
    [() => h.welchTest(h, 5), 'TypeError ERR_INVALID_ARG_TYPE: The "options" argument must be of type object. Received type number (5)'],
    [() => h.welchTest(h, { confidence: 'high' }), 'TypeError ERR_INVALID_ARG_TYPE: The "options.confidence" property must be of type number. Received type string (\'high\')'],
    [() => h.burnRate(1), 'RangeError ERR_OUT_OF_RANGE: The value of "sloTarget" is out of range. It must be > 0 && < 1. Received 1'],
    [() => h.burnRate(NaN), 'RangeError ERR_OUT_OF_RANGE: The value of "sloTarget" is out of range. It must be > 0 && < 1. Received NaN'],
    [() => h.ksTest({}), 'TypeError ERR_INVALID_ARG_TYPE: The "other" argument must be an instance of Histogram. Received an instance of Object'],
    [() => h.mannWhitneyTest('x'), 'TypeError ERR_INVALID_ARG_TYPE: The "other" argument must be an instance of Histogram. Received type string (\'x\')'],
    [() => h.subtract({}), 'TypeError ERR_INVALID_ARG_TYPE: The "other" argument must be an instance of RecordableHistogram. Received an instance of Object'],
    [() => h.recordCorrected(100n, 30), 'TypeError ERR_INVALID_ARG_TYPE: The "expectedInterval" argument must be of type bigint. Received type number (30)'],
    [() => h.recordCorrected(100, 30n), 'TypeError ERR_INVALID_ARG_TYPE: The "expectedInterval" argument must be of type number. Received type bigint (30n)'],
    [() => h.recordCorrected(0, 30), 'RangeError ERR_OUT_OF_RANGE: The value of "val" is out of range. It must be >= 1 && <= 9007199254740991. Received 0'],
    [() => h.recordCorrected(5, 0), 'RangeError ERR_OUT_OF_RANGE: The value of "expectedInterval" is out of range. It must be >= 1 && <= 9007199254740991. Received 0'],
    [() => h.recordCorrected(0n, 30n), 'RangeError ERR_OUT_OF_RANGE: value is out of range'],
    [() => h.recordCorrected(5n, 0n), 'RangeError ERR_OUT_OF_RANGE: expected_interval is out of range'],
    [() => h.record(2n ** 64n), 'RangeError ERR_OUT_OF_RANGE: value is out of range'],
    [() => h.recordCorrected.call({}, 1, 1), 'TypeError ERR_INVALID_THIS: Value of "this" must be of type RecordableHistogram'],
    [() => h.cdf.call({}, 1), 'TypeError ERR_INVALID_THIS: Value of "this" must be of type Histogram'],
    [() => createHistogram({ halfLife: -1 }), 'RangeError ERR_OUT_OF_RANGE: The value of "options.halfLife" is out of range. It must be >= 0. Received -1'],
    [() => createHistogram({ halfLife: 'ten' }), 'TypeError ERR_INVALID_ARG_TYPE: The "options.halfLife" property must be of type number. Received type string (\'ten\')'],
    [() => createHistogram({ threshold: 5n }), 'TypeError ERR_INVALID_ARG_TYPE: The "options.threshold" property must be of type number. Received type bigint (5n)'],
    [() => createHistogram({ threshold: -0.5 }), 'RangeError ERR_OUT_OF_RANGE: The value of "options.threshold" is out of range. It must be >= 0. Received -0.5'],
    [() => createHistogram({ lowest: 5n, highest: 9n }), 'RangeError ERR_INVALID_ARG_VALUE: The property \'options.highest\' is invalid. Received 9n'],
    [() => createHistogram({ lowest: '5' }), 'TypeError ERR_INVALID_ARG_TYPE: The "options.lowest" property must be of type number. Received type string (\'5\')'],
  ];
  for (const [fn, expected] of errors) assert.strictEqual(codeOf(fn), expected);
  assert.throws(() => h.subtract(eld), { code: 'ERR_INVALID_ARG_TYPE' });
  assert.throws(() => h.add(eld), { code: 'ERR_INVALID_ARG_TYPE' });
  assert.strictEqual(h.ksTest(eld), 0);
  assert.strictEqual(createHistogram({ lowest: 5n, highest: 100000n }).count, 0);
});

test('monitorEventLoopDelay(): samples the loop while enabled', async () => {
  const h = monitorEventLoopDelay({ resolution: 5 });
  assert.strictEqual(h.count, 0);
  assert.strictEqual(h.enable(), true);
  assert.strictEqual(h.enable(), false);
  await new Promise((resolve) => setTimeout(resolve, 60));
  // Block the loop for a while: one sample is at least that long.
  const until = Date.now() + 30;
  while (Date.now() < until);
  await new Promise((resolve) => setTimeout(resolve, 20));
  assert.strictEqual(h.disable(), true);
  assert.strictEqual(h.disable(), false);
  assert.ok(h.count > 2, `count ${h.count}`);
  assert.ok(h.min >= 1e6, `min ${h.min}`);
  assert.ok(h.max >= 25e6, `max ${h.max}`);
  const count = h.count;
  await new Promise((resolve) => setTimeout(resolve, 20));
  assert.strictEqual(h.count, count);
  assert.strictEqual(codeOf(() => monitorEventLoopDelay({ resolution: 0 })).split(':')[0],
    'RangeError ERR_OUT_OF_RANGE');
  assert.strictEqual(codeOf(() => monitorEventLoopDelay(1)).split(':')[0], 'TypeError ERR_INVALID_ARG_TYPE');
});

test('eventLoopUtilization()', async () => {
  await new Promise((resolve) => setTimeout(resolve, 5));
  const a = performance.eventLoopUtilization();
  assert.deepStrictEqual(Object.keys(a), ['idle', 'active', 'utilization']);
  assert.ok(a.idle >= 0 && a.active > 0);
  assert.ok(a.utilization > 0 && a.utilization <= 1);
  await new Promise((resolve) => setTimeout(resolve, 30));
  const delta = performance.eventLoopUtilization(a);
  assert.ok(delta.idle > 10, `idle ${delta.idle}`);
  assert.ok(delta.utilization >= 0 && delta.utilization < 1);
  const b = performance.eventLoopUtilization();
  const between = performance.eventLoopUtilization(b, a);
  assert.ok(Math.abs(between.idle - (b.idle - a.idle)) < 1e-9);
  assert.ok(Math.abs(between.active - (b.active - a.active)) < 1e-9);
});

test('nodeTiming', async () => {
  await new Promise((resolve) => setTimeout(resolve, 1));
  const t = performance.nodeTiming;
  assert.strictEqual(t.name, 'node');
  assert.strictEqual(t.entryType, 'node');
  assert.strictEqual(t.startTime, 0);
  assert.ok(t.nodeStart >= 0);
  assert.ok(t.v8Start >= t.nodeStart);
  assert.ok(t.environment >= t.v8Start);
  assert.ok(t.bootstrapComplete >= t.environment);
  assert.ok(t.loopStart >= t.bootstrapComplete);
  assert.strictEqual(t.loopExit, -1);
  assert.ok(t.duration > t.loopStart);
  assert.ok(t.idleTime >= 0);
  const json = performance.toJSON();
  assert.deepStrictEqual(Object.keys(json), ['nodeTiming', 'timeOrigin', 'eventLoopUtilization']);
  assert.strictEqual(json.timeOrigin, performance.timeOrigin);
});

function timingInfo(start) {
  return {
    startTime: start,
    endTime: start + 8,
    finalServiceWorkerStartTime: 0,
    redirectStartTime: 0,
    redirectEndTime: 0,
    postRedirectStartTime: start + 1,
    finalConnectionTimingInfo: {
      domainLookupStartTime: start + 2,
      domainLookupEndTime: start + 3,
      connectionStartTime: start + 4,
      connectionEndTime: start + 5,
      secureConnectionStartTime: start + 4.5,
      ALPNNegotiatedProtocol: 'h2',
    },
    finalNetworkRequestStartTime: start + 6,
    finalNetworkResponseStartTime: start + 7,
    encodedBodySize: 10,
    decodedBodySize: 20,
  };
}

test('markResourceTiming()', () => {
  reset();
  const r = performance.markResourceTiming(timingInfo(1), 'http://x/', 'fetch', globalThis, '', {}, 200, '');
  assert.ok(r instanceof PerformanceResourceTiming);
  assert.deepStrictEqual(r.toJSON(), {
    name: 'http://x/', entryType: 'resource', startTime: 1, duration: 8, initiatorType: 'fetch',
    nextHopProtocol: 'h2', workerStart: 0, redirectStart: 0, redirectEnd: 0, fetchStart: 2,
    domainLookupStart: 3, domainLookupEnd: 4, connectStart: 5, connectEnd: 6, secureConnectionStart: 5.5,
    requestStart: 7, responseStart: 8, responseEnd: 9, transferSize: 310, encodedBodySize: 10,
    decodedBodySize: 20, deliveryType: '', responseStatus: 200,
  });
  const cached = performance.markResourceTiming(timingInfo(2), 'http://y/', 'fetch', globalThis, 'local', {}, 200, '');
  assert.strictEqual(cached.transferSize, 0);
  assert.deepStrictEqual(performance.getEntriesByType('resource').map((e) => e.name), ['http://x/', 'http://y/']);
  performance.clearResourceTimings();
  assert.deepStrictEqual(performance.getEntriesByType('resource'), []);
});

test('resource timing buffer: full event, secondary buffer', async () => {
  reset();
  performance.setResourceTimingBufferSize(1);
  const mark = (n) => performance.markResourceTiming(timingInfo(n), `u${n}`, '', globalThis, '', {}, 200, '');
  mark(1);
  mark(2);
  mark(3);
  assert.strictEqual(performance.getEntriesByType('resource').length, 1);
  await new Promise((resolve) => {
    performance.addEventListener('resourcetimingbufferfull', function listener(e) {
      assert.strictEqual(e.type, 'resourcetimingbufferfull');
      performance.removeEventListener('resourcetimingbufferfull', listener);
      performance.setResourceTimingBufferSize(2);
      resolve();
    });
  });
  assert.deepStrictEqual(performance.getEntriesByType('resource').map((e) => e.startTime), [1, 2]);
  assert.strictEqual(codeOf(() => performance.setResourceTimingBufferSize()),
    'TypeError ERR_MISSING_ARGS: The "maxSize" argument must be specified');
  performance.setResourceTimingBufferSize(250);
  reset();
});

test('util.inspect of performance objects', () => {
  assert.match(util.inspect(performance), /^Performance \{\n {2}nodeTiming: PerformanceNodeTiming \{\n {4}name: 'node',/);
  assert.strictEqual(util.inspect(createHistogram()).split('\n')[0], 'Histogram {');
});
