'use strict';
// util.inspect of a large object: 5,000 records (strings, numbers, nested objects and arrays, a Date,
// a Map, a class instance) inspected whole (depth and array length unlimited), and 100,000 small
// objects inspected one by one with the default options; util.format with a format string
// (%s/%d/%j/%o) and with a plain object; console.log of a small object and of a format string to a
// Console over a discarding stream. Prints `<measure>\t<median ms>` lines.
const util = require('util');

class Point { constructor(x, y) { this.x = x; this.y = y; } }
const records = [];
for (let i = 0; i < 5000; i++) {
  records.push({
    id: i,
    name: `user-${i}`,
    email: `user${i}@example.com`,
    score: i * 1.25,
    active: i % 3 === 0,
    tags: ['a', 'bb', 'ccc', String(i)],
    created: new Date(1700000000000 + i * 1000),
    address: { street: `${i} Main St`, city: 'Springfield', geo: new Point(i, -i) },
    meta: new Map([['k', i], ['v', 'x']]),
  });
}
const small = [];
for (let i = 0; i < 1000; i++) small.push({ a: i, b: 'text', c: [1, 2, 3], d: { e: null } });

function median(fn, reps) {
  fn(); // warm-up
  const t = [];
  for (let r = 0; r < reps; r++) {
    const t0 = process.hrtime.bigint();
    fn();
    t.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  t.sort((a, b) => a - b);
  return t[t.length >> 1];
}

let sink = 0;
const big = median(() => {
  sink += util.inspect(records, { depth: Infinity, maxArrayLength: Infinity }).length;
}, 5);
console.log(`inspect_large_object\t${big.toFixed(1)}`);
const many = median(() => {
  for (let i = 0; i < 100000; i++) sink += util.inspect(small[i % 1000]).length;
}, 5);
console.log(`inspect_100k_small\t${many.toFixed(1)}`);
const fmt = median(() => {
  for (let i = 0; i < 100000; i++) sink += util.format('%s is %d years, %i%% done: %j', 'user', i, i * 0.5, small[i % 1000].d).length;
}, 5);
console.log(`format_100k_string\t${fmt.toFixed(1)}`);
const fmtObj = median(() => {
  for (let i = 0; i < 100000; i++) sink += util.format('item', small[i % 1000]).length;
}, 5);
console.log(`format_100k_object\t${fmtObj.toFixed(1)}`);

const { Writable } = require('stream');
let written = 0;
const devnull = new Writable({ write(chunk, enc, cb) { written += chunk.length; cb(); } });
const con = new console.Console({ stdout: devnull, stderr: devnull });
const logObj = median(() => {
  for (let i = 0; i < 100000; i++) con.log(small[i % 1000]);
}, 5);
console.log(`console_log_100k_object\t${logObj.toFixed(1)}`);
const logFmt = median(() => {
  for (let i = 0; i < 100000; i++) con.log('request %s took %d ms', 'GET /index.html', i);
}, 5);
console.log(`console_log_100k_format\t${logFmt.toFixed(1)}`);
sink += written;
if (sink === 0) throw new Error('unreachable');
