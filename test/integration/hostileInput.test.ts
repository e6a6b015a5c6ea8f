import { startTestBackend, TestBackend } from "../helpers/backend";
import { AgreementService } from "../../src/data/services/AgreementService";
import { isRuleError } from "../../src/data/services/ServiceBase";
import { CycleService } from "../../src/data/services/CycleService";
import { isDataError } from "../../src/data/contracts";
import { loadExcel } from "../../src/export/excel";
import { parseForm1Workbook } from "../../src/export/cycleWorkbooks";
import { resultsHtml } from "../../src/export/resultsReport";
import { feedbackHtml } from "../../src/domain/teamsMessages";
import type { Partner } from "../../src/domain/types";

/**
 * Hostile and odd input, as a table: for each, the user gets a clear refusal or the text is
 * stored exactly and shown as text, and nothing else in the store changes.
 */

let t: TestBackend;
beforeAll(async () => {
  t = await startTestBackend();
});
afterAll(async () => t.stop());

const texts: Array<[string, string]> = [
  ["apostrophes and OData operators", "O'Reilly' or Title ne '' and substringof('a',Title) eq true"],
  ["a script element", "<script>alert('xss')</script>"],
  ["an image with onerror", '<img src=x onerror="alert(1)">'],
  ["emoji and variant-selector kanji", "𠮷野家の葛󠄀飾店 🎌👨‍👩‍👧"],
  ["full-width and half-width", "ＡＢＣ株式会社 ｶﾌﾞｼｷｶﾞｲｼｬ"],
  ["line breaks and tabs", "一行目\n\t二行目\r\n三行目"],
];

const partner = (name: string): Omit<Partner, "id" | "etag" | "modified"> => ({ name, kana: "", kind: "company", address: name, contactName: name, contactEmail: "", contactPhone: "", website: "" });

describe.each(texts)("text with %s", (_label, text) => {
  test("is stored exactly, found exactly by an escaped filter, and escaped wherever it is rendered", async () => {
    const data = t.dataAs(7);
    const svc = new AgreementService(data, await data.currentUser(), "2026-11-24");
    const p = await svc.savePartner(partner(`${text} ${_label}`));
    expect(p.name).toBe(`${text} ${_label}`);
    expect((await data.partners.list({ where: [{ prop: "name", op: "eq", value: p.name }] })).map((x) => x.id)).toEqual([p.id]);
    const a = await svc.start({ title: text, origin: "partner", partnerId: p.id, requestedByDepartmentId: null, requestedByExecutives: false, approachDate: "2026-11-01", proposedContent: text }, [text]);
    const story = await svc.story(a.id);
    expect([story.agreement.title, story.agreement.proposedContent, story.items[0].text]).toEqual([text, text, text]);
    const html = resultsHtml(2026, [{ department: text, section: text, rowNo: 1, title: text, content: text, partner: text }], text) + feedbackHtml({ editionTitle: text, issuedDateText: "", departmentName: text, rows: [{ rowNo: 1, title: text, content: text, partner: text, contact: text }], portalUrl: "", message: text }, { heading: "", intro: "", no: "", title: "", content: "", partner: "", contact: "", open: "", answer: "", count: "" });
    expect(html).not.toMatch(/<script|<img/i);
  });
});

test("100,000 characters of content are refused with the limit, and nothing is stored", async () => {
  const data = t.dataAs(7);
  const svc = new AgreementService(data, await data.currentUser(), "2026-11-24");
  const before = (await data.agreements.list()).length;
  const e = await svc.start({ title: "長文", origin: "city", partnerId: 1, requestedByDepartmentId: null, requestedByExecutives: true, approachDate: null, proposedContent: "あ".repeat(100000) }, ["教育に関すること"]).catch((x: unknown) => x);
  expect(isDataError(e) && e.problems).toEqual([{ prop: "proposedContent", code: "tooLong", limit: 8000 }]);
  expect((await data.agreements.list()).length).toBe(before);
});

test.each([
  ["full-width digits", "２０２６-１１-０１", "invalidDate"],
  ["a day that does not exist", "2026-02-30", "invalidDate"],
  ["a year long past", "1900-04-01", "yearOutOfRange"],
  ["Japanese era text", "令和8年11月1日", "invalidDate"],
])("a date with %s is refused with a reason", async (_label, date, code) => {
  const data = t.dataAs(7);
  const svc = new AgreementService(data, await data.currentUser(), "2026-11-24");
  const e = await svc.start({ title: "日付", origin: "partner", partnerId: 1, requestedByDepartmentId: null, requestedByExecutives: false, approachDate: date, proposedContent: "x" }, ["x"]).catch((x: unknown) => x);
  expect(isRuleError(e) && e.problems).toEqual([{ field: "approachDate", code }]);
});

test("a call for fiscal year 1900 is refused", async () => {
  const data = t.dataAs(7);
  const svc = new CycleService(data, await data.currentUser(), "2026-11-24");
  const e = await svc.openCall({ title: "古い年度", fiscalYear: 1900, form: "form2", deadline: "2026-12-01", message: "", recipientDepartments: [{ id: 2, title: "" }], recipientPartners: [] }).catch((x: unknown) => x);
  expect(isRuleError(e) && e.problems).toEqual([{ field: "fiscalYear", code: "yearOutOfRange" }]);
});

test.each([
  ["an empty file", () => new ArrayBuffer(0), "empty"],
  ["a 20 MB file", () => new ArrayBuffer(20 * 1024 * 1024), "fileTooLarge"],
  ["a text file named .xlsx", () => new TextEncoder().encode("企業名,提案内容\n").buffer as ArrayBuffer, "notWorkbook"],
])("an imported workbook that is %s is refused before anything is stored", async (_label, make, code) => {
  const before = (await t.dataAs(7).partnerProposals.list()).length;
  const e = await parseForm1Workbook(await loadExcel(), make()).catch((x: unknown) => x);
  expect((e as { code?: string }).code).toBe(code);
  expect((await t.dataAs(7).partnerProposals.list()).length).toBe(before);
});

test("faults: a 412 forced on save is a conflict; 429 and 503 are retried; the data is unchanged by a failed save", async () => {
  const data = t.dataAs(7);
  const [p] = await data.partners.list({ limit: 1 });
  t.backend.faults.set({ sp412: 1 });
  const e = await data.partners.update(p.id, p.etag, { contactName: "変更" }).catch((x: unknown) => x);
  expect(isDataError(e) && e.kind).toBe("conflict");
  expect((await data.partners.get(p.id)).contactName).toBe(p.contactName);
  t.backend.faults.set({ sp429: 1, sp503: 1, retryAfterSeconds: 0 });
  expect((await data.partners.list()).length).toBeGreaterThan(0);
});
