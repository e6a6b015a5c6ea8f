import ExcelJS from "exceljs";
import { buildTableWorkbook, DATE_FORMAT } from "../../src/export/tableWorkbook";
import { registerTable, RegisterTableLabels } from "../../src/export/registerTable";
import type { Agreement, PartnershipItem } from "../../src/domain/types";

/** The register's export (issue 33, point 11): real Excel dates, 連携事項 written out. */

const labels: RegisterTableLabels = {
  header: { title: "協定名", partner: "企業等", status: "状態", concluded: "締結日", termEnd: "期間の満了日", nextDecision: "次の判断", decisionWhat: "次に判断すること", nextReview: "次回見直し", items: "連携事項" },
  status: { approached: "打診", preparing: "準備中", surveying: "庁内調査中", concluded: "締結", declined: "見送り", underReview: "見直し中", terminated: "終了" },
};

const agreement = (over: Partial<Agreement>): Agreement => ({ id: 1, title: "清瀬市と株式会社さくら食品との包括連携協定", status: "concluded", concludedDate: "2024-06-03", termEnd: "2027-06-02", nextDecisionDate: "2027-03-03", nextDecisionText: "見直し（3年）", nextReviewDate: "2027-06-03", ...over }) as Agreement;
const item = (itemNo: number, text: string): PartnershipItem => ({ id: itemNo, etag: "", modified: "", agreement: { id: 1, title: "" }, itemNo, text }) as PartnershipItem;

test("Excel: dates are date cells with a date format; the items are their text, one a line, in their numbers' order", async () => {
  const rows = [
    { agreement: agreement({}), partnersText: "株式会社さくら食品", items: [item(2, "防災に関すること"), item(1, "食育に関すること"), item(3, "=子育て支援に関すること")] },
    { agreement: agreement({ id: 2, title: "打診中の協定", status: "approached", concludedDate: null, termEnd: null, nextDecisionDate: null, nextDecisionText: "", nextReviewDate: null }), partnersText: "学校法人みどり学園", items: [] },
  ];
  const { header, data } = registerTable(rows, "excel", labels);
  expect(header).toEqual(["協定名", "企業等", "状態", "締結日", "期間の満了日", "次の判断", "次に判断すること", "次回見直し", "連携事項"]);
  const buf = await buildTableWorkbook(ExcelJS, "包括連携協定 台帳", "包括連携協定 台帳", "令和8年11月24日現在・2 件", header, data);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf);
  const ws = wb.worksheets[0];
  for (const [addr, iso] of [
    ["D5", "2024-06-03"],
    ["E5", "2027-06-02"],
    ["F5", "2027-03-03"],
    ["H5", "2027-06-03"],
  ] as const) {
    const c = ws.getCell(addr);
    expect([addr, c.type]).toEqual([addr, ExcelJS.ValueType.Date]);
    expect((c.value as Date).toISOString().slice(0, 10)).toBe(iso);
    expect(c.numFmt).toBe(DATE_FORMAT);
  }
  expect(ws.getCell("C5").value).toBe("締結");
  // Written out, not counted; an item that looks like a formula stays text.
  expect(ws.getCell("I5").type).toBe(ExcelJS.ValueType.String);
  expect(ws.getCell("I5").value).toBe("食育に関すること\n防災に関すること\n=子育て支援に関すること");
  expect(ws.getCell("I5").alignment).toMatchObject({ wrapText: true });
  // No date: an empty cell, not a text.
  expect(ws.getCell("D6").type).toBe(ExcelJS.ValueType.Null);
  expect(ws.getCell("I6").text).toBe("");
});

test("CSV keeps ISO dates, the printable page 和暦 and 西暦; both write the items out", () => {
  const rows = [{ agreement: agreement({}), partnersText: "株式会社さくら食品", items: [item(1, "食育に関すること"), item(2, "防災に関すること")] }];
  expect(registerTable(rows, "csv", labels).data[0]).toEqual(["清瀬市と株式会社さくら食品との包括連携協定", "株式会社さくら食品", "締結", "2024-06-03", "2027-06-02", "2027-03-03", "見直し（3年）", "2027-06-03", "食育に関すること\n防災に関すること"]);
  expect(registerTable(rows, "print", labels).data[0][3]).toBe("令和6年6月3日（2024-06-03）");
});
