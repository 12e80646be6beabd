import { one } from "./lib/values.mjs";
interface LocalType { a: number }
type Alias = string;
export { one, LocalType, Alias };
export type { LocalType as Renamed };
const value = 3;
export { value as three };
console.log(one, value);
