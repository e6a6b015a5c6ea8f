import * as React from "react";
import { BaseDeskWebPart } from "../BaseDeskWebPart";
import { ResultsRoot } from "./components/ResultsRoot";

export interface IResultsWebPartProps {}

export default class ResultsWebPart extends BaseDeskWebPart<IResultsWebPartProps> {
  protected renderRoot(): React.ReactElement {
    return React.createElement(ResultsRoot, { services: this.services });
  }
}
