import Base, { one, counter, bump, type Missing } from "./lib/values.mjs";
import type { AlsoMissing } from "./lib/values.mjs";
import { log as OnlyInType } from "./lib/values.mjs";
let t: OnlyInType | AlsoMissing | Missing | undefined;
bump();
console.log(one, counter, new Base().hello(), t);
