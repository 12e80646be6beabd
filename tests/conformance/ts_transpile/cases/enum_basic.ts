enum Color { Red, Green, Blue }
console.log(Color.Red, Color.Green, Color.Blue, Color[0], Color[2]);
console.log(Object.keys(Color).join(','));
