import * as React from "react";
export default function App() {
  return (
    <section>
      <h1>Title</h1>
      <p>First <b>bold</b> and <i>italic</i>.</p>
    </section>
  );
}
