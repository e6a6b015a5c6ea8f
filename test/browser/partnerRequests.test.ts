import * as fs from "fs";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { Page } from "playwright-core";
import { BrowserHarness, setDate, startHarness } from "./harness";

/**
 * Issue 33, point 4 in Chromium: from a Form 1 call (and a Form 2 call), the coordinator gets
 * every partner's workbook and a mail draft with it attached in one zip, with the request
 * letter (依頼文) to copy and a mailto per partner; the contact written once is kept.
 */

let h: BrowserHarness;
beforeAll(async () => {
  h = await startHarness();
}, 90000);
afterAll(async () => h?.stop());

async function openRequests(page: Page, form: string): Promise<ReturnType<Page["getByRole"]>> {
  await page.getByRole("tab", { name: "調査依頼" }).click();
  // A table where it fits, stacked cards at 390 px (ResponsiveDetailsList): the call's row or card.
  const row = page.getByRole("row").or(page.getByRole("listitem")).filter({ hasText: form }).first();
  await row.locator("button, a").first().click();
  await page.getByRole("button", { name: "企業等への依頼一式" }).click();
  const dlg = page.getByRole("alertdialog", { name: /^企業等への依頼一式/ });
  await dlg.getByLabel("差出人（市・部課名）").waitFor();
  return dlg;
}

const decodeWords = (v: string): string => v.replace(/\?=\s+=\?/g, "?==?").replace(/=\?UTF-8\?B\?([^?]*)\?=/g, (_, b: string) => Buffer.from(b, "base64").toString("utf8"));

test("Form 1: all partners' workbooks and mail drafts in one zip, the letter with deadline and contact, mailto with subject; the contact is kept", async () => {
  const c = await h.open("&only=annual", "", 7);
  const dlg = await openRequests(c.page, "別紙①（企業等からの提案）");
  // The sender falls back to the coordinator's division until saved.
  expect(await dlg.getByLabel("差出人（市・部課名）").inputValue()).toMatch(/未来創造課/);
  await dlg.getByLabel("差出人（市・部課名）").fill("清瀬市 企画部 未来創造課");
  await dlg.getByLabel("担当者").fill("山田 花子");
  await dlg.getByLabel("電話番号").fill("042-492-5111");
  await dlg.getByLabel("メールアドレス").fill("mirai@city.example.jp");
  // No deadline yet (the call's has passed): asked for, nothing downloaded.
  await dlg.getByRole("button", { name: /^ZIP をダウンロード/ }).click();
  await dlg.getByText("提出期限を入れてください。").waitFor();
  await setDate(dlg.getByLabel("企業等の提出期限"), "2026-12-18");

  const letter = dlg.getByLabel(/^依頼文/);
  await letter.waitFor();
  const text = await letter.inputValue();
  expect(text).toContain("令和8年度における連携事項のご提案について（依頼）");
  expect(text).toContain("２　提出期限　令和8年12月18日（金）");
  expect(text).toContain("　　　担当：山田 花子");
  expect(text).toContain("包括連携協定締結先 各位");
  await c.page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await dlg.getByRole("button", { name: "依頼文をコピー" }).click();
  await dlg.getByText("依頼文をコピーしました。").waitFor();
  expect(await c.page.evaluate(() => navigator.clipboard.readText())).toBe(text);

  // One line per partner of the call, with a mailto carrying subject and body within 2,000 characters.
  const items = dlg.getByRole("list", { name: "依頼先の企業等" }).getByRole("listitem");
  const count = await items.count();
  expect(count).toBeGreaterThanOrEqual(3);
  const mail = dlg.locator('a[href^="mailto:"]').first();
  const href = (await mail.getAttribute("href"))!;
  expect(href.length).toBeLessThanOrEqual(2000);
  const url = new URL(href);
  expect(url.searchParams.get("subject")).toBe("【依頼】令和8年度における連携事項のご提案について（清瀬市 企画部 未来創造課）");
  expect(url.searchParams.get("body")).toContain("令和8年12月18日（金）");
  // The letter is too long for a link: said once, the drafts in the zip carry it whole.
  await dlg.getByText(/長さの制限（約 2,000 文字）のため本文は要約/).waitFor();
  expect(await mail.getAttribute("aria-label")).toMatch(/^メールを作成: /);
  await h.shot(c.page, "cycle-partner-requests.png", { fullPage: false });
  // Nothing runs sideways: the dialog fits the window.
  expect(await dlg.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);

  const [download] = await Promise.all([c.page.waitForEvent("download"), dlg.getByRole("button", { name: `ZIP をダウンロード（${count} 件）` }).click()]);
  expect(download.suggestedFilename()).toBe("別紙1_令和8年度_企業等への依頼一式.zip");
  await dlg.getByText(/別紙1_令和8年度_企業等への依頼一式\.zip をダウンロードしました/).waitFor();
  const zip = await JSZip.loadAsync(fs.readFileSync((await download.path())!));
  const names = Object.keys(zip.files);
  expect(names[0]).toBe("依頼文_別紙1_令和8年度.txt");
  const xlsx = names.filter((n) => /^別紙1_令和8年度_.+\.xlsx$/.test(n));
  const eml = names.filter((n) => /^別紙1_令和8年度_.+\.eml$/.test(n));
  expect(xlsx).toHaveLength(count);
  expect(eml).toHaveLength(count);
  expect(names).toHaveLength(1 + 2 * count);
  expect(await zip.file(names[0])!.async("string")).toContain("２　提出期限　令和8年12月18日（金）");

  // Each workbook names its partner; each draft is addressed to that partner's contact.
  const partners = [...h.backend.store.list("PD_Partners")!.items.values()];
  for (const name of xlsx) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await zip.file(name)!.async("arraybuffer"));
    const partnerName = String(wb.getWorksheet("別紙①")!.getCell("B4").value);
    expect(name).toBe(`別紙1_令和8年度_${partnerName.replace(/[\\/:*?"<>|]/g, "_")}.xlsx`);
    const draft = await zip.file(name.replace(/\.xlsx$/, ".eml"))!.async("string");
    expect(draft).toMatch(/^X-Unsent: 1\r\n/);
    const email = partners.find((p) => p.values.Title === partnerName)?.values.ContactEmail as string;
    const to = /\r\nTo: ((?:.|\r\n )+)\r\n/.exec(draft);
    if (email) expect(decodeWords(to![1])).toContain(`<${email}>`);
    else expect(to).toBeNull();
    // The attachment's name (RFC 2231 / 5987: percent-encoded UTF-8, an apostrophe too) is the workbook's.
    expect(decodeURIComponent(/filename\*=UTF-8''([^\s;]+)/.exec(draft)![1])).toBe(name);
  }
  expect(c.errors).toEqual([]);
  await dlg.getByRole("button", { name: "閉じる" }).click();

  await c.page.context().close();

  // The contact was saved: opening the page again shows it, here from the Form 1 tab (no partner chosen needed).
  const c2 = await h.open("&only=annual", "", 7);
  await c2.page.getByRole("tab", { name: "別紙① 企業等からの提案" }).click();
  await c2.page.getByRole("button", { name: "企業等への依頼一式" }).click();
  const again = c2.page.getByRole("alertdialog", { name: "企業等への依頼一式：別紙①（企業等からの提案）" });
  await again.getByLabel("担当者").waitFor();
  expect(await again.getByLabel("担当者").inputValue()).toBe("山田 花子");
  expect(await again.getByLabel("メールアドレス").inputValue()).toBe("mirai@city.example.jp");
  expect(await h.axe(c2.page, "document")).toEqual([]);
  expect(c2.errors).toEqual([]);
  await c2.page.context().close();
}, 120000);

test("Form 2: each partner gets the city's proposals to it with the answer letter; at 390 px the dialog does not run sideways", async () => {
  const c = await h.open("&only=annual", "", 7);
  await c.page.setViewportSize({ width: 390, height: 844 });
  const dlg = await openRequests(c.page, "別紙②（市からの提案）");
  await setDate(dlg.getByLabel("企業等の提出期限"), "2027-01-15");
  const letter = await dlg.getByLabel(/^依頼文/).inputValue();
  expect(letter).toContain("令和8年度における本市からの連携事項の提案へのご回答について（依頼）");
  expect(letter).toContain("「連携の可否」欄（可・否・要協議）");
  const widths = await c.page.evaluate(() => ({ doc: document.documentElement.scrollWidth, win: window.innerWidth }));
  expect(widths.doc).toBeLessThanOrEqual(widths.win);
  expect(await dlg.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
  await h.shot(c.page, "cycle-partner-requests-390.png", { fullPage: false });

  const items = dlg.getByRole("list", { name: "依頼先の企業等" }).getByRole("listitem");
  const count = await items.count();
  expect(count).toBeGreaterThan(0);
  const [download] = await Promise.all([c.page.waitForEvent("download"), dlg.getByRole("button", { name: `ZIP をダウンロード（${count} 件）` }).click()]);
  expect(download.suggestedFilename()).toBe("別紙2_令和8年度_企業等への依頼一式.zip");
  const zip = await JSZip.loadAsync(fs.readFileSync((await download.path())!));
  const xlsx = Object.keys(zip.files).filter((n) => n.endsWith(".xlsx"));
  expect(xlsx).toHaveLength(count);
  // The first partner's workbook lists as many proposals as its line says.
  const first = (await items.first().textContent()) ?? "";
  const n = Number(/提案 (\d+) 件/.exec(first)![1]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await zip.file(xlsx[0])!.async("arraybuffer"));
  const ws = wb.getWorksheet("別紙②")!;
  let rows = 0;
  for (let r = 7; r <= ws.rowCount; r++) if (ws.getCell(r, 2).value) rows++;
  expect(rows).toBe(n);
  const body = await zip.file(xlsx[0].replace(/\.xlsx$/, ".eml"))!.async("string");
  const text = Buffer.from(body.split("\r\n\r\n")[2].split("\r\n--")[0].replace(/\r\n/g, ""), "base64").toString("utf8");
  expect(text).toContain(`（提案 ${n} 件）`);
  expect(c.errors).toEqual([]);
  await c.page.context().close();
}, 120000);
