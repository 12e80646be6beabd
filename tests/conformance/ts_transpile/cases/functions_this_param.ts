function show(this: { v: number }, add?: number): number { return this.v + (add ?? 0); }
const obj = { v: 2, show };
console.log(obj.show(), obj.show(3));
const opt = (x?: number, ...rest: number[]): number => (x ?? 0) + rest.length;
console.log(opt(), opt(1, 2, 3));
