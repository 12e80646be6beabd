'use strict';
// Stream throughput (issue 6's measures): prints `<measure>\t<ms>` lines (bench/core/run.sh's
// contract), each the median of 3 repetitions after a warm-up.
//   stream_1gb_3transforms     1 GiB as 16,384 fresh 64 KiB Buffers: Readable -> 3 Transforms -> Writable,
//                              through stream.pipeline
//   stream_10m_objects         10,000,000 small objects: objectMode Readable -> Transform -> Writable,
//                              through stream.pipeline
// Each Transform touches its chunk (reads one byte, or one property) so no stage is a pure pass.
const { Readable, Writable, Transform, pipeline } = require('stream');

const CHUNK = 64 * 1024;
let sink = 0;

function bytes(total) {
  let left = total / CHUNK;
  return new Readable({
    read() {
      while (left > 0) {
        left--;
        if (!this.push(Buffer.allocUnsafe(CHUNK))) return;
      }
      this.push(null);
    },
  });
}

function byteStage() {
  return new Transform({ transform(c, e, cb) { sink += c[0]; cb(null, c); } });
}

function objects(n) {
  let i = 0;
  return new Readable({
    objectMode: true,
    read() {
      while (i < n) {
        if (!this.push({ i: i++, tag: 'x' })) return;
      }
      this.push(null);
    },
  });
}

function run(streams) {
  return new Promise((resolve, reject) => pipeline(...streams, (err) => (err ? reject(err) : resolve())));
}

const cases = {
  stream_1gb_3transforms: (scale) => run([
    bytes(scale * 1024 * 1024 * 1024), byteStage(), byteStage(), byteStage(),
    new Writable({ write(c, e, cb) { sink += c.length; cb(); } }),
  ]),
  stream_10m_objects: (scale) => run([
    objects(scale * 10000000),
    new Transform({ objectMode: true, transform(o, e, cb) { cb(null, o.i); } }),
    new Writable({ objectMode: true, write(v, e, cb) { sink += v; cb(); } }),
  ]),
};

(async () => {
  for (const [name, fn] of Object.entries(cases)) {
    await fn(1 / 16);
    const times = [];
    for (let r = 0; r < 3; r++) {
      const t0 = performance.now();
      await fn(1);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    console.log(`${name}\t${times[1].toFixed(1)}`);
  }
  if (sink === 0) throw new Error('unreachable');
})();
