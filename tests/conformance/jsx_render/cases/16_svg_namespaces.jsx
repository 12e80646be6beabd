import * as React from "react";
export default function App() {
  return <svg viewBox="0 0 10 10"><use xlink:href="#a" /><rect x="1" y="2" width="3" height="4" strokeWidth={2} /></svg>;
}
