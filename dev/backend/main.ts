import * as path from "path";
import { startBackend } from "./server";

/** `npm run backend`: the local SharePoint/Graph backend on BACKEND_PORT (default 4650). */
async function main(): Promise<void> {
  const port = Number(process.env.BACKEND_PORT ?? 4650);
  const dataDir = path.resolve(process.env.BACKEND_DATA_DIR ?? ".data");
  const workbenchDir = path.resolve(process.env.BACKEND_WORKBENCH_DIR ?? path.join(__dirname, "../workbench/dist"));
  const backend = await startBackend({ port, dataDir, workbenchDir, log: process.env.BACKEND_LOG === "1" });
  process.stdout.write(`Partnership Desk local backend: ${backend.siteUrl} (data in ${dataDir})\n`);
  process.stdout.write(`Workbench: ${backend.url}/workbench/\n`);
  const stop = (): void => {
    void backend.close().then(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
  process.exit(1);
});
