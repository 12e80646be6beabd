function identity<T>(x: T): T { return x; }
function pair<A, B extends object = {}>(a: A, b: B): [A, B] { return [a, b]; }
class Stack<T> {
  private items: T[] = [];
  push(x: T): this { this.items.push(x); return this; }
  pop(): T | undefined { return this.items.pop(); }
}
const s = new Stack<number>().push(1).push(2);
const arrow = <T,>(x: T) => [x];
console.log(identity<string>("id"), JSON.stringify(pair(1, { b: 2 })), s.pop(), arrow(5));
console.log(identity < number > (3));
