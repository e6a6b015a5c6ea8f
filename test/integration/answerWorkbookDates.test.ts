import ExcelJS from "exceljs";
import { startTestBackend, TestBackend } from "../helpers/backend";
import { CycleService } from "../../src/data/services/CycleService";
import { loadExcel } from "../../src/export/excel";
import { buildAnswersWorkbook, parseAnswersWorkbook } from "../../src/export/cycleWorkbooks";
import type { CityProposal } from "../../src/domain/types";

/**
 * Issue 33, point 3: the partner's Form 2 answer workbook goes through the one date reader.
 * 「令和9年5月20日」 in 回答日 used to drop the row (the 可 was lost); now the 可 is recorded with
 * its date, and a row whose date cannot be read keeps its answer and comment.
 */

let t: TestBackend;
beforeAll(async () => {
  t = await startTestBackend();
});
afterAll(async () => t.stop());

/** The partner's workbook for its proposals, with one answer written in (as the partner returns it). */
async function answered(partnerName: string, fiscalYear: number, proposals: CityProposal[], answer: string, comment: string, date: string): Promise<ArrayBuffer> {
  const excel = await loadExcel();
  const blank = await buildAnswersWorkbook(excel, partnerName, fiscalYear, proposals, () => "");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(blank);
  const ws = wb.getWorksheet("別紙②")!;
  ws.getCell("G7").value = answer;
  ws.getCell("H7").value = comment;
  ws.getCell("I7").value = date;
  return (await wb.xlsx.writeBuffer()) as ArrayBuffer;
}

test("a Form 2 answer workbook with 回答日 「令和9年5月20日」 imports the 可 with its date; an unreadable date keeps the answer", async () => {
  const data = t.dataAs(7);
  const coord = new CycleService(data, await data.currentUser(), "2027-05-25");
  const year = await coord.year(2026);
  const submitted = year.cityProposals.filter((p) => p.status === "submitted" && p.partner);
  const first = submitted[0];
  const second = submitted.find((p) => p.partner!.id !== first.partner!.id)!;
  expect(second).toBeDefined();
  const nameOf = (p: CityProposal): string => year.partners.find((x) => x.id === p.partner!.id)!.name;
  const excel = await loadExcel();

  const parsed = await parseAnswersWorkbook(excel, await answered(nameOf(first), 2026, [first], "可", "5月以降に実施できます", "令和9年5月20日"));
  expect(parsed.problems).toEqual([]);
  expect(parsed.rows).toEqual([{ rowNumber: 7, proposalId: first.id, answer: "can", comment: "5月以降に実施できます", answerDate: "2027-05-20" }]);
  expect(await coord.importAnswers(parsed.rows, [first])).toEqual({ imported: 1, duplicates: 0, errors: [] });

  const unread = await parseAnswersWorkbook(excel, await answered(nameOf(second), 2026, [second], "要協議", "内容を相談したい", "令和9年5月32日"));
  expect(unread.problems).toEqual([{ rowNumber: 7, code: "answerDate.invalidDate", detail: "令和9年5月32日" }]);
  expect((await coord.importAnswers(unread.rows, [second])).imported).toBe(1);

  const after = await coord.year(2026);
  expect(after.cityProposals.find((p) => p.id === first.id)).toMatchObject({ partnerAnswer: "can", answerComment: "5月以降に実施できます", answerDate: "2027-05-20" });
  // The 要協議 and its comment are recorded; the date is left as it was, for the coordinator to enter.
  expect(after.cityProposals.find((p) => p.id === second.id)).toMatchObject({ partnerAnswer: "discuss", answerComment: "内容を相談したい", answerDate: second.answerDate });
});
