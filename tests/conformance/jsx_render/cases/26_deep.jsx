import * as React from "react";
export default function App() {
  return <div><div><div><div><div><div><div><div><span>deep</span></div></div></div></div></div></div></div></div>;
}
