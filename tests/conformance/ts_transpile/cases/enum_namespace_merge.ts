enum Level { Low, High }
namespace Level {
  export function parse(s: string): Level { return s === "high" ? Level.High : Level.Low; }
}
console.log(Level.parse("high"), Level.parse("x"), typeof Level.parse);
