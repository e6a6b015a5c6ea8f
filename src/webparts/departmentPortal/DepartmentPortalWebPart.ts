import * as React from "react";
import { PropertyPaneTextField, type IPropertyPaneConfiguration } from "@microsoft/sp-property-pane";
import * as strings from "DepartmentPortalWebPartStrings";
import { BaseDeskWebPart, IDeskWebPartProps } from "../BaseDeskWebPart";

export interface IDepartmentPortalWebPartProps extends IDeskWebPartProps {
  departmentCode: string;
}

export default class DepartmentPortalWebPart extends BaseDeskWebPart<IDepartmentPortalWebPartProps> {
  protected readonly firstView = "departmentPortal";
  private root: typeof import("./components/DepartmentPortalRoot") | undefined;

  protected async loadRoot(): Promise<void> {
    this.root = await import(/* webpackChunkName: "pd-view-department-portal" */ "./components/DepartmentPortalRoot");
  }

  private teams: { teamId: string; channelId: string } | undefined;

  protected async onInit(): Promise<void> {
    await super.onInit();
    // In a Teams tab the team's group id is the Graph team id, and the channel id is Graph's too.
    const teamsJs = this.context.sdks.microsoftTeams?.teamsJs;
    if (teamsJs) {
      const ctx = await teamsJs.app.getContext();
      if (ctx.team?.groupId && ctx.channel?.id) this.teams = { teamId: ctx.team.groupId, channelId: ctx.channel.id };
    }
  }

  protected renderRoot(): React.ReactElement {
    return React.createElement(this.root!.DepartmentPortalRoot, { services: this.services, teams: this.teams, departmentCode: this.properties.departmentCode });
  }

  protected getPropertyPaneConfiguration(): IPropertyPaneConfiguration {
    return {
      pages: [
        {
          header: { description: strings.PropertyPaneDescription },
          groups: [
            this.siteGroup(),
            {
              groupFields: [
                PropertyPaneTextField("departmentCode", { label: strings.DepartmentCodeLabel, description: strings.DepartmentCodeDescription }),
              ],
            },
          ],
        },
      ],
    };
  }
}
