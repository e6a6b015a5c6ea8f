// Runs a TypeScript script (the benchmark) bundled by esbuild for Node. tsx cannot load
// exceljs's dependency chain (an .mjs file it transforms), so the script is bundled to
// CommonJS with the ESM-only @pnp packages inlined and the heavy packages left external.
import { build } from "esbuild";
import { spawnSync } from "child_process";
import { mkdirSync, readFileSync } from "fs";
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
  plugins: [locStrings()],
  logLevel: "warning",
});
/**
 * The web parts' strings modules (`AnnualCycleWebPartStrings` …) resolved to their Japanese
 * files, as jest's moduleNameMapper does; SPFx's loc files are AMD `define([], fn)`, turned
 * into CommonJS here.
 */
function locStrings() {
  const files = {
    CommonStrings: "src/loc/ja-jp.js",
    AgreementsWebPartStrings: "src/webparts/agreements/loc/ja-jp.js",
    AnnualCycleWebPartStrings: "src/webparts/annualCycle/loc/ja-jp.js",
    DepartmentPortalWebPartStrings: "src/webparts/departmentPortal/loc/ja-jp.js",
    ResultsWebPartStrings: "src/webparts/results/loc/ja-jp.js",
  };
  return {
    name: "loc-strings",
    setup(b) {
      b.onResolve({ filter: /^[A-Za-z]+Strings$/ }, (a) => (files[a.path] ? { path: join(root, files[a.path]), namespace: "loc" } : undefined));
      b.onLoad({ filter: /.*/, namespace: "loc" }, (a) => {
        const body = readFileSync(a.path, "utf8").replace(/^\s*define\(\s*\[\s*\]\s*,\s*/, "").replace(/\)\s*;?\s*$/, "");
        return { contents: `module.exports = (${body})();`, loader: "js" };
      });
    },
  };
}

const r = spawnSync(process.execPath, ["--enable-source-maps", outfile, ...args], { cwd: root, stdio: "inherit" });
process.exit(r.status ?? 1);
