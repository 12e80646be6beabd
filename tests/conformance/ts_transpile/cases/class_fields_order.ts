const order: string[] = [];
class K {
  a = order.push("field a");
  constructor(public p = order.push("param p")) { order.push("body"); }
  b = order.push("field b");
}
new K();
console.log(order.join(" | "));
