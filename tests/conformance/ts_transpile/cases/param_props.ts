class Person {
  greeting = "hi " + this.name;
  constructor(public name: string, private age: number, protected readonly tag = "t", public override?: string) {}
  describe() { return `${this.name}/${this.age}/${this.tag}/${this.greeting}`; }
}
const p = new Person("ann", 30);
console.log(p.describe(), Object.keys(p).join(","));
