// Renders docs/sharepoint-calls.json into docs/sharepoint-calls.md between the catalog markers.
// node dev/scripts/call-catalog-md.mjs
import { readFileSync, writeFileSync } from "fs";
import { dirname, join, resolve } from "path";
import { fileURLToPath } from "url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const { calls } = JSON.parse(readFileSync(join(root, "docs/sharepoint-calls.json"), "utf8"));
const mdFile = join(root, "docs/sharepoint-calls.md");
const md = readFileSync(mdFile, "utf8");
const cell = (s) => String(s ?? "").replace(/\|/g, "\\|").replace(/\n/g, " ");
const link = (s) => (/^https?:\/\//.test(s.split(" ")[0]) ? `<${s.split(" ")[0]}>${s.slice(s.split(" ")[0].length)}` : s);

const out = [];
out.push("| # | Call family | Risk | Tenant-check probe |", "|---|---|---|---|");
calls.forEach((c, i) => out.push(`| ${i + 1} | [${cell(c.title)}](#${c.id}) | ${c.risk} | ${c.probe ?? "-"} |`));
out.push("");
for (const c of calls) {
  out.push(`### <a id="${c.id}"></a>${c.title}`, "");
  out.push("```text");
  for (const s of c.shapes) out.push(`${s.api.padEnd(5)} ${s.method} ${s.path}${s.query.length ? "  ?" + s.query.join(",") : ""}`);
  out.push("```", "");
  out.push(`- **Lists**: ${c.lists}`);
  out.push(`- **Used by**: ${c.product}`);
  out.push(`- **SharePoint Online / Graph**: ${c.spo}`);
  out.push(`- **Permission**: ${c.permission}`);
  out.push(`- **Past 5,000 items**: ${c.past5000}`);
  out.push(`- **Errors**: ${c.errors}`);
  out.push(`- **Sources**: ${c.sources.map(link).join("; ")}`);
  out.push(`- **Backend**: ${c.backend}`);
  out.push(`- **Test**: ${c.test}`);
  out.push(`- **Risk**: ${c.risk}${c.probe ? ` — probed by \`npm run tenant-check -- --scratch\` (${c.probe})` : ""}`, "");
}
const start = "<!-- catalog:start -->";
const end = "<!-- catalog:end -->";
const i = md.indexOf(start);
const j = md.indexOf(end);
if (i < 0 || j < 0) throw new Error("markers missing in docs/sharepoint-calls.md");
writeFileSync(mdFile, md.slice(0, i + start.length) + "\n" + out.join("\n") + "\n" + md.slice(j));
console.log(`${calls.length} call families written to docs/sharepoint-calls.md`);
