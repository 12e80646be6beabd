namespace Lib {
  export namespace Util { export function twice(n: number) { return n * 2; } }
}
import twice = Lib.Util.twice;
import Unused = Lib.Util;
namespace App {
  import U = Lib.Util;
  export import T = Lib.Util.twice;
  export const r = U.twice(2) + T(3);
}
console.log(twice(5), App.r, typeof App.T);
