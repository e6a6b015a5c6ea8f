import { startTestBackend, TestBackend, restAs } from "../helpers/backend";
import { ResultsService } from "../../src/data/services/ResultsService";
import { CycleService } from "../../src/data/services/CycleService";
import { MatchingService } from "../../src/data/services/MatchingService";
import { AgreementService } from "../../src/data/services/AgreementService";
import { RowAnomalyService } from "../../src/data/services/RowAnomalyService";
import { callStatusBoard } from "../../src/domain/calls";
import type { Department } from "../../src/domain/types";

/**
 * A row counts only where its folder says it belongs (issue 31, item 1). A hostile member of
 * 総務部 防災課 (user 12) writes, through SharePoint's REST API, rows into its *own* folders that
 * SharePoint accepts — it may write there — but whose columns lie: another department, a status it
 * never went through. None is counted, shown as another's or published; each is listed for the
 * coordinator with who wrote it and where.
 */

let t: TestBackend;
const TODAY = "2027-04-10";
beforeAll(async () => {
  t = await startTestBackend();
});
afterAll(async () => t.stop());

const HOSTILE = 12;
const api = (user: number, path: string, init: { method?: string; xMethod?: string; body?: unknown } = {}) => restAs(t.backend.siteUrl, user, path, init);
const list = (name: string) => `web/getlist('/sites/partnership/Lists/${name}')`;
/** A row written by `user` straight into a folder of a list, as SharePoint's forms do; resolves with its id. */
async function addIn(user: number, listName: string, folder: string, values: Record<string, string | number>): Promise<number> {
  const formValues = Object.entries(values).map(([FieldName, v]) => ({ FieldName, FieldValue: String(v) }));
  const r = await api(user, `${list(listName)}/AddValidateUpdateItemUsingPath()`, { method: "POST", body: { listItemCreateInfo: { FolderPath: { DecodedUrl: `/sites/partnership/Lists/${listName}/${folder}` }, UnderlyingObjectType: 0 }, formValues, bNewDocumentUpdate: false } });
  expect(r.status).toBe(200);
  const out = (await r.json()) as { value: Array<{ FieldName: string; FieldValue: string; HasException: boolean }> };
  expect(out.value.filter((x) => x.HasException)).toEqual([]);
  return Number(out.value.find((x) => x.FieldName === "Id")!.FieldValue);
}

const results = async (user: number) => {
  const data = t.dataAs(user);
  return new ResultsService(data, await data.currentUser(), TODAY);
};
const cycle = async (user: number) => {
  const data = t.dataAs(user);
  return new CycleService(data, await data.currentUser(), TODAY);
};
const anomalies = async (fy = 2026) => {
  const data = t.dataAs(7);
  return new RowAnomalyService(data, await data.currentUser(), TODAY).year(fy);
};

let kodomo: Department;
let kenko: Department;
let bosai: Department;
beforeAll(async () => {
  const year = await (await results(7)).year(2026);
  kodomo = year.departments.find((d) => d.code === "kodomo-kosodate")!;
  kenko = year.departments.find((d) => d.code === "kenko-suishin")!;
  bosai = year.departments.find((d) => d.code === "somu-bosai")!;
});

test("a 提出済 Form 2 row a member writes into its own drafts' folder after the deadline is not counted as submitted; the coordinator sees it as an anomaly", async () => {
  const coord = await cycle(7);
  const before = await coord.year(2026);
  const call = before.calls.find((c) => c.form === "form2")!;
  const count = (y: typeof before) => callStatusBoard(call, { cityProposals: y.cityProposals }, TODAY).find((r) => r.recipient.id === bosai.id)!.submissions;
  const id = await addIn(HOSTILE, "PD_CityProposals", "somu-bosai", { Title: "締切後の提出", FiscalYear: 2026, Department: bosai.id, Content: "締切後に書いた", ProposalStatus: "提出済" });
  const after = await coord.year(2026);
  expect(after.cityProposals.map((p) => p.id)).not.toContain(id);
  expect(count(after)).toBe(count(before));
  expect((await anomalies()).find((a) => a.list === "cityProposals" && a.id === id)).toMatchObject({ list: "cityProposals", author: { id: HOSTILE, title: "防災 次郎" }, folder: "/sites/partnership/Lists/PD_CityProposals/somu-bosai", problem: "wrongState" });
});

test("a Form 4 row naming another department, in the member's own submission folder, is not that department's nor counted", async () => {
  const id = await addIn(HOSTILE, "PD_ResultReports", "somu-bosai-2026", { Title: "偽の実績", FiscalYear: 2026, Department: kodomo.id, RowNo: 1, Content: "子育て支援課の名で", Partner: 1, ResultStatus: "提出済" });
  for (const user of [7, 11]) {
    const year = await (await results(user)).year(2026);
    expect(year.rows.map((r) => r.id)).not.toContain(id);
  }
  expect((await (await results(7)).fiveYears(2026)).map((r) => r.id)).not.toContain(id);
  expect((await anomalies()).find((a) => a.list === "resultReports" && a.id === id)).toMatchObject({ list: "resultReports", department: { id: kodomo.id }, author: { title: "防災 次郎" }, folder: "/sites/partnership/Lists/PD_ResultReports/somu-bosai-2026", problem: "otherDepartment" });
});

test("a 該当なし naming another department does not block that department from reporting its results", async () => {
  const id = await addIn(HOSTILE, "PD_ResultReports", "somu-bosai-2026", { Title: "該当なし", FiscalYear: 2026, Department: kenko.id, RowNo: 1, Content: "報告する実績がありません（該当なし）。", ResultStatus: "該当なし" });
  const victim = await results(13); // 兼務 四郎, of 健康推進課 among others
  const year = await victim.year(2026);
  expect(year.nothingToReport.map((n) => n.department.id)).not.toContain(kenko.id);
  await victim.saveRow(year, kenko, { title: "健康教室", content: "食と健康の講座", partner: { id: 1, title: "" }, partnershipItem: null, sectionName: "", matching: null });
  expect((await victim.year(2026)).rows.filter((r) => r.department?.id === kenko.id && r.title === "健康教室")).toHaveLength(1);
  expect((await anomalies()).find((a) => a.list === "resultReports" && a.id === id)).toMatchObject({ problem: "otherDepartment", author: { title: "防災 次郎" } });
});

test("a submitted row whose SourceId names another department's draft hides nothing, and the victim's own 提出 copies its draft and deletes nothing it did not make", async () => {
  const victim = await results(11);
  // The victim's own draft, in its own folder.
  const draft = { id: await addIn(11, "PD_ResultReports", "kodomo-kosodate", { Title: "見守り活動", FiscalYear: 2026, Department: kodomo.id, RowNo: 2, Content: "地域の見守り", Partner: 1, ResultStatus: "下書き" }) };
  let year = await victim.year(2026);
  // Named as the attacker's own row (placed) and as the victim's (misplaced): neither stands for the victim's draft.
  const own = await addIn(HOSTILE, "PD_ResultReports", "somu-bosai-2026", { Title: "偽の写し", FiscalYear: 2026, Department: bosai.id, RowNo: 1, Content: "偽の本文", Partner: 1, ResultStatus: "提出済", SourceId: draft.id });
  const named = await addIn(HOSTILE, "PD_ResultReports", "somu-bosai-2026", { Title: "偽の写し", FiscalYear: 2026, Department: kodomo.id, RowNo: 1, Content: "偽の本文", Partner: 1, ResultStatus: "提出済", SourceId: draft.id });
  year = await victim.year(2026);
  expect(year.rows.map((r) => r.id)).toContain(draft.id);
  expect(year.rows.map((r) => r.id)).not.toContain(named);
  const drafts = year.rows.filter((r) => r.department?.id === kodomo.id && r.status === "draft").length;
  expect(await victim.submit(year, kodomo)).toBe(drafts);
  const stored = [...t.backend.store.list("PD_ResultReports")!.items.values()];
  const copy = stored.find((x) => x.values.SourceId === draft.id && x.folder === "kodomo-kosodate-2026");
  expect(copy?.values).toMatchObject({ Title: "見守り活動", Content: "地域の見守り", ResultStatus: "提出済" });
  expect(stored.map((x) => x.Id)).toEqual(expect.arrayContaining([own, named]));
  const mine = (await victim.year(2026)).rows.filter((r) => r.department?.id === kodomo.id);
  expect(mine.find((r) => r.id === copy!.Id)).toMatchObject({ title: "見守り活動", status: "submitted" });
  expect(mine.filter((r) => r.title === "偽の写し" || r.status === "draft")).toEqual([]);
});

test("a 実施希望 naming another department is not shown as that department's wish", async () => {
  const data = t.dataAs(7);
  const [matching] = await data.matchings.list({ limit: 1 });
  expect(matching).toBeDefined();
  const id = await addIn(HOSTILE, "PD_ImplementationWishes", "somu-bosai", { Title: "偽の希望", FiscalYear: matching.fiscalYear, Matching: matching.id, Department: kodomo.id, ContactPerson: "防災 次郎" });
  const year = await new MatchingService(data, await data.currentUser(), TODAY).year(matching.fiscalYear);
  expect(year.wishes.map((w) => w.id)).not.toContain(id);
  expect((await anomalies(matching.fiscalYear)).find((a) => a.list === "implementationWishes" && a.id === id)).toMatchObject({ list: "implementationWishes", department: { id: kodomo.id }, problem: "otherDepartment" });
});

/** An agreement (with its own partner) whose survey the coordinator launched for 防災課 only, about the items given. */
async function surveyOf防災課(name: string, items: string[]) {
  const data = t.dataAs(7);
  const coord = new AgreementService(data, await data.currentUser(), TODAY);
  const partner = await coord.savePartner({ name: `株式会社${name}`, kana: "", kind: "company", address: "", contactName: "", contactEmail: "", contactPhone: "", website: "" });
  const started = await coord.start({ title: `${name}の協定`, origin: "partner", partnerId: partner.id, requestedByDepartmentId: null, requestedByExecutives: false, approachDate: "2027-04-01", proposedContent: items.join("と") }, items);
  const story = await coord.story(started.id);
  await coord.launchSurvey(story.agreement, story.items, { briefingDate: "2027-04-20", briefingPlace: "会議室", briefingDepartmentIds: [bosai.id], deadline: "2027-05-10", departmentIds: [bosai.id] });
  return { data, coord, started };
}

test("a survey answer row changed to name another department or another agreement (and one of its items) is not shown as an answer", async () => {
  // The coordinator's rows, as launching the survey makes them: one per department and item, in the department's folder.
  const { data, coord, started } = await surveyOf防災課("フォルダー試験", ["防災に関すること", "子育て支援に関すること"]);
  const story = await coord.story(started.id);
  const [first, second] = story.survey.filter((r) => r.department?.id === bosai.id).map((r) => r.id);
  expect(second).toBeDefined();
  // Another agreement with an item of its own, which 防災課 was never asked about.
  const other = (await data.partnershipItems.list()).find((i) => i.agreement && i.agreement.id !== started.id)!;
  const merge = (id: number, body: Record<string, unknown>) => api(HOSTILE, `${list("PD_SurveyResponses")}/items(${id})`, { method: "POST", xMethod: "MERGE", body });
  expect((await merge(first, { DepartmentId: kodomo.id, SurveyStatus: "回答済", Feasible: true, ProjectIdeas: "子育て課の名で" })).status).toBe(204);
  expect((await merge(second, { AgreementId: other.agreement!.id, PartnershipItemId: other.id, SurveyStatus: "回答済", Feasible: true, ProjectIdeas: "頼まれていない協定に" })).status).toBe(204);
  const ofAgreement = async (id: number) => (await data.surveyResponses.list({ where: [{ prop: "agreement", op: "eq", value: { id, title: "" } }] })).map((r) => r.id);
  expect(await ofAgreement(started.id)).not.toContain(first);
  expect(await ofAgreement(other.agreement!.id)).not.toContain(second);
  expect((await coord.story(other.agreement!.id)).survey.map((r) => r.id)).not.toContain(second);
  expect((await data.surveyResponses.list({ where: [{ prop: "department", op: "eq", value: { id: kodomo.id, title: "" } }] })).map((r) => r.id)).not.toContain(first);
  const found = await anomalies();
  expect(found.find((x) => x.list === "surveyResponses" && x.id === first)).toMatchObject({ problem: "otherDepartment", author: { id: 7 }, folder: "/sites/partnership/Lists/PD_SurveyResponses/somu-bosai" });
  expect(found.find((x) => x.list === "surveyResponses" && x.id === second)).toMatchObject({ problem: "notAsked" });
  // Launching again (a retry) makes the rows the department was asked for again; the altered ones stay out.
  await coord.launchSurvey((await coord.story(started.id)).agreement, story.items, { briefingDate: "2027-04-20", briefingPlace: "会議室", briefingDepartmentIds: [bosai.id], deadline: "2027-05-10", departmentIds: [bosai.id] });
  const again = (await coord.story(started.id)).survey.filter((r) => r.department?.id === bosai.id);
  expect(again).toHaveLength(2);
  expect(again.map((r) => r.id)).not.toContain(first);
  expect(again.map((r) => r.id)).not.toContain(second);
});

test("a survey answer a member rewrites through REST after the decision is not the answer decided on: left out, listed as changedAfterClose; the coordinator's record of the answers is SharePoint-locked to the member (403)", async () => {
  const { data, coord, started } = await surveyOf防災課("決定後試験", ["防災に関すること", "地域安全に関すること"]);
  const memberData = t.dataAs(HOSTILE);
  const member = new AgreementService(memberData, await memberData.currentUser(), TODAY);
  const mine = (await member.story(started.id)).survey.filter((r) => r.department?.id === bosai.id).sort((x, y) => x.id - y.id);
  await member.answerSurvey(mine, new Map(mine.map((r, i) => [r.id, { feasible: i === 0, projectIdeas: i === 0 ? "防災講座" : "", comment: "" }])));
  const story = await coord.story(started.id);
  await coord.decline(story.agreement, "庁内で実施できる事業がないため", "2027-05-20");
  const closedStory = await coord.story(started.id);
  // The panel says when the answers were fixed.
  expect(closedStory.surveyClosedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  const decided = closedStory.survey.filter((r) => r.department?.id === bosai.id).sort((x, y) => x.id - y.id);
  expect(decided.map((r) => [r.feasible, r.projectIdeas])).toEqual([[true, "防災講座"], [false, ""]]);

  // SharePoint still lets the member edit its own rows (its folder holds every survey it is asked)…
  const [first, second] = decided.map((r) => r.id);
  const merge = (id: number, body: Record<string, unknown>) => api(HOSTILE, `${list("PD_SurveyResponses")}/items(${id})`, { method: "POST", xMethod: "MERGE", body });
  expect((await merge(second, { Feasible: true, ProjectIdeas: "決定後に書き換えた事業案" })).status).toBe(204);
  // …but the answer read is the one the decision was made on: the rewritten row is not an answer.
  const after = (await coord.story(started.id)).survey.filter((r) => r.department?.id === bosai.id);
  expect(after.map((r) => r.id)).toEqual([first]);
  expect(after[0].projectIdeas).toBe("防災講座");
  const found = await anomalies();
  expect(found.find((x) => x.list === "surveyResponses" && x.id === second)).toMatchObject({ problem: "changedAfterClose", author: { id: 7 }, editor: { id: HOSTILE }, folder: "/sites/partnership/Lists/PD_SurveyResponses/somu-bosai" });
  expect(found.find((x) => x.list === "surveyResponses" && x.id === first)).toBeUndefined();

  // The record of the answers at the decision is a setting the member may read but not write.
  const [record] = await data.settings.list({ where: [{ prop: "key", op: "eq", value: `survey:${started.id}` }] });
  expect(JSON.parse(record.value).closed.digests).toHaveLength(2);
  const forged = await api(HOSTILE, `${list("PD_PartnershipSettings")}/items(${record.id})`, { method: "POST", xMethod: "MERGE", body: { SettingValue: record.value.replace(/"closed".*$/, '"x":0}') } });
  expect(forged.status).toBe(403);
  const deleted = await api(HOSTILE, `${list("PD_PartnershipSettings")}/items(${record.id})`, { method: "POST", xMethod: "DELETE" });
  expect(deleted.status).toBe(403);

  // Put back as it was, the answer counts again.
  expect((await merge(second, { Feasible: false, ProjectIdeas: "" })).status).toBe(204);
  expect((await coord.story(started.id)).survey.filter((r) => r.department?.id === bosai.id)).toHaveLength(2);
});

test("a 公表済 Form 4 row a member writes into its own folder of a published year (reopened for a late report) is not shown as published nor counted, nor published in the next edition; the coordinator sees it as an anomaly", async () => {
  const coord = await results(7);
  const before = await coord.year(2025);
  expect(before.published).not.toBeNull();
  const shownPublished = (y: typeof before) => y.rows.filter((r) => r.status === "published").length;
  expect(shownPublished(before)).toBe(before.published!.rows.length);
  // The coordinator reopens 子育て支援課's folder of the published year for a late report.
  await t.dataAs(7).submissions.open("resultReports", 2025, ["kodomo-kosodate"]);
  const id = await addIn(11, "PD_ResultReports", "kodomo-kosodate-2025", { Title: "公表済を名乗る実績", FiscalYear: 2025, Department: kodomo.id, RowNo: 99, Content: "公表されていない本文", Partner: 1, ResultStatus: "公表済" });
  for (const user of [7, 11]) {
    const year = await (await results(user)).year(2025);
    expect(year.rows.map((r) => r.id)).not.toContain(id);
    expect(year.rows.length).toBe(before.rows.length);
    expect(shownPublished(year)).toBe(year.published!.rows.length);
  }
  expect((await coord.fiveYears(2026)).map((r) => r.id)).not.toContain(id);
  // Nor on the year's call board (what the coordinator counts as handed in).
  expect((await (await cycle(7)).year(2025)).resultReports.map((r) => r.id)).not.toContain(id);
  expect((await anomalies(2025)).find((a) => a.list === "resultReports" && a.id === id)).toMatchObject({ department: { id: kodomo.id }, author: { id: 11 }, folder: "/sites/partnership/Lists/PD_ResultReports/kodomo-kosodate-2025", problem: "notPublished" });
  // Publishing the year again (a second edition) does not publish it either.
  await coord.publish(await coord.year(2025));
  const again = await coord.year(2025);
  expect(again.published!.edition).toBe(before.published!.edition + 1);
  expect(again.published!.rows.map((r) => r.id)).not.toContain(id);
  expect(again.published!.rows.length).toBe(before.published!.rows.length);
});

test("publishing the year publishes none of the forged rows", async () => {
  const coord = await results(7);
  await coord.publish(await coord.year(2026));
  const year = await coord.year(2026);
  const forged = (await anomalies()).filter((x) => x.list === "resultReports").map((x) => x.id);
  expect(forged.length).toBeGreaterThanOrEqual(3);
  expect(year.published!.rows.map((r) => r.id).filter((id) => forged.includes(id))).toEqual([]);
  expect(year.published!.rows.some((r) => r.title === "偽の実績" || (r.title === "偽の写し" && r.department?.id === kodomo.id))).toBe(false);
  expect(year.published!.nothingToReport.map((d) => d.id)).not.toContain(kenko.id);
});
