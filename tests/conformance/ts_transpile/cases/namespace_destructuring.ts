namespace D {
  export const { a, b: [c, d = 4] } = { a: 1, b: [3] };
  export let [e, ...rest] = [5, 6, 7];
  export function all() { return [a, c, d, e, rest.length]; }
}
console.log(D.a, D.c, D.d, D.e, D.rest, D.all().join());
