import lib = require("./lib/cjs.cjs");
const api = { value: lib.add(1, 1) };
export = api;
console.log(JSON.stringify(module.exports));
