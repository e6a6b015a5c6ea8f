import { Client } from "@microsoft/microsoft-graph-client";
import type { IGraphApi } from "./GraphTeamsNotifier";
import { postOnce } from "./postOnce";

/**
 * Outside SharePoint (local workbench, tests): the Graph client pointed at another host,
 * e.g. the local backend's /graph. It sends no bearer token to a non-Graph host. Production
 * uses SPFx's MSGraphClientV3 instead; never imported by the web parts. As in production
 * (lazyGraph), a POST is re-sent by the client only after 429 (`postOnce`).
 */
export function graphForUrl(baseUrl: string): IGraphApi {
  const client = Client.init({ baseUrl, defaultVersion: "v1.0", authProvider: (done) => done(null, "local") });
  return {
    api: (path: string) => {
      const request = client.api(path);
      return { post: (content: unknown) => postOnce(request, content), get: () => request.get() };
    },
  };
}
