import { stepText } from "../../src/components/SiteSetup/SiteSetupView";
import { startTestBackend, TestBackend } from "../helpers/backend";
import { spForUrl } from "../../src/data/sp/spForUrl";
import { SiteSetup } from "../../src/data/setup/SiteSetup";
import { fieldXml, typeAsString, viewFieldName, viewQuery } from "../../src/data/setup/fieldXml";
import { allLists, listUrlName, notifications, partners, resultReports, SCHEMA_VERSION } from "../../src/data/schema/listSchema";
import type { AnyListDef } from "../../src/data/schema/fieldTypes";
import { PartnershipData } from "../../src/data/sp/PartnershipData";
import { read } from "../../src/data/contracts";
import { resolvePartnershipSite, setTenantDefaultSiteUrl } from "../../src/data/hosting";
import { checkSiteUrl, siteCheckMessage } from "../../src/data/setup/siteCheck";
import { sampleMembership } from "../../dev/backend/sites";

/**
 * Site setup (issue: tenant-wide hosting) against a bare partnership site of the local
 * backend, which creates lists, columns and views only through SharePoint's REST API and
 * refuses what SharePoint refuses.
 */

let t: TestBackend;
const as = (id: number) => ({ "X-PD-User": String(id) });
const setupAs = (id = 7, lists: readonly AnyListDef[] = allLists) => new SiteSetup(spForUrl(t.backend.siteUrl, as(id)), t.backend.siteUrl, lists);

beforeEach(async () => {
  t = await startTestBackend({ seed: "bare" });
});
afterEach(async () => {
  await t.stop();
});

/** The backend's lists as SharePoint would describe them, for comparison with the schema. */
function siteAsSchema(): unknown {
  return allLists.map((def) => {
    const state = t.backend.store.list(listUrlName(def))!;
    return {
      list: listUrlName(def),
      title: state.meta.title,
      fields: Object.values(def.fields).filter((f) => !f.builtIn).map((f) => {
        const o = state.meta.fields.find((x) => x.internalName === f.internalName)!;
        const target = o.def.kind === "lookup" || o.def.kind === "lookupMulti" ? t.backend.store.listById("/sites/partnership", o.def.list)?.meta.urlName : undefined;
        return { name: o.internalName, title: o.title, type: o.typeAsString, required: o.required, indexed: o.indexed, unique: o.unique, inContentType: o.inContentType, target };
      }),
      views: state.meta.views.map((v) => ({ file: v.fileName, title: v.title, fields: v.fields, query: v.viewQuery })),
    };
  });
}

function schemaAsSite(): unknown {
  return allLists.map((def) => ({
    list: listUrlName(def),
    title: def.displayName,
    fields: Object.values(def.fields).filter((f) => !f.builtIn).map((f) => ({
      name: f.internalName,
      title: f.displayName,
      type: typeAsString(f),
      required: !!f.required,
      indexed: !!(f.indexed || f.unique),
      unique: !!f.unique,
      inContentType: true,
      target: f.kind === "lookup" || f.kind === "lookupMulti" ? listUrlName(allLists.find((l) => l.key === f.list)!) : undefined,
    })),
    views: def.views.map((v) => ({ file: v.url, title: v.displayName, fields: v.fields.map((p) => viewFieldName(def, p)), query: viewQuery(def, v) })),
  }));
}

test("a bare site: the plan lists every list in dependency order, then setup creates exactly the schema and the product works", async () => {
  const plan = await setupAs().plan();
  expect(plan.siteVersion).toBeNull();
  const schemaSteps = plan.steps.filter((s) => s.kind === "createList" || s.kind === "recordVersion");
  expect(schemaSteps.map((s) => (s.kind === "createList" ? s.list : s.kind))).toEqual([...allLists.map(listUrlName), "recordVersion"]);
  // The security model: the product's groups, the Add-only level, each list with its own permissions.
  expect(plan.steps.filter((s) => s.kind === "createGroup").map((s) => (s.kind === "createGroup" ? s.group : ""))).toEqual(["Partnership Desk Coordinators", "Partnership Desk Members", "Partnership Desk Visitors"]);
  expect(plan.steps.filter((s) => s.kind === "createAddOnlyLevel")).toHaveLength(1);
  expect(plan.steps.filter((s) => s.kind === "breakInheritance")).toHaveLength(allLists.length);
  const before = t.backend.requestCount();
  await setupAs().run();
  const requests = t.backend.requestCount() - before;
  expect(siteAsSchema()).toEqual(schemaAsSite());
  // About 28 requests per list (list, columns one by one, views, permissions): no more.
  expect(requests).toBeLessThan(allLists.length * 30);
  // The product reads and writes the new lists, and knows the site is ready.
  const data = t.dataAs(7);
  const p = await data.partners.add({ name: "株式会社テスト", kana: "テスト", kind: "company", address: "", contactName: "", contactEmail: "", contactPhone: "", website: "" });
  expect((await data.partners.list()).map((x) => x.id)).toEqual([p.id]);
  expect(await data.currentUser()).toMatchObject({ siteStatus: "ready", siteVersion: SCHEMA_VERSION, canManageSite: true });
});

test("setup run twice changes nothing the second time, and says so", async () => {
  await setupAs().run();
  const snapshot = JSON.stringify([...t.backend.store.site("/sites/partnership")!.lists.values()].map((l) => l.meta));
  const plan = await setupAs().plan();
  expect(plan).toMatchObject({ upToDate: true, steps: [], siteVersion: SCHEMA_VERSION });
  const before = t.backend.requestCount();
  await setupAs().run();
  // One batched read (about 100 reads, at most 20 per $batch request), no write.
  const security = JSON.stringify(t.backend.store.site("/sites/partnership")!.security);
  expect(t.backend.requestCount() - before).toBeLessThanOrEqual(6);
  expect(JSON.stringify(t.backend.store.site("/sites/partnership")!.security)).toBe(security);
  expect(JSON.stringify([...t.backend.store.site("/sites/partnership")!.lists.values()].map((l) => l.meta))).toBe(snapshot);
});

test("upgrade from the previous schema version: a new column and a new view appear, existing rows are untouched", async () => {
  // The previous release: results without the partnership item column and without the by-partner view.
  const newView = resultReports.views.find((v) => !v.default)!;
  const previous = allLists.map((def) =>
    def.key !== "resultReports"
      ? def
      : { ...def, fields: Object.fromEntries(Object.entries(def.fields).filter(([k]) => k !== "sectionName")), views: def.views.filter((v) => v !== newView) },
  );
  const old = setupAs(7, previous);
  await old.run();
  // Pretend that release recorded version 1.
  const data = t.dataAs(7);
  const row = (await data.settings.list()).find((s) => s.key === "pd.schemaVersion")!;
  await data.settings.update(row.id, row.etag, { value: "1" });
  await data.partners.add({ name: "清瀬北大学", kana: "", kind: "university", address: "", contactName: "", contactEmail: "", contactPhone: "", website: "" });

  const plan = await setupAs().plan();
  expect(plan.siteVersion).toBe(1);
  expect(plan.appVersion).toBe(SCHEMA_VERSION);
  expect(plan.steps).toEqual([
    { kind: "addField", list: "PD_ResultReports", field: "SectionName", displayName: resultReports.fields.sectionName.displayName },
    { kind: "addView", list: "PD_ResultReports", view: newView.url, displayName: newView.displayName },
    { kind: "recordVersion", from: 1, to: SCHEMA_VERSION },
  ]);
  await setupAs().run();
  expect(siteAsSchema()).toEqual(schemaAsSite());
  expect((await data.partners.list()).map((p) => p.name)).toEqual(["清瀬北大学"]);
  expect((await data.currentUser()).siteStatus).toBe("ready");
});

test("upgrade adds a release's new choices to a choice column (SP.FieldChoice.Choices), keeping the site's own and every row's value", async () => {
  // The previous release's Notifications list: its Kind column without the notice kinds.
  const kind = notifications.fields.kind as { choices: Record<string, string> };
  const oldChoices = Object.fromEntries(Object.entries(kind.choices).filter(([k]) => !["callNotice", "surveyNotice", "surveyReminder"].includes(k)));
  const previous = allLists.map((def) => (def.key !== "notifications" ? def : { ...def, fields: { ...def.fields, kind: { ...def.fields.kind, choices: oldChoices } } }));
  await setupAs(7, previous).run();
  const plan = await setupAs().plan();
  expect(plan.steps).toContainEqual({ kind: "updateField", list: "PD_Notifications", field: "NotificationKind", displayName: notifications.fields.kind.displayName, changes: ["choices"] });
  await setupAs().run();
  const field = t.backend.store.list("PD_Notifications")!.meta.fields.find((f) => f.internalName === "NotificationKind")!;
  expect(field.schemaXml).toContain("<CHOICE>依頼の通知</CHOICE>");
  expect(field.schemaXml).toContain("<CHOICE>フィードバック発行</CHOICE>");
  expect((await setupAs().plan()).upToDate).toBe(true);
});

test("upgrade to schema 7 (Form 4 該当なし): the results' 状態 gains 該当なし and 連携企業名 is no longer required", async () => {
  // The previous release's ResultReports: 状態 without 該当なし, 連携企業名 required.
  const status = resultReports.fields.status as { choices: Record<string, string> };
  const oldChoices = Object.fromEntries(Object.entries(status.choices).filter(([k]) => k !== "nothingToReport"));
  const previous = allLists.map((def) => (def.key !== "resultReports" ? def : { ...def, fields: { ...def.fields, status: { ...def.fields.status, choices: oldChoices }, partner: { ...def.fields.partner, required: true } } }));
  await setupAs(7, previous).run();
  const list = t.backend.store.list("PD_ResultReports")!;
  expect(list.meta.fields.find((f) => f.internalName === "Partner")!.required).toBe(true);
  const plan = await setupAs().plan();
  expect(plan.steps.filter((s) => s.kind === "updateField" && s.list === "PD_ResultReports")).toEqual([
    { kind: "updateField", list: "PD_ResultReports", field: "Partner", displayName: resultReports.fields.partner.displayName, changes: ["required"] },
    { kind: "updateField", list: "PD_ResultReports", field: "ResultStatus", displayName: resultReports.fields.status.displayName, changes: ["choices"] },
  ]);
  await setupAs().run();
  const fields = t.backend.store.list("PD_ResultReports")!.meta.fields;
  expect(fields.find((f) => f.internalName === "Partner")!.required).toBe(false);
  const choiceXml = fields.find((f) => f.internalName === "ResultStatus")!.schemaXml;
  for (const c of ["下書き", "提出済", "公表済", "該当なし"]) expect(choiceXml).toContain(`<CHOICE>${c}</CHOICE>`);
  expect((await setupAs().plan()).upToDate).toBe(true);
});

test("upgrade to schema 8 (partner kinds): the partners' 種別 gains 学校 and 自治体・公共団体, and every partner keeps its kind", async () => {
  // The previous release's Partners list: 種別 without 学校 and 自治体・公共団体.
  const kind = partners.fields.kind as { choices: Record<string, string> };
  const oldChoices = Object.fromEntries(Object.entries(kind.choices).filter(([k]) => k !== "school" && k !== "publicBody"));
  const previous = allLists.map((def) => (def.key !== "partners" ? def : { ...def, fields: { ...def.fields, kind: { ...def.fields.kind, choices: oldChoices } } }));
  await setupAs(7, previous).run();
  const data = t.dataAs(7);
  await data.partners.add({ name: "多摩信和銀行", kana: "", kind: "financialInstitution", address: "", contactName: "", contactEmail: "", contactPhone: "", website: "" });
  const plan = await setupAs().plan();
  expect(plan.steps.filter((s) => s.kind === "updateField" && s.list === "PD_Partners")).toEqual([
    { kind: "updateField", list: "PD_Partners", field: "PartnerKind", displayName: partners.fields.kind.displayName, changes: ["choices"] },
  ]);
  await setupAs().run();
  const choiceXml = t.backend.store.list("PD_Partners")!.meta.fields.find((f) => f.internalName === "PartnerKind")!.schemaXml;
  for (const c of ["企業", "大学", "学校", "金融機関", "自治体・公共団体", "団体", "その他"]) expect(choiceXml).toContain(`<CHOICE>${c}</CHOICE>`);
  expect((await data.partners.list()).map((p) => [p.name, p.kind])).toEqual([["多摩信和銀行", "financialInstitution"]]);
  // A partner of a new kind can now be saved on the upgraded site.
  await data.partners.add({ name: "東京都立清瀬高等学校", kana: "", kind: "school", address: "", contactName: "", contactEmail: "", contactPhone: "", website: "" });
  expect((await data.partners.list()).find((p) => p.name === "東京都立清瀬高等学校")?.kind).toBe("school");
  expect((await setupAs().plan()).upToDate).toBe(true);
});

test("upgrade to schema 9 (agreements with several partners): the agreements gain 連名の企業等, a multi-value lookup to the partners, and keep every row", async () => {
  const previous = allLists.map((def) =>
    def.key !== "agreements" ? def : { ...def, fields: Object.fromEntries(Object.entries(def.fields).filter(([k]) => k !== "coPartners")), views: def.views?.map((v) => ({ ...v, fields: v.fields.filter((f) => f !== "coPartners") })) },
  );
  await setupAs(7, previous).run();
  expect(t.backend.store.list("PD_Agreements")!.meta.fields.some((f) => f.internalName === "CoPartners")).toBe(false);
  const data = t.dataAs(7);
  const before = (await data.agreements.list()).map((a) => [a.id, a.title, a.partner?.id]);
  const plan = await setupAs().plan();
  // The column, and the register's view showing it beside 企業等.
  expect(plan.steps.filter((s) => "list" in s && s.list === "PD_Agreements").map((s) => s.kind)).toEqual(expect.arrayContaining(["addField"]));
  expect(plan.steps).toContainEqual(expect.objectContaining({ kind: "addField", list: "PD_Agreements", field: "CoPartners" }));
  await setupAs().run();
  const field = t.backend.store.list("PD_Agreements")!.meta.fields.find((f) => f.internalName === "CoPartners")!;
  expect(field.typeAsString).toBe("LookupMulti");
  expect(field.schemaXml).toContain('Mult="TRUE"');
  expect((await data.agreements.list()).map((a) => [a.id, a.title, a.partner?.id])).toEqual(before);
  expect((await data.agreements.list()).every((a) => a.coPartners.length === 0)).toBe(true);
  const view = t.backend.store.list("PD_Agreements")!.meta.views.find((v) => v.fileName === "AllItems.aspx")!;
  expect(view.fields).toEqual(expect.arrayContaining(["Partner", "CoPartners"]));
  expect((await setupAs().plan()).upToDate).toBe(true);
});

test("upgrade to schema 10 (one call per form and year): the calls gain 依頼キー; the calls already there get their key before SharePoint enforces it, a duplicate made before is named, not keyed", async () => {
  const previous = allLists.map((def) => (def.key !== "calls" ? def : { ...def, fields: Object.fromEntries(Object.entries(def.fields).filter(([k]) => k !== "callKey")) }));
  await setupAs(7, previous).run();
  const add = async (form: string, fy: number): Promise<number> => {
    const r = await fetch(`${t.backend.siteUrl}/_api/web/getlist('/sites/partnership/Lists/PD_Calls')/items`, {
      method: "POST",
      headers: { accept: "application/json;odata=nometadata", "content-type": "application/json", ...as(7) },
      body: JSON.stringify({ Title: `${fy} ${form}`, FiscalYear: fy, Form: form, Deadline: `${fy}-05-29T00:00:00Z`, CallStatus: "締切" }),
    });
    expect(r.status).toBe(201);
    return ((await r.json()) as { Id: number }).Id;
  };
  const first = await add("別紙②", 2024);
  const second = await add("別紙②", 2024);
  const other = await add("別紙④", 2024);
  const plan = await setupAs().plan();
  const steps = plan.steps.filter((s) => "list" in s && s.list === "PD_Calls");
  expect(steps.map((s) => s.kind)).toEqual(["addField", "writeCallKeys", "duplicateCalls", "addUnique"]);
  expect(steps[1]).toMatchObject({ rows: [{ id: first, key: "form2-2024" }, { id: other, key: "form4-2024" }] });
  expect(steps[2]).toMatchObject({ key: "form2-2024", ids: [first, second] });
  await setupAs().run();
  const field = t.backend.store.list("PD_Calls")!.meta.fields.find((f) => f.internalName === "CallKey")!;
  expect([field.indexed, field.unique]).toEqual([true, true]);
  const keys = Object.fromEntries([...t.backend.store.list("PD_Calls")!.items.values()].map((x) => [x.Id, x.values.CallKey ?? null]));
  expect([keys[first], keys[second], keys[other]]).toEqual(["form2-2024", null, "form4-2024"]);
  const again = await setupAs().plan();
  expect(again.upToDate).toBe(true);
  expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(10);
});

test("upgrade to schema 11 (an imported agreement once): the agreements gain 台帳の取込キー, indexed and unique; the rows already there, even two imports of the same agreement made before, keep their values and no key", async () => {
  const previous = allLists.map((def) => (def.key !== "agreements" ? def : { ...def, fields: Object.fromEntries(Object.entries(def.fields).filter(([k]) => k !== "registerKey")) }));
  await setupAs(7, previous).run();
  // Two imports of the same row at once, before the key existed, and one made by hand.
  const items = spForUrl(t.backend.siteUrl, as(7)).web.getList("/sites/partnership/Lists/PD_Agreements").items;
  for (const [Title, ImportKey] of [["テスト協定", "株式会社テスト|テスト協定|2020-04-01"], ["テスト協定", "株式会社テスト|テスト協定|2020-04-01"], ["手で登録", ""]]) await items.add({ Title, ImportKey });
  const rowsNow = () => [...t.backend.store.list("PD_Agreements")!.items.values()].map((x) => [x.Id, x.values.Title, x.values.ImportKey, x.values.RegisterKey ?? null]);
  const before = rowsNow();
  expect(before).toHaveLength(3);
  const plan = await setupAs().plan();
  expect(plan.steps.filter((s) => "list" in s && s.list === "PD_Agreements").map((s) => s.kind)).toEqual(["addField", "addUnique"]);
  await setupAs().run();
  const field = t.backend.store.list("PD_Agreements")!.meta.fields.find((f) => f.internalName === "RegisterKey")!;
  expect([field.indexed, field.unique]).toEqual([true, true]);
  expect(rowsNow()).toEqual(before);
  expect((await t.dataAs(7).agreements.list()).every((a) => !a.registerKey)).toBe(true);
  expect((await setupAs().plan()).upToDate).toBe(true);
  expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(11);
});

test("a column retyped on the site is a manual step: setup never drops or retypes it", async () => {
  const previous = allLists.map((def) => (def.key !== "partners" ? def : { ...def, fields: Object.fromEntries(Object.entries(def.fields).filter(([k]) => k !== "website")) }));
  await setupAs(7, previous).run();
  // A site owner made the column by hand, as a multi-line text.
  await spForUrl(t.backend.siteUrl, as(7)).web.getList("/sites/partnership/Lists/PD_Partners").fields.createFieldAsXml('<Field Type="Note" Name="Website" StaticName="Website" DisplayName="ウェブサイト" />');
  const plan = await setupAs().plan();
  expect(plan.steps).toEqual([{ kind: "manual", list: "PD_Partners", field: "Website", displayName: "ウェブサイト", reason: "typeDiffers", found: "Note", expected: "Text" }]);
  expect(plan.upToDate).toBe(true);
  await setupAs().run();
  expect(t.backend.store.list("PD_Partners")!.meta.fields.find((f) => f.internalName === "Website")!.typeAsString).toBe("Note");
});

test("setup cut short (the tab closed after a few steps) is completed by the next run, nothing made twice", async () => {
  let n = 0;
  await expect(
    setupAs().run(() => {
      if (++n === 4) throw new Error("tab closed");
    }),
  ).rejects.toThrow();
  const plan = await setupAs().plan();
  expect(plan.steps.filter((s) => s.kind === "createList")).toHaveLength(allLists.length - 3);
  await setupAs().run();
  expect(siteAsSchema()).toEqual(schemaAsSite());
});

test("a list renamed in Japanese by the site owner still works: lists are found by URL", async () => {
  await setupAs().run();
  const sp = spForUrl(t.backend.siteUrl, as(7));
  await sp.web.getList("/sites/partnership/Lists/PD_Partners").update({ Title: "連携先の企業・大学" });
  const data = t.dataAs(7);
  await data.partners.add({ name: "多摩信和銀行", kana: "", kind: "financialInstitution", address: "", contactName: "", contactEmail: "", contactPhone: "", website: "" });
  expect((await data.partners.list()).map((p) => p.name)).toEqual(["多摩信和銀行"]);
  // By its old title SharePoint no longer finds it.
  const r = await fetch(`${t.backend.siteUrl}/_api/web/lists/getbytitle('Partners')`, { headers: { accept: "application/json" } });
  expect(r.status).toBe(404);
  expect((await setupAs().plan()).upToDate).toBe(true);
});

test("only a site owner may set up: a department member's run is refused by SharePoint (403), nothing is created", async () => {
  await expect(setupAs(11).run()).rejects.toMatchObject({ kind: "forbidden" });
  expect(t.backend.store.list("PD_Partners")).toBeUndefined();
  expect((await t.dataAs(11).currentUser()).canManageSite).toBe(false);
});

test("the site's own refusals: a taken title, a duplicate column, invalid field XML, unique without index, an endpoint not implemented", async () => {
  await setupAs().run();
  const api = (path: string, init: RequestInit = {}) =>
    fetch(`${t.backend.siteUrl}/_api/${path}`, { ...init, headers: { accept: "application/json", "content-type": "application/json", "x-pd-user": "7", ...(init.headers as Record<string, string>) } });
  const list = "web/getlist('/sites/partnership/Lists/PD_Partners')";
  let r = await api("web/lists", { method: "POST", body: JSON.stringify({ Title: "企業等", BaseTemplate: 100 }) });
  expect([r.status, await r.text()]).toEqual([500, expect.stringContaining("-2130575342")]);
  r = await api(`${list}/fields/createfieldasxml`, { method: "POST", body: JSON.stringify({ parameters: { SchemaXml: fieldXml(partners.fields.kana) } }) });
  expect([r.status, await r.text()]).toEqual([500, expect.stringContaining('A duplicate field name \\"NameKana\\" was found.')]);
  r = await api(`${list}/fields/createfieldasxml`, { method: "POST", body: JSON.stringify({ parameters: { SchemaXml: "<Column Name='x' />" } }) });
  expect(r.status).toBe(400);
  r = await api(`${list}/fields/createfieldasxml`, { method: "POST", body: JSON.stringify({ parameters: { SchemaXml: '<Field Type="Lookup" Name="Bad" DisplayName="Bad" List="{00000000-0000-0000-0000-000000000000}" />' } }) });
  expect(r.status).toBe(400);
  r = await api(`${list}/fields/getbyinternalnameortitle('Address')`, { method: "POST", headers: { "x-http-method": "MERGE" }, body: JSON.stringify({ EnforceUniqueValues: true }) });
  expect(r.status).toBe(400);
  // Deleting a list is implemented (the tenant check deletes its scratch list: dev/backend/siteExtras.ts); a view is not.
  for (const [path, method] of [["web", "POST"], [`${list}/defaultview`, "DELETE"], ["web", "DELETE"]] as const) {
    r = await api(path, { method: method === "DELETE" ? "POST" : method, headers: method === "DELETE" ? { "x-http-method": "DELETE" } : {}, body: "{}" });
    expect({ path, status: r.status }).toEqual({ path, status: 501 });
  }
});

describe("the partnership site from any host", () => {
  const teamSite = () => `${t.backend.url}/sites/kodomo-kosodate`;

  test("a portal in a team's tab with the tab's setting reads the partnership site; without it, the team's site is not set up", async () => {
    await setupAs().run();
    await t.dataAs(7).departments.add({ title: "子ども家庭部 子育て支援課", code: "kodomo-kosodate", departmentName: "子ども家庭部", divisionName: "子育て支援課", sectionName: "", teamId: "", channelId: "", isCoordinator: false, sortOrder: 1, active: true, groupLogin: "" });
    // The site owner puts staff in the product's groups and the department's group (docs/permissions.md).
    sampleMembership(t.backend.store);
    // A department added later gets its folders when setup runs again.
    const again = await setupAs().plan();
    expect(again.steps.filter((s) => s.kind === "createFolder").map((s) => (s.kind === "createFolder" ? `${s.list}/${s.folder}` : ""))).toEqual(["PD_SurveyResponses/kodomo-kosodate", "PD_CityProposals/kodomo-kosodate", "PD_ImplementationWishes/kodomo-kosodate", "PD_ResultReports/kodomo-kosodate"]);
    await setupAs().run();
    const onTeam = spForUrl(teamSite(), as(11));
    const configured = await resolvePartnershipSite(t.backend.siteUrl, teamSite(), onTeam, true);
    expect(configured).toEqual({ url: t.backend.siteUrl, source: "property" });
    const data = new PartnershipData(spForUrl(configured.url, as(11)), configured.url);
    expect(await data.currentUser()).toMatchObject({ siteStatus: "ready", departmentCodes: ["kodomo-kosodate"], role: "member" });
    const unconfigured = await resolvePartnershipSite(undefined, teamSite(), onTeam, true);
    expect(unconfigured.source).toBe("page");
    const wrong = new PartnershipData(spForUrl(unconfigured.url, as(11)), unconfigured.url);
    expect(await wrong.currentUser()).toMatchObject({ siteStatus: "notSetUp", role: "visitor" });
    // The portal's first batch (who is signed in and the departments): on the partnership site
    // both answer; on the team's site the list is not there (404), and the user is still known, so
    // the frame can say that the site is not set up.
    const both = data.currentUserWith({ departments: read(data.departments) });
    expect(await both.user).toMatchObject({ siteStatus: "ready", departmentCodes: ["kodomo-kosodate"] });
    expect((await both.lists).departments.map((d) => d.code)).toContain("kodomo-kosodate");
    const bare = wrong.currentUserWith({ departments: read(wrong.departments) });
    await expect(bare.lists).rejects.toMatchObject({ kind: "notFound" });
    expect(await bare.user).toMatchObject({ siteStatus: "notSetUp", role: "visitor" });
  });

  test("the tenant-wide default: only a SharePoint administrator may set it; every site then finds the partnership site", async () => {
    await setupAs().run();
    await expect(setTenantDefaultSiteUrl(spForUrl(t.backend.siteUrl, as(7)), t.backend.siteUrl)).rejects.toMatchObject({ kind: "forbidden" });
    await setTenantDefaultSiteUrl(spForUrl(t.backend.siteUrl, as(20)), t.backend.siteUrl);
    expect(await resolvePartnershipSite(undefined, teamSite(), spForUrl(teamSite(), as(11)), true)).toEqual({ url: t.backend.siteUrl, source: "tenant" });
  });

  test("the property pane refuses a site that is not set up, one that does not exist and a URL that is not a site", async () => {
    const spFor = (url: string) => spForUrl(url, as(7));
    const bare = await checkSiteUrl(t.backend.siteUrl, spFor, true);
    expect(bare).toMatchObject({ ok: false, reason: "notSetUp" });
    expect(siteCheckMessage(bare)).toContain("まだ準備されていません");
    expect(await checkSiteUrl(`${t.backend.url}/sites/nosuchsite`, spFor, true)).toMatchObject({ ok: false, reason: "noSite" });
    expect(await checkSiteUrl("partnership", spFor, true)).toMatchObject({ ok: false, reason: "invalidUrl" });
    expect(await checkSiteUrl(`${t.backend.url}/_layouts/15/x.aspx`, spFor, true)).toMatchObject({ ok: false, reason: "invalidUrl" });
    await setupAs().run();
    const ok = await checkSiteUrl(`${t.backend.siteUrl}/SitePages/Home.aspx`, spFor, true);
    expect(ok).toMatchObject({ ok: true, siteVersion: SCHEMA_VERSION });
    expect(siteCheckMessage(ok)).toBe("");
  });
});

describe("views and groups a run cut short or a hand left behind (issue 31 item 7)", () => {
  test("a default view still titled \"All Items\", with SharePoint's query and not default, is planned for repair and set right", async () => {
    await setupAs().run();
    const meta = t.backend.store.list("PD_Agreements")!.meta;
    const all = meta.views.find((v) => v.fileName === "AllItems.aspx")!;
    const due = meta.views.find((v) => v.fileName !== "AllItems.aspx")!;
    // As a createList cut short before its default view was made the schema's, and a view made default by hand.
    Object.assign(all, { title: "All Items", viewQuery: '<OrderBy><FieldRef Name="ID" /></OrderBy>', defaultView: false });
    due.defaultView = true;
    const plan = await setupAs().plan();
    expect(plan.upToDate).toBe(false);
    const steps = plan.steps.filter((s) => s.kind === "updateView");
    expect(steps).toEqual([{ kind: "updateView", list: "PD_Agreements", view: "AllItems.aspx", viewId: all.id, displayName: "協定台帳", found: "All Items", changes: ["title", "query", "default"] }]);
    expect(stepText(steps[0])).toBe("ビュー「協定台帳」（サイトでは「All Items」）の名前、並び順・絞り込み、既定のビューの指定をアプリの設定に合わせる");
    await setupAs().run();
    expect(siteAsSchema()).toEqual(schemaAsSite());
    const views = t.backend.store.list("PD_Agreements")!.meta.views;
    expect(views.map((v) => [v.fileName, v.title, v.defaultView])).toEqual([
      ["AllItems.aspx", "協定台帳", true],
      [due.fileName, due.title, false],
    ]);
    expect((await setupAs().plan()).upToDate).toBe(true);
  });

  test("a view whose query differs from the schema's (sorting changed by hand) is planned for repair", async () => {
    await setupAs().run();
    const v = t.backend.store.list("PD_Partners")!.meta.views[0];
    const want = v.viewQuery;
    v.viewQuery = '<OrderBy><FieldRef Name="Modified" Ascending="FALSE" /></OrderBy>';
    expect((await setupAs().plan()).steps).toEqual([
      { kind: "updateView", list: "PD_Partners", view: "AllItems.aspx", viewId: v.id, displayName: "すべての企業等", found: "すべての企業等", changes: ["query"] },
      { kind: "recordVersion", from: SCHEMA_VERSION, to: SCHEMA_VERSION },
    ]);
    await setupAs().run();
    expect(t.backend.store.list("PD_Partners")!.meta.views[0].viewQuery).toBe(want);
  });

  test("a department's group deleted by hand: the plan says it comes back empty and who must be added; a new department's group is simply made", async () => {
    await setupAs().run();
    const data = t.dataAs(7);
    await data.departments.add({ title: "総務部 防災課", code: "somu-bosai", departmentName: "総務部", divisionName: "防災課", sectionName: "", teamId: "", channelId: "", isCoordinator: false, sortOrder: 1, active: true, groupLogin: "" });
    await setupAs().run();
    await data.departments.add({ title: "健康福祉部 健康推進課", code: "kenko-suishin", departmentName: "健康福祉部", divisionName: "健康推進課", sectionName: "", teamId: "", channelId: "", isCoordinator: false, sortOrder: 2, active: true, groupLogin: "" });
    // The site owner deletes the department's group and the members' group (SharePoint drops their assignments too).
    const sec = t.backend.store.site("/sites/partnership")!.security;
    const gone = sec.groups.filter((g) => g.Title === "Partnership Desk Dept somu-bosai" || g.Title === "Partnership Desk Members").map((g) => g.Id);
    sec.groups = sec.groups.filter((g) => !gone.includes(g.Id));
    const drop = (s: { principalId: number }[] | undefined) => s?.splice(0, s.length, ...s.filter((a) => !gone.includes(a.principalId)));
    drop(sec.web);
    Object.values(sec.lists).forEach(drop);
    Object.values(sec.items ?? {}).forEach(drop);
    const plan = await setupAs().plan();
    const groups = plan.steps.filter((s) => s.kind === "createGroup");
    expect(groups).toEqual([
      { kind: "createGroup", group: "Partnership Desk Members", recreated: { role: "members" } },
      { kind: "createGroup", group: "Partnership Desk Dept somu-bosai", recreated: { department: "somu-bosai" } },
      { kind: "createGroup", group: "Partnership Desk Dept kenko-suishin" },
    ]);
    expect(stepText(groups[1])).toBe(
      "SharePoint グループ「Partnership Desk Dept somu-bosai」を作り直す — このグループは以前の準備で作られましたが、サイトにありません（削除された可能性があります）。作り直したグループは空です。部署 somu-bosai の職員をメンバーに追加するまで、その人たちは包括連携デスクを使えません（部署の行も見られません）。",
    );
    expect(stepText(groups[0])).toContain("部署の職員をメンバーに追加するまで");
    expect(stepText(groups[2])).toBe("SharePoint グループ「Partnership Desk Dept kenko-suishin」を作成");
  });
});
