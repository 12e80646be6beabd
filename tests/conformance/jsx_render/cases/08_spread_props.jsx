import * as React from "react";
const props = { id: "s", title: "t" };
export default function App() {
  return <div {...props} className="c" />;
}
