import * as React from "react";
import { PropertyPaneTextField, type IPropertyPaneConfiguration } from "@microsoft/sp-property-pane";
import * as strings from "DepartmentPortalWebPartStrings";
import { BaseDeskWebPart, IDeskWebPartProps } from "../BaseDeskWebPart";
import type { PortalHints } from "../../data/firstReads";

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
  private teamsContext: Promise<{ teamId: string; channelId: string } | undefined> | undefined;

  protected async onInit(): Promise<void> {
    await super.onInit();
    this.teams = await this.readTeamsContext();
  }

  /** In a Teams tab the team's group id is the Graph team id, and the channel id is Graph's too. Asked once, while the first reads start. */
  private readTeamsContext(): Promise<{ teamId: string; channelId: string } | undefined> {
    this.teamsContext ??= (async () => {
      const teamsJs = this.context.sdks.microsoftTeams?.teamsJs;
      if (!teamsJs) return undefined;
      const ctx = await teamsJs.app.getContext();
      return ctx.team?.groupId && ctx.channel?.id ? { teamId: ctx.team.groupId, channelId: ctx.channel.id } : undefined;
    })();
    return this.teamsContext;
  }

  protected firstReadHints(): Promise<PortalHints> {
    // The portal's own rows are read for the department this tab or page shows.
    return this.readTeamsContext().then((t) => ({ ...t, configuredCode: this.properties.departmentCode || undefined }), () => ({ configuredCode: this.properties.departmentCode || undefined }));
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
