import * as React from "react";
import { BaseDeskWebPart } from "../BaseDeskWebPart";
import { AgreementsRoot } from "./components/AgreementsRoot";

export interface IAgreementsWebPartProps {}

export default class AgreementsWebPart extends BaseDeskWebPart<IAgreementsWebPartProps> {
  protected renderRoot(): React.ReactElement {
    return React.createElement(AgreementsRoot, { services: this.services });
  }
}
