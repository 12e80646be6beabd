import * as React from "react";
const a = "A", b = 2;
export default function App() {
  return (
    <p>
      start {a}   middle
      {b} end &amp; {" spaced "}
      <br />
      last
    </p>
  );
}
