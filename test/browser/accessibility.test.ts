import { BrowserHarness, startHarness, tabTo } from "./harness";

/**
 * Every screen of every web part through axe-core (zero serious or critical violations),
 * dialogs and panels included, and a keyboard-only walk through the register.
 */

let h: BrowserHarness;
beforeAll(async () => {
  h = await startHarness();
}, 90000);
afterAll(async () => h?.stop());

const screens: Array<{ only: string; user: number; tabs: string[] }> = [
  { only: "agreements", user: 7, tabs: ["協定台帳", "見直し・更新カレンダー", "企業等", "台帳の取込", "設定"] },
  { only: "annual", user: 7, tabs: ["年度の概要", "調査依頼", "別紙① 企業等からの提案", "別紙② 市からの提案", "別紙③ マッチング", "Teams チャネル"] },
  { only: "portal", user: 11, tabs: [] },
  { only: "results", user: 7, tabs: [] },
];

test.each(screens)("$only: every tab passes axe", async ({ only, user, tabs }) => {
  const { page, errors } = await h.open(`&only=${only}`, "", user);
  await page.locator("main h2").first().waitFor();
  const found: Record<string, unknown> = {};
  for (const tab of tabs.length ? tabs : [""]) {
    if (tab) await page.getByRole("tab", { name: tab }).click();
    const v = await h.axe(page, "document");
    if (v.length) found[tab || only] = v;
  }
  expect(found).toEqual({});
  expect(errors).toEqual([]);
  await page.context().close();
}, 90000);

test("a link on a hovered row keeps WCAG's 4.5:1 against the row's hover grey (axe does not hover)", async () => {
  const { page, errors } = await h.open("&only=agreements", "", 7);
  const link = page.getByRole("button", { name: "開く: 清瀬市と株式会社ひばり交通との包括連携に関する協定" });
  // The pointer on the row, not on the link (a hovered link has its own darker colour).
  const row = page.locator('tr[role="row"]', { has: link });
  await row.locator('[role="gridcell"]').last().hover();
  await page.waitForFunction((el) => !!el && getComputedStyle(el).backgroundColor === "rgb(243, 242, 241)", await row.elementHandle());
  const ratio = await link.evaluate((el) => {
    const rgb = (c: string): number[] => (c.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map(Number);
    const lum = (c: number[]): number => {
      const [r, g, b] = c.map((v) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const fg = lum(rgb(getComputedStyle(el).color));
    const bg = lum(rgb(getComputedStyle(el.closest('tr[role="row"]')!).backgroundColor));
    return (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
  });
  expect(ratio).toBeGreaterThanOrEqual(4.5);
  expect(errors).toEqual([]);
  await page.context().close();
});

test("dialogs and panels pass axe: an agreement's story, a new agreement, a call's board", async () => {
  const { page, errors } = await h.open("&only=agreements", "", 7);
  await page.getByRole("button", { name: "開く: 清瀬市と株式会社ひばり交通との包括連携に関する協定" }).click();
  await page.getByRole("dialog").getByText("回答済 2 / 4").waitFor();
  expect(await h.axe(page, "document")).toEqual([]);
  expect(errors).toEqual([]);
  await page.context().close();

  const n = await h.open("&only=agreements", "", 7);
  await n.page.getByRole("menuitem", { name: "新しい協定" }).click();
  await n.page.getByRole("dialog", { name: "新しい協定" }).getByLabel("協定名").waitFor();
  expect(await h.axe(n.page, "document")).toEqual([]);
  await n.page.context().close();

  const a = await h.open("&only=annual", "", 7);
  await a.page.getByRole("tab", { name: "調査依頼" }).click();
  await a.page.getByRole("button", { name: "2026年度 連携事項の提案（別紙②）の依頼" }).click();
  await a.page.getByRole("dialog").getByRole("button", { name: "未提出の部署に Teams で督促" }).waitFor();
  expect(await h.axe(a.page, "document")).toEqual([]);
  await a.page.context().close();
}, 90000);

test("keyboard only: search the register, open an agreement, close it, and reach the partners tab", async () => {
  const { page, errors } = await h.open("&only=agreements", "", 7);
  await page.getByRole("tab", { name: "協定台帳" }).waitFor();
  // Tab from the top of the page to the search box.
  let guard = 0;
  while (!(await page.evaluate(() => document.activeElement?.id === "pd-agreements-search")) && guard++ < 40) await page.keyboard.press("Tab");
  expect(guard).toBeLessThan(40);
  await page.keyboard.type("ひばり");
  await page.getByRole("button", { name: /^開く: 清瀬市と清瀬北大学/ }).waitFor({ state: "detached" });
  // On into the register (one tab stop; arrow keys move between rows), open the row with Enter, close with Escape.
  guard = 0;
  while (!(await page.evaluate(() => !!document.activeElement?.closest('[role="grid"]'))) && guard++ < 40) await page.keyboard.press("Tab");
  expect(guard).toBeLessThan(40);
  // From the column headers down to the first (only) row, then open it.
  for (let i = 0; i < 3 && !(await page.evaluate(() => !!document.activeElement?.closest('[role="row"][aria-rowindex]:not([aria-rowindex="1"])'))); i++) await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  const panel = page.getByRole("dialog", { name: "清瀬市と株式会社ひばり交通との包括連携に関する協定" });
  await panel.getByText("庁内説明会・庁内調査", { exact: true }).first().waitFor();
  await page.keyboard.press("Escape");
  await panel.waitFor({ state: "detached" });
  // The tabs are reachable with the arrow keys. (The closing panel hands focus back a moment
  // later, so focus is checked before each key rather than assumed.)
  for (let i = 0; i < 10; i++) {
    const focused = await page.evaluate(() => (document.activeElement?.getAttribute("role") === "tab" ? (document.activeElement.textContent ?? "") : null));
    if (focused?.includes("企業等")) break;
    if (focused === null) await page.getByRole("tab", { name: "協定台帳" }).focus();
    else await page.keyboard.press("ArrowRight");
  }
  await page.keyboard.press("Enter");
  await page.getByRole("menuitem", { name: "企業等を追加" }).waitFor();
  expect(errors).toEqual([]);
  await page.context().close();
}, 90000);

test("keyboard only: a department answers the internal survey", async () => {
  const { page, errors } = await h.open("&only=portal", "", 12);
  const form = page.getByRole("region", { name: "清瀬市と株式会社ひばり交通との包括連携に関する協定" });
  await form.waitFor();
  await page.locator("body").focus();
  // Each item asks 可能性あり／なし as a radio group: Tab reaches a group without a choice, Space picks its first option (可能性あり).
  const unchosenRadio = (): boolean => {
    const e = document.activeElement as HTMLInputElement | null;
    return e?.type === "radio" && !!e.closest("section[aria-label^='清瀬市と株式会社ひばり交通']") && !document.querySelector(`input[type=radio][name="${e.name}"]:checked`);
  };
  await form.getByRole("radiogroup").first().waitFor();
  const groups = await form.getByRole("radiogroup").count();
  expect(groups).toBeGreaterThan(0);
  for (let i = 0; i < groups; i++) {
    await tabTo(page, unchosenRadio);
    await page.keyboard.press("Space");
    if (i === 0) {
      await page.keyboard.press("Tab");
      await page.keyboard.type("防犯パトロールと連携した高齢者の見守り");
    }
  }
  await tabTo(page, () => document.activeElement?.textContent === "回答を送信");
  await page.keyboard.press("Enter");
  await page.getByText("回答を送信しました。").waitFor();
  // Focus lands on the result, not on <body>.
  expect(await page.evaluate(() => document.activeElement?.textContent ?? "")).toContain("回答を送信しました。");

  expect(errors).toEqual([]);
  await page.context().close();
}, 90000);
