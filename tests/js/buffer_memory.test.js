'use strict';
// Resident memory while a program makes and drops many unpooled Buffer.allocUnsafe buffers. Its own
// file, so that no earlier test's freed memory hides the growth. Runs on dx and on Node 24.
const test = require('node:test');
const assert = require('node:assert');

// Under AddressSanitizer (make test-asan) freed memory sits in quarantine: no bound holds there.
const skip = process.env.DX_ASAN ? 'resident memory means nothing under ASan' : false;

test('dead allocUnsafe buffers give their memory back', { skip }, () => {
  // 2 GiB of 64 KiB buffers, each written in full and dropped: resident memory stays bounded. Node 24
  // grows by 94-115 MB here. dx runs an eden collection per 64 MB of such buffers (bigmem.h) and grows
  // by ~70 MB; left to JSC's own pacing it grows by ~135 MB (~265 MB with a 32 MB minimum heap).
  const bound = (typeof process.versions.dx === 'string' ? 100 : 192) * 1024 * 1024;
  const before = process.memoryUsage.rss();
  let peak = before;
  for (let i = 0; i < 32768; i++) {
    Buffer.allocUnsafe(65536).fill(i & 0xff);
    if ((i & 1023) === 0) peak = Math.max(peak, process.memoryUsage.rss());
  }
  assert.ok(peak - before < bound, `grew by ${((peak - before) / 1048576).toFixed(0)} MB`);
});
