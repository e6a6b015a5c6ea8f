import { randomUUID } from "crypto";
import type { ListMeta, Store } from "./store";
import { PARTNERSHIP_SITE } from "./store";
import { titleField } from "./fieldSchema";
import { entraGroups, siteUsers, teamSites, userById } from "./users";
import { emptySecurity } from "./store";
import { allLists, departments, listUrlName, siteGroups, submissionFolderName } from "../../src/data/schema/listSchema";
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

/**
 * A new site's security: its three groups ("<site> 所有者/メンバー/閲覧者") holding Full
 * Control, Edit and Read on the web, every list inheriting.
 */
function defaultSecurity(store: Store, path: string, title: string, owners: number[], members: number[], visitors: number[]): void {
  const sec = emptySecurity();
  const login = (ids: number[]): string[] => ids.map((id) => userById(id)!.LoginName);
  const [full, , edit, , read] = sec.roleDefs;
  // A new site's three groups are owned by its Owners group, so that any site owner manages
  // their membership (what a group's settings page shows as its owner on a new site; scripts
  // that recreate the default groups set it so, `Set-PnPGroup -Owner '<site> Owners'`. Not
  // confirmed in Microsoft's docs here.)
  const groups = [
    { Id: 3, Title: `${title} 所有者`, Description: "", members: login(owners), ownerId: 3 },
    { Id: 4, Title: `${title} メンバー`, Description: "", members: login(members), ownerId: 3 },
    { Id: 5, Title: `${title} 閲覧者`, Description: "", members: login(visitors), ownerId: 3 },
  ];
  sec.groups = groups;
  sec.web = [
    { principalId: 3, roleDefIds: [full.Id] },
    { principalId: 4, roleDefIds: [edit.Id] },
    { principalId: 5, roleDefIds: [read.Id] },
  ];
  store.saveSecurity(path, sec);
}

function bareSite(store: Store, path: string, title: string): void {
  store.createSite(path, title);
  store.saveListMeta(path, library("Shared Documents", "ドキュメント", 101));
  store.saveListMeta(path, library("SitePages", "サイトのページ", 119));
}

export function createBareSites(store: Store): void {
  const owners = (path: string): number[] => siteUsers.filter((u) => u.ownerOf.includes(path)).map((u) => u.Id);
  bareSite(store, PARTNERSHIP_SITE, "包括連携デスク");
  // Staff can open the intranet site (its visitors); what they may do with the product's lists
  // comes from the product's groups. Its Members group (Edit, which includes Manage Lists) is empty.
  defaultSecurity(store, PARTNERSHIP_SITE, "包括連携デスク", owners(PARTNERSHIP_SITE), [], siteUsers.filter((u) => !u.tenantAdmin && !u.ownerOf.includes(PARTNERSHIP_SITE)).map((u) => u.Id));
  for (const t of teamSites) {
    bareSite(store, t.path, t.title);
    defaultSecurity(store, t.path, t.title, owners(t.path), t.members, []);
  }
  bareSite(store, APP_CATALOG_SITE, "アプリ カタログ");
  defaultSecurity(store, APP_CATALOG_SITE, "アプリ カタログ", owners(APP_CATALOG_SITE), [], []);
}

/**
 * What the partnership site's owner does after setup (docs/permissions.md): staff added to
 * the product's groups by role, and one group per department (from the Departments list)
 * holding that department's staff (for 総務部 防災防犯課, through its Microsoft 365 group
 * nested in the department's group, as cities usually manage staff).
 */
export function sampleMembership(store: Store): void {
  const site = store.site(PARTNERSHIP_SITE)!;
  const sec = JSON.parse(JSON.stringify(site.security)) as typeof site.security;
  const group = (title: string): (typeof sec.groups)[number] => {
    let g = sec.groups.find((x) => x.Title === title);
    if (!g) {
      // Owned by the site's Owners group, as setup leaves the product's groups.
      g = { Id: sec.nextPrincipalId++, Title: title, Description: "", members: [], ownerId: sec.groups.find((x) => x.Title === `${site.title} 所有者`)?.Id };
      sec.groups.push(g);
    }
    return g;
  };
  const add = (title: string, login: string): void => {
    const g = group(title);
    if (!g.members.includes(login)) g.members.push(login);
  };
  for (const u of siteUsers) {
    // A site owner with no role of their own (情報 政策) is in none of the product's groups.
    if (u.tenantAdmin || (u.ownerOf.includes(PARTNERSHIP_SITE) && u.role !== "coordinators")) continue;
    add(u.role === "coordinators" ? siteGroups.coordinators : u.role === "members" ? siteGroups.members : siteGroups.visitors, u.LoginName);
  }
  const depts = store.list(listUrlName(departments));
  for (const d of depts ? [...depts.items.values()] : []) {
    const code = String(d.values.UnitCode ?? "");
    if (!code) continue;
    group(siteGroups.departmentPrefix + code);
    // 総務部 防災防犯課's staff belong through their Microsoft 365 group, nested in the department's group.
    const nested = entraGroups.filter((e) => siteUsers.some((u) => u.departments.includes(code) && e.memberUserIds.includes(u.Id)));
    for (const e of nested) add(siteGroups.departmentPrefix + code, e.LoginName);
    for (const u of siteUsers.filter((x) => x.departments.includes(code) && !nested.some((e) => e.memberUserIds.includes(x.Id)))) add(siteGroups.departmentPrefix + code, u.LoginName);
  }
  store.saveSecurity(PARTNERSHIP_SITE, sec);
}

/**
 * Sample rows of the lists with department rows go in their department's folder (named by
 * UnitCode), where the product itself puts new rows; setup makes the folders and their
 * permissions. Submitted rows of the lists departments submit to (Form 2, Form 4) go in the
 * year's submission folder (`<UnitCode>-<FY>`); the product opens those folders (their
 * permissions) as the coordinator would, when the call is opened. Returns the years and
 * departments whose submission folders were made, by list key.
 */
export function placeRowsInDepartmentFolders(store: Store): Record<string, Map<number, Set<string>>> {
  const depts = store.list(listUrlName(departments));
  const codeOf = new Map([...(depts?.items.values() ?? [])].map((d) => [d.Id, String(d.values.UnitCode ?? "")]));
  const opened: Record<string, Map<number, Set<string>>> = {};
  for (const def of allLists) {
    if (!def.departmentField || def.permissions.members !== "own") continue;
    const state = store.list(listUrlName(def));
    if (!state) continue;
    const col = `${def.fields[def.departmentField].internalName}Id`;
    const statusCol = def.fields.status?.internalName;
    // Handed in: submitted, and (for Form 4) published or 該当なし, which stay where they were handed in.
    const choices: Record<string, string> = def.fields.status?.kind === "choice" ? def.fields.status.choices : {};
    const handedIn = new Set(["submitted", "published", "nothingToReport"].map((k) => choices[k]).filter(Boolean));
    // The list's folders by name, looked up once (a ten-year list has thousands of rows).
    const folders = new Set([...state.items.values()].filter((x) => x.fsObjType === 1 && !x.folder).map((x) => String(x.values.Title ?? "").toLowerCase()));
    for (const item of [...state.items.values()]) {
      if (item.fsObjType === 1 || item.folder) continue;
      const code = codeOf.get(item.values[col] as number);
      if (!code) continue;
      const fy = Number(item.values.FiscalYear);
      if (def.submissions && statusCol && handedIn.has(item.values[statusCol] as string) && Number.isInteger(fy)) {
        const name = submissionFolderName(code, fy);
        if (!folders.has(name.toLowerCase())) {
          store.add(state, { Title: name }, 7, undefined, { fsObjType: 1 });
          folders.add(name.toLowerCase());
        }
        const years = (opened[def.key] ??= new Map());
        if (!years.has(fy)) years.set(fy, new Set());
        years.get(fy)!.add(code);
        item.folder = name;
      } else item.folder = code;
    }
  }
  return opened;
}
