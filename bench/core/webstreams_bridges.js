'use strict';
// Node <-> web stream bridges and the encoding streams: prints `<measure>\t<ms>` lines (bench/core/
// run.sh's contract), each the median of 5 repetitions after a warm-up.
//   bridge_readable_toweb_fromweb_64mb  64 MiB as 4,096 16 KiB Buffers: Readable -> Readable.toWeb ->
//                                       Readable.fromWeb, read with for await
//   bridge_writable_toweb_64mb          the same Buffers written through Writable.toWeb's writer
//   bridge_pipeline_rs_to_writable_64mb pipeline(ReadableStream, Writable)
//   blob_stream_64mb                    a 4,096-part Blob read through blob.stream()
//   textencoderstream_24mb              2,000 strings of 12,000 UTF-16 units through TextEncoderStream
//   textdecoderstream_24mb              the encoded bytes back through TextDecoderStream
const { Readable, Writable, pipeline } = require('stream');

const N = 4096;
const chunk = Buffer.alloc(16384, 1);
const text = 'héllo wörld '.repeat(1000);
const encoded = new TextEncoder().encode(text);
const blob = new Blob(Array(N).fill(chunk));
let sink = 0;

function source() {
  let i = 0;
  return new Readable({ read() { this.push(i++ < N ? chunk : null); } });
}

function feed(writable, chunks, count) {
  const writer = writable.getWriter();
  return (async () => {
    for (let i = 0; i < count; i++) {
      await writer.ready;
      writer.write(chunks);
    }
    await writer.close();
  })();
}

const cases = {
  bridge_readable_toweb_fromweb_64mb: async () => {
    for await (const c of Readable.fromWeb(Readable.toWeb(source()))) sink += c.length;
  },
  bridge_writable_toweb_64mb: () => feed(Writable.toWeb(new Writable({
    write(c, e, cb) { sink += c.length; cb(); },
  })), chunk, N),
  bridge_pipeline_rs_to_writable_64mb: () => new Promise((resolve, reject) => {
    let i = 0;
    const rs = new ReadableStream({ pull(c) { if (i++ < N) c.enqueue(chunk); else c.close(); } });
    pipeline(rs, new Writable({ write(c, e, cb) { sink += c.length; cb(); } }),
      (err) => (err ? reject(err) : resolve()));
  }),
  blob_stream_64mb: async () => {
    for await (const c of blob.stream()) sink += c.length;
  },
  textencoderstream_24mb: async () => {
    const ts = new TextEncoderStream();
    const done = feed(ts.writable, text, 2000);
    for await (const c of ts.readable) sink += c.length;
    await done;
  },
  textdecoderstream_24mb: async () => {
    const ts = new TextDecoderStream();
    const done = feed(ts.writable, encoded, 2000);
    for await (const s of ts.readable) sink += s.length;
    await done;
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
  if (sink === 0) console.error('nothing was read');
})();
