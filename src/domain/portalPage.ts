import type { Setting } from "./types";

/**
 * The page where the site owner placed the department portal web part (部署ポータルのページ),
 * kept in the settings list under one key. Every link to the portal (a survey request, a call's
 * notice, a feedback list) is made from it; nothing assumes a page name. It must be a page of the
 * partnership site itself (its Site Pages library), so setup can read it with the site's REST API.
 */
export const PORTAL_PAGE_KEY = "departmentPortalPage";

export type PortalPageProblem = "empty" | "notUrl" | "notPage" | "otherSite";

/** The setting's value as stored (trimmed), or "" when not set. */
export function portalPageSetting(settings: ReadonlyArray<Pick<Setting, "key" | "value">>): string {
  return (settings.find((s) => s.key === PORTAL_PAGE_KEY)?.value ?? "").trim();
}

/**
 * The page's server-relative path from what the site owner typed: an address copied from the
 * browser (https://…/sites/x/SitePages/部署ポータル.aspx?web=1), a server-relative path, or a path
 * inside the site (SitePages/部署ポータル.aspx). Query and fragment are dropped; %xx decoded.
 */
export function portalPagePath(value: string, siteUrl: string): { path: string } | { problem: PortalPageProblem } {
  const v = value.trim();
  if (!v) return { problem: "empty" };
  // Another scheme (javascript:, mailto:…) is not an address of a page.
  if (/^[a-z][a-z0-9+.-]*:/i.test(v) && !/^https?:\/\//i.test(v)) return { problem: "notUrl" };
  let site: URL;
  try {
    site = new URL(siteUrl);
  } catch {
    return { problem: "notUrl" };
  }
  const sitePath = site.pathname.replace(/\/+$/, "");
  let target: URL;
  try {
    target = /^https?:\/\//i.test(v) ? new URL(v) : new URL(v.startsWith("/") ? v : `${sitePath}/${v}`, site.origin);
  } catch {
    return { problem: "notUrl" };
  }
  if (!/^https?:$/.test(target.protocol)) return { problem: "notUrl" };
  let path: string;
  try {
    path = decodeURIComponent(target.pathname).replace(/\/+$/, "");
  } catch {
    return { problem: "notUrl" };
  }
  if (target.origin.toLowerCase() !== site.origin.toLowerCase() || !path.toLowerCase().startsWith(`${sitePath.toLowerCase()}/`)) return { problem: "otherSite" };
  // A list's view (…/Lists/x/AllItems.aspx) or a system page is not where a web part is placed.
  if (!/\.aspx$/i.test(path) || /\/(_layouts|Lists|Forms)\//i.test(path)) return { problem: "notPage" };
  return { path };
}

/** The portal's address for links (absolute), or "" when the setting is not a page of the site. */
export function portalPageUrl(settings: ReadonlyArray<Pick<Setting, "key" | "value">>, siteUrl: string): string {
  const r = portalPagePath(portalPageSetting(settings), siteUrl);
  if (!("path" in r)) return "";
  return new URL(encodeURI(r.path), new URL(siteUrl).origin).toString();
}
