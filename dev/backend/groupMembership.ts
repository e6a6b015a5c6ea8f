import type { SiteState } from "./store";
import type { SiteGroupState, SiteSecurity } from "./security";
import { holds } from "./security";
import { entraGroups, siteUsers, SiteUser } from "./users";

/**
 * Who may change a site group's membership and owner, as SharePoint decides it:
 * - membership: the group's owner (the user, or anyone in the owner group), a site collection
 *   administrator, or any member when the group has AllowMembersEditMembership. A site owner's
 *   Full Control (Manage Permissions) is not enough: "Only the group owner can add/delete the
 *   user from the group" (pnp/pnpjs#2856, answered); a group made over REST is owned by whoever
 *   made it (pnp/pnpjs#957, maintainers: "not a bug").
 * - the group's settings and owner: its owner or a site collection administrator
 *   (SP.Group.CanCurrentUserManageGroup).
 * Site collection administrators ("site admins") "have the same Full Control permissions of a
 * site owner, plus … access to any items in the site" (OfficeDocs-SharePoint, site-permissions.md).
 */

/** Is the user a site collection administrator of the site? */
export function isSiteAdmin(site: SiteState, user: SiteUser): boolean {
  return (user.siteAdminOf ?? []).some((p) => p.toLowerCase() === site.path.toLowerCase());
}

/** The owner's principal id in force: the group's own, else (data written before owners were modelled) the site's Owners group. */
export function ownerIdOf(site: SiteState, g: SiteGroupState): number | undefined {
  return g.ownerId ?? site.security.groups.find((x) => x.Title === `${site.title} 所有者`)?.Id;
}

function ownedBy(site: SiteState, g: SiteGroupState, user: SiteUser): boolean {
  const owner = ownerIdOf(site, g);
  return owner !== undefined && holds(site.security, entraGroups, owner, user);
}

export function canManageGroup(site: SiteState, g: SiteGroupState, user: SiteUser): boolean {
  return isSiteAdmin(site, user) || ownedBy(site, g, user);
}

export function canEditMembership(site: SiteState, g: SiteGroupState, user: SiteUser): boolean {
  return canManageGroup(site, g, user) || (!!g.allowMembersEditMembership && holds(site.security, entraGroups, g.Id, user));
}

/** The owner's title, as SP.Group.OwnerTitle reports it (a group's title, or a user's display name). */
export function ownerTitle(sec: SiteSecurity, ownerId: number | undefined): string | null {
  if (ownerId === undefined) return null;
  return sec.groups.find((x) => x.Id === ownerId)?.Title ?? siteUsers.find((u) => u.Id === ownerId)?.Title ?? null;
}

type Reply = { status: number; headers: Record<string, string>; body: string | Buffer };

export interface GroupRouteContext {
  site: SiteState;
  user: SiteUser;
  method: string;
  query: URLSearchParams;
  save: (next: SiteSecurity) => void;
}

const done: Reply = { status: 200, headers: { "content-type": "application/json;odata=nometadata;charset=utf-8" }, body: "{}" };
const q = (s: string): string => s.replace(/''/g, "'");

/**
 * `web/sitegroups(…)/users/removeById(<id>)`, `…/users/removeByLoginName(@v)?@v='<login>'`
 * (PnPjs `siteGroups.getById(n).users.removeById`) and `…/SetUserAsOwner(<user id>)` (PnPjs
 * `setUserAsOwner`, pnp/pnpjs#969: REST takes a user only; a group as owner needs CSOM,
 * ./csom.ts). Refused (403) to anyone SharePoint refuses.
 */
export function groupMemberRoute(c: GroupRouteContext, rest: string, errors: { accessDenied: () => Error; notFound: (what: string) => Error; userNotFound: () => Error }): Reply | null {
  const m = /^web\/sitegroups(?:\/getbyname\('((?:[^']|'')*)'\)|\/getbyid\((\d+)\)|\((\d+)\))\/(?:users\/removebyid\((\d+)\)|users\/removebyloginname\(@v\)|setuserasowner\((\d+)\))$/i.exec(rest);
  if (!m || c.method !== "POST") return null;
  const sec = c.site.security;
  const g = m[1] !== undefined ? sec.groups.find((x) => x.Title.toLowerCase() === q(m[1]).toLowerCase()) : sec.groups.find((x) => x.Id === Number(m[2] ?? m[3]));
  if (!g) throw errors.notFound("Group");
  const next = JSON.parse(JSON.stringify(sec)) as SiteSecurity;
  const ng = next.groups.find((x) => x.Id === g.Id)!;
  if (m[5] !== undefined) {
    if (!canManageGroup(c.site, g, c.user)) throw errors.accessDenied();
    const u = siteUsers.find((x) => x.Id === Number(m[5]));
    if (!u) throw errors.userNotFound();
    ng.ownerId = u.Id;
    c.save(next);
    return done;
  }
  if (!canEditMembership(c.site, g, c.user)) throw errors.accessDenied();
  const login =
    m[4] !== undefined
      ? (siteUsers.find((u) => u.Id === Number(m[4])) ?? entraGroups.find((e) => e.Id === Number(m[4])))?.LoginName
      : (c.query.get("@v") ?? "").replace(/^'|'$/g, "").replace(/''/g, "'");
  if (!login || !g.members.some((x) => x.toLowerCase() === login.toLowerCase())) throw errors.userNotFound();
  ng.members = ng.members.filter((x) => x.toLowerCase() !== login.toLowerCase());
  c.save(next);
  return done;
}
