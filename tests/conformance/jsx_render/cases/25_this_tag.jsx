import * as React from "react";
class Widget extends React.Component {
  static Part = () => <span>part</span>;
  render() {
    const T = this.constructor;
    return <div><T.Part /></div>;
  }
}
export default function App() {
  return <Widget />;
}
