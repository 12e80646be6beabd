function fmt(x: number): string;
function fmt(x: string): string;
function fmt(x: any): string { return typeof x + ":" + x; }
class C {
  m(x: number): number;
  m(x: string): string;
  m(x: any) { return x; }
}
console.log(fmt(1), fmt("s"), new C().m(4));
