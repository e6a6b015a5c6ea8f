import ExcelJS from "exceljs";
import { FORM3_COLUMNS, form3FileName, form3Table, form3Title, Form3Input } from "../../src/export/form3Export";
import { flatTable, formTableCsv, formTableHtml } from "../../src/export/formTable";
import { buildFormTableWorkbook, headerRowOf } from "../../src/export/formTableWorkbook";
import type { CityProposal, ImplementationWish, Matching } from "../../src/domain/types";

/** 別紙③ as filed and circulated (issue 18 item 5): the guideline's columns, a 令和 title, three ways out. */

const row = (id: number, rowNo: number, over: Partial<Matching> = {}): Matching =>
  ({
    id,
    rowNo,
    title: `件名${id}`,
    content: `内容${id}`,
    partner: { id: 1, title: "西武バス株式会社" },
    partnerProposal: null,
    cityProposal: null,
    allDepartments: true,
    targetDepartments: [],
    contactName: "連携 次郎",
    contactEmail: "jiro@example.jp",
    contactPhone: "042-000-0000",
    issue: { id: 9, title: "" },
    ...over,
  }) as Matching;

const input = (over: Partial<Form3Input> = {}): Form3Input => ({
  fiscalYear: 2026,
  issue: { editionNo: 2, status: "issued", issuedDate: "2026-11-24" },
  rows: [
    row(21, 2, { cityProposal: { id: 5, title: "" }, allDepartments: false, targetDepartments: [{ id: 3, title: "子ども家庭部 子育て支援課" }, { id: 4, title: "総務部 防災防犯課" }], content: "親子料理教室\n子育てひろばで" }),
    row(20, 1, { title: "=HYPERLINK(\"http://evil\")<b>" }),
  ],
  cityProposals: [{ id: 5, partnerAnswer: "can", answerComment: "講師を派遣できます" } as CityProposal],
  wishes: [{ matching: { id: 21, title: "" }, department: { id: 3, title: "子ども家庭部 子育て支援課" }, contactPerson: "担当 太郎（内線 2101）", comment: "" } as ImplementationWish],
  issuer: "企画部 未来創造課",
  today: "2026-11-30",
  ...over,
});

test("the guideline's columns in its order (NO, 件名, 内容, 連絡先) with what each row carries; rows by NO; title and lines in 令和", () => {
  const t = form3Table(input());
  expect(t.title).toBe("令和8年度 包括連携協定 フィードバック一覧（別紙③）");
  expect(form3Title(2019)).toBe("令和元年度 包括連携協定 フィードバック一覧（別紙③）");
  expect(t.formLabel).toBe("別紙③");
  expect(t.lines).toEqual(["提案のマッチング・結果のフィードバック【未来創造課→各課】", "第2回　発行日 令和8年11月24日　全 2 件", "発行: 企画部 未来創造課"]);
  expect(t.header).toEqual(FORM3_COLUMNS);
  expect(FORM3_COLUMNS.filter((c) => ["NO", "提案の件名", "提案内容", "企業等の連絡先"].includes(c))).toEqual(["NO", "提案の件名", "提案内容", "企業等の連絡先"]);
  const rows = flatTable(t).rows;
  expect(rows.map((r) => r[0])).toEqual([1, 2]);
  expect(rows[0]).toEqual([1, "=HYPERLINK(\"http://evil\")<b>", "内容20", "西武バス株式会社", "連携 次郎\njiro@example.jp\n042-000-0000", "", "全部署", ""]);
  expect(rows[1]).toEqual([2, "件名21", "親子料理教室\n子育てひろばで", "西武バス株式会社", "連携 次郎\njiro@example.jp\n042-000-0000", "可：講師を派遣できます", "子ども家庭部 子育て支援課\n総務部 防災防犯課", "子ども家庭部 子育て支援課（担当: 担当 太郎（内線 2101））"]);
  expect(form3FileName(input())).toBe("別紙③_フィードバック一覧_2026年度_第2回");
});

test("a list being compiled says so, as of today, and its file is marked 作成中", () => {
  const i = input({ issue: { editionNo: 3, status: "draft", issuedDate: null }, issuer: "" });
  expect(form3Table(i).lines).toEqual(["提案のマッチング・結果のフィードバック【未来創造課→各課】", "第3回　作成中・未発行（令和8年11月30日現在）　全 2 件"]);
  expect(form3FileName(i)).toBe("別紙③_フィードバック一覧_2026年度_第3回_作成中");
});

test("CSV: BOM, the header, one line per row (newlines kept inside quotes), a formula neutralised", () => {
  const csv = formTableCsv(form3Table(input()));
  expect(csv.startsWith('\uFEFF"NO","提案の件名","提案内容","企業等名","企業等の連絡先","企業等の回答・コメント","対象部署","実施希望部署"\r\n')).toBe(true);
  expect(csv).toContain('"1","\'=HYPERLINK(""http://evil"")<b>"');
  expect(csv.split("\r\n").filter(Boolean)).toHaveLength(3);
});

test("workbook: form number, title, lines, the ruled header frozen and repeated on each page, the rows; nothing runs as a formula", async () => {
  const t = form3Table(input());
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await buildFormTableWorkbook(ExcelJS, t));
  const ws = wb.getWorksheet("別紙③")!;
  const head = headerRowOf(t);
  expect(head).toBe(7);
  expect(ws.getCell("A1").value).toBe("別紙③");
  expect(ws.getCell("A2").value).toBe("令和8年度 包括連携協定 フィードバック一覧（別紙③）");
  expect(ws.getCell("A4").value).toBe("第2回　発行日 令和8年11月24日　全 2 件");
  expect(ws.getRow(head).values).toEqual([undefined, ...FORM3_COLUMNS]);
  expect(ws.getRow(head).font?.bold).toBe(true);
  expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: head });
  expect(ws.pageSetup).toMatchObject({ orientation: "landscape", fitToWidth: 1, printTitlesRow: `${head}:${head}` });
  expect(ws.getCell(head + 1, 1).value).toBe(1);
  expect(ws.getCell(head + 1, 2).value).toBe("'=HYPERLINK(\"http://evil\")<b>");
  expect(ws.getCell(head + 2, 6).value).toBe("可：講師を派遣できます");
  expect(ws.getCell(head + 2, 3).border?.left?.style).toBe("thin");
  expect(ws.rowCount).toBe(head + 2);
});

test("printable page: no script, every value escaped, header cells scoped, the form number and the title", () => {
  const html = formTableHtml(form3Table(input()));
  expect(html).not.toMatch(/<script/i);
  expect(html).toContain("&lt;b&gt;");
  expect(html).not.toContain("<b>");
  expect(html).toContain('<html lang="ja">');
  expect(html).toContain('<p class="form">別紙③</p>');
  expect(html).toContain("<h1>令和8年度 包括連携協定 フィードバック一覧（別紙③）</h1>");
  expect(html.match(/<th scope="col">/g)).toHaveLength(FORM3_COLUMNS.length);
  expect(html).toContain("親子料理教室<br>子育てひろばで");
  expect(html.match(/<tr><td/g)).toHaveLength(2);
  expect(html).toContain("size:A4 landscape");
});
