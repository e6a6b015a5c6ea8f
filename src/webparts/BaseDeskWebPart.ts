import * as React from "react";
import * as ReactDom from "react-dom";
import { Version } from "@microsoft/sp-core-library";
import { BaseClientSideWebPart } from "@microsoft/sp-webpart-base";
import type { IPropertyPaneConfiguration } from "@microsoft/sp-property-pane";
import type { IAppServices } from "../components/IAppServices";
import { PartnershipData } from "../data/sp/PartnershipData";
import { spForSpfx } from "../data/sp/spfi";
import { GraphTeamsNotifier } from "../data/graph/GraphTeamsNotifier";
import { lazyGraph } from "../data/graph/lazyGraph";
import { cityToday } from "../domain/calendar";

/**
 * What the four web parts share: build the data layer and notifier once in onInit
 * (the composition root), render one React root, dispose it. Subclasses name the root.
 */
export abstract class BaseDeskWebPart<P extends object> extends BaseClientSideWebPart<P> {
  protected services!: IAppServices;

  protected async onInit(): Promise<void> {
    await super.onInit();
    const sp = spForSpfx(this.context);
    this.services = {
      data: new PartnershipData(sp),
      notifier: new GraphTeamsNotifier(lazyGraph(() => this.context.msGraphClientFactory.getClient("3"))),
      today: cityToday(),
    };
  }

  protected abstract renderRoot(): React.ReactElement;

  public render(): void {
    ReactDom.render(this.renderRoot(), this.domElement);
  }

  protected onDispose(): void {
    ReactDom.unmountComponentAtNode(this.domElement);
  }

  protected get dataVersion(): Version {
    return Version.parse("1.0");
  }

  protected getPropertyPaneConfiguration(): IPropertyPaneConfiguration {
    return { pages: [] };
  }
}
