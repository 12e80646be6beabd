import * as React from "react";
function Box(props) {
  return <div>{props.children}</div>;
}
export default function App() {
  return <div><Box children="from prop" /><Box>from child</Box><Box children="lost">wins</Box></div>;
}
