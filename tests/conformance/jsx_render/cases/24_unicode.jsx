import * as React from "react";
export default function App() {
  return <p title="ünïcödé">日本語 — テキスト 😀 é</p>;
}
