import * as React from "react";
export default function App() {
  return <dl>{["x", "y"].map((k) => <React.Fragment key={k}><dt>{k}</dt><dd>{k.toUpperCase()}</dd></React.Fragment>)}</dl>;
}
