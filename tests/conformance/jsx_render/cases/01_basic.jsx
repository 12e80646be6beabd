import * as React from "react";
export default function App() {
  return <div className="box" id="main">Hello, world</div>;
}
