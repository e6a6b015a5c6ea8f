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
