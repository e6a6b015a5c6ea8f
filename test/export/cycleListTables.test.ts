import ExcelJS from "exceljs";
import { buildTableWorkbook, DATE_FORMAT } from "../../src/export/tableWorkbook";
import { csvRows, form1ListTable, form2ListTable, FORM1_LIST_HEADER, FORM2_LIST_HEADER } from "../../src/export/cycleListTables";
import { toCsv } from "../../src/export/csv";
import type { CityProposal, PartnerProposal } from "../../src/domain/types";

/** The yearly lists' exports (issue 33, point 11): Excel dates are dates, 連携事項 written out, CSV unchanged. */

const pp = (over: Partial<PartnerProposal>): PartnerProposal => ({ id: 1, etag: "", modified: "", title: "親子料理教室", fiscalYear: 2026, partner: { id: 3, title: "株式会社さくら食品" }, partnershipItem: { id: 31, title: "食育に関すること" }, content: "親子で地元野菜を使った料理を学ぶ教室。", timing: "startOfYear", call: null, receivedDate: "2026-05-01", importKey: "", ...over });
const cp = (over: Partial<CityProposal>): CityProposal =>
  ({ id: 1, etag: "", modified: "", title: "防災講座（市からの提案）", fiscalYear: 2026, department: { id: 5, title: "総務部 防災防犯課" }, partner: { id: 3, title: "株式会社さくら食品" }, partnershipItem: { id: 32, title: "防災に関すること" }, content: "=市として会場を担います。", viewpoint: "comprehensivePlan", answersProposal: null, status: "submitted", call: null, sourceId: null, partnerAnswer: "can", answerComment: "実施時期について協議したい。", answerDate: "2026-07-02", ...over }) as CityProposal;

const itemText = (i: { partnershipItem: { id: number; title: string } | null }): string => (i.partnershipItem ? `第${i.partnershipItem.id - 30}号 ${i.partnershipItem.title}` : "");
const timing = { startOfYear: "年度当初", anyTime: "随時" };
const viewpoint = { comprehensivePlan: "長期総合計画・実行計画", administrativeEvaluation: "行政評価", other: "その他" };
const answer = { pending: "未回答", can: "可", cannot: "否", discuss: "要協議" };

async function sheetOf(header: string[], data: Parameters<typeof buildTableWorkbook>[5]): Promise<ExcelJS.Worksheet> {
  const buf = await buildTableWorkbook(ExcelJS, "別紙①", "令和8年度 連携事項の提案", "令和8年11月24日現在・2 件", header, data);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf);
  return wb.worksheets[0];
}

test("別紙① in Excel: 受付日 is a date cell (yyyy/mm/dd), the item written out, the rows in the order given", async () => {
  const rows = [pp({}), pp({ id: 2, title: "随時の提案", timing: "anyTime", receivedDate: null, partnershipItem: null })];
  const { header, data } = form1ListTable(rows, "excel", { item: itemText, timing });
  expect(header).toEqual(FORM1_LIST_HEADER);
  const ws = await sheetOf(header, data);
  expect(ws.getRow(4).values).toEqual([undefined, ...FORM1_LIST_HEADER]);
  const received = ws.getCell("G5");
  expect(received.type).toBe(ExcelJS.ValueType.Date);
  expect((received.value as Date).toISOString().slice(0, 10)).toBe("2026-05-01");
  expect(received.numFmt).toBe(DATE_FORMAT);
  expect(ws.getCell("C5").type).toBe(ExcelJS.ValueType.String);
  expect(ws.getCell("C5").value).toBe("第1号 食育に関すること");
  expect(ws.getCell("F5").value).toBe("年度当初");
  expect(ws.getCell("A5").value).toBe(2026);
  // The second row: no date is an empty cell (never the text "null"), no item an empty text.
  expect(ws.getCell("D6").value).toBe("随時の提案");
  expect(ws.getCell("G6").type).toBe(ExcelJS.ValueType.Null);
  expect(ws.getCell("C6").text).toBe("");
  expect(ws.getCell("A7").value).toBeNull();
});

test("別紙② in Excel: 回答日 is a date cell, 未回答 an empty answer, text that looks like a formula stays text", async () => {
  const rows = [cp({}), cp({ id: 2, partnerAnswer: "pending", answerComment: "", answerDate: null })];
  const { header, data } = form2ListTable(rows, "excel", { item: itemText, viewpoint, answer });
  expect(header).toEqual(FORM2_LIST_HEADER);
  const ws = await sheetOf(header, data);
  const answered = ws.getCell("J5");
  expect(answered.type).toBe(ExcelJS.ValueType.Date);
  expect((answered.value as Date).toISOString().slice(0, 10)).toBe("2026-07-02");
  expect(answered.numFmt).toBe(DATE_FORMAT);
  expect(ws.getCell("D5").value).toBe("第2号 防災に関すること");
  expect(ws.getCell("F5").value).toBe("'=市として会場を担います。");
  expect(ws.getCell("H5").value).toBe("可");
  expect(ws.getCell("J6").type).toBe(ExcelJS.ValueType.Null);
  expect(ws.getCell("H6").text).toBe("");
});

test("CSV: the same columns, ISO dates as text, as the CSV was before the Excel export was added", () => {
  const { header, data } = form2ListTable([cp({}), cp({ id: 2, partnerAnswer: "pending", answerComment: "", answerDate: null, partner: null })], "csv", { item: itemText, viewpoint, answer });
  expect(csvRows(data)).toEqual([
    [2026, "総務部 防災防犯課", "株式会社さくら食品", "第2号 防災に関すること", "防災講座（市からの提案）", "=市として会場を担います。", "長期総合計画・実行計画", "可", "実施時期について協議したい。", "2026-07-02"],
    [2026, "総務部 防災防犯課", "", "第2号 防災に関すること", "防災講座（市からの提案）", "=市として会場を担います。", "長期総合計画・実行計画", "", "", ""],
  ]);
  expect(toCsv(header, csvRows(data)).split("\r\n")[1]).toBe('"2026","総務部 防災防犯課","株式会社さくら食品","第2号 防災に関すること","防災講座（市からの提案）","\'=市として会場を担います。","長期総合計画・実行計画","可","実施時期について協議したい。","2026-07-02"');
  const f1 = form1ListTable([pp({})], "csv", { item: itemText, timing });
  expect(csvRows(f1.data)[0][6]).toBe("2026-05-01");
});
