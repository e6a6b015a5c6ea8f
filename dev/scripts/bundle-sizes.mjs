// Bytes a page downloads for the product's web parts, against the floor (dev/floor: a hello-world
// web part with one Fluent DetailsList reading one list through PnPjs), both built with the same
// toolchain in the same run. Used by the packaging test (npm test) and the bench.
//
//   node dev/scripts/bundle-sizes.mjs [--build] [--json out.json]
//
// --build runs `gulp clean && gulp bundle --ship` for the product and the floor with webpack stats
// (--build-floor: the floor only, after `npm run package` with PD_WEBPACK_STATS=temp/bundle-stats.json);
// otherwise the last build's stats (temp/bundle-stats.json, dev/floor/temp/bundle-stats.json) are read.
import { spawnSync } from "child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "fs";
import { dirname, join, resolve } from "path";
import { fileURLToPath } from "url";
import { gzipSync } from "zlib";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const floorDir = join(root, "dev/floor");
const gulp = join(root, "node_modules/.bin/gulp");

/** The first view of each web part: its component's view chunk group (see src/webparts/*WebPart.ts). */
export const WEB_PARTS = {
  agreements: { view: "pd-view-agreements", strings: "AgreementsWebPartStrings" },
  annualCycle: { view: "pd-view-annual-cycle", strings: "AnnualCycleWebPartStrings" },
  departmentPortal: { view: "pd-view-department-portal", strings: "DepartmentPortalWebPartStrings" },
  results: { view: "pd-view-results", strings: "ResultsWebPartStrings" },
};

/** Code that no first view needs; finding it in a web part's first download is a failure. */
export const MUST_BE_LAZY = [
  { what: "exceljs", test: /node_modules[\\/]exceljs/ },
  { what: "the file-reading worker", test: /parse-worker|parseWorker/ },
  { what: "the register import", test: /RegisterImportView|export[\\/]registerFile/ },
  { what: "charts", test: /components[\\/]BarChart/ },
  { what: "site setup", test: /setup[\\/]SiteSetup\.|SiteSetupView/ },
  { what: "the agreement panel", test: /AgreementPanel/ },
  // Fluent components that bring ContextualMenu, Callout, positioning, Panel or Modal with them:
  // first views use src/components/light instead; panels, dialogs and other tabs keep them.
  // DetailsList (with GroupedList, List, Selection, FocusZone, drag and drop: ≈ 47 KB gzip): first views
  // draw their tables with src/components/light/DataGrid.
  { what: "Fluent's DetailsList", test: /@fluentui[\\/]react[\\/]lib[\\/]components[\\/](DetailsList|GroupedList|List)[\\/]/ },
  { what: "Fluent's buttons, menus, dropdowns, pivots, message bars, panels or dialogs", test: /@fluentui[\\/]react[\\/]lib[\\/]components[\\/](Button|ContextualMenu|Callout|CommandBar|Dropdown|Pivot|MessageBar|Panel|Dialog|Modal|SearchBox|Stack)[\\/]/ },
];

function build(dir) {
  const stats = join(dir, "temp", "bundle-stats.json");
  for (const args of [["clean"], ["bundle", "--ship"]]) {
    const r = spawnSync(gulp, args, { cwd: dir, encoding: "utf8", env: { ...process.env, PD_WEBPACK_STATS: stats }, maxBuffer: 64 * 1024 * 1024 });
    if (r.status !== 0) throw new Error(`gulp ${args.join(" ")} failed in ${dir}:\n${r.stdout}\n${r.stderr}`);
  }
  return stats;
}

const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length;

function stringsFile(dist, name, locale) {
  const f = readdirSync(dist).find((n) => n.startsWith(`${name}_${locale}_`) && n.endsWith(".js"));
  if (!f) throw new Error(`${name} (${locale}) is not in ${dist}`);
  return f;
}

/** Module names in a set of chunks (concatenated modules opened up). */
function moduleNames(stats, chunkIds) {
  const names = [];
  const walk = (m) => { if (m.modules?.length) m.modules.forEach(walk); if (m.name) names.push(m.name); };
  for (const c of stats.chunks) if (chunkIds.has(c.id)) (c.modules ?? []).forEach(walk);
  return names;
}

export function measure({ buildProduct = false, buildFloor = false } = {}) {
  const productStatsFile = buildProduct ? build(root) : join(root, "temp", "bundle-stats.json");
  const floorStatsFile = buildFloor ? build(floorDir) : join(floorDir, "temp", "bundle-stats.json");
  if (!existsSync(productStatsFile) || !existsSync(floorStatsFile)) throw new Error("no build yet: run with --build");
  const product = JSON.parse(readFileSync(productStatsFile, "utf8"));
  const floorStats = JSON.parse(readFileSync(floorStatsFile, "utf8"));
  const dist = join(root, "dist");
  const floorDist = join(floorDir, "dist");

  const floorFiles = [...floorStats.entrypoints["floor-web-part"].assets.map((a) => a.name), stringsFile(floorDist, "FloorWebPartStrings", "en-us")];
  const floor = floorFiles.reduce((n, f) => n + gz(join(floorDist, f)), 0);

  const bundle = Object.keys(product.entrypoints);
  if (bundle.length !== 1) throw new Error(`expected one bundle for the four web parts, found ${bundle.join(", ")}`);
  const entry = product.entrypoints[bundle[0]];
  const bytes = new Map();
  const size = (f) => { if (!bytes.has(f)) bytes.set(f, gz(join(dist, f))); return bytes.get(f); };
  const common = [...entry.assets.map((a) => a.name), stringsFile(dist, "CommonStrings", "ja-jp")];
  const parts = {};
  for (const [key, wp] of Object.entries(WEB_PARTS)) {
    const group = product.namedChunkGroups[wp.view];
    if (!group) throw new Error(`no chunk group ${wp.view}`);
    const files = [...common, ...group.assets.map((a) => a.name), stringsFile(dist, wp.strings, "ja-jp")];
    const chunkIds = new Set([...entry.chunks, ...group.chunks]);
    const total = files.reduce((n, f) => n + size(f), 0);
    const modules = moduleNames(product, chunkIds);
    const lazyFound = MUST_BE_LAZY.filter((l) => modules.some((m) => l.test.test(m))).map((l) => l.what);
    parts[key] = { files, bytes: total, ratio: +(total / floor).toFixed(3), lazyFound };
  }
  /** A page with several of our web parts downloads each file once. */
  const page = (keys) => [...new Set(keys.flatMap((k) => parts[k].files))].reduce((n, f) => n + size(f), 0);
  const keys = Object.keys(parts);
  const pages = {
    one: Math.max(...keys.map((k) => page([k]))),
    two: page(["agreements", "annualCycle"]),
    four: page(keys),
    fourIfSeparate: keys.reduce((n, k) => n + parts[k].bytes, 0),
  };
  return { gzipLevel: 9, floor: { files: floorFiles, bytes: floor }, webParts: parts, pages };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const all = process.argv.includes("--build");
  const result = measure({ buildProduct: all, buildFloor: all || process.argv.includes("--build-floor") });
  const out = process.argv.indexOf("--json");
  if (out > 0) writeFileSync(process.argv[out + 1], JSON.stringify(result, null, 2) + "\n");
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  console.log(`floor (hello-world DetailsList + PnPjs): ${kb(result.floor.bytes)} gzip`);
  for (const [k, p] of Object.entries(result.webParts)) console.log(`${k.padEnd(17)} ${kb(p.bytes).padStart(9)}  ${p.ratio.toFixed(2)}× the floor${p.lazyFound.length ? `  NOT LAZY: ${p.lazyFound.join(", ")}` : ""}`);
  console.log(`page with 1 / 2 / 4 web parts: ${kb(result.pages.one)} / ${kb(result.pages.two)} / ${kb(result.pages.four)} (four as separate bundles would be ${kb(result.pages.fourIfSeparate)})`);
}
