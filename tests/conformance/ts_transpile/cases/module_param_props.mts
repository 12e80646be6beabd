import Base from "./lib/values.mjs";
export class Child extends Base {
  constructor(public readonly tag: string) { super(); }
  hello() { return super.hello() + ":" + this.tag; }
}
console.log(new Child("c").hello());
