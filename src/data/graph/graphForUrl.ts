import { Client } from "@microsoft/microsoft-graph-client";
import type { IGraphApi } from "./GraphTeamsNotifier";

/**
 * Outside SharePoint (local workbench, tests): the Graph client pointed at another host,
 * e.g. the local backend's /graph. It sends no bearer token to a non-Graph host. Production
 * uses SPFx's MSGraphClientV3 instead; never imported by the web parts.
 */
export function graphForUrl(baseUrl: string): IGraphApi {
  return Client.init({ baseUrl, defaultVersion: "v1.0", authProvider: (done) => done(null, "local") });
}
