'use strict';
// node:perf_hooks. The pieces live in lib/internal/perf/: observe.js (entries, buffers,
// PerformanceObserver), performance.js (the `performance` object, user timing, resource timing,
// nodeTiming, eventLoopUtilization, timerify) and histogram.js (createHistogram,
// monitorEventLoopDelay).

const {
  PerformanceEntry,
  PerformanceObserver,
  PerformanceObserverEntryList,
} = require('internal/perf/observe');
const {
  Performance,
  PerformanceMark,
  PerformanceMeasure,
  PerformanceResourceTiming,
  performance,
  eventLoopUtilization,
  timerify,
} = require('internal/perf/performance');
const { createHistogram, monitorEventLoopDelay } = require('internal/perf/histogram');

// Node's garbage-collection constants (the `kind` and `flags` of 'gc' entries).
const constants = {
  NODE_PERFORMANCE_GC_MAJOR: 4,
  NODE_PERFORMANCE_GC_MINOR: 1,
  NODE_PERFORMANCE_GC_MINOR_MARK_SWEEP: 2,
  NODE_PERFORMANCE_GC_INCREMENTAL: 8,
  NODE_PERFORMANCE_GC_WEAKCB: 16,
  NODE_PERFORMANCE_GC_FLAGS_NO: 0,
  NODE_PERFORMANCE_GC_FLAGS_CONSTRUCT_RETAINED: 2,
  NODE_PERFORMANCE_GC_FLAGS_FORCED: 4,
  NODE_PERFORMANCE_GC_FLAGS_SYNCHRONOUS_PHANTOM_PROCESSING: 8,
  NODE_PERFORMANCE_GC_FLAGS_ALL_AVAILABLE_GARBAGE: 16,
  NODE_PERFORMANCE_GC_FLAGS_ALL_EXTERNAL_MEMORY: 32,
  NODE_PERFORMANCE_GC_FLAGS_SCHEDULE_IDLE: 64,
};

module.exports = {
  Performance,
  PerformanceEntry,
  PerformanceMark,
  PerformanceMeasure,
  PerformanceObserver,
  PerformanceObserverEntryList,
  PerformanceResourceTiming,
  monitorEventLoopDelay,
  eventLoopUtilization,
  timerify,
  createHistogram,
  performance,
  constants,
};
