import type { Page } from "playwright-core";
import { BrowserHarness, startHarness } from "./harness";

/**
 * Teams without noise (issue 33, point 5): opening any screen posts nothing to Teams (the
 * calendar of decisions once fired a dozen reminders on opening); reminders go out from
 * 「リマインドを送信」 after a confirmation that lists them, each once.
 */

let h: BrowserHarness;
beforeAll(async () => {
  h = await startHarness();
}, 90000);
afterAll(async () => h?.stop());

interface PostedMessage {
  body: { content: string };
  attachments?: unknown[];
}
const posted = async (): Promise<PostedMessage[]> => ((await (await fetch(`${h.backend.url}/_dev/graph/messages`)).json()) as { value: PostedMessage[] }).value;

/** Waits for the web part's reads (the signed-in line, and no 「読み込んでいます…」 left), then chooses each of its tabs in turn the same way. */
async function visitEveryTab(page: Page): Promise<string[]> {
  await page.getByText(/^ログイン中: /).first().waitFor();
  await page.getByText("読み込んでいます…").first().waitFor({ state: "detached" });
  const tablist = page.getByRole("tablist").first();
  if ((await tablist.count()) === 0) return [];
  const names = (await tablist.getByRole("tab").allInnerTexts()).map((t) => t.trim());
  for (const name of names) {
    await tablist.getByRole("tab", { name, exact: true }).click();
    await page.getByRole("tabpanel").first().waitFor();
    await page.getByText("読み込んでいます…").first().waitFor({ state: "detached" });
  }
  return names;
}

test("opening every screen, as the coordinator and as a department, posts nothing to Teams", async () => {
  const before = (await posted()).length;
  const visited: string[] = [];
  for (const [only, user] of [["agreements", 7], ["annual", 7], ["results", 7], ["portal", 11], ["portal", 13], ["agreements", 8]] as const) {
    const { page, errors } = await h.open(`&only=${only}`, "", user);
    visited.push(...(await visitEveryTab(page)));
    expect(errors).toEqual([]);
    await page.context().close();
  }
  // The calendar was among them, with reminders due that it no longer sends by itself.
  expect(visited).toContain("見直し・更新カレンダー");
  expect((await posted()).length).toBe(before);
}, 240000);

test("「リマインドを送信」 lists the reminders, sends each once on confirmation, and not again", async () => {
  const before = (await posted()).length;
  const { page, errors } = await h.open("&only=agreements", "", 7);
  await page.getByRole("tab", { name: "見直し・更新カレンダー" }).click();
  await page.getByText("判断の期日（90日以内・期限超過）").waitFor();
  const button = page.getByRole("menuitem", { name: /^リマインドを送信（\d+件）$/ });
  const label = (await button.innerText()).trim();
  const n = Number(/（(\d+)件）/.exec(label)![1]);
  expect(n).toBeGreaterThan(0);
  // The grid says which are waiting for the button.
  expect(await page.getByRole("gridcell", { name: "未送信" }).count()).toBe(n);

  await button.click();
  const dialog = page.getByRole("alertdialog", { name: "リマインドを送信" });
  await dialog.getByText(`次の ${n} 件を未来創造課の Teams チャネルに送信します。`).waitFor();
  const lines = (await dialog.getByRole("listitem").allInnerTexts()).map((t) => t.trim());
  expect(lines).toHaveLength(n);
  for (const line of lines) expect(line).toMatch(/^.+（.+）: .+、判断の期日 令和/);
  await h.shot(page, "calendar-remind-confirm.png", { fullPage: false });
  // Nothing goes before the confirmation.
  expect((await posted()).length).toBe(before);

  await dialog.getByRole("button", { name: `${n} 件を送信` }).click();
  await page.getByText(`判断の期日を迎えた ${n} 件を未来創造課のチャネルに通知しました。`).waitFor();
  const after = (await posted()).slice(0, (await posted()).length - before);
  expect(after).toHaveLength(n);
  // Each reminder once: one post per listed agreement.
  for (const line of lines) {
    const title = line.slice(0, line.indexOf("（"));
    expect(after.filter((m) => m.body.content.includes(title.replace(/'/g, "&#39;")) || m.body.content.includes(title)).length).toBeGreaterThanOrEqual(1);
  }
  expect(new Set(after.map((m) => m.body.content)).size).toBe(n);
  await page.getByRole("gridcell", { name: "送信済" }).first().waitFor();
  expect(await button.count()).toBe(0);
  expect(errors).toEqual([]);
  await page.context().close();

  // Opening it again (another coordinator) sends nothing and offers nothing to send.
  const again = await h.open("&only=agreements", "", 8);
  await again.page.getByRole("tab", { name: "見直し・更新カレンダー" }).click();
  await again.page.getByRole("gridcell", { name: "送信済" }).first().waitFor();
  expect(await again.page.getByRole("menuitem", { name: /リマインドを送信/ }).count()).toBe(0);
  expect((await posted()).length).toBe(before + n);
  expect(again.errors).toEqual([]);
  await again.page.context().close();
}, 180000);
