namespace Keys {
  export const name = "n";
  export const value = 5;
  export function build() {
    const o = { name, value, [name]: value, "value": 1 };
    outer: for (const k of Object.keys(o)) { if (k === "value") break outer; }
    return JSON.stringify(o) + (o as any).name;
  }
}
console.log(Keys.build());
