import { decisionText, nextDecisionColumns, staleDecisionColumns } from "../../src/domain/decisions";
import { GUIDELINE_TERMS } from "../../src/domain/terms";
import type { Agreement, AgreementTerm } from "../../src/domain/types";

/** The next decision an agreement keeps in its own columns for SharePoint's own reminders (issue 15 item 6). */

const agreement = (o: Partial<Agreement>): Agreement =>
  ({ id: 1, etag: '"1"', title: "協定", status: "concluded", concludedDate: "2024-04-01", termStart: "2024-04-01", nextReviewDate: null, nextDecisionDate: null, nextDecisionText: "", ...GUIDELINE_TERMS, initialTermMonths: 24, renewalMonths: 12, renewalRepeats: true, noticeMonths: 2, noticeInWriting: true, reviewCycleYears: null, ...o }) as Agreement;
const term = (termNo: number, from: string, to: string): AgreementTerm => ({ id: termNo, etag: "", agreement: { id: 1, title: "" }, termNo, termFrom: from, termTo: to, decidedBy: "", objection: "" }) as AgreementTerm;

test("the earliest decision of an agreement in force, with what is decided in the city's words", () => {
  const a = agreement({});
  expect(nextDecisionColumns(a, [term(1, "2024-04-01", "2026-03-31")], "2026-01-10", 30)).toEqual({
    nextDecisionDate: "2026-01-01",
    nextDecisionText: "第1期の更新の判断（満了 令和8年3月31日、申出期限 令和8年1月31日・書面）",
  });
  // A review that comes before the term's decision is the next decision.
  expect(nextDecisionColumns({ ...a, nextReviewDate: "2025-10-01" }, [term(1, "2024-04-01", "2026-03-31")], "2025-06-01", 30)).toEqual({ nextDecisionDate: "2025-09-01", nextDecisionText: "協定の見直し（見直し日 令和7年10月1日）" });
  // Not in force: nothing to decide, nothing for a reminder to fire on.
  for (const status of ["approached", "preparing", "surveying", "declined", "terminated"] as const) expect(nextDecisionColumns({ ...a, status }, [], "2026-01-10", 30)).toEqual({ nextDecisionDate: null, nextDecisionText: "" });
});

test("a fixed term without a notice period says only when it ends", () => {
  expect(decisionText({ kind: "expiry", termNo: 1, dueDate: "2026-12-31", noticeDeadline: "2026-12-31", noticeInWriting: false })).toBe("第1期の満了の判断（満了 令和8年12月31日）");
});

test("only agreements whose stored columns differ are to be written", () => {
  const terms = [term(1, "2024-04-01", "2026-03-31")];
  const current = agreement({ nextDecisionDate: "2026-01-01", nextDecisionText: "第1期の更新の判断（満了 令和8年3月31日、申出期限 令和8年1月31日・書面）" });
  const stale = agreement({ id: 2, nextDecisionDate: "2030-01-01", nextDecisionText: "古い" });
  const ended = agreement({ id: 3, status: "terminated", nextDecisionDate: "2025-12-31", nextDecisionText: "x" });
  const out = staleDecisionColumns([current, stale, ended], [...terms, { ...terms[0], agreement: { id: 2, title: "" } }], "2026-01-10", 30);
  expect(out.map((s) => [s.agreement.id, s.columns.nextDecisionDate])).toEqual([[2, "2026-01-01"], [3, null]]);
});
