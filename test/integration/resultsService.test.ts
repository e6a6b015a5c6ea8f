import { startTestBackend, TestBackend } from "../helpers/backend";
import { ResultsService } from "../../src/data/services/ResultsService";
import { RuleError } from "../../src/data/services/ServiceBase";
import { DataError } from "../../src/data/contracts";

let t: TestBackend;
beforeAll(async () => {
  t = await startTestBackend();
});
afterAll(async () => t.stop());

async function as(userId: number, today = "2027-04-10"): Promise<ResultsService> {
  const data = t.dataAs(userId);
  return new ResultsService(data, await data.currentUser(), today);
}

test("a department enters, deletes (gap-free NO), submits; the coordinator publishes (the year locked, its rows frozen in the publication's file); later edits are flagged and leave the published file as it was", async () => {
  const member = await as(11);
  const coord = await as(7);
  let year = await member.year(2026);
  const dept = year.departments.find((d) => d.code === "kodomo-kosodate")!;
  const other = year.departments.find((d) => d.code === "somu-bosai")!;
  const partner = { id: 1, title: "株式会社みらい電機" };
  const row = (title: string) => ({ title, content: `${title}の内容`, partner, partnershipItem: null, sectionName: "子育て支援係", matching: null });
  await expect(member.saveRow(year, other, row("x"))).rejects.toMatchObject({ kind: "forbidden" });
  expect(((await member.saveRow(year, dept, { ...row(""), content: "" }).catch((e: unknown) => e)) as RuleError).problems.map((p) => p.field)).toEqual(["title", "content"]);
  for (const title of ["親子料理教室", "防犯教室", "家計講座"]) {
    await member.saveRow(year, dept, row(title));
    year = await member.year(2026);
  }
  const mine = () => year.rows.filter((r) => r.department?.id === dept.id).sort((a, b) => a.rowNo - b.rowNo);
  expect(mine().map((r) => [r.rowNo, r.title])).toEqual([[1, "親子料理教室"], [2, "防犯教室"], [3, "家計講座"]]);
  await member.deleteRow(year, dept, mine()[0]);
  year = await member.year(2026);
  expect(mine().map((r) => [r.rowNo, r.title])).toEqual([[1, "防犯教室"], [2, "家計講座"]]);

  expect(await member.submit(year, dept)).toBe(2);
  year = await member.year(2026);
  expect(((await member.saveRow(year, dept, row("追加"), undefined).catch((e: unknown) => e)) as RuleError).problems).toEqual([{ field: "status", code: "submittedLocked" }]);
  expect(((await member.saveRow(year, dept, row("変更"), mine()[0]).catch((e: unknown) => e)) as RuleError).problems).toEqual([{ field: "status", code: "submittedLocked" }]);

  expect(await coord.publish(await coord.year(2026))).toBe(2);
  year = await coord.year(2026);
  expect(mine().every((r) => r.status === "published" && r.publishedAt)).toBe(true);
  expect(year.published).toMatchObject({ fiscalYear: 2026, edition: 1 });
  // The department can no longer change, delete or add: its year's folder now inherits the list (Read).
  expect(((await member.saveRow(await member.year(2026), dept, row("変更"), mine()[0]).catch((e: unknown) => e)) as RuleError).problems).toEqual([{ field: "status", code: "publishedLocked" }]);
  await coord.saveRow(year, dept, { ...row("防犯教室（修正）") }, mine()[0]);
  year = await coord.year(2026);
  expect(mine()[0].title).toBe("防犯教室（修正）");
  // What the city published stays as it was published.
  expect(year.published!.rows.filter((r) => r.department?.id === dept.id).map((r) => r.title).sort()).toEqual(["家計講座", "防犯教室"]);
  const audit = await t.dataAs(7).auditLog.list({ where: [{ prop: "entityList", op: "eq", value: "ResultReports" }] });
  expect(audit.map((a) => a.title)).toEqual(expect.arrayContaining(["別紙④を提出（子ども家庭部 子育て支援課、2件）", "公表後の変更（子ども家庭部 子育て支援課 NO.1）"]));
  const published = await t.dataAs(7).auditLog.list({ where: [{ prop: "entityList", op: "eq", value: "Publications" }] });
  expect(published.map((a) => a.title)).toEqual(expect.arrayContaining(["2026年度の実績を公表（第1版、2件）"]));
});

test("five years of results through an indexed range", async () => {
  const coord = await as(7);
  const rows = await coord.fiveYears(2026);
  expect(rows.every((r) => r.fiscalYear >= 2022 && r.fiscalYear <= 2026)).toBe(true);
  expect(rows.some((r) => r.fiscalYear === 2025)).toBe(true);
});

test("a publication cut short before its file was saved is shown as unfinished and finished by publishing again: the same edition, once, with one audit entry", async () => {
  const data = t.dataAs(7);
  const svc = new ResultsService(data, await data.currentUser(), "2026-05-20");
  const before = await svc.year(2025);
  const editions = before.publications.length;
  expect(before.published?.edition).toBe(editions);
  // The connection goes just before the frozen file is attached.
  const attach = data.publications.addAttachment.bind(data.publications);
  let cut = true;
  data.publications.addAttachment = async (...args: Parameters<typeof attach>) => {
    if (cut) {
      cut = false;
      throw new DataError("network", "connection lost");
    }
    return attach(...args);
  };
  await expect(svc.publish(before)).rejects.toMatchObject({ kind: "network" });
  const half = await svc.year(2025);
  // Recorded, but what was published is still the previous edition's file: the screen says what is left.
  expect(half.publications.length).toBe(editions + 1);
  expect(half.published?.edition).toBe(editions);
  const count = await svc.publish(half);
  const done = await svc.year(2025);
  expect(done.publications.length).toBe(editions + 1);
  expect(done.published?.edition).toBe(editions + 1);
  expect(done.published?.rows).toHaveLength(count);
  const audits = (await data.auditLog.list({ where: [{ prop: "entityList", op: "eq", value: "Publications" }] })).filter((a) => a.title.includes(`第${editions + 1}版`));
  expect(audits).toHaveLength(1);
});
