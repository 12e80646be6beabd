class Bag {
  [key: string]: unknown;
  private _v = 0;
  get v(): number { return this._v; }
  set v(n: number) { this._v = n * 2; }
  static accessor?: string;
}
const bag = new Bag();
bag.v = 5;
bag["other"] = true;
console.log(bag.v, bag["other"]);
