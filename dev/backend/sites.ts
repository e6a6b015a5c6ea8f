import { randomUUID } from "crypto";
import type { ListMeta, Store } from "./store";
import { PARTNERSHIP_SITE } from "./store";
import { titleField } from "./fieldSchema";
import { teamSites } from "./users";
import { APP_CATALOG_SITE } from "./sharepoint";

/**
 * The tenant's sites as a new tenant has them: the partnership site bare (what a new team
 * site has: Documents, Site Pages and its three groups, no product lists until setup runs),
 * departments' team sites, and the tenant app catalog.
 */

function library(urlName: string, title: string, baseTemplate: number): ListMeta {
  return {
    id: randomUUID(),
    urlName,
    underLists: false,
    title,
    description: "",
    baseTemplate,
    fields: [{ ...titleField(), required: false }],
    views: [{ id: randomUUID(), title: "すべてのドキュメント", fileName: "AllItems.aspx", defaultView: true, viewQuery: "", rowLimit: 30, fields: ["LinkFilename"] }],
  };
}

function bareSite(store: Store, path: string, title: string): void {
  store.createSite(path, title);
  store.saveListMeta(path, library("Shared Documents", "ドキュメント", 101));
  store.saveListMeta(path, library("SitePages", "サイトのページ", 119));
}

export function createBareSites(store: Store): void {
  bareSite(store, PARTNERSHIP_SITE, "包括連携デスク");
  for (const t of teamSites) bareSite(store, t.path, t.title);
  bareSite(store, APP_CATALOG_SITE, "アプリ カタログ");
}
