/** The settings row (PartnershipSettings) where site setup records the schema version the site is at. */
export const SCHEMA_VERSION_KEY = "pd.schemaVersion";

/** Settings rows `pd.roleGroup.<role>`: an existing SharePoint group the site owner chose for a role. */
export const ROLE_GROUP_KEY = "pd.roleGroup.";

/** The tenant property (storage entity in the tenant app catalog) holding the partnership site's URL. */
export const TENANT_SITE_URL_KEY = "PartnershipDesk.SiteUrl";
