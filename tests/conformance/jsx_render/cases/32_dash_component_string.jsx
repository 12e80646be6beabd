import * as React from "react";
export default function App() {
  return <custom-element some-attr="v" class="c">ce</custom-element>;
}
