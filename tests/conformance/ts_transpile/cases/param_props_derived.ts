class Base {
  constructor(public id: number) { console.log("base", this.id); }
}
class Derived extends Base {
  extra = this.id * 10;
  constructor(id: number, public label: string) {
    console.log("before super");
    super(id);
    console.log("after super", this.label, this.extra);
  }
}
const d = new Derived(7, "L");
console.log(JSON.stringify(d));
