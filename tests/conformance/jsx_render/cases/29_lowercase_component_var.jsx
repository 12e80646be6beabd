import * as React from "react";
const _jsx = "shadow";
const _Fragment = "x";
export default function App() {
  return <><p>{_jsx}</p><p>{_Fragment}</p></>;
}
