import * as React from "react";
export default function App() {
  return <p title="back\slash \n not newline" data-x='single "quotes"'>a\b</p>;
}
