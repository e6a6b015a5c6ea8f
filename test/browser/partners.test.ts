import { Locator, Page } from "playwright-core";
import { BrowserHarness, setDate, startHarness } from "./harness";

/**
 * Partners (企業等) in Chromium: registered from inside the approach panel without losing
 * what was typed (a duplicate name refused at the field), and the partners list like
 * Microsoft Lists (headers that sort, search by フリガナ, the count). Form ① and ② get the
 * same headers and count.
 */

let h: BrowserHarness;
beforeAll(async () => {
  h = await startHarness();
}, 90000);
afterAll(async () => h?.stop());

const TITLE = "清瀬市と株式会社はなみずき農園との包括連携に関する協定";
const NEW_PARTNER = "株式会社はなみずき農園";

const firstCell = async (grid: Locator, column: number): Promise<string> => ((await grid.getByRole("row").nth(1).getByRole("gridcell").nth(column).textContent()) ?? "").trim();
const total = async (page: Page): Promise<number> => Number(((await page.getByRole("status").filter({ hasText: /^全 \d+ 件$/ }).textContent()) ?? "").replace(/\D/g, ""));

test("the partners list: headers sort by reading and kind, a search by フリガナ shows its count", async () => {
  const { page, errors } = await h.open("&only=agreements", "", 7);
  await page.getByRole("tab", { name: "企業等" }).click();
  const grid = page.getByRole("grid", { name: "企業等" });
  await grid.getByRole("row").nth(2).waitFor();
  const all = await total(page);
  expect(all).toBeGreaterThanOrEqual(12);
  // By reading from the start (アオバツウシン first); the header: the same, then the other way (ムサシノガス first).
  expect(await firstCell(grid, 0)).toBe("株式会社アオバ通信");
  const name = grid.getByRole("columnheader", { name: /^企業等名/ });
  await name.click();
  await grid.getByRole("columnheader", { name: /^企業等名/ }).and(page.locator('[aria-sort="ascending"]')).waitFor();
  expect(await firstCell(grid, 0)).toBe("株式会社アオバ通信");
  await name.click();
  await grid.getByRole("columnheader", { name: /^企業等名/ }).and(page.locator('[aria-sort="descending"]')).waitFor();
  expect(await firstCell(grid, 0)).toBe("武蔵野ガス株式会社");
  // 種別: in the form's order (企業 first; the other way, 団体 first).
  const kind = grid.getByRole("columnheader", { name: /^種別/ });
  await kind.click();
  expect(await firstCell(grid, 1)).toBe("企業");
  await kind.click();
  expect(await firstCell(grid, 1)).toBe("団体");
  // ひらがなで読みを: 清瀬北大学, 清瀬市医師会, 清瀬信用金庫 (キヨセ…), still in the clicked order.
  await page.getByRole("searchbox", { name: "検索" }).fill("きよせ");
  await page.getByRole("status").filter({ hasText: `3 件を表示（全 ${all} 件）` }).waitFor();
  expect(await grid.getByRole("row").count()).toBe(4);
  await h.shot(page, "partners-sorted-searched.png", { fullPage: false });
  await page.getByRole("searchbox", { name: "検索" }).fill("存在しない企業");
  await page.getByRole("status").filter({ hasText: `0 件を表示（全 ${all} 件）` }).waitFor();
  await page.getByText("該当するデータはありません。").waitFor();
  expect(await h.axe(page)).toEqual([]);
  expect(errors).toEqual([]);
  await page.context().close();
}, 90000);

test("a new partner registered from inside the approach panel: a duplicate refused at its name, then saved, selected, and the approach finished", async () => {
  const { page, errors } = await h.open("&only=agreements", "", 7);
  await page.getByRole("tab", { name: "企業等" }).click();
  await page.getByRole("grid", { name: "企業等" }).getByRole("row").nth(2).waitFor();
  const before = await total(page);
  await page.getByRole("tab", { name: "協定台帳" }).click();

  // The approach typed first: none of it may be lost.
  await page.getByRole("menuitem", { name: "新しい協定" }).click();
  const sp = page.getByRole("dialog", { name: "新しい協定" });
  await sp.getByLabel("協定名").fill(TITLE);
  await setDate(sp.getByLabel("打診日"), "2026-11-10");
  await sp.getByLabel("企業等から提案された協定内容").fill("農業体験と食育の分野で連携したい。");
  await sp.getByLabel("連携事項（1行に1つ。上から第1号、第2号…）").fill("食育に関すること\n農業振興に関すること");

  // The partner choice narrows as one types the reading (ひらがな for ムサシノガス).
  const choice = sp.getByRole("combobox", { name: /^企業等/ });
  await choice.fill("むさしの");
  const list = page.getByRole("listbox");
  await list.getByRole("option", { name: "武蔵野ガス株式会社（ムサシノガス）" }).waitFor();
  expect(await list.getByRole("option").count()).toBe(1);
  await choice.fill("はなみずき");
  await page.getByText("該当する企業等はありません。", { exact: false }).waitFor();
  await choice.press("Escape");

  await sp.getByRole("button", { name: "新しい企業等を登録" }).click();
  const pp = page.getByRole("dialog", { name: "新しい企業等を登録" });
  // The same name as a registered partner, written with the abbreviation: refused at the field, input kept.
  await pp.getByLabel("企業等名").fill("(株)みらい電機");
  await pp.getByLabel("フリガナ").fill("ハナミズキノウエン");
  await pp.getByLabel("担当者").fill("花水木 太郎");
  await pp.getByLabel("メールアドレス").fill("taro@hanamizuki.example.jp");
  await pp.getByRole("button", { name: "保存" }).click();
  await pp.getByText("同じ名前の企業等がすでに登録されています（株式会社みらい電機）。").waitFor();
  expect(await pp.getByLabel("担当者").inputValue()).toBe("花水木 太郎");
  expect(await pp.getByLabel("メールアドレス").inputValue()).toBe("taro@hanamizuki.example.jp");
  await h.shot(page, "approach-new-partner-duplicate.png", { fullPage: false });
  expect(await h.axe(page, "document")).toEqual([]);

  await pp.getByLabel("企業等名").fill(NEW_PARTNER);
  await pp.getByRole("button", { name: "保存" }).click();
  await pp.waitFor({ state: "detached" });
  // Selected in the start panel; what was typed there is as it was.
  await sp.getByText(`「${NEW_PARTNER}」を登録し、企業等として選択しました。`).waitFor();
  expect(await choice.inputValue()).toBe(NEW_PARTNER);
  expect(await sp.getByLabel("協定名").inputValue()).toBe(TITLE);
  expect(await sp.getByLabel("打診日").inputValue()).toBe("2026-11-10");
  expect(await sp.getByLabel("企業等から提案された協定内容").inputValue()).toBe("農業体験と食育の分野で連携したい。");
  await sp.getByText("第2号\u3000農業振興に関すること").waitFor();
  await h.shot(page, "approach-new-partner.png", { fullPage: false });
  expect(await h.axe(page, "document")).toEqual([]);

  await sp.getByRole("button", { name: "登録する" }).click();
  const panel = page.getByRole("dialog", { name: TITLE });
  await panel.getByText("打診", { exact: true }).first().waitFor();
  await panel.getByText(NEW_PARTNER).first().waitFor();
  await panel.getByRole("button", { name: "閉じる" }).first().click();
  await panel.waitFor({ state: "detached" });

  // The register shows it; the partners list holds the new partner once.
  await page.getByRole("grid", { name: "協定管理" }).getByRole("row", { name: new RegExp(NEW_PARTNER) }).waitFor();
  await page.getByRole("tab", { name: "企業等" }).click();
  await page.getByRole("searchbox", { name: "検索" }).fill("はなみずき");
  await page.getByRole("status").filter({ hasText: `1 件を表示（全 ${before + 1} 件）` }).waitFor();
  expect(await page.getByRole("grid", { name: "企業等" }).getByRole("row", { name: new RegExp(NEW_PARTNER) }).count()).toBe(1);
  expect(errors).toEqual([]);
  await page.context().close();
}, 120000);

test("Form ① and ② lists: a count after filtering and headers that sort", async () => {
  const { page, errors } = await h.open("&only=annual", "", 7);
  for (const [tab, grid, header] of [
    ["別紙① 企業等からの提案", "別紙① 企業等からの提案", /^企業等/],
    ["別紙② 市からの提案", "別紙② 市からの提案", /^企業等/],
  ] as const) {
    await page.getByRole("tab", { name: tab }).click();
    const g = page.getByRole("grid", { name: grid });
    await g.getByRole("row").nth(1).waitFor();
    const all = await total(page);
    expect(all).toBeGreaterThan(0);
    await g.getByRole("columnheader", { name: header }).click();
    await g.getByRole("columnheader", { name: header }).and(page.locator('[aria-sort="ascending"]')).waitFor();
    await g.getByRole("columnheader", { name: header }).click();
    await g.getByRole("columnheader", { name: header }).and(page.locator('[aria-sort="descending"]')).waitFor();
    // One partner chosen: the count says how many of all are shown.
    await page.getByRole("combobox", { name: "企業等" }).click();
    await page.getByRole("listbox").getByRole("option").nth(1).click();
    await page.getByRole("status").filter({ hasText: new RegExp(`^\\d+ 件を表示（全 ${all} 件）$`) }).waitFor();
    expect(await h.axe(page)).toEqual([]);
  }
  await h.shot(page, "cycle-form2-sorted.png", { fullPage: false });
  expect(errors).toEqual([]);
  await page.context().close();
}, 90000);
