import ExcelJS from "exceljs";
import { BrowserHarness, setDate, startHarness } from "./harness";

/**
 * The yearly cycle in Chromium: a department submits Form 2 in its portal; the coordinator
 * sees it, records the partner's answer, and round-trips a Form 1 workbook with a partner.
 */

let h: BrowserHarness;
beforeAll(async () => {
  h = await startHarness();
}, 90000);
afterAll(async () => h?.stop());

test("a department submits Form 2; the coordinator records the partner's answer", async () => {
  const d = await h.open("&only=portal", "", 11);
  await d.page.getByRole("menuitem", { name: "提案を登録" }).click();
  const dlg = d.page.getByRole("alertdialog", { name: "市からの提案（別紙②）" });
  await dlg.getByRole("combobox", { name: "連携相手企業" }).click();
  await d.page.getByRole("option", { name: "東和生命保険株式会社" }).click();
  await dlg.getByRole("combobox", { name: "該当する連携事項" }).click();
  await d.page.getByRole("option", { name: "第3号 子育て支援に関すること" }).click();
  await dlg.getByLabel("提案の件名").fill("子育て世帯向けの家計と保険の講座");
  await dlg.getByLabel("提案内容").fill("子育てひろばで、家計管理と保険の基礎を学ぶ講座を年2回開催したい。");
  await h.shot(d.page, "cycle-form2-department.png");
  await dlg.getByRole("button", { name: "提出する" }).click();
  // A submission locks the row: asked first.
  await d.page.getByRole("alertdialog", { name: "提出する" }).getByRole("button", { name: "提出する" }).click();
  await d.page.getByRole("button", { name: "子育て世帯向けの家計と保険の講座" }).waitFor();
  expect(d.errors).toEqual([]);
  await d.page.context().close();

  const c = await h.open("&only=annual", "", 7);
  await c.page.getByRole("tab", { name: "別紙② 市からの提案" }).click();
  await c.page.getByRole("button", { name: "子育て世帯向けの家計と保険の講座" }).click();
  const ad = c.page.getByRole("alertdialog", { name: "回答を記録" });
  await ad.getByText("要協議").click();
  await ad.getByLabel("コメント").fill("開催時期を協議したい");
  await setDate(ad.getByLabel("回答日"), "2026-11-20");
  await ad.getByRole("button", { name: "保存" }).click();
  await c.page.getByRole("row", { name: /子育て世帯向けの家計と保険の講座.*要協議/ }).waitFor();
  await h.shot(c.page, "cycle-form2-answers.png");
  await c.page.getByRole("tab", { name: "年度の概要" }).click();
  await c.page.getByRole("heading", { name: "企業等別" }).waitFor();
  await h.shot(c.page, "cycle-year-overview.png");
  expect(await h.axe(c.page)).toEqual([]);
  expect(c.errors).toEqual([]);
  await c.page.context().close();
}, 90000);

test("Form 1 round trip: download a partner's workbook, fill it, import it (twice: nothing doubles)", async () => {
  const c = await h.open("&only=annual", "", 7);
  await c.page.getByRole("tab", { name: "別紙① 企業等からの提案" }).click();
  await c.page.getByRole("combobox", { name: "企業等" }).click();
  await c.page.getByRole("option", { name: "清瀬北大学" }).click();
  const [download] = await Promise.all([c.page.waitForEvent("download"), c.page.getByRole("button", { name: "様式（Excel）をダウンロード" }).click()]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile((await download.path())!);
  const ws = wb.getWorksheet("別紙①")!;
  expect(ws.getCell("B4").value).toBe("清瀬北大学");
  ws.getCell("B7").value = "第1号 教育・学術研究に関すること";
  ws.getCell("C7").value = "市民公開講座の共催";
  ws.getCell("D7").value = "大学の教員が市民向けに地域課題の公開講座を行う。";
  ws.getCell("E7").value = "随時";
  ws.getCell("B8").value = "観光振興に関すること";
  ws.getCell("C8").value = "観光ガイド";
  ws.getCell("D8").value = "学生ガイド";
  const file = `${download.suggestedFilename()}`;
  const filled = Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  for (const round of [1, 2]) {
    await c.page.locator('input[type="file"]').first().setInputFiles({ name: file, mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: filled });
    const status = c.page.getByRole("status");
    await status.getByText(round === 1 ? "取り込んだ行: 1 件" : "取り込んだ行: 0 件").waitFor();
    await status.getByText("8 行目: 協定の連携事項ではありません（観光振興に関すること）").waitFor();
    if (round === 2) await status.getByText("すでに取り込み済みの行: 1 件", { exact: false }).waitFor();
    if (round === 1) await h.shot(c.page, "cycle-form1-import.png");
  }
  await c.page.getByRole("gridcell", { name: "市民公開講座の共催" }).waitFor();
  expect(await c.page.getByRole("gridcell", { name: "市民公開講座の共催" }).count()).toBe(1);

  await c.page.locator('input[type="file"]').first().setInputFiles({ name: "not-a-workbook.xlsx", mimeType: "application/octet-stream", buffer: Buffer.from("hello") });
  await c.page.getByText("Excel ファイル（.xlsx）として読めません。").waitFor();
  expect(c.errors).toEqual([]);
  await c.page.context().close();
}, 90000);

test("the Form 1 board shows each partner's contact, to be reached directly (mail and phone links)", async () => {
  const c = await h.open("&only=annual", "", 7);
  await c.page.getByRole("tab", { name: "調査依頼" }).click();
  const row = c.page.getByRole("row").filter({ hasText: "別紙①（企業等からの提案）" }).first();
  await row.locator("button, a").first().click();
  const panel = c.page.getByRole("dialog");
  // A table where the panel is wide enough, else one card per partner naming the column (issue 33 item 9).
  await panel.getByRole("columnheader", { name: "企業等の連絡先" }).or(panel.getByRole("list", { name: "提出状況" }).getByText("企業等の連絡先").first()).waitFor();
  const mail = panel.locator('a[href^="mailto:"]').first();
  await mail.waitFor();
  expect(await mail.getAttribute("href")).toMatch(/^mailto:[^@]+@/);
  expect(await panel.locator('a[href^="tel:"]').count()).toBeGreaterThan(0);
  expect(c.errors).toEqual([]);
  await c.page.context().close();
}, 90000);

test("a row a member wrote in its own folder naming another department is listed for the coordinator under 所属フォルダーと一致しない行, with who wrote it and where", async () => {
  const dept = (code: string) => [...h.backend.store.list("PD_Departments")!.items.values()].find((d) => d.values.UnitCode === code)!.Id;
  // 防災 次郎 (総務部 防災課) writes, through the REST API, a 2026 wish in its own folder that names 子育て支援課.
  const r = await fetch(`${h.backend.siteUrl}/_api/web/getlist('/sites/partnership/Lists/PD_ImplementationWishes')/AddValidateUpdateItemUsingPath()`, {
    method: "POST",
    headers: { accept: "application/json;odata=nometadata", "content-type": "application/json", "x-pd-user": "12" },
    body: JSON.stringify({
      listItemCreateInfo: { FolderPath: { DecodedUrl: "/sites/partnership/Lists/PD_ImplementationWishes/somu-bosai" }, UnderlyingObjectType: 0 },
      formValues: [
        { FieldName: "Title", FieldValue: "他課の名での実施希望" },
        { FieldName: "FiscalYear", FieldValue: "2026" },
        { FieldName: "Matching", FieldValue: String([...h.backend.store.list("PD_Matchings")!.items.values()].find((m) => m.fsObjType !== 1)!.Id) },
        { FieldName: "Department", FieldValue: String(dept("kodomo-kosodate")) },
      ],
      bNewDocumentUpdate: false,
    }),
  });
  expect(r.status).toBe(200);
  const c = await h.open("&only=annual", "", 7);
  const section = c.page.getByRole("region", { name: "所属フォルダーと一致しない行" });
  await section.getByRole("heading", { name: "所属フォルダーと一致しない行" }).waitFor();
  const row = section.getByRole("row", { name: /他課の名での実施希望/ });
  await row.waitFor();
  expect(await row.innerText()).toMatch(/防災 次郎[\s\S]*somu-bosai[\s\S]*別の部署のフォルダーにある/);
  expect(await h.axe(c.page)).toEqual([]);
  expect(c.errors).toEqual([]);
  await c.page.context().close();
}, 90000);

test("a row a member stored as 公表済 in its folder of the published year, reopened for a late report, is listed under 所属フォルダーと一致しない行 as not in what the city published", async () => {
  const { PartnershipData } = await import("../../src/data/sp/PartnershipData");
  const { spForUrl } = await import("../../src/data/sp/spForUrl");
  const { restAs } = await import("../helpers/backend");
  // The coordinator reopens 子育て支援課's folder of fiscal 2025 (published) for a late report.
  await new PartnershipData(spForUrl(h.backend.siteUrl, { "X-PD-User": "7" }), h.backend.siteUrl).submissions.open("resultReports", 2025, ["kodomo-kosodate"]);
  const kodomo = [...h.backend.store.list("PD_Departments")!.items.values()].find((d) => d.values.UnitCode === "kodomo-kosodate")!.Id;
  // 子育 太郎 writes, through the REST API, a row that says it was published.
  const r = await restAs(h.backend.siteUrl, 11, "web/getlist('/sites/partnership/Lists/PD_ResultReports')/AddValidateUpdateItemUsingPath()", {
    method: "POST",
    body: {
      listItemCreateInfo: { FolderPath: { DecodedUrl: "/sites/partnership/Lists/PD_ResultReports/kodomo-kosodate-2025" }, UnderlyingObjectType: 0 },
      formValues: Object.entries({ Title: "公表済を名乗る実績", FiscalYear: "2025", Department: String(kodomo), RowNo: "99", Content: "公表されていない本文", Partner: "1", ResultStatus: "公表済" }).map(([FieldName, FieldValue]) => ({ FieldName, FieldValue })),
      bNewDocumentUpdate: false,
    },
  });
  expect(r.status).toBe(200);
  // In March 2026 the year on screen is fiscal 2025.
  const c = await h.open("&only=annual&today=2026-03-16", "", 7);
  const section = c.page.getByRole("region", { name: "所属フォルダーと一致しない行" });
  const row = section.getByRole("row", { name: /公表済を名乗る実績/ });
  await row.waitFor();
  expect(await row.innerText()).toMatch(/子育 太郎[\s\S]*kodomo-kosodate-2025[\s\S]*公表済とあるが、公表した実績に含まれていない/);
  await row.scrollIntoViewIfNeeded();
  await h.shot(c.page, "cycle-row-not-published.png");
  expect(await c.page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
  expect(await h.axe(c.page)).toEqual([]);
  expect(c.errors).toEqual([]);
  await c.page.context().close();
}, 90000);
