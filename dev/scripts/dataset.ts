import type { Store } from "../backend/store";
import { graphTeams } from "../backend/directory";
import * as S from "../../src/data/schema/listSchema";
import { toListValues } from "../../src/data/sp/mapping";
import type { AnyListDef, ListDef } from "../../src/data/schema/fieldTypes";
import type * as D from "../../src/domain/types";
import { nthReviewDate } from "../../src/domain/review";

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

/** `count` extra departments, each with a well-formed Teams team and channel. */
export function addDepartments(store: Store, count: number): void {
  const hex = (n: number, len: number): string => n.toString(16).padStart(len, "0").slice(-len);
  const rows: Partial<D.Draft<D.Department>>[] = Array.from({ length: count }, (_, i) => ({
    title: `ベンチ部 ベンチ第${i + 1}課`,
    code: `bench-${i + 1}`,
    departmentName: "ベンチ部",
    divisionName: `ベンチ第${i + 1}課`,
    sectionName: "",
    teamId: `${hex(0x10000000 + i, 8)}-0000-4000-8000-${hex(i, 12)}`,
    channelId: `19:${hex(0xabc00000 + i, 32)}@thread.tacv2`,
    isCoordinator: false,
    sortOrder: 1000 + i,
    active: true,
  }));
  store.bulkAdd(S.listUrlName(S.departments), values(S.departments, rows), 7);
  // Their teams exist in the tenant's directory, with the coordinator (user 7) a member.
  for (const r of rows) graphTeams.push({ id: r.teamId!, displayName: r.title!, memberIds: [7], channels: [{ id: r.channelId!, displayName: "一般", membershipType: "standard" }] });
}

/** `count` published results for a fiscal year, spread over departments and concluded partners, NO per department. */
export function addResults(store: Store, fiscalYear: number, count: number, seed = 777): void {
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
    rows.push({ title: `${fields[i % fields.length]}の連携事業 ${i + 1}`, fiscalYear, department: { id: dept.Id, title: "" }, sectionName: "", rowNo: no, content: "市民向けの講座を共催し、多くの参加があった。", partner: { id: a.values.PartnerId as number, title: "" }, partnershipItem: null, matching: null, cityProposal: null, status: "published", publishedAt: `${fiscalYear + 1}-05-20T00:00:00Z`, sourceId: null });
  }
  store.bulkAdd(S.listUrlName(S.resultReports), values(S.resultReports, rows), 7);
}
