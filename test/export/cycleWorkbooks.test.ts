import ExcelJS from "exceljs";
import { loadExcel, WorkbookError } from "../../src/export/excel";
import { buildAnswersWorkbook, buildForm1Workbook, parseAnswersWorkbook, parseForm1Workbook } from "../../src/export/cycleWorkbooks";
import { toCsv } from "../../src/export/csv";
import type { CityProposal, PartnershipItem } from "../../src/domain/types";

const items = [{ id: 5, itemNo: 2, text: "健康づくりに関すること" }, { id: 4, itemNo: 1, text: "食育に関すること" }] as PartnershipItem[];

async function fill(buf: ArrayBuffer, edit: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void): Promise<ArrayBuffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf);
  edit(wb.getWorksheet("別紙①") ?? wb.getWorksheet("別紙②")!, wb);
  return (await wb.xlsx.writeBuffer()) as ArrayBuffer;
}

async function expectWorkbookError(p: Promise<unknown>, code: string, detail?: string): Promise<void> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(WorkbookError);
  expect((e as WorkbookError).code).toBe(code);
  if (detail !== undefined) expect((e as WorkbookError).detail).toBe(detail);
}

test("Form 1: written with the partner's name and a drop-down of its items, read back row by row", async () => {
  const excel = await loadExcel();
  const blank = await buildForm1Workbook(excel, "O'Hara 食品株式会社", 2026, items);
  const reread = new ExcelJS.Workbook();
  await reread.xlsx.load(blank);
  const ws = reread.getWorksheet("別紙①")!;
  expect(ws.getCell("A2").value).toBe("連携事項の提案【企業等→清瀬市】");
  expect(ws.getCell("B3").value).toBe("2026年度（令和8年度）");
  expect(ws.getCell("B4").value).toBe("O'Hara 食品株式会社");
  expect(ws.getRow(6).values).toEqual([undefined, "No", "該当する連携事項", "提案の件名", "提案内容", "提案時期"]);
  expect(ws.getCell("B7").dataValidation).toMatchObject({ type: "list", formulae: ["'選択肢'!$A$1:$A$2"] });
  expect(reread.getWorksheet("選択肢")!.getCell("A1").value).toBe("第1号 食育に関すること");

  const filled = await fill(blank, (s) => {
    s.getCell("B7").value = "第1号 食育に関すること";
    s.getCell("C7").value = "親子料理教室";
    s.getCell("D7").value = { richText: [{ text: "地元野菜を" }, { text: "使った教室" }] };
    s.getCell("E7").value = "随時";
    s.getCell("B9").value = "第2号 健康づくりに関すること";
    s.getCell("C9").value = "<script>x</script>";
    s.getCell("D9").value = { formula: "1+1", result: 2 };
    s.getCell("B10").value = "第2号 健康づくりに関すること";
    s.getCell("C10").value = "健康講座";
    s.getCell("D10").value = "あ".repeat(10000);
    s.getCell("E10").value = "いつでも";
  });
  const parsed = await parseForm1Workbook(excel, filled);
  expect(parsed.partnerName).toBe("O'Hara 食品株式会社");
  expect(parsed.rows).toEqual([{ rowNumber: 7, itemText: "第1号 食育に関すること", title: "親子料理教室", content: "地元野菜を使った教室", timing: "anyTime" }]);
  expect(parsed.problems).toEqual([
    { rowNumber: 9, code: "formula" },
    { rowNumber: 10, code: "invalidTiming" },
  ]);
});

test("bad files are refused with a reason", async () => {
  const excel = await loadExcel();
  await expectWorkbookError(parseForm1Workbook(excel, new TextEncoder().encode("これはワークブックではありません").buffer as ArrayBuffer), "notWorkbook");
  await expectWorkbookError(parseForm1Workbook(excel, new ArrayBuffer(0)), "empty");
  await expectWorkbookError(parseForm1Workbook(excel, new ArrayBuffer(11 * 1024 * 1024)), "fileTooLarge");
  const other = new ExcelJS.Workbook();
  other.addWorksheet("Sheet1").getCell("A1").value = "x";
  await expectWorkbookError(parseForm1Workbook(excel, (await other.xlsx.writeBuffer()) as ArrayBuffer), "wrongSheet", "別紙①");
  const missing = new ExcelJS.Workbook();
  missing.addWorksheet("別紙①").getRow(6).values = ["No", "該当する連携事項", "提案内容"];
  await expectWorkbookError(parseForm1Workbook(excel, (await missing.xlsx.writeBuffer()) as ArrayBuffer), "missingColumns", "提案の件名、提案時期");
});

test("Form 2 answers: written per partner, answered, read back", async () => {
  const excel = await loadExcel();
  const proposals = [
    { id: 31, department: { id: 1, title: "子ども家庭部 子育て支援課" }, title: "保険教室", content: "内容", partnerAnswer: "pending", answerComment: "", answerDate: null },
    { id: 32, department: { id: 2, title: "総務部 防災防犯課" }, title: "防災講座", content: "内容", partnerAnswer: "can", answerComment: "可能です", answerDate: "2026-07-01" },
    { id: 33, department: { id: 2, title: "総務部 防災防犯課" }, title: "訓練", content: "内容", partnerAnswer: "pending", answerComment: "", answerDate: null },
  ] as CityProposal[];
  const blank = await buildAnswersWorkbook(excel, "東和生命保険株式会社", 2026, proposals, () => "第1号 健康づくりに関すること");
  const filled = await fill(blank, (s) => {
    s.getCell("G7").value = "要協議";
    s.getCell("H7").value = "時期を相談したい";
    s.getCell("I7").value = "２０２６/１２/１";
    s.getCell("G9").value = "たぶん";
    s.getCell("G10").value = "可";
    s.getCell("B10").value = "abc";
  });
  const parsed = await parseAnswersWorkbook(excel, filled);
  expect(parsed.partnerName).toBe("東和生命保険株式会社");
  expect(parsed.rows).toEqual([
    { rowNumber: 7, proposalId: 31, answer: "discuss", comment: "時期を相談したい", answerDate: "2026-12-01" },
    { rowNumber: 8, proposalId: 32, answer: "can", comment: "可能です", answerDate: "2026-07-01" },
  ]);
  expect(parsed.problems).toEqual([
    { rowNumber: 9, code: "invalidAnswer" },
    { rowNumber: 10, code: "invalidId" },
  ]);
});

test("the answer workbook reads 回答日 with the one date reader: 和暦, R9.5.20, Excel dates; an unreadable date keeps the answer and names the cell", async () => {
  const excel = await loadExcel();
  const proposals = [31, 32, 33, 34, 35].map((id) => ({ id, department: { id: 1, title: "子ども家庭部 子育て支援課" }, title: `提案${id}`, content: "内容", partnerAnswer: "pending", answerComment: "", answerDate: null })) as unknown as CityProposal[];
  const blank = await buildAnswersWorkbook(excel, "東和生命保険株式会社", 2027, proposals, () => "第1号 健康づくりに関すること");
  const filled = await fill(blank, (s) => {
    s.getCell("G7").value = "可";
    s.getCell("I7").value = "令和9年5月20日";
    s.getCell("G8").value = "要協議";
    s.getCell("I8").value = "R9.5.21";
    s.getCell("G9").value = "否";
    s.getCell("I9").value = new Date(Date.UTC(2027, 4, 22));
    s.getCell("G10").value = "可";
    s.getCell("H10").value = "秋以降なら実施可能";
    s.getCell("I10").value = "令和9年2月30日";
    s.getCell("G11").value = "可";
    s.getCell("I11").value = "令和9年5月20日（予定）";
  });
  const parsed = await parseAnswersWorkbook(excel, filled);
  expect(parsed.rows).toEqual([
    { rowNumber: 7, proposalId: 31, answer: "can", comment: "", answerDate: "2027-05-20" },
    { rowNumber: 8, proposalId: 32, answer: "discuss", comment: "", answerDate: "2027-05-21" },
    { rowNumber: 9, proposalId: 33, answer: "cannot", comment: "", answerDate: "2027-05-22" },
    // Not dropped: the 可 and the comment are kept, the date is left to enter.
    { rowNumber: 10, proposalId: 34, answer: "can", comment: "秋以降なら実施可能", answerDate: null, dateProblem: { text: "令和9年2月30日", problem: "invalidDate" } },
    { rowNumber: 11, proposalId: 35, answer: "can", comment: "", answerDate: null, dateProblem: { text: "令和9年5月20日（予定）", problem: "tentative" } },
  ]);
  expect(parsed.problems).toEqual([
    { rowNumber: 10, code: "answerDate.invalidDate", detail: "令和9年2月30日" },
    { rowNumber: 11, code: "answerDate.tentative", detail: "令和9年5月20日（予定）" },
  ]);
});

test("CSV is UTF-8 with a BOM, quoted, and neutralises formulas", () => {
  const csv = toCsv(["件名", "内容"], [["親子料理教室", 'a "quoted", text'], ["=HYPERLINK(\"x\")", null]]);
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  expect(csv).toBe('\uFEFF"件名","内容"\r\n"親子料理教室","a ""quoted"", text"\r\n"\'=HYPERLINK(""x"")",""\r\n');
});
