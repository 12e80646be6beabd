class Point {
  constructor(public x: number, public y: number) {}
  static origin() { return new Point(0, 0); }
}
namespace Point {
  export const unit = new Point(1, 1);
  export function add(a: Point, b: Point) { return new Point(a.x + b.x, a.y + b.y); }
}
const p = Point.add(Point.unit, Point.origin());
console.log(p.x, p.y, p instanceof Point);
