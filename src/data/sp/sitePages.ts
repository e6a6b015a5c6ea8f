import type { SPFI } from "@pnp/sp";
import "@pnp/sp/files/web";
import type { SitePageState } from "../contracts";
import { toDataError } from "./errors";

/**
 * Reads a page of the partnership site (`web/getFileByServerRelativePath`), for the setting
 * 部署ポータルのページ: found, missing (SharePoint answers a file that is not there with 404
 * System.IO.FileNotFoundException "File Not Found."; pnp/PnP#849), or not readable by the signed-in
 * user (403). Anything else (a network failure, throttling) is an error, never "missing".
 */
export async function readSitePage(sp: SPFI, serverRelativePath: string): Promise<SitePageState> {
  try {
    const r = (await sp.web.getFileByServerRelativePath(serverRelativePath).select("Name", "ServerRelativeUrl")()) as { Name: string; ServerRelativeUrl: string };
    return { state: "found", url: r.ServerRelativeUrl, name: r.Name };
  } catch (e) {
    const err = toDataError(e);
    if (err.kind === "notFound") return { state: "missing" };
    if (err.kind === "forbidden") return { state: "forbidden" };
    throw err;
  }
}
