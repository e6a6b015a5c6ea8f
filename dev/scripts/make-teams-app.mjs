// Builds teams/TeamsSPFxApp.zip — the department portal's own Teams app package (manifest.json
// and its two icons at the root of the zip, as Teams requires) — from teams/manifest.json and
// the portal's icons. SPFx's package-solution copies everything in teams/ into the .sppkg, and
// "Sync to Teams" then uses this package instead of generating one from a web part it picks
// (sp-dev-docs, docs/spfx/deployment-spfx-teams-solutions.md). Run by `npm run package`.
import { readFileSync, writeFileSync } from "fs";
import { dirname, join } from "path";
import { fileURLToPath } from "url";
import JSZip from "jszip";

const teams = join(dirname(fileURLToPath(import.meta.url)), "../../teams");
const manifest = JSON.parse(readFileSync(join(teams, "manifest.json"), "utf8"));
const zip = new JSZip();
const fixed = new Date("2026-01-01T00:00:00Z"); // same bytes every build
zip.file("manifest.json", JSON.stringify(manifest, null, 2), { date: fixed });
zip.file("color.png", readFileSync(join(teams, `${manifest.id}_color.png`)), { date: fixed });
zip.file("outline.png", readFileSync(join(teams, `${manifest.id}_outline.png`)), { date: fixed });
writeFileSync(join(teams, "TeamsSPFxApp.zip"), await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
console.log("teams/TeamsSPFxApp.zip written");
