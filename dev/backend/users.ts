import type { EntraGroup } from "./security";

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
  /** Server-relative paths (lower case) of the site collections the user administers (site collection administrator). */
  siteAdminOf?: string[];
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
    // A second owner of the partnership site (情報政策課, who runs the intranet): in its Owners
    // group, not a site collection administrator, no role of its own in the product.
    Id: 8,
    Title: "情報 政策",
    Email: "seisaku.joho@city.kiyose.example.lg.jp",
    LoginName: "i:0#.f|membership|seisaku.joho@city.kiyose.example.lg.jp",
    role: "visitors",
    departments: [],
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
    // 兼務: a clerk of two departments (子育て支援課 and 健康推進課), who sees both in the portal.
    Id: 13,
    Title: "兼務 四郎",
    Email: "shiro.kenmu@city.kiyose.example.lg.jp",
    LoginName: "i:0#.f|membership|shiro.kenmu@city.kiyose.example.lg.jp",
    role: "members",
    departments: ["kodomo-kosodate", "kenko-suishin"],
    ownerOf: [],
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

/**
 * Entra ID groups of the tenant (security or Microsoft 365 groups), with their members. A
 * city usually manages staff this way and nests these groups in SharePoint groups.
 */
export const entraGroups: EntraGroup[] = [
  {
    Id: 501,
    id: "5a0e2c61-3f7b-4c8e-9d1a-7b6f0c2e4a10",
    Title: "総務部 防災防犯課（Microsoft 365 グループ）",
    LoginName: "c:0o.c|federateddirectoryclaimprovider|5a0e2c61-3f7b-4c8e-9d1a-7b6f0c2e4a10",
    memberUserIds: [12],
  },
  {
    // A security group a site owner may let hold a role directly (no SharePoint group in between).
    Id: 502,
    id: "8c1d4e2f-6a3b-4f5c-9e7d-2b1a0c3d4e5f",
    Title: "企画部 連携推進チーム（セキュリティ グループ）",
    LoginName: "c:0t.c|tenant|8c1d4e2f-6a3b-4f5c-9e7d-2b1a0c3d4e5f",
    memberUserIds: [15],
  },
  {
    // A Microsoft 365 group a coordinator may choose for a department in the Departments screen.
    Id: 503,
    id: "3e9f1a2b-7c4d-4e5f-8a6b-1c2d3e4f5a6b",
    Title: "健康福祉部 健康推進課（Microsoft 365 グループ）",
    LoginName: "c:0o.c|federateddirectoryclaimprovider|3e9f1a2b-7c4d-4e5f-8a6b-1c2d3e4f5a6b",
    memberUserIds: [15],
  },
];

export function userById(id: number): SiteUser | undefined {
  return siteUsers.find((u) => u.Id === id);
}
