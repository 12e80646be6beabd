namespace Geometry {
  export const PI2 = Math.PI * 2;
  export function circumference(r: number) { return PI2 * r; }
  const hidden = "hidden";
  export let count = 0;
  export function inc() { count++; return count; }
  export function reveal() { return hidden; }
}
console.log(Geometry.circumference(1).toFixed(3), Geometry.inc(), Geometry.inc(), Geometry.count, Geometry.reveal());
console.log((Geometry as any).hidden);
