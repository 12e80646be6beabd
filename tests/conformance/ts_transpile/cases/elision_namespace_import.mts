import * as values from "./lib/values.mjs";
import * as unused from "./lib/does-not-exist.mjs";
import alias = values.one;
import deadAlias = unused.thing;
console.log(alias, values.counter);
