namespace M {
  export const a = 1;
  export function f() { return "f"; }
}
namespace M {
  export const b = a + 1;
  export function g() { return f() + "g"; }
}
console.log(M.a, M.b, M.g());
