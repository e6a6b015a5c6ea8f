import type { Store } from "../backend/store";
import { graphTeams } from "../backend/directory";
import * as S from "../../src/data/schema/listSchema";
import { toListValues } from "../../src/data/sp/mapping";
import type { AnyListDef, ListDef } from "../../src/data/schema/fieldTypes";
import type * as D from "../../src/domain/types";
import { nthReviewDate } from "../../src/domain/review";
import { publicationFileName } from "../../src/data/services/publishedRecord";

/**
 * A deterministic large dataset for benchmarks: the same seed gives the same rows. Adds
 * `agreements` agreements (with partners and 3–6 items each) on top of the seeded site.
 */

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const fields = ["防災", "子育て支援", "健康づくり", "環境保全", "地域経済の活性化", "教育", "観光振興", "高齢者の見守り", "食育", "行政のデジタル化", "文化・スポーツ", "まちづくり"];
const forms = ["株式会社", "有限会社", "一般社団法人", "学校法人"];
const stems = ["あおば", "さくら", "みどり", "ひかり", "けやき", "すずかけ", "むさし", "たま", "きよせ", "ひばり", "こもれび", "なごみ"];

const values = <T extends D.Stored>(def: ListDef<T>, rows: Partial<D.Draft<T>>[]): Record<string, unknown>[] =>
  rows.map((r) => toListValues(def as unknown as AnyListDef, r as Partial<D.Draft<D.Stored>>));

export function addAgreements(store: Store, count: number, seed = 20261124): { agreements: number; items: number } {
  const rnd = mulberry32(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)];
  const partners: Partial<D.Draft<D.Partner>>[] = [];
  for (let i = 0; i < count; i++) {
    partners.push({ name: `${pick(forms)}${pick(stems)}${pick(["商事", "電機", "建設", "食品", "大学", "交通", "ホールディングス"])} 第${i + 1}号`, kana: "", kind: pick(["company", "university", "association", "financialInstitution"] as D.PartnerKind[]), contactName: "担当者", contactEmail: `p${i}@example.jp`, contactPhone: "03-0000-0000", address: "", website: "" });
  }
  const partnerIds = store.bulkAdd(S.listUrlName(S.partners), values(S.partners, partners), 7);
  const agreements: Partial<D.Draft<D.Agreement>>[] = partnerIds.map((pid, i) => {
    const y = 2010 + Math.floor(rnd() * 16);
    const concluded = `${y}-${String(1 + Math.floor(rnd() * 12)).padStart(2, "0")}-${String(1 + Math.floor(rnd() * 28)).padStart(2, "0")}`;
    let n = 1;
    while (nthReviewDate(concluded, n) < "2026-11-24") n++;
    const status: D.AgreementStatus = rnd() < 0.85 ? "concluded" : pick(["approached", "surveying", "declined", "terminated"] as D.AgreementStatus[]);
    return {
      title: `清瀬市と${partners[i].name}との包括連携に関する協定`,
      partner: { id: pid, title: "" },
      status,
      origin: rnd() < 0.5 ? "city" : "partner",
      concludedDate: status === "concluded" || status === "terminated" ? concluded : null,
      nextReviewDate: status === "concluded" ? nthReviewDate(concluded, n) : null,
      approachDate: concluded,
      reviewCycleYears: 3,
      renewalRepeats: true,
    };
  });
  const agreementIds = store.bulkAdd(S.listUrlName(S.agreements), values(S.agreements, agreements), 7);
  const items: Partial<D.Draft<D.PartnershipItem>>[] = [];
  for (const id of agreementIds) {
    const k = 3 + Math.floor(rnd() * 4);
    for (let j = 0; j < k; j++) items.push({ agreement: { id, title: "" }, itemNo: j + 1, text: `${fields[(id + j) % fields.length]}に関すること` });
  }
  store.bulkAdd(S.listUrlName(S.partnershipItems), values(S.partnershipItems, items), 7);
  return { agreements: agreementIds.length, items: items.length };
}

/** `count` proposals for a fiscal year, half from partners (Form 1), half from departments (Form 2). */
export function addProposals(store: Store, fiscalYear: number, count: number, seed = 4242): void {
  const rnd = mulberry32(seed);
  const agreements = [...store.list(S.listUrlName(S.agreements))!.items.values()].filter((a) => a.values.AgreementStatus === "締結");
  const items = [...store.list(S.listUrlName(S.partnershipItems))!.items.values()];
  const departments = [...store.list(S.listUrlName(S.departments))!.items.values()];
  const itemsOf = new Map<number, number[]>();
  for (const it of items) itemsOf.set(it.values.AgreementId as number, [...(itemsOf.get(it.values.AgreementId as number) ?? []), it.Id]);
  const pp: Partial<D.Draft<D.PartnerProposal>>[] = [];
  const cp: Partial<D.Draft<D.CityProposalRow>>[] = [];
  for (let i = 0; i < count; i++) {
    const a = agreements[Math.floor(rnd() * agreements.length)];
    const its = itemsOf.get(a.Id) ?? [];
    const item = its.length ? { id: its[Math.floor(rnd() * its.length)], title: "" } : null;
    const partner = { id: a.values.PartnerId as number, title: "" };
    const title = `${fields[i % fields.length]}の連携事業 ${i + 1}`;
    const content = `${fields[(i * 7) % fields.length]}について、市と企業等が協力して取り組む事業の提案です。対象は市民、期間は年度内。`;
    if (i % 2 === 0) pp.push({ title, fiscalYear, partner, partnershipItem: item, content, timing: rnd() < 0.8 ? "startOfYear" : "anyTime", call: null, receivedDate: `${fiscalYear}-05-15`, importKey: "" });
    else {
      const dept = departments[1 + Math.floor(rnd() * (departments.length - 1))];
      cp.push({ title, fiscalYear, department: { id: dept.Id, title: "" }, partner, partnershipItem: item, content, viewpoint: "comprehensivePlan", answersProposal: null, status: "submitted", call: null, sourceId: null });
    }
  }
  store.bulkAdd(S.listUrlName(S.partnerProposals), values(S.partnerProposals, pp), 7);
  store.bulkAdd(S.listUrlName(S.cityProposals), values(S.cityProposals, cp), 7);
}

/** Divisions of a mid-sized city beyond the sample ones (code, 部, 課): the ten-year site's departments. */
export const cityDivisions: Array<[code: string, dept: string, div: string]> = [
  ["kikaku-zaisei", "企画部", "財政課"],
  ["kikaku-kikaku", "企画部", "企画政策課"],
  ["somu-somu", "総務部", "総務課"],
  ["somu-jinji", "総務部", "職員課"],
  ["somu-keiyaku", "総務部", "契約管財課"],
  ["shimin-shimin", "市民環境部", "市民課"],
  ["shimin-kyodo", "市民環境部", "市民協働課"],
  ["shimin-kanko", "市民環境部", "観光課"],
  ["shimin-nogyo", "市民環境部", "農業振興課"],
  ["shimin-gomi", "市民環境部", "ごみ減量推進課"],
  ["zeimu-kazei", "税務部", "課税課"],
  ["zeimu-nozei", "税務部", "納税課"],
  ["kenko-hoken", "健康福祉部", "保険年金課"],
  ["kenko-fukushi", "健康福祉部", "地域福祉課"],
  ["kenko-shogai", "健康福祉部", "障害福祉課"],
  ["kenko-seikatsu", "健康福祉部", "生活福祉課"],
  ["kenko-kaigo", "健康福祉部", "介護保険課"],
  ["kodomo-hoiku", "子ども家庭部", "保育課"],
  ["kodomo-jido", "子ども家庭部", "子ども家庭支援課"],
  ["kodomo-seishonen", "子ども家庭部", "青少年課"],
  ["toshi-keikaku", "都市整備部", "都市計画課"],
  ["toshi-kenchiku", "都市整備部", "建築指導課"],
  ["toshi-koen", "都市整備部", "水と緑の課"],
  ["toshi-gesuido", "都市整備部", "下水道課"],
  ["kyoiku-gakko", "教育部", "学校教育課"],
  ["kyoiku-shido", "教育部", "教育指導課"],
  ["kyoiku-toshokan", "教育部", "図書館"],
  ["kyoiku-bunka", "教育部", "文化振興課"],
  ["gikai-jimu", "議会事務局", "議事課"],
  ["senkyo-jimu", "選挙管理委員会事務局", "選挙課"],
];

/** The rows of `count` extra departments: bench ones ("ベンチ第n課"), or the city's own divisions when `named` (at most cityDivisions.length). */
export function departmentRows(count: number, named = false): Partial<D.Draft<D.Department>>[] {
  const hex = (n: number, len: number): string => n.toString(16).padStart(len, "0").slice(-len);
  if (named && count > cityDivisions.length) throw new Error(`At most ${cityDivisions.length} named departments`);
  return Array.from({ length: count }, (_, i) => {
    const [code, dept, div] = named ? cityDivisions[i] : [`bench-${i + 1}`, "ベンチ部", `ベンチ第${i + 1}課`];
    return {
      title: `${dept} ${div}`,
      code,
      departmentName: dept,
      divisionName: div,
      sectionName: "",
      teamId: `${hex(0x10000000 + i, 8)}-0000-4000-8000-${hex(i, 12)}`,
      channelId: `19:${hex(0xabc00000 + i, 32)}@thread.tacv2`,
      teamName: `${dept} ${div}`,
      channelName: "一般",
      isCoordinator: false,
      sortOrder: 1000 + i,
      active: true,
    };
  });
}

/** The departments' teams in the tenant's directory (this process's), with the coordinator (user 7) a member. */
export function addDepartmentTeams(rows: Partial<D.Draft<D.Department>>[]): void {
  for (const r of rows) if (!graphTeams.some((t) => t.id === r.teamId)) graphTeams.push({ id: r.teamId!, displayName: r.title!, memberIds: [7], channels: [{ id: r.channelId!, displayName: "一般", membershipType: "standard" }] });
}

/** `count` extra departments, each with a well-formed Teams team and channel (`named`: the city's divisions, see departmentRows). */
export function addDepartments(store: Store, count: number, named = false): void {
  const rows = departmentRows(count, named);
  store.bulkAdd(S.listUrlName(S.departments), values(S.departments, rows), 7);
  addDepartmentTeams(rows);
}

/** `count` published (or submitted) results for a fiscal year, spread over departments and concluded partners, NO per department. */
export function addResults(store: Store, fiscalYear: number, count: number, seed = 777, status: "published" | "submitted" = "published"): void {
  const rnd = mulberry32(seed + fiscalYear);
  const agreements = [...store.list(S.listUrlName(S.agreements))!.items.values()].filter((a) => a.values.AgreementStatus === "締結");
  const departments = [...store.list(S.listUrlName(S.departments))!.items.values()].filter((d) => !d.values.IsCoordinator);
  const perDept = new Map<number, number>();
  const rows: Partial<D.Draft<D.ResultReport>>[] = [];
  for (let i = 0; i < count; i++) {
    const dept = departments[Math.floor(rnd() * departments.length)];
    const a = agreements[Math.floor(rnd() * agreements.length)];
    const no = (perDept.get(dept.Id) ?? 0) + 1;
    perDept.set(dept.Id, no);
    rows.push({ title: `${fields[i % fields.length]}の連携事業 ${i + 1}`, fiscalYear, department: { id: dept.Id, title: "" }, sectionName: "", rowNo: no, content: "市民向けの講座を共催し、多くの参加があった。", partner: { id: a.values.PartnerId as number, title: "" }, partnershipItem: null, matching: null, cityProposal: null, status, publishedAt: status === "published" ? `${fiscalYear + 1}-05-20T00:00:00Z` : null, sourceId: null });
  }
  const ids = store.bulkAdd(S.listUrlName(S.resultReports), values(S.resultReports, rows), 7);
  if (status !== "published") return;
  // A published year as the product leaves it (ResultsService.publish): a publication with the
  // frozen file of what it published; a row says 公表済 only where that file includes it.
  const publishedAt = `${fiscalYear + 1}-05-20T00:00:00Z`;
  const [pubId] = store.bulkAdd(S.listUrlName(S.publications), values(S.publications, [{ title: `${fiscalYear}年度 連携事業の実績（第1版）`, fiscalYear, edition: 1, publicationKey: `${fiscalYear}:1`, rowCount: rows.length, publishedAt }]), 7);
  const record = { fiscalYear, edition: 1, publishedAt, rows: rows.map((r, i) => ({ ...r, id: ids[i], status: "published", publishedAt })), nothingToReport: [] };
  store.list(S.listUrlName(S.publications))!.items.get(pubId)!.attachments.push({ name: publicationFileName(fiscalYear, 1), data: Buffer.from(JSON.stringify(record), "utf8").toString("base64") });
}

const answerChoices: D.PartnerAnswer[] = ["can", "can", "discuss", "cannot"];
const staff = ["佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤"];

/**
 * The rest of a fiscal year's cycle around the year's proposals (addProposals first), as the
 * product would have left it: the year's calls (when the year has none), the partners' answers
 * to the city proposals, `editions` issued feedback lists (別紙③) whose rows are the partners'
 * proposals and the answered city proposals, departments' implementation wishes, the Teams
 * notices of each edition, call and survey, `surveys` internal surveys of every department on
 * each item of an agreement, and the audit entries of what was decided. `current`: the year in
 * progress (calls open, surveys still requested, the last edition a draft).
 */
export function addYearOfCycle(store: Store, fiscalYear: number, opts: { editions?: number; surveys?: number; current?: boolean; seed?: number } = {}): void {
  const { editions = 4, surveys = 5, current = false } = opts;
  const rnd = mulberry32((opts.seed ?? 9001) + fiscalYear);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)];
  const all = (def: AnyListDef) => [...store.list(S.listUrlName(def))!.items.values()].filter((r) => r.fsObjType !== 1);
  const ofYear = (def: AnyListDef) => all(def).filter((r) => r.values.FiscalYear === fiscalYear);
  const departments = all(S.departments as unknown as AnyListDef).filter((d) => !d.values.IsCoordinator);
  const deptRefs = departments.map((d) => ({ id: d.Id, title: "" }));
  const partners = new Map(all(S.partners as unknown as AnyListDef).map((p) => [p.Id, p]));
  const agreements = all(S.agreements as unknown as AnyListDef);
  const itemsOf = new Map<number, number[]>();
  for (const it of all(S.partnershipItems as unknown as AnyListDef)) itemsOf.set(it.values.AgreementId as number, [...(itemsOf.get(it.values.AgreementId as number) ?? []), it.Id]);
  // A day of the fiscal year by its month counted from January of its first calendar year: 4–12 are
  // April–December, 1–3 and 13–15 January–March of the next (the year's later surveys and editions
  // count on past 12: 14 is February, not a month "14" no date parser reads).
  const stamp = (month: number, day: number): string => `${month >= 4 && month <= 12 ? fiscalYear : fiscalYear + 1}-${String(((month - 1) % 12) + 1).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  const audit: Array<{ values: Record<string, unknown>; at: string }> = [];
  const auditRow = (title: string, entityList: string, entityId: number, action: D.AuditAction, at: string, detail: Record<string, unknown> = {}): void => {
    audit.push({ values: toListValues(S.auditLog as unknown as AnyListDef, { title, entityList, entityId, action, detail: JSON.stringify(detail) }), at: `${at}T01:00:00Z` });
  };

  // The year's calls (Form 1, 2 and 4), unless the year has them already (the sample years do).
  let callIds = ofYear(S.calls as unknown as AnyListDef).map((c) => c.Id);
  if (callIds.length === 0) {
    const open = current ? "open" : "closed";
    callIds = store.bulkAdd(S.listUrlName(S.calls), values(S.calls, [
      { title: `${fiscalYear}年度 連携事項の提案（別紙①）の依頼`, fiscalYear, form: "form1", callKey: `form1-${fiscalYear}`, deadline: `${fiscalYear}-05-15`, status: "closed", message: "年度当初の提案をお願いします。", recipientPartners: [...partners.keys()].slice(0, 50).map((id) => ({ id, title: "" })), recipientDepartments: [] },
      { title: `${fiscalYear}年度 連携事項の提案（別紙②）の依頼`, fiscalYear, form: "form2", callKey: `form2-${fiscalYear}`, deadline: `${fiscalYear}-05-29`, status: "closed", message: "長期総合計画・実行計画および前年度の行政評価の視点から提案してください。", recipientDepartments: deptRefs, recipientPartners: [] },
      { title: `${fiscalYear}年度 実績報告（別紙④）の依頼`, fiscalYear, form: "form4", callKey: `form4-${fiscalYear}`, deadline: `${fiscalYear + 1}-04-17`, status: open, message: "連携企業等と実施した取組の実績を報告してください。", recipientDepartments: deptRefs, recipientPartners: [] },
    ]), 7);
    callIds.forEach((id, k) => auditRow("調査依頼を開始", "Calls", id, "create", stamp(4, 10 + k), { form: ["form1", "form2", "form4"][k] }));
  }

  // The partners' answers to the year's city proposals (one per proposal; a few still pending).
  const answered = new Set(all(S.proposalAnswers as unknown as AnyListDef).map((a) => a.values.ProposalId as number));
  const cps = ofYear(S.cityProposals as unknown as AnyListDef).filter((c) => c.values.ProposalStatus === "提出済");
  const answers: Partial<D.Draft<D.ProposalAnswer>>[] = [];
  const answerOf = new Map<number, D.PartnerAnswer>();
  for (const cp of cps) {
    if (answered.has(cp.Id) || rnd() < 0.08) continue;
    const answer = pick(answerChoices);
    answerOf.set(cp.Id, answer);
    answers.push({ title: String(cp.values.Title), fiscalYear, proposalId: cp.Id, answer, comment: answer === "discuss" ? "実施時期について協議したい。" : "", answerDate: stamp(7, 1 + Math.floor(rnd() * 28)) });
  }
  const answerIds = store.bulkAdd(S.listUrlName(S.proposalAnswers), values(S.proposalAnswers, answers), 7);
  answerIds.forEach((id, k) => auditRow("企業等の回答を記録", "ProposalAnswers", id, "create", answers[k].answerDate!, { answer: answers[k].answer }));

  // The feedback lists (別紙③): `editions` of them, every partner proposal and answered city proposal in one.
  const issueIds = store.bulkAdd(S.listUrlName(S.matchingIssues), values(S.matchingIssues, Array.from({ length: editions }, (_, e) => ({
    title: `${fiscalYear}年度 第${e + 1}回 提案のマッチング・結果のフィードバック`,
    fiscalYear,
    editionNo: e + 1,
    status: current && e === editions - 1 ? ("draft" as const) : ("issued" as const),
    issuedDate: current && e === editions - 1 ? null : stamp(8 + e * 2, 20),
    message: "実施を希望する場合は、企業等の担当者へ直接ご連絡ください。",
  }))), 7);
  const pps = ofYear(S.partnerProposals as unknown as AnyListDef);
  const rows: Partial<D.Draft<D.Matching>>[] = [];
  const contact = (partnerId: number) => {
    const p = partners.get(partnerId);
    return { contactName: String(p?.values.ContactName ?? ""), contactEmail: String(p?.values.ContactEmail ?? ""), contactPhone: String(p?.values.ContactPhone ?? "") };
  };
  const rowNo = new Map<number, number>();
  const next = (issue: number): number => {
    const n = (rowNo.get(issue) ?? 0) + 1;
    rowNo.set(issue, n);
    return n;
  };
  for (const pp of pps) {
    if (rnd() < 0.45) continue;
    const issue = issueIds[Math.floor(rnd() * issueIds.length)];
    rows.push({ title: String(pp.values.Title), fiscalYear, issue: { id: issue, title: "" }, rowNo: next(issue), content: String(pp.values.Content), partner: { id: pp.values.PartnerId as number, title: "" }, partnerProposal: { id: pp.Id, title: "" }, cityProposal: null, allDepartments: true, targetDepartments: [], ...contact(pp.values.PartnerId as number) });
  }
  for (const cp of cps) {
    const a = answerOf.get(cp.Id);
    if (a !== "can" && a !== "discuss") continue;
    const issue = issueIds[Math.floor(rnd() * issueIds.length)];
    rows.push({ title: String(cp.values.Title), fiscalYear, issue: { id: issue, title: "" }, rowNo: next(issue), content: String(cp.values.Content), partner: { id: cp.values.PartnerId as number, title: "" }, partnerProposal: null, cityProposal: { id: cp.Id, title: "" }, allDepartments: false, targetDepartments: [{ id: cp.values.DepartmentId as number, title: "" }], ...contact(cp.values.PartnerId as number) });
  }
  const matchingIds = store.bulkAdd(S.listUrlName(S.matchings), values(S.matchings, rows), 7);

  // Departments that want to carry a row out (the row's own department, or any for an all-departments row).
  const wishes: Partial<D.Draft<D.ImplementationWish>>[] = [];
  matchingIds.forEach((id, k) => {
    if (rnd() < 0.2) return;
    const dept = rows[k].allDepartments ? pick(deptRefs) : rows[k].targetDepartments![0];
    wishes.push({ title: String(rows[k].title), fiscalYear, matching: { id, title: "" }, department: dept, contactPerson: `${pick(staff)} ${pick(["主事", "主任", "係長"])}`, comment: rnd() < 0.3 ? "秋の事業で実施したい。" : "" });
  });
  store.bulkAdd(S.listUrlName(S.implementationWishes), values(S.implementationWishes, wishes), 7);

  // The Teams notices: every department for each issued edition and each Form 2 / Form 4 call; reminders to some.
  const notices: Partial<D.Draft<D.Notification>>[] = [];
  const deptRow = new Map(departments.map((d) => [d.Id, d]));
  const notice = (kind: D.NotificationKind, key: string, title: string, deptId: number, at: string): void => {
    const d = deptRow.get(deptId)!;
    const failed = rnd() < 0.02;
    notices.push({ title: title.slice(0, 255), kind, department: { id: deptId, title: "" }, dedupeKey: key, teamId: String(d.values.TeamId ?? ""), channelId: String(d.values.ChannelId ?? ""), status: !d.values.ChannelId ? "notConfigured" : failed ? "failed" : "sent", graphMessageId: failed || !d.values.ChannelId ? "" : `${fiscalYear}${key.length}${Math.floor(rnd() * 1e9)}`, error: failed ? "503 Service Unavailable" : "", attempts: failed ? 3 : 1, lastAttemptAt: `${at}T00:30:00Z` });
  };
  issueIds.forEach((issue, e) => {
    if (current && e === editions - 1) return;
    for (const d of departments) notice("matchingIssue", `issue:${issue}:dept:${d.Id}`, `${fiscalYear}年度 第${e + 1}回 フィードバック`, d.Id, stamp(8 + e * 2, 20));
  });
  for (const callId of callIds) {
    const call = store.list(S.listUrlName(S.calls))!.items.get(callId)!;
    if (call.values.Form === "別紙①") continue;
    for (const d of departments) {
      notice("callNotice", `notice:call:${callId}:dept:${d.Id}`, `依頼: ${String(call.values.Title)}`, d.Id, stamp(4, 10));
      for (const day of [22, 27]) if (rnd() < 0.35) notice("callReminder", `reminder:call:${callId}:dept:${d.Id}:${stamp(5, day)}`, `督促: ${String(call.values.Title)}`, d.Id, stamp(5, day));
    }
  }

  // Internal surveys: `surveys` agreements approached this year, every department asked about each of their items.
  const approached: typeof agreements = [];
  while (approached.length < Math.min(surveys, agreements.length)) {
    const a = pick(agreements);
    if (!approached.includes(a)) approached.push(a);
  }
  const survey: Partial<D.Draft<D.SurveyResponse>>[] = [];
  approached.forEach((a, k) => {
    const items = itemsOf.get(a.Id) ?? [];
    const asked = stamp(6 + k * 2, 1);
    for (const d of departments) {
      notice("surveyNotice", `notice:survey:${a.Id}:dept:${d.Id}:${fiscalYear}`, `庁内調査: ${String(a.values.Title)}`, d.Id, asked);
      if (rnd() < 0.6) notice("surveyReminder", `reminder:survey:${a.Id}:dept:${d.Id}:${stamp(6 + k * 2, 15)}`, `督促: ${String(a.values.Title)}（庁内調査）`, d.Id, stamp(6 + k * 2, 15));
      const requested = current && k === surveys - 1 && rnd() < 0.6;
      for (const item of items) {
        const feasible = !requested && rnd() < 0.3;
        survey.push({ title: `${String(a.values.Title)} 庁内調査`.slice(0, 255), agreement: { id: a.Id, title: "" }, department: { id: d.Id, title: "" }, partnershipItem: { id: item, title: "" }, status: requested ? "requested" : "answered", feasible, projectIdeas: feasible ? "既存事業との連携が可能。" : "", comment: "", answeredAt: requested ? null : `${stamp(6 + k * 2, 20)}T02:00:00Z` });
      }
    }
    auditRow("庁内調査を開始", "Agreements", a.Id, "statusChange", asked, { status: "surveying" });
  });
  store.bulkAdd(S.listUrlName(S.surveyResponses), values(S.surveyResponses, survey), 7);
  store.bulkAdd(S.listUrlName(S.notifications), values(S.notifications, notices), 7);
  issueIds.forEach((id, e) => !(current && e === editions - 1) && auditRow(`第${e + 1}回 フィードバックを発行`, "MatchingIssues", id, "statusChange", stamp(8 + e * 2, 20), { status: "issued" }));
  cps.forEach((cp) => auditRow("別紙②を提出", "CityProposals", cp.Id, "statusChange", stamp(5, 20 + Math.floor(rnd() * 9))));
  // Who and when of an audit entry are SharePoint's Author and Created: each row at its own time.
  for (const a of audit) store.bulkAdd(S.listUrlName(S.auditLog), [a.values], 7, a.at);
}
