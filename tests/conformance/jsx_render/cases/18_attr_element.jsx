import * as React from "react";
function Slot({ header, children }) {
  return <div>{header}{children}</div>;
}
export default function App() {
  return <Slot header=<h3>head</h3>>body</Slot>;
}
