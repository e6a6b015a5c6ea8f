import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import JSZip from "jszip";
import { teamsManifestErrors } from "../helpers/schemas";

/**
 * `npm run package` (gulp bundle --ship && gulp package-solution --ship) writes the .sppkg,
 * a tenant-wide package with no feature (site setup creates the lists) and the four web parts.
 */

const root = path.resolve(__dirname, "../..");
const sppkg = path.join(root, "sharepoint/solution/partnership-desk.sppkg");
let zip: JSZip;

beforeAll(async () => {
  const r = spawnSync("npm", ["run", "package", "--silent"], { cwd: root, encoding: "utf8", maxBuffer: 64 * 1024 * 1024, env: { ...process.env, PD_WEBPACK_STATS: path.join(root, "temp/bundle-stats.json") } });
  if (r.status !== 0) throw new Error(`npm run package failed:\n${r.stdout}\n${r.stderr}`);
  zip = await JSZip.loadAsync(fs.readFileSync(sppkg));
}, 300000);

const text = async (name: string): Promise<string> => {
  const f = zip.file(name);
  if (!f) throw new Error(`${name} is not in the package`);
  return f.async("string");
};

test("one tenant-wide package: skipFeatureDeployment, no feature and no feature-framework assets (lists come from site setup)", async () => {
  const manifest = await text("AppManifest.xml");
  expect(manifest).toMatch(/SkipFeatureDeployment="true"/i);
  const names = Object.keys(zip.files);
  expect(names.filter((n) => /elements\.xml$|schema-.*\.xml$/i.test(n))).toEqual([]);
  // SPFx registers each web part through a feature of its own (one ClientSideComponent element);
  // nothing else: no list instances, no element files.
  const features = names.filter((n) => /^feature_[0-9a-f-]+\.xml$/.test(n));
  expect(features).toHaveLength(4);
  for (const f of features) {
    const rels = await text(`_rels/${f}.rels`);
    const targets = [...rels.matchAll(/Type="[^"]*\/(feature-[a-z]+)" Target="([^"]+)"/g)].map((m) => [m[1], m[2]]);
    expect(targets).toEqual([["feature-elementmanifest", expect.stringMatching(/^\/[0-9a-f-]+\/WebPart_[0-9a-f-]+\.xml$/)]]);
    const element = await text(targets[0][1].slice(1));
    expect(element).toContain("<ClientSideComponent");
    expect(element).not.toMatch(/ListInstance|ElementFile|CustomSchema/);
  }
});

test("four web parts; only the department portal is offered as a Teams tab, with its own Teams app package", async () => {
  const parts = Object.keys(zip.files).filter((n) => /\/WebPart_[0-9a-f-]+\.xml$/.test(n));
  expect(parts).toHaveLength(4);
  const teamsTabs: string[] = [];
  for (const p of parts) {
    const xml = await text(p);
    if (xml.includes("TeamsTab")) teamsTabs.push(p);
  }
  expect(teamsTabs).toHaveLength(1);
  expect(teamsTabs[0]).toContain("d0902aaa-5799-4eac-bd91-9a0a2dfd0f3a");
  const appZip = Object.keys(zip.files).find((n) => /TeamsSPFxApp\.zip$/.test(n));
  expect(appZip).toBeDefined();
  const app = await JSZip.loadAsync(await zip.file(appZip!)!.async("nodebuffer"));
  expect(Object.keys(app.files).sort()).toEqual(["color.png", "manifest.json", "outline.png"]);
  const m = JSON.parse(await app.file("manifest.json")!.async("string"));
  expect(m.name.short).toBe("部署ポータル");
  expect(m.id).toBe("d0902aaa-5799-4eac-bd91-9a0a2dfd0f3a");
  expect(m.configurableTabs).toHaveLength(1);
  expect(m.configurableTabs[0].configurationUrl).toContain("componentId=d0902aaa-5799-4eac-bd91-9a0a2dfd0f3a");
  expect(m.configurableTabs[0].configurationUrl).toContain("{teamSitePath}");
  expect(m.staticTabs ?? []).toEqual([]);
  // The committed manifest is the one packaged, and it passes Microsoft's schema for its manifestVersion.
  expect(m).toEqual(JSON.parse(fs.readFileSync(path.join(root, "teams/manifest.json"), "utf8")));
  expect(await teamsManifestErrors(m)).toEqual([]);
});

test("the app requests Graph ChannelMessage.Send, Team.ReadBasic.All and Channel.ReadBasic.All (delegated, no admin-consent-only scope) and nothing more", async () => {
  const manifest = await text("AppManifest.xml");
  const requests = [...manifest.matchAll(/<WebApiPermissionRequest [^>]*>/g)].map((m) => m[0]);
  expect(requests).toHaveLength(3);
  expect(requests.every((r) => r.includes('ResourceId="Microsoft Graph"'))).toBe(true);
  expect(requests.map((r) => /Scope="([^"]+)"/.exec(r)?.[1]).sort()).toEqual(["Channel.ReadBasic.All", "ChannelMessage.Send", "Team.ReadBasic.All"]);
});

test("the local backend and workbench are not shipped", async () => {
  for (const name of Object.keys(zip.files)) expect(name).not.toMatch(/dev\/|backend|workbench|seed/i);
  // Every script shipped: the one bundle of the four web parts and all its chunks.
  const bundles = Object.keys(zip.files).filter((n) => /\.js$/.test(n) && /partnership-desk_|chunk\./.test(n));
  expect(bundles.filter((n) => /partnership-desk_[0-9a-f]+\.js$/.test(n))).toHaveLength(1);
  for (const b of bundles) {
    const js = await text(b);
    expect(js).not.toContain("startBackend");
    expect(js).not.toContain("SPBrowser");
  }
});

test("the file-reading Web Worker ships as its own lazy chunk (parse-worker, with exceljs inside) and no web part's first bundle carries it", async () => {
  const names = Object.keys(zip.files);
  const worker = names.filter((n) => /chunk\.parse-worker_[0-9a-f]+\.js$/.test(n));
  expect(worker).toHaveLength(1);
  const js = await text(worker[0]);
  // The worker's own script, as a string: its message loop and exceljs's workbook reader.
  expect(js).toContain("onmessage");
  expect(js).toContain("sharedStrings");
  const first = names.filter((n) => /(partnership-desk|chunk\.pd-view-[a-z-]+)_[0-9a-f]+\.js$/.test(n));
  expect(first).toHaveLength(5);
  for (const b of first) {
    const code = await text(b);
    expect(code).not.toContain("sharedStrings.xml");
    expect(code.length).toBeLessThan(js.length);
  }
});

/**
 * Issue "first load close to the floor". The floor is dev/floor, a hello-world web part with one
 * Fluent DetailsList reading one list through PnPjs, built here with the same toolchain; a web
 * part's first download is the shared bundle, its view's chunks and its strings (gzip -9).
 */
describe("first load against the floor (bytes, measured in this run)", () => {
  let sizes: {
    floor: { bytes: number };
    webParts: Record<string, { bytes: number; ratio: number; lazyFound: string[] }>;
    pages: { one: number; two: number; four: number; fourIfSeparate: number };
  };
  beforeAll(() => {
    const out = path.join(root, "temp/bundle-sizes.json");
    const r = spawnSync(process.execPath, ["dev/scripts/bundle-sizes.mjs", "--build-floor", "--json", out], { cwd: root, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    if (r.status !== 0) throw new Error(`bundle-sizes failed:\n${r.stdout}\n${r.stderr}`);
    sizes = JSON.parse(fs.readFileSync(out, "utf8"));
  }, 180000);

  test("the floor is a real web part build (DetailsList and PnPjs are in it)", () => {
    expect(sizes.floor.bytes).toBeGreaterThan(40 * 1024);
    expect(Object.keys(sizes.webParts).sort()).toEqual(["agreements", "annualCycle", "departmentPortal", "results"]);
  });

  test("no first download carries what only later screens need (exceljs, the file reader, the register import, charts, site setup, the agreement panel, Fluent's DetailsList, menus, dropdowns, panels and dialogs)", () => {
    for (const [name, wp] of Object.entries(sizes.webParts)) expect({ name, lazyFound: wp.lazyFound }).toEqual({ name, lazyFound: [] });
  });

  test("shared code is downloaded once per page: four web parts on a page cost well under four separate bundles", () => {
    expect(sizes.pages.two).toBeLessThan(sizes.pages.one * 1.2);
    expect(sizes.pages.four).toBeLessThan(sizes.pages.fourIfSeparate * 0.5);
  });

  // The target (issue 19): 1.3× the floor. History: 2.85× with Fluent's buttons, dropdowns and
  // pivots in the first views; 1.90× without them; 1.69× with the services that write and the Teams
  // notifier fetched beside the first view's data; ≈ 1.07× with the first views' tables drawn by
  // light/DataGrid instead of DetailsList.
  const RATIO_BUDGET = 1.3;
  test(`each web part's first download is within ${RATIO_BUDGET}× the floor`, () => {
    for (const [name, wp] of Object.entries(sizes.webParts)) expect({ name, ratio: wp.ratio }).toEqual({ name, ratio: expect.any(Number) });
    for (const [name, wp] of Object.entries(sizes.webParts)) expect([name, wp.ratio <= RATIO_BUDGET ? "ok" : `${wp.ratio}× the floor`]).toEqual([name, "ok"]);
  });
});
