import type { Anything } from "./lib/values.mjs";
import { counter as Unused } from "./lib/values.mjs";
interface I { x: Anything }
export default I;
const i: I | undefined = undefined;
console.log("module", typeof i, typeof require);
