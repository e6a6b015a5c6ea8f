import { startTenYearBackend, TenYearBackend, ThrottleWatch, watchThrottling } from "../fixtures/tenYear";
import { spForUrl } from "../../src/data/sp/spForUrl";
import { SiteSetup } from "../../src/data/setup/SiteSetup";
import { SCHEMA_VERSION, siteGroups } from "../../src/data/schema/listSchema";
import type { ListMeta } from "../../dev/backend/store";
import type { SiteSecurity } from "../../dev/backend/security";

/**
 * Site setup on a city's tenth year (test/fixtures/tenYear.ts): every list that grows by the
 * year is past 5,000 rows, and the backend refuses what SharePoint refuses there. Setup still
 * sees the site as it is: nothing to do on an up-to-date site, an upgrade's steps and only
 * those, and a folder's permission changed by hand repaired.
 */

let t: TenYearBackend;
let watch: ThrottleWatch;
beforeAll(async () => {
  t = await startTenYearBackend();
}, 120_000);
afterAll(async () => t?.stop());
beforeEach(() => {
  watch = watchThrottling();
});
afterEach(() => watch.stop());

/** Whatever a test changed by hand is put back afterwards, so a failing test leaves no drift to the next. */
let restore: Array<() => void> = [];
beforeEach(() => {
  const store = t.backend.store;
  const security = JSON.parse(JSON.stringify(store.site("/sites/partnership")!.security)) as SiteSecurity;
  const metas = ["PD_CityProposals", "PD_Matchings"].map((n) => JSON.parse(JSON.stringify(store.list(n)!.meta)) as ListMeta);
  const settings = store.list("PD_PartnershipSettings")!;
  const version = [...settings.items.values()].find((x) => x.values.Title === "pd.schemaVersion")!;
  const recorded = version.values.SettingValue;
  restore = [
    () => store.saveSecurity("/sites/partnership", security),
    () => metas.forEach((m) => store.saveListMeta("/sites/partnership", m)),
    () => version.values.SettingValue !== recorded && store.update(settings, version.Id, { SettingValue: recorded }, 7),
  ];
});
afterEach(() => restore.forEach((r) => r()));

const setup = () => new SiteSetup(spForUrl(t.backend.siteUrl, { "X-PD-User": "7" }), t.backend.siteUrl);
const api = (user: number, path: string, method = "GET") =>
  fetch(`${t.backend.siteUrl}/_api/${path}`, { method, headers: { accept: "application/json;odata=nometadata", "x-pd-user": String(user) } });
const site = () => t.backend.store.site("/sites/partnership")!;
const deptId = (code: string) => [...t.backend.store.list("PD_Departments")!.items.values()].find((d) => d.values.UnitCode === code)!.Id;
const folderId = (list: string, name: string) => [...t.backend.store.list(list)!.items.values()].find((x) => x.fsObjType === 1 && x.values.Title === name)!.Id;
/** A plan's steps counted by kind (what a failure shows). */
const byKind = (steps: Array<{ kind: string }>) => steps.reduce<Record<string, number>>((n, s) => ({ ...n, [s.kind]: (n[s.kind] ?? 0) + 1 }), {});

test("the plan of the up-to-date ten-year site is empty: no folder to create, nothing to repair", async () => {
  const plan = await setup().plan();
  expect(byKind(plan.steps)).toEqual({});
  expect(plan).toMatchObject({ upToDate: true, siteVersion: SCHEMA_VERSION });
  expect(watch.throttled).toEqual([]);
});

test("an upgrade on the ten-year site: a view's column and an index the release adds are planned, applied, and the plan is empty again", async () => {
  // The site as the previous release left it: CityProposals' default view without 状態, Matchings' 版 not indexed, version one lower.
  const store = t.backend.store;
  const cp = store.list("PD_CityProposals")!;
  const m = store.list("PD_Matchings")!;
  const oldCp = JSON.parse(JSON.stringify(cp.meta)) as ListMeta;
  const view = oldCp.views.find((v) => v.defaultView)!;
  expect(view.fields).toContain("ProposalStatus");
  view.fields = view.fields.filter((f) => f !== "ProposalStatus");
  store.saveListMeta("/sites/partnership", oldCp);
  const oldM = JSON.parse(JSON.stringify(m.meta)) as ListMeta;
  oldM.fields.find((f) => f.internalName === "MatchingIssue")!.indexed = false;
  store.saveListMeta("/sites/partnership", oldM);
  const data = t.dataAs(7);
  const version = (await data.settings.list()).find((s) => s.key === "pd.schemaVersion")!;
  await data.settings.update(version.id, version.etag, { value: String(SCHEMA_VERSION - 1) });

  const plan = await setup().plan();
  expect(plan.siteVersion).toBe(SCHEMA_VERSION - 1);
  expect(byKind(plan.steps)).toEqual({ addIndex: 1, addViewFields: 1, recordVersion: 1 });
  expect(plan.steps).toContainEqual(expect.objectContaining({ kind: "addIndex", list: "PD_Matchings", field: "MatchingIssue" }));
  expect(plan.steps).toContainEqual(expect.objectContaining({ kind: "addViewFields", list: "PD_CityProposals", view: "AllItems.aspx", fields: ["ProposalStatus"] }));
  expect(plan.steps).toContainEqual({ kind: "recordVersion", from: SCHEMA_VERSION - 1, to: SCHEMA_VERSION });
  await setup().run();
  expect(store.list("PD_CityProposals")!.meta.views.find((v) => v.defaultView)!.fields).toContain("ProposalStatus");
  expect(store.list("PD_Matchings")!.meta.fields.find((f) => f.internalName === "MatchingIssue")!.indexed).toBe(true);
  expect(await setup().plan()).toMatchObject({ upToDate: true, steps: [], siteVersion: SCHEMA_VERSION });
  expect(watch.throttled).toEqual([]);
});

test("a department folder's permission removed by hand is drift: the plan grants it again, a run repairs it, and the department writes there again", async () => {
  const list = "PD_ImplementationWishes";
  const id = folderId(list, "kodomo-kosodate");
  const group = site().security.groups.find((g) => g.Title === `${siteGroups.departmentPrefix}kodomo-kosodate`)!;
  const scope = site().security.items?.[`${t.backend.store.list(list)!.meta.id}:${id}`];
  const granted = scope!.find((a) => a.principalId === group.Id)!.roleDefIds;
  expect(granted).toHaveLength(1);
  const removed = await api(7, `web/getlist('/sites/partnership/Lists/${list}')/items(${id})/roleassignments/removeroleassignment(principalid=${group.Id},roledefid=${granted[0]})`, "POST");
  expect(removed.status).toBe(200);

  const plan = await setup().plan();
  expect(byKind(plan.steps)).toEqual({ grantFolder: 1 });
  expect(plan.steps).toContainEqual(expect.objectContaining({ kind: "grantFolder", list, folder: "kodomo-kosodate", principal: group.Title }));
  await setup().run();
  expect(await setup().plan()).toMatchObject({ upToDate: true, steps: [] });
  expect(site().security.items?.[`${t.backend.store.list(list)!.meta.id}:${id}`]!.find((a) => a.principalId === group.Id)?.roleDefIds).toEqual(granted);
  // The department writes in its folder again (SharePoint checks the folder's permissions).
  const wish = await t.dataAs(11).implementationWishes.add({ title: "実施したい", fiscalYear: 2026, matching: { id: [...t.backend.store.list("PD_Matchings")!.items.keys()][0], title: "" }, department: { id: deptId("kodomo-kosodate"), title: "" }, contactPerson: "子育 太郎", comment: "" });
  expect(t.backend.store.list(list)!.items.get(wish.id)!.folder).toBe("kodomo-kosodate");
  expect(watch.throttled).toEqual([]);
});
