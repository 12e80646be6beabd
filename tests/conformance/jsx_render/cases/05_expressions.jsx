import * as React from "react";
const n = 3;
export default function App() {
  return <ul>{[1, 2, n].map((i) => <li key={i}>item {i * 2}</li>)}</ul>;
}
