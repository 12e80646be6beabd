import * as React from "react";
export default function App() {
  return <div style={{ color: "red", marginTop: 4, fontSize: "12px" }}>styled</div>;
}
