import { startTestBackend, TestBackend } from "../helpers/backend";
import { spForUrl } from "../../src/data/sp/spForUrl";
import { SiteSetup } from "../../src/data/setup/SiteSetup";
import * as S from "../../src/data/schema/listSchema";

/**
 * Folders in lists as SharePoint Online makes them (issue 30):
 * - `rootFolder.folders.addUsingPath` in a generic list makes a folder with no list item
 *   (pnp/pnpjs#747 and #100, "not a bug"; pnp/cli-microsoft365#6804, pnp/pnpcore#1680);
 * - `GetFolderByServerRelativePath(<list root>)/AddSubFolderUsingPath` makes it with its item;
 * - folders are found by path, never by `FSObjType eq 1` past 5,000 rows (pnp/pnpcore#1224).
 */

let t: TestBackend;
const site = "/sites/partnership";
const proposalsUrl = S.listServerRelativeUrl(site, S.cityProposals);
const as = (id: number) => ({ "X-PD-User": String(id) });
const setupAs = (id = 7) => new SiteSetup(spForUrl(t.backend.siteUrl, as(id)), t.backend.siteUrl);

async function rest(path: string, init: { method?: string; user?: number; body?: unknown; headers?: Record<string, string> } = {}): Promise<{ status: number; body: any }> {
  const r = await fetch(`${t.backend.url}${site}/_api/${path}`, {
    method: init.method ?? "GET",
    headers: { accept: "application/json;odata=nometadata", "content-type": "application/json", "X-PD-User": String(init.user ?? 7), ...(init.headers ?? {}) },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await r.text();
  return { status: r.status, body: text ? JSON.parse(text) : null };
}
const folderPath = (name: string): string => `web/getFolderByServerRelativePath(decodedUrl='${proposalsUrl}/${name}')`;

beforeEach(async () => {
  t = await startTestBackend();
});
afterEach(async () => {
  await t.stop();
});

describe("the local backend makes list folders as SharePoint Online does", () => {
  test("addUsingPath in a generic list makes a folder with no list item: its URL answers, but it is not in items, has an empty ListItemAllFields and nothing to secure", async () => {
    const made = await rest(`web/getList('${proposalsUrl}')/rootFolder/folders/addUsingPath(decodedUrl='OLDWAY',overwrite=false)`, { method: "POST" });
    expect(made.status).toBe(200);
    expect((await rest(folderPath("OLDWAY"))).body.Name).toBe("OLDWAY");
    const items = await rest(`web/getList('${proposalsUrl}')/items?$select=FileLeafRef&$filter=FSObjType eq 1&$top=5000`);
    expect(items.body.value.map((x: { FileLeafRef: string }) => x.FileLeafRef)).not.toContain("OLDWAY");
    expect((await rest(`${folderPath("OLDWAY")}/listItemAllFields`)).body).toEqual({});
    const broke = await rest(`${folderPath("OLDWAY")}/listItemAllFields/breakroleinheritance(copyRoleAssignments=true,clearSubscopes=false)`, { method: "POST" });
    expect(broke.status).toBe(400);
  });

  test("AddSubFolderUsingPath on the list's root folder makes the folder with its list item, which can be secured", async () => {
    const made = await rest(`web/getFolderByServerRelativePath(decodedUrl='${proposalsUrl}')/AddSubFolderUsingPath`, { method: "POST", body: { leafPath: { DecodedUrl: "NEWWAY" } } });
    expect(made.status).toBeLessThan(300);
    const item = await rest(`${folderPath("NEWWAY")}/listItemAllFields?$select=Id,HasUniqueRoleAssignments`);
    expect(typeof item.body.Id).toBe("number");
    expect(item.body.HasUniqueRoleAssignments).toBe(false);
    const items = await rest(`web/getList('${proposalsUrl}')/items?$select=FileLeafRef&$filter=FSObjType eq 1&$top=5000`);
    expect(items.body.value.map((x: { FileLeafRef: string }) => x.FileLeafRef)).toContain("NEWWAY");
    const broke = await rest(`${folderPath("NEWWAY")}/listItemAllFields/breakroleinheritance(copyRoleAssignments=true,clearSubscopes=false)`, { method: "POST" });
    expect(broke.status).toBeLessThan(300);
    // A second one of the same name is refused, as the first run's folder would be.
    const again = await rest(`web/getFolderByServerRelativePath(decodedUrl='${proposalsUrl}')/AddSubFolderUsingPath`, { method: "POST", body: { leafPath: { DecodedUrl: "NEWWAY" } } });
    expect(again.body["odata.error"].message.value).toMatch(/already exists/);
  });

  test("a department member cannot make a folder at the list's root (AddListItems there is the coordinators')", async () => {
    const made = await rest(`web/getFolderByServerRelativePath(decodedUrl='${proposalsUrl}')/AddSubFolderUsingPath`, { method: "POST", user: 11, body: { leafPath: { DecodedUrl: "KODOMO-9999" } } });
    expect(made.status).toBe(403);
  });
});

describe("site setup makes real list folders and repairs those made the old way", () => {
  test("every department folder setup made is a list item with its own permissions, the department's group holding Contribute there", async () => {
    const codes = [...t.backend.store.list("PD_Departments")!.items.values()].map((d) => String(d.values.UnitCode));
    expect(codes.length).toBeGreaterThan(3);
    for (const def of [S.cityProposals, S.resultReports, S.implementationWishes, S.surveyResponses]) {
      const url = S.listServerRelativeUrl(site, def);
      for (const code of codes) {
        const r = await rest(`web/getFolderByServerRelativePath(decodedUrl='${url}/${code}')/listItemAllFields?$select=Id,HasUniqueRoleAssignments`);
        expect({ list: def.title, code, unique: r.body.HasUniqueRoleAssignments, hasItem: typeof r.body.Id === "number" }).toEqual({ list: def.title, code, unique: true, hasItem: true });
      }
    }
    // A member of the department adds a row in its folder (the folder's permissions hold).
    const add = await rest(`web/getList('${proposalsUrl}')/AddValidateUpdateItemUsingPath()`, {
      method: "POST",
      user: 11,
      body: { listItemCreateInfo: { FolderPath: { DecodedUrl: `${proposalsUrl}/kodomo-kosodate` }, UnderlyingObjectType: 0 }, formValues: [{ FieldName: "Title", FieldValue: "子育て支援の提案" }], bNewDocumentUpdate: false },
    });
    expect(add.status).toBe(200);
    expect(add.body.value.every((v: { HasException: boolean }) => !v.HasException)).toBe(true);
  });

  test("a folder made the old way (no list item) and empty is planned as a repair, repaired by a run, and the plan is then empty", async () => {
    const store = t.backend.store;
    const list = store.list("PD_CityProposals")!;
    // The site as the old setup left it in a tenant: KODOMO with no list item.
    const old = [...list.items.values()].find((x) => x.fsObjType === 1 && x.values.Title === "kodomo-kosodate")!;
    const sec = store.site(site)!.security;
    delete sec.items?.[`${list.meta.id}:${old.Id}`];
    store.delete(list, old.Id);
    expect((await rest(`web/getList('${proposalsUrl}')/rootFolder/folders/addUsingPath(decodedUrl='kodomo-kosodate',overwrite=false)`, { method: "POST" })).status).toBe(200);
    const plan = await setupAs().plan();
    const steps = plan.steps.filter((s) => "folder" in s && s.folder === "kodomo-kosodate" && s.list === "PD_CityProposals").map((s) => s.kind);
    expect(steps).toEqual(["repairFolder", "breakFolderInheritance", "grantFolder"]);
    expect(plan.upToDate).toBe(false);
    await setupAs().run();
    const after = await rest(`${folderPath("kodomo-kosodate")}/listItemAllFields?$select=Id,HasUniqueRoleAssignments`);
    expect(typeof after.body.Id).toBe("number");
    expect(after.body.HasUniqueRoleAssignments).toBe(true);
    expect((await setupAs().plan()).upToDate).toBe(true);
  });

  test("a folder made the old way that holds rows is reported for the site owner, never recycled", async () => {
    const store = t.backend.store;
    const list = store.list("PD_CityProposals")!;
    const old = [...list.items.values()].find((x) => x.fsObjType === 1 && x.values.Title === "kenko-suishin")!;
    store.delete(list, old.Id);
    expect((await rest(`web/getList('${proposalsUrl}')/rootFolder/folders/addUsingPath(decodedUrl='kenko-suishin',overwrite=false)`, { method: "POST" })).status).toBe(200);
    // A row the coordinator wrote there (rows in an item-less folder follow the list's permissions).
    const add = await rest(`web/getList('${proposalsUrl}')/AddValidateUpdateItemUsingPath()`, {
      method: "POST",
      body: { listItemCreateInfo: { FolderPath: { DecodedUrl: `${proposalsUrl}/kenko-suishin` }, UnderlyingObjectType: 0 }, formValues: [{ FieldName: "Title", FieldValue: "健康づくりの提案" }], bNewDocumentUpdate: false },
    });
    expect(add.status).toBe(200);
    const plan = await setupAs().plan();
    const step = plan.steps.find((s) => s.kind === "folderWithoutItem" && s.folder === "kenko-suishin");
    const inFolder = (): string[] => [...list.items.values()].filter((x) => x.folder === "kenko-suishin" && !x.fsObjType).map((x) => String(x.values.Title));
    const before = inFolder();
    expect(before).toContain("健康づくりの提案");
    expect(step).toMatchObject({ kind: "folderWithoutItem", list: "PD_CityProposals", rows: before.length });
    expect(plan.steps.some((s) => s.kind === "repairFolder" && s.folder === "kenko-suishin")).toBe(false);
    await setupAs().run();
    expect(inFolder()).toEqual(before);
  });
});

describe("past 5,000 rows: folders are found by path", () => {
  function grow(): void {
    // Year seven or so: CityProposals past the list view threshold.
    const store = t.backend.store;
    const rows = Array.from({ length: 5200 }, (_, i) => ({ Title: `過去の提案 ${i + 1}`, FiscalYear: 2019 + (i % 7) }));
    store.bulkAdd("PD_CityProposals", rows, 7);
  }

  test("department members stay members, the visitor a visitor, and the coordinator the coordinator", async () => {
    grow();
    const role = async (id: number) => {
      const u = await t.dataAs(id).currentUser();
      return { role: u.role, codes: [...u.departmentCodes].sort() };
    };
    expect(await role(7)).toMatchObject({ role: "coordinator" });
    expect(await role(11)).toEqual({ role: "member", codes: ["kodomo-kosodate"] });
    expect((await role(12)).role).toBe("member");
    expect(await role(13)).toEqual({ role: "member", codes: ["kenko-suishin", "kodomo-kosodate"] });
    expect((await role(15)).role).toBe("visitor");
  });

  test("setup's plan on the up-to-date site is empty, and a year's submission folders open and lock", async () => {
    grow();
    const plan = await setupAs().plan();
    expect(plan.steps).toEqual([]);
    const data = t.dataAs(7);
    const skipped = await data.submissions.open("cityProposals", 2027, ["kodomo-kosodate", "kenko-suishin"]);
    expect(skipped).toEqual([]);
    const r = await rest(`${folderPath("kodomo-kosodate-2027")}/listItemAllFields?$select=Id,HasUniqueRoleAssignments`);
    expect(r.body.HasUniqueRoleAssignments).toBe(true);
    // The open year's folders are what setup then checks (and finds as they should be).
    expect((await setupAs().plan()).steps).toEqual([]);
    expect(await data.submissions.lock("cityProposals", 2027)).toBe(2);
    expect((await rest(`${folderPath("kodomo-kosodate-2027")}/listItemAllFields?$select=HasUniqueRoleAssignments`)).body.HasUniqueRoleAssignments).toBe(false);
  });
});
