import * as React from "react";
function Row() {
  return <><td>a</td><td>b</td></>;
}
export default function App() {
  return <table><tbody><tr><Row /></tr></tbody></table>;
}
