import * as React from "react";
export default function App() {
  return <div data-test-id="x" aria-label="label" aria-hidden="true" role="note">d</div>;
}
