import { spfi, SPFI, SPFx } from "@pnp/sp";
import { SafeRetry } from "./safeRetry";

/** The structural part of an SPFx web part context that PnPjs needs. */
export type SpfxContextLike = Parameters<typeof SPFx>[0];

/**
 * In SharePoint: PnPjs with the web part's context (auth, digest), addressed to `siteUrl`
 * (the partnership site, wherever the page or Teams tab is) or, without it, to the page's site.
 * PnPjs fetches the other site's request digest from its own /_api/contextinfo.
 */
export function spForSpfx(context: SpfxContextLike, siteUrl?: string): SPFI {
  // SPFx's own fetch-with-retry re-sends a write whose answer was lost: replaced (see safeRetry.ts).
  return (siteUrl ? spfi(siteUrl) : spfi()).using(SPFx(context), SafeRetry());
}

