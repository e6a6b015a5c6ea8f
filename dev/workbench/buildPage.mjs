// The bench's page (page.tsx: one web part on a page of its own), bundled as the SharePoint
// package is: webpack 5 in production mode with the optimisation SPFx leaves at webpack's
// defaults (no splitChunks of its own: async chunks only, 20 KB least, node_modules and shared
// modules in chunks of their own), each file compiled by itself first (esbuildLoader.cjs, as
// tsc does to lib/). A view's first download is then the page's script and the few chunks of
// its view, as in `gulp bundle --ship` (3–4 chunks per view), not the tens of files esbuild's
// per-file splitting makes, which a page on a tenant never fetches.
import webpack from "webpack";
import { mkdirSync, readFileSync, writeFileSync } from "fs";
import { dirname, join, resolve } from "path";
import { fileURLToPath } from "url";
import { copyFonts, locDirs, locModule, workerScript, writeAtomically } from "./build.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "../..");

/**
 * Builds page.js, its chunks (chunks/page/) and page.html into `dir`. SPFx's loc modules
 * (AMD, both languages, chosen at run time by the page's `__PD_LOCALE__`) and the file-reading
 * worker's source are generated modules under `dir/.gen`. Resolves to webpack's stats.
 */
export async function buildBenchPage({ dir }) {
  const gen = join(dir, ".gen");
  mkdirSync(gen, { recursive: true });
  const alias = {};
  for (const [name, locDir] of Object.entries(locDirs)) {
    const file = join(gen, `${name}.js`);
    writeFileSync(file, locModule(locDir));
    alias[`${name}$`] = file;
  }
  const worker = join(gen, "parse-worker-source.js");
  writeFileSync(worker, `export default ${JSON.stringify(await workerScript())};\n`);
  alias["pd-parse-worker-source$"] = worker;

  const stats = await new Promise((done, fail) =>
    webpack(
      {
        mode: "production",
        context: root,
        entry: { page: join(here, "page.tsx") },
        output: { path: dir, filename: "[name].js", chunkFilename: "chunks/page/[name].[contenthash:8].js", publicPath: "auto", clean: false },
        resolve: { extensions: [".ts", ".tsx", ".js"], alias },
        module: { rules: [{ test: /\.tsx?$/, exclude: /node_modules/, use: join(here, "esbuildLoader.cjs") }] },
        devtool: false,
        // PD_PROFILE_NAMES=1 (profiling the bench): the functions keep their names.
        ...(process.env.PD_PROFILE_NAMES ? { optimization: { minimize: false } } : {}),
        performance: { hints: false },
        infrastructureLogging: { level: "error" },
      },
      (err, s) => (err ? fail(err) : s.hasErrors() ? fail(new Error(s.toString({ all: false, errors: true }))) : done(s)),
    ),
  );
  const html = readFileSync(join(here, "index.html"), "utf8");
  if (!html.includes('<script src="main.js"></script>')) throw new Error("index.html does not load main.js as buildBenchPage expects");
  writeAtomically(join(dir, "page.html"), html.replace('<script src="main.js"></script>', '<script src="page.js"></script>'));
  copyFonts(dir);
  return stats;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = join(here, "dist-bench");
  const stats = await buildBenchPage({ dir });
  const json = stats.toJson({ all: false, assets: true, chunkGroups: true });
  for (const [name, g] of Object.entries(json.namedChunkGroups)) console.log(name, g.assets.map((a) => a.name).join(" "));
  console.log(`bench page built in ${dir}`);
}
