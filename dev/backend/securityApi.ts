import type { ListState, SiteState, Store, StoredItem } from "./store";
import { accessDenied, badRequest, notFound, SpError } from "./spErrors";
import { canEditMembership, groupMemberRoute } from "./groupMembership";
import { directGroups, effective, EntraGroup, has, listScope, maskJson, Perm, RoleDef, Scope, SiteSecurity } from "./security";
import { entraGroups, siteUsers, SiteUser } from "./users";
import { ownerTitle } from "./groupMembership";
import type { SiteGroupState } from "./security";

/**
 * The REST endpoints of SharePoint's security model that site setup and the product use:
 * permission levels, site groups and their members, role assignments and inheritance on
 * the web and on lists, and effective permissions. Changes need ManagePermissions (groups:
 * CreateGroups) on the object, as in SharePoint; anything else is refused with 403.
 */

type Json = (status: number, value: unknown) => { status: number; headers: Record<string, string>; body: string | Buffer };

export interface SecurityContext {
  store: Store;
  site: SiteState;
  user: SiteUser;
  method: string;
  body: () => Record<string, unknown>;
  query: URLSearchParams;
  json: Json;
  wrap: (v: unknown) => unknown;
  collection: (v: unknown[]) => unknown;
}

const q = (s: string): string => s.replace(/''/g, "'");
const clone = (s: SiteSecurity): SiteSecurity => JSON.parse(JSON.stringify(s)) as SiteSecurity;
const noContent: ReturnType<Json> = { status: 200, headers: { "content-type": "application/json;odata=nometadata;charset=utf-8" }, body: "{}" };

export function webMask(site: SiteState, user: SiteUser): ReturnType<typeof effective> {
  return effective(site.security, entraGroups, site.security.web, user);
}

export function listMask(site: SiteState, list: ListState, user: SiteUser): ReturnType<typeof effective> {
  return effective(site.security, entraGroups, listScope(site.security, list.meta.id), user);
}

export function principalInfo(sec: SiteSecurity, id: number): Record<string, unknown> | null {
  const g = sec.groups.find((x) => x.Id === id);
  if (g) return { Id: g.Id, Title: g.Title, LoginName: g.Title, PrincipalType: 8, Description: g.Description, OwnerTitle: ownerTitle(sec, g.ownerId), AllowMembersEditMembership: !!g.allowMembersEditMembership };
  const e = entraGroups.find((x) => x.Id === id);
  if (e) return { Id: e.Id, Title: e.Title, LoginName: e.LoginName, PrincipalType: 4 };
  const u = siteUsers.find((x) => x.Id === id);
  if (u) return { Id: u.Id, Title: u.Title, LoginName: u.LoginName, Email: u.Email, PrincipalType: 1 };
  return null;
}

const roleInfo = (r: RoleDef): Record<string, unknown> => ({ Id: r.Id, Name: r.Name, Description: r.Description, RoleTypeKind: r.RoleTypeKind, Order: r.Order, Hidden: r.Hidden, BasePermissions: maskJson(r.BasePermissions) });

/** web/roledefinitions, web/sitegroups, web/associated*group, web/ensureuser. */
export function webSecurityRoute(c: SecurityContext, rest: string): ReturnType<Json> | null {
  const sec = c.site.security;
  const get = c.method === "GET";
  const post = c.method === "POST";
  const mustManage = (): void => {
    if (!has(webMask(c.site, c.user), Perm.ManagePermissions)) throw accessDenied();
  };
  if (/^web\/roledefinitions$/i.test(rest)) {
    if (get) return c.json(200, c.collection(sec.roleDefs.map(roleInfo)));
    if (post) {
      mustManage();
      const b = c.body();
      const name = String(b.Name ?? "").trim();
      if (!name) throw badRequest("The parameter Name cannot be empty.");
      if (sec.roleDefs.some((r) => r.Name.toLowerCase() === name.toLowerCase())) throw new SpError(500, "-2130575293, Microsoft.SharePoint.SPException", "The specified name is already in use.");
      const bp = (b.BasePermissions ?? {}) as { High?: unknown; Low?: unknown };
      const next = clone(sec);
      const def: RoleDef = { Id: 1073741924 + next.roleDefs.length, Name: name, Description: String(b.Description ?? ""), RoleTypeKind: 0, Order: Number(b.Order ?? 1000), Hidden: false, BasePermissions: { High: Number(bp.High ?? 0) >>> 0, Low: Number(bp.Low ?? 0) >>> 0 } };
      next.roleDefs.push(def);
      c.store.saveSecurity(c.site.path, next);
      return c.json(201, c.wrap(roleInfo(def)));
    }
  }
  const rdName = /^web\/roledefinitions\/getbyname\('((?:[^']|'')*)'\)$/i.exec(rest);
  if (rdName && get) {
    const r = sec.roleDefs.find((x) => x.Name.toLowerCase() === q(rdName[1]).toLowerCase());
    if (!r) throw notFound("Permission level");
    return c.json(200, c.wrap(roleInfo(r)));
  }
  if (/^web\/sitegroups$/i.test(rest)) {
    if (get) return c.json(200, c.collection(sec.groups.map((g) => principalInfo(sec, g.Id))));
    if (post) {
      if (!has(webMask(c.site, c.user), Perm.CreateGroups)) throw accessDenied();
      const b = c.body();
      const title = String(b.Title ?? "").trim();
      if (!title) throw badRequest("The parameter Title cannot be empty.");
      if (sec.groups.some((g) => g.Title.toLowerCase() === title.toLowerCase())) throw new SpError(500, "-2130575293, Microsoft.SharePoint.SPException", "The specified name is already in use.");
      const next = clone(sec);
      // Owned by the user who made it, whatever the body says (pnp/pnpjs#957: an `Owner` in the
      // body is ignored; SharePoint/sp-dev-docs#5031). The maker is its first member, as SharePoint adds them.
      const g: SiteGroupState = { Id: next.nextPrincipalId++, Title: title, Description: String(b.Description ?? ""), members: [c.user.LoginName], ownerId: c.user.Id, allowMembersEditMembership: b.AllowMembersEditMembership === true };
      next.groups.push(g);
      c.store.saveSecurity(c.site.path, next);
      return c.json(201, c.wrap(principalInfo(next, g.Id)));
    }
  }
  const member = groupMemberRoute({ site: c.site, user: c.user, method: c.method, query: c.query, save: (next) => c.store.saveSecurity(c.site.path, next) }, rest, {
    accessDenied,
    notFound,
    userNotFound: () => new SpError(404, "-2146232832, Microsoft.SharePoint.SPException", "User cannot be found."),
  });
  if (member) return member;
  const grp = /^web\/sitegroups(?:\/getbyname\('((?:[^']|'')*)'\)|\/getbyid\((\d+)\)|\((\d+)\))(\/users)?$/i.exec(rest);
  if (grp) {
    const g = grp[1] !== undefined ? sec.groups.find((x) => x.Title.toLowerCase() === q(grp[1]).toLowerCase()) : sec.groups.find((x) => x.Id === Number(grp[2] ?? grp[3]));
    if (!g) throw notFound("Group");
    if (!grp[4] && get) return c.json(200, c.wrap(principalInfo(sec, g.Id)));
    if (grp[4] && get) {
      return c.json(200, c.collection(g.members.map((login) => siteUsers.find((u) => u.LoginName.toLowerCase() === login.toLowerCase()) ?? entraGroups.find((e) => e.LoginName.toLowerCase() === login.toLowerCase())).filter(Boolean).map((p) => principalInfo(sec, p!.Id))));
    }
    if (grp[4] && post) {
      // Membership is the group owner's to change, not every site owner's (./groupMembership.ts).
      if (!canEditMembership(c.site, g, c.user)) throw accessDenied();
      const login = String(c.body().LoginName ?? "");
      const known = siteUsers.some((u) => u.LoginName.toLowerCase() === login.toLowerCase()) || entraGroups.some((e) => e.LoginName.toLowerCase() === login.toLowerCase());
      if (!known) throw new SpError(500, "-2146232832, Microsoft.SharePoint.SPException", "The user does not exist or is not unique.");
      const next = clone(sec);
      const ng = next.groups.find((x) => x.Id === g.Id)!;
      if (!ng.members.some((m) => m.toLowerCase() === login.toLowerCase())) ng.members.push(login);
      c.store.saveSecurity(c.site.path, next);
      return c.json(201, c.wrap(principalInfo(next, entraGroups.find((e) => e.LoginName.toLowerCase() === login.toLowerCase())?.Id ?? siteUsers.find((u) => u.LoginName.toLowerCase() === login.toLowerCase())!.Id)));
    }
  }
  const assoc = /^web\/associated(owner|member|visitor)group$/i.exec(rest);
  if (assoc && get) {
    const suffix = { owner: "所有者", member: "メンバー", visitor: "閲覧者" }[assoc[1].toLowerCase() as "owner"];
    const g = sec.groups.find((x) => x.Title === `${c.site.title} ${suffix}`);
    if (!g) throw notFound("Group");
    return c.json(200, c.wrap(principalInfo(sec, g.Id)));
  }
  if (/^web\/currentuser\/groups$/i.test(rest) && get) {
    // Only groups the user was added to directly, as SharePoint answers (pnp/pnpjs #1892).
    return c.json(200, c.collection(directGroups(sec, c.user).map((g) => principalInfo(sec, g.Id))));
  }
  if (/^web\/ensureuser$/i.test(rest) && post) {
    const login = String(c.body().logonName ?? "");
    const p = siteUsers.find((u) => u.LoginName.toLowerCase() === login.toLowerCase() || u.Email.toLowerCase() === login.toLowerCase()) ?? entraGroups.find((e) => e.LoginName.toLowerCase() === login.toLowerCase() || e.id === login);
    if (!p) throw new SpError(500, "-2146232832, Microsoft.SharePoint.SPException", "The specified user could not be found.");
    // The principal is now in the site's user information list (siteusers answers it from here on).
    if (!(sec.ensured ?? []).includes(p.LoginName)) c.store.saveSecurity(c.site.path, { ...clone(sec), ensured: [...(sec.ensured ?? []), p.LoginName] });
    return c.json(200, c.wrap(principalInfo(sec, p.Id)));
  }
  // siteUsers.getByLoginName: `siteusers(@v)?@v='<login>'` (PnPjs' parameter alias), or the literal form.
  const byLogin = /^web\/siteusers\((?:'!@v::((?:[^']|'')*)'|@v)\)$/i.exec(rest);
  if (byLogin && get) {
    const raw = byLogin[1] ?? (c.query.get("@v") ?? "").replace(/^'|'$/g, "");
    const login = raw.replace(/''/g, "'").toLowerCase();
    const user = siteUsers.find((u) => u.LoginName.toLowerCase() === login);
    const group = entraGroups.find((e) => e.LoginName.toLowerCase() === login && (sec.ensured ?? []).some((x) => x.toLowerCase() === login));
    const p = user ?? group;
    if (!p) throw new SpError(404, "-2146232832, Microsoft.SharePoint.SPException", "User cannot be found.");
    return c.json(200, c.wrap(principalInfo(sec, p.Id)));
  }
  return null;
}

/** A securable object: the web, a list, or a folder or item of a list. */
export interface ScopeTarget {
  /** Its own assignments, or undefined while it inherits. */
  own: Scope | undefined;
  /** The assignments in force (its own, else its parent's in force). */
  inForce: Scope;
  isWeb: boolean;
  save: (scope: Scope | undefined) => void;
}

export function webTarget(c: SecurityContext): ScopeTarget {
  const sec = c.site.security;
  return { own: sec.web, inForce: sec.web, isWeb: true, save: (scope) => c.store.saveSecurity(c.site.path, { ...clone(sec), web: scope ?? [] }) };
}

export function listTarget(c: SecurityContext, list: ListState): ScopeTarget {
  const sec = c.site.security;
  return {
    own: sec.lists[list.meta.id],
    inForce: listScope(sec, list.meta.id),
    isWeb: false,
    save: (scope) => {
      const next = clone(sec);
      if (scope) next.lists[list.meta.id] = scope;
      else delete next.lists[list.meta.id];
      c.store.saveSecurity(c.site.path, next);
    },
  };
}

const isRootFolder = (list: ListState, x: StoredItem | undefined, n: string): x is StoredItem =>
  !!x && list.items.get(x.Id) === x && x.fsObjType === 1 && !x.folder && String(x.values.Title ?? "").toLowerCase() === n;

/**
 * The root folders of each list by name, remembered between calls: a list past 5,000 rows is
 * trimmed row by row, each row asking for its folder. A remembered folder is checked before it
 * is answered (still in the list, still that name); anything else reads the list again.
 */
const folderIndex = new WeakMap<ListState, Map<string, StoredItem>>();

/** A folder at the list's root, by name (case-insensitive, as SharePoint's URLs are). */
export function findFolder(list: ListState, name: string): StoredItem | undefined {
  const n = name.toLowerCase();
  const known = folderIndex.get(list)?.get(n);
  if (isRootFolder(list, known, n)) return known;
  const index = new Map<string, StoredItem>();
  for (const x of list.items.values()) {
    const key = String(x.values.Title ?? "").toLowerCase();
    if (x.fsObjType === 1 && !x.folder && !index.has(key)) index.set(key, x);
  }
  folderIndex.set(list, index);
  return index.get(n);
}

/** The folder row a row is in (its parent), if any. */
export function folderOf(list: ListState, item: StoredItem): StoredItem | undefined {
  return item.folder ? findFolder(list, item.folder) : undefined;
}

/** Assignments in force for a row: its own, else its folder's, else the list's. */
export function itemScope(sec: SiteSecurity, list: ListState, item: StoredItem): Scope {
  const own = sec.items?.[`${list.meta.id}:${item.Id}`];
  if (own) return own;
  const parent = folderOf(list, item);
  return parent ? itemScope(sec, list, parent) : listScope(sec, list.meta.id);
}

export function itemMask(site: SiteState, list: ListState, item: StoredItem, user: SiteUser): ReturnType<typeof effective> {
  return effective(site.security, entraGroups, itemScope(site.security, list, item), user);
}

/** Assignments in force inside a folder (for a row being added there), or the list's at its root. */
export function folderScope(site: SiteState, list: ListState, folder: string | undefined): Scope {
  if (!folder) return listScope(site.security, list.meta.id);
  const f = findFolder(list, folder);
  return f ? itemScope(site.security, list, f) : listScope(site.security, list.meta.id);
}

export function itemTarget(c: SecurityContext, list: ListState, item: StoredItem): ScopeTarget {
  const sec = c.site.security;
  const key = `${list.meta.id}:${item.Id}`;
  return {
    own: sec.items?.[key],
    inForce: itemScope(sec, list, item),
    isWeb: false,
    save: (scope) => {
      const next = clone(sec);
      next.items = { ...(next.items ?? {}) };
      if (scope) next.items[key] = scope;
      else delete next.items[key];
      c.store.saveSecurity(c.site.path, next);
    },
  };
}

/**
 * `…/breakroleinheritance(…)`, `…/resetroleinheritance`, `…/roleassignments[/add|remove…]`,
 * `…/effectivebasepermissions`, `…/getusereffectivepermissions(@user)` on a securable object.
 */
export function scopeRoute(c: SecurityContext, target: ScopeTarget, tail: string): ReturnType<Json> | null {
  const sec = c.site.security;
  const { own, inForce } = target;
  const mask = effective(sec, entraGroups, inForce, c.user);
  const mustManage = (): void => {
    if (!has(mask, Perm.ManagePermissions)) throw accessDenied();
  };
  if (/^\/effectivebasepermissions$/i.test(tail) && c.method === "GET") return c.json(200, c.wrap(maskJson(mask)));
  if (/^\/hasuniqueroleassignments$/i.test(tail) && c.method === "GET") return c.json(200, c.wrap({ value: target.isWeb || own !== undefined }));
  if (/^\/getusereffectivepermissions\(@user\)$/i.test(tail) && c.method === "GET") {
    if (!has(mask, Perm.EnumeratePermissions)) throw accessDenied();
    const login = (c.query.get("@user") ?? "").replace(/^'|'$/g, "");
    const u = siteUsers.find((x) => x.LoginName.toLowerCase() === login.toLowerCase());
    if (!u) throw new SpError(500, "-2146232832, Microsoft.SharePoint.SPException", "The user does not exist or is not unique.");
    return c.json(200, c.wrap(maskJson(effective(sec, entraGroups, inForce, u))));
  }
  const brk = /^\/breakroleinheritance\(copyroleassignments=(true|false),\s*clearsubscopes=(true|false)\)$/i.exec(tail);
  if (brk && c.method === "POST") {
    mustManage();
    if (target.isWeb) throw badRequest("The web of a site collection's root already has unique permissions.");
    if (!own) target.save(brk[1].toLowerCase() === "true" ? (JSON.parse(JSON.stringify(inForce)) as Scope) : []);
    return noContent;
  }
  if (/^\/resetroleinheritance$/i.test(tail) && c.method === "POST") {
    mustManage();
    if (!target.isWeb) target.save(undefined);
    return noContent;
  }
  if (/^\/roleassignments$/i.test(tail) && c.method === "GET") {
    if (!has(mask, Perm.EnumeratePermissions)) throw accessDenied();
    const expand = (c.query.get("$expand") ?? "").toLowerCase();
    return c.json(
      200,
      c.collection(
        inForce.map((a) => ({
          PrincipalId: a.principalId,
          ...(expand.includes("member") ? { Member: principalInfo(sec, a.principalId) } : {}),
          ...(expand.includes("roledefinitionbindings") ? { RoleDefinitionBindings: a.roleDefIds.map((id) => sec.roleDefs.find((r) => r.Id === id)).filter(Boolean).map((r) => roleInfo(r!)) } : {}),
        })),
      ),
    );
  }
  const ra = /^\/roleassignments\/(add|remove)roleassignment\(principalid=(\d+),\s*roledefid=(\d+)\)$/i.exec(tail);
  if (ra && c.method === "POST") {
    mustManage();
    if (!target.isWeb && !own) throw new SpError(400, "-2146232832, Microsoft.SharePoint.SPException", "This operation is not allowed on an object that inherits permissions.");
    const principalId = Number(ra[2]);
    const roleId = Number(ra[3]);
    if (!principalInfo(sec, principalId)) throw new SpError(400, "-2146232832, Microsoft.SharePoint.SPException", "The principal does not exist.");
    if (!sec.roleDefs.some((r) => r.Id === roleId)) throw new SpError(400, "-2146232832, Microsoft.SharePoint.SPException", "The role definition does not exist.");
    const scope: Scope = JSON.parse(JSON.stringify(own ?? [])) as Scope;
    const a = scope.find((x) => x.principalId === principalId);
    if (ra[1].toLowerCase() === "add") {
      if (a) {
        if (!a.roleDefIds.includes(roleId)) a.roleDefIds.push(roleId);
      } else scope.push({ principalId, roleDefIds: [roleId] });
    } else if (a) {
      a.roleDefIds = a.roleDefIds.filter((r) => r !== roleId);
      if (a.roleDefIds.length === 0) scope.splice(scope.indexOf(a), 1);
    }
    target.save(scope);
    return noContent;
  }
  return null;
}

export type { EntraGroup };
