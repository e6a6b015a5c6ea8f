import * as React from "react";
import { BaseDeskWebPart, IDeskWebPartProps } from "../BaseDeskWebPart";
import { AgreementsRoot } from "./components/AgreementsRoot";

export type IAgreementsWebPartProps = IDeskWebPartProps;

export default class AgreementsWebPart extends BaseDeskWebPart<IAgreementsWebPartProps> {
  protected renderRoot(): React.ReactElement {
    return React.createElement(AgreementsRoot, { services: this.services });
  }
}
