import { startTestBackend, TestBackend } from "../helpers/backend";
import { refusal } from "../helpers/refusal";
import { TermsService } from "../../src/data/services/TermsService";
import { AgreementService } from "../../src/data/services/AgreementService";
import { RuleError } from "../../src/data/services/ServiceBase";
import { NotificationService } from "../../src/data/services/NotificationService";
import { GraphTeamsNotifier } from "../../src/data/graph/GraphTeamsNotifier";
import { graphForUrl } from "../../src/data/graph/graphForUrl";
import { DataError } from "../../src/data/contracts";
import type { Agreement } from "../../src/domain/types";
import { GUIDELINE_RULES } from "../../src/domain/siteRules";

/** Terms as written, decisions, reminders and site rules through the service, against the local backend. */

let t: TestBackend;
const TODAY = "2026-11-24";
beforeAll(async () => {
  t = await startTestBackend();
});
afterAll(async () => t.stop());

async function as(userId: number): Promise<{ terms: TermsService; agreements: AgreementService; notifications: NotificationService }> {
  const data = t.dataAs(userId);
  const user = await data.currentUser();
  return {
    terms: new TermsService(data, user, TODAY),
    agreements: new AgreementService(data, user, TODAY),
    notifications: new NotificationService(data, new GraphTeamsNotifier(graphForUrl(`${t.backend.url}/graph`))),
  };
}
const graphMessages = async (): Promise<Array<{ body: { content: string } }>> => ((await (await fetch(`${t.backend.url}/_dev/graph/messages`)).json()) as { value: Array<{ body: { content: string } }> }).value;
const byPartner = async (name: string): Promise<Agreement> => (await t.dataAs(7).agreements.list()).find((a) => a.partner?.title === name)!;

test("the calendar lists decisions by decision date; reminders go to the coordinators' channel once, failures are retried", async () => {
  const { terms, notifications } = await as(7);
  const cal = await terms.calendar();
  const row = (partner: string, kind: string): string | undefined => cal.entries.filter((e) => e.agreement.partner?.title === partner && e.kind === kind).map((e) => `${e.termNo}|${e.dueDate}|${e.noticeDeadline}|${e.decisionDate}|${e.state}`)[0];
  // Renewal overdue: term 2 ended 2026-05-31, written notice two months before, decide 30 days before that.
  expect(row("武蔵野ガス株式会社", "renewal")).toBe("2|2026-05-31|2026-03-31|2026-03-01|overdue");
  // A fixed term about to expire, and a yearly renewal to the fiscal year end.
  expect(row("株式会社アオバ通信", "expiry")).toBe("1|2026-12-31|2026-12-31|2026-12-01|dueSoon");
  expect(row("O'Hara 食品株式会社", "renewal")).toBe("3|2027-03-31|2027-02-28|2027-01-29|dueSoon");
  expect(cal.coordinatorChannel?.isCoordinator).toBe(true);

  const render = (): { html: string } => ({ html: "<p>判断の期日です</p>" });
  const before = (await graphMessages()).length;
  t.backend.faults.set({ graph500: 1 });
  const first = await terms.sendDueReminders(cal, notifications, render);
  const due = first.length;
  expect(due).toBeGreaterThan(0);
  expect(first.filter((n) => n.status === "failed")).toHaveLength(1);
  // A second look (another coordinator, a reload) sends nothing again; retry sends only the failed one.
  expect(await terms.sendDueReminders(await terms.calendar(), notifications, render)).toEqual([]);
  const retried = await terms.sendDueReminders(await terms.calendar(), notifications, render, true);
  expect(retried.map((n) => `${n.status}${n.error}`)).toEqual(["sent"]);
  expect(await terms.sendDueReminders(await terms.calendar(), notifications, render, true)).toEqual([]);
  expect((await graphMessages()).length - before).toBe(due);
  // Departments send no reminders.
  const dept = await as(11);
  expect(await dept.terms.sendDueReminders(cal, dept.notifications, render)).toEqual([]);
});

test("a term decision: renewed adds the next term; a fixed term ends; what the terms do not allow is refused", async () => {
  const { terms, agreements } = await as(7);
  const gas = await byPartner("武蔵野ガス株式会社");
  let story = await agreements.story(gas.id);
  const refused = (await refusal(terms.recordTermDecision(story.agreement, story.terms, 30, { outcome: "ended", decidedOn: TODAY, objectionBy: "none", detail: "" }))) as RuleError;
  expect(refused.problems).toEqual([{ field: "objectionBy", code: "required" }]);
  await terms.recordTermDecision(story.agreement, story.terms, 30, { outcome: "renewed", decidedOn: TODAY, objectionBy: "none", detail: "" });
  story = await agreements.story(gas.id);
  expect(story.terms.map((x) => `${x.termNo}:${x.termFrom}..${x.termTo}`)).toEqual(["1:2022-06-01..2025-05-31", "2:2025-06-01..2026-05-31", "3:2026-06-01..2027-05-31"]);
  expect(story.agreement.termEnd).toBe("2027-05-31");
  expect(story.timeline[0].title).toBe("第3期へ更新");
  // Term 3's decision (2027-03-01) is outside the 90-day window now.
  expect((await terms.calendar()).entries.some((e) => e.agreement.id === gas.id && e.kind === "renewal")).toBe(false);

  const aoba = await byPartner("株式会社アオバ通信");
  story = await agreements.story(aoba.id);
  expect(((await refusal(terms.recordTermDecision(story.agreement, story.terms, 30, { outcome: "renewed", decidedOn: TODAY, objectionBy: "none", detail: "" }))) as RuleError).problems).toEqual([{ field: "outcome", code: "doesNotRenew" }]);
  await terms.recordTermDecision(story.agreement, story.terms, 30, { outcome: "ended", decidedOn: TODAY, objectionBy: "none", detail: "後継の協定を検討" });
  story = await agreements.story(aoba.id);
  expect(story.agreement).toMatchObject({ status: "terminated", termEnd: "2026-12-31" });
  expect(story.terms.map((x) => [x.termNo, x.termTo, x.objection])).toEqual([[1, "2026-12-31", "後継の協定を検討"]]);

  const dept = await as(11);
  expect(((await refusal(dept.terms.recordTermDecision(story.agreement, story.terms, 30, { outcome: "ended", decidedOn: TODAY, objectionBy: "city", detail: "x" }))) as DataError).kind).toBe("forbidden");
});

test("editing an agreement's terms recomputes the current term; bad terms and stale edits are refused", async () => {
  const { terms, agreements } = await as(7);
  const ohara = await byPartner("O'Hara 食品株式会社");
  let story = await agreements.story(ohara.id);
  const rules = { initialTermMonths: null, initialTermEnd: "2025-03-31", endsAtFiscalYearEnd: false, renewalMonths: 12, renewalRepeats: true, noticeMonths: 12, noticeInWriting: true, reviewCycleYears: 3 };
  expect(((await refusal(terms.saveTerms(story.agreement, story.terms, rules, ""))) as RuleError).problems).toEqual([{ field: "terms", code: "noticeLongerThanTerm" }]);
  expect(((await refusal(terms.saveTerms(story.agreement, story.terms, { ...rules, noticeMonths: 1, initialTermEnd: "2020-01-01" }, ""))) as RuleError).problems).toEqual([{ field: "terms", code: "endBeforeStart" }]);
  // Renewal in six-month units from now on: the current term (3, from 2026-04-01) ends 2026-09-30.
  await terms.saveTerms(story.agreement, story.terms, { ...rules, renewalMonths: 6, noticeMonths: 1 }, "（改定後）6か月ごとに更新");
  const stale = story.agreement;
  story = await agreements.story(ohara.id);
  expect(story.agreement).toMatchObject({ renewalMonths: 6, noticeInWriting: true, termClause: "（改定後）6か月ごとに更新", termEnd: "2026-09-30" });
  expect(story.terms.find((x) => x.termNo === 3)?.termTo).toBe("2026-09-30");
  expect(((await refusal(terms.saveTerms(stale, story.terms, { ...rules, noticeMonths: 2 }, ""))) as DataError).kind).toBe("conflict");
});

test("site rules: saved per key, read back, and copied into a new agreement's terms", async () => {
  const { terms, agreements } = await as(7);
  const { rules, settings } = await terms.siteRules();
  expect(rules.decisionBufferDays).toBe(30);
  const custom = { ...rules, terms: { ...rules.terms, initialTermMonths: 36, renewalMonths: 12, noticeMonths: 1, noticeInWriting: true }, decisionBufferDays: 45, criteria: [...GUIDELINE_RULES.criteria, { id: "local", kind: "requirement" as const, text: "市内に事業所がある" }] };
  expect(((await refusal(terms.saveSiteRules({ ...custom, decisionBufferDays: 999 }, settings))) as RuleError).problems).toEqual([{ field: "decisionBufferDays", code: "outOfRange" }]);
  await terms.saveSiteRules(custom, settings);
  const again = await terms.siteRules();
  expect(again.rules).toEqual(custom);
  const partner = (await t.dataAs(7).partners.list())[0];
  const a = await agreements.start({ title: "既定の条件の協定", origin: "city", partnerId: partner.id, requestedByDepartmentId: null, requestedByExecutives: true, approachDate: null, proposedContent: "" }, ["防災に関すること"], again.rules.terms);
  expect(a).toMatchObject({ initialTermMonths: 36, renewalMonths: 12, noticeMonths: 1, noticeInWriting: true, reviewCycleYears: 3 });
  // The intake checklist is kept with the agreement, with who checked it and when.
  await terms.saveScreening(a, { answers: { fields: "yes", sales: "no" }, note: "3件の事業案あり", checkedOn: null, checkedBy: "" });
  const saved = JSON.parse((await t.dataAs(7).agreements.get(a.id)).screening);
  expect(saved).toEqual({ answers: { fields: "yes", sales: "no" }, note: "3件の事業案あり", checkedOn: TODAY, checkedBy: "未来 花子" });
});
