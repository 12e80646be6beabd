import * as React from "react";
export default function App() {
  return (
    <div /* attr comment */ id="c" // line comment
    >
      {/* child comment */}
      text
      {}
      // not a comment
    </div>
  );
}
