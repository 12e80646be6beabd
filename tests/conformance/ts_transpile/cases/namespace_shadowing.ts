namespace S {
  export const x = "outer";
  export function read() { return x; }
  export function shadow(x: string) { return x; }
  export function block() { { const x = "block"; return x; } }
  export function arrow() { const f = (x = "default") => x; return f(); }
}
console.log(S.read(), S.shadow("param"), S.block(), S.arrow());
