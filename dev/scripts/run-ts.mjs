// Runs a TypeScript script (the benchmark) bundled by esbuild for Node. tsx cannot load
// exceljs's dependency chain (an .mjs file it transforms), so the script is bundled to
// CommonJS with the ESM-only @pnp packages inlined and the heavy packages left external.
import { build } from "esbuild";
import { spawnSync } from "child_process";
import { mkdirSync } from "fs";
import { basename, dirname, join, resolve } from "path";
import { fileURLToPath } from "url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const [entry, ...args] = process.argv.slice(2);
const outdir = join(root, "temp", "run-ts");
mkdirSync(outdir, { recursive: true });
const outfile = join(outdir, basename(entry).replace(/\.ts$/, ".cjs"));
await build({
  entryPoints: [resolve(root, entry)],
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  outfile,
  sourcemap: "inline",
  external: ["exceljs", "playwright-core", "esbuild", "jszip"],
  logLevel: "warning",
});
const r = spawnSync(process.execPath, ["--enable-source-maps", outfile, ...args], { cwd: root, stdio: "inherit" });
process.exit(r.status ?? 1);
