import * as fs from "fs";
import * as path from "path";
import { renderProvisioning, stableGuid } from "../../dev/scripts/provisioning";
import { allLists } from "../../src/data/schema/listSchema";

const root = path.resolve(__dirname, "../..");
const assets = path.join(root, "sharepoint/assets");

describe("provisioning XML", () => {
  const files = renderProvisioning();

  test("the committed XML matches the TypeScript schema (run `npm run schema:generate` after changing the schema)", () => {
    const committed = fs.readdirSync(assets).filter((f) => f.endsWith(".xml")).sort();
    expect(committed).toEqual([...files.keys()].sort());
    for (const [name, content] of files) expect({ name, content: fs.readFileSync(path.join(assets, name), "utf8") }).toEqual({ name, content });
  });

  test("package-solution.json lists every schema file and does not skip the feature", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, "config/package-solution.json"), "utf8"));
    expect(pkg.solution.skipFeatureDeployment).toBe(false);
    expect(pkg.solution.features[0].assets.elementManifests).toEqual(["elements.xml"]);
    expect([...pkg.solution.features[0].assets.elementFiles].sort()).toEqual([...files.keys()].filter((f) => f !== "elements.xml").sort());
    expect(pkg.solution.webApiPermissionRequests).toEqual([{ resource: "Microsoft Graph", scope: "ChannelMessage.Send" }]);
  });

  test("elements.xml provisions every list, each after the lists it looks up", () => {
    const xml = files.get("elements.xml")!;
    const order = [...xml.matchAll(/Title="([^"]+)" Description/g)].map((m) => m[1]);
    expect(order).toEqual(allLists.map((l) => l.title));
    for (const def of allLists) {
      for (const f of Object.values(def.fields)) {
        if (f.kind === "lookup" || f.kind === "lookupMulti") {
          const target = allLists.find((l) => l.key === f.list)!;
          expect(order.indexOf(target.title)).toBeLessThan(order.indexOf(def.title));
        }
      }
    }
  });

  test("every filtered column is indexed, and the annual report views exist", () => {
    for (const def of allLists) {
      for (const prop of ["fiscalYear", "status", "partner", "department"]) {
        const f = def.fields[prop];
        if (f) expect({ list: def.title, prop, indexed: f.indexed }).toEqual({ list: def.title, prop, indexed: true });
      }
    }
    const results = files.get("schema-resultReports.xml")!;
    expect(results).toContain('<GroupBy Collapse="TRUE" GroupLimit="100"><FieldRef Name="FiscalYear" /><FieldRef Name="Department" /></GroupBy>');
    expect(results).toContain('DisplayName="年度・企業等別"');
  });

  test("field ids are stable and unique", () => {
    expect(stableGuid("Partners/NameKana")).toBe(stableGuid("Partners/NameKana"));
    const ids = [...files.values()].flatMap((x) => [...x.matchAll(/Field ID="\{([0-9a-f-]+)\}" Name="(?!Title)/g)].map((m) => m[1]));
    expect(new Set(ids).size).toBe(ids.length);
  });

  test("each XML file is well-formed", () => {
    for (const [name, content] of files) {
      const stack: string[] = [];
      for (const m of content.replace(/<\?xml[^>]*\?>|<!--[\s\S]*?-->/g, "").matchAll(/<(\/?)([A-Za-z][\w:]*)[^>]*?(\/?)>/g)) {
        if (m[3]) continue;
        if (m[1]) expect({ name, closing: m[2] }).toEqual({ name, closing: stack.pop() });
        else stack.push(m[2]);
      }
      expect({ name, open: stack }).toEqual({ name, open: [] });
    }
  });
});
