declare const injected: number;
declare function external(): void;
declare namespace Ambient { const q: number }
declare module "fake" { export const z: number }
declare global { interface Window { x: number } }
type Alias = { a: number };
interface Shape { area(): number }
const v: Alias = { a: 1 };
console.log(typeof (globalThis as any).injected, v.a);
