import { currentRows, leftoverDrafts, parsePublishedRecord, proposalRow, withAnswers } from "../../src/domain/submissions";
import type { CityProposalRow, ProposalAnswer } from "../../src/domain/types";

const row = (id: number, status: string, sourceId: number | null = null) => ({ id, status, sourceId });

test("a draft already copied into the submission folder shows once, as the copy; a copy written twice shows once", () => {
  const rows = [row(1, "draft"), row(2, "draft"), row(10, "submitted", 1), row(11, "submitted", 1), row(12, "submitted")];
  expect(currentRows(rows).map((r) => r.id)).toEqual([2, 10, 12]);
  expect(leftoverDrafts(rows).map((r) => r.id)).toEqual([1]);
  // The lowest id wins whatever the order rows come back in.
  expect(currentRows([row(11, "submitted", 1), row(10, "submitted", 1)]).map((r) => r.id)).toEqual([10]);
});

test("city proposals carry the coordinator's answer, or 未回答 when none is recorded", () => {
  const base = { etag: '"1"', modified: "", title: "t", fiscalYear: 2026, department: null, partner: null, partnershipItem: null, content: "", viewpoint: "other" as const, answersProposal: null, status: "submitted" as const, call: null, sourceId: null };
  const rows: CityProposalRow[] = [{ ...base, id: 5 }, { ...base, id: 6 }];
  const answers: ProposalAnswer[] = [{ id: 900, etag: '"3"', modified: "", title: "t", fiscalYear: 2026, proposalId: 6, answer: "can", comment: "会場を提供します。", answerDate: "2026-07-01" }];
  const joined = withAnswers(rows, answers);
  expect(joined.map((p) => [p.id, p.partnerAnswer, p.answerComment, p.answerRow?.id ?? null])).toEqual([
    [5, "pending", "", null],
    [6, "can", "会場を提供します。", 900],
  ]);
  // Only the row's own columns are ever written to the department's list.
  expect(Object.keys(proposalRow(joined[1]))).not.toEqual(expect.arrayContaining(["partnerAnswer"]));
  expect(proposalRow(joined[1])).not.toHaveProperty("answerComment");
});

test("a published file is read, or refused when it is not one", () => {
  const rec = parsePublishedRecord(JSON.stringify({ fiscalYear: 2025, edition: 2, publishedAt: "2026-05-20T01:00:00Z", rows: [{ id: 1, status: "submitted", title: "講座" }] }));
  expect(rec).toMatchObject({ fiscalYear: 2025, edition: 2, rows: [{ id: 1, status: "published", publishedAt: "2026-05-20T01:00:00Z" }] });
  expect(parsePublishedRecord("not json")).toBeNull();
  expect(parsePublishedRecord(JSON.stringify({ fiscalYear: 2025 }))).toBeNull();
});

test("a published file names the 該当なし departments apart and never shows a marker as a row; older files have none", () => {
  const rec = parsePublishedRecord(
    JSON.stringify({ fiscalYear: 2026, edition: 1, publishedAt: "2027-05-20T01:00:00Z", rows: [{ id: 1, status: "submitted", title: "講座" }, { id: 2, status: "nothingToReport", title: "該当なし" }], nothingToReport: [{ id: 12, title: "防災防犯課" }, { id: "x" }] }),
  );
  expect(rec?.rows.map((r) => r.id)).toEqual([1]);
  expect(rec?.nothingToReport).toEqual([{ id: 12, title: "防災防犯課" }]);
  expect(parsePublishedRecord(JSON.stringify({ fiscalYear: 2025, edition: 1, rows: [] }))?.nothingToReport).toEqual([]);
});
