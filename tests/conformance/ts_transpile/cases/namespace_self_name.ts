namespace Box {
  const Box = "local";
  export const label = Box + "!";
}
console.log(Box.label);
