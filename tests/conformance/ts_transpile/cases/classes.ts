abstract class Shape {
  abstract area(): number;
  private static count: number = 0;
  declare kind: string;
  protected name!: string;
  constructor() { Shape.count++; }
  static get made() { return Shape.count; }
  toString() { return `${this.constructor.name}(${this.area().toFixed(1)})`; }
}
class Sq extends Shape {
  #side: number;
  constructor(side: number) { super(); this.#side = side; }
  area(): number { return this.#side ** 2; }
}
console.log(String(new Sq(2)), String(new Sq(3)), Shape.made, "kind" in new Sq(1));
