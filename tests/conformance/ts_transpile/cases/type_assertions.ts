const a = <number>(<unknown>"5" as any) as number;
const b = (null as unknown as string | null)!;
const c = { x: 1 } satisfies { x: number };
let d!: number;
d = 4;
const e = [1, 2] as const;
console.log(a, b, c.x, d, e.length);
