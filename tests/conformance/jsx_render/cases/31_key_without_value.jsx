import * as React from "react";
export default function App() {
  return <ul><li key>k</li></ul>;
}
