import { BrowserHarness, startHarness } from "./harness";

/**
 * Agreements with several partners (連名) in Chromium: the import proposes the split of
 * 「A大学、B大学及びC大学」, the coordinator splits it (and keeps a name with a 「・」 whole);
 * the register then names all three, finds the agreement by any of them, and its panel lists
 * them, with the other partners editable.
 */

let h: BrowserHarness;
beforeAll(async () => {
  h = await startHarness();
}, 90000);
afterAll(async () => h?.stop());

const universities = ["国立大学法人清瀬工業大学", "学校法人清瀬学園清瀬西大学", "公立大学法人清瀬看護大学"];
const banks = ["株式会社あおぞら銀行", "株式会社みどり銀行", "株式会社ひかり銀行", "多摩中央信用金庫"];
const csv = [
  "協定先,協定名,締結日,連携事項,協定期間",
  `${universities[0]}、${universities[1]}及び${universities[2]},清瀬市と市内三大学との包括連携に関する協定,令和2年4月1日,"（１）教育に関すること。（２）地域の課題解決に関すること。",期間の定めなし（3年ごとに見直し）`,
  `${banks.slice(0, 3).join("・")}及び${banks[3]},清瀬市と市内金融機関との地域経済の活性化に関する協定,2021年10月1日,（１）地域経済の活性化に関すること。,期間の定めなし（3年ごとに見直し）`,
  "一般社団法人日本・アジア交流協会,清瀬市と一般社団法人日本・アジア交流協会との連携協定,2022年4月1日,（１）国際交流に関すること。,期間の定めなし（3年ごとに見直し）",
].join("\r\n");

test("the split proposed and decided in the preview; the register and the panel name every partner", async () => {
  const { page, errors } = await h.open("&only=agreements", "", 7);
  await page.getByRole("tab", { name: "台帳の取込" }).click();
  await page.locator("#pd-register-file").setInputFiles({ name: "協定一覧.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
  await page.getByText("全 3 行: 取込可 1 件 / 要確認 2 件 / 登録済み 0 件 / 取り込めない 0 件").waitFor();
  const grid = page.getByRole("grid", { name: "既存の協定台帳の取込" });
  const row = (title: string) => grid.getByRole("row").filter({ hasText: title });
  await row("市内三大学").getByText("協定先の分け方を選ぶと取り込めます（3者の連名）").waitFor();
  await row("市内金融機関").getByText("協定先の分け方を選ぶと取り込めます（4者の連名）").waitFor();
  // The association's 「・」 is inside one name: not proposed for a split.
  await row("アジア交流協会").getByText(/^締結済みとして取り込みます/).waitFor();
  expect(await grid.getByRole("checkbox", { name: /取り込む: 2行目/ }).isChecked()).toBe(false);
  // Each proposed partner with its guessed kind.
  for (const n of universities) expect(await grid.getByRole("combobox", { name: `種別: 2行目 ${n}` }).textContent()).toContain("大学");
  // At 1366 px nothing scrolls sideways, the proposed partners included.
  expect(await page.evaluate(() => document.scrollingElement!.scrollWidth <= window.innerWidth)).toBe(true);
  expect(page.viewportSize()?.width).toBe(1366);
  await h.shot(page, "register-import-several-partners.png");
  expect(await h.axe(page)).toEqual([]);

  // The universities split; the banks too, but one kind corrected; then import.
  await grid.getByRole("radiogroup", { name: "協定先の分け方: 2行目" }).getByText("3者に分けて登録する").click();
  await grid.getByRole("radiogroup", { name: "協定先の分け方: 3行目" }).getByText("4者に分けて登録する").click();
  await row("市内三大学").getByText("3者の連名の協定として登録します").waitFor();
  await page.getByText("全 3 行: 取込可 3 件 / 要確認 0 件 / 登録済み 0 件 / 取り込めない 0 件").waitFor();
  expect(await grid.getByRole("checkbox", { name: "取り込む: 2行目" }).isChecked()).toBe(true);
  await page.getByRole("button", { name: "3 件を取り込む" }).click();
  await page.getByText("3 件を取り込みました（新しい企業等 8 件、取り込まなかった行 0 件）。").waitFor();

  // The register names every partner as a city writes them, and finds the agreement by any of them.
  await page.getByRole("tab", { name: "協定台帳" }).click();
  const register = page.getByRole("grid").first();
  await register.getByRole("row").filter({ hasText: "市内三大学" }).getByText(`${universities[0]}、${universities[1]}及び${universities[2]}`).waitFor();
  await page.getByRole("searchbox").fill("清瀬看護");
  await register.getByRole("row").filter({ hasText: "市内三大学" }).waitFor();
  expect(await register.getByRole("row").filter({ hasText: "市内金融機関" }).count()).toBe(0);

  // Its panel lists the three; the other partners can be changed by the coordinator.
  await page.getByRole("button", { name: "開く: 清瀬市と市内三大学との包括連携に関する協定" }).click();
  const panel = page.getByRole("dialog", { name: "清瀬市と市内三大学との包括連携に関する協定" });
  for (const n of universities) await panel.getByRole("listitem").filter({ hasText: n }).first().waitFor();
  await panel.getByText("連名の協定先（複数の協定先と締結する協定）").waitFor();
  await h.shot(page, "agreement-several-partners.png");
  expect(await h.axe(page)).toEqual([]);
  expect(errors).toEqual([]);
  await page.context().close();
}, 120000);
