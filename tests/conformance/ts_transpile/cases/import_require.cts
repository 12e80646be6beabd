import lib = require("./lib/cjs.cjs");
import unused = require("./lib/does-not-exist.cjs");
console.log(lib.name, lib.add(2, 3));
