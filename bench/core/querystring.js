'use strict';
// node:querystring and util helpers that parse text in JS: prints `<measure>\t<ms>` lines
// (bench/core/run.sh's contract), each the median of 5 repetitions after a warm-up.
//   qs_parse_200k       querystring.parse of 200,000 realistic query strings (escapes, +, repeats)
//   qs_stringify_200k   querystring.stringify of 200,000 objects
//   mime_parse_200k     new util.MIMEType() + toString() on 200,000 Content-Type values
//   parse_args_100k     util.parseArgs on 100,000 argv arrays
const qs = require('querystring');
const util = require('util');

const queries = [];
const objects = [];
for (let i = 0; i < 1000; i++) {
  queries.push(`q=hello+world+${i}&lang=en&page=${i}&tag=a&tag=b%20c&utf=%E4%BD%A0%E5%A5%BD&empty=&flag`);
  objects.push({ q: `hello world ${i}`, lang: 'en', page: i, tags: ['a', 'b c', 'é'], ok: true });
}
const mimes = ['text/html; charset=UTF-8', 'application/json', 'multipart/form-data; boundary="----x y"',
  'TEXT/PLAIN;format=flowed;delsp=yes', 'application/vnd.api+json; q=0.9; ext="a\\"b"'];
const argvs = [['-v', '--out', 'a.txt', 'file1', '-abc', '--tag=x', '--tag', 'y', '--', 'rest'],
  ['--out=b', '-vv', 'x', 'y'], ['--no-color', '-o', 'c', 'z']];
const options = { v: { type: 'boolean', short: 'v', multiple: true }, out: { type: 'string', short: 'o' },
  a: { type: 'boolean', short: 'a' }, b: { type: 'boolean', short: 'b' }, c: { type: 'boolean', short: 'c' },
  tag: { type: 'string', multiple: true }, color: { type: 'boolean' } };

let sink = 0;
const cases = {
  qs_parse_200k() { for (let i = 0; i < 200000; i++) sink += Object.keys(qs.parse(queries[i % 1000])).length; },
  qs_stringify_200k() { for (let i = 0; i < 200000; i++) sink += qs.stringify(objects[i % 1000]).length; },
  mime_parse_200k() { for (let i = 0; i < 200000; i++) sink += String(new util.MIMEType(mimes[i % 5])).length; },
  parse_args_100k() {
    for (let i = 0; i < 100000; i++) {
      sink += util.parseArgs({ args: argvs[i % 3], options, allowPositionals: true, allowNegative: true }).positionals.length;
    }
  },
};

require('./measure.js').measureAll(cases);
if (sink === 0) throw new Error('unreachable');
