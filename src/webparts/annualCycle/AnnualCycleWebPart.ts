import * as React from "react";
import { PropertyPaneTextField, type IPropertyPaneConfiguration } from "@microsoft/sp-property-pane";
import { BaseDeskWebPart, IDeskWebPartProps } from "../BaseDeskWebPart";

export interface IAnnualCycleWebPartProps extends IDeskWebPartProps {
  /** The department portal's page, linked from reminders posted to Teams (overrides the site's setting 部署ポータルのページ). */
  portalUrl: string;
}

export default class AnnualCycleWebPart extends BaseDeskWebPart<IAnnualCycleWebPartProps> {
  protected readonly firstView = "annualCycle";
  private root: typeof import("./components/AnnualCycleRoot") | undefined;

  protected async loadRoot(): Promise<void> {
    this.root = await import(/* webpackChunkName: "pd-view-annual-cycle" */ "./components/AnnualCycleRoot");
  }

  protected renderRoot(): React.ReactElement {
    // Empty: the site's setting 部署ポータルのページ (read by the root); never a guessed page name.
    const portalUrl = this.properties.portalUrl ?? "";
    return React.createElement(this.root!.AnnualCycleRoot, { services: this.services, portalUrl });
  }

  protected getPropertyPaneConfiguration(): IPropertyPaneConfiguration {
    return { pages: [{ header: { description: "年度の連携 / Yearly cycle" }, groups: [this.siteGroup(), { groupFields: [PropertyPaneTextField("portalUrl", { label: "部署ポータルのページ URL / Department portal page URL" })] }] }] };
  }
}
