enum Dir { Up = "UP", Down = "DOWN", Left = `L${"EFT"}`, Right = "RI" + "GHT" }
console.log(Dir.Up, Dir.Left, Dir.Right, Object.keys(Dir).length, (Dir as any)["UP"]);
