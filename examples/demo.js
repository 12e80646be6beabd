// What dx does today: run a CommonJS program the way Node runs it.
const path = require('node:path');
const { Circle, unit } = require('./lib/shapes');

console.log(`dx ${process.versions.dx} (Node ${process.version} API) on ${process.platform}-${process.arch}`);
console.log('script:', path.relative(process.cwd(), __filename), '| argv:', process.argv.slice(2));

// util.inspect-style formatting of values, as Node prints them.
console.log({ unit, big: 2n ** 64n, list: [1, 'two', [3, [4, [5]]]], when: new Date(0), re: /dx/g });
console.log(new Map([['a', 1], ['b', new Set([1, 2])]]), new Uint8Array([1, 2, 3]));

// Node's event-loop order: sync code, nextTick, promise jobs, then timers and immediates.
const order = [];
setTimeout(() => order.push('timeout'), 0);
setImmediate(() => {
  order.push('immediate');
  setTimeout(() => {
    console.log('order:', order.join(' -> '));
    console.log('area of a circle of radius 2:', new Circle(2).area.toFixed(3));
  }, 5);
});
Promise.resolve().then(() => order.push('promise'));
process.nextTick(() => order.push('nextTick'));
order.push('sync');

process.on('exit', (code) => console.log(`exit ${code} after ${process.uptime().toFixed(3)}s`));
