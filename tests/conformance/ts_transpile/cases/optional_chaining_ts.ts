interface Node { next?: Node; val: number }
const n: Node = { val: 1, next: { val: 2 } };
console.log(n.next?.val, n.next?.next?.val, n.next!.val);
