import { one, log } from "./lib/values.mjs";
function f(one: number) { return one + 1; }
const g = (log: string[]) => log.length;
console.log(f(5), g([]));
