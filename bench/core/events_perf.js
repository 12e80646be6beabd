'use strict';
// EventTarget, AbortController and perf_hooks: prints `<measure>\t<ms>` lines (bench/core/run.sh's
// contract), each the median of 5 repetitions after a warm-up.
//   et_dispatch_500k       dispatchEvent of one Event to 3 listeners, 500,000 times
//   event_new_200k         new Event('x') 200,000 times (each reads the clock for timeStamp)
//   et_add_remove_200k     addEventListener + removeEventListener, 200,000 times
//   abort_200k             new AbortController, one 'abort' listener, abort(), 200,000 times
//   perf_now_1m            performance.now() 1,000,000 times
//   perf_mark_100k         performance.mark + measure 50,000 times each, then clearMarks/clearMeasures
//   histogram_record_1m    RecordableHistogram.record of 1,000,000 values, then percentile(99)
const { createHistogram } = require('perf_hooks');

const target = new EventTarget();
let sink = 0;
for (let i = 0; i < 3; i++) target.addEventListener('x', () => { sink++; });
const ev = new Event('x');
const listener = () => { sink++; };

const cases = {
  et_dispatch_500k() { for (let i = 0; i < 500000; i++) target.dispatchEvent(ev); },
  event_new_200k() { for (let i = 0; i < 200000; i++) sink += new Event('x').type.length; },
  et_add_remove_200k() {
    const t = new EventTarget();
    for (let i = 0; i < 200000; i++) {
      t.addEventListener('y', listener);
      t.removeEventListener('y', listener);
    }
  },
  abort_200k() {
    for (let i = 0; i < 200000; i++) {
      const ac = new AbortController();
      ac.signal.addEventListener('abort', listener);
      ac.abort();
    }
  },
  perf_now_1m() { for (let i = 0; i < 1000000; i++) sink += performance.now(); },
  perf_mark_100k() {
    for (let i = 0; i < 50000; i++) {
      performance.mark('m');
      performance.measure('d', 'm');
    }
    performance.clearMarks();
    performance.clearMeasures();
  },
  histogram_record_1m() {
    const h = createHistogram();
    for (let i = 0; i < 1000000; i++) h.record((i * 7919) % 1000000 + 1);
    sink += h.percentile(99);
  },
};

require('./measure.js').measureAll(cases);
if (sink === 0) throw new Error('unreachable');
