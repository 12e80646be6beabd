'use strict';
// node:stream Writable: options, write()/end() return values and callbacks, backpressure and
// 'drain', cork/uncork and writev, _final, finish/close/error order, the write-after-end,
// destroyed and multiple-callback errors, and the writable* getters. Event sequences are literal,
// recorded from Node 24.
const test = require('node:test');
const assert = require('node:assert');
const fc = require('fast-check');
const { Writable } = require('node:stream');

const tick = () => new Promise((resolve) => setImmediate(resolve));

function record(stream, events, log) {
  for (const ev of events) {
    stream.on(ev, (arg) => log.push(ev === 'error' ? `${ev}:${arg.code || arg.message}` : ev));
  }
  return log;
}

test('constructor defaults and writable* getters', () => {
  const w = new Writable();
  assert.strictEqual(w.writableHighWaterMark, 65536);
  assert.strictEqual(w.writableObjectMode, false);
  assert.strictEqual(w.writableLength, 0);
  assert.strictEqual(w.writableCorked, 0);
  assert.strictEqual(w.writableEnded, false);
  assert.strictEqual(w.writableFinished, false);
  assert.strictEqual(w.writableNeedDrain, false);
  assert.strictEqual(w.writableAborted, false);
  assert.strictEqual(w.writable, true);
  assert.strictEqual(w.destroyed, false);
  assert.strictEqual(w.closed, false);
  assert.strictEqual(w.errored, null);
  assert.deepStrictEqual(w.writableBuffer, []);
  assert.strictEqual(new Writable({ objectMode: true }).writableHighWaterMark, 16);
  assert.ok(Writable() instanceof Writable);
});

test('invalid options and arguments throw Node errors', () => {
  assert.throws(() => new Writable({ highWaterMark: -2 }), {
    code: 'ERR_INVALID_ARG_VALUE', message: "The property 'options.highWaterMark' is invalid. Received -2",
  });
  assert.throws(() => new Writable({ defaultEncoding: 'bogus' }), {
    name: 'TypeError', code: 'ERR_UNKNOWN_ENCODING', message: 'Unknown encoding: bogus',
  });
  const w = new Writable({ write(c, e, cb) { cb(); } });
  assert.throws(() => w.write(null), {
    name: 'TypeError', code: 'ERR_STREAM_NULL_VALUES', message: 'May not write null values to stream',
  });
  assert.throws(() => w.write(5), {
    name: 'TypeError', code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "chunk" argument must be of type string or an instance of Buffer, TypedArray, or DataView. Received type number (5)',
  });
  assert.throws(() => w.write('x', 'nope'), { code: 'ERR_UNKNOWN_ENCODING' });
  assert.throws(() => w.write('x', 'buffer'), { code: 'ERR_UNKNOWN_ENCODING' });
  assert.throws(() => w.setDefaultEncoding('nope'), { code: 'ERR_UNKNOWN_ENCODING' });
});

test('chunks reach _write as Buffers with encoding "buffer" unless decodeStrings is false', async () => {
  const seen = [];
  const w = new Writable({ write(c, e, cb) { seen.push([Buffer.isBuffer(c) ? `buf:${c.toString('hex')}` : c, e]); cb(); } });
  w.write('ab');
  w.write('ab', 'hex');
  w.write(new Uint16Array([1]));
  w.setDefaultEncoding('BASE64');
  w.write('AQ==');
  const s = new Writable({ decodeStrings: false, write(c, e, cb) { seen.push([c, e]); cb(); } });
  s.write('x');
  s.write('y', 'latin1');
  const o = new Writable({ objectMode: true, write(c, e, cb) { seen.push([c, e]); cb(); } });
  o.write({ k: 1 });
  o.write('s');
  o.write('t', 'hex');
  await tick();
  assert.deepStrictEqual(seen, [
    ['buf:6162', 'buffer'], ['buf:ab', 'buffer'], ['buf:0100', 'buffer'], ['buf:01', 'buffer'],
    ['x', 'utf8'], ['y', 'latin1'], [{ k: 1 }, undefined], ['s', undefined], ['t', 'hex'],
  ]);
});

test('write() returns false at highWaterMark and drain follows', async () => {
  const log = [];
  const w = new Writable({ highWaterMark: 3, write(c, e, cb) { log.push(`write:${c}`); setImmediate(cb); } });
  record(w, ['drain', 'finish', 'close'], log);
  log.push(`ret:${w.write('ab')}`);
  log.push(`ret:${w.write('cd')}`);
  log.push(`len:${w.writableLength}:${w.writableNeedDrain}`);
  await new Promise((resolve) => w.once('drain', resolve));
  w.end();
  await new Promise((resolve) => w.on('close', resolve));
  assert.deepStrictEqual(log, ['write:ab', 'ret:true', 'ret:false', 'len:4:true', 'write:cd', 'drain', 'finish', 'close']);
});

test('write callbacks, end callback, prefinish/finish/close order', async () => {
  const log = [];
  const w = new Writable({
    write(c, e, cb) { log.push(`write:${c}`); cb(); },
    final(cb) { log.push('final'); setImmediate(cb); },
  });
  record(w, ['prefinish', 'finish', 'close'], log);
  w.write('a', () => log.push('cb:a'));
  w.end('b', () => log.push('end-cb'));
  log.push(`ended:${w.writableEnded}:${w.writableFinished}`);
  await new Promise((resolve) => w.on('close', resolve));
  assert.deepStrictEqual(log, ['write:a', 'write:b', 'final', 'ended:true:false', 'cb:a', 'prefinish', 'end-cb', 'finish', 'close']);
  assert.strictEqual(w.writableFinished, true);
  assert.strictEqual(w.destroyed, true);
});

test('write after end: ERR_STREAM_WRITE_AFTER_END to the callback and error event', async () => {
  const log = [];
  const w = new Writable({ write(c, e, cb) { cb(); } });
  record(w, ['error', 'finish', 'close'], log);
  w.end();
  w.write('x', (err) => log.push(`cb:${err.code}`));
  await new Promise((resolve) => w.on('close', resolve));
  assert.deepStrictEqual(log, ['cb:ERR_STREAM_WRITE_AFTER_END', 'error:ERR_STREAM_WRITE_AFTER_END', 'close']);
  assert.strictEqual(w.errored.message, 'write after end');
});

test('end() twice and end() after finish', async () => {
  const w = new Writable({ write(c, e, cb) { cb(); } });
  const log = [];
  w.end(() => log.push('first'));
  w.end((err) => log.push(`second:${err ? err.code : 'ok'}`));
  await new Promise((resolve) => w.on('finish', resolve));
  w.end((err) => log.push(`third:${err.code}`));
  await tick();
  assert.deepStrictEqual(log, ['first', 'second:ok', 'third:ERR_STREAM_ALREADY_FINISHED']);
});

test('calling the write callback twice is ERR_MULTIPLE_CALLBACK', async () => {
  const w = new Writable({ write(c, e, cb) { cb(); cb(); } });
  const log = record(w, ['error', 'close'], []);
  w.write('x');
  await new Promise((resolve) => w.on('close', resolve));
  assert.deepStrictEqual(log, ['error:ERR_MULTIPLE_CALLBACK', 'close']);
});

test('write after destroy: ERR_STREAM_DESTROYED; buffered writes fail on destroy', async () => {
  const log = [];
  let pending;
  const w = new Writable({ write(c, e, cb) { pending = cb; } });
  w.on('error', (err) => log.push(`error:${err.code}`));
  w.write('a', (err) => log.push(`a:${err ? err.code : 'ok'}`));
  w.write('b', (err) => log.push(`b:${err ? err.code : 'ok'}`));
  w.destroy();
  w.write('c', (err) => log.push(`c:${err.code}`));
  pending();
  await new Promise((resolve) => w.on('close', resolve));
  await tick();
  assert.deepStrictEqual(log, ['a:ok', 'b:ERR_STREAM_DESTROYED', 'c:ERR_STREAM_DESTROYED']);
});

test('write error: callback first, then error, then close', async () => {
  const log = [];
  const w = new Writable({ write(c, e, cb) { cb(new Error('bad')); } });
  record(w, ['error', 'finish', 'close'], log);
  w.write('x', (err) => log.push(`cb:${err.message}`));
  await new Promise((resolve) => w.on('close', resolve));
  assert.deepStrictEqual(log, ['cb:bad', 'error:bad', 'close']);
  assert.strictEqual(w.writableAborted, true);
});

test('cork() buffers writes until uncork(); _writev gets them together', async () => {
  const log = [];
  const w = new Writable({
    writev(chunks, cb) { log.push(`writev:${chunks.map((c) => `${c.chunk}/${c.encoding}`).join(',')}`); cb(); },
    write(c, e, cb) { log.push(`write:${c}`); cb(); },
  });
  w.cork();
  w.write('a');
  w.write('b');
  w.cork();
  w.write('c');
  assert.strictEqual(w.writableCorked, 2);
  assert.strictEqual(w.writableLength, 3);
  assert.strictEqual(w.writableBuffer.length, 3);
  w.uncork();
  assert.deepStrictEqual(log, []);
  w.uncork();
  assert.deepStrictEqual(log, ['writev:a/buffer,b/buffer,c/buffer']);
  w.write('d');
  await tick();
  assert.deepStrictEqual(log, ['writev:a/buffer,b/buffer,c/buffer', 'write:d']);
});

test('end() uncorks completely', async () => {
  const got = [];
  const w = new Writable({ write(c, e, cb) { got.push(String(c)); cb(); } });
  w.cork();
  w.cork();
  w.write('1');
  w.end('2');
  await new Promise((resolve) => w.on('finish', resolve));
  assert.deepStrictEqual(got, ['1', '2']);
  assert.strictEqual(w.writableCorked, 0);
});

test('_write or _writev must be implemented', () => {
  const w = new Writable();
  assert.throws(() => w.write('x'), { code: 'ERR_METHOD_NOT_IMPLEMENTED', message: 'The _write() method is not implemented' });
  const v = new Writable({ writev(chunks, cb) { v.got = chunks.length; cb(); } });
  v.write('x');
  assert.strictEqual(v.got, 1);
});

test('final() error and construct()', async () => {
  const w = new Writable({ write(c, e, cb) { cb(); }, final(cb) { cb(new Error('fin')); } });
  const log = record(w, ['prefinish', 'finish', 'error', 'close'], []);
  w.end((err) => log.push(`end-cb:${err && err.message}`));
  await new Promise((resolve) => w.on('close', resolve));
  assert.deepStrictEqual(log, ['error:fin', 'close', 'end-cb:fin']);

  const log2 = [];
  const c = new Writable({
    construct(cb) { log2.push('construct'); setImmediate(cb); },
    write(ch, e, cb) { log2.push(`write:${ch}`); cb(); },
  });
  c.write('q');
  log2.push('after-write');
  c.end();
  await new Promise((resolve) => c.on('finish', resolve));
  assert.deepStrictEqual(log2, ['after-write', 'construct', 'write:q']);
});

test('emitClose false, autoDestroy false, signal', async () => {
  const w = new Writable({ write(c, e, cb) { cb(); }, emitClose: false, autoDestroy: false });
  const log = record(w, ['finish', 'close'], []);
  w.end('x');
  await tick();
  assert.deepStrictEqual(log, ['finish']);
  assert.strictEqual(w.destroyed, false);

  const ac = new AbortController();
  const s = new Writable({ write(c, e, cb) { cb(); }, signal: ac.signal });
  const err = new Promise((resolve) => s.on('error', resolve));
  ac.abort();
  assert.strictEqual((await err).name, 'AbortError');
});

test('P19: buffered length stays within one chunk of the limit, every false is followed by drain', async () => {
  await fc.assert(fc.asyncProperty(
    fc.integer({ min: 1, max: 64 }),
    fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 30 }),
    fc.boolean(),
    async (hwm, sizes, asyncWrites) => {
      let written = 0;
      const w = new Writable({
        highWaterMark: hwm,
        write(c, e, cb) {
          written += c.length;
          if (asyncWrites) setImmediate(cb);
          else cb();
        },
      });
      let drains = 0;
      w.on('drain', () => drains++);
      let falses = 0;
      let total = 0;
      for (const n of sizes) {
        // Respect backpressure as a well-behaved producer does.
        if (w.writableNeedDrain) await new Promise((resolve) => w.once('drain', resolve));
        const before = w.writableLength;
        const ok = w.write(Buffer.alloc(n));
        total += n;
        assert.ok(before < hwm, `wrote while ${before} >= ${hwm} were buffered`);
        assert.ok(w.writableLength <= hwm - 1 + n, `buffered ${w.writableLength} > limit ${hwm} + chunk ${n}`);
        assert.strictEqual(ok, w.writableLength < hwm || w.writableLength === 0);
        if (!ok) falses++;
      }
      if (w.writableNeedDrain) await new Promise((resolve) => w.once('drain', resolve));
      await new Promise((resolve) => w.end(resolve));
      assert.strictEqual(drains, falses);
      assert.strictEqual(written, total);
    }), { seed: 19, numRuns: 100 });
});
