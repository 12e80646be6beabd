'use strict';
// Histograms of node:perf_hooks (createHistogram, monitorEventLoopDelay), with the arithmetic of
// the HdrHistogram that Node uses: values are bucketed with `figures` significant decimal digits
// (a value v lands in a bucket covering [lowestEquivalent(v), highestEquivalent(v)]), and min,
// max, mean, stddev and percentiles are computed from the buckets exactly as HdrHistogram does,
// so they match Node's figures. Counts are kept sparsely (a Map from bucket index to count) and
// everything runs in JS: recording costs no crossing into C.

const {
  ArrayPrototypePush,
  BigInt,
  MathCeil,
  MathClz32,
  MathFloor,
  MathLog,
  MathPow,
  MathSqrt,
  MathTrunc,
  Map,
  NumberIsInteger,
  NumberMAX_SAFE_INTEGER,
  ObjectDefineProperty,
  Symbol,
  SymbolFor,
} = primordials;

const {
  codes: {
    ERR_ILLEGAL_CONSTRUCTOR,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_THIS,
    ERR_OUT_OF_RANGE,
  },
} = require('internal/errors');

const kInspect = SymbolFor('nodejs.util.inspect.custom');
const kState = Symbol('kState');
const kDontThrow = Symbol('kDontThrow');
const kRecordable = Symbol('kRecordable');
const kInt64Max = 9223372036854775807n;

let inspectFn;
function inspect(value, options) {
  inspectFn ??= require('internal/util/inspect').inspect;
  return inspectFn(value, options);
}

let hrtimeBigInt;
function hrtimeNs() {
  hrtimeBigInt ??= internalBinding('process').hrtimeBigInt;
  return hrtimeBigInt();
}

// floor(log2(v)) + 1 for an integer 0 < v <= 2^53 (the number of significant bits).
function bitLength(v) {
  const high = MathFloor(v / 4294967296);
  if (high > 0) return 64 - MathClz32(high);
  return 32 - MathClz32(v);
}

function pow2(n) {
  return MathPow(2, n);
}

class HdrState {
  constructor(lowest, highest, figures) {
    this.lowest = lowest;
    this.highest = highest;
    this.figures = figures;
    const largestSingleUnit = 2 * MathPow(10, figures);
    const subBucketCountMagnitude = MathCeil(MathLog(largestSingleUnit) / MathLog(2));
    this.subBucketHalfCountMagnitude = (subBucketCountMagnitude > 1 ? subBucketCountMagnitude : 1) - 1;
    this.unitMagnitude = bitLength(lowest) - 1;
    this.subBucketCount = pow2(this.subBucketHalfCountMagnitude + 1);
    this.subBucketHalfCount = this.subBucketCount / 2;
    this.subBucketMask = (this.subBucketCount - 1) * pow2(this.unitMagnitude);
    this.reset();
  }

  reset() {
    // counts[index] is the count of a bucket (a hole when none); `sorted` caches the indexes in
    // use, ascending. Indexes stay below ~(53 + 1) * 2^(figures digits), so the array is small.
    this.counts = [];
    this.sorted = null;
    this.total = 0;
    this.minValue = Infinity;      // smallest recorded non-zero value (raw)
    this.maxValue = 0;             // largest recorded value (raw)
    this.exceeds = 0;
    this.prevDelta = 0n;
  }

  bucketIndex(value) {
    // value | subBucketMask, without 32-bit truncation.
    const bits = bitLength(value < this.subBucketMask ? this.subBucketMask : value);
    return bits - this.unitMagnitude - (this.subBucketHalfCountMagnitude + 1);
  }

  countsIndexFor(value) {
    if (value < 2147483648 && this.subBucketMask < 2147483648) {
      // 32-bit integer arithmetic for the common sizes.
      const bucket = 32 - MathClz32(value | this.subBucketMask) - this.unitMagnitude -
        (this.subBucketHalfCountMagnitude + 1);
      const sub = value >>> (bucket + this.unitMagnitude);
      return ((bucket + 1) << this.subBucketHalfCountMagnitude) + (sub - this.subBucketHalfCount);
    }
    const bucket = this.bucketIndex(value);
    const sub = MathFloor(value / pow2(bucket + this.unitMagnitude));
    return (bucket + 1) * pow2(this.subBucketHalfCountMagnitude) + (sub - this.subBucketHalfCount);
  }

  valueAtIndex(index) {
    let bucket = MathFloor(index / pow2(this.subBucketHalfCountMagnitude)) - 1;
    let sub = (index % this.subBucketHalfCount) + this.subBucketHalfCount;
    if (bucket < 0) {
      sub -= this.subBucketHalfCount;
      bucket = 0;
    }
    return sub * pow2(bucket + this.unitMagnitude);
  }

  rangeSize(value) {
    const bucket = this.bucketIndex(value);
    const sub = MathFloor(value / pow2(bucket + this.unitMagnitude));
    const adjusted = sub >= this.subBucketCount ? bucket + 1 : bucket;
    return pow2(this.unitMagnitude + adjusted);
  }

  lowestEquivalent(value) {
    const bucket = this.bucketIndex(value);
    const sub = MathFloor(value / pow2(bucket + this.unitMagnitude));
    return sub * pow2(bucket + this.unitMagnitude);
  }

  highestEquivalent(value) {
    return this.lowestEquivalent(value) + this.rangeSize(value) - 1;
  }

  medianEquivalent(value) {
    return this.lowestEquivalent(value) + MathFloor(this.rangeSize(value) / 2);
  }

  // Records `count` occurrences of a value; false if it is outside the trackable range.
  record(value, count = 1) {
    if (value < 0 || value > this.highest) return false;
    const index = this.countsIndexFor(value);
    const prev = this.counts[index];
    if (prev === undefined) {
      this.sorted = null;
      this.counts[index] = count;
    } else {
      this.counts[index] = prev + count;
    }
    this.total += count;
    if (value !== 0 && value < this.minValue) this.minValue = value;
    if (value > this.maxValue) this.maxValue = value;
    return true;
  }

  indexes() {
    if (this.sorted === null) {
      const keys = [];
      const counts = this.counts;
      for (let i = 0; i < counts.length; i++) {
        if (counts[i] !== undefined) ArrayPrototypePush(keys, i);
      }
      this.sorted = keys;
    }
    return this.sorted;
  }

  min() {
    if (this.counts[0] > 0) return 0;
    if (this.minValue === Infinity) return kInt64Max;
    return this.lowestEquivalent(this.minValue);
  }

  max() {
    if (this.maxValue === 0) return 0;
    return this.highestEquivalent(this.maxValue);
  }

  mean() {
    if (this.total === 0) return NaN;
    let sum = 0;
    const keys = this.indexes();
    for (let i = 0; i < keys.length; i++) {
      const count = this.counts[keys[i]];
      sum += count * this.medianEquivalent(this.valueAtIndex(keys[i]));
    }
    return sum / this.total;
  }

  stddev() {
    if (this.total === 0) return NaN;
    const mean = this.mean();
    let sum = 0;
    const keys = this.indexes();
    for (let i = 0; i < keys.length; i++) {
      const count = this.counts[keys[i]];
      const dev = this.medianEquivalent(this.valueAtIndex(keys[i])) - mean;
      sum += dev * dev * count;
    }
    return MathSqrt(sum / this.total);
  }

  percentile(p) {
    // Nothing recorded: HdrHistogram reports the top of the first bucket.
    if (this.total === 0) return this.highestEquivalent(0);
    const requested = p < 100 ? p : 100;
    let atCount = MathFloor((requested / 100) * this.total + 0.5);
    if (atCount < 1) atCount = 1;
    let cumulative = 0;
    const keys = this.indexes();
    for (let i = 0; i < keys.length; i++) {
      cumulative += this.counts[keys[i]];
      if (cumulative >= atCount) return this.highestEquivalent(this.valueAtIndex(keys[i]));
    }
    return 0;
  }

  // HdrHistogram's percentile iterator with one tick per half distance: calls fn(percentile,
  // value) for 0, 50, 75, 87.5, ... while counts remain, then 100. `value` is the lowest value
  // of the bucket reached, as Node reports it.
  percentiles(fn) {
    const keys = this.indexes();
    let i = -1;
    let cumulative = 0;
    let value = 0;
    let count = 0;
    let toIterateTo = 0;
    let lastPercentile = 0;
    const advance = () => {
      if (i + 1 >= keys.length) return false;
      i++;
      count = this.counts[keys[i]];
      cumulative += count;
      value = this.valueAtIndex(keys[i]);
      return true;
    };
    let started = false;
    for (;;) {
      if (!(cumulative < this.total)) {
        fn(100, value);
        return;
      }
      if (!started) {
        started = true;
        if (!advance()) return;
      }
      let emitted = false;
      do {
        const current = (100 * cumulative) / this.total;
        if (count !== 0 && toIterateTo <= current) {
          fn(toIterateTo, value);
          lastPercentile = toIterateTo;
          const temp = MathTrunc(MathLog(100 / (100 - toIterateTo)) / MathLog(2)) + 1;
          toIterateTo += 100 / pow2(temp);
          emitted = true;
          break;
        }
      } while (advance());
      if (!emitted) fn(lastPercentile, value);
    }
  }

  add(other) {
    const keys = other.indexes();
    for (let i = 0; i < keys.length; i++) {
      const count = other.counts[keys[i]];
      const value = other.valueAtIndex(keys[i]);
      // Values out of this histogram's range are dropped without counting, as HdrHistogram's
      // hdr_add does in Node.
      this.record(value, count);
    }
    this.exceeds += other.exceeds;
  }
}

function isHistogram(value) {
  return value?.[kState] !== undefined;
}

function validateThis(self) {
  if (!isHistogram(self)) throw new ERR_INVALID_THIS('Histogram');
  return self[kState];
}

function toBigInt(n) {
  return typeof n === 'bigint' ? n : BigInt(n);
}

class Histogram {
  constructor(dontThrow) {
    if (dontThrow !== kDontThrow) throw new ERR_ILLEGAL_CONSTRUCTOR();
  }

  [kInspect](depth, options) {
    if (depth < 0) return this;
    const opts = { __proto__: null, ...options, depth: options.depth == null ? null : options.depth - 1 };
    return `Histogram ${inspect({
      min: this.min,
      max: this.max,
      mean: this.mean,
      exceeds: this.exceeds,
      stddev: this.stddev,
      count: this.count,
      percentiles: this.percentiles,
    }, opts)}`;
  }

  get count() { return validateThis(this).total; }
  get countBigInt() { return BigInt(validateThis(this).total); }
  get min() { const m = validateThis(this).min(); return typeof m === 'bigint' ? Number(m) : m; }
  get minBigInt() { return toBigInt(validateThis(this).min()); }
  get max() { return validateThis(this).max(); }
  get maxBigInt() { return BigInt(validateThis(this).max()); }
  get mean() { return validateThis(this).mean(); }
  get exceeds() { return validateThis(this).exceeds; }
  get exceedsBigInt() { return BigInt(validateThis(this).exceeds); }
  get stddev() { return validateThis(this).stddev(); }

  percentile(percentile) {
    const state = validateThis(this);
    validatePercentile(percentile);
    return state.percentile(percentile);
  }

  percentileBigInt(percentile) {
    const state = validateThis(this);
    validatePercentile(percentile);
    return BigInt(state.percentile(percentile));
  }

  get percentiles() {
    const state = validateThis(this);
    const map = new Map();
    state.percentiles((p, v) => map.set(p, v));
    return map;
  }

  get percentilesBigInt() {
    const state = validateThis(this);
    const map = new Map();
    state.percentiles((p, v) => map.set(p, BigInt(v)));
    return map;
  }

  reset() {
    validateThis(this).reset();
  }

  toJSON() {
    validateThis(this);
    const percentiles = {};
    for (const [p, v] of this.percentiles) percentiles[p] = v;
    return {
      count: this.count,
      min: this.min,
      max: this.max,
      mean: this.mean,
      exceeds: this.exceeds,
      stddev: this.stddev,
      percentiles,
    };
  }
}

function validatePercentile(percentile) {
  if (typeof percentile !== 'number') throw new ERR_INVALID_ARG_TYPE('percentile', 'number', percentile);
  if (!(percentile > 0 && percentile <= 100)) {
    throw new ERR_OUT_OF_RANGE('percentile', '> 0 && <= 100', percentile);
  }
}

function validateRecordValue(val, name) {
  if (typeof val === 'bigint') {
    if (val < 1n || val > BigInt(NumberMAX_SAFE_INTEGER)) {
      throw new ERR_OUT_OF_RANGE(name, `>= 1 && <= ${NumberMAX_SAFE_INTEGER}`, val);
    }
    return Number(val);
  }
  // Node's message names only `number`, although a bigint is accepted.
  if (typeof val !== 'number') throw new ERR_INVALID_ARG_TYPE(name, 'number', val);
  if (!NumberIsInteger(val)) throw new ERR_OUT_OF_RANGE(name, 'an integer', val);
  if (val < 1 || val > NumberMAX_SAFE_INTEGER) {
    throw new ERR_OUT_OF_RANGE(name, `>= 1 && <= ${NumberMAX_SAFE_INTEGER}`, val);
  }
  return val;
}

class RecordableHistogram extends Histogram {
  constructor(dontThrow) {
    if (dontThrow !== kDontThrow) throw new ERR_ILLEGAL_CONSTRUCTOR();
    super(kDontThrow);
  }

  record(val) {
    if (this?.[kRecordable] !== true) throw new ERR_INVALID_THIS('RecordableHistogram');
    const value = validateRecordValue(val, 'val');
    if (!this[kState].record(value)) this[kState].exceeds++;
  }

  // Records the nanoseconds elapsed since the previous call (the first call only starts the clock).
  recordDelta() {
    if (this?.[kRecordable] !== true) throw new ERR_INVALID_THIS('RecordableHistogram');
    const state = this[kState];
    const now = hrtimeNs();
    if (state.prevDelta !== 0n) {
      const delta = Number(now - state.prevDelta);
      if (!state.record(delta)) state.exceeds++;
    }
    state.prevDelta = now;
  }

  add(other) {
    if (this?.[kRecordable] !== true) throw new ERR_INVALID_THIS('RecordableHistogram');
    if (!isHistogram(other)) {
      throw new ERR_INVALID_ARG_TYPE('other', 'RecordableHistogram', other);
    }
    this[kState].add(other[kState]);
  }
}

function makeHistogram(Class, lowest, highest, figures) {
  const h = new Class(kDontThrow);
  h[kState] = new HdrState(lowest, highest, figures);
  return h;
}

function validateIntegerOption(value, name, min, max) {
  if (typeof value === 'bigint') value = Number(value);
  if (typeof value !== 'number') throw new ERR_INVALID_ARG_TYPE(name, ['number', 'bigint'], value);
  if (!NumberIsInteger(value)) throw new ERR_OUT_OF_RANGE(name, 'an integer', value);
  if (value < min || value > max) throw new ERR_OUT_OF_RANGE(name, `>= ${min} && <= ${max}`, value);
  return value;
}

function createHistogram(options = { __proto__: null }) {
  if (options === null || typeof options !== 'object') {
    throw new ERR_INVALID_ARG_TYPE('options', 'Object', options);
  }
  const {
    lowest = 1,
    highest = NumberMAX_SAFE_INTEGER,
    figures = 3,
  } = options;
  const low = validateIntegerOption(lowest, 'options.lowest', 1, NumberMAX_SAFE_INTEGER);
  const high = validateIntegerOption(highest, 'options.highest', 2 * low, NumberMAX_SAFE_INTEGER);
  const fig = validateIntegerOption(figures, 'options.figures', 1, 5);
  const h = makeHistogram(RecordableHistogram, low, high, fig);
  h[kRecordable] = true;
  return h;
}

// monitorEventLoopDelay: an unref'd repeating timer of `resolution` ms records, each time it
// fires, the nanoseconds since it last fired; a busy loop shows up as longer intervals.
class IntervalHistogram extends Histogram {
  #timer = undefined;
  #resolution;
  #prev = 0n;

  constructor(dontThrow, resolution) {
    if (dontThrow !== kDontThrow) throw new ERR_ILLEGAL_CONSTRUCTOR();
    super(kDontThrow);
    this.#resolution = resolution;
  }

  enable() {
    if (!(#timer in this)) throw new ERR_INVALID_THIS('IntervalHistogram');
    if (this.#timer !== undefined) return false;
    const state = this[kState];
    this.#prev = hrtimeNs();
    const timers = require('internal/timers');
    this.#timer = timers.setInterval(() => {
      const now = hrtimeNs();
      const delta = Number(now - this.#prev);
      this.#prev = now;
      if (delta > 0 && !state.record(delta)) state.exceeds++;
    }, this.#resolution);
    this.#timer.unref();
    return true;
  }

  disable() {
    if (!(#timer in this)) throw new ERR_INVALID_THIS('IntervalHistogram');
    if (this.#timer === undefined) return false;
    require('internal/timers').clearInterval(this.#timer);
    this.#timer = undefined;
    return true;
  }

  [SymbolFor('nodejs.dispose')]() {
    this.disable();
  }
}
if (primordials.SymbolDispose !== undefined) {
  ObjectDefineProperty(IntervalHistogram.prototype, primordials.SymbolDispose, {
    __proto__: null, value: IntervalHistogram.prototype[SymbolFor('nodejs.dispose')],
    writable: true, configurable: true, enumerable: false,
  });
}

function monitorEventLoopDelay(options = { __proto__: null }) {
  if (options === null || typeof options !== 'object') {
    throw new ERR_INVALID_ARG_TYPE('options', 'Object', options);
  }
  const { resolution = 10 } = options;
  if (typeof resolution !== 'number') {
    throw new ERR_INVALID_ARG_TYPE('options.resolution', 'number', resolution);
  }
  if (!(resolution > 0) || !NumberIsInteger(resolution) || resolution > 2 ** 31 - 1) {
    throw new ERR_OUT_OF_RANGE('options.resolution', '> 0 && <= 2147483647', resolution);
  }
  const h = new IntervalHistogram(kDontThrow, resolution);
  h[kState] = new HdrState(1, NumberMAX_SAFE_INTEGER, 3);
  return h;
}

module.exports = {
  Histogram,
  RecordableHistogram,
  IntervalHistogram,
  createHistogram,
  monitorEventLoopDelay,
  isHistogram,
};
