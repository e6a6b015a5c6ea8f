import { isNoProposal, noProposalCheck, noProposalOf, noProposalRow, proposalsOnly } from "../../src/domain/noProposal";
import { callState, callStatusBoard, owing } from "../../src/domain/calls";
import { departmentTodo } from "../../src/domain/departmentTodo";
import type { Call, CityProposalRow } from "../../src/domain/types";

/** Form 2 「提案なし」 and the call's 締切 (issue 33, point 7). */

const dept = (id: number) => ({ id, title: `部署${id}` });
const row = (id: number, d: number, status: CityProposalRow["status"], fy = 2027): CityProposalRow =>
  ({ id, etag: "", modified: `2027-05-0${id % 9}T01:00:00Z`, title: "", fiscalYear: fy, department: dept(d), partner: null, partnershipItem: null, content: "", viewpoint: "other", answersProposal: null, status, call: { id: 9, title: "" }, sourceId: null }) as CityProposalRow;
const call: Call = { id: 9, title: "令和9年度 別紙②", fiscalYear: 2027, form: "form2", deadline: "2027-05-31", status: "open", message: "", recipientDepartments: [dept(1), dept(2), dept(3)], recipientPartners: [] } as unknown as Call;

test("the marker row: no partner, no content, the call's year and department; never a proposal", () => {
  const r = noProposalRow(2027, dept(1), call);
  expect(r).toMatchObject({ status: "noProposal", fiscalYear: 2027, department: dept(1), partner: null, content: "", call: { id: 9 } });
  expect(isNoProposal(r)).toBe(true);
  expect(proposalsOnly([row(1, 1, "draft"), row(2, 1, "noProposal"), row(3, 2, "submitted")]).map((x) => x.id)).toEqual([1, 3]);
});

test("one 提案なし per department and year; none once the department has proposed", () => {
  expect(noProposalOf([row(5, 1, "noProposal"), row(2, 1, "noProposal"), row(3, 2, "noProposal"), row(4, 2, "submitted"), row(6, 3, "noProposal", 2026)]).map((n) => [n.id, n.department.id, n.fiscalYear])).toEqual([
    [2, 1, 2027],
    [6, 3, 2026],
  ]);
  expect(noProposalCheck([])).toBe("ok");
  expect(noProposalCheck([row(1, 1, "draft")])).toBe("draftsExist");
  expect(noProposalCheck([row(1, 1, "submitted"), row(2, 1, "draft")])).toBe("alreadySubmitted");
  expect(noProposalCheck([row(1, 1, "noProposal")])).toBe("already");
});

test("提案なし answers the call: 提案なし on the board, no reminder, done in the to-do even after the deadline", () => {
  const rows = [row(1, 1, "noProposal"), row(2, 2, "submitted")];
  const board = callStatusBoard(call, { cityProposals: rows }, "2027-06-05");
  expect(board.map((r) => [r.recipient.id, r.state])).toEqual([
    [3, "late"],
    [2, "submitted"],
    [1, "noProposal"],
  ]);
  expect(owing(board).map((r) => r.recipient.id)).toEqual([3]);
  const todo = (d: number, proposals: CityProposalRow[]) => departmentTodo({ departmentId: d, today: "2027-06-05", calls: [call], proposals, results: [], surveys: [], agreements: [], issues: [], feedback: [] })[0];
  expect(todo(1, rows)).toMatchObject({ state: "done", noProposal: true });
  expect(todo(3, rows).state).toBe("late");
  // A draft written after 提案なし is owed again (to submit or delete).
  expect(todo(1, [...rows, row(3, 1, "draft")]).state).toBe("late");
});

test("the call says 締切 once closed or past its deadline, 受付中 until then", () => {
  expect(callState(call, "2027-05-31")).toBe("open");
  expect(callState(call, "2027-06-01")).toBe("closed");
  expect(callState({ ...call, status: "closed" }, "2027-05-01")).toBe("closed");
  expect(callState({ ...call, deadline: null }, "2030-01-01")).toBe("open");
});
