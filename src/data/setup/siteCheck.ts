import type { SPFI } from "@pnp/sp";
import * as common from "CommonStrings";
import type { SiteCheck } from "../contracts";
import { normalizeSiteUrl } from "../hosting";
import { SiteSetup } from "./SiteSetup";

/** Checks a partnership site URL as entered in the property pane (or a Teams tab's configuration). */
export async function checkSiteUrl(input: string, spFor: (url: string) => SPFI, allowHttp = false): Promise<SiteCheck> {
  const n = normalizeSiteUrl(input, allowHttp);
  if ("problem" in n) return { ok: false, reason: "invalidUrl", detail: n.problem };
  return SiteSetup.check(spFor(n.url), n.url);
}

/** The property pane's message for a check ("" when the site can be used). */
export function siteCheckMessage(c: SiteCheck): string {
  // A site at an older schema version still works; its owner is told on the page.
  if (c.ok) return "";
  const m = common.Hosting.Check;
  switch (c.reason) {
    case "invalidUrl":
      return m.invalidUrl;
    case "noSite":
      return m.noSite;
    case "notSetUp":
      return m.notSetUp;
    case "needsUpgrade":
      return m.needsUpgrade.replace("{0}", String(c.siteVersion)).replace("{1}", String(c.appVersion));
    case "forbidden":
      return m.forbidden;
    default:
      return m.unreachable;
  }
}
