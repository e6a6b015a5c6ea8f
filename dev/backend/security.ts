import type { SiteUser } from "./users";

/**
 * SharePoint's security model, as the backend keeps it per site: permission levels (role
 * definitions with base-permission masks), site groups with members, Entra ID groups as
 * principals whose members the backend knows, and securable objects (the web and each
 * list) that inherit their parent's role assignments until inheritance is broken.
 * Effective permissions are the union of the masks of every assignment whose principal
 * holds the user — directly, through a site group, or through an Entra group in one.
 */

/** SP.PermissionKind values used here (bit = value - 1; Low holds 1–32, High 33–64). */
export const Perm = {
  ViewListItems: 1,
  AddListItems: 2,
  EditListItems: 3,
  DeleteListItems: 4,
  OpenItems: 6,
  ManageLists: 12,
  Open: 17,
  ViewPages: 18,
  CreateGroups: 25,
  ManagePermissions: 26,
  BrowseUserInfo: 28,
  ManageWeb: 31,
  EnumeratePermissions: 63,
} as const;

export interface Mask {
  High: number;
  Low: number;
}

export function has(mask: Mask, kind: number): boolean {
  const bit = kind - 1;
  return bit < 32 ? ((mask.Low >>> bit) & 1) === 1 : ((mask.High >>> (bit - 32)) & 1) === 1;
}

const or = (a: Mask, b: Mask): Mask => ({ High: (a.High | b.High) >>> 0, Low: (a.Low | b.Low) >>> 0 });
const none: Mask = { High: 0, Low: 0 };

export interface RoleDef {
  Id: number;
  Name: string;
  Description: string;
  RoleTypeKind: number;
  Order: number;
  Hidden: boolean;
  BasePermissions: Mask;
}

/** SharePoint Online's built-in permission levels (masks as SharePoint reports them). */
export function builtInRoles(): RoleDef[] {
  return [
    { Id: 1073741829, Name: "フル コントロール", Description: "Full Control", RoleTypeKind: 5, Order: 1, Hidden: false, BasePermissions: { High: 2147483647, Low: 4294967295 } },
    { Id: 1073741828, Name: "デザイン", Description: "Design", RoleTypeKind: 4, Order: 32, Hidden: false, BasePermissions: { High: 432, Low: 1012866047 } },
    { Id: 1073741830, Name: "編集", Description: "Edit", RoleTypeKind: 6, Order: 48, Hidden: false, BasePermissions: { High: 432, Low: 1011030767 } },
    { Id: 1073741827, Name: "投稿", Description: "Contribute", RoleTypeKind: 3, Order: 64, Hidden: false, BasePermissions: { High: 432, Low: 1011028719 } },
    { Id: 1073741826, Name: "閲覧", Description: "Read", RoleTypeKind: 2, Order: 128, Hidden: false, BasePermissions: { High: 176, Low: 138612833 } },
  ];
}

export interface Assignment {
  principalId: number;
  roleDefIds: number[];
}

/** A securable object's own assignments; absent (undefined) while it inherits. */
export type Scope = Assignment[];

export interface SiteGroupState {
  Id: number;
  Title: string;
  Description: string;
  /** Login names of direct members: users ("i:0#.f|membership|…") and Entra groups ("c:0t.c|tenant|<guid>"). */
  members: string[];
  /**
   * The group's owner: a user's or a site group's principal id. A group made over REST is owned
   * by the user who made it (pnp/pnpjs#957); a new site's own groups are owned by its Owners
   * group. Unset in data written before owners were modelled: the site's Owners group.
   */
  ownerId?: number;
  /** SP.Group.AllowMembersEditMembership: members may add and remove members too. */
  allowMembersEditMembership?: boolean;
}

export interface SiteSecurity {
  roleDefs: RoleDef[];
  groups: SiteGroupState[];
  web: Scope;
  /** By list id: the list's own assignments when it has unique permissions. */
  lists: Record<string, Scope>;
  /** By "<list id>:<item id>": a folder's or item's own assignments. */
  items?: Record<string, Scope>;
  nextPrincipalId: number;
  /** Login names of Entra groups added to the site's user information list (web/ensureuser). */
  ensured?: string[];
}

/** Entra ID (Azure AD) security or Microsoft 365 groups: principals whose members the directory knows. */
export interface EntraGroup {
  Id: number;
  id: string;
  Title: string;
  LoginName: string;
  memberUserIds: number[];
}

export function principalOfUser(u: SiteUser): { Id: number; LoginName: string } {
  return { Id: u.Id, LoginName: u.LoginName };
}

/** Does principal `id` hold the user (the user itself, an Entra group of theirs, or a site group with either as member)? */
export function holds(sec: SiteSecurity, entra: EntraGroup[], principalId: number, user: SiteUser): boolean {
  if (principalId === user.Id) return true;
  const eg = entra.find((g) => g.Id === principalId);
  if (eg) return eg.memberUserIds.includes(user.Id);
  const sg = sec.groups.find((g) => g.Id === principalId);
  if (!sg) return false;
  return sg.members.some((login) => login.toLowerCase() === user.LoginName.toLowerCase() || entra.some((e) => e.LoginName.toLowerCase() === login.toLowerCase() && e.memberUserIds.includes(user.Id)));
}

/** Site groups the user was added to directly (what `currentuser/groups` answers; Entra nesting is not listed: pnp/pnpjs #1892). */
export function directGroups(sec: SiteSecurity, user: SiteUser): SiteGroupState[] {
  return sec.groups.filter((g) => g.members.some((m) => m.toLowerCase() === user.LoginName.toLowerCase()));
}

export function effective(sec: SiteSecurity, entra: EntraGroup[], scope: Scope, user: SiteUser): Mask {
  let mask = none;
  for (const a of scope) {
    if (!holds(sec, entra, a.principalId, user)) continue;
    for (const r of a.roleDefIds) {
      const def = sec.roleDefs.find((d) => d.Id === r);
      if (def) mask = or(mask, def.BasePermissions);
    }
  }
  return mask;
}

/** The scope in force for a list: its own, else the web's. */
export function listScope(sec: SiteSecurity, listId: string): Scope {
  return sec.lists[listId] ?? sec.web;
}

export const maskJson = (m: Mask): { High: string; Low: string } => ({ High: String(m.High), Low: String(m.Low) });
