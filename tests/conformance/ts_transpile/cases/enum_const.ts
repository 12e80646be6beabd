const enum Size { S = 1, M = S * 2, L = M * 2 }
const sizes: Size[] = [Size.S, Size.M, Size.L];
console.log(sizes.join(' '));
