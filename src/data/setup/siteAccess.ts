import { siteGroups } from "../schema/listSchema";
import { isDirectoryGroup } from "./keys";
import type { ObservedSecurity, ProductRole, SetupStep } from "./plan";

/**
 * What the product's groups need on the site itself, and who owns them. Pure, like plan.ts.
 *
 * Site access: the product grants its groups on lists and folders only, which gives them
 * Limited Access on the site — it "does not grant any additional permissions to the user, so
 * they can't see or access any other content" (OfficeDocs-SharePoint,
 * understanding-permission-levels.md): the site's pages, where the web parts are, answer Access
 * Denied. View Pages is a site permission (same page, "Site permissions"), so setup gives every
 * group that holds a role or a department's rows **Read on the site**, as SharePoint's own Visitors
 * group has. Every product list has its own permissions (setup breaks inheritance on each), so
 * Read on the site does not reach them; what does inherit the site (its pages, Site Assets,
 * Documents) becomes readable to the product's groups, which docs/permissions.md tells the owner.
 *
 * Group ownership: a group made over REST is owned by whoever made it, and only its owner (or a
 * site collection administrator) changes its membership (pnp/pnpjs#957, #2856;
 * SharePoint/sp-dev-docs#5031). Setup makes the site's Owners group the owner of every group it
 * made, so that any site owner adds and removes staff; a group whose owner is another is repaired.
 */

const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/** The groups that hold a product role (as mapped; one the owner chose that is missing is left out) and every department's principal. */
export function productPrincipals(sec: ObservedSecurity): { roleGroups: string[]; departmentGroups: string[] } {
  const roles: ProductRole[] = ["coordinators", "members", "visitors"];
  const mapped = sec.roleGroups ?? {};
  const exists = (g: string): boolean => isDirectoryGroup(g) || sec.groups.some((x) => same(x.title, g));
  const roleGroups = roles.map((r) => mapped[r] ?? siteGroups[r]).filter((g, i) => !mapped[roles[i]] || exists(g));
  const departmentGroups = sec.departmentCodes.map((code) => {
    const chosen = Object.entries(sec.departmentGroups ?? {}).find(([k]) => same(k, code))?.[1];
    return chosen && isDirectoryGroup(chosen) ? chosen : siteGroups.departmentPrefix + code;
  });
  return { roleGroups, departmentGroups };
}

/** Read on the site for each of the product's principals that has no level there giving View Pages. */
export function planSiteAccess(sec: ObservedSecurity): SetupStep[] {
  const { roleGroups, departmentGroups } = productPrincipals(sec);
  const steps: SetupStep[] = [];
  const seen = new Set<string>();
  for (const principal of [...roleGroups, ...departmentGroups]) {
    if (seen.has(principal.toLowerCase())) continue;
    seen.add(principal.toLowerCase());
    const a = sec.web.find((x) => same(x.principal, principal) || same(x.login ?? "", principal));
    // Read, Contribute and Full Control all hold View Pages; another level the owner gave is kept, and Read added beside it.
    if (a && a.roles.some((r) => r === "read" || r === "contribute" || r === "fullControl")) continue;
    steps.push({ kind: "grantSite", principal, role: "read" });
  }
  return steps;
}

/**
 * The site's Owners group as owner of every SharePoint group the product makes: its three role
 * groups (unless the owner mapped the role to a group of their own) and each department's group
 * (unless the department uses an Entra / Microsoft 365 group). A group setup is about to create
 * is owned by whoever runs setup, so it gets the step too.
 */
export function planGroupOwners(sec: ObservedSecurity): SetupStep[] {
  const owner = sec.ownerGroup;
  if (!owner) return [];
  const mapped = sec.roleGroups ?? {};
  const ours = [
    ...(["coordinators", "members", "visitors"] as ProductRole[]).filter((r) => !mapped[r]).map((r) => siteGroups[r]),
    ...productPrincipals(sec).departmentGroups.filter((g) => !isDirectoryGroup(g)),
  ];
  const steps: SetupStep[] = [];
  for (const group of ours) {
    const found = sec.groups.find((x) => same(x.title, group));
    if (found && same(found.ownerTitle ?? "", owner.title)) continue;
    if (steps.some((s) => s.kind === "setGroupOwner" && same(s.group, group))) continue;
    steps.push({ kind: "setGroupOwner", group, owner: owner.title, found: found ? (found.ownerTitle ?? null) : null });
  }
  return steps;
}
