'use strict';
// WHATWG streams throughput: prints `<measure>\t<ms>` lines (bench/core/run.sh's contract), each the
// median of 3 repetitions after a warm-up.
//   webstream_1gb_pipe_3transforms  1 GiB as 16,384 fresh 64 KiB Uint8Arrays: ReadableStream (pull)
//                                   -> 3 TransformStreams -> WritableStream, through pipeThrough/pipeTo
//   webstream_1gb_reader            the same bytes read with a default reader (for await ... of)
//   webstream_1m_objects_pipe       1,000,000 small objects: ReadableStream -> TransformStream ->
//                                   WritableStream
//   webstream_bytes_byob_256mb      256 MiB from a byte stream (type: 'bytes') into one reused 64 KiB
//                                   view through a BYOB reader
// Each transform touches its chunk so no stage is a pure pass.
const CHUNK = 64 * 1024;
let sink = 0;

function bytesSource(total) {
  let left = total / CHUNK;
  return new ReadableStream({
    pull(c) {
      if (left === 0) { c.close(); return; }
      left--;
      c.enqueue(new Uint8Array(CHUNK));
    },
  }, { highWaterMark: 4 });
}

function stage() {
  return new TransformStream({ transform(chunk, c) { sink += chunk[0]; c.enqueue(chunk); } });
}

const cases = {
  webstream_1gb_pipe_3transforms: (scale) => bytesSource(scale * 1024 * 1024 * 1024)
    .pipeThrough(stage()).pipeThrough(stage()).pipeThrough(stage())
    .pipeTo(new WritableStream({ write(c) { sink += c.length; } })),
  webstream_1gb_reader: async (scale) => {
    for await (const c of bytesSource(scale * 1024 * 1024 * 1024)) sink += c.length;
  },
  webstream_1m_objects_pipe: (scale) => {
    let i = 0;
    const n = scale * 1000000;
    return new ReadableStream({
      pull(c) {
        for (let k = 0; k < 64 && i < n; k++) c.enqueue({ i: i++, tag: 'x' });
        if (i === n) c.close();
      },
    }, { highWaterMark: 64 })
      .pipeThrough(new TransformStream({ transform(o, c) { c.enqueue(o.i); } }))
      .pipeTo(new WritableStream({ write(v) { sink += v; } }));
  },
  webstream_bytes_byob_256mb: async (scale) => {
    let left = scale * 256 * 1024 * 1024;
    const rs = new ReadableStream({
      type: 'bytes',
      pull(c) {
        const req = c.byobRequest;
        const n = Math.min(left, req.view.byteLength);
        req.view[0] = 1;
        left -= n;
        req.respond(n);
        if (left === 0) c.close();
      },
    });
    const reader = rs.getReader({ mode: 'byob' });
    let view = new Uint8Array(CHUNK);
    for (;;) {
      const { value, done } = await reader.read(view);
      if (done) break;
      sink += value[0];
      view = new Uint8Array(value.buffer);
    }
  },
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
