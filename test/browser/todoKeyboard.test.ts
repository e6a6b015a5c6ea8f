import type { Page } from "playwright-core";
import { withoutSeededCalls, BrowserHarness, focusedName, setDate, startHarness, tabTo, TODAY } from "./harness";
import { PartnershipData } from "../../src/data/sp/PartnershipData";
import { spForUrl } from "../../src/data/sp/spForUrl";
import { AgreementService } from "../../src/data/services/AgreementService";

/**
 * Issue 18: the coordinator opens a Form 2 call and its first notice (「…について（依頼）」)
 * arrives in the department's channel, shown in the workbench's Teams panel on the
 * workbench's day; then a clerk of 子ども家庭部 子育て支援課 walks the portal's to-do list by
 * keyboard only (Tab, Shift+Tab, Enter): every item's button in order, each with a visible
 * focus indicator, and activating one puts focus where it leads.
 */

let h: BrowserHarness;
beforeAll(async () => {
  h = await startHarness();
}, 90000);
afterAll(async () => h?.stop());

const DEPT = "子ども家庭部 子育て支援課";
const FORM2_TITLE = "令和8年度 包括連携協定に基づく市からの連携提案について（依頼）";
const SURVEYED = "子育て支援に関する包括連携協定（案）";

/** The focused element shows where focus is: an outline or box-shadow on it, or on Fluent's ::after focus border. */
const focusIndicator = (page: Page): Promise<{ name: string; visible: boolean }> =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { name: "(body)", visible: false };
    const drawn = (s: CSSStyleDeclaration): boolean =>
      (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0) || (!!s.boxShadow && s.boxShadow !== "none") || (s.borderStyle !== "none" && parseFloat(s.borderTopWidth) > 0 && s.borderTopColor !== "rgba(0, 0, 0, 0)");
    const own = getComputedStyle(el);
    const ownRing = (own.outlineStyle !== "none" && parseFloat(own.outlineWidth) > 0) || (!!own.boxShadow && own.boxShadow !== "none");
    const pseudo = (p: string): boolean => {
      const s = getComputedStyle(el, p);
      return s.content !== "none" && s.content !== "normal" && drawn(s);
    };
    return { name: el.getAttribute("aria-label") || el.tagName, visible: ownRing || pseudo("::after") || pseudo("::before") };
  });

test("opening a Form 2 call posts its first notice; the Teams panel shows it in the department's channel, on the workbench's day", async () => {
  await withoutSeededCalls(h, 2026, ["form2"]);
  const c = await h.open("", "annual", 7);
  await c.page.getByRole("tab", { name: "調査依頼" }).click();
  await c.page.getByRole("menuitem", { name: "新しい調査依頼" }).click();
  const dlg = c.page.getByRole("alertdialog", { name: "調査依頼の作成" });
  await dlg.getByRole("combobox", { name: "様式" }).click();
  await c.page.getByRole("option", { name: "別紙②（市からの提案）", exact: true }).click();
  expect(await dlg.getByLabel("件名").inputValue()).toBe(FORM2_TITLE);
  await setDate(dlg.getByLabel("期限"), "2026-12-20");
  await dlg.getByRole("button", { name: "保存" }).click();
  await dlg.getByText(/^依頼を開始し、\d+ 部署の Teams チャネルに通知しました。/).waitFor();
  await dlg.getByRole("button", { name: "閉じる" }).click();
  await c.page.getByRole("button", { name: FORM2_TITLE }).waitFor();

  // The panel polls the backend: the department's channel appears in its filter.
  const panel = c.page.getByRole("region", { name: "Teams チャネルのメッセージ" });
  const filter = panel.getByTestId("teams-channel-filter");
  await filter.locator("option", { hasText: DEPT }).first().waitFor({ state: "attached" });
  const value = await filter.locator("option", { hasText: DEPT }).first().getAttribute("value");
  await filter.selectOption(value!);
  const first = panel.getByTestId("teams-messages").getByRole("listitem").first();
  // Stamped on the workbench's day (?today=), in the city's time.
  const [y, m, d] = TODAY.split("-").map(Number);
  await first.getByText(`${DEPT} · ${y}/${m}/${d} `, { exact: false }).waitFor();
  await first.frameLocator("iframe").getByText(FORM2_TITLE, { exact: false }).first().waitFor();
  // The body runs no script, and its frame is as tall as its text (nothing cut off).
  const frame = first.locator("iframe");
  expect(await frame.getAttribute("sandbox")).not.toMatch(/allow-scripts/);
  const fits = (): Promise<boolean> =>
    frame.evaluate((el) => {
      const doc = (el as HTMLIFrameElement).contentDocument;
      return !!doc && el.getBoundingClientRect().height >= doc.documentElement.scrollHeight;
    });
  for (let i = 0; i < 20 && !(await fits()); i++) await c.page.waitForTimeout(100);
  expect(await fits()).toBe(true);
  // Stored that way too: what the product posted is stamped on the page's day.
  const stored = h.backend.store.graphMessages.filter((x) => x.body.content.includes(FORM2_TITLE));
  expect(stored.length).toBeGreaterThan(0);
  for (const s of stored) expect(new Date(Date.parse(s.createdDateTime) + 9 * 3600000).toISOString().slice(0, 10)).toBe(TODAY);
  await panel.scrollIntoViewIfNeeded();
  await h.shot(c.page, "teams-first-notice.png", { fullPage: false });
  expect(c.errors).toEqual([]);
  await c.page.context().close();
}, 120000);

test("keyboard only: the to-do list's buttons in order, each with a visible focus, and Enter leads to the item's form", async () => {
  // An internal survey asked of the department, so the list holds a survey as well as the call.
  const coordData = new PartnershipData(spForUrl(h.backend.siteUrl, { "X-PD-User": "7" }), h.backend.siteUrl);
  const coord = new AgreementService(coordData, await coordData.currentUser(), TODAY);
  const dept = (await coordData.departments.list()).find((x) => x.code === "kodomo-kosodate")!;
  const partner = (await coordData.partners.list())[0];
  const a = await coord.start({ title: SURVEYED, origin: "partner", partnerId: partner.id, requestedByDepartmentId: null, requestedByExecutives: false, approachDate: "2026-11-01", proposedContent: "子育て世帯向けの講座と相談会" }, ["子育て支援に関すること"]);
  const story = await coord.story(a.id);
  await coord.launchSurvey(story.agreement, story.items, { briefingDate: "2026-11-25", briefingPlace: "本庁舎 会議室", briefingDepartmentIds: [dept.id], deadline: "2026-12-10", departmentIds: [dept.id] });

  const { page, errors } = await h.open("&only=portal", "", 11);
  const todo = page.getByTestId("todo-list");
  await todo.getByRole("heading", { name: "この部署への依頼" }).waitFor();
  await todo.getByRole("button", { name: `回答する: ${SURVEYED}` }).waitFor();
  const names = await todo.getByRole("button").evaluateAll((bs) => bs.map((b) => b.getAttribute("aria-label") ?? ""));
  expect(names.length).toBeGreaterThanOrEqual(2);
  // Every button names its item, and the item's state and deadline are heard with it.
  for (const n of names) expect(n).toMatch(/^.+: .+$/);
  const described = await todo.getByRole("button").evaluateAll((bs) => bs.map((b) => document.getElementById(b.getAttribute("aria-describedby") ?? "")?.textContent ?? ""));
  for (const dsc of described) expect(dsc).not.toBe("");

  // Forward: from the top of the page to the first to-do button, then each in turn.
  await page.locator("body").focus();
  await tabTo(page, () => !!document.activeElement?.closest('[data-testid="todo-list"]'));
  const walked: string[] = [];
  for (let i = 0; i < names.length; i++) {
    if (i > 0) await page.keyboard.press("Tab");
    walked.push(await focusedName(page));
    const f = await focusIndicator(page);
    expect({ at: walked[i], visible: f.visible }).toEqual({ at: walked[i], visible: true });
  }
  expect(walked).toEqual(names);
  // Tab leaves the list after its last button; Shift+Tab comes back through it in reverse.
  await page.keyboard.press("Tab");
  expect(await page.evaluate(() => !!document.activeElement?.closest('[data-testid="todo-list"]'))).toBe(false);
  const back: string[] = [];
  for (let i = 0; i < names.length; i++) {
    await page.keyboard.press("Shift+Tab");
    back.push(await focusedName(page));
    expect((await focusIndicator(page)).visible).toBe(true);
  }
  expect(back).toEqual([...names].reverse());
  await h.shot(page, "portal-todo-keyboard.png", { fullPage: false });

  // Enter on the survey's button: focus lands on its form, scrolled into view, with a visible focus.
  await tabTo(page, new RegExp(`^回答する: ${SURVEYED}$`));
  await page.keyboard.press("Enter");
  const form = page.getByRole("region", { name: SURVEYED });
  await page.waitForFunction((t) => document.activeElement?.getAttribute("aria-label") === t, SURVEYED);
  await page.waitForTimeout(900); // the smooth scroll
  const box = await form.boundingBox();
  expect(box!.y).toBeGreaterThanOrEqual(-1);
  expect(box!.y).toBeLessThan(900);
  expect((await focusIndicator(page)).visible).toBe(true);
  // The next Tab goes into the form, not to the next to-do button.
  await page.keyboard.press("Tab");
  expect(await page.evaluate((t) => !!document.activeElement?.closest(`section[aria-label="${t}"]`), SURVEYED)).toBe(true);
  await h.shot(page, "portal-todo-keyboard-survey.png", { fullPage: false });

  // Form 4 and the feedback list lead to their sections the same way.
  for (const [button, target] of [
    [/^実績を報告する: /, "実績報告（別紙④）"],
    [/^一覧を見る: /, "フィードバック一覧（別紙③）"],
  ] as const) {
    await page.locator("body").focus();
    await tabTo(page, button);
    await page.keyboard.press("Enter");
    await page.waitForFunction((t) => {
      const el = document.activeElement;
      return !!el && (el.getAttribute("aria-label") === t || (/^H\d$/.test(el.tagName) && el.textContent === t));
    }, target);
    expect((await focusIndicator(page)).visible).toBe(true);
  }

  // The Form 2 call: Enter opens the proposal dialog; Escape closes it and focus is back on the button.
  await page.locator("body").focus();
  const form2 = names.find((n) => n.endsWith(`: ${FORM2_TITLE}`));
  expect(form2).toBeDefined();
  await tabTo(page, new RegExp(`^${form2!.replace(/[()（）]/g, ".")}$`));
  await page.keyboard.press("Enter");
  const dlg = page.getByRole("alertdialog", { name: "市からの提案（別紙②）" });
  await dlg.getByRole("combobox", { name: /連携相手企業/ }).waitFor();
  expect(await page.evaluate(() => !!document.activeElement?.closest('[role="alertdialog"]'))).toBe(true);
  await page.keyboard.press("Escape");
  await dlg.waitFor({ state: "detached" });
  await page.waitForFunction((n) => document.activeElement?.getAttribute("aria-label") === n, form2!);

  expect(await h.axe(page)).toEqual([]);
  expect(errors).toEqual([]);
  await page.context().close();
}, 150000);
