import ExcelJS from "exceljs";
import { SURVEY_COLUMNS, surveyFileName, surveyTable, SurveyExportInput } from "../../src/export/surveyExport";
import { formTableCsv, formTableHtml } from "../../src/export/formTable";
import { buildFormTableWorkbook, headerRowOf } from "../../src/export/formTableWorkbook";
import type { Department, PartnershipItem, SurveyResponse } from "../../src/domain/types";

/** The internal survey's answers (庁内調査) for the decision: per item, every department asked, 未回答 included. */

const dept = (id: number, title: string, sortOrder: number): Department => ({ id, title, sortOrder, active: true, isCoordinator: false }) as Department;
const item = (id: number, itemNo: number, text: string): PartnershipItem => ({ id, itemNo, text, agreement: { id: 1, title: "" } }) as PartnershipItem;
const answer = (d: Department, i: PartnershipItem, over: Partial<SurveyResponse> = {}): SurveyResponse =>
  ({ department: { id: d.id, title: d.title }, partnershipItem: { id: i.id, title: "" }, agreement: { id: 1, title: "" }, status: "answered", feasible: true, projectIdeas: "", comment: "", answeredAt: "2026-10-30T16:00:00Z", ...over }) as SurveyResponse;

const kosodate = dept(3, "子ども家庭部 子育て支援課", 30);
const bosai = dept(2, "総務部 防災防犯課", 20);
const doro = dept(5, "都市整備部 道路交通課", 50);
const transport = item(11, 1, "地域交通に関すること");
const tourism = item(12, 2, "観光振興に関すること");
const elderly = item(13, 3, "高齢者の外出支援に関すること");

const input = (over: Partial<SurveyExportInput> = {}): SurveyExportInput => ({
  agreement: { title: "清瀬市と西武バス株式会社との包括連携に関する協定", partner: { id: 1, title: "西武バス株式会社" }, briefingDate: "2026-10-08", briefingPlace: "市役所 本庁舎 4階 会議室", surveyDeadline: "2026-12-11" },
  items: [tourism, transport, elderly],
  responses: [
    answer(kosodate, transport, { projectIdeas: "子育て世帯向けバス教室", comment: "=危険?" }),
    answer(kosodate, tourism, { feasible: false }),
    answer(bosai, transport, { status: "requested", feasible: false, answeredAt: null }),
    answer(bosai, tourism, { status: "requested", feasible: false, answeredAt: null }),
    answer(doro, transport, { comment: "路線の見直しと合わせて" }),
    answer(doro, tourism, { projectIdeas: "観光ルートの案内" }),
    // 第3号 was added after the survey went out: only 道路交通課 was asked about it.
    answer(doro, elderly, { status: "requested", feasible: false, answeredAt: null }),
  ],
  departments: [kosodate, bosai, doro],
  today: "2026-11-24",
  ...over,
});

test("per item, every department asked in the city's order with its answer; 未回答, and 調査対象外 where it was not asked", () => {
  const t = surveyTable(input());
  expect(t.title).toBe("包括連携協定 庁内調査 回答一覧");
  expect(t.lines).toEqual([
    "協定名: 清瀬市と西武バス株式会社との包括連携に関する協定",
    "企業等: 西武バス株式会社",
    "庁内説明会: 令和8年10月8日　市役所 本庁舎 4階 会議室",
    "回答期限: 令和8年12月11日",
    "回答状況: 3 部署中 1 部署が回答済（令和8年11月24日現在）",
  ]);
  expect(t.header).toEqual(SURVEY_COLUMNS);
  expect(t.sections.map((s) => [s.heading, s.note])).toEqual([
    ["第1号 地域交通に関すること", "回答 2 / 3 部署・可能性あり 2"],
    ["第2号 観光振興に関すること", "回答 2 / 3 部署・可能性あり 1"],
    ["第3号 高齢者の外出支援に関すること", "回答 0 / 1 部署・可能性あり 0"],
  ]);
  expect(t.sections[0].rows).toEqual([
    ["総務部 防災防犯課", "未回答", "", "", "", ""],
    ["子ども家庭部 子育て支援課", "回答済", "可能性あり", "子育て世帯向けバス教室", "=危険?", "令和8年10月31日"],
    ["都市整備部 道路交通課", "回答済", "可能性あり", "", "路線の見直しと合わせて", "令和8年10月31日"],
  ]);
  expect(t.sections[1].rows[1]).toEqual(["子ども家庭部 子育て支援課", "回答済", "可能性なし", "", "", "令和8年10月31日"]);
  expect(t.sections[2].rows.map((r) => r.slice(0, 2))).toEqual([
    ["総務部 防災防犯課", "調査対象外"],
    ["子ども家庭部 子育て支援課", "調査対象外"],
    ["都市整備部 道路交通課", "未回答"],
  ]);
  expect(surveyFileName(input())).toBe("庁内調査_西武バス株式会社_2026-11-24");
  // A name Windows or SharePoint would refuse in a file name is made safe.
  expect(surveyFileName(input({ agreement: { ...input().agreement, partner: { id: 1, title: "A/B: C*D" } } }))).toBe("庁内調査_A_B__C_D_2026-11-24");
});

test("after the deadline an unanswered department reads 期限超過", () => {
  const t = surveyTable(input({ today: "2026-12-12" }));
  expect(t.sections[0].rows[0][1]).toBe("未回答（期限超過）");
});

test("CSV and workbook are flat: 連携事項 first, one line per item and department", async () => {
  const t = surveyTable(input());
  const csv = formTableCsv(t);
  expect(csv.startsWith('\uFEFF"連携事項","調査対象部署","回答状況","連携事業の可能性","具体的な事業案","意見","回答日"\r\n')).toBe(true);
  expect(csv.split("\r\n").filter(Boolean)).toHaveLength(1 + 9);
  expect(csv).toContain('"第1号 地域交通に関すること","子ども家庭部 子育て支援課","回答済","可能性あり","子育て世帯向けバス教室","\'=危険?"');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await buildFormTableWorkbook(ExcelJS, t));
  const ws = wb.getWorksheet("庁内調査")!;
  const head = headerRowOf(t);
  expect(ws.getCell("A2").value).toBe("包括連携協定 庁内調査 回答一覧");
  expect(ws.getRow(head).values).toEqual([undefined, "連携事項", ...SURVEY_COLUMNS]);
  expect(ws.rowCount).toBe(head + 9);
  expect(ws.getCell(head + 1, 3).value).toBe("未回答");
});

test("printable page: one section per item with its heading and counts, the item column not repeated", () => {
  const html = formTableHtml(surveyTable(input()));
  expect(html.match(/<section aria-labelledby="s\d">/g)).toHaveLength(3);
  expect(html).toContain('<h2 id="s1">第1号 地域交通に関すること <span class="note">回答 2 / 3 部署・可能性あり 2</span></h2>');
  expect(html.match(/<th scope="col">連携事項<\/th>/g)).toBeNull();
  expect(html.match(/<th scope="col">調査対象部署<\/th>/g)).toHaveLength(3);
  expect(html).not.toMatch(/<script/i);
});
