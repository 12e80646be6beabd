'use strict';
// Timers and immediates. All timers live in one binary heap ordered by (expiry, id); C keeps a single
// uv timer armed for the earliest expiry and calls processTimers(now), which runs at most one due
// timer per call so that the C checkpoint (nextTicks, promise jobs) runs between two timers.
// Immediates are a linked list run by processImmediate from a uv check handle, one per call.

const { MathTrunc, NumberIsFinite, SafeMap, SymbolToPrimitive, ReflectApply } = primordials;
const binding = internalBinding('timers');
const state = require('internal/process/state');
const { codes: { ERR_INVALID_ARG_TYPE } } = require('internal/errors');

const TIMEOUT_MAX = 2 ** 31 - 1;
const kTimerRan = 3;
const kImmediates = 2;

let nextId = 1;
const heap = [];            // Timeout objects; each knows its index (_heapIndex)
let refedTimers = 0;
let scheduledExpiry = 0;    // the expiry the uv timer is armed for, 0 if none
const knownTimersById = new SafeMap();

function less(a, b) {
  return a._expiry < b._expiry || (a._expiry === b._expiry && a._id < b._id);
}
function swap(i, j) {
  const t = heap[i]; heap[i] = heap[j]; heap[j] = t;
  heap[i]._heapIndex = i; heap[j]._heapIndex = j;
}
function siftUp(i) {
  while (i > 0) {
    const p = (i - 1) >> 1;
    if (!less(heap[i], heap[p])) break;
    swap(i, p); i = p;
  }
}
function siftDown(i) {
  const n = heap.length;
  for (;;) {
    const l = 2 * i + 1, r = l + 1;
    let m = i;
    if (l < n && less(heap[l], heap[m])) m = l;
    if (r < n && less(heap[r], heap[m])) m = r;
    if (m === i) break;
    swap(i, m); i = m;
  }
}
function heapRemove(t) {
  const i = t._heapIndex;
  if (i < 0) return;
  const last = heap.pop();
  if (i < heap.length) {
    heap[i] = last; last._heapIndex = i;
    siftDown(i); siftUp(last._heapIndex);
  }
  t._heapIndex = -1;
}
function heapInsert(t) {
  t._heapIndex = heap.length;
  heap.push(t);
  siftUp(t._heapIndex);
  if (scheduledExpiry === 0 || t._expiry < scheduledExpiry) {
    scheduledExpiry = t._expiry;
    binding.scheduleTimer(t._expiry - binding.getLibuvNow());
  }
}

function setRefed(delta) {
  const before = refedTimers;
  refedTimers += delta;
  if ((before === 0) !== (refedTimers === 0)) binding.toggleTimerRef(refedTimers > 0);
}

function normalizeDelay(after) {
  after *= 1;
  if (!(after >= 1 && after <= TIMEOUT_MAX)) {
    if (after > TIMEOUT_MAX) {
      process.emitWarning(`${after} does not fit into a 32-bit signed integer.` +
        '\nTimeout duration was set to 1.', 'TimeoutOverflowWarning');
    }
    after = 1;
  }
  return after;
}

class Timeout {
  constructor(callback, after, args, isRepeat, isRefed) {
    after = normalizeDelay(after);
    this._idleTimeout = after;
    this._idlePrev = this;
    this._idleNext = this;
    this._idleStart = null;
    this._onTimeout = callback;
    this._timerArgs = args;
    this._repeat = isRepeat ? after : null;
    this._destroyed = false;
    this._id = nextId++;
    this._expiry = 0;
    this._heapIndex = -1;
    this._refed = isRefed;
    if (isRefed) setRefed(1);
    this._start();
  }

  _start() {
    this._idleStart = binding.getLibuvNow();
    this._expiry = this._idleStart + this._idleTimeout;
    heapInsert(this);
  }

  refresh() {
    if (!this._destroyed) {
      heapRemove(this);
      this._start();
    }
    return this;
  }

  unref() {
    if (this._refed) {
      this._refed = false;
      if (!this._destroyed) setRefed(-1);
    }
    return this;
  }

  ref() {
    if (!this._refed) {
      this._refed = true;
      if (!this._destroyed) setRefed(1);
    }
    return this;
  }

  hasRef() {
    return this._refed;
  }

  close() {
    clearTimeout(this);
    return this;
  }

  [SymbolToPrimitive]() {
    if (!knownTimersById.has(this._id)) knownTimersById.set(this._id, this);
    return this._id;
  }
}

function destroyTimer(t) {
  if (t._destroyed) return;
  t._destroyed = true;
  heapRemove(t);
  if (t._refed) setRefed(-1);
  knownTimersById.delete(t._id);
}

// Runs one due timer, or returns the next expiry: > 0 if a ref'd timer is pending, < 0 if only
// unref'd ones are, 0 if none.
function processTimers(now) {
  if (heap.length > 0 && heap[0]._expiry <= now) {
    const t = heap[0];
    heapRemove(t);
    state.tickInfo[kTimerRan] = 1;
    const start = binding.getLibuvNow();
    try {
      const args = t._timerArgs;
      if (args === undefined) t._onTimeout();
      else ReflectApply(t._onTimeout, t, args);
    } catch (err) {
      if (t._repeat !== null && !t._destroyed) destroyTimer(t);
      state.triggerUncaughtException(err, false);
    }
    if (t._repeat !== null && !t._destroyed && t._heapIndex < 0) {
      t._idleTimeout = t._repeat;
      t._idleStart = start;
      t._expiry = start + t._repeat;
      t._heapIndex = heap.length;
      heap.push(t);
      siftUp(t._heapIndex);
    } else if (t._heapIndex < 0) {
      destroyTimer(t);
    }
    return 0;
  }
  if (heap.length === 0) {
    scheduledExpiry = 0;
    return 0;
  }
  scheduledExpiry = heap[0]._expiry;
  return refedTimers > 0 ? scheduledExpiry : -scheduledExpiry;
}

function validateCallback(callback) {
  if (typeof callback !== 'function') throw new ERR_INVALID_ARG_TYPE('callback', 'Function', callback);
}

function setTimeout(callback, after, ...args) {
  validateCallback(callback);
  return new Timeout(callback, after, args.length ? args : undefined, false, true);
}

function setInterval(callback, repeat, ...args) {
  validateCallback(callback);
  return new Timeout(callback, repeat, args.length ? args : undefined, true, true);
}

function clearTimeout(timer) {
  if (timer && timer._onTimeout) {
    destroyTimer(timer);
    return;
  }
  if (typeof timer === 'number' || typeof timer === 'string') {
    const t = knownTimersById.get(+timer);
    if (t !== undefined) destroyTimer(t);
  }
}

// ---- immediates ----

class ImmediateList {
  constructor() { this.head = null; this.tail = null; }
  append(item) {
    item._idlePrev = this.tail;
    item._idleNext = null;
    if (this.tail !== null) this.tail._idleNext = item;
    else this.head = item;
    this.tail = item;
  }
  remove(item) {
    if (item._idleNext !== null) item._idleNext._idlePrev = item._idlePrev;
    else if (this.tail === item) this.tail = item._idlePrev;
    if (item._idlePrev !== null) item._idlePrev._idleNext = item._idleNext;
    else if (this.head === item) this.head = item._idleNext;
    item._idleNext = item._idlePrev = null;
  }
}

let immediateQueue = new ImmediateList();   // immediates set since the current batch started
let runningQueue = new ImmediateList();     // the batch being run by this check phase
let immediateCount = 0;
let refedImmediates = 0;

function setImmediateRefed(delta) {
  const before = refedImmediates;
  refedImmediates += delta;
  if ((before === 0) !== (refedImmediates === 0)) binding.toggleImmediateRef(refedImmediates > 0);
}

class Immediate {
  constructor(callback, args) {
    this._idleNext = null;
    this._idlePrev = null;
    this._onImmediate = callback;
    this._argv = args;
    this._destroyed = false;
    this._refed = true;
    this._list = immediateQueue;
    immediateQueue.append(this);
    state.tickInfo[kImmediates] = ++immediateCount;
    setImmediateRefed(1);
  }

  ref() {
    if (!this._refed) {
      this._refed = true;
      if (!this._destroyed) setImmediateRefed(1);
    }
    return this;
  }

  unref() {
    if (this._refed) {
      this._refed = false;
      if (!this._destroyed) setImmediateRefed(-1);
    }
    return this;
  }

  hasRef() {
    return this._refed;
  }
}

function finishImmediate(im) {
  im._destroyed = true;
  state.tickInfo[kImmediates] = --immediateCount;
  if (im._refed) setImmediateRefed(-1);
}

function setImmediate(callback, ...args) {
  validateCallback(callback);
  return new Immediate(callback, args.length ? args : undefined);
}

function clearImmediate(im) {
  if (!im || im._destroyed || !(im instanceof Immediate)) return;
  im._list.remove(im);
  finishImmediate(im);
  im._onImmediate = null;
}

// Runs one immediate of the current batch; returns whether the batch has more.
function processImmediate(firstOfBatch) {
  if (firstOfBatch) {
    // Immediates set while this batch runs wait for the next loop iteration, as in Node.
    runningQueue = immediateQueue;
    immediateQueue = new ImmediateList();
  }
  const im = runningQueue.head;
  if (im === null) return false;
  runningQueue.remove(im);
  finishImmediate(im);
  try {
    const args = im._argv;
    if (args === undefined) im._onImmediate();
    else ReflectApply(im._onImmediate, im, args);
  } catch (err) {
    state.triggerUncaughtException(err, false);
  }
  im._onImmediate = null;
  return runningQueue.head !== null;
}

module.exports = {
  Timeout, Immediate, TIMEOUT_MAX,
  setTimeout, setInterval, clearTimeout, clearInterval: clearTimeout,
  setImmediate, clearImmediate,
  processTimers, processImmediate,
};
