'use strict';
// Parses N URLs (default 1,000,000) with `new URL()` and reads href, pathname and search from each;
// prints `url_parse_1M<TAB>ms` (bench/core/run.sh's contract). The inputs are 1000 distinct strings of realistic shapes (API
// paths with queries, relative references against a base, IDN and IPv4 hosts, file URLs), cycled.
const n = Number(process.argv[2] || 1e6);
const hosts = ['example.com', 'api.github.com', 'EXAMPLE.ORG', 'sub.domain.co.uk', '127.0.0.1', 'xn--bcher-kva.example',
  'bücher.example', '[::1]'];
const inputs = [];
for (let i = 0; i < 1000; i++) {
  const h = hosts[i % hosts.length];
  switch (i % 5) {
    case 0: inputs.push([`https://${h}/repos/user${i}/project/issues?page=${i}&per_page=100`]); break;
    case 1: inputs.push([`http://user:pass@${h}:8080/a/b/../c/./d${i}.html#section-${i}`]); break;
    case 2: inputs.push([`../img/${i}.png?v=${i}`, `https://${h}/static/css/site.css`]); break;
    case 3: inputs.push([`file:///home/user/projects/p${i}/src/index.js`]); break;
    default: inputs.push([`https://${h}/search?q=hello%20world+${i}&lang=en`]); break;
  }
}
let sink = 0;
const t0 = Date.now();
for (let i = 0; i < n; i++) {
  const [input, base] = inputs[i % 1000];
  const u = base === undefined ? new URL(input) : new URL(input, base);
  sink += u.href.length + u.pathname.length + u.search.length;
}
const ms = Date.now() - t0;
if (sink === 0) throw new Error('unreachable');
console.log(`url_parse_1M\t${ms}`);
