import { BrowserHarness, startHarness } from "./harness";
import { writeRegisterWorkbook } from "../helpers/registerWorkbook";
import { REGISTER60_HEADING, REGISTER60_TODAY, register60 } from "../fixtures/register60";
import { PartnershipData } from "../../src/data/sp/PartnershipData";
import { spForUrl } from "../../src/data/sp/spForUrl";
import { agreementPartners } from "../../src/domain/agreements";

/**
 * A register of seventy-five agreements as cities publish them, mixing every class the
 * importer must read or refuse (end dates after 〜, renewals after the length, dates with
 * words around them and in kanji numerals, items with 「。」 and full-width brackets, several
 * partners in one cell, kinds a city partners with), imported in Chromium as a coordinator
 * would: the preview's counts, every decision made in the preview (dates typed, splits
 * chosen, terms confirmed), the import, then every agreement read back and compared with
 * what the file says — no row may be accepted with a wrong reading.
 */

let h: BrowserHarness;
let file: string;
const rows = register60();
beforeAll(async () => {
  h = await startHarness();
  file = await writeRegisterWorkbook("包括連携協定 締結一覧（令和8年12月1日現在）", REGISTER60_HEADING, rows.map((r) => r.cells));
}, 90000);
afterAll(async () => h?.stop());

const col = (name: string): number => REGISTER60_HEADING.indexOf(name);
const cellText = (v: unknown): string => (v === null || v === undefined ? "" : String(v));

test("seventy-five rows of every kind: counted, decided in the preview, imported, and read back without one wrong reading", async () => {
  const { page, errors } = await h.open(`&only=agreements&today=${REGISTER60_TODAY}`, "", 7);
  await page.getByRole("tab", { name: "台帳の取込" }).click();
  await page.locator("#pd-register-file").setInputFiles(file);
  const summary = page.getByText(/^全 \d+ 行:/);
  await summary.waitFor({ timeout: 60000 });

  // First pass, without editing the file: what imports as read, what needs a decision, what is refused.
  const several = (r: (typeof rows)[number]): boolean => r.expect.partners.length > 1;
  const expected = {
    firstPass: rows.filter((r) => r.expect.outcome === "import" && !several(r)).length,
    needsDecision: rows.filter((r) => r.expect.outcome === "decideDate" || r.expect.outcome === "decideTerms" || (r.expect.outcome === "import" && several(r))).length,
    refused: rows.filter((r) => r.expect.outcome === "refuse" || r.expect.outcome === "duplicateInFile").length,
  };
  expect(await summary.textContent()).toBe(`全 ${rows.length} 行: 取込可 ${expected.firstPass} 件 / 要確認 ${expected.needsDecision} 件 / 登録済み 0 件 / 取り込めない ${expected.refused} 件`);
  await h.shot(page, "register-import-mixed-first-pass.png", { fullPage: false });

  const grid = page.getByRole("grid", { name: "既存の協定台帳の取込" });
  const rowNo = (i: number): number => i + 3; // a title line and the heading come first

  // The decisions, as the coordinator makes them.
  for (const [i, r] of rows.entries()) {
    const n = rowNo(i);
    if (r.expect.outcome === "decideDate") {
      const date = grid.getByRole("textbox", { name: `締結日を入力: ${n}行目` });
      await date.fill(r.expect.concluded ?? "令和2年4月1日");
      await date.press("Enter");
      await grid.getByRole("button", { name: `この日付にする: ${n}行目` }).waitFor({ state: "detached" });
    }
    if (r.expect.outcome === "decideTerms") {
      // The clause leaves something unread: the coordinator looks at the terms as read beside the
      // clause and confirms them; where they cannot stand as read, decides a renewal of a year.
      await grid.getByRole("button", { name: `条件を確認・修正: ${n}行目` }).click();
      const check = page.getByRole("alertdialog", { name: `読み取った条件の確認（${n}行目）` });
      await check.getByRole("button", { name: "この条件にする" }).click();
      const closed = await check.waitFor({ state: "detached", timeout: 10000 }).then(() => true, () => false);
      if (!closed) {
        // Refused as read (say, a renewal without a first term): a first term of a year, renewed yearly.
        await check.getByText("月数で定める", { exact: true }).click();
        await check.getByLabel("当初期間（月）").fill("12");
        await check.getByLabel("更新の単位（月）。空欄は更新なし").fill("12");
        await check.getByRole("button", { name: "この条件にする" }).click();
      }
      await check.waitFor({ state: "detached" });
    }
    if (several(r) && r.expect.outcome !== "refuse" && r.expect.outcome !== "duplicateInFile") {
      await grid.getByRole("radiogroup", { name: `協定先の分け方: ${n}行目` }).getByText(`${r.expect.partners.length}者に分けて登録する`).click();
    }
  }
  const decidedTotal = expected.firstPass + expected.needsDecision;
  await page.getByText(`全 ${rows.length} 行: 取込可 ${decidedTotal} 件 / 要確認 0 件 / 登録済み 0 件 / 取り込めない ${expected.refused} 件`).waitFor();
  await page.getByRole("button", { name: `${decidedTotal} 件を取り込む` }).click();
  await page.getByText(new RegExp(`^${decidedTotal} 件を取り込みました`)).waitFor({ timeout: 60000 });

  // Every agreement read back and compared with the file: zero wrong readings.
  const data = new PartnershipData(spForUrl(h.backend.siteUrl, { "X-PD-User": "7" }), h.backend.siteUrl);
  const agreements = await data.agreements.list();
  const wrong: string[] = [];
  for (const [i, r] of rows.entries()) {
    if (r.expect.outcome === "refuse" || r.expect.outcome === "duplicateInFile") continue;
    const title = cellText(r.cells[col("協定名")]).trim();
    const a = agreements.find((x) => x.title === title);
    if (!a) {
      wrong.push(`${rowNo(i)}: not imported`);
      continue;
    }
    const e = r.expect;
    if (e.concluded && a.concludedDate !== e.concluded) wrong.push(`${rowNo(i)}: concluded ${a.concludedDate} ≠ ${e.concluded}`);
    if (e.outcome === "import" && e.status && a.status !== e.status) wrong.push(`${rowNo(i)}: status ${a.status} ≠ ${e.status}`);
    if (e.outcome === "import" && e.termEnd !== undefined && a.termEnd !== e.termEnd) wrong.push(`${rowNo(i)}: term end ${a.termEnd} ≠ ${e.termEnd}`);
    const names = agreementPartners(a).map((p) => p.title);
    if (names.join("|") !== e.partners.join("|")) wrong.push(`${rowNo(i)}: partners ${names.join("、")} ≠ ${e.partners.join("、")}`);
    const items = (await data.partnershipItems.list({ where: [{ prop: "agreement", op: "eq", value: { id: a.id, title: "" } }] })).sort((x, y) => x.itemNo - y.itemNo).map((x) => x.text);
    for (const t of items) if (!cellText(r.cells[col("連携事項")]).includes(t)) wrong.push(`${rowNo(i)}: item 「${t}」 is not as written`);
  }
  expect(wrong).toEqual([]);
  // A composite name never became a partner.
  const partners = (await data.partners.list()).map((p) => p.name);
  for (const r of rows.filter(several)) expect(partners).not.toContain(cellText(r.cells[col("協定先")]).trim());
  expect(errors).toEqual([]);
  await page.context().close();
}, 600000);
