class Strict {
  constructor(public v: number) {
    "use strict";
    console.log("ctor", this.v);
  }
}
console.log(new Strict(3).v);
const Anon = class { constructor(readonly w: string) {} };
console.log(new Anon("w").w);
