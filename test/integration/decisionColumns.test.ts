import { startTestBackend, TestBackend } from "../helpers/backend";
import { TermsService } from "../../src/data/services/TermsService";
import { AgreementService } from "../../src/data/services/AgreementService";
import { agreements as agreementsList, listUrlName } from "../../src/data/schema/listSchema";
import { rulesOf } from "../../src/domain/terms";
import type { Agreement } from "../../src/domain/types";

/**
 * Issue 15 item 6: reminders that do not wait for someone to open a page. Each agreement keeps
 * its next decision in its own indexed columns (NextDecisionDate, NextDecisionText) with a view
 * of decisions due, kept current by every change of terms — what a scheduled Power Automate
 * flow, or a list's own reminder on a date column, reads (README, 判断期日のリマインダー).
 */

let t: TestBackend;
const TODAY = "2026-11-24";
beforeAll(async () => {
  t = await startTestBackend();
});
afterAll(async () => t.stop());

const services = async (): Promise<{ terms: TermsService; agreements: AgreementService }> => {
  const data = t.dataAs(7);
  const user = await data.currentUser();
  return { terms: new TermsService(data, user, TODAY), agreements: new AgreementService(data, user, TODAY) };
};
const byPartner = async (name: string): Promise<Agreement> => (await t.dataAs(7).agreements.list()).find((a) => a.partner?.title === name)!;

test("the columns are an indexed date and a text, and the list has a view of decisions due within 90 days, the most urgent first", () => {
  const meta = t.backend.store.list(listUrlName(agreementsList))!.meta;
  const field = meta.fields.find((f) => f.internalName === "NextDecisionDate")!;
  expect({ type: field.typeAsString, indexed: field.indexed, title: field.title }).toEqual({ type: "DateTime", indexed: true, title: "次の判断期日" });
  expect(meta.fields.find((f) => f.internalName === "NextDecisionText")?.title).toBe("次に判断すること");
  const view = meta.views.find((v) => v.fileName === "DecisionsDue.aspx")!;
  expect(view.title).toBe("判断期日の近い協定");
  expect(view.viewQuery).toBe(
    '<Where><And><IsNotNull><FieldRef Name="NextDecisionDate" /></IsNotNull><Leq><FieldRef Name="NextDecisionDate" /><Value Type="DateTime"><Today OffsetDays="90" /></Value></Leq></And></Where><OrderBy><FieldRef Name="NextDecisionDate" Ascending="TRUE" /></OrderBy>',
  );
  expect(view.fields).toEqual(["LinkTitle", "Partner", "AgreementStatus", "NextDecisionDate", "NextDecisionText"]);
});

test("seeded agreements carry their next decision as the calendar computes it; agreements not in force carry none", async () => {
  const all = await t.dataAs(7).agreements.list();
  const gas = all.find((a) => a.partner?.title === "武蔵野ガス株式会社")!;
  expect([gas.nextDecisionDate, gas.nextDecisionText]).toEqual(["2026-03-01", "第2期の更新の判断（満了 令和8年5月31日、申出期限 令和8年3月31日・書面）"]);
  const aoba = all.find((a) => a.partner?.title === "株式会社アオバ通信")!;
  expect([aoba.nextDecisionDate, aoba.nextDecisionText]).toEqual(["2026-12-01", "第1期の満了の判断（満了 令和8年12月31日）"]);
  const notInForce = all.filter((a) => a.status !== "concluded" && a.status !== "underReview");
  expect(notInForce.length).toBeGreaterThan(0);
  expect(notInForce.filter((a) => a.nextDecisionDate !== null || a.nextDecisionText !== "")).toEqual([]);
  // The calendar's earliest decision of each agreement is the column's value.
  const { terms } = await services();
  const cal = await terms.calendar();
  const earliest = new Map<number, string>();
  for (const e of cal.entries) if (!earliest.has(e.agreement.id) || e.decisionDate < earliest.get(e.agreement.id)!) earliest.set(e.agreement.id, e.decisionDate);
  for (const [id, date] of earliest) expect(all.find((a) => a.id === id)!.nextDecisionDate).toBe(date);
});

test("changing the terms, recording a term's decision and changing the site's buffer keep the columns current", async () => {
  const { terms, agreements } = await services();
  // A three-month written notice moves Aoba's decision from 2026-12-01 to 30 days before 2026-09-30.
  let story = await agreements.story((await byPartner("株式会社アオバ通信")).id);
  await terms.saveTerms(story.agreement, story.terms, { ...rulesOf(story.agreement), noticeMonths: 3, noticeInWriting: true }, story.agreement.termClause);
  let aoba = await byPartner("株式会社アオバ通信");
  expect([aoba.nextDecisionDate, aoba.nextDecisionText]).toEqual(["2026-08-31", "第1期の満了の判断（満了 令和8年12月31日、申出期限 令和8年9月30日・書面）"]);

  // Renewing Musashino Gas's term 2: the next decision is term 3's.
  story = await agreements.story((await byPartner("武蔵野ガス株式会社")).id);
  await terms.recordTermDecision(story.agreement, story.terms, 30, { outcome: "renewed", decidedOn: TODAY, objectionBy: "none", detail: "" });
  const gas = await byPartner("武蔵野ガス株式会社");
  expect([gas.nextDecisionDate, gas.nextDecisionText]).toEqual(["2027-03-01", "第3期の更新の判断（満了 令和9年5月31日、申出期限 令和9年3月31日・書面）"]);

  // Letting Aoba's fixed term end: no decision left, so no reminder can fire.
  story = await agreements.story(aoba.id);
  await terms.recordTermDecision(story.agreement, story.terms, 30, { outcome: "ended", decidedOn: TODAY, objectionBy: "none", detail: "" });
  aoba = await byPartner("株式会社アオバ通信");
  expect([aoba.status, aoba.nextDecisionDate, aoba.nextDecisionText]).toEqual(["terminated", null, ""]);

  // A 60-day buffer moves every decision in force 30 days earlier.
  const before = (await t.dataAs(7).agreements.list()).filter((a) => a.nextDecisionDate);
  const { rules, settings } = await terms.siteRules();
  await terms.saveSiteRules({ ...rules, decisionBufferDays: 60 }, settings);
  const after = new Map((await t.dataAs(7).agreements.list()).map((a) => [a.id, a.nextDecisionDate]));
  const shifted = (d: string): string => new Date(Date.parse(`${d}T00:00:00Z`) - 30 * 86400000).toISOString().slice(0, 10);
  expect(before.length).toBeGreaterThan(3);
  for (const a of before.filter((x) => x.nextDecisionText.startsWith("第"))) expect(after.get(a.id)).toBe(shifted(a.nextDecisionDate!));
});

test("a column a write left stale (changed behind the product's back) is repaired when the calendar is opened", async () => {
  const gas = await byPartner("武蔵野ガス株式会社");
  await t.dataAs(7).agreements.update(gas.id, gas.etag, { nextDecisionDate: "2030-01-01", nextDecisionText: "古い値" });
  const { terms } = await services();
  await terms.calendar();
  const fixed = await byPartner("武蔵野ガス株式会社");
  expect(fixed.nextDecisionDate).not.toBe("2030-01-01");
  expect(fixed.nextDecisionText).toMatch(/^第3期の更新の判断/);
  // A second opening writes nothing.
  const etag = fixed.etag;
  await terms.calendar();
  expect((await byPartner("武蔵野ガス株式会社")).etag).toBe(etag);
});
