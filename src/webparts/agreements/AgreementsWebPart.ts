import * as React from "react";
import { BaseDeskWebPart, IDeskWebPartProps } from "../BaseDeskWebPart";

export type IAgreementsWebPartProps = IDeskWebPartProps;

export default class AgreementsWebPart extends BaseDeskWebPart<IAgreementsWebPartProps> {
  protected readonly firstView = "agreements";
  private root: typeof import("./components/AgreementsRoot") | undefined;

  protected async loadRoot(): Promise<void> {
    this.root = await import(/* webpackChunkName: "pd-view-agreements" */ "./components/AgreementsRoot");
  }

  protected renderRoot(): React.ReactElement {
    return React.createElement(this.root!.AgreementsRoot, { services: this.services });
  }
}
