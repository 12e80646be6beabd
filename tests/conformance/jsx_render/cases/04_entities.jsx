import * as React from "react";
export default function App() {
  return <p title="a &amp; b &quot;q&quot; &#169; &#xA9;">&lt;tag&gt; &copy; &euro; &nbsp;x &hellip; &#128512; &#x1F600; &bogus; &amp</p>;
}
