import * as React from "react";
export default function App() {
  return <p title="first line
    second line">m</p>;
}
