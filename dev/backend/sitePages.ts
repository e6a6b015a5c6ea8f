import type { ListState, SiteState, Store } from "./store";
import type { SpResponse } from "./sharepoint";
import { accessDenied, SpError } from "./spErrors";
import { effective, has, listScope, Perm } from "./security";
import { entraGroups, SiteUser } from "./users";

/**
 * A site's pages (`GET /sites/<site>/SitePages/<page>.aspx`), where the product's web parts
 * are placed: what a browser asks first when staff open the partnership site from the intranet.
 * A page is an item of the Site Pages library (every new site has `Home.aspx`); opening it needs
 * View Pages, View Items and Open Items where it is (Read has them; OfficeDocs-SharePoint,
 * understanding-permission-levels.md, site and list permission tables). A user whose only
 * permission on the site comes from a list or folder has Limited Access there, which "does not
 * grant any additional permissions to the user, so they can't see or access any other content"
 * (same page): SharePoint refuses the page (403, its "you need permission" page). Only the
 * permission check and the page's existence are modelled; the body is a stub.
 */
export function sitePage(store: Store, sitePath: string, page: string, user: SiteUser): { status: number; headers: Record<string, string>; body: string } | null {
  const site = store.site(sitePath);
  const library = site ? [...site.lists.values()].find((l) => l.meta.urlName.toLowerCase() === "sitepages") : undefined;
  if (!site || !library) return null;
  const html = (status: number, text: string): { status: number; headers: Record<string, string>; body: string } => ({ status, headers: { "content-type": "text/html; charset=utf-8" }, body: `<!doctype html><html lang="ja"><meta charset="utf-8"><title>${text}</title><body><p>${text}</p></body></html>` });
  const mask = effective(site.security, entraGroups, listScope(site.security, library.meta.id), user);
  if (!has(mask, Perm.ViewPages) || !has(mask, Perm.ViewListItems) || !has(mask, Perm.OpenItems)) return html(403, "アクセスが必要です / Access required");
  if (!pageExists(library, page)) return html(404, "ファイルが見つかりません / File Not Found");
  return html(200, `${site.title} — ${page}`);
}

/** Every new site has Home.aspx; other pages are those a site owner made (`addSitePage`), kept as the library's items. */
function pageExists(library: ListState, page: string): boolean {
  const name = page.toLowerCase();
  return name === "home.aspx" || [...library.items.values()].some((i) => String(i.values.PageName ?? "").toLowerCase() === name);
}

const pagesLibrary = (site: SiteState): ListState | undefined => [...site.lists.values()].find((l) => l.meta.urlName.toLowerCase() === "sitepages");

/** A page a site owner made in the site's Site Pages library (the sample site's department portal page). */
export function addSitePage(store: Store, sitePath: string, fileName: string, title: string, userId: number): void {
  const site = store.site(sitePath);
  const library = site && pagesLibrary(site);
  if (!library) throw new Error(`No Site Pages library on ${sitePath}`);
  if (!pageExists(library, fileName)) store.add(library, { Title: title, PageName: fileName }, userId);
}

/**
 * `GET web/getFileByServerRelativePath(decodedUrl='<site>/SitePages/<page>.aspx')`: a page of the
 * site's Site Pages library, as the settings screen and setup read the department portal's page.
 * SharePoint answers a file that is not there with 404 System.IO.FileNotFoundException "File Not
 * Found." (pnp/PnP#849 tests the exception type for exactly this case) and a user who may not read
 * the library with 403. Only pages are modelled: any other file answers 501, never a made-up file.
 */
export function sitePageFileRoute(store: Store, site: SiteState, rest: string, method: string, user: SiteUser, wrap: (v: unknown) => unknown, json: (status: number, body: unknown) => SpResponse): SpResponse | null {
  const m = /^web\/getFileByServerRelativePath\(decodedUrl='((?:[^']|'')*)'\)$/i.exec(rest);
  if (!m || method !== "GET") return null;
  const path = m[1].replace(/''/g, "'");
  const inPages = new RegExp(`^${site.path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}/SitePages/([^/]+\\.aspx)$`, "i").exec(path);
  const library = pagesLibrary(site);
  if (!inPages || !library) throw new SpError(501, "-1, Microsoft.SharePoint.Client.NotImplemented", `The local backend models only the pages of a site's Site Pages library, not '${path}'.`);
  const mask = effective(site.security, entraGroups, listScope(site.security, library.meta.id), user);
  if (!has(mask, Perm.ViewListItems)) throw accessDenied();
  if (!pageExists(library, inPages[1])) throw new SpError(404, "-2147024894, System.IO.FileNotFoundException", "File Not Found.");
  const name = inPages[1].toLowerCase() === "home.aspx" ? "Home.aspx" : [...library.items.values()].map((i) => String(i.values.PageName ?? "")).find((n) => n.toLowerCase() === inPages[1].toLowerCase())!;
  return json(200, wrap({ Exists: true, Name: name, ServerRelativeUrl: `${site.path}/SitePages/${name}`, Title: name.replace(/\.aspx$/i, "") }));
}
