const sym: unique symbol = Symbol("s");
type K = keyof typeof obj;
const obj = { [sym]: 1, a: 2 };
function get<O, P extends keyof O>(o: O, p: P): O[P] { return o[p]; }
console.log(get(obj, "a"), obj[sym]);
