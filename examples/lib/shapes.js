// A small CommonJS module, required by demo.js.
class Circle {
  constructor(r) { this.r = r; }
  get area() { return Math.PI * this.r ** 2; }
}
module.exports = { Circle, unit: new Circle(1) };
