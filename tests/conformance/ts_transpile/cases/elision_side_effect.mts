import "./lib/side.mjs";
import {} from "./lib/side.mjs";
import type { Nothing } from "./lib/side.mjs";
console.log((globalThis as any).sideEffectRan);
