import * as fs from "fs";
import * as path from "path";
import { renderProvisioning } from "./provisioning";

/**
 * `npm run schema:generate`: writes sharepoint/assets/*.xml from the list schema and
 * lists the schema files in config/package-solution.json's elementFiles.
 */
const root = path.resolve(__dirname, "../..");
const assets = path.join(root, "sharepoint", "assets");
fs.mkdirSync(assets, { recursive: true });
const files = renderProvisioning();
for (const old of fs.readdirSync(assets)) if (/^schema-.*\.xml$/.test(old) && !files.has(old)) fs.unlinkSync(path.join(assets, old));
for (const [name, content] of files) fs.writeFileSync(path.join(assets, name), content, "utf8");

const pkgPath = path.join(root, "config", "package-solution.json");
const pkg = JSON.parse(fs.readFileSync(pkgPath, "utf8")) as {
  solution: { features: { assets: { elementManifests: string[]; elementFiles: string[] } }[] };
};
pkg.solution.features[0].assets = { elementManifests: ["elements.xml"], elementFiles: [...files.keys()].filter((n) => n !== "elements.xml") };
fs.writeFileSync(pkgPath, JSON.stringify(pkg, null, 2) + "\n", "utf8");
process.stdout.write(`Wrote ${files.size} files to sharepoint/assets and updated config/package-solution.json\n`);
