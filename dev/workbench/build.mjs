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
const locDirs = Object.fromEntries(
  Object.entries(config.localizedResources).map(([name, p]) => [name, join(root, dirname(p.replace(/^lib\//, "src/")))]),
);

const spfxLoc = {
  name: "spfx-loc",
  setup(b) {
    const names = new RegExp(`^(${Object.keys(locDirs).join("|")})$`);
    b.onResolve({ filter: names }, (a) => ({ path: a.path, namespace: "spfx-loc" }));
    b.onLoad({ filter: /.*/, namespace: "spfx-loc" }, (a) => {
      const dir = locDirs[a.path];
      return {
        contents: `var ja = require(${JSON.stringify(join(dir, "ja-jp.js"))}); var en = require(${JSON.stringify(join(dir, "en-us.js"))});\nmodule.exports = globalThis.__PD_LOCALE__ === "en-us" ? en : ja;`,
        resolveDir: dir,
        loader: "js",
      };
    });
    b.onLoad({ filter: /[\\/]loc[\\/][a-z]{2}-[a-z]{2}\.js$/ }, (a) => ({
      contents: `var __r; function define(d, f) { __r = typeof d === "function" ? d() : f(); }\n${readFileSync(a.path, "utf8")}\nmodule.exports = __r;`,
      loader: "js",
    }));
  },
};

// Imports of @fluentui/react's index, as webpack resolves them in the SharePoint bundle: each name
// from the component's own module (lib/DetailsList, lib/Link…). esbuild splits chunks by file, and the
// index reaches every component, so a page importing one name from it would get all of Fluent in its
// first chunk; webpack, reading the package's sideEffects: false, puts each component only in the
// chunks that use it. Used for the bench's page as shipped (what it measures is what ships).
const fluentModules = () => {
  const index = readFileSync(join(root, "node_modules/@fluentui/react/lib/index.js"), "utf8").replace(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g, "");
  const byName = new Map();
  for (const m of index.matchAll(/export\s*\{([^}]*)\}\s*from\s*'\.\/([^']+)'/g))
    for (const spec of m[1].split(",").map((x) => x.trim()).filter(Boolean)) {
      const name = spec.split(/\s+as\s+/).pop();
      if (!byName.has(name)) byName.set(name, m[2]);
    }
  return byName;
};
const fluentDeepImports = {
  name: "fluent-deep-imports",
  setup(b) {
    const byName = fluentModules();
    b.onLoad({ filter: /[\\/](src|dev)[\\/].*\.tsx?$/ }, (a) => {
      if (a.path.includes("node_modules")) return undefined;
      const source = readFileSync(a.path, "utf8");
      const contents = source.replace(/import\s*\{([^}]*)\}\s*from\s*"@fluentui\/react";/g, (all, list) => {
        const groups = new Map();
        const rest = [];
        for (const spec of list.split(",").map((x) => x.trim()).filter(Boolean)) {
          const name = spec.replace(/^type\s+/, "").split(/\s+as\s+/)[0];
          const mod = spec.startsWith("type ") ? undefined : byName.get(name);
          if (mod) groups.set(mod, [...(groups.get(mod) ?? []), spec]);
          else rest.push(spec); // types (erased) or a name the index does not list
        }
        return [...[...groups].map(([mod, specs]) => `import { ${specs.join(", ")} } from "@fluentui/react/lib/${mod}";`), ...(rest.length ? [`import { ${rest.join(", ")} } from "@fluentui/react";`] : [])].join(" ");
      });
      return { contents, loader: a.path.endsWith("x") ? "tsx" : "ts" };
    });
  },
};

// The file-reading Web Worker, as the SPFx build makes it (gulpfile.js): parseWorker.ts and
// exceljs bundled into one script, imported by the page as the string module
// "pd-parse-worker-source" and started from a blob: URL (src/export/createParseWorker.ts).
const workerSource = {
  name: "parse-worker-source",
  setup(b) {
    b.onResolve({ filter: /^pd-parse-worker-source$/ }, (a) => ({ path: a.path, namespace: "parse-worker-source" }));
    b.onLoad({ filter: /.*/, namespace: "parse-worker-source" }, async () => {
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
      return { contents: `export default ${JSON.stringify(r.outputFiles[0].text)};`, loader: "js" };
    });
  },
};

/**
 * Writes a file by renaming a finished copy over it: each browser test file builds the
 * workbench while other test workers' pages may be loading it, and a page must never read a
 * half-written main.js (rename is atomic on one file system).
 */
function writeAtomically(path, contents) {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, contents);
  renameSync(tmp, path);
}

/**
 * The workbench page. `asShipped` builds it as SharePoint serves the product: minified, React's
 * production build, and every `import()` a chunk of its own fetched when needed (esbuild's code
 * splitting, which needs an ES module page), into `dir`; the bench measures first renders on it,
 * against a floor built the same way. The default (tests, `npm start`) is one readable script.
 */
export async function buildWorkbench({ minify = false, asShipped = false, dir = outdir } = {}) {
  mkdirSync(dir, { recursive: true });
  // As shipped, also page.tsx: one web part on a page of its own (the bench's first renders), in a
  // build of its own. Built together, the workbench's panels would share their chunks with the page
  // (esbuild splits by file, and @fluentui/react's index reaches every component), so the page
  // would load all of Fluent at once, where the SharePoint bundle (webpack) keeps it in the chunks
  // that use it.
  if (asShipped) await buildWorkbenchPart({ entry: "page.tsx", dir, chunks: "chunks/page/[name]-[hash]" });
  const result = await buildWorkbenchPart({ entry: "main.tsx", dir, asShipped, minify, chunks: "chunks/[name]-[hash]" });
  const html = readFileSync(join(here, "index.html"), "utf8");
  writeAtomically(join(dir, "index.html"), asShipped ? html.replace('<script src="main.js"></script>', '<script type="module" src="main.js"></script>') : html);
  if (asShipped) writeAtomically(join(dir, "page.html"), html.replace('<script src="main.js"></script>', '<script type="module" src="page.js"></script>'));
  // Fluent's icon fonts, served locally: the workbench never reaches a CDN.
  // Not overwritten once there (another test worker's page may be reading them).
  cpSync(join(root, "node_modules/@fluentui/font-icons-mdl2/fonts"), join(dir, "fonts"), { recursive: true, force: false });
  return result;
}

async function buildWorkbenchPart({ entry, dir, asShipped = true, minify = false, chunks }) {
  const result = await build({
    entryPoints: [join(here, entry)],
    bundle: true,
    ...(asShipped ? { outdir: dir, format: "esm", splitting: true, chunkNames: chunks, entryNames: "[name]" } : { outfile: join(dir, "main.js"), format: "iife" }),
    platform: "browser",
    target: "es2020",
    jsx: "transform",
    // PD_PROFILE_NAMES=1 (profiling the bench): minified as shipped but with the functions' names.
    ...(process.env.PD_PROFILE_NAMES ? { minifyWhitespace: true, minifySyntax: true, keepNames: true } : { minify: minify || asShipped }),
    sourcemap: !asShipped,
    metafile: true,
    define: { "process.env.NODE_ENV": minify || asShipped ? '"production"' : '"development"' },
    plugins: asShipped ? [spfxLoc, workerSource, fluentDeepImports] : [spfxLoc, workerSource],
    logLevel: "warning",
    write: false,
  });
  for (const f of result.outputFiles) {
    mkdirSync(dirname(f.path), { recursive: true });
    writeAtomically(f.path, f.contents);
  }
  return result;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildWorkbench();
  console.log(`workbench built in ${outdir}`);
}
