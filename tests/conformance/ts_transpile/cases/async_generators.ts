async function run(): Promise<number[]> {
  const out: number[] = [];
  async function* gen(): AsyncGenerator<number, void, unknown> { yield 1; yield 2; }
  for await (const v of gen()) out.push(v);
  return out;
}
run().then((r: number[]) => console.log(r.join("+")));
