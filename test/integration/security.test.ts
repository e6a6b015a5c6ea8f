import { startTestBackend, TestBackend, restAs } from "../helpers/backend";
import { spForUrl } from "../../src/data/sp/spForUrl";
import { SiteSetup } from "../../src/data/setup/SiteSetup";
import { allLists, listUrlName, parseSubmissionFolder, siteGroups } from "../../src/data/schema/listSchema";
import type { AccessLevel } from "../../src/data/schema/fieldTypes";
import { entraGroups } from "../../dev/backend/users";

/**
 * The security model as site setup leaves it, enforced by the backend the way SharePoint
 * does: role assignments on each list, effective permissions, inheritance, and refusals of
 * what a user's permission level does not allow — tried through the REST API.
 */

let t: TestBackend;
beforeAll(async () => {
  t = await startTestBackend();
});
afterAll(async () => t.stop());

const site = () => t.backend.store.site("/sites/partnership")!;
const api = (user: number, path: string, init: { method?: string; xMethod?: string; body?: unknown } = {}) => restAs(t.backend.siteUrl, user, path, init);
const list = (name: string) => `web/getlist('/sites/partnership/Lists/${name}')`;

test("every product list has its own permissions: the site's owners (Full Control) and the product's groups at the schema's levels, nothing else", () => {
  const sec = site().security;
  const role = (id: number) => sec.roleDefs.find((r) => r.Id === id)!;
  // "own": Read on the list; each department writes in its own folder (next test).
  const levelName: Record<AccessLevel, string | null> = { write: "投稿", manage: "管理（包括連携デスク）", own: "閲覧", add: "追加のみ（包括連携デスク）", read: "閲覧", none: null };
  for (const def of allLists) {
    const state = t.backend.store.list(listUrlName(def))!;
    const scope = sec.lists[state.meta.id];
    expect({ list: def.title, unique: scope !== undefined }).toEqual({ list: def.title, unique: true });
    const got = scope!.map((a) => [sec.groups.find((g) => g.Id === a.principalId)?.Title, a.roleDefIds.map((r) => role(r).Name).sort().join("+")]).sort();
    const want = [["包括連携デスク 所有者", "フル コントロール"]];
    (["coordinators", "members", "visitors"] as const).forEach((k) => {
      const n = levelName[def.permissions[k]];
      if (n) want.push([siteGroups[k], n]);
    });
    expect({ list: def.title, got }).toEqual({ list: def.title, got: want.sort() });
  }
  expect(sec.roleDefs.find((r) => r.Name === "追加のみ（包括連携デスク）")!.BasePermissions).toEqual({ High: 176, Low: 138612835 });
});

test("a visitor cannot read partners' proposals, notifications or the audit trail (403); it can read the register", async () => {
  for (const name of ["PD_PartnerProposals", "PD_Notifications", "PD_AuditLog"]) expect({ name, status: (await api(15, `${list(name)}/items`)).status }).toEqual({ name, status: 403 });
  expect((await api(15, `${list("PD_Agreements")}/items?$top=1`)).status).toBe(200);
});

test("no department member changes or deletes an audit entry (Add only), though each can add one; only the site's owners keep Full Control", async () => {
  for (const user of [11, 12]) {
    const added = await api(user, `${list("PD_AuditLog")}/items`, { method: "POST", body: { Title: "テスト", EntityList: "Agreements", EntityId: 1, AuditAction: "変更" } });
    expect(added.status).toBe(201);
    const id = ((await added.json()) as { Id: number }).Id;
    expect((await api(user, `${list("PD_AuditLog")}/items(${id})`, { method: "POST", xMethod: "MERGE", body: { Title: "書き換え" } })).status).toBe(403);
    expect((await api(user, `${list("PD_AuditLog")}/items(${id})`, { method: "POST", xMethod: "DELETE" })).status).toBe(403);
  }
});

test("an audit entry's who and when are SharePoint's own (Author, Created): a member cannot write one in someone else's name or at another time", async () => {
  const forged = await api(11, `${list("PD_AuditLog")}/items`, { method: "POST", body: { Title: "偽の記録", EntityList: "Agreements", EntityId: 1, AuditAction: "公表", AuthorId: 7, Created: "2020-01-01T00:00:00Z" } });
  expect(forged.status).toBe(400);
  const honest = await api(11, `${list("PD_AuditLog")}/items`, { method: "POST", body: { Title: "記録", EntityList: "Agreements", EntityId: 1, AuditAction: "変更" } });
  const id = ((await honest.json()) as { Id: number }).Id;
  const read = (await (await api(7, `${list("PD_AuditLog")}/items(${id})?$select=Author/Title,Created&$expand=Author`)).json()) as { Author: { Title: string }; Created: string };
  expect(read.Author.Title).toBe("子育 太郎");
  expect(Date.now() - Date.parse(read.Created)).toBeLessThan(60000);
  // The product's trail reads exactly those.
  const entries = await t.dataAs(7).auditLog.list({ where: [{ prop: "entityList", op: "eq", value: "Agreements" }] });
  expect(entries.find((e) => e.id === id)).toMatchObject({ actor: { title: "子育 太郎" } });
});

test("what a Read or Contribute user may not do to the site is refused: rename a list, add a column, make a group, change permissions", async () => {
  expect((await api(11, list("PD_Agreements"), { method: "POST", xMethod: "MERGE", body: { Title: "乗っ取り" } })).status).toBe(403);
  expect((await api(7, list("PD_Agreements"), { method: "POST", xMethod: "MERGE", body: { Title: "協定台帳" } })).status).toBe(204); // the owner may
  await api(7, list("PD_Agreements"), { method: "POST", xMethod: "MERGE", body: { Title: "包括連携協定" } });
  expect((await api(11, `${list("PD_Partners")}/fields/createfieldasxml`, { method: "POST", body: { parameters: { SchemaXml: '<Field Type="Text" Name="X" DisplayName="X" />' } } })).status).toBe(403);
  expect((await api(11, "web/sitegroups", { method: "POST", body: { Title: "勝手なグループ" } })).status).toBe(403);
  expect((await api(11, `${list("PD_Agreements")}/breakroleinheritance(copyroleassignments=true, clearsubscopes=true)`, { method: "POST" })).status).toBe(403);
  const members = site().security.groups.find((g) => g.Title === siteGroups.members)!;
  expect((await api(11, `${list("PD_Agreements")}/roleassignments/addroleassignment(principalid=${members.Id}, roledefid=1073741827)`, { method: "POST" })).status).toBe(403);
  expect((await api(11, `web/sitegroups/getbyid(${members.Id})/users`, { method: "POST", body: { LoginName: "i:0#.f|membership|saburo.etsuran@city.kiyose.example.lg.jp" } })).status).toBe(403);
});

test("permissions changed by hand show as drift in setup's plan, and setup repairs them", async () => {
  const visitors = site().security.groups.find((g) => g.Title === siteGroups.visitors)!;
  const r = await api(7, `${list("PD_Agreements")}/roleassignments/addroleassignment(principalid=${visitors.Id}, roledefid=1073741827)`, { method: "POST" });
  expect(r.status).toBe(200);
  const setup = new SiteSetup(spForUrl(t.backend.siteUrl, { "X-PD-User": "7" }), t.backend.siteUrl);
  const plan = await setup.plan();
  expect(plan.steps).toEqual([{ kind: "revoke", list: "PD_Agreements", displayName: "包括連携協定", principal: siteGroups.visitors, principalId: visitors.Id, role: "contribute", drift: true }]);
  await setup.run();
  expect((await setup.plan()).upToDate).toBe(true);
  expect((await api(15, `${list("PD_Agreements")}/items(1)`, { method: "POST", xMethod: "MERGE", body: { Title: "x" } })).status).toBe(403);
});

test("the role comes from effective permissions: staff reached through an Entra group nested in the coordinators' group are coordinators", async () => {
  const coordinators = site().security.groups.find((g) => g.Title === siteGroups.coordinators)!;
  const entra = entraGroups[0];
  expect(entra.memberUserIds).toContain(12);
  expect((await t.dataAs(12).currentUser()).role).toBe("member");
  const r = await api(7, `web/sitegroups/getbyid(${coordinators.Id})/users`, { method: "POST", body: { LoginName: entra.LoginName } });
  expect(r.status).toBe(201);
  try {
    // SharePoint lists only direct memberships (pnp/pnpjs #1892) ...
    const groups = (await (await api(12, "web/currentuser/groups")).json()) as { value: { Title: string }[] };
    expect(groups.value.map((g) => g.Title)).not.toContain(siteGroups.coordinators);
    // ... but effective permissions count the nested group.
    expect((await t.dataAs(12).currentUser()).role).toBe("coordinator");
  } finally {
    const sec = JSON.parse(JSON.stringify(site().security)) as ReturnType<typeof site>["security"];
    const g = sec.groups.find((x) => x.Id === coordinators.Id)!;
    g.members = g.members.filter((m) => m !== entra.LoginName);
    t.backend.store.saveSecurity("/sites/partnership", sec);
  }
});

describe("department rows, enforced by SharePoint: one folder per department with its own permissions", () => {
  const folderPath = (listName: string, code: string) => `/sites/partnership/Lists/${listName}/${code}`;
  const deptId = (code: string) => [...t.backend.store.list("PD_Departments")!.items.values()].find((d) => d.values.UnitCode === code)!.Id;
  const addIn = (user: number, listName: string, code: string, values: { FieldName: string; FieldValue: string }[]) =>
    api(user, `${list(listName)}/AddValidateUpdateItemUsingPath()`, { method: "POST", body: { listItemCreateInfo: { FolderPath: { DecodedUrl: folderPath(listName, code) }, UnderlyingObjectType: 0 }, formValues: values, bNewDocumentUpdate: false } });
  const proposal = (code: string) => [
    { FieldName: "Title", FieldValue: "REST から直接" },
    { FieldName: "FiscalYear", FieldValue: "2026" },
    { FieldName: "Department", FieldValue: String(deptId(code)) },
    { FieldName: "Content", FieldValue: "テスト" },
  ];

  test("every department list has a folder per department; only that department's group (and the coordinators) may write in it", () => {
    const sec = site().security;
    const depts = [...t.backend.store.list("PD_Departments")!.items.values()].map((d) => String(d.values.UnitCode));
    let scopes = 0;
    for (const name of ["PD_SurveyResponses", "PD_CityProposals", "PD_ImplementationWishes", "PD_ResultReports"]) {
      const state = t.backend.store.list(name)!;
      // The department folders; a year's submission folders (kodomo-kosodate-2026) are the next test's.
      const folders = [...state.items.values()].filter((x) => x.fsObjType === 1 && !parseSubmissionFolder(String(x.values.Title)));
      expect(folders.map((f) => f.values.Title).sort()).toEqual([...depts].sort());
      for (const f of folders) {
        const scope = sec.items?.[`${state.meta.id}:${f.Id}`];
        expect(scope).toBeDefined();
        scopes++;
        const dept = sec.groups.find((g) => g.Title === `${siteGroups.departmentPrefix}${f.values.Title}`)!;
        // Survey answers: edit only (the coordinator makes the rows); elsewhere Contribute.
        const level = name === "PD_SurveyResponses" ? sec.roleDefs.find((r) => r.Name === "編集のみ（包括連携デスク）")!.Id : 1073741827;
        expect(scope!.find((a) => a.principalId === dept.Id)?.roleDefIds).toEqual([level]);
      }
    }
    expect(scopes).toBe(depts.length * 4);
  });

  test("a member adds to its own department's folder; not to another's, nor at the list's root (403)", async () => {
    const own = await addIn(11, "PD_CityProposals", "kodomo-kosodate", proposal("kodomo-kosodate"));
    expect(own.status).toBe(200);
    const results = ((await own.json()) as { value: { FieldName: string; FieldValue: string; HasException: boolean }[] }).value;
    expect(results.every((r) => !r.HasException)).toBe(true);
    expect((await addIn(11, "PD_CityProposals", "somu-bosai", proposal("somu-bosai"))).status).toBe(403);
    expect((await api(11, `${list("PD_CityProposals")}/items`, { method: "POST", body: { Title: "ルートに", FiscalYear: 2026, DepartmentId: deptId("kodomo-kosodate") } })).status).toBe(403);
  });

  test("a department answers the survey rows made for it, but cannot add an answer it was not asked for, nor delete one (403)", async () => {
    // The coordinator makes the department's row (as starting a survey does), in its folder.
    const asked = await t.dataAs(7).surveyResponses.add({ title: "庁内調査", agreement: { id: 1, title: "" }, department: { id: deptId("kodomo-kosodate"), title: "" }, partnershipItem: null, status: "requested", feasible: false, projectIdeas: "", comment: "", answeredAt: null });
    const mine = t.backend.store.list("PD_SurveyResponses")!.items.get(asked.id)!;
    expect(mine.folder).toBe("kodomo-kosodate");
    expect((await api(11, `${list("PD_SurveyResponses")}/items(${mine.Id})`, { method: "POST", xMethod: "MERGE", body: { Comment: "回答します" } })).status).toBe(204);
    expect((await api(11, `${list("PD_SurveyResponses")}/items(${mine.Id})`, { method: "POST", xMethod: "DELETE" })).status).toBe(403);
    const r = await addIn(11, "PD_SurveyResponses", "kodomo-kosodate", [
      { FieldName: "Title", FieldValue: "頼まれていない回答" },
      { FieldName: "Agreement", FieldValue: String(mine.values.AgreementId) },
      { FieldName: "Department", FieldValue: String(deptId("kodomo-kosodate")) },
      { FieldName: "SurveyStatus", FieldValue: "回答済" },
    ]);
    expect(r.status).toBe(403);
  });

  test("a member cannot change or delete a row in another department's folder (403), and can in its own", async () => {
    const state = t.backend.store.list("PD_CityProposals")!;
    // Drafts (in the department's own folder): the sample rows are all submitted, so make one each.
    await t.dataAs(12).cityProposals.add({ title: "防災の下書き", fiscalYear: 2026, department: { id: deptId("somu-bosai"), title: "" }, partner: { id: 1, title: "" }, partnershipItem: null, content: "下書き", viewpoint: "other", answersProposal: null, status: "draft", call: null, sourceId: null });
    await t.dataAs(11).cityProposals.add({ title: "子育ての下書き", fiscalYear: 2026, department: { id: deptId("kodomo-kosodate"), title: "" }, partner: { id: 1, title: "" }, partnershipItem: null, content: "下書き", viewpoint: "other", answersProposal: null, status: "draft", call: null, sourceId: null });
    const others = [...state.items.values()].find((x) => x.fsObjType !== 1 && x.folder === "somu-bosai")!;
    const mine = [...state.items.values()].find((x) => x.fsObjType !== 1 && x.folder === "kodomo-kosodate")!;
    expect((await api(11, `${list("PD_CityProposals")}/items(${others.Id})`, { method: "POST", xMethod: "MERGE", body: { Content: "書き換え" } })).status).toBe(403);
    expect((await api(11, `${list("PD_CityProposals")}/items(${others.Id})`, { method: "POST", xMethod: "DELETE" })).status).toBe(403);
    expect((await api(11, `${list("PD_CityProposals")}/items(${mine.Id})`, { method: "POST", xMethod: "MERGE", body: { Content: "自部署の修正" } })).status).toBe(204);
  });

  test("a member whose department group holds them through a nested Microsoft 365 group writes in that folder, and the product knows its department", async () => {
    const dept = site().security.groups.find((g) => g.Title === `${siteGroups.departmentPrefix}somu-bosai`)!;
    expect(dept.members).toEqual([entraGroups[0].LoginName]);
    expect((await addIn(12, "PD_CityProposals", "somu-bosai", proposal("somu-bosai"))).status).toBe(200);
    expect(await t.dataAs(12).currentUser()).toMatchObject({ role: "member", departmentCodes: ["somu-bosai"] });
  });

  test("folders never appear as rows in the product", async () => {
    const rows = await t.dataAs(7).cityProposals.list();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.title !== "kodomo-kosodate" && r.department !== null)).toBe(true);
    const raw = (await (await api(7, `${list("PD_CityProposals")}/items?$select=Id,FSObjType&$top=5000`)).json()) as { value: { FSObjType: number }[] };
    expect(raw.value.filter((r) => r.FSObjType === 1).length).toBeGreaterThan(0);
    expect(raw.value.length).toBe(rows.length + raw.value.filter((r) => r.FSObjType === 1).length);
  });

  test("a date is refused in ISO form by AddValidateUpdateItemUsingPath (the site's format only), and nothing is created", async () => {
    const before = t.backend.store.list("PD_CityProposals")!.items.size;
    const r = await addIn(7, "PD_CityProposals", "kodomo-kosodate", [...proposal("kodomo-kosodate"), { FieldName: "AnswerDate", FieldValue: "2026-11-24T00:00:00Z" }]);
    const v = ((await r.json()) as { value: { FieldName: string; HasException: boolean }[] }).value;
    expect(v.find((x) => x.FieldName === "AnswerDate")!.HasException).toBe(true);
    expect(t.backend.store.list("PD_CityProposals")!.items.size).toBe(before);
  });
});

describe("what departments may not change lives where they cannot write (tried through the REST API as a hostile department member)", () => {
  const deptId = (code: string) => [...t.backend.store.list("PD_Departments")!.items.values()].find((d) => d.values.UnitCode === code)!.Id;
  const rowIn = (listName: string, folder: string) => [...t.backend.store.list(listName)!.items.values()].find((x) => x.fsObjType !== 1 && x.folder === folder)!;
  const addIn = (user: number, listName: string, folder: string, values: { FieldName: string; FieldValue: string }[]) =>
    api(user, `${list(listName)}/AddValidateUpdateItemUsingPath()`, { method: "POST", body: { listItemCreateInfo: { FolderPath: { DecodedUrl: `/sites/partnership/Lists/${listName}/${folder}` }, UnderlyingObjectType: 0 }, formValues: values, bNewDocumentUpdate: false } });

  test("the partner's answer is not on the department's row: the column is not there, and the answers' list refuses the department (403)", async () => {
    const own = rowIn("PD_CityProposals", "kodomo-kosodate-2026");
    expect(own).toBeDefined();
    // On its own draft the department may write, but there is no answer column to write to (SharePoint: 400).
    const draft = await t.dataAs(11).cityProposals.add({ title: "下書き", fiscalYear: 2026, department: { id: deptId("kodomo-kosodate"), title: "" }, partner: { id: 1, title: "" }, partnershipItem: null, content: "下書き", viewpoint: "other", answersProposal: null, status: "draft", call: null, sourceId: null });
    expect((await api(11, `${list("PD_CityProposals")}/items(${draft.id})`, { method: "POST", xMethod: "MERGE", body: { PartnerAnswer: "可" } })).status).toBe(400);
    expect((await api(11, `${list("PD_ProposalAnswers")}/items`, { method: "POST", body: { Title: "自分で可にする", FiscalYear: 2026, ProposalId: own.Id, PartnerAnswer: "可" } })).status).toBe(403);
    const answer = [...t.backend.store.list("PD_ProposalAnswers")!.items.values()][0];
    expect((await api(11, `${list("PD_ProposalAnswers")}/items(${answer.Id})`, { method: "POST", xMethod: "MERGE", body: { PartnerAnswer: "否" } })).status).toBe(403);
    // The department reads the answers (they are about its proposals).
    expect((await api(11, `${list("PD_ProposalAnswers")}/items?$top=1`)).status).toBe(200);
  });

  test("a submitted Form 2 row cannot be changed or deleted by its department (403); the department may add to its open submission folder, not to another's", async () => {
    const own = rowIn("PD_CityProposals", "kodomo-kosodate-2026");
    expect((await api(11, `${list("PD_CityProposals")}/items(${own.Id})`, { method: "POST", xMethod: "MERGE", body: { Content: "提出後に書き換え" } })).status).toBe(403);
    expect((await api(11, `${list("PD_CityProposals")}/items(${own.Id})`, { method: "POST", xMethod: "DELETE" })).status).toBe(403);
    const values = (code: string) => [
      { FieldName: "Title", FieldValue: "REST から提出" },
      { FieldName: "FiscalYear", FieldValue: "2026" },
      { FieldName: "Department", FieldValue: String(deptId(code)) },
      { FieldName: "Content", FieldValue: "テスト" },
      { FieldName: "ProposalStatus", FieldValue: "提出済" },
    ];
    expect((await addIn(11, "PD_CityProposals", "kodomo-kosodate-2026", values("kodomo-kosodate"))).status).toBe(200);
    expect((await addIn(11, "PD_CityProposals", "somu-bosai-2026", values("somu-bosai"))).status).toBe(403);
  });

  test("a published year's Form 4 rows cannot be changed, deleted or added to by a department (403); the coordinator still can", async () => {
    const published = rowIn("PD_ResultReports", "kodomo-kosodate-2025");
    expect(published).toBeDefined();
    expect((await api(11, `${list("PD_ResultReports")}/items(${published.Id})`, { method: "POST", xMethod: "MERGE", body: { Content: "公表後に書き換え" } })).status).toBe(403);
    expect((await api(11, `${list("PD_ResultReports")}/items(${published.Id})`, { method: "POST", xMethod: "DELETE" })).status).toBe(403);
    const values = [
      { FieldName: "Title", FieldValue: "公表後に追加" },
      { FieldName: "FiscalYear", FieldValue: "2025" },
      { FieldName: "Department", FieldValue: String(deptId("kodomo-kosodate")) },
      { FieldName: "RowNo", FieldValue: "99" },
      { FieldName: "Content", FieldValue: "テスト" },
      { FieldName: "Partner", FieldValue: "1" },
      { FieldName: "ResultStatus", FieldValue: "提出済" },
    ];
    expect((await addIn(11, "PD_ResultReports", "kodomo-kosodate-2025", values)).status).toBe(403);
    // The publication record and its file: only coordinators write them.
    const pub = [...t.backend.store.list("PD_Publications")!.items.values()][0];
    expect((await api(11, `${list("PD_Publications")}/items(${pub.Id})`, { method: "POST", xMethod: "MERGE", body: { RowCount: 0 } })).status).toBe(403);
    expect((await api(11, `${list("PD_Publications")}/items(${pub.Id})/AttachmentFiles/add(FileName='results-2025-9.json')`, { method: "POST", body: {} })).status).toBe(403);
    expect((await api(7, `${list("PD_ResultReports")}/items(${published.Id})`, { method: "POST", xMethod: "MERGE", body: { SectionName: "係（未来創造課が訂正）" } })).status).toBe(204);
  });

  test("setup keeps submission folders as opened: a level given by hand to a department there is drift, repaired", async () => {
    const state = t.backend.store.list("PD_ResultReports")!;
    const f = [...state.items.values()].find((x) => x.fsObjType === 1 && x.values.Title === "kodomo-kosodate-2026")!;
    const sec = JSON.parse(JSON.stringify(site().security)) as ReturnType<typeof site>["security"];
    const dept = sec.groups.find((g) => g.Title === `${siteGroups.departmentPrefix}kodomo-kosodate`)!;
    sec.items![`${state.meta.id}:${f.Id}`].find((a) => a.principalId === dept.Id)!.roleDefIds.push(1073741827);
    t.backend.store.saveSecurity("/sites/partnership", sec);
    const setup = new SiteSetup(spForUrl(t.backend.siteUrl, { "X-PD-User": "7" }), t.backend.siteUrl);
    const plan = await setup.plan();
    expect(plan.steps.filter((s) => s.kind === "revokeFolder")).toEqual([expect.objectContaining({ folder: "kodomo-kosodate-2026", principal: dept.Title, role: "contribute" })]);
    await setup.run();
    expect((await setup.plan()).upToDate).toBe(true);
  });
});
