// Plain JavaScript that the .mts cases import from (it exports values only: importing a name it
// lacks is a SyntaxError, which is how a missed import elision shows).
export const one = 1;
export let counter = 0;
export function bump() { counter++; }
export default class Base { hello() { return 'base'; } }
export const log = [];
