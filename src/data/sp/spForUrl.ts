import { spfi, SPFI, SPBrowser } from "@pnp/sp";
import { InjectHeaders } from "@pnp/queryable";
import { SafeRetry } from "./safeRetry";

/**
 * Outside SharePoint (local workbench, tests, scripts): the same PnPjs pipeline pointed at
 * a site URL, with the digest from /_api/contextinfo and retries on 429/503. Kept apart
 * from spfi.ts so the shipped web parts never bundle it.
 */
export function spForUrl(siteUrl: string, headers: Record<string, string> = {}): SPFI {
  const sp = spfi(siteUrl).using(SPBrowser({ baseUrl: siteUrl }), SafeRetry());
  return Object.keys(headers).length > 0 ? sp.using(InjectHeaders(headers)) : sp;
}
