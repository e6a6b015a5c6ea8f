import type { SPFI } from "@pnp/sp";
import "@pnp/sp/webs";
import "@pnp/sp/security";
import "@pnp/sp/site-groups/web";
import { PermissionKind } from "@pnp/sp/security";
import type { IBasePermissions } from "@pnp/sp/security";
import { DataError } from "../contracts";

/**
 * What site setup needs on the partnership site: it creates lists (Manage Lists), groups
 * (Create Groups) and permission levels and role assignments (Manage Permissions). Only Full
 * Control has all three among SharePoint's levels; Edit — a group-connected site's Members —
 * has Manage Lists but neither of the others (OfficeDocs-SharePoint,
 * understanding-permission-levels.md, "Site permissions and permission levels"). Offering
 * setup on Manage Lists alone let such a user create the lists and then fail at the groups.
 */
export const SETUP_RIGHTS = [PermissionKind.ManageLists, PermissionKind.ManagePermissions, PermissionKind.CreateGroups] as const;

type SetupRight = (typeof SETUP_RIGHTS)[number];

/** An effective-permissions mask as SharePoint sends it (High and Low as numbers or strings). */
export interface PermissionMask {
  High: number | string;
  Low: number | string;
}

/** Who reads a mask: PnPjs's `web.hasPermissions` (the same reading the product's roles use). */
export interface PermissionReader {
  hasPermissions(value: IBasePermissions, perm: PermissionKind): boolean;
}

/** The setup rights the mask lacks (none: the user may run setup). */
export function missingSetupRights(mask: PermissionMask | null | undefined, web: PermissionReader): SetupRight[] {
  const value = mask ? { High: Number(mask.High), Low: Number(mask.Low) } : null;
  return SETUP_RIGHTS.filter((k) => !value || !web.hasPermissions(value, k));
}

/** A setup right's key, which the screens put in the user's language (CommonStrings Setup.Rights). */
export type SetupRightKey = "manageLists" | "managePermissions" | "createGroups";
const rightKey = (k: SetupRight): SetupRightKey => (k === PermissionKind.ManageLists ? "manageLists" : k === PermissionKind.ManagePermissions ? "managePermissions" : "createGroups");

/**
 * Queues on a batch the user's effective permissions on the site (membership through Entra
 * groups counts); what it returns refuses, once the batch is sent and before anything is written, when a setup right is missing: a DataError
 * ("forbidden") naming what is missing and who to ask (the site's
 * Owners group).
 */
export function queueSetupRightsCheck(batched: SPFI): () => Promise<void> {
  const maskP = batched.web.getCurrentUserEffectivePermissions() as Promise<PermissionMask>;
  const ownersP = (batched.web.associatedOwnerGroup.select("Title")() as Promise<{ Title: string }>).then((g) => g.Title, () => null);
  maskP.catch(() => undefined); // read below, once the batch is sent
  return async () => {
    const missing = missingSetupRights(await maskP.catch(() => null), batched.web);
    if (missing.length === 0) return;
    // The data layer carries what is missing and who to ask; the screen words it (SiteSetupView).
    const owners = await ownersP;
    const keys = missing.map(rightKey);
    throw new DataError("forbidden", `Site setup needs ${keys.join(", ")}: ask the site's owners${owners ? ` (${owners})` : ""}`, 403, [], { setupRights: { missing: keys, owners } });
  };
}
