// `npm run bench`: figures, not assertions. So far: the shipped size of each web part's
// bundle (raw and gzip) and of the .sppkg, from a fresh `npm run package`. Prints a table
// and writes bench/results.json. (Render and export timings join as those screens land.)
import { readdirSync, readFileSync, statSync, writeFileSync, mkdirSync } from "fs";
import { spawnSync } from "child_process";
import { gzipSync } from "zlib";
import { dirname, join } from "path";
import { fileURLToPath } from "url";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
if (!process.argv.includes("--no-build")) {
  const r = spawnSync("npm", ["run", "package", "--silent"], { cwd: root, stdio: "inherit" });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const kb = (n) => Math.round((n / 1024) * 10) / 10;
const dist = join(root, "dist");
const bundles = readdirSync(dist)
  .filter((f) => /-web-part_[0-9a-f]+\.js$/.test(f))
  .map((f) => {
    const buf = readFileSync(join(dist, f));
    return { webPart: f.replace(/_[0-9a-f]+\.js$/, ""), rawKB: kb(buf.length), gzipKB: kb(gzipSync(buf, { level: 9 }).length) };
  });
const sppkg = join(root, "sharepoint/solution/partnership-desk.sppkg");
const results = { measuredAt: new Date().toISOString(), node: process.version, shippedSize: { bundles, sppkgKB: kb(statSync(sppkg).size) } };

console.log("\nShipped size");
console.table(bundles);
console.log(`.sppkg: ${results.shippedSize.sppkgKB} KB`);
mkdirSync(join(root, "bench"), { recursive: true });
writeFileSync(join(root, "bench/results.json"), JSON.stringify(results, null, 2) + "\n");
console.log("→ bench/results.json");
