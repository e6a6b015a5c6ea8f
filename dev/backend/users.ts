import { siteGroups } from "../../src/data/schema/listSchema";
import type { AccessLevel, AnyListDef } from "../../src/data/schema/fieldTypes";

/**
 * The local site's people. The workbench's user switcher picks one (cookie `pd-user`,
 * or header `X-PD-User` for scripts and tests); without either, requests run as the
 * coordinator. Department membership is by the SharePoint group
 * "Partnership Desk Dept <UnitCode>", as in production (docs/permissions.md).
 */

export type Role = "coordinators" | "members" | "visitors";

export interface SiteUser {
  Id: number;
  Title: string;
  Email: string;
  LoginName: string;
  role: Role;
  /** UnitCodes of the departments the user belongs to. */
  departments: string[];
  /** Server-relative paths (lower case) of the sites the user owns (Full Control: may create lists and columns). */
  ownerOf: string[];
  /** A SharePoint administrator of the tenant (may write tenant properties in the app catalog). */
  tenantAdmin?: boolean;
}

/** Departments' team sites: each team's SharePoint site, with its own groups and no product lists. */
export const teamSites = [
  { path: "/sites/kodomo-kosodate", title: "子育て支援課", departmentCode: "kodomo-kosodate", members: [11] },
  { path: "/sites/somu-bosai", title: "防災防犯課", departmentCode: "somu-bosai", members: [12] },
];

export const siteUsers: SiteUser[] = [
  {
    Id: 7,
    Title: "未来 花子",
    Email: "hanako.mirai@city.kiyose.example.lg.jp",
    LoginName: "i:0#.f|membership|hanako.mirai@city.kiyose.example.lg.jp",
    role: "coordinators",
    departments: ["kikaku-mirai"],
    ownerOf: ["/sites/partnership"],
  },
  {
    Id: 11,
    Title: "子育 太郎",
    Email: "taro.kosodate@city.kiyose.example.lg.jp",
    LoginName: "i:0#.f|membership|taro.kosodate@city.kiyose.example.lg.jp",
    role: "members",
    departments: ["kodomo-kosodate"],
    ownerOf: ["/sites/kodomo-kosodate"],
  },
  {
    Id: 12,
    Title: "防災 次郎",
    Email: "jiro.bosai@city.kiyose.example.lg.jp",
    LoginName: "i:0#.f|membership|jiro.bosai@city.kiyose.example.lg.jp",
    role: "members",
    departments: ["somu-bosai"],
    ownerOf: ["/sites/somu-bosai"],
  },
  {
    Id: 15,
    Title: "閲覧 三郎",
    Email: "saburo.etsuran@city.kiyose.example.lg.jp",
    LoginName: "i:0#.f|membership|saburo.etsuran@city.kiyose.example.lg.jp",
    role: "visitors",
    departments: [],
    ownerOf: [],
  },
];

siteUsers.push({
  Id: 20,
  Title: "情報 管理者",
  Email: "kanri.joho@city.kiyose.example.lg.jp",
  LoginName: "i:0#.f|membership|kanri.joho@city.kiyose.example.lg.jp",
  role: "visitors",
  departments: [],
  ownerOf: ["/sites/appcatalog"],
  tenantAdmin: true,
});

export const defaultUser = siteUsers[0];

export function findUser(key: string | undefined): SiteUser | undefined {
  if (!key) return undefined;
  const k = decodeURIComponent(key).trim().toLowerCase();
  return siteUsers.find((u) => String(u.Id) === k || u.Email.toLowerCase() === k || u.LoginName.toLowerCase() === k);
}

export interface SiteGroup {
  Id: number;
  Title: string;
  members: (u: SiteUser) => boolean;
}

/** The three groups every new SharePoint team site has ("<site> 所有者/メンバー/閲覧者"). */
function defaultGroups(sitePath: string, title: string, members: (u: SiteUser) => boolean): SiteGroup[] {
  const owner = (u: SiteUser): boolean => u.ownerOf.includes(sitePath.toLowerCase());
  return [
    { Id: 1, Title: `${title} 所有者`, members: owner },
    { Id: 2, Title: `${title} メンバー`, members: (u) => !owner(u) && members(u) },
    { Id: 6, Title: `${title} 閲覧者`, members: () => false },
  ];
}

/** A team site's groups: the default three only. */
export function teamSiteGroups(sitePath: string): SiteGroup[] {
  const t = teamSites.find((x) => x.path.toLowerCase() === sitePath.toLowerCase());
  return t ? defaultGroups(t.path, t.title, (u) => t.members.includes(u.Id)) : [];
}

/**
 * The partnership site's groups: its default three and the product's groups. The product's
 * groups are made by the site owner as docs/permissions.md describes (setup will make them
 * once the permissions issue lands).
 */
export function siteGroupList(departmentCodes: string[]): SiteGroup[] {
  const groups: SiteGroup[] = [
    ...defaultGroups("/sites/partnership", "包括連携デスク", (u) => u.role !== "visitors"),
    { Id: 3, Title: siteGroups.coordinators, members: (u) => u.role === "coordinators" },
    { Id: 4, Title: siteGroups.members, members: (u) => u.role === "members" },
    { Id: 5, Title: siteGroups.visitors, members: (u) => u.role === "visitors" },
  ];
  departmentCodes.forEach((code, i) =>
    groups.push({ Id: 100 + i, Title: siteGroups.departmentPrefix + code, members: (u) => u.departments.includes(code) }),
  );
  return groups;
}

export function accessLevel(def: AnyListDef, user: SiteUser): AccessLevel {
  return def.permissions[user.role];
}

export const canRead = (level: AccessLevel): boolean => level !== "none";
