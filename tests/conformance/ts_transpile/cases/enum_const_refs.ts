const base = 4;
const doubled = base * 2;
let notConst = 1;
enum Sizes { Small = base, Medium = doubled, Large, Odd = notConst, AfterOdd = 9 }
enum Derived { A = Sizes.Large, B = Sizes["Medium"] + 1, C = Sizes.Odd }
const label = "lbl";
enum Names { First = label, Second = `${label}-2` }
console.log(JSON.stringify(Sizes), JSON.stringify(Derived), JSON.stringify(Names));
