'use strict';
// Performance entries, their buffers and PerformanceObserver (node:perf_hooks).
//
// Entries are buffered per type (mark, measure, resource) for performance.getEntries*(), and
// handed to every observer of their type. Observers are called back asynchronously, from one
// setImmediate per batch, with a PerformanceObserverEntryList sorted by startTime, as in Node.

const {
  ArrayIsArray,
  ArrayPrototypeFilter,
  ArrayPrototypeIncludes,
  ArrayPrototypePush,
  ArrayPrototypeSlice,
  ArrayPrototypeSort,
  ArrayPrototypeSplice,
  ObjectDefineProperties,
  ObjectDefineProperty,
  ObjectFreeze,
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
  },
} = require('internal/errors');

const kInspect = SymbolFor('nodejs.util.inspect.custom');
const kSkipThrow = Symbol('kSkipThrow');
const kName = Symbol('kName');
const kType = Symbol('kType');
const kStart = Symbol('kStart');
const kDuration = Symbol('kDuration');
const kDetail = Symbol('kDetail');

let inspectFn;
function inspect(value, options) {
  inspectFn ??= require('internal/util/inspect').inspect;
  return inspectFn(value, options);
}

function customInspect(self, name, obj, depth, options) {
  if (depth < 0) return self;
  const opts = { __proto__: null, ...options, depth: options.depth == null ? null : options.depth - 1 };
  return `${name} ${inspect(obj, opts)}`;
}

// The entry types this runtime produces (Node also lists types of subsystems that report
// entries: dns, gc, http, http2, net, quic).
const supportedEntryTypes = ObjectFreeze(['function', 'mark', 'measure', 'resource']);

// ---------------------------------------------------------------------------------------------
// PerformanceEntry

function isPerformanceEntry(value) {
  return value?.[kName] !== undefined;
}

class PerformanceEntry {
  constructor(skipThrowSymbol = undefined, name = undefined, type = undefined, start = undefined,
    duration = undefined) {
    if (skipThrowSymbol !== kSkipThrow) throw new ERR_ILLEGAL_CONSTRUCTOR();
    this[kName] = name;
    this[kType] = type;
    this[kStart] = start;
    this[kDuration] = duration;
  }

  get name() {
    if (!isPerformanceEntry(this)) throw new ERR_INVALID_THIS('PerformanceEntry');
    return this[kName];
  }

  get entryType() {
    if (!isPerformanceEntry(this)) throw new ERR_INVALID_THIS('PerformanceEntry');
    return this[kType];
  }

  get startTime() {
    if (!isPerformanceEntry(this)) throw new ERR_INVALID_THIS('PerformanceEntry');
    return this[kStart];
  }

  get duration() {
    if (!isPerformanceEntry(this)) throw new ERR_INVALID_THIS('PerformanceEntry');
    return this[kDuration];
  }

  [kInspect](depth, options) {
    return customInspect(this, this.constructor.name, this.toJSON(), depth, options);
  }

  toJSON() {
    if (!isPerformanceEntry(this)) throw new ERR_INVALID_THIS('PerformanceEntry');
    return {
      name: this[kName],
      entryType: this[kType],
      startTime: this[kStart],
      duration: this[kDuration],
    };
  }
}
ObjectDefineProperties(PerformanceEntry.prototype, {
  name: { __proto__: null, enumerable: true },
  entryType: { __proto__: null, enumerable: true },
  startTime: { __proto__: null, enumerable: true },
  duration: { __proto__: null, enumerable: true },
  toJSON: { __proto__: null, enumerable: true },
  [SymbolToStringTag]: { __proto__: null, value: 'PerformanceEntry', configurable: true },
});

// An entry with a `detail` (timerify's 'function' entries and other Node-specific types).
class PerformanceNodeEntry extends PerformanceEntry {
  constructor(skipThrowSymbol, name, type, start, duration, detail) {
    super(skipThrowSymbol, name, type, start, duration);
    this[kDetail] = detail;
  }

  get detail() {
    if (!isPerformanceEntry(this)) throw new ERR_INVALID_THIS('PerformanceEntry');
    return this[kDetail];
  }

  toJSON() {
    if (!isPerformanceEntry(this)) throw new ERR_INVALID_THIS('PerformanceEntry');
    return {
      name: this[kName],
      entryType: this[kType],
      startTime: this[kStart],
      duration: this[kDuration],
      detail: this[kDetail],
    };
  }
}

function createPerformanceNodeEntry(name, type, start, duration, detail) {
  return new PerformanceNodeEntry(kSkipThrow, name, type, start, duration, detail);
}

// ---------------------------------------------------------------------------------------------
// Buffers

const buffers = {
  __proto__: null,
  mark: [],
  measure: [],
  resource: [],
};
// Resource entries follow the Resource Timing spec: past the buffer size they wait in a secondary
// buffer while a 'resourcetimingbufferfull' event, fired from a task, gives listeners the chance
// to make room (clearResourceTimings, setResourceTimingBufferSize); what still does not fit is
// dropped.
let resourceTimingBufferSize = 250;
let resourceTimingBufferFullPending = false;
const resourceSecondaryBuffer = [];
let performanceTarget;  // the `performance` object, to fire 'resourcetimingbufferfull' on

function setPerformanceTarget(target) {
  performanceTarget = target;
}

function canAddResourceTimingEntry() {
  return buffers.resource.length < resourceTimingBufferSize;
}

function fireBufferFullEvent() {
  while (resourceSecondaryBuffer.length > 0) {
    const excessBefore = resourceSecondaryBuffer.length;
    if (!canAddResourceTimingEntry() && performanceTarget !== undefined) {
      const { Event } = require('internal/event_target');
      performanceTarget.dispatchEvent(new Event('resourcetimingbufferfull'));
    }
    const excessAfter = resourceSecondaryBuffer.length;
    while (resourceSecondaryBuffer.length > 0 && canAddResourceTimingEntry()) {
      ArrayPrototypePush(buffers.resource, resourceSecondaryBuffer[0]);
      ArrayPrototypeSplice(resourceSecondaryBuffer, 0, 1);
    }
    if (excessBefore <= excessAfter) {
      ArrayPrototypeSplice(resourceSecondaryBuffer, 0, resourceSecondaryBuffer.length);
      break;
    }
  }
  resourceTimingBufferFullPending = false;
}

// Past this many marks (or measures) kept in the timeline, Node warns once per type until the
// type is cleared.
const kEntryBufferWarnSize = 1e6;
const warnedEntryTypes = new SafeSet();

function bufferEntry(entry) {
  const type = entry[kType];
  if (type === 'resource') {
    if (canAddResourceTimingEntry() && !resourceTimingBufferFullPending) {
      ArrayPrototypePush(buffers.resource, entry);
      return;
    }
    if (!resourceTimingBufferFullPending) {
      resourceTimingBufferFullPending = true;
      require('internal/timers').setImmediate(fireBufferFullEvent);
    }
    ArrayPrototypePush(resourceSecondaryBuffer, entry);
    return;
  }
  const list = buffers[type];
  if (list === undefined) return;
  ArrayPrototypePush(list, entry);
  if (list.length > kEntryBufferWarnSize && !warnedEntryTypes.has(type)) {
    warnedEntryTypes.add(type);
    const w = new Error('Possible perf_hooks memory leak detected. ' +
      `${list.length} ${type} entries added to the global performance entry buffer. ` +
      `Use ${type === 'mark' ? 'performance.clearMarks' : 'performance.clearMeasures'} to clear the buffer.`);
    w.name = 'MaxPerformanceEntryBufferExceededWarning';
    w.entryType = type;
    w.count = list.length;
    process.emitWarning(w);
  }
}

function sortByStartTime(list) {
  return ArrayPrototypeSort(list, (a, b) => a[kStart] - b[kStart]);
}

function filterBufferMapByNameAndType(name, type) {
  let list;
  if (type === 'mark' || type === 'measure' || type === 'resource') {
    list = ArrayPrototypeSlice(buffers[type]);
  } else if (type !== undefined) {
    return [];
  } else {
    list = [...buffers.mark, ...buffers.measure, ...buffers.resource];
  }
  if (name !== undefined) list = ArrayPrototypeFilter(list, (e) => e[kName] === name);
  return sortByStartTime(list);
}

function clearEntriesFromBuffer(type, name) {
  warnedEntryTypes.delete(type);
  const list = buffers[type];
  if (name === undefined) {
    ArrayPrototypeSplice(list, 0, list.length);
    return;
  }
  let j = 0;
  for (let i = 0; i < list.length; i++) {
    if (list[i][kName] !== name) list[j++] = list[i];
  }
  list.length = j;
}

function setResourceTimingBufferSize(size) {
  resourceTimingBufferSize = size;
}

// ---------------------------------------------------------------------------------------------
// PerformanceObserver

const kTypeSingle = 1;
const kTypeMultiple = 2;
const observers = new SafeSet();
const pending = new SafeSet();
let isPending = false;
const observerCounts = { __proto__: null };

function hasObserver(type) {
  return (observerCounts[type] ?? 0) > 0;
}

function queuePending() {
  if (isPending) return;
  isPending = true;
  require('internal/timers').setImmediate(() => {
    isPending = false;
    const list = [...pending];
    pending.clear();
    for (let i = 0; i < list.length; i++) list[i][kDispatch]();
  });
}

const kBuffer = Symbol('kBuffer');
const kDispatch = Symbol('kDispatch');
const kMaybeBuffer = Symbol('kMaybeBuffer');
const kCallback = Symbol('kCallback');

class PerformanceObserverEntryList {
  #entries;

  constructor(skipThrowSymbol = undefined, entries = []) {
    if (skipThrowSymbol !== kSkipThrow) throw new ERR_ILLEGAL_CONSTRUCTOR();
    this.#entries = sortByStartTime(entries);
  }

  getEntries() {
    if (!(#entries in this)) throw new ERR_INVALID_THIS('PerformanceObserverEntryList');
    return ArrayPrototypeSlice(this.#entries);
  }

  getEntriesByType(type) {
    if (!(#entries in this)) throw new ERR_INVALID_THIS('PerformanceObserverEntryList');
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('type');
    type = `${type}`;
    return ArrayPrototypeFilter(this.#entries, (e) => e[kType] === type);
  }

  getEntriesByName(name, type) {
    if (!(#entries in this)) throw new ERR_INVALID_THIS('PerformanceObserverEntryList');
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('name');
    name = `${name}`;
    if (type != null) {
      type = `${type}`;
      return ArrayPrototypeFilter(this.#entries, (e) => e[kName] === name && e[kType] === type);
    }
    return ArrayPrototypeFilter(this.#entries, (e) => e[kName] === name);
  }

  [kInspect](depth, options) {
    if (depth < 0) return this;
    const opts = { __proto__: null, ...options, depth: options.depth == null ? null : options.depth - 1 };
    return `PerformanceObserverEntryList ${inspect(this.#entries, opts)}`;
  }
}
ObjectDefineProperties(PerformanceObserverEntryList.prototype, {
  getEntries: { __proto__: null, enumerable: true },
  getEntriesByType: { __proto__: null, enumerable: true },
  getEntriesByName: { __proto__: null, enumerable: true },
  [SymbolToStringTag]: { __proto__: null, value: 'PerformanceObserverEntryList', configurable: true },
});

let DOMExceptionCtor;
function lazyDOMException(message, name) {
  DOMExceptionCtor ??= require('internal/per_context/domexception').DOMException;
  return new DOMExceptionCtor(message, name);
}

class PerformanceObserver {
  #buffer = [];
  #entryTypes = new SafeSet();
  #type = undefined;
  #callback;

  constructor(callback) {
    if (typeof callback !== 'function') throw new ERR_INVALID_ARG_TYPE('callback', 'function', callback);
    this.#callback = callback;
  }

  observe(options = { __proto__: null }) {
    if (!(#buffer in this)) throw new ERR_INVALID_THIS('PerformanceObserver');
    if (options === null || typeof options !== 'object' || ArrayIsArray(options)) {
      throw new ERR_INVALID_ARG_TYPE('options', 'Object', options);
    }
    const { entryTypes, type, buffered } = options;
    if (entryTypes === undefined && type === undefined) {
      throw new ERR_MISSING_ARGS('options.entryTypes', 'options.type');
    }
    if (entryTypes != null && type != null) {
      throw new ERR_INVALID_ARG_VALUE('options.entryTypes', entryTypes,
        'options.entryTypes can not set with options.type together');
    }

    switch (this.#type) {
      case undefined:
        if (entryTypes !== undefined) this.#type = kTypeMultiple;
        if (type !== undefined) this.#type = kTypeSingle;
        break;
      case kTypeSingle:
        if (entryTypes !== undefined) {
          throw lazyDOMException('PerformanceObserver can not change to multiple observations',
            'InvalidModificationError');
        }
        break;
      case kTypeMultiple:
        if (type !== undefined) {
          throw lazyDOMException('PerformanceObserver can not change to single observation',
            'InvalidModificationError');
        }
        break;
    }

    if (this.#type === kTypeMultiple) {
      if (!ArrayIsArray(entryTypes)) throw new ERR_INVALID_ARG_TYPE('options.entryTypes', 'string[]', entryTypes);
      this.#removeTypes();
      // Unsupported (or non-string) types are ignored.
      for (let i = 0; i < entryTypes.length; i++) {
        if (ArrayPrototypeIncludes(supportedEntryTypes, entryTypes[i])) this.#addType(entryTypes[i]);
      }
    } else {
      if (!ArrayPrototypeIncludes(supportedEntryTypes, type)) return;
      this.#addType(type);
      if (buffered) {
        const entries = filterBufferMapByNameAndType(undefined, type);
        for (let i = 0; i < entries.length; i++) ArrayPrototypePush(this.#buffer, entries[i]);
        pending.add(this);
        queuePending();
      }
    }
    if (this.#entryTypes.size > 0) observers.add(this);
    else this.disconnect();
  }

  #addType(type) {
    if (this.#entryTypes.has(type)) return;
    this.#entryTypes.add(type);
    observerCounts[type] = (observerCounts[type] ?? 0) + 1;
  }

  #removeTypes() {
    for (const type of this.#entryTypes) observerCounts[type]--;
    this.#entryTypes.clear();
  }

  disconnect() {
    if (!(#buffer in this)) throw new ERR_INVALID_THIS('PerformanceObserver');
    observers.delete(this);
    pending.delete(this);
    this.#buffer = [];
    this.#removeTypes();
    this.#type = undefined;
  }

  takeRecords() {
    if (!(#buffer in this)) throw new ERR_INVALID_THIS('PerformanceObserver');
    const list = this.#buffer;
    this.#buffer = [];
    return list;
  }

  static get supportedEntryTypes() {
    return supportedEntryTypes;
  }

  [kMaybeBuffer](entry) {
    if (!this.#entryTypes.has(entry[kType])) return;
    ArrayPrototypePush(this.#buffer, entry);
    pending.add(this);
    queuePending();
  }

  // Called even when takeRecords() emptied the buffer meanwhile, as in Node.
  [kDispatch]() {
    const entries = this.takeRecords();
    const list = new PerformanceObserverEntryList(kSkipThrow, entries);
    try {
      this.#callback(list, this);
    } catch (err) {
      process.nextTick(() => { throw err; });
    }
  }

  [kInspect](depth, options) {
    if (depth < 0) return this;
    const opts = { __proto__: null, ...options, depth: options.depth == null ? null : options.depth - 1 };
    return `PerformanceObserver ${inspect({
      connected: observers.has(this),
      pending: pending.has(this),
      entryTypes: [...this.#entryTypes],
      buffer: this.#buffer,
    }, opts)}`;
  }
}
ObjectDefineProperties(PerformanceObserver.prototype, {
  observe: { __proto__: null, enumerable: true },
  disconnect: { __proto__: null, enumerable: true },
  takeRecords: { __proto__: null, enumerable: true },
  [SymbolToStringTag]: { __proto__: null, value: 'PerformanceObserver', configurable: true },
});
ObjectDefineProperty(PerformanceObserver, 'supportedEntryTypes', { __proto__: null, enumerable: true });

// Buffers the entry (marks, measures, resources) and hands it to the observers of its type.
function enqueue(entry) {
  bufferEntry(entry);
  if (!hasObserver(entry[kType])) return;
  for (const observer of observers) observer[kMaybeBuffer](entry);
}

// Hands an entry that is not buffered ('function' entries) to the observers of its type.
function enqueueUnbuffered(entry) {
  if (!hasObserver(entry[kType])) return;
  for (const observer of observers) observer[kMaybeBuffer](entry);
}

module.exports = {
  PerformanceEntry,
  PerformanceNodeEntry,
  PerformanceObserver,
  PerformanceObserverEntryList,
  createPerformanceNodeEntry,
  enqueue,
  enqueueUnbuffered,
  hasObserver,
  filterBufferMapByNameAndType,
  clearEntriesFromBuffer,
  setResourceTimingBufferSize,
  setPerformanceTarget,
  isPerformanceEntry,
  kSkipThrow,
  kName,
  kType,
  kStart,
  kDuration,
  kDetail,
  customInspect,
};
