namespace Types {
  export interface User { name: string }
  export type Id = number;
  export namespace Deeper { export type X = string }
}
const u: Types.User = { name: "n" };
console.log(typeof (globalThis as any).Types, u.name);
