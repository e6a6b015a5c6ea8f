import { callStatusBoard, defaultCallYear, departmentCanEdit, itemsByPartner, owing, proposalImportKey, validateAnswer, validateCall, validateProposalItem } from "../../src/domain/calls";
import { escapeHtml, reminderHtml } from "../../src/domain/teamsMessages";
import type { Call, CityProposal, PartnerProposal, PartnershipItem, ResultReport } from "../../src/domain/types";

const call = (form: Call["form"], deadline: string, status: Call["status"] = "open"): Call =>
  ({ id: 1, form, fiscalYear: 2026, deadline, status, title: "依頼", recipientDepartments: [{ id: 1, title: "A課" }, { id: 2, title: "B課" }, { id: 3, title: "C課" }], recipientPartners: [{ id: 10, title: "甲社" }, { id: 11, title: "乙社" }] }) as Call;

test("status board: submitted, not yet, late; who owes", () => {
  const cps = [
    { fiscalYear: 2026, department: { id: 1, title: "" }, status: "submitted" },
    { fiscalYear: 2026, department: { id: 2, title: "" }, status: "draft" },
    { fiscalYear: 2025, department: { id: 3, title: "" }, status: "submitted" },
  ] as CityProposal[];
  const before = callStatusBoard(call("form2", "2026-05-29"), { cityProposals: cps }, "2026-05-20");
  expect(before.map((r) => [r.recipient.title, r.state])).toEqual([["B課", "notYet"], ["C課", "notYet"], ["A課", "submitted"]]);
  const after = callStatusBoard(call("form2", "2026-05-29"), { cityProposals: cps }, "2026-05-30");
  expect(after.map((r) => r.state)).toEqual(["late", "late", "submitted"]);
  expect(owing(after).map((r) => r.recipient.id)).toEqual([2, 3]);
  const f1 = callStatusBoard(call("form1", "2026-05-15"), { partnerProposals: [{ fiscalYear: 2026, partner: { id: 11, title: "" } }] as PartnerProposal[] }, "2026-05-16");
  expect(f1.map((r) => [r.recipient.title, r.state])).toEqual([["甲社", "late"], ["乙社", "submitted"]]);
});

test("a department edits its Form 2 drafts until the deadline, unless the call is reopened; a submitted row never", () => {
  expect(departmentCanEdit({ status: "draft" }, call("form2", "2026-05-29"), "2026-05-29")).toBe(true);
  expect(departmentCanEdit({ status: "draft" }, call("form2", "2026-05-29"), "2026-05-30")).toBe(false);
  expect(departmentCanEdit({ status: "submitted" }, call("form2", "2026-05-29"), "2026-05-29")).toBe(false);
  expect(departmentCanEdit({ status: "draft" }, call("form2", "2026-06-30", "closed"), "2026-05-30")).toBe(false);
  expect(departmentCanEdit({ status: "draft" }, null, "2026-05-30")).toBe(true);
  expect(departmentCanEdit({ status: "submitted" }, null, "2026-05-30")).toBe(false);
});

test("call validation", () => {
  expect(validateCall({ title: "", fiscalYear: 1900, deadline: "2026-02-30", form: "form2", recipientDepartments: [], recipientPartners: [] }, "2026-04-01")).toEqual([
    { field: "title", code: "required" },
    { field: "fiscalYear", code: "yearOutOfRange" },
    { field: "deadline", code: "invalidDate" },
    { field: "recipients", code: "recipientsRequired" },
  ]);
  expect(validateCall({ title: "x", fiscalYear: 2026, deadline: "2026-03-31", form: "form1", recipientDepartments: [], recipientPartners: [{ id: 1, title: "" }] }, "2026-04-01")).toEqual([{ field: "deadline", code: "deadlineInPast" }]);
});

test("a proposal's item must belong to the partner's concluded agreement", () => {
  const items = [{ id: 5, itemNo: 1, agreement: { id: 1, title: "" } }, { id: 6, itemNo: 1, agreement: { id: 2, title: "" } }, { id: 7, itemNo: 2, agreement: { id: 1, title: "" } }] as PartnershipItem[];
  const m = itemsByPartner([{ id: 1, partner: { id: 10, title: "" }, status: "concluded" }, { id: 2, partner: { id: 11, title: "" }, status: "declined" }], items);
  expect(m.get(10)?.map((i) => i.id)).toEqual([5, 7]);
  expect(m.has(11)).toBe(false);
  expect(validateProposalItem(10, 5, m)).toEqual([]);
  expect(validateProposalItem(10, 6, m)).toEqual([{ field: "partnershipItem", code: "itemNotInAgreement" }]);
  expect(validateProposalItem(11, 6, m)).toEqual([{ field: "partner", code: "noAgreement" }]);
});

test("import keys ignore width, kana and spacing but not content", () => {
  const k = proposalImportKey(2026, 1, 5, "親子料理教室", "地元野菜を使う");
  expect(proposalImportKey(2026, 1, 5, "親子料理教室 ", "地元野菜を使う")).toBe(k);
  expect(proposalImportKey(2026, 1, 5, "親子料理教室", "地元野菜を使わない")).not.toBe(k);
  expect(proposalImportKey(2027, 1, 5, "親子料理教室", "地元野菜を使う")).not.toBe(k);
});

test("answers need a value and a valid date", () => {
  expect(validateAnswer("pending", "2026-02-30")).toEqual([
    { field: "partnerAnswer", code: "answerRequired" },
    { field: "answerDate", code: "invalidDate" },
  ]);
  expect(validateAnswer("can", "2026-07-01")).toEqual([]);
});

test("Teams messages escape user text", () => {
  expect(escapeHtml(`<img src=x onerror="a">&'`)).toBe("&lt;img src=x onerror=&quot;a&quot;&gt;&amp;&#39;");
  const html = reminderHtml({ callTitle: "<script>x</script>", deadlineText: "令和8年5月29日", departmentName: "A課", portalUrl: "javascript:alert(1)" }, { heading: "督促", deadline: "期限", body: "未提出です", open: "開く" });
  expect(html).not.toContain("<script>");
  expect(html).not.toContain("javascript:");
  expect(html).toContain("&lt;script&gt;");
});

test("a call's default title reads as an official 照会: 令和 year and 「…について（依頼）」", async () => {
  const { callTitle } = await import("../../src/domain/calls");
  expect(callTitle("form1", 2027)).toBe("令和9年度 包括連携協定に基づく連携事項の提案について（依頼）");
  expect(callTitle("form2", 2026)).toBe("令和8年度 包括連携協定に基づく市からの連携提案について（依頼）");
  expect(callTitle("form4", 2019)).toBe("令和元年度 包括連携協定に基づく連携事業の実施結果について（照会）");
});

test("Form 4 status board: 該当なし is reported (not owed, never reminded), distinct from 提出済 and 未提出, and counts no row", () => {
  const rr = [
    { fiscalYear: 2026, department: { id: 1, title: "" }, status: "submitted" },
    { fiscalYear: 2026, department: { id: 1, title: "" }, status: "published" },
    { fiscalYear: 2026, department: { id: 2, title: "" }, status: "nothingToReport" },
    { fiscalYear: 2025, department: { id: 3, title: "" }, status: "nothingToReport" },
    { fiscalYear: 2026, department: { id: 3, title: "" }, status: "draft" },
  ] as ResultReport[];
  const board = callStatusBoard(call("form4", "2027-04-17"), { resultReports: rr }, "2027-04-20");
  expect(board.map((r) => [r.recipient.title, r.state, r.submissions])).toEqual([
    ["C課", "late", 0],
    ["A課", "submitted", 2],
    ["B課", "nothingToReport", 0],
  ]);
  expect(owing(board).map((r) => r.recipient.id)).toEqual([3]);
});

test("a new call defaults to the year it is about: Form 4 in April–May asks about the year just ended (issue 33)", () => {
  expect(defaultCallYear("form4", 2027, "2027-04-10")).toBe(2026);
  expect(defaultCallYear("form4", 2027, "2027-05-31")).toBe(2026);
  expect(defaultCallYear("form4", 2027, "2027-06-01")).toBe(2027);
  expect(defaultCallYear("form4", 2026, "2027-04-10")).toBe(2026);
  expect(defaultCallYear("form2", 2027, "2027-04-10")).toBe(2027);
  expect(defaultCallYear("form1", 2027, "2027-04-10")).toBe(2027);
});
