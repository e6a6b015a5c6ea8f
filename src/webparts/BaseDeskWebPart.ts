import * as React from "react";
import * as ReactDom from "react-dom";
import { Version } from "@microsoft/sp-core-library";
import { BaseClientSideWebPart } from "@microsoft/sp-webpart-base";
import { PropertyPaneTextField, type IPropertyPaneConfiguration, type IPropertyPaneGroup } from "@microsoft/sp-property-pane";
import * as common from "CommonStrings";
import type { IAppServices } from "../components/IAppServices";
import { PartnershipData } from "../data/sp/PartnershipData";
import { spForSpfx } from "../data/sp/spfi";
import { lazyNotifier } from "../data/graph/lazyNotifier";
import { lazyGraph } from "../data/graph/lazyGraph";
import { resolvePartnershipSite, setTenantDefaultSiteUrl } from "../data/hosting";
import { cityToday } from "../domain/calendar";
import { FirstView, PortalHints, startFirstReads } from "../data/firstReads";
import { firstBatchSent } from "../data/sp/requestsSent";

/** What every web part's properties hold: the partnership site's absolute URL (empty: the tenant default, else this site). */
export interface IDeskWebPartProps {
  partnershipSiteUrl?: string;
}

/**
 * What the four web parts share: find the partnership site (property, tenant default, or
 * the page's site), build the data layer and notifier against it once in onInit (the
 * composition root), render one React root, dispose it. Subclasses name the root.
 */
export abstract class BaseDeskWebPart<P extends IDeskWebPartProps> extends BaseClientSideWebPart<P> {
  protected services!: IAppServices;

  protected async onInit(): Promise<void> {
    // The view is a chunk of its own (the four web parts share one bundle, see config/config.json),
    // fetched once the first reads' batch is on its way (or 150 ms from now at the latest): its
    // code then arrives while SharePoint answers, and compiling it does not hold the batch back.
    const view = firstBatchSent().then(() => this.loadRoot());
    await super.onInit();
    const pageSite = this.context.pageContext.web.absoluteUrl;
    const site = await resolvePartnershipSite(this.properties.partnershipSiteUrl, pageSite, spForSpfx(this.context));
    const sp = spForSpfx(this.context, site.url);
    const data = new PartnershipData(sp, site.url);
    const today = cityToday();
    this.services = {
      data,
      notifier: lazyNotifier(async () => new (await import(/* webpackChunkName: "pd-teams-notifier" */ "../data/graph/GraphTeamsNotifier")).GraphTeamsNotifier(lazyGraph(() => this.context.msGraphClientFactory.getClient("3")))),
      today,
      site: { url: site.url, source: site.source, pageSiteUrl: pageSite },
      setup: async () => new (await import(/* webpackChunkName: "pd-site-setup" */ "../data/setup/SiteSetup")).SiteSetup(sp, site.url),
      setTenantDefault: (url) => setTenantDefaultSiteUrl(sp, url),
      // Who is signed in and the first view's rows are read now, while the view's code is fetched.
      firstReads: startFirstReads(data, today, this.firstView, this.firstReadHints()),
    };
    await view;
  }

  /** Which view the web part opens on: its reads start in onInit (src/data/firstReads). */
  protected abstract readonly firstView: FirstView;

  /** Where the department portal is (its Teams tab, its department code), for its first reads; nothing for the other views. */
  protected firstReadHints(): Promise<PortalHints> {
    return Promise.resolve({});
  }

  /** Fetches the web part's React root (its own chunk); renderRoot uses it once loaded. */
  protected abstract loadRoot(): Promise<void>;

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

  /** The site URL field, checked when entered: the site exists, can be read, and has been set up. */
  protected siteGroup(): IPropertyPaneGroup {
    return {
      groupName: common.Hosting.PaneGroup,
      groupFields: [
        PropertyPaneTextField("partnershipSiteUrl", {
          label: common.Hosting.SiteUrlLabel,
          description: common.Hosting.SiteUrlDescription,
          placeholder: "https://contoso.sharepoint.com/sites/renkei",
          deferredValidationTime: 800,
          onGetErrorMessage: async (value: string) => {
            if (!value.trim()) return "";
            const { checkSiteUrl, siteCheckMessage } = await import(/* webpackChunkName: "pd-site-check" */ "../data/setup/siteCheck");
            const check = await checkSiteUrl(value, (url) => spForSpfx(this.context, url));
            return siteCheckMessage(check);
          },
        }),
      ],
    };
  }

  protected getPropertyPaneConfiguration(): IPropertyPaneConfiguration {
    return { pages: [{ header: { description: common.Hosting.PaneDescription }, groups: [this.siteGroup()] }] };
  }

  protected onPropertyPaneFieldChanged(path: string): void {
    // A new site URL: rebuild the data layer against it.
    if (path === "partnershipSiteUrl") void this.onInit().then(() => this.render());
  }
}
