import * as React from "react";
import { PropertyPaneTextField, type IPropertyPaneConfiguration } from "@microsoft/sp-property-pane";
import { BaseDeskWebPart, IDeskWebPartProps } from "../BaseDeskWebPart";
import { AnnualCycleRoot } from "./components/AnnualCycleRoot";

export interface IAnnualCycleWebPartProps extends IDeskWebPartProps {
  /** The department portal's page, linked from reminders posted to Teams. */
  portalUrl: string;
}

export default class AnnualCycleWebPart extends BaseDeskWebPart<IAnnualCycleWebPartProps> {
  protected renderRoot(): React.ReactElement {
    const portalUrl = this.properties.portalUrl || `${this.services.site?.url ?? this.context.pageContext.web.absoluteUrl}/SitePages/DepartmentPortal.aspx`;
    return React.createElement(AnnualCycleRoot, { services: this.services, portalUrl });
  }

  protected getPropertyPaneConfiguration(): IPropertyPaneConfiguration {
    return { pages: [{ header: { description: "年度の連携 / Yearly cycle" }, groups: [this.siteGroup(), { groupFields: [PropertyPaneTextField("portalUrl", { label: "部署ポータルのページ URL / Department portal page URL" })] }] }] };
  }
}
