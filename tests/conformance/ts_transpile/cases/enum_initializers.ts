enum Flags { None = 0, A = 1 << 0, B = 1 << 1, AB = A | B, C = AB << 1, Neg = -AB, Inv = ~A }
console.log(JSON.stringify(Flags));
enum Mixed { X = 10, Y, Z = X * 3, W }
console.log(Mixed.Y, Mixed.Z, Mixed.W, Mixed[31]);
