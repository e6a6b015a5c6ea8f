/** The settings row (PartnershipSettings) where site setup records the schema version the site is at. */
export const SCHEMA_VERSION_KEY = "pd.schemaVersion";

/** Settings rows `pd.roleGroup.<role>`: an existing SharePoint group the site owner chose for a role. */
export const ROLE_GROUP_KEY = "pd.roleGroup.";

/** The tenant property (storage entity in the tenant app catalog) holding the partnership site's URL. */
export const TENANT_SITE_URL_KEY = "PartnershipDesk.SiteUrl";

/**
 * An Entra ID security group or Microsoft 365 group, by its claims login name
 * ("c:0t.c|tenant|<object id>", "c:0o.c|federateddirectoryclaimprovider|<group id>"):
 * SharePoint grants it directly (after ensureUser); it is never a SharePoint group.
 * (Here, with the other small names, so that the screens need not load the setup planner.)
 */
export function isDirectoryGroup(login: string): boolean {
  return /^c:0[to]\.c\|/i.test(login.trim());
}
