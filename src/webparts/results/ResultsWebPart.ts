import * as React from "react";
import { BaseDeskWebPart, IDeskWebPartProps } from "../BaseDeskWebPart";
import { ResultsRoot } from "./components/ResultsRoot";

export type IResultsWebPartProps = IDeskWebPartProps;

export default class ResultsWebPart extends BaseDeskWebPart<IResultsWebPartProps> {
  protected renderRoot(): React.ReactElement {
    return React.createElement(ResultsRoot, { services: this.services });
  }
}
