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
}

export const siteUsers: SiteUser[] = [
  {
    Id: 7,
    Title: "未来 花子",
    Email: "hanako.mirai@city.kiyose.example.lg.jp",
    LoginName: "i:0#.f|membership|hanako.mirai@city.kiyose.example.lg.jp",
    role: "coordinators",
    departments: ["kikaku-mirai"],
  },
  {
    Id: 11,
    Title: "子育 太郎",
    Email: "taro.kosodate@city.kiyose.example.lg.jp",
    LoginName: "i:0#.f|membership|taro.kosodate@city.kiyose.example.lg.jp",
    role: "members",
    departments: ["kodomo-kosodate"],
  },
  {
    Id: 12,
    Title: "防災 次郎",
    Email: "jiro.bosai@city.kiyose.example.lg.jp",
    LoginName: "i:0#.f|membership|jiro.bosai@city.kiyose.example.lg.jp",
    role: "members",
    departments: ["somu-bosai"],
  },
  {
    Id: 15,
    Title: "閲覧 三郎",
    Email: "saburo.etsuran@city.kiyose.example.lg.jp",
    LoginName: "i:0#.f|membership|saburo.etsuran@city.kiyose.example.lg.jp",
    role: "visitors",
    departments: [],
  },
];

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

export function siteGroupList(departmentCodes: string[]): SiteGroup[] {
  const groups: SiteGroup[] = [
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
