import type { Store } from "./store";
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
  if (page.toLowerCase() !== "home.aspx") return html(404, "ファイルが見つかりません / File Not Found");
  return html(200, `${site.title} — ${page}`);
}
