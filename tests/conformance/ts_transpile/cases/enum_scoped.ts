function make() {
  enum Local { P = 3, Q }
  return Local;
}
const L = make();
console.log(L.P, L.Q, L[4]);
{
  enum Inner { Z = "z" }
  console.log(Inner.Z);
}
