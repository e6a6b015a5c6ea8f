import { spfi, SPFI, SPFx } from "@pnp/sp";

/** The structural part of an SPFx web part context that PnPjs needs. */
export type SpfxContextLike = Parameters<typeof SPFx>[0];

/** In SharePoint: PnPjs bound to the web part's context (auth, digest, site URL). */
export function spForSpfx(context: SpfxContextLike): SPFI {
  return spfi().using(SPFx(context));
}

