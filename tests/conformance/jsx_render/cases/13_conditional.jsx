import * as React from "react";
const on = true, off = false;
export default function App() {
  return <div>{on && <b>on</b>}{off && <b>off</b>}{on ? "yes" : "no"}{null}{undefined}{false}</div>;
}
