// Bundles the local workbench page (dev/workbench/main.tsx) with esbuild. The web parts'
// React roots are bundled from src/ as they are; SPFx's AMD loc modules are resolved by
// name from config/config.json, both languages, picked at run time by the page.
import { build } from "esbuild";
import { readFileSync, mkdirSync, cpSync, renameSync, writeFileSync } from "fs";
import { dirname, join, resolve } from "path";
import { fileURLToPath } from "url";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "../..");
const outdir = join(here, "dist");

const config = JSON.parse(readFileSync(join(root, "config/config.json"), "utf8"));
export const locDirs = Object.fromEntries(
  Object.entries(config.localizedResources).map(([name, p]) => [name, join(root, dirname(p.replace(/^lib\//, "src/")))]),
);

/** An SPFx loc module for the workbench: both languages, the page's `__PD_LOCALE__` picks one. */
export const locModule = (dir) =>
  `var ja = require(${JSON.stringify(join(dir, "ja-jp.js"))}); var en = require(${JSON.stringify(join(dir, "en-us.js"))});\nmodule.exports = globalThis.__PD_LOCALE__ === "en-us" ? en : ja;`;

const spfxLoc = {
  name: "spfx-loc",
  setup(b) {
    const names = new RegExp(`^(${Object.keys(locDirs).join("|")})$`);
    b.onResolve({ filter: names }, (a) => ({ path: a.path, namespace: "spfx-loc" }));
    b.onLoad({ filter: /.*/, namespace: "spfx-loc" }, (a) => {
      const dir = locDirs[a.path];
      return { contents: locModule(dir), resolveDir: dir, loader: "js" };
    });
    b.onLoad({ filter: /[\\/]loc[\\/][a-z]{2}-[a-z]{2}\.js$/ }, (a) => ({
      contents: `var __r; function define(d, f) { __r = typeof d === "function" ? d() : f(); }\n${readFileSync(a.path, "utf8")}\nmodule.exports = __r;`,
      loader: "js",
    }));
  },
};

// The file-reading Web Worker, as the SPFx build makes it (gulpfile.js): parseWorker.ts and
// exceljs bundled into one script, imported by the page as the string module
// "pd-parse-worker-source" and started from a blob: URL (src/export/createParseWorker.ts).
export async function workerScript() {
  const r = await build({
    entryPoints: [join(root, "src/export/parseWorker.ts")],
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "es2020",
    minify: true,
    write: false,
    define: { "process.env.NODE_ENV": '"production"' },
    logLevel: "warning",
  });
  return r.outputFiles[0].text;
}
const workerSource = {
  name: "parse-worker-source",
  setup(b) {
    b.onResolve({ filter: /^pd-parse-worker-source$/ }, (a) => ({ path: a.path, namespace: "parse-worker-source" }));
    b.onLoad({ filter: /.*/, namespace: "parse-worker-source" }, async () => ({ contents: `export default ${JSON.stringify(await workerScript())};`, loader: "js" }));
  },
};

/**
 * Writes a file by renaming a finished copy over it: each browser test file builds the
 * workbench while other test workers' pages may be loading it, and a page must never read a
 * half-written main.js (rename is atomic on one file system).
 */
export function writeAtomically(path, contents) {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, contents);
  renameSync(tmp, path);
}

/**
 * The workbench page (tests, `npm start`): one readable script, `minify` for a smaller one. The
 * bench's page, built as the SharePoint package is, is buildPage.mjs (webpack).
 */
export async function buildWorkbench({ minify = false, dir = outdir } = {}) {
  mkdirSync(dir, { recursive: true });
  const result = await build({
    entryPoints: [join(here, "main.tsx")],
    bundle: true,
    outfile: join(dir, "main.js"),
    format: "iife",
    platform: "browser",
    target: "es2020",
    jsx: "transform",
    minify,
    sourcemap: true,
    metafile: true,
    define: { "process.env.NODE_ENV": minify ? '"production"' : '"development"' },
    plugins: [spfxLoc, workerSource],
    logLevel: "warning",
    write: false,
  });
  for (const f of result.outputFiles) {
    mkdirSync(dirname(f.path), { recursive: true });
    writeAtomically(f.path, f.contents);
  }
  writeAtomically(join(dir, "index.html"), readFileSync(join(here, "index.html"), "utf8"));
  copyFonts(dir);
  return result;
}

/**
 * Fluent's icon fonts, served locally: the workbench never reaches a CDN.
 * Not overwritten once there (another test worker's page may be reading them).
 */
export function copyFonts(dir) {
  cpSync(join(root, "node_modules/@fluentui/font-icons-mdl2/fonts"), join(dir, "fonts"), { recursive: true, force: false });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildWorkbench();
  console.log(`workbench built in ${outdir}`);
}
