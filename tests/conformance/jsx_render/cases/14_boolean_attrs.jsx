import * as React from "react";
export default function App() {
  return <form><input disabled type="checkbox" checked readOnly /><button hidden>b</button></form>;
}
