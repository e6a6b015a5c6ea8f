import type { ListState, SiteState, Store } from "./store";
import type { SpResponse } from "./sharepoint";
import type { SiteUser } from "./users";
import { accessDenied } from "./spErrors";
import { has, Perm } from "./security";
import { listMask } from "./securityApi";

/**
 * What the tenant check (dev/scripts/tenantCheck.ts) reads or does beyond the product's own
 * calls: a site's regional settings, and deleting the scratch list it creates.
 * Catalogued in docs/sharepoint-calls.md.
 */

/**
 * `GET web/RegionalSettings` and `web/RegionalSettings/TimeZone`. The local sites are Japanese
 * sites in Tokyo: LocaleId 1041 (ja-JP, an LCID) and a time zone "(UTC+09:00) 大阪、札幌、東京".
 * The time zone's Id (20) and the Bias sign are the backend's choice, not checked against a
 * tenant (docs/sharepoint-calls.md marks them "unknown"; the tenant check prints what a real
 * site answers). Anyone who can read the site reads these.
 */
export function regionalSettingsRoute(rest: string, method: string, wrap: (v: unknown) => unknown, json: (status: number, body: unknown) => SpResponse): SpResponse | null {
  if (method !== "GET") return null;
  const timeZone = { Id: 20, Description: "(UTC+09:00) 大阪、札幌、東京", Information: { Bias: -540, DaylightBias: 0, StandardBias: 0 } };
  if (/^web\/regionalsettings$/i.test(rest)) {
    return json(200, wrap({ LocaleId: 1041, AdjustHijriDays: 0, CalendarType: 1, DateFormat: 0, DateSeparator: "/", FirstDayOfWeek: 0, Time24: true, TimeZone: timeZone }));
  }
  if (/^web\/regionalsettings\/timezone$/i.test(rest)) return json(200, wrap(timeZone));
  return null;
}

/**
 * `DELETE` on a list (`POST web/getList('…')` with `X-HTTP-Method: DELETE`): SharePoint sends the
 * list to the recycle bin and needs Manage Lists on it (PermissionKind.ManageLists: "Create and
 * delete lists…", learn.microsoft.com/previous-versions/office/sharepoint-server/ee536458(v=office.15)).
 * The backend simply removes it.
 */
export function deleteList(store: Store, site: SiteState, state: ListState, user: SiteUser): SpResponse {
  if (!has(listMask(site, state, user), Perm.ManageLists)) throw accessDenied();
  store.deleteList(state);
  return { status: 200, headers: {}, body: "" };
}
