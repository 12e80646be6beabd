import * as React from "react";
export default function App() {
  return (
    <p>
      Lines   are
      joined    with one space


      and   inner  runs stay.
         <span>  kept  </span>   
    </p>
  );
}
