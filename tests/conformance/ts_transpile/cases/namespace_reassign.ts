namespace R {
  export let value = 1;
  export var list: number[] = [];
  export function run() {
    value += 10;
    value++;
    ({ value } = { value: value * 2 });
    for (value of [100, 200]) list.push(value);
    const o = { value };
    return o;
  }
}
console.log(JSON.stringify(R.run()), R.value, R.list.join());
