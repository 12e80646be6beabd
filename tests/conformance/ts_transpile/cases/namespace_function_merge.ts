function greet(name: string) { return greet.prefix + name; }
namespace greet {
  export let prefix = "Hello, ";
}
console.log(greet("ts"));
greet.prefix = "Hi, ";
console.log(greet("again"));
