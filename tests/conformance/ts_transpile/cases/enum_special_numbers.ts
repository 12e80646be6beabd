enum N { Inf = 1 / 0, NInf = -1 / 0, Nan = 0 / 0, Frac = 1.5, Next, Pow = 2 ** 10, Mod = -7 % 3, Shr = -1 >>> 28 }
console.log(N.Inf, N.NInf, N.Nan, N.Frac, N.Next, N.Pow, N.Mod, N.Shr, N[1024]);
