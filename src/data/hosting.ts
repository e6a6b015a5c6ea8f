import type { SPFI } from "@pnp/sp";
import "@pnp/sp/webs";
import "@pnp/sp/appcatalog";
import { toDataError } from "./sp/errors";
import { TENANT_SITE_URL_KEY } from "./setup/keys";

/**
 * Where the partnership site is. Every web part reads and writes it by absolute URL,
 * wherever it runs (its own pages, another site's page, a Teams tab on a team's site):
 * the web part's property first, else the tenant-wide default (a tenant property in the
 * app catalog), else the site the page is on.
 */

export type SiteUrlProblem = "empty" | "notAbsolute" | "notHttps" | "notASite";

/**
 * A site URL as staff paste it (often a page or list of the site) reduced to the site:
 * "https://city.sharepoint.com/sites/renkei/SitePages/Home.aspx" → "https://city.sharepoint.com/sites/renkei".
 */
export function normalizeSiteUrl(input: string, allowHttp = false): { url: string } | { problem: SiteUrlProblem } {
  const text = input.trim();
  if (!text) return { problem: "empty" };
  let u: URL;
  try {
    u = new URL(text);
  } catch {
    return { problem: "notAbsolute" };
  }
  if (u.protocol !== "https:" && !(allowHttp && u.protocol === "http:")) return { problem: "notHttps" };
  const m = /^\/(sites|teams)\/([^/]+)/i.exec(decodeURIComponent(u.pathname));
  if (!m) return { problem: "notASite" };
  return { url: `${u.origin}/${m[1].toLowerCase()}/${m[2]}` };
}

export interface ResolvedSite {
  url: string;
  source: "property" | "tenant" | "page";
}

/** The tenant property holding the default partnership site, read from any site (null when unset or unreadable). */
export async function tenantDefaultSiteUrl(contextSite: SPFI): Promise<string | null> {
  try {
    const e = (await contextSite.web.getStorageEntity(TENANT_SITE_URL_KEY)) as { Value?: string | null } | null;
    return e?.Value ? e.Value : null;
  } catch {
    return null;
  }
}

export async function resolvePartnershipSite(property: string | undefined, pageSiteUrl: string, contextSite: SPFI, allowHttp = false): Promise<ResolvedSite> {
  const own = property ? normalizeSiteUrl(property, allowHttp) : null;
  if (own && "url" in own) return { url: own.url, source: "property" };
  const tenant = await tenantDefaultSiteUrl(contextSite);
  const t = tenant ? normalizeSiteUrl(tenant, allowHttp) : null;
  if (t && "url" in t) return { url: t.url, source: "tenant" };
  return { url: pageSiteUrl.replace(/\/+$/, ""), source: "page" };
}

/**
 * Writes the tenant-wide default as a tenant property on the tenant app catalog. SharePoint
 * lets only a SharePoint administrator do this; anyone else gets 403 (kind "forbidden").
 */
export async function setTenantDefaultSiteUrl(sp: SPFI, siteUrl: string): Promise<void> {
  try {
    const catalog = await sp.getTenantAppCatalogWeb();
    await catalog.setStorageEntity(TENANT_SITE_URL_KEY, siteUrl, "包括連携デスクの協定サイト (Partnership Desk site)");
  } catch (e) {
    throw toDataError(e);
  }
}
