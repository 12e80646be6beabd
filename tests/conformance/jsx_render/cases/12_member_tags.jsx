import * as React from "react";
const UI = { Card: ({ title, children }) => <article><h2>{title}</h2>{children}</article>, Nested: { Item: () => <em>nested</em> } };
export default function App() {
  return <UI.Card title="T"><UI.Nested.Item /></UI.Card>;
}
