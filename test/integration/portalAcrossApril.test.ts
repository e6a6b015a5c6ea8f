import { startTestBackend, TestBackend } from "../helpers/backend";
import { readPortalAgain } from "../../src/data/firstReads";
import { ResultsService } from "../../src/data/services/ResultsService";
import { departmentTodo } from "../../src/domain/departmentTodo";
import { fiscalYearOf } from "../../src/domain/calendar";
import { resolveDepartment } from "../../src/domain/departments";

/**
 * Calls are to-dos until answered, whatever the fiscal year (issue 33, point 1): on 10 April
 * 2027 the seeded site's Form 4 call for fiscal 2026 is still open. The department portal reads
 * it (not only fiscal 2027's calls), lists it first as a to-do, and has 2026's own rows and
 * 2026's feedback rows for the form opened on 2026.
 */

let t: TestBackend;
const TODAY = "2027-04-10";
beforeAll(async () => {
  t = await startTestBackend();
});
afterAll(async () => t.stop());

test("after 1 April, last year's open Form 4 is the department's first to-do, with that year's rows and feedback rows", async () => {
  const data = t.dataAs(11);
  const user = await data.currentUser();
  const fy = fiscalYearOf(TODAY);
  expect(fy).toBe(2027);
  const hints = {};
  const d = await readPortalAgain(data, fy, user, hints);
  const dept = resolveDepartment(d.departments, { ...hints, userCodes: user.departmentCodes })!;
  expect(dept).toBeTruthy();
  // Every open call is read, whatever its year.
  expect(d.calls.some((c) => c.form === "form4" && c.fiscalYear === 2026 && c.status === "open")).toBe(true);
  const proposals = d.proposals.filter((p) => p.department?.id === dept.id);
  const feedbackAll = d.matchings.filter((m) => m.allDepartments || m.targetDepartments.some((x) => x.id === dept.id));
  const todo = departmentTodo({ departmentId: dept.id, today: TODAY, calls: d.calls, proposals, results: d.own.results, surveys: [], agreements: d.agreements, issues: d.issues.filter((x) => x.fiscalYear === fy), feedback: feedbackAll });
  expect(todo[0]).toMatchObject({ kind: "form4", fiscalYear: 2026, deadline: "2027-04-17", state: "todo" });
  // The department's own rows of the year just ended are read, so the to-do counts its drafts of 2026.
  const year = await new ResultsService(data, user, TODAY).year(2026);
  const drafts2026 = year.rows.filter((r) => r.department?.id === dept.id && r.status === "draft").length;
  expect(todo[0].count).toBe(drafts2026);
  // The form opened on 2026 offers 2026's feedback rows (もとになったフィードバックの行), not （なし） alone.
  const issued2026 = new Set(d.issues.filter((x) => x.fiscalYear === 2026).map((x) => x.id));
  const rows2026 = feedbackAll.filter((m) => m.fiscalYear === 2026 && m.issue && issued2026.has(m.issue.id));
  expect(rows2026.length).toBeGreaterThan(0);
});

test("after 1 April, last year's Form 2 call still open is done for a department that handed in that year (its 2026 proposals are read), not 期限超過", async () => {
  const coord = t.dataAs(7);
  const calls2026 = (await coord.calls.list({ where: [{ prop: "fiscalYear", op: "eq", value: 2026 }] })).filter((c) => c.form === "form2");
  expect(calls2026.length).toBe(1);
  const call = calls2026[0];
  if (call.status !== "open") await coord.calls.update(call.id, call.etag, { status: "open" });
  const data = t.dataAs(11);
  const user = await data.currentUser();
  const d = await readPortalAgain(data, fiscalYearOf(TODAY), user, {});
  const dept = resolveDepartment(d.departments, { userCodes: user.departmentCodes })!;
  const mine2026 = d.proposals.filter((p) => p.department?.id === dept.id && p.fiscalYear === 2026);
  expect(mine2026.some((p) => p.status === "submitted")).toBe(true);
  const todo = departmentTodo({ departmentId: dept.id, today: TODAY, calls: d.calls, proposals: d.proposals.filter((p) => p.department?.id === dept.id), results: d.own.results, surveys: [], agreements: d.agreements, issues: [], feedback: [] });
  expect(todo.find((x) => x.kind === "form2" && x.fiscalYear === 2026)).toMatchObject({ state: "done" });
});
