'use strict';
// node:stream (issue 6): prints `<measure>\t<ms>` lines (bench/core/run.sh's contract), each the
// median of 5 repetitions after a warm-up.
//   stream_pipe_100k         Readable (push 100,000 1 KiB Buffers) .pipe() into a Writable
//   stream_transform_100k    pipeline(Readable, Transform, PassThrough, Writable), 100,000 chunks
//   stream_objectmode_200k   for await over Readable.from() of 200,000 objects
//   stream_write_cb_200k     200,000 write() calls with synchronous callbacks, then end()
const { Readable, Writable, Transform, PassThrough, pipeline } = require('stream');

const chunk = Buffer.alloc(1024, 97);
let sink = 0;

function producer(n) {
  let i = 0;
  return new Readable({
    read() {
      while (i < n) {
        i++;
        if (!this.push(chunk)) return;
      }
      this.push(null);
    },
  });
}

function consumer() {
  return new Writable({ write(c, e, cb) { sink += c.length; cb(); } });
}

const cases = {
  stream_pipe_100k() {
    return new Promise((resolve) => producer(100000).pipe(consumer()).on('finish', resolve));
  },
  stream_transform_100k() {
    const t = new Transform({ transform(c, e, cb) { cb(null, c); } });
    return new Promise((resolve, reject) => pipeline(producer(100000), t, new PassThrough(), consumer(),
      (err) => (err ? reject(err) : resolve())));
  },
  async stream_objectmode_200k() {
    const items = [];
    for (let i = 0; i < 200000; i++) items.push({ i });
    for await (const o of Readable.from(items)) sink += o.i;
  },
  stream_write_cb_200k() {
    const w = consumer();
    for (let i = 0; i < 200000; i++) w.write(chunk);
    return new Promise((resolve) => w.end(resolve));
  },
};

(async () => {
  for (const [name, fn] of Object.entries(cases)) {
    await fn();
    const times = [];
    for (let r = 0; r < 5; r++) {
      const t0 = performance.now();
      await fn();
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    console.log(`${name}\t${times[2].toFixed(1)}`);
  }
  if (sink === 0) throw new Error('unreachable');
})();
