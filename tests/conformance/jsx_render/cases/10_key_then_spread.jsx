import * as React from "react";
const p = { title: "over" };
export default function App() {
  return <ol>{[1, 2].map((i) => <li key={i} title="first" {...p}>{i}</li>)}</ol>;
}
