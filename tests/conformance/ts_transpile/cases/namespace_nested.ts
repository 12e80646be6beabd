namespace A.B.C {
  export const deep = "deep";
}
namespace A {
  export namespace B {
    export const mid = C.deep + "!";
  }
  export const top = B.mid + "?";
}
console.log(A.B.C.deep, A.B.mid, A.top);
