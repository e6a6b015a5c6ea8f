import { departmentTodo, todoCount, TodoInput } from "../../src/domain/departmentTodo";
import type { Call, CityProposalRow, Matching, MatchingIssue, ResultReport, SurveyResponse } from "../../src/domain/types";

/** A department's to-do list (issue 18 item 1): what is asked of it now, counted as things to do. */

const ref = (id: number) => ({ id, title: "" });
const call = (id: number, form: Call["form"], deadline: string, recipients: number[], status: Call["status"] = "open"): Call => ({ id, etag: "", title: `依頼${id}`, fiscalYear: 2026, form, deadline, message: `お願い${id}`, status, recipientDepartments: recipients.map(ref), recipientPartners: [] }) as unknown as Call;
const proposal = (id: number, dept: number, status: CityProposalRow["status"], callId: number | null): CityProposalRow => ({ id, etag: "", title: `提案${id}`, fiscalYear: 2026, department: ref(dept), partner: ref(1), partnershipItem: ref(1), content: "", viewpoint: "other", answersProposal: null, status, call: callId ? ref(callId) : null, sourceId: null }) as unknown as CityProposalRow;
const survey = (id: number, dept: number, agreement: number, status: SurveyResponse["status"]): SurveyResponse => ({ id, etag: "", title: "", agreement: { id: agreement, title: `協定${agreement}` }, department: ref(dept), partnershipItem: ref(id), status, feasible: false, projectIdeas: "", comment: "", answeredAt: null }) as unknown as SurveyResponse;

const base: TodoInput = {
  departmentId: 5,
  today: "2026-12-01",
  calls: [call(1, "form2", "2026-12-10", [5, 6]), call(2, "form4", "2026-11-30", [5]), call(3, "form2", "2026-12-20", [6]), call(4, "form1", "2026-12-20", [5]), call(5, "form4", "2026-10-01", [5], "closed")],
  proposals: [proposal(10, 5, "draft", 1), proposal(11, 6, "submitted", 1)],
  results: [] as ResultReport[],
  surveys: [survey(20, 5, 100, "requested"), survey(21, 5, 100, "requested"), survey(22, 5, 100, "requested"), survey(23, 5, 200, "answered"), survey(24, 6, 300, "requested")],
  agreements: [{ id: 100, title: "協定100", surveyDeadline: "2026-12-05", proposedContent: "防災" }, { id: 200, title: "協定200", surveyDeadline: "2026-11-01", proposedContent: "" }],
  issues: [{ id: 30, etag: "", title: "第2回フィードバック", status: "issued", editionNo: 2, message: "ご検討ください" } as unknown as MatchingIssue],
  feedback: [{ id: 40, issue: ref(30), allDepartments: true, targetDepartments: [] } as unknown as Matching],
};

test("open calls addressed to the department, its surveys and feedback; late first, done last; one survey counts once, not per item", () => {
  const items = departmentTodo(base);
  expect(items.map((t) => [t.key, t.kind, t.state, t.count])).toEqual([
    ["call:2", "form4", "late", 0],
    ["survey:100", "survey", "todo", 3],
    ["call:1", "form2", "todo", 1],
    ["issue:30", "feedback", "info", 1],
    ["survey:200", "survey", "done", 1],
  ]);
  expect(items.find((t) => t.key === "call:1")).toMatchObject({ deadline: "2026-12-10", message: "お願い1" });
  expect(todoCount(items)).toBe(3);
});

test("a call is done once something is submitted and no draft is left; another department's rows do not count", () => {
  const items = departmentTodo({ ...base, proposals: [proposal(12, 5, "submitted", 1), proposal(11, 6, "draft", 1)] });
  expect(items.find((t) => t.key === "call:1")?.state).toBe("done");
  const form4 = departmentTodo({ ...base, results: [{ id: 50, fiscalYear: 2026, department: ref(5), status: "submitted" } as unknown as ResultReport] });
  expect(form4.find((t) => t.key === "call:2")?.state).toBe("done");
});

test("Form 4 handed in as 該当なし is done (nothing owed, not counted), and says so", () => {
  const items = departmentTodo({ ...base, results: [{ id: 51, fiscalYear: 2026, department: ref(5), status: "nothingToReport" } as unknown as ResultReport] });
  expect(items.find((t) => t.key === "call:2")).toMatchObject({ state: "done", count: 0, nothingToReport: true });
  expect(todoCount(items)).toBe(2);
  // Another department's 該当なし, or last year's, does not hand this one in.
  const other = departmentTodo({ ...base, results: [{ id: 52, fiscalYear: 2026, department: ref(6), status: "nothingToReport" }, { id: 53, fiscalYear: 2025, department: ref(5), status: "nothingToReport" }] as unknown as ResultReport[] });
  expect(other.find((t) => t.key === "call:2")).toMatchObject({ state: "late" });
  expect(other.find((t) => t.key === "call:2")).not.toHaveProperty("nothingToReport");
  // Rows submitted are a normal submission.
  const rows = departmentTodo({ ...base, results: [{ id: 54, fiscalYear: 2026, department: ref(5), status: "submitted" }] as unknown as ResultReport[] });
  expect(rows.find((t) => t.key === "call:2")).not.toHaveProperty("nothingToReport");
});

test("calls are to-dos until answered, whatever the fiscal year: in April the open Form 4 for the year just ended comes first, counted from that year's rows (issue 33)", () => {
  const form4Of2026 = { ...call(60, "form4", "2027-04-17", [5]), fiscalYear: 2026 } as Call;
  const form2Of2027 = { ...call(61, "form2", "2027-04-15", [5]), fiscalYear: 2027 } as Call;
  const april: TodoInput = { ...base, today: "2027-04-10", calls: [form2Of2027, form4Of2026], proposals: [], surveys: [], issues: [], feedback: [] };
  const results = [{ id: 70, fiscalYear: 2026, department: ref(5), status: "draft" }, { id: 71, fiscalYear: 2027, department: ref(5), status: "submitted" }] as unknown as ResultReport[];
  const items = departmentTodo({ ...april, results });
  expect(items.map((t) => [t.key, t.kind, t.state, t.count, t.fiscalYear])).toEqual([
    ["call:60", "form4", "todo", 1, 2026],
    ["call:61", "form2", "todo", 0, 2027],
  ]);
  expect(todoCount(items)).toBe(2);
  // Handed in for 2026, it is done (this year's rows do not hand last year's in, nor the reverse).
  const handedIn = departmentTodo({ ...april, results: [{ id: 72, fiscalYear: 2026, department: ref(5), status: "submitted" }] as unknown as ResultReport[] });
  expect(handedIn.find((t) => t.key === "call:60")?.state).toBe("done");
  expect(handedIn[0].key).toBe("call:61");
});

test("a survey's to-do carries its briefing (説明会) day, start time and place, as the coordinator entered them; none when neither was", () => {
  const withBriefing = { ...base, agreements: [{ ...base.agreements[0], briefingDate: "2026-12-03", briefingTime: "14:00", briefingPlace: " 本庁舎3階 第1会議室 " }, base.agreements[1]] };
  const items = departmentTodo(withBriefing);
  expect(items.find((t) => t.key === "survey:100")?.briefing).toEqual({ date: "2026-12-03", time: "14:00", place: "本庁舎3階 第1会議室" });
  expect(items.find((t) => t.key === "survey:200")?.briefing).toBeUndefined();
  expect(departmentTodo({ ...base, agreements: [{ ...base.agreements[0], briefingDate: null, briefingPlace: "オンライン" }] }).find((t) => t.key === "survey:100")?.briefing).toEqual({ date: null, time: "", place: "オンライン" });
  expect(items.find((t) => t.key === "call:1")?.briefing).toBeUndefined();
});
