'use strict';
// Histograms of node:perf_hooks (createHistogram, monitorEventLoopDelay), with the arithmetic of
// the HdrHistogram that Node uses: values are bucketed with `figures` significant decimal digits
// (a value v lands in a bucket covering [lowestEquivalent(v), highestEquivalent(v)]), and min,
// max, mean, stddev and percentiles are computed from the buckets exactly as HdrHistogram does,
// so they match Node's figures. Counts are kept sparsely (a Map from bucket index to count) and
// everything runs in JS: recording costs no crossing into C.

const {
  ArrayIsArray,
  ArrayPrototypePush,
  ArrayPrototypeSort,
  BigInt,
  Float64Array,
  MathAbs,
  MathCeil,
  MathClz32,
  MathFloor,
  MathLog,
  MathPow,
  MathSqrt,
  MathTrunc,
  Map,
  MapPrototypeSet,
  NumberIsInteger,
  NumberIsNaN,
  NumberMAX_SAFE_INTEGER,
  ObjectDefineProperty,
  ObjectKeys,
  RangeError,
  Symbol,
  SymbolFor,
} = primordials;

const {
  codes: {
    ERR_ILLEGAL_CONSTRUCTOR,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
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

let perfBinding;
function stats() {
  perfBinding ??= internalBinding('perf');
  return perfBinding;
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
    // HdrHistogram's counts_len: enough buckets (each twice as wide as the last) to hold `highest`,
    // plus one, of subBucketHalfCount slots each. Index-based comparisons between histograms
    // (ksTest, subtract...) and the bucket iterators run over this many slots, as Node's do.
    let smallestUntrackable = this.subBucketCount * pow2(this.unitMagnitude);
    let buckets = 1;
    while (smallestUntrackable <= highest) {
      smallestUntrackable *= 2;
      buckets++;
    }
    this.countsLen = (buckets + 1) * this.subBucketHalfCount;
    this.limit = this.valueAtIndex(this.countsLen);   // the smallest value beyond every slot
    // Exponentially weighted moving average of recorded values (and of the fraction above
    // `threshold`), on when alpha > 0 (createHistogram's halfLife option).
    this.alpha = 0;
    this.threshold = 0;
    this.reset();
  }

  reset() {
    // counts[index] is the count of a bucket (a hole when none); `sorted` caches the indexes in
    // use, ascending. Indexes stay below ~(53 + 1) * 2^(figures digits), so the array is small.
    this.counts = [];
    this.sorted = null;
    this.total = 0;
    this.meanCache = undefined;
    this.minValue = Infinity;      // smallest recorded non-zero value (raw)
    this.maxValue = 0;             // largest recorded value (raw)
    this.exceeds = 0;
    this.prevDelta = 0n;
    this.ewmaStarted = false;
    this.ewmaMean = 0;
    this.ewmaVariance = 0;
    this.ewmaErrorRate = 0;
  }

  // Records one value as record()/recordDelta() do: counted as exceeding when out of range, and
  // fed to the moving averages when recorded.
  recordValue(value) {
    if (!this.record(value)) {
      this.exceeds++;
      return;
    }
    this.observe(value);
  }

  observe(value) {
    const alpha = this.alpha;
    if (!(alpha > 0)) return;
    const threshold = this.threshold;
    if (!this.ewmaStarted) {
      this.ewmaStarted = true;
      this.ewmaMean = value;
      this.ewmaVariance = 0;
      if (threshold > 0) this.ewmaErrorRate = value > threshold ? 1 : 0;
      return;
    }
    const diff = value - this.ewmaMean;
    this.ewmaMean += alpha * diff;
    this.ewmaVariance = (1 - alpha) * (this.ewmaVariance + alpha * diff * diff);
    if (threshold > 0) this.ewmaErrorRate += alpha * ((value > threshold ? 1 : 0) - this.ewmaErrorRate);
  }

  // HdrHistogram's corrected recording: `value`, then the samples a stalled measurement loop with
  // period `interval` missed (value - interval, value - 2 * interval, ... down to interval). The
  // missed samples are added one bucket at a time, so the work is bounded by the bucket count.
  recordCorrected(value, interval) {
    if (!this.record(value)) {
      this.exceeds++;
      return;
    }
    this.observe(value);
    if (value <= interval) return;
    let cur = value - interval;
    while (cur >= interval) {
      let low = this.lowestEquivalent(cur);
      if (low < interval) low = interval;
      const n = MathFloor((cur - low) / interval) + 1;
      this.record(cur, n);
      cur -= n * interval;
    }
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
    this.meanCache = undefined;
    if (value !== 0 && value < this.minValue) this.minValue = value;
    if (value > this.maxValue) this.maxValue = value;
    return true;
  }

  indexes() {
    if (this.sorted === null) {
      // The own keys of an array come in ascending index order; with fine-grained histograms
      // the array is long and mostly holes, so listing them beats scanning every slot.
      const keys = [];
      const counts = this.counts;
      const names = ObjectKeys(counts);
      for (let i = 0; i < names.length; i++) {
        const index = +names[i];
        if (counts[index] !== undefined) ArrayPrototypePush(keys, index);
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
    if (this.meanCache === undefined) this.meanCache = this.computeMean();
    return this.meanCache;
  }

  computeMean() {
    if (this.total === 0) return NaN;
    // HdrHistogram sums in an int64; the double sum is exact until it passes 2^53, then the rest
    // is summed as a bigint so that the result rounds as Node's does.
    let sum = 0;
    let big = null;
    const keys = this.indexes();
    for (let i = 0; i < keys.length; i++) {
      const count = this.counts[keys[i]];
      const median = this.medianEquivalent(this.valueAtIndex(keys[i]));
      const term = count * median;
      if (big === null && (term > NumberMAX_SAFE_INTEGER || sum + term > NumberMAX_SAFE_INTEGER)) big = BigInt(sum);
      if (big === null) sum += term;
      else big += BigInt(count) * BigInt(median);
    }
    return (big === null ? sum : Number(big)) / this.total;
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

  // hdr_value_at_percentile, also for 0 (the lowest value of the first bucket in use).
  percentileAt(p) {
    if (p !== 0) return this.percentile(p);
    if (this.total === 0) return 0;
    const keys = this.indexes();
    for (let i = 0; i < keys.length; i++) {
      if (this.counts[keys[i]] > 0) return this.valueAtIndex(keys[i]);
    }
    return 0;
  }

  // Values at each of `sorted` (ascending percentiles in (0, 100]) in one pass, as
  // hdr_value_at_percentiles does: a percentile never reached keeps its target count.
  percentilesAt(sorted) {
    const out = [];
    for (let i = 0; i < sorted.length; i++) {
      const requested = sorted[i] < 100 ? sorted[i] : 100;
      const atCount = MathTrunc((requested / 100) * this.total + 0.5);
      out[i] = atCount > 1 ? atCount : 1;
    }
    const keys = this.indexes();
    let cumulative = 0;
    let pos = 0;
    for (let k = 0; k < keys.length && pos < out.length; k++) {
      cumulative += this.counts[keys[k]];
      while (pos < out.length && cumulative >= out[pos]) {
        out[pos] = this.highestEquivalent(this.valueAtIndex(keys[k]));
        pos++;
      }
    }
    return out;
  }

  // The index of the slot holding an int64 value, or -1 if none does.
  slotOf(v) {
    if (v < 0 || v >= this.limit) return -1;
    return this.countsIndexFor(v);
  }

  countAt(value) {
    const index = this.slotOf(toInt64(value));
    if (index < 0) return 0;
    return this.counts[index] ?? 0;
  }

  // Fraction of the recorded values in the slots up to the one holding `value`.
  cdf(value) {
    if (this.total === 0) return 0;
    const v = toInt64(value);
    if (v >= this.limit) return 1;
    const last = v <= 0 ? 0 : this.countsIndexFor(v);
    const keys = this.indexes();
    let cumulative = 0;
    for (let i = 0; i < keys.length && keys[i] <= last; i++) cumulative += this.counts[keys[i]];
    return cumulative / this.total;
  }

  // Standardised central moment of order 3 or 4 over the buckets' middle values (0 with too few
  // values or no spread); kurtosis is the excess over the normal distribution's 3.
  moment(order) {
    if (this.total < order) return 0;
    const mean = this.mean();
    let m2 = 0;
    let mk = 0;
    const keys = this.indexes();
    for (let i = 0; i < keys.length; i++) {
      const count = this.counts[keys[i]];
      const dev = this.medianEquivalent(this.valueAtIndex(keys[i])) - mean;
      const dev2 = dev * dev;
      m2 += count * dev2;
      mk += order === 3 ? count * dev2 * dev : count * dev2 * dev2;
    }
    const n = this.total;
    const variance = m2 / n;
    if (variance === 0) return 0;
    if (order === 3) return (mk / n) / (variance * MathSqrt(variance));
    return (mk / n) / (variance * variance) - 3;
  }

  // HdrHistogram's linear and logarithmic iterators: walks the slots in order and, each time the
  // slot reached holds the next reporting level (firstLevel, then next(level)...), calls
  // fn(slot value, count added since the previous report). Like Node, a level that falls in the
  // same slot as the previous report is reported again with a count of 0; a level beyond the last
  // slot reports what remains at the last slot.
  buckets(firstLevel, next, fn) {
    const len = this.countsLen;
    const counts = this.counts;
    const keys = this.indexes();
    let k = 0;                     // keys[k] is the next slot in use after `index`
    let index = -1;
    let value = 0;
    let cumulative = 0;
    let level = firstLevel;
    let levelLow = level < this.limit ? this.lowestEquivalent(level) : Infinity;
    for (;;) {
      if (!(cumulative < this.total || (index < len && this.valueAtIndex(index + 1) > levelLow))) return;
      let added = 0;
      for (;;) {
        if (value >= levelLow) {
          fn(value, added);
          // Levels that land in this same slot report it again with nothing added; the last of
          // them wins in a Map, so one report stands for them all.
          level = next(level, this.highestEquivalent(value), false);
          levelLow = level < this.limit ? this.lowestEquivalent(level) : Infinity;
          if (levelLow === value) {
            fn(value, 0);
            level = next(level, this.highestEquivalent(value), true);
            levelLow = level < this.limit ? this.lowestEquivalent(level) : Infinity;
          }
          break;
        }
        // Step to the next slot that matters (empty slots in between change nothing): the next
        // one in use or the one holding the level, whichever comes first.
        let target = k < keys.length ? keys[k] : len;
        if (levelLow !== Infinity) {
          const levelSlot = this.countsIndexFor(levelLow);
          if (levelSlot < target) target = levelSlot;
        }
        if (target <= index) target = index + 1;
        if (target >= len) {
          if (index + 1 >= len) {
            fn(value, added);       // past the last slot: report what the last one gathered
            return;
          }
          target = len - 1;
        }
        index = target;
        if (k < keys.length && keys[k] === index) {
          const count = counts[index];
          added += count;
          cumulative += count;
          k++;
        }
        value = this.valueAtIndex(index);
      }
    }
  }

  // subtract(): slot-wise difference, negative counts clamped to 0, then min, max and total
  // recounted from the slots as hdr_reset_internal_counters does.
  subtract(other) {
    const len = this.countsLen < other.countsLen ? this.countsLen : other.countsLen;
    const keys = other.indexes();
    for (let i = 0; i < keys.length; i++) {
      const index = keys[i];
      if (index >= len) break;
      const mine = this.counts[index];
      if (mine === undefined) continue;
      const count = mine - other.counts[index];
      this.counts[index] = count > 0 ? count : undefined;
    }
    this.sorted = null;
    let total = 0;
    let minIndex = -1;
    let maxIndex = -1;
    const mine = this.indexes();
    for (let i = 0; i < mine.length; i++) {
      const index = mine[i];
      total += this.counts[index];
      maxIndex = index;
      if (minIndex === -1 && index !== 0) minIndex = index;
    }
    this.total = total;
    this.meanCache = undefined;
    this.maxValue = maxIndex === -1 ? 0 : this.highestEquivalent(this.valueAtIndex(maxIndex));
    this.minValue = minIndex === -1 ? Infinity : this.valueAtIndex(minIndex);
    this.exceeds = this.exceeds > other.exceeds ? this.exceeds - other.exceeds : 0;
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

// The int64 a C++ cast makes of a double: truncated, and INT64_MIN for NaN, infinities and
// anything out of range (what x86-64 gives and Node reports).
function toInt64(x) {
  if (!(x >= -9223372036854775808 && x < 9223372036854775808)) return -9223372036854775808;
  return MathTrunc(x);
}

// Calls fn(c1, c2) for every slot index in use in either histogram, ascending, with both counts.
function forEachSlot(a, b, fn) {
  const ka = a.indexes();
  const kb = b.indexes();
  let i = 0;
  let j = 0;
  while (i < ka.length || j < kb.length) {
    const ia = i < ka.length ? ka[i] : Infinity;
    const ib = j < kb.length ? kb[j] : Infinity;
    if (ia === ib) {
      fn(a.counts[ia], b.counts[ib]);
      i++;
      j++;
    } else if (ia < ib) {
      fn(a.counts[ia], 0);
      i++;
    } else {
      fn(0, b.counts[ib]);
      j++;
    }
  }
}

// Largest distance between the two cumulative distributions, slot by slot.
function ksStatistic(a, b) {
  const n1 = a.total;
  const n2 = b.total;
  if (n1 === 0 || n2 === 0) return 0;
  let cum1 = 0;
  let cum2 = 0;
  let maxD = 0;
  forEachSlot(a, b, (c1, c2) => {
    cum1 += c1;
    cum2 += c2;
    const cdf1 = cum1 / n1;
    const cdf2 = cum2 / n2;
    const d = cdf1 > cdf2 ? cdf1 - cdf2 : cdf2 - cdf1;
    if (d > maxD) maxD = d;
  });
  return maxD;
}

// Pairs (x from a, y from b) with x > y ("greater") and x == y ("tied"), by slot.
function pairCounts(a, b) {
  let cum2 = 0;
  let greater = 0;
  let tied = 0;
  forEachSlot(a, b, (c1, c2) => {
    greater += c1 * cum2;
    tied += c1 * c2;
    cum2 += c2;
  });
  return { greater, tied };
}

// Node answers a comparison of a histogram with itself with the "no data" result of each test.
function mannWhitney(a, b) {
  if (a === b) return [0, 0, 1];
  const n1 = a.total;
  const n2 = b.total;
  if (n1 === 0 || n2 === 0) return [0, 0, 1];
  const { greater, tied } = pairCounts(a, b);
  const u = greater + 0.5 * tied;
  const mu = n1 * n2 / 2;
  const n = n1 + n2;
  let ties = 0;
  forEachSlot(a, b, (c1, c2) => {
    const t = c1 + c2;
    if (t > 1) ties += t * t * t - t;
  });
  const sigma2 = (n1 * n2 / 12) * (n + 1 - ties / (n * (n - 1)));
  if (sigma2 <= 0) return [u, 0, 1];
  const z = (u - mu) / MathSqrt(sigma2);
  return [u, z, 2 * stats().normalCdf(-MathAbs(z))];
}

function cliffsDelta(a, b) {
  const n1 = a.total;
  const n2 = b.total;
  if (n1 === 0 || n2 === 0) return 0;
  const { greater, tied } = pairCounts(a, b);
  const less = n1 * n2 - greater - tied;
  return (greater - less) / (n1 * n2);
}

// Unbiased variance from HdrHistogram's (population) standard deviation.
function sampleVariance(state) {
  const sd = state.stddev();
  return sd * sd * state.total / (state.total - 1);
}

function cohensD(a, b) {
  const n1 = a.total;
  const n2 = b.total;
  if (n1 < 2 || n2 < 2) return 0;
  const pooled = MathSqrt(((n1 - 1) * sampleVariance(a) + (n2 - 1) * sampleVariance(b)) / (n1 + n2 - 2));
  if (pooled === 0) return 0;
  return (a.mean() - b.mean()) / pooled;
}

function welch(a, b, confidence) {
  if (a === b) return [0, 0, 1, 0, 0];
  const n1 = a.total;
  const n2 = b.total;
  if (n1 < 2 || n2 < 2) return [0, 0, 1, 0, 0];
  const mean1 = a.mean();
  const mean2 = b.mean();
  const se1 = sampleVariance(a) / n1;
  const se2 = sampleVariance(b) / n2;
  const se = se1 + se2;
  if (se === 0) return [0, 0, 1, 0, 0];
  const t = (mean1 - mean2) / MathSqrt(se);
  const df = (se * se) / (se1 * se1 / (n1 - 1) + se2 * se2 / (n2 - 1));
  const binding = stats();
  const p = 2 * binding.studentTCdf(-MathAbs(t), df);
  const margin = binding.studentTUpperQuantile((1 - confidence) / 2, df) * MathSqrt(se);
  const diff = mean1 - mean2;
  return [t, df, p, diff - margin, diff + margin];
}

function percentileCI(state, percentile, confidence) {
  const value = state.percentileAt(percentile);
  const n = state.total;
  if (n < 2) return [value, value, value];
  const p = percentile / 100;
  const tail = (1 - confidence) / 2;
  const binding = stats();
  const lower = binding.percentileRank(n, p, tail, 0) / n * 100;
  const upper = binding.percentileRank(n, p, tail, 1) / n * 100;
  return [value, state.percentileAt(lower), state.percentileAt(upper)];
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
      skewness: this.skewness,
      kurtosis: this.kurtosis,
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
  get skewness() { return validateThis(this).moment(3); }
  get kurtosis() { return validateThis(this).moment(4); }

  get ewmaMean() {
    const state = validateThis(this);
    return state.ewmaStarted ? state.ewmaMean : 0;
  }

  get ewmaStddev() {
    const state = validateThis(this);
    return state.ewmaStarted ? MathSqrt(state.ewmaVariance) : 0;
  }

  get ewmaErrorRate() {
    const state = validateThis(this);
    return state.ewmaStarted ? state.ewmaErrorRate : 0;
  }

  // How fast the SLO's error budget (1 - sloTarget) is being spent at the current error rate.
  burnRate(sloTarget) {
    const state = validateThis(this);
    validateNumber(sloTarget, 'sloTarget');
    if (NumberIsNaN(sloTarget) || sloTarget <= 0 || sloTarget >= 1) {
      throw new ERR_OUT_OF_RANGE('sloTarget', '> 0 && < 1', sloTarget);
    }
    const rate = state.ewmaStarted ? state.ewmaErrorRate : 0;
    return rate / (1 - sloTarget);
  }

  cdf(value) {
    const state = validateThis(this);
    validateNumber(value, 'value');
    return state.cdf(value);
  }

  ccdf(value) {
    const state = validateThis(this);
    validateNumber(value, 'value');
    return 1 - state.cdf(value);
  }

  countAt(value) {
    const state = validateThis(this);
    validateNumber(value, 'value');
    return state.countAt(value);
  }

  percentilesAt(percentiles) {
    const state = validateThis(this);
    if (!ArrayIsArray(percentiles)) throw new ERR_INVALID_ARG_TYPE('percentiles', 'Array', percentiles);
    const sorted = [];
    for (let i = 0; i < percentiles.length; i++) {
      const p = percentiles[i];
      validateNumber(p, `percentiles[${i}]`);
      if (NumberIsNaN(p) || p <= 0 || p > 100) throw new ERR_OUT_OF_RANGE(`percentiles[${i}]`, '> 0 && <= 100', p);
      ArrayPrototypePush(sorted, p);
    }
    ArrayPrototypeSort(sorted, (a, b) => a - b);
    const values = state.percentilesAt(sorted);
    const map = new Map();
    for (let i = 0; i < sorted.length; i++) MapPrototypeSet(map, sorted[i], values[i]);
    return map;
  }

  percentileCI(percentile, options = kEmptyObject) {
    const state = validateThis(this);
    validateNumber(percentile, 'percentile');
    if (NumberIsNaN(percentile) || percentile <= 0 || percentile > 100) {
      throw new ERR_OUT_OF_RANGE('percentile', '> 0 && <= 100', percentile);
    }
    const confidence = validateConfidence(options);
    const [value, lower, upper] = percentileCI(state, percentile, confidence);
    return { __proto__: null, value, lower, upper };
  }

  // Counts per linear bucket of `stepSize`, keyed by the bucket's (HdrHistogram) value.
  linearBuckets(stepSize) {
    const state = validateThis(this);
    validateInteger(stepSize, 'stepSize', 1);
    const map = new Map();
    state.buckets(stepSize, (level, top, skip) => {
      return skip ? level + stepSize * MathCeil((top + 1 - level) / stepSize) : level + stepSize;
    }, (key, count) => MapPrototypeSet(map, key, count));
    return map;
  }

  // Counts per logarithmic bucket: the first ends at firstBucket, each next one `base` times
  // further. Like HdrHistogram, the levels grow by the integer part of `base`.
  logBuckets(firstBucket, base) {
    const state = validateThis(this);
    validateInteger(firstBucket, 'firstBucket', 1);
    validateNumber(base, 'base');
    if (base <= 1) throw new ERR_OUT_OF_RANGE('base', '> 1', base);
    // Node truncates the base to an integer, so bases below 2 (and NaN) never advance and its
    // iteration does not end; reject them instead of hanging.
    if (!(base >= 2)) throw new ERR_OUT_OF_RANGE('base', '>= 2', base);
    const factor = MathTrunc(base);
    const map = new Map();
    state.buckets(firstBucket, (level, top, skip) => {
      if (!skip) return level * factor;
      while (level <= top) level *= factor;
      return level;
    }, (key, count) => MapPrototypeSet(map, key, count));
    return map;
  }

  // Kolmogorov-Smirnov statistic D between the two distributions.
  ksTest(other) {
    const state = validateThis(this);
    validateOther(other);
    return ksStatistic(state, other[kState]);
  }

  welchTest(other, options = kEmptyObject) {
    const state = validateThis(this);
    validateOther(other);
    const confidence = validateConfidence(options);
    const r = welch(state, other[kState], confidence);
    return {
      __proto__: null,
      tStatistic: r[0],
      degreesOfFreedom: r[1],
      pValue: r[2],
      confidenceInterval: { __proto__: null, lower: r[3], upper: r[4] },
    };
  }

  mannWhitneyTest(other) {
    const state = validateThis(this);
    validateOther(other);
    const r = mannWhitney(state, other[kState]);
    return { __proto__: null, uStatistic: r[0], zScore: r[1], pValue: r[2] };
  }

  cohensD(other) {
    const state = validateThis(this);
    validateOther(other);
    return cohensD(state, other[kState]);
  }

  cliffsD(other) {
    const state = validateThis(this);
    validateOther(other);
    return cliffsDelta(state, other[kState]);
  }

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
      skewness: this.skewness,
      kurtosis: this.kurtosis,
      ewmaMean: this.ewmaMean,
      ewmaStddev: this.ewmaStddev,
      ewmaErrorRate: this.ewmaErrorRate,
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

const kEmptyObject = { __proto__: null };

function validateNumber(value, name) {
  if (typeof value !== 'number') throw new ERR_INVALID_ARG_TYPE(name, 'number', value);
}

function validateInteger(value, name, min = -NumberMAX_SAFE_INTEGER, max = NumberMAX_SAFE_INTEGER) {
  if (typeof value !== 'number') throw new ERR_INVALID_ARG_TYPE(name, 'number', value);
  if (!NumberIsInteger(value)) throw new ERR_OUT_OF_RANGE(name, 'an integer', value);
  if (value < min || value > max) throw new ERR_OUT_OF_RANGE(name, `>= ${min} && <= ${max}`, value);
}

function validateObject(value, name) {
  if (value === null || ArrayIsArray(value) || typeof value !== 'object') {
    throw new ERR_INVALID_ARG_TYPE(name, 'object', value);
  }
}

function validateOther(other) {
  if (!isHistogram(other)) throw new ERR_INVALID_ARG_TYPE('other', 'Histogram', other);
}

function validateConfidence(options) {
  validateObject(options, 'options');
  const { confidence = 0.95 } = options;
  validateNumber(confidence, 'options.confidence');
  if (NumberIsNaN(confidence) || confidence <= 0 || confidence >= 1) {
    throw new ERR_OUT_OF_RANGE('options.confidence', '> 0 && < 1', confidence);
  }
  return confidence;
}

// The error Node's native layer raises for a bigint it cannot take as an int64 >= 1.
function nativeRangeError(message) {
  const err = new RangeError(message);
  err.code = 'ERR_OUT_OF_RANGE';
  return err;
}

const kInt64MaxBig = 9223372036854775807n;

// A bigint sample: must fit an int64 and be >= 1; values above the histogram's range (which
// never exceeds 2^53) count as exceeding it.
function bigintSample(state, val, what) {
  if (val < 1n || val > kInt64MaxBig) throw nativeRangeError(`${what} is out of range`);
  return val > BigInt(state.highest) ? Infinity : Number(val);
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
    const state = this[kState];
    if (typeof val === 'bigint') {
      state.recordValue(bigintSample(state, val, 'value'));
      return;
    }
    state.recordValue(validateRecordValue(val, 'val'));
  }

  // Records `val` and the samples a measurement loop expecting one every `expectedInterval`
  // would have missed while `val` lasted (coordinated omission correction).
  recordCorrected(val, expectedInterval) {
    if (this?.[kRecordable] !== true) throw new ERR_INVALID_THIS('RecordableHistogram');
    const state = this[kState];
    if (typeof val === 'bigint') {
      if (typeof expectedInterval !== 'bigint') {
        throw new ERR_INVALID_ARG_TYPE('expectedInterval', 'bigint', expectedInterval);
      }
      const value = bigintSample(state, val, 'value');
      if (expectedInterval < 1n || expectedInterval > kInt64MaxBig) {
        throw nativeRangeError('expected_interval is out of range');
      }
      const interval = expectedInterval > BigInt(NumberMAX_SAFE_INTEGER) ? Infinity : Number(expectedInterval);
      state.recordCorrected(value, interval);
      return;
    }
    validateInteger(val, 'val', 1);
    validateInteger(expectedInterval, 'expectedInterval', 1);
    state.recordCorrected(val, expectedInterval);
  }

  // Removes other's counts slot by slot (counts never go below 0).
  subtract(other) {
    if (this?.[kRecordable] !== true) throw new ERR_INVALID_THIS('RecordableHistogram');
    if (other[kRecordable] === undefined) {
      throw new ERR_INVALID_ARG_TYPE('other', 'RecordableHistogram', other);
    }
    this[kState].subtract(other[kState]);
  }

  // Records the nanoseconds elapsed since the previous call (the first call only starts the clock).
  recordDelta() {
    if (this?.[kRecordable] !== true) throw new ERR_INVALID_THIS('RecordableHistogram');
    const state = this[kState];
    const now = hrtimeNs();
    if (state.prevDelta !== 0n) {
      const delta = Number(now - state.prevDelta);
      state.recordValue(delta);
    }
    state.prevDelta = now;
  }

  add(other) {
    if (this?.[kRecordable] !== true) throw new ERR_INVALID_THIS('RecordableHistogram');
    if (other[kRecordable] === undefined) {
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

// A bigint lowest/highest, which Node passes to HdrHistogram unchecked. Ours computes in doubles,
// so it takes the same range as numbers (Node aborts on a lowest below 1; a highest above 2^53
// is not supported here).
function bigintOption(value, name) {
  if (value < 1n || value > BigInt(NumberMAX_SAFE_INTEGER)) {
    throw new ERR_OUT_OF_RANGE(name, `>= 1n && <= ${NumberMAX_SAFE_INTEGER}n`, value);
  }
  return Number(value);
}

function createHistogram(options = kEmptyObject) {
  validateObject(options, 'options');
  const {
    lowest = 1,
    highest = NumberMAX_SAFE_INTEGER,
    figures = 3,
  } = options;
  if (typeof lowest !== 'bigint') validateInteger(lowest, 'options.lowest', 1, NumberMAX_SAFE_INTEGER);
  if (typeof highest !== 'bigint') {
    validateInteger(highest, 'options.highest', 2 * lowest, NumberMAX_SAFE_INTEGER);
  } else if (highest < 2n * lowest) {
    throw new ERR_INVALID_ARG_VALUE.RangeError('options.highest', highest);
  }
  validateInteger(figures, 'options.figures', 1, 5);
  const low = typeof lowest === 'bigint' ? bigintOption(lowest, 'options.lowest') : lowest;
  const high = typeof highest === 'bigint' ? bigintOption(highest, 'options.highest') : highest;
  const fig = figures;
  const { halfLife = 0, threshold = 0 } = options;
  validateNumber(halfLife, 'options.halfLife');
  if (halfLife < 0) throw new ERR_OUT_OF_RANGE('options.halfLife', '>= 0', halfLife);
  validateNumber(threshold, 'options.threshold');
  if (threshold < 0) throw new ERR_OUT_OF_RANGE('options.threshold', '>= 0', threshold);
  const h = makeHistogram(RecordableHistogram, low, high, fig);
  const state = h[kState];
  if (halfLife > 0) state.alpha = stats().ewmaAlpha(halfLife);
  // Node keeps the threshold as an int64: truncated, and no threshold at all when it does not fit.
  state.threshold = toInt64(threshold) > 0 ? toInt64(threshold) : 0;
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
      if (delta > 0) state.recordValue(delta);
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
