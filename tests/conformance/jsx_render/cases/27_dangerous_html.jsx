import * as React from "react";
export default function App() {
  return <div dangerouslySetInnerHTML={{ __html: "<i>raw</i>" }} />;
}
