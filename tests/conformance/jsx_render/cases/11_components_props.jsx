import * as React from "react";
function Greeting({ name, children }) {
  return <p>Hi {name}! {children}</p>;
}
export default function App() {
  return <Greeting name="Ada">Welcome</Greeting>;
}
