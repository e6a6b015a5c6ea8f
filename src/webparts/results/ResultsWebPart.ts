import * as React from "react";
import { BaseDeskWebPart, IDeskWebPartProps } from "../BaseDeskWebPart";

export type IResultsWebPartProps = IDeskWebPartProps;

export default class ResultsWebPart extends BaseDeskWebPart<IResultsWebPartProps> {
  protected readonly firstView = "results";
  private root: typeof import("./components/ResultsRoot") | undefined;

  protected async loadRoot(): Promise<void> {
    this.root = await import(/* webpackChunkName: "pd-view-results" */ "./components/ResultsRoot");
  }

  protected renderRoot(): React.ReactElement {
    return React.createElement(this.root!.ResultsRoot, { services: this.services });
  }
}
