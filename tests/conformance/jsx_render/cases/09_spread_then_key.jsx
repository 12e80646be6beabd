import * as React from "react";
const p = { "data-a": "1" };
export default function App() {
  return <ol>{[1, 2].map((i) => <li {...p} key={i} data-b={i}>{i}</li>)}</ol>;
}
