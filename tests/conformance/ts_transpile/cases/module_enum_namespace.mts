export enum Status { On = 1, Off = 0 }
export namespace Tools {
  export const sum = (a: number, b: number) => a + b;
}
export const enum Fixed { K = 42 }
export namespace OnlyTypes { export interface T {} }
console.log(Status.On, Status[0], Tools.sum(1, 2), Fixed.K);
