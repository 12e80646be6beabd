import * as React from "react";
function Count({ children }) {
  return <p>{React.Children.count(children)}:{children}</p>;
}
export default function App() {
  return <div><Count>a</Count><Count>a{"b"}</Count><Count>{["x", "y"]}</Count><Count>{...["s", "t"]}</Count></div>;
}
