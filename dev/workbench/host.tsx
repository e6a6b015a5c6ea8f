import * as React from "react";
import { Text } from "@fluentui/react";
import type { IAppServices } from "../../src/components/IAppServices";
import { PortalHints, startFirstReads } from "../../src/data/firstReads";
import { PartnershipData } from "../../src/data/sp/PartnershipData";
import { spForUrl } from "../../src/data/sp/spForUrl";
import { lazyNotifier } from "../../src/data/graph/lazyNotifier";
import { cityToday, isValidIsoDate, onCityDay } from "../../src/domain/calendar";
import { resolvePartnershipSite, setTenantDefaultSiteUrl } from "../../src/data/hosting";
import type { SPFI } from "@pnp/sp";
import type { Department } from "../../src/domain/types";
import type { IDepartmentPortalRootProps } from "../../src/webparts/departmentPortal/components/DepartmentPortalRoot";

/**
 * What the workbench (main.tsx) and the single-web-part page (page.tsx) share: the day, the
 * language, the services a web part builds in onInit, and the department portal's host
 * (a SharePoint page, or a Teams tab on the department team's site).
 */

export const params = new URLSearchParams(location.search);
export const locale = (globalThis as { __PD_LOCALE__?: string }).__PD_LOCALE__ === "en-us" ? "en-us" : "ja-jp";
document.documentElement.lang = locale === "en-us" ? "en" : "ja";

const siteUrl = `${location.origin}/sites/partnership`;

// As BaseDeskWebPart builds them: the Teams notifier (with its Graph client) and the site setup
// are chunks of their own, fetched on first use, so a page's first download is what ships.
const notifier = lazyNotifier(async () => {
  const [{ GraphTeamsNotifier }, { graphForUrl }] = await Promise.all([import("../../src/data/graph/GraphTeamsNotifier"), import("../../src/data/graph/graphForUrl")]);
  return new GraphTeamsNotifier(graphForUrl(`${location.origin}/graph`));
});
const setupFor = (sp: SPFI, url: string) => async () => new (await import("../../src/data/setup/SiteSetup")).SiteSetup(sp, url);

/**
 * `?today=YYYY-MM-DD` pretends it is another day in the city: the web parts get it as
 * `today`, and a clock on that day (the current time of day) for what they stamp with a
 * time, such as a publication's 掲載日. The backend stamps Teams messages on the same day:
 * the `pd-today` cookie (read by the dev backend only; cleared without `?today=`).
 */
const fixedToday = params.get("today");
const today = fixedToday && isValidIsoDate(fixedToday) ? fixedToday : cityToday();
const clock = fixedToday && isValidIsoDate(fixedToday) ? (): Date => onCityDay(fixedToday) : undefined;
document.cookie = clock ? `pd-today=${today}; path=/; SameSite=Strict` : "pd-today=; path=/; SameSite=Strict; max-age=0";

/**
 * The services a web part builds in onInit, built the same way: the partnership site from
 * the web part's property, else the tenant default, else the page's own site.
 */
async function servicesFor(pageSiteUrl: string, property: string | undefined, hints: Promise<PortalHints>): Promise<IAppServices> {
  const site = await resolvePartnershipSite(property, pageSiteUrl, spForUrl(pageSiteUrl), true);
  const sp = spForUrl(site.url);
  const data = new PartnershipData(sp, site.url);
  return {
    data,
    notifier,
    today,
    clock,
    site: { ...site, pageSiteUrl },
    setup: setupFor(sp, site.url),
    setTenantDefault: (url) => setTenantDefaultSiteUrl(sp, url),
    // Only the department portal runs as a Teams tab.
    firstReads: startFirstReads(data, today, "departmentPortal", hints),
  };
}

// The coordinator's pages are on the partnership site itself.
export const services: IAppServices = {
  data: new PartnershipData(spForUrl(siteUrl), siteUrl),
  notifier,
  today,
  clock,
  site: { url: siteUrl, source: "page", pageSiteUrl: siteUrl },
  setup: setupFor(spForUrl(siteUrl), siteUrl),
  setTenantDefault: (url) => setTenantDefaultSiteUrl(spForUrl(siteUrl), url),
};

/**
 * The department portal as a Teams tab (`host=teams&dept=`): the workbench's stand-in for the
 * tab's Teams context (the departments, to find the tab's team and channel) and the services
 * the web part builds in onInit on the team's own site (as SPFx does), whose first reads start
 * at once. Started once per page, by the page (as onInit, before the view's code) or by PortalHost.
 */
let teamsTab: { context: Promise<Department[]>; services: Promise<IAppServices | null>; teamSite: string } | undefined;
export function startTeamsTab(): NonNullable<typeof teamsTab> {
  if (teamsTab) return teamsTab;
  const code = params.get("dept");
  const context = services.data.departments.list().catch(() => [] as Department[]);
  const hints = context.then((ds): PortalHints => {
    const d = ds.find((x) => x.code === code);
    return d ? { teamId: d.teamId, channelId: d.channelId } : {};
  });
  const teamSite = `${location.origin}/sites/${code ?? ""}`;
  // The tab's configuration names the partnership site.
  const tabSetting = params.has("siteUrl") ? params.get("siteUrl") || undefined : siteUrl;
  teamsTab = { context, services: servicesFor(teamSite, tabSetting, hints).catch(() => null), teamSite };
  return teamsTab;
}

/** The department portal as a SharePoint web part, or as a Teams tab of a department's team. */
export function PortalHost({ Root }: { Root: React.ComponentType<IDepartmentPortalRootProps> }): JSX.Element {
  const [depts, setDepts] = React.useState<Department[]>([]);
  const code = params.get("dept");
  const inTeams = params.get("host") === "teams";
  const [tab] = React.useState(() => (inTeams ? startTeamsTab() : undefined));
  const [tabServices, setTabServices] = React.useState<IAppServices | null>(null);
  React.useEffect(() => {
    void tab?.context.then(setDepts);
    void tab?.services.then(setTabServices);
  }, [tab]);
  const dept = depts.find((d) => d.code === code);
  const teamSite = tab?.teamSite ?? "";
  if (inTeams && code && (!dept || !tabServices)) return <Text>…</Text>;
  const teams = inTeams && dept ? { teamId: dept.teamId, channelId: dept.channelId } : undefined;
  const hosted = inTeams && tabServices ? tabServices : services;
  return (
    <div style={inTeams ? { border: "6px solid #5b5fc7", borderRadius: 6, padding: 12, background: "#fff" } : undefined} data-host={inTeams ? "teams" : "sharepoint"}>
      {inTeams && (
        <div style={{ color: "#5b5fc7", fontWeight: 600, marginBottom: 8 }}>
          Microsoft Teams タブ（{dept?.title}） — チームのサイト: <span data-testid="page-site">{new URL(teamSite).pathname}</span> · 協定サイト: <span data-testid="data-site">{new URL(hosted.site!.url).pathname}</span>
        </div>
      )}
      <Root services={hosted} teams={teams} departmentCode={inTeams ? undefined : (code ?? undefined)} />
    </div>
  );
}

