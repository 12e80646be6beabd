import * as React from "react";
class Counter extends React.Component {
  render() {
    return <span className={"n" + this.props.n}>{this.props.n}</span>;
  }
}
export default function App() {
  return <div>{[1, 2, 3].map((n) => <Counter key={n} n={n} />)}</div>;
}
