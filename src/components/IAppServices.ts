import type { IPartnershipData, ISiteSetup, ITeamsNotifier } from "../data/contracts";
import type { FirstReads } from "../data/firstReads";

/** Where the partnership site is and how the web part found it. */
export interface HostedSite {
  /** Absolute URL of the partnership site, where every list is read and written. */
  url: string;
  /** property: the web part's setting; tenant: the tenant-wide default; page: the site of the page itself. */
  source: "property" | "tenant" | "page";
  /** The site the page or Teams tab runs on (a team's site in Teams). */
  pageSiteUrl: string;
}

/** What every web part's React root receives: the data layer and the Teams notifier. */
export interface IAppServices {
  data: IPartnershipData;
  notifier: ITeamsNotifier;
  /** "Today" in the city; injectable so screens and tests agree on the date. */
  today: string;
  /**
   * The current instant, for what the product stamps with a time (a publication's 公表日時).
   * Left out in production: the real clock. A host that fixes `today` (the local
   * workbench's `?today=`) gives a clock on that day, so stamps and `today` agree.
   */
  clock?: () => Date;
  site?: HostedSite;
  /** Site setup for the partnership site, loaded on demand (its own chunk). */
  setup?: () => Promise<ISiteSetup>;
  /** Stores the partnership site as the tenant-wide default (a SharePoint administrator only). */
  setTenantDefault?: (siteUrl: string) => Promise<void>;
  /** Reads the web part started in onInit, before its view's code arrived; the view takes them. */
  firstReads?: FirstReads;
}
