namespace Cfg {
  export enum Mode { Dev = "dev", Prod = "prod" }
  enum Private { X = 1 }
  export const current = Mode.Prod;
  export const px = Private.X;
}
console.log(Cfg.Mode.Dev, Cfg.current, Cfg.px);
