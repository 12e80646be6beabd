enum E { A = 1, B }
enum E { C = B + 10, D }
console.log(E.A, E.B, E.C, E.D, E[12]);
