import * as React from "react";
import { BaseDeskWebPart } from "../BaseDeskWebPart";
import { AnnualCycleRoot } from "./components/AnnualCycleRoot";

export interface IAnnualCycleWebPartProps {}

export default class AnnualCycleWebPart extends BaseDeskWebPart<IAnnualCycleWebPartProps> {
  protected renderRoot(): React.ReactElement {
    return React.createElement(AnnualCycleRoot, { services: this.services });
  }
}
