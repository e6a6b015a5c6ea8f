import { startTestBackend, TestBackend, restAs } from "../helpers/backend";
import { refusal } from "../helpers/refusal";
import { ResultsService } from "../../src/data/services/ResultsService";
import { CycleService } from "../../src/data/services/CycleService";
import { NotificationService } from "../../src/data/services/NotificationService";
import { GraphTeamsNotifier } from "../../src/data/graph/GraphTeamsNotifier";
import { graphForUrl } from "../../src/data/graph/graphForUrl";
import { RuleError } from "../../src/data/services/ServiceBase";
import type { CurrentUser } from "../../src/data/contracts";
import { callStatusBoard } from "../../src/domain/calls";
import { reportingStatus, yearTotals } from "../../src/domain/results";
import type { Department } from "../../src/domain/types";

/**
 * Form 4 「該当なし」 (issue 18): a department with nothing to report for the year hands its
 * Form 4 in as such, into its own submission folder, against the local backend.
 */

let t: TestBackend;
const TODAY = "2027-04-10";
beforeAll(async () => {
  t = await startTestBackend();
});
afterAll(async () => t.stop());

async function results(userId: number): Promise<ResultsService> {
  const data = t.dataAs(userId);
  return new ResultsService(data, await data.currentUser(), TODAY);
}
async function cycle(userId: number): Promise<CycleService> {
  const data = t.dataAs(userId);
  return new CycleService(data, await data.currentUser(), TODAY);
}

/** Rows of the results list as SharePoint stores them (folders aside). */
const stored = (where: (v: Record<string, unknown>, folder: string) => boolean) =>
  [...t.backend.store.list("PD_ResultReports")!.items.values()].filter((x) => x.fsObjType !== 1 && where(x.values, x.folder ?? ""));
const markers = (deptId: number) => stored((v) => v.ResultStatus === "該当なし" && v.DepartmentId === deptId && v.FiscalYear === 2026);

const api = (user: number, path: string, init: { method?: string; xMethod?: string; body?: unknown } = {}) => restAs(t.backend.siteUrl, user, path, init);
const list = "web/getlist('/sites/partnership/Lists/PD_ResultReports')";

let kodomo: Department;
let kenko: Department;
let bosai: Department;

beforeAll(async () => {
  const year = await (await results(7)).year(2026);
  kodomo = year.departments.find((d) => d.code === "kodomo-kosodate")!;
  kenko = year.departments.find((d) => d.code === "kenko-suishin")!;
  bosai = year.departments.find((d) => d.code === "somu-bosai")!;
});

test("a department member hands in 該当なし: refused while it has drafts, then written once into its own submission folder; it then takes no rows", async () => {
  const member = await results(11);
  let year = await member.year(2026);
  expect(year.rows.filter((r) => r.department?.id === kodomo.id)).toHaveLength(0);
  // A draft first: 該当なし is refused until it is deleted.
  await member.saveRow(year, kodomo, { title: "下書きの取組", content: "内容", partner: { id: 1, title: "" }, partnershipItem: null, sectionName: "", matching: null });
  year = await member.year(2026);
  expect(((await refusal(member.submitNothingToReport(year, kodomo))) as RuleError).problems).toEqual([{ field: "rows", code: "draftsExist" }]);
  expect(markers(kodomo.id)).toHaveLength(0);
  await member.deleteRow(year, kodomo, year.rows.find((r) => r.department?.id === kodomo.id)!);

  const done = await member.submitNothingToReport(await member.year(2026), kodomo);
  expect(done).toMatchObject({ fiscalYear: 2026, department: { id: kodomo.id } });
  // In the department's submission folder, like a submitted row; no partner, no row counted.
  const [row] = markers(kodomo.id);
  expect(row.folder).toBe("kodomo-kosodate-2026");
  expect(row.values).toMatchObject({ Title: "該当なし", Content: "令和8年度は報告する実績がありません（該当なし）。" });
  expect(row.values.PartnerId ?? null).toBeNull();
  // A second click (or a retry) writes nothing.
  expect((await member.submitNothingToReport(await member.year(2026), kodomo)).id).toBe(done.id);
  expect(markers(kodomo.id)).toHaveLength(1);

  year = await member.year(2026);
  expect(year.rows.filter((r) => r.department?.id === kodomo.id)).toHaveLength(0);
  expect(year.nothingToReport.map((n) => n.department.id)).toEqual([kodomo.id]);
  // After 該当なし the year takes no rows, from the department or the coordinator.
  const row2 = { title: "あとから", content: "内容", partner: { id: 1, title: "" }, partnershipItem: null, sectionName: "", matching: null };
  expect(((await refusal(member.saveRow(year, kodomo, row2))) as RuleError).problems).toEqual([{ field: "status", code: "nothingToReportSubmitted" }]);
  expect(((await refusal((await results(7)).saveRow(await (await results(7)).year(2026), kodomo, row2))) as RuleError).problems).toEqual([{ field: "status", code: "nothingToReportSubmitted" }]);
  expect(((await refusal(member.submit(year, kodomo))) as RuleError).problems).toEqual([{ field: "status", code: "nothingToReportSubmitted" }]);
  // SharePoint protects it like a submitted row: the department cannot change or delete it.
  expect((await api(11, `${list}/items(${row.Id})`, { method: "POST", xMethod: "MERGE", body: { Title: "書き換え" } })).status).toBe(403);
  expect((await api(11, `${list}/items(${row.Id})`, { method: "POST", xMethod: "DELETE" })).status).toBe(403);
  const audit = await t.dataAs(7).auditLog.list({ where: [{ prop: "entityList", op: "eq", value: "ResultReports" }] });
  expect(audit.filter((a) => a.title === `別紙④を該当なしで提出（${kodomo.title}）`)).toHaveLength(1);
});

test("該当なし counts as reported: the call's board (distinct from 提出済 and 未提出), no reminder, the publication's N of M; totals unaffected", async () => {
  const coord = await cycle(7);
  const year = await coord.year(2026);
  const call = year.calls.find((c) => c.form === "form4" && c.status === "open")!;
  const board = callStatusBoard(call, { resultReports: year.resultReports }, TODAY);
  expect(board.find((r) => r.recipient.id === kodomo.id)).toMatchObject({ state: "nothingToReport", submissions: 0 });
  expect(board.find((r) => r.recipient.id === bosai.id)?.state).toBe("notYet");

  const data = t.dataAs(7);
  const notifications = new NotificationService(data, new GraphTeamsNotifier(graphForUrl(`${t.backend.url}/graph`)));
  const sent = await coord.remind(call, year, notifications, (d) => `<p>${d.title}: 実績報告をお願いします</p>`);
  expect(sent.length).toBeGreaterThan(0);
  expect(sent.map((n) => n.department?.id)).not.toContain(kodomo.id);
  expect(sent.map((n) => n.department?.id)).toContain(bosai.id);
  const reminders = await data.notifications.list({ where: [{ prop: "kind", op: "eq", value: "callReminder" }] });
  expect(reminders.filter((n) => n.department?.id === kodomo.id)).toHaveLength(0);

  const r = await (await results(7)).year(2026);
  const status = reportingStatus({ calls: r.calls, departments: r.departments, rows: r.rows, nothingToReport: r.nothingToReport });
  expect(status.nothingToReport).toEqual([kodomo.title]);
  expect(status.missing).not.toContain(kodomo.title);
  expect(status.reported).toBe(1);
  // No fake row: the totals of the year (and of the five years) count nothing for it.
  expect(yearTotals(r.rows, r.items, r.agreements).total).toBe(0);
  expect((await (await results(7)).fiveYears(2026)).some((x) => x.fiscalYear === 2026)).toBe(false);
});

test("a hostile member cannot hand in 該当なし for another department: refused by the product, and by SharePoint through the REST API and the product's own write", async () => {
  const hostile = await results(12);
  const year = await hostile.year(2026);
  await expect(hostile.submitNothingToReport(year, kenko)).rejects.toMatchObject({ kind: "forbidden" });
  // Straight to SharePoint, into the other department's submission folder: 403.
  const values = [
    { FieldName: "Title", FieldValue: "該当なし" },
    { FieldName: "FiscalYear", FieldValue: "2026" },
    { FieldName: "Department", FieldValue: String(kenko.id) },
    { FieldName: "RowNo", FieldValue: "1" },
    { FieldName: "Content", FieldValue: "報告する実績がありません（該当なし）。" },
    { FieldName: "ResultStatus", FieldValue: "該当なし" },
  ];
  const r = await api(12, `${list}/AddValidateUpdateItemUsingPath()`, {
    method: "POST",
    body: { listItemCreateInfo: { FolderPath: { DecodedUrl: "/sites/partnership/Lists/PD_ResultReports/kenko-suishin-2026" }, UnderlyingObjectType: 0 }, formValues: values, bNewDocumentUpdate: false },
  });
  expect(r.status).toBe(403);
  // The product's own write with a forged idea of the user's departments: SharePoint still refuses.
  const data = t.dataAs(12);
  const forged: CurrentUser = { ...(await data.currentUser()), departmentCodes: ["somu-bosai", "kenko-suishin"] };
  const e = (await refusal(new ResultsService(data, forged, TODAY).submitNothingToReport(year, kenko))) as RuleError;
  expect(e.problems).toEqual([{ field: "status", code: "submissionClosed" }]);
  expect(markers(kenko.id)).toHaveLength(0);
  // Nor may it withdraw another's 該当なし (only the coordinators withdraw).
  await expect(hostile.withdrawNothingToReport(year, kodomo)).rejects.toMatchObject({ kind: "forbidden" });
  expect(markers(kodomo.id)).toHaveLength(1);
});

test("a 該当なし whose answer is lost after SharePoint stored it is not written twice: read back, and a retry adds nothing", async () => {
  // 兼務 四郎, a clerk of 子育て支援課 and 健康推進課, for 健康推進課.
  const member = await results(13);
  const year = await member.year(2026);
  const before = t.backend.requestCount();
  t.backend.faults.set({ spDropAfterCommit: 1 });
  const done = await member.submitNothingToReport(year, kenko);
  expect(t.backend.faults.state.spDropAfterCommit).toBe(0);
  expect(t.backend.requestCount() - before).toBeLessThan(10);
  expect(done.department.id).toBe(kenko.id);
  expect(markers(kenko.id)).toHaveLength(1);
  expect((await member.submitNothingToReport(await member.year(2026), kenko)).id).toBe(done.id);
  expect(markers(kenko.id)).toHaveLength(1);
});

test("the coordinator withdraws a 該当なし (reopens): the department then reports rows; publishing shows no fake row and names the 該当なし departments apart", async () => {
  const coord = await results(7);
  const member = await results(13);
  expect(await coord.withdrawNothingToReport(await coord.year(2026), kenko)).toBe(1);
  expect(markers(kenko.id)).toHaveLength(0);
  let year = await member.year(2026);
  expect(year.nothingToReport.map((n) => n.department.id)).toEqual([kodomo.id]);
  await member.saveRow(year, kenko, { title: "健康ウォーキング", content: "企業と共催", partner: { id: 1, title: "" }, partnershipItem: null, sectionName: "", matching: null });
  expect(await member.submit(await member.year(2026), kenko)).toBe(1);
  // With rows handed in, 該当なし is refused.
  expect(((await refusal(member.submitNothingToReport(await member.year(2026), kenko))) as RuleError).problems).toEqual([{ field: "rows", code: "alreadySubmitted" }]);

  expect(await coord.publish(await coord.year(2026))).toBe(1);
  year = await coord.year(2026);
  expect(year.published!.rows.map((r) => r.title)).toEqual(["健康ウォーキング"]);
  expect(year.published!.nothingToReport).toEqual([{ id: kodomo.id, title: kodomo.title }]);
  expect(year.rows.map((r) => [r.department?.id, r.status])).toEqual([[kenko.id, "published"]]);
  expect(yearTotals(year.rows, year.items, year.agreements).total).toBe(1);
  // The year is locked: the department can no longer hand anything in.
  expect(((await refusal((await results(12)).submitNothingToReport(await (await results(12)).year(2026), bosai))) as RuleError).problems).toEqual([{ field: "status", code: "submissionClosed" }]);
  const audit = await t.dataAs(7).auditLog.list({ where: [{ prop: "entityList", op: "eq", value: "ResultReports" }] });
  expect(audit.map((a) => a.title)).toEqual(expect.arrayContaining([`別紙④の該当なしを取り消し（${kenko.title}）`, `別紙④を該当なしで提出（${kenko.title}）`]));
});
