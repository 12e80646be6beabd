let base = 100;
function f(n: number) { return n + 1; }
enum Runtime { A = base, B = f(A), C = "len".length, D = Runtime.A + Runtime.C }
console.log(Runtime.A, Runtime.B, Runtime.C, Runtime.D, Runtime[101]);
