import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Backend, startBackend } from "../../dev/backend/server";
import { PartnershipData } from "../../src/data/sp/PartnershipData";
import { spForUrl } from "../../src/data/sp/spForUrl";

export interface TestBackend {
  backend: Backend;
  dataDir: string;
  /** The product's data layer, as the given user (by site user id). */
  dataAs: (userId?: number) => PartnershipData;
  stop: () => Promise<void>;
}

/** A fresh local backend on a free port with its own data folder. */
export async function startTestBackend(opts: { seed?: boolean | "seed" | "setup" | "bare" } = {}): Promise<TestBackend> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "pd-backend-"));
  const backend = await startBackend({ port: 0, dataDir, seed: opts.seed ?? true });
  return {
    backend,
    dataDir,
    dataAs: (userId = 7) => new PartnershipData(spForUrl(backend.siteUrl, { "X-PD-User": String(userId) }), backend.siteUrl),
    stop: async () => {
      await backend.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A raw REST call to the site as `user` (the backend's X-PD-User header), the way a hostile
 * member scripts SharePoint: `path` after `/_api/`; `xMethod` sends MERGE/DELETE as SharePoint's
 * clients do (X-HTTP-Method, If-Match *).
 */
export function restAs(siteUrl: string, user: number, path: string, init: { method?: string; body?: unknown; xMethod?: string } = {}): Promise<Response> {
  return fetch(`${siteUrl}/_api/${path}`, {
    method: init.method ?? "GET",
    headers: { accept: "application/json;odata=nometadata", "content-type": "application/json", "x-pd-user": String(user), ...(init.xMethod ? { "x-http-method": init.xMethod, "if-match": "*" } : {}) },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
}
