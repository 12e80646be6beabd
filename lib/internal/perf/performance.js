'use strict';
// The `performance` object and the user timing entries of node:perf_hooks: marks, measures,
// resource timing, nodeTiming, eventLoopUtilization and timerify.
//
// Times are milliseconds since the time origin (process start, see src/node/perf_binding.c).

const {
  ArrayPrototypePush,
  FunctionPrototypeCall,
  MathCeil,
  MathFloor,
  NumberIsNaN,
  ObjectDefineProperties,
  ObjectGetOwnPropertyDescriptor,
  ObjectDefineProperty,
  ReflectApply,
  ReflectConstruct,
  SafeMap,
  SafeSet,
  Symbol,
  SymbolFor,
  SymbolToStringTag,
} = primordials;

const {
  codes: {
    ERR_ILLEGAL_CONSTRUCTOR,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_THIS,
    ERR_MISSING_ARGS,
    ERR_PERFORMANCE_INVALID_TIMESTAMP,
    ERR_PERFORMANCE_MEASURE_INVALID_OPTIONS,
  },
} = require('internal/errors');

const { EventTarget, initEventTarget, defineEventHandler } = require('internal/event_target');
const {
  PerformanceEntry,
  createPerformanceNodeEntry,
  enqueue,
  enqueueUnbuffered,
  hasObserver,
  filterBufferMapByNameAndType,
  clearEntriesFromBuffer,
  setResourceTimingBufferSize,
  setPerformanceTarget,
  kSkipThrow,
  kName,
  kType,
  kStart,
  kDuration,
  customInspect,
} = require('internal/perf/observe');
const { isHistogram } = require('internal/perf/histogram');

const binding = internalBinding('perf');
const now = binding.now;
const timeOrigin = binding.timeOrigin();
const kInspect = SymbolFor('nodejs.util.inspect.custom');

let structuredCloneFn;
function structuredClone(value) {
  structuredCloneFn ??= require('internal/structured_clone').structuredClone;
  return structuredCloneFn(value);
}

let DOMExceptionCtor;
function lazyDOMException(message, name) {
  DOMExceptionCtor ??= require('internal/per_context/domexception').DOMException;
  return new DOMExceptionCtor(message, name);
}

// ---------------------------------------------------------------------------------------------
// nodeTiming

// Indexes into the milestones array filled by the binding (src/node/perf_binding.h).
const kMilestoneEngineStart = 0;
const kMilestoneEnvironment = 1;
const kMilestoneBootstrapComplete = 2;
const kMilestoneLoopStart = 3;
const kMilestoneLoopExit = 4;
const kMilestoneNodeStart = 5;
const milestones = new Float64Array(6);

function milestone(index) {
  binding.milestones(milestones);
  return milestones[index];
}

class PerformanceNodeTiming {
  constructor() {
    throw new ERR_ILLEGAL_CONSTRUCTOR();
  }
}

// Getters on the one instance, in Node's order.
const nodeTimingGetters = {
  name() { return 'node'; },
  entryType() { return 'node'; },
  startTime() { return 0; },
  duration() { return now(); },
  nodeStart() { return milestone(kMilestoneNodeStart); },
  v8Start() { return milestone(kMilestoneEngineStart); },
  bootstrapComplete() { return milestone(kMilestoneBootstrapComplete); },
  environment() { return milestone(kMilestoneEnvironment); },
  loopStart() { return milestone(kMilestoneLoopStart); },
  loopExit() { return milestone(kMilestoneLoopExit); },
  idleTime() { return binding.loopIdleTime(); },
};
const nodeTiming = { __proto__: PerformanceNodeTiming.prototype };
{
  const props = { __proto__: null };
  for (const key of Object.keys(nodeTimingGetters)) {
    props[key] = { __proto__: null, get: nodeTimingGetters[key], enumerable: true, configurable: true };
  }
  ObjectDefineProperties(nodeTiming, props);
  ObjectDefineProperty(PerformanceNodeTiming.prototype, kInspect, {
    __proto__: null,
    value(depth, options) {
      const obj = {};
      for (const key of Object.keys(nodeTimingGetters)) obj[key] = this[key];
      return customInspect(this, 'PerformanceNodeTiming', obj, depth, options);
    },
    writable: true,
    configurable: true,
  });
  ObjectDefineProperty(PerformanceNodeTiming.prototype, 'toJSON', {
    __proto__: null,
    value() {
      const obj = {};
      for (const key of Object.keys(nodeTimingGetters)) obj[key] = this[key];
      return obj;
    },
    writable: true,
    configurable: true,
  });
}
const nodeTimingReadOnlyAttributes = new SafeSet(['nodeStart', 'v8Start', 'environment',
  'loopStart', 'loopExit', 'bootstrapComplete']);

// ---------------------------------------------------------------------------------------------
// User timing: marks and measures

const markTimings = new SafeMap();  // the startTime of the latest mark of each name

function getMark(name) {
  if (name === undefined) return undefined;
  if (typeof name === 'number') {
    if (name < 0) throw new ERR_PERFORMANCE_INVALID_TIMESTAMP(name);
    return name;
  }
  name = `${name}`;
  if (nodeTimingReadOnlyAttributes.has(name)) return nodeTiming[name];
  const ts = markTimings.get(name);
  if (ts === undefined) {
    throw lazyDOMException(`The "${name}" performance mark has not been set`, 'SyntaxError');
  }
  return ts;
}

const kDetail = Symbol('kDetail');

// The members PerformanceMark and PerformanceMeasure share: the enumerable `detail` getter (brand
// checked), toJSON with the detail, and the toStringTag.
function defineDetail(cls) {
  const name = cls.name;
  // An accessor named `detail` (get detail), as a class getter would be.
  const { get } = ObjectGetOwnPropertyDescriptor({
    get detail() {
      if (this?.[kDetail] === undefined) throw new ERR_INVALID_THIS(name);
      return this[kDetail];
    },
  }, 'detail');
  ObjectDefineProperties(cls.prototype, {
    detail: { __proto__: null, get, enumerable: true, configurable: true },
    toJSON: {
      __proto__: null,
      writable: true,
      configurable: true,
      value: function toJSON() {
        return {
          name: this.name,
          entryType: this.entryType,
          startTime: this.startTime,
          duration: this.duration,
          detail: this[kDetail],
        };
      },
    },
    [SymbolToStringTag]: { __proto__: null, value: name, configurable: true },
  });
}

class PerformanceMark extends PerformanceEntry {
  constructor(name, options = undefined) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('name');
    name = `${name}`;
    if (nodeTimingReadOnlyAttributes.has(name)) throw new ERR_INVALID_ARG_VALUE('name', name);
    if (options != null && typeof options !== 'object') {
      throw new ERR_INVALID_ARG_TYPE('options', 'object', options);
    }
    const { detail, startTime = now() } = options ?? {};
    if (typeof startTime !== 'number') throw new ERR_INVALID_ARG_TYPE('startTime', 'number', startTime);
    if (startTime < 0) throw new ERR_PERFORMANCE_INVALID_TIMESTAMP(startTime);
    super(kSkipThrow, name, 'mark', startTime, 0);
    markTimings.set(name, startTime);
    this[kDetail] = detail != null ? structuredClone(detail) : null;
  }

}
defineDetail(PerformanceMark);

const kMeasureToken = Symbol('kMeasureToken');

class PerformanceMeasure extends PerformanceEntry {
  constructor(skipThrowSymbol = undefined, name = undefined, type = undefined, start = undefined,
    duration = undefined, detail = undefined) {
    if (skipThrowSymbol !== kMeasureToken) throw new ERR_ILLEGAL_CONSTRUCTOR();
    super(kSkipThrow, name, type, start, duration);
    this[kDetail] = detail;
  }

}
defineDetail(PerformanceMeasure);

function mark(name, options) {
  const entry = ReflectConstruct(PerformanceMark, arguments);
  enqueue(entry);
  return entry;
}

function calculateStartDuration(startOrMeasureOptions, endMark) {
  let start;
  let end;
  let duration;
  let optionsValid = false;
  if (startOrMeasureOptions !== null && typeof startOrMeasureOptions === 'object') {
    ({ start, end, duration } = startOrMeasureOptions);
    optionsValid = start !== undefined || end !== undefined;
  }
  if (optionsValid) {
    if (endMark !== undefined) {
      throw new ERR_PERFORMANCE_MEASURE_INVALID_OPTIONS('endMark must not be specified');
    }
    if (start !== undefined && end !== undefined && duration !== undefined) {
      throw new ERR_PERFORMANCE_MEASURE_INVALID_OPTIONS(
        'Must not have options.start, options.end, and options.duration specified');
    }
  }

  if (endMark !== undefined) {
    end = getMark(endMark);
  } else if (optionsValid && end !== undefined) {
    end = getMark(end);
  } else if (optionsValid && start !== undefined && duration !== undefined) {
    end = getMark(start) + getMark(duration);
  } else {
    end = now();
  }

  if (typeof startOrMeasureOptions === 'string') {
    start = getMark(startOrMeasureOptions);
  } else if (optionsValid && start !== undefined) {
    start = getMark(start);
  } else if (optionsValid && duration !== undefined && end !== undefined) {
    start = end - getMark(duration);
  } else {
    start = 0;
  }
  return { start, duration: end - start };
}

function measure(name, startOrMeasureOptions, endMark) {
  if (arguments.length === 0) throw new ERR_MISSING_ARGS('name');
  name = `${name}`;
  const { start, duration } = calculateStartDuration(startOrMeasureOptions, endMark);
  let detail = startOrMeasureOptions?.detail;
  detail = detail != null ? structuredClone(detail) : null;
  const entry = new PerformanceMeasure(kMeasureToken, name, 'measure', start, duration, detail);
  enqueue(entry);
  return entry;
}

function clearMarks(name) {
  if (name !== undefined) {
    name = `${name}`;
    markTimings.delete(name);
    clearEntriesFromBuffer('mark', name);
  } else {
    markTimings.clear();
    clearEntriesFromBuffer('mark');
  }
}

function clearMeasures(name) {
  clearEntriesFromBuffer('measure', name !== undefined ? `${name}` : undefined);
}

function clearResourceTimings(name) {
  clearEntriesFromBuffer('resource', name !== undefined ? `${name}` : undefined);
}

// ---------------------------------------------------------------------------------------------
// Resource timing

const kTimingInfo = Symbol('kTimingInfo');
const kRequestedUrl = Symbol('kRequestedUrl');
const kInitiatorType = Symbol('kInitiatorType');
const kCacheMode = Symbol('kCacheMode');
const kDeliveryType = Symbol('kDeliveryType');
const kResponseStatus = Symbol('kResponseStatus');

function validateResourceTiming(self) {
  if (self?.[kTimingInfo] === undefined) throw new ERR_INVALID_THIS('PerformanceResourceTiming');
  return self[kTimingInfo];
}

class PerformanceResourceTiming extends PerformanceEntry {
  constructor(skipThrowSymbol = undefined, name = undefined, type = undefined) {
    if (skipThrowSymbol !== kSkipThrow) throw new ERR_ILLEGAL_CONSTRUCTOR();
    super(skipThrowSymbol, name, type);
  }

  get name() {
    validateResourceTiming(this);
    return this[kRequestedUrl];
  }

  get startTime() {
    return validateResourceTiming(this).startTime;
  }

  get duration() {
    const info = validateResourceTiming(this);
    return info.endTime - info.startTime;
  }

  get initiatorType() {
    validateResourceTiming(this);
    return this[kInitiatorType];
  }

  get workerStart() {
    return validateResourceTiming(this).finalServiceWorkerStartTime;
  }

  get redirectStart() {
    return validateResourceTiming(this).redirectStartTime;
  }

  get redirectEnd() {
    return validateResourceTiming(this).redirectEndTime;
  }

  get fetchStart() {
    return validateResourceTiming(this).postRedirectStartTime;
  }

  get domainLookupStart() {
    return validateResourceTiming(this).finalConnectionTimingInfo?.domainLookupStartTime;
  }

  get domainLookupEnd() {
    return validateResourceTiming(this).finalConnectionTimingInfo?.domainLookupEndTime;
  }

  get connectStart() {
    return validateResourceTiming(this).finalConnectionTimingInfo?.connectionStartTime;
  }

  get connectEnd() {
    return validateResourceTiming(this).finalConnectionTimingInfo?.connectionEndTime;
  }

  get secureConnectionStart() {
    return validateResourceTiming(this).finalConnectionTimingInfo?.secureConnectionStartTime;
  }

  get nextHopProtocol() {
    return validateResourceTiming(this).finalConnectionTimingInfo?.ALPNNegotiatedProtocol;
  }

  get requestStart() {
    return validateResourceTiming(this).finalNetworkRequestStartTime;
  }

  get responseStart() {
    return validateResourceTiming(this).finalNetworkResponseStartTime;
  }

  get responseEnd() {
    return validateResourceTiming(this).endTime;
  }

  get encodedBodySize() {
    return validateResourceTiming(this).encodedBodySize;
  }

  get decodedBodySize() {
    return validateResourceTiming(this).decodedBodySize;
  }

  // A response from the local cache transfers nothing; otherwise the body plus an assumed 300
  // bytes of headers (the Resource Timing spec's figure).
  get transferSize() {
    const info = validateResourceTiming(this);
    if (this[kCacheMode] === 'local') return 0;
    return info.encodedBodySize + 300;
  }

  get deliveryType() {
    validateResourceTiming(this);
    return this[kDeliveryType];
  }

  get responseStatus() {
    validateResourceTiming(this);
    return this[kResponseStatus];
  }

  toJSON() {
    validateResourceTiming(this);
    return {
      name: this.name,
      entryType: this.entryType,
      startTime: this.startTime,
      duration: this.duration,
      initiatorType: this.initiatorType,
      nextHopProtocol: this.nextHopProtocol,
      workerStart: this.workerStart,
      redirectStart: this.redirectStart,
      redirectEnd: this.redirectEnd,
      fetchStart: this.fetchStart,
      domainLookupStart: this.domainLookupStart,
      domainLookupEnd: this.domainLookupEnd,
      connectStart: this.connectStart,
      connectEnd: this.connectEnd,
      secureConnectionStart: this.secureConnectionStart,
      requestStart: this.requestStart,
      responseStart: this.responseStart,
      responseEnd: this.responseEnd,
      transferSize: this.transferSize,
      encodedBodySize: this.encodedBodySize,
      decodedBodySize: this.decodedBodySize,
      deliveryType: this.deliveryType,
      responseStatus: this.responseStatus,
    };
  }
}
{
  const props = { __proto__: null };
  for (const key of ['name', 'startTime', 'duration', 'initiatorType', 'workerStart',
    'redirectStart', 'redirectEnd', 'fetchStart', 'domainLookupStart', 'domainLookupEnd',
    'connectStart', 'connectEnd', 'secureConnectionStart', 'nextHopProtocol', 'requestStart',
    'responseStart', 'responseEnd', 'encodedBodySize', 'decodedBodySize', 'transferSize',
    'deliveryType', 'responseStatus', 'toJSON']) {
    props[key] = { __proto__: null, enumerable: true };
  }
  props[SymbolToStringTag] = { __proto__: null, value: 'PerformanceResourceTiming', configurable: true };
  ObjectDefineProperties(PerformanceResourceTiming.prototype, props);
}

function markResourceTiming(timingInfo, requestedUrl, initiatorType, global, cacheMode,
  bodyInfo, responseStatus, deliveryType = '') {
  if (cacheMode !== '' && cacheMode !== 'local') {
    throw new ERR_INVALID_ARG_VALUE('cacheMode', cacheMode, "must be an empty string or 'local'");
  }
  if (timingInfo === null || typeof timingInfo !== 'object') {
    throw new ERR_INVALID_ARG_TYPE('timingInfo', 'object', timingInfo);
  }
  const entry = new PerformanceResourceTiming(kSkipThrow, requestedUrl, 'resource');
  entry[kTimingInfo] = timingInfo;
  entry[kRequestedUrl] = requestedUrl;
  entry[kInitiatorType] = initiatorType;
  entry[kCacheMode] = cacheMode;
  entry[kDeliveryType] = deliveryType;
  entry[kResponseStatus] = responseStatus;
  enqueue(entry);
  return entry;
}

// ---------------------------------------------------------------------------------------------
// eventLoopUtilization

function eventLoopUtilization(util1, util2) {
  const loopStart = milestone(kMilestoneLoopStart);
  if (loopStart <= 0) return { idle: 0, active: 0, utilization: 0 };
  if (util2) {
    const idle = util1.idle - util2.idle;
    const active = util1.active - util2.active;
    return { idle, active, utilization: active / (idle + active) };
  }
  const idle = binding.loopIdleTime();
  const active = now() - loopStart - idle;
  if (!util1) return { idle, active, utilization: active / (idle + active) };
  const idleDelta = idle - util1.idle;
  const activeDelta = active - util1.active;
  return { idle: idleDelta, active: activeDelta, utilization: activeDelta / (idleDelta + activeDelta) };
}

// ---------------------------------------------------------------------------------------------
// timerify

function timerify(fn, options = { __proto__: null }) {
  if (typeof fn !== 'function') throw new ERR_INVALID_ARG_TYPE('fn', 'function', fn);
  if (options === null || typeof options !== 'object') {
    throw new ERR_INVALID_ARG_TYPE('options', 'Object', options);
  }
  const { histogram } = options;
  if (histogram !== undefined && (!isHistogram(histogram) || typeof histogram.record !== 'function')) {
    throw new ERR_INVALID_ARG_TYPE('options.histogram', 'RecordableHistogram', histogram);
  }
  const complete = (name, start, args) => {
    const duration = now() - start;
    if (histogram !== undefined) {
      const ns = MathCeil(duration * 1e6);
      if (ns > 0) histogram.record(ns);
    }
    if (!hasObserver('function')) return;
    const entry = createPerformanceNodeEntry(name, 'function', start, duration, args);
    // The arguments are also the entry's indexed properties, as in Node.
    for (let i = 0; i < args.length; i++) entry[i] = args[i];
    enqueueUnbuffered(entry);
  };

  function wrapper(...args) {
    const start = now();
    const result = new.target ? ReflectConstruct(fn, args, fn) : ReflectApply(fn, this, args);
    if (!new.target && typeof result?.finally === 'function') {
      return FunctionPrototypeCall(result.finally, result, () => complete(fn.name, start, args));
    }
    complete(fn.name, start, args);
    return result;
  }

  ObjectDefineProperties(wrapper, {
    length: { __proto__: null, configurable: false, enumerable: true, value: fn.length },
    name: { __proto__: null, configurable: false, enumerable: true, value: `timerified ${fn.name}` },
  });
  return wrapper;
}

// ---------------------------------------------------------------------------------------------
// Performance

const kPerformanceBrand = Symbol('performance');

function validateThis(self) {
  if (self?.[kPerformanceBrand] !== true) throw new ERR_INVALID_THIS('Performance');
}

class Performance extends EventTarget {
  constructor() {
    throw new ERR_ILLEGAL_CONSTRUCTOR();
  }

  [kInspect](depth, options) {
    if (depth < 0) return this;
    const opts = { __proto__: null, ...options, depth: options.depth == null ? null : options.depth - 1 };
    return `Performance ${require('internal/util/inspect').inspect({
      nodeTiming: this.nodeTiming,
      timeOrigin: this.timeOrigin,
    }, opts)}`;
  }

  clearMarks(name = undefined) {
    validateThis(this);
    clearMarks(name);
  }

  clearMeasures(name = undefined) {
    validateThis(this);
    clearMeasures(name);
  }

  clearResourceTimings(name = undefined) {
    validateThis(this);
    clearResourceTimings(name);
  }

  getEntries() {
    validateThis(this);
    return filterBufferMapByNameAndType();
  }

  getEntriesByName(name, type = undefined) {
    validateThis(this);
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('name');
    name = `${name}`;
    if (type !== undefined) type = `${type}`;
    return filterBufferMapByNameAndType(name, type);
  }

  getEntriesByType(type) {
    validateThis(this);
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('type');
    return filterBufferMapByNameAndType(undefined, `${type}`);
  }

  mark(name, options = undefined) {
    validateThis(this);
    return ReflectApply(mark, this, arguments);
  }

  measure(name, startOrMeasureOptions = undefined, endMark = undefined) {
    validateThis(this);
    return ReflectApply(measure, this, arguments);
  }

  now() {
    validateThis(this);
    return now();
  }

  setResourceTimingBufferSize(maxSize) {
    validateThis(this);
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('maxSize');
    // WebIDL unsigned long.
    let size = +maxSize;
    if (NumberIsNaN(size) || size === Infinity || size === -Infinity) size = 0;
    size = ((size < 0 ? -MathFloor(-size) : MathFloor(size)) % 4294967296 + 4294967296) % 4294967296;
    setResourceTimingBufferSize(size);
  }

  get timeOrigin() {
    validateThis(this);
    return timeOrigin;
  }

  toJSON() {
    validateThis(this);
    return {
      nodeTiming: this.nodeTiming,
      timeOrigin: this.timeOrigin,
      eventLoopUtilization: this.eventLoopUtilization(),
    };
  }
}

ObjectDefineProperties(Performance.prototype, {
  clearMarks: { __proto__: null, enumerable: true },
  clearMeasures: { __proto__: null, enumerable: true },
  clearResourceTimings: { __proto__: null, enumerable: true },
  getEntries: { __proto__: null, enumerable: true },
  getEntriesByName: { __proto__: null, enumerable: true },
  getEntriesByType: { __proto__: null, enumerable: true },
  mark: { __proto__: null, enumerable: true },
  measure: { __proto__: null, enumerable: true },
  now: { __proto__: null, enumerable: true },
  setResourceTimingBufferSize: { __proto__: null, enumerable: true },
  timeOrigin: { __proto__: null, enumerable: true },
  toJSON: { __proto__: null, enumerable: true },
  // Node-specific, non-enumerable.
  eventLoopUtilization: {
    __proto__: null, value: eventLoopUtilization, writable: true, configurable: true, enumerable: false,
  },
  nodeTiming: { __proto__: null, value: nodeTiming, writable: true, configurable: true, enumerable: false },
  markResourceTiming: {
    __proto__: null, value: markResourceTiming, writable: true, configurable: true, enumerable: false,
  },
  timerify: { __proto__: null, value: timerify, writable: true, configurable: true, enumerable: false },
  [SymbolToStringTag]: { __proto__: null, value: 'Performance', configurable: true },
});
defineEventHandler(Performance.prototype, 'resourcetimingbufferfull');

function createPerformance() {
  const perf = { __proto__: Performance.prototype };
  initEventTarget(perf);
  perf[kPerformanceBrand] = true;
  return perf;
}

const performance = createPerformance();
setPerformanceTarget(performance);

module.exports = {
  Performance,
  PerformanceMark,
  PerformanceMeasure,
  PerformanceResourceTiming,
  PerformanceNodeTiming,
  performance,
  eventLoopUtilization,
  timerify,
  markResourceTiming,
  now,
  timeOrigin,
};
