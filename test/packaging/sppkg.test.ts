import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import JSZip from "jszip";
import { allLists } from "../../src/data/schema/listSchema";

/**
 * `npm run package` (gulp bundle --ship && gulp package-solution --ship) writes the .sppkg,
 * and the package provisions every list through its feature and carries all four web parts.
 */

const root = path.resolve(__dirname, "../..");
const sppkg = path.join(root, "sharepoint/solution/partnership-desk.sppkg");
let zip: JSZip;

beforeAll(async () => {
  const r = spawnSync("npm", ["run", "package", "--silent"], { cwd: root, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`npm run package failed:\n${r.stdout}\n${r.stderr}`);
  zip = await JSZip.loadAsync(fs.readFileSync(sppkg));
}, 300000);

const text = async (name: string): Promise<string> => {
  const f = zip.file(name);
  if (!f) throw new Error(`${name} is not in the package`);
  return f.async("string");
};

test("the feature's elements.xml provisions every list, with its schema file in the package", async () => {
  const elementsName = Object.keys(zip.files).find((n) => /\/elements\.xml$/.test(n));
  expect(elementsName).toBeDefined();
  const elements = await text(elementsName!);
  for (const def of allLists) {
    expect(elements).toContain(`Url="Lists/${def.title}"`);
    expect(await text(`schema-${def.key}.xml`)).toContain(`Url="Lists/${def.title}"`);
  }
  const feature = Object.keys(zip.files).find((n) => /^feature_.*\.xml$/.test(n));
  expect(await text(feature!)).toMatch(/Feature .*Id="bdf02642-5193-47ef-8d3d-c2d79c797f55"/);
});

test("four web parts, each available as a Teams tab, with their Teams icons", async () => {
  const parts = Object.keys(zip.files).filter((n) => /\/WebPart_[0-9a-f-]+\.xml$/.test(n));
  expect(parts).toHaveLength(4);
  for (const p of parts) {
    const xml = await text(p);
    for (const host of ["SharePointWebPart", "TeamsTab", "SharePointFullPage"]) expect(xml).toContain(host);
  }
  for (const id of ["fbc569c9-209f-4bec-b708-b72342d33e77", "1293594f-bbd9-4910-a26d-d6ef042bb5eb", "d0902aaa-5799-4eac-bd91-9a0a2dfd0f3a", "106fd215-1fca-4236-ba32-d10fea1eaf6a"]) {
    expect(zip.file(`ClientSideAssets/${id}_color.png`)).not.toBeNull();
    expect(zip.file(`ClientSideAssets/${id}_outline.png`)).not.toBeNull();
  }
});

test("the app requests Graph ChannelMessage.Send and nothing more", async () => {
  const manifest = await text("AppManifest.xml");
  const requests = [...manifest.matchAll(/<WebApiPermissionRequest [^>]*>/g)].map((m) => m[0]);
  expect(requests).toHaveLength(1);
  expect(requests[0]).toContain('ResourceId="Microsoft Graph"');
  expect(requests[0]).toContain('Scope="ChannelMessage.Send"');
});

test("the local backend and workbench are not shipped", async () => {
  for (const name of Object.keys(zip.files)) expect(name).not.toMatch(/dev\/|backend|workbench|seed/i);
  const bundles = Object.keys(zip.files).filter((n) => /-web-part_[0-9a-f]+\.js$/.test(n));
  expect(bundles).toHaveLength(4);
  for (const b of bundles) {
    const js = await text(b);
    expect(js).not.toContain("startBackend");
    expect(js).not.toContain("SPBrowser");
  }
});
