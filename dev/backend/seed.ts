import type { SPFI } from "@pnp/sp";
import { PORTAL_PAGE_KEY } from "../../src/domain/portalPage";
import { addSitePage } from "./sitePages";
import type { SubmittedListKey } from "../../src/data/contracts";
import { PartnershipData } from "../../src/data/sp/PartnershipData";
import { refreshDecisionColumns } from "../../src/data/services/decisionColumns";
import { ResultsService } from "../../src/data/services/ResultsService";
import { PARTNERSHIP_SITE } from "./store";
import type { Store } from "./store";
import * as S from "../../src/data/schema/listSchema";
import { toListValues } from "../../src/data/sp/mapping";
import type * as D from "../../src/domain/types";
import type { AnyListDef, ListDef } from "../../src/data/schema/fieldTypes";

/**
 * Realistic sample data for a city hall (fictional names): 12 partners, their
 * agreements and partnership items, 12 departments with Teams channels, and fiscal
 * years 2025 (complete, published) and 2026 (in progress).
 */

const COORDINATOR_ID = 7;
const ref = (id: number, title = ""): D.LookupRef => ({ id, title });

function add<T extends D.Stored>(store: Store, def: ListDef<T>, rows: Partial<D.Draft<T>>[]): number[] {
  return store.bulkAdd(
    S.listUrlName(def),
    rows.map((r) => toListValues(def as unknown as AnyListDef, r as Partial<D.Draft<D.Stored>>)),
    COORDINATOR_ID,
    "2026-04-01T00:00:00Z",
  );
}

import { fakeGuid, seedDepartments } from "./directory";
export { seedDepartments };

/** The sample site's page with the department portal web part (the setting 部署ポータルのページ names it). */
export const SAMPLE_PORTAL_PAGE = "DepartmentPortal.aspx";

interface SeedPartner {
  name: string;
  kana: string;
  kind: D.PartnerKind;
  contact: string;
  concluded: string | null;
  items: string[];
}

export const seedPartners: SeedPartner[] = [
  { name: "株式会社みらい電機", kana: "ミライデンキ", kind: "company", contact: "佐藤 一郎", concluded: "2019-07-01", items: ["防災に関すること", "環境保全・脱炭素に関すること", "子育て支援に関すること", "地域経済の活性化に関すること"] },
  { name: "清瀬北大学", kana: "キヨセキタダイガク", kind: "university", contact: "鈴木 恵", concluded: "2016-04-01", items: ["教育・学術研究に関すること", "健康づくりに関すること", "人材育成に関すること", "まちづくりに関すること"] },
  { name: "多摩信和銀行", kana: "タマシンワギンコウ", kind: "financialInstitution", contact: "高橋 誠", concluded: "2020-02-29", items: ["地域経済の活性化に関すること", "創業支援に関すること", "金融教育に関すること"] },
  { name: "東和生命保険株式会社", kana: "トウワセイメイホケン", kind: "company", contact: "田中 美咲", concluded: "2021-10-15", items: ["健康づくりに関すること", "高齢者の見守りに関すること", "子育て支援に関すること", "防災に関すること"] },
  { name: "株式会社けやきスーパー", kana: "ケヤキスーパー", kind: "company", contact: "伊藤 健", concluded: "2018-03-26", items: ["高齢者の見守りに関すること", "食育に関すること", "災害時の物資供給に関すること"] },
  { name: "武蔵野ガス株式会社", kana: "ムサシノガス", kind: "company", contact: "渡辺 陽子", concluded: "2022-06-01", items: ["環境保全・脱炭素に関すること", "防災に関すること", "子どもの学びに関すること"] },
  { name: "株式会社アオバ通信", kana: "アオバツウシン", kind: "company", contact: "山本 拓也", concluded: "2023-04-20", items: ["行政のデジタル化に関すること", "情報発信に関すること", "防災に関すること"] },
  { name: "一般社団法人清瀬市医師会", kana: "キヨセシイシカイ", kind: "association", contact: "中村 直樹", concluded: "2017-11-01", items: ["健康づくりに関すること", "救急・災害医療に関すること", "子育て支援に関すること"] },
  { name: "O'Hara 食品株式会社", kana: "オハラショクヒン", kind: "company", contact: "小林 里奈", concluded: "2024-01-31", items: ["食育に関すること", "地産地消に関すること", "健康づくりに関すること"] },
  { name: "清瀬信用金庫", kana: "キヨセシンヨウキンコ", kind: "financialInstitution", contact: "加藤 修", concluded: "2015-03-30", items: ["地域経済の活性化に関すること", "創業支援に関すること", "まちづくりに関すること"] },
  { name: "株式会社ひばり交通", kana: "ヒバリコウツウ", kind: "company", contact: "吉田 大輔", concluded: null, items: ["地域交通に関すること", "観光振興に関すること", "高齢者の外出支援に関すること"] },
  { name: "東都ドラッグ株式会社", kana: "トウトドラッグ", kind: "company", contact: "松本 彩", concluded: null, items: ["健康づくりに関すること", "販売促進に関すること"] },
];

const proposalIdeas: Record<string, Array<[string, string]>> = {
  防災: [["防災訓練への参加と備蓄品の展示", "市の総合防災訓練に社員が参加し、家庭用蓄電池と備蓄品を展示します。"], ["避難所の電源確保の検証", "停電時に避難所へ移動式電源を提供する手順を市と共同で検証します。"]],
  環境: [["小学校での省エネ出前授業", "市内小学校の4年生を対象に、家庭でできる省エネの出前授業を行います。"], ["公共施設の脱炭素診断", "公共施設3か所のエネルギー使用量を診断し、改善案を提示します。"]],
  子育て: [["子育て世帯向けの防犯教室", "保育園の保護者を対象に、親子で学べる防犯教室を開催します。"], ["育児休業者向けセミナー", "育児休業中の市民に向けたキャリア再設計のセミナーを行います。"]],
  経済: [["市内事業者の販路拡大商談会", "市内事業者と取引先をつなぐ商談会を年1回共催します。"], ["創業セミナーの共催", "創業を考える市民を対象に、資金計画と融資制度のセミナーを開きます。"]],
  健康: [["健康ポイント事業への協力", "ウォーキングイベントに合わせ、健康ポイントの特典を提供します。"], ["がん検診の受診勧奨", "店舗と窓口でがん検診の受診勧奨チラシを配布します。"]],
  見守り: [["配達時の高齢者見守り", "配達員が異変に気づいたとき市へ連絡する見守りの仕組みを運用します。"]],
  教育: [["学生による学習支援", "大学生が放課後の学習支援教室で中学生の学習を手伝います。"], ["市職員向けデータ分析研修", "市職員を対象に、統計データの読み方と分析の研修を行います。"]],
  食育: [["親子料理教室", "地元野菜を使った親子料理教室を市の施設で開きます。"]],
  デジタル: [["オンライン申請の操作講座", "高齢者向けにスマートフォンでのオンライン申請の操作講座を行います。"]],
};

function ideasFor(item: string): Array<[string, string]> {
  const key = Object.keys(proposalIdeas).find((k) => item.includes(k) || (k === "経済" && item.includes("創業")) || (k === "教育" && (item.includes("学") || item.includes("人材"))) || (k === "見守り" && item.includes("高齢")) || (k === "食育" && item.includes("地産")) || (k === "デジタル" && item.includes("情報")));
  return proposalIdeas[key ?? "経済"];
}

export function seed(store: Store): void {
  const deptIds = add<D.Department>(
    store,
    S.departments,
    seedDepartments.map(([code, dept, div, channel], i) => ({
      title: `${dept} ${div}`,
      code,
      departmentName: dept,
      divisionName: div,
      sectionName: "",
      teamId: channel ? fakeGuid(i + 1) : "",
      channelId: channel ? `19:${fakeGuid(i + 101).replace(/-/g, "")}@thread.tacv2` : "",
      teamName: channel ? `${dept} ${div}` : "",
      channelName: channel ? "一般" : "",
      isCoordinator: code === "kikaku-mirai",
      sortOrder: (i + 1) * 10,
      active: true,
    })),
  );
  const deptTitle = (i: number): D.LookupRef => ref(deptIds[i], `${seedDepartments[i][1]} ${seedDepartments[i][2]}`);

  const partnerIds = add<D.Partner>(
    store,
    S.partners,
    seedPartners.map((p, i) => ({
      name: p.name,
      kana: p.kana,
      kind: p.kind,
      address: `東京都清瀬市中清戸${(i % 5) + 1}丁目${i + 3}番地`,
      contactName: p.contact,
      contactEmail: `partnership${i + 1}@example.co.jp`,
      contactPhone: `042-49${i}-${String(1200 + i * 37).slice(0, 4)}`,
      website: `https://www.example.co.jp/p${i + 1}`,
    })),
  );

  const agreementRows: Partial<D.Draft<D.Agreement>>[] = seedPartners.map((p, i) => {
    const concluded = p.concluded;
    const base = {
      title: `清瀬市と${p.name}との包括連携に関する協定`,
      partner: ref(partnerIds[i]),
      origin: (i % 3 === 0 ? "city" : "partner") as D.AgreementOrigin,
      requestedByExecutives: i % 3 === 0 && i % 2 === 0,
      requestedByDepartment: i % 3 === 0 && i % 2 === 1 ? deptTitle(4) : null,
      renewalRepeats: true,
      noticeInWriting: false,
    };
    if (concluded) {
      const y = Number(concluded.slice(0, 4));
      let next = y + 3;
      while (next <= 2026) next += 3;
      return {
        ...base,
        status: "concluded" as const,
        approachDate: `${y - 1}-${concluded.slice(5, 7)}-01`,
        concludedDate: concluded,
        termStart: concluded,
        nextReviewDate: `${next}${concluded.slice(4)}`.replace("-02-29", "-02-28"),
        reviewCycleYears: 3,
      };
    }
    if (i === 10) {
      return {
        ...base,
        origin: "partner" as const,
        status: "surveying" as const,
        approachDate: "2026-09-10",
        proposedContent: "市内の地域交通・観光振興・高齢者の外出支援について、路線バス事業者として包括的に連携したい。",
        briefingDate: "2026-10-08",
        briefingPlace: "市役所 本庁舎 4階 会議室",
        briefingDepartments: [deptTitle(0), deptTitle(6), deptTitle(8), deptTitle(9)],
        surveyDeadline: "2026-12-11",
      };
    }
    return {
      ...base,
      origin: "partner" as const,
      status: "declined" as const,
      approachDate: "2025-08-20",
      proposedContent: "店舗での販売促進キャンペーンに市の名義を使用したい。",
      declinedDate: "2025-11-14",
      declinedReason: "提案内容が自社商品の販売促進を主な目的としており、市のまちづくりの方向性と合致しないため見送る。",
    };
  });
  // Terms as written for three of them: a yearly renewal to the fiscal year end, a fixed
  // term about to expire, and a renewal whose decision is overdue.
  const written: Record<number, Partial<D.Draft<D.Agreement>>> = {
    8: { initialTermEnd: "2025-03-31", renewalMonths: 12, renewalRepeats: true, noticeMonths: 1, termEnd: "2027-03-31", termClause: "本協定の有効期間は、締結の日から令和7年3月31日までとする。ただし、期間満了の1か月前までに甲乙いずれからも申出がないときは、さらに1年間更新するものとし、以後も同様とする。" },
    6: { initialTermEnd: "2026-12-31", renewalMonths: null, termEnd: "2026-12-31", termClause: "締結の日から令和8年12月31日まで" },
    5: { initialTermMonths: 36, renewalMonths: 12, renewalRepeats: true, noticeMonths: 2, noticeInWriting: true, termEnd: "2026-05-31", termClause: "締結の日から3年間とし、期間満了の2か月前までに書面による申出がないときは、1年ごとに更新する。" },
  };
  for (const [i, terms] of Object.entries(written)) Object.assign(agreementRows[Number(i)], terms);
  const agreementIds = add<D.Agreement>(store, S.agreements, agreementRows);
  const termRows: Partial<D.Draft<D.AgreementTerm>>[] = [
    { termNo: 1, termFrom: "2024-01-31", termTo: "2025-03-31" },
    { termNo: 2, termFrom: "2025-04-01", termTo: "2026-03-31" },
    { termNo: 3, termFrom: "2026-04-01", termTo: "2027-03-31" },
  ].map((t) => ({ ...t, agreement: ref(agreementIds[8]), decidedBy: "未来 花子", objection: "" }));
  termRows.push({ agreement: ref(agreementIds[6]), termNo: 1, termFrom: "2023-04-20", termTo: "2026-12-31", decidedBy: "未来 花子", objection: "" });
  termRows.push({ agreement: ref(agreementIds[5]), termNo: 1, termFrom: "2022-06-01", termTo: "2025-05-31", decidedBy: "未来 花子", objection: "" });
  termRows.push({ agreement: ref(agreementIds[5]), termNo: 2, termFrom: "2025-06-01", termTo: "2026-05-31", decidedBy: "未来 花子", objection: "" });
  add<D.AgreementTerm>(store, S.agreementTerms, termRows);

  const itemIds: number[][] = [];
  seedPartners.forEach((p, i) => {
    itemIds.push(
      add<D.PartnershipItem>(
        store,
        S.partnershipItems,
        p.items.map((text, n) => ({ text, agreement: ref(agreementIds[i]), itemNo: n + 1 })),
      ),
    );
  });

  // Internal survey for the approach under consideration: two departments have answered.
  const surveyDepts = [6, 8, 9, 2];
  const surveyRows: Partial<D.Draft<D.SurveyResponse>>[] = [];
  surveyDepts.forEach((d, k) =>
    seedPartners[10].items.forEach((item, n) =>
      surveyRows.push({
        title: `${seedPartners[10].name} 庁内調査`,
        agreement: ref(agreementIds[10]),
        department: deptTitle(d),
        partnershipItem: ref(itemIds[10][n]),
        status: k < 2 ? "answered" : "requested",
        feasible: k < 2 && n !== 1,
        projectIdeas: k < 2 && n !== 1 ? `${item.replace("に関すること", "")}について、既存事業との連携が可能。` : "",
        comment: "",
        answeredAt: k < 2 ? "2026-10-30T02:00:00Z" : null,
      }),
    ),
  );
  add<D.SurveyResponse>(store, S.surveyResponses, surveyRows);

  const concludedIdx = seedPartners.map((p, i) => (p.concluded ? i : -1)).filter((i) => i >= 0);
  const allDeptRefs = seedDepartments.map((_, i) => deptTitle(i));

  for (const fy of [2025, 2026]) {
    const callIds = add<D.Call>(store, S.calls, [
      { title: `${fy}年度 連携事項の提案（別紙①）の依頼`, fiscalYear: fy, form: "form1", callKey: `form1-${fy}`, deadline: `${fy}-05-15`, status: "closed", message: "年度当初の提案をお願いします。", recipientPartners: concludedIdx.map((i) => ref(partnerIds[i])) },
      { title: `${fy}年度 連携事項の提案（別紙②）の依頼`, fiscalYear: fy, form: "form2", callKey: `form2-${fy}`, deadline: `${fy}-05-29`, status: "closed", message: "長期総合計画・実行計画および前年度の行政評価の視点から提案してください。", recipientDepartments: allDeptRefs.slice(1) },
      { title: `${fy}年度 実績報告（別紙④）の依頼`, fiscalYear: fy, form: "form4", callKey: `form4-${fy}`, deadline: `${fy + 1}-04-17`, status: fy === 2025 ? "closed" : "open", message: "連携企業等と実施した取組の実績を報告してください。", recipientDepartments: allDeptRefs.slice(1) },
    ]);

    const ppRows: Partial<D.Draft<D.PartnerProposal>>[] = [];
    concludedIdx.forEach((pi, k) => {
      const n = (k + fy) % seedPartners[pi].items.length;
      const item = seedPartners[pi].items[n];
      const [title, content] = ideasFor(item)[(k + fy) % ideasFor(item).length];
      ppRows.push({ title, fiscalYear: fy, partner: ref(partnerIds[pi]), partnershipItem: ref(itemIds[pi][n]), content, timing: k % 4 === 3 ? "anyTime" : "startOfYear", call: k % 4 === 3 ? null : ref(callIds[0]), receivedDate: `${fy}-05-${String(1 + k).padStart(2, "0")}`, importKey: "" });
    });
    const ppIds = add<D.PartnerProposal>(store, S.partnerProposals, ppRows);

    const cpRows: Partial<D.Draft<D.CityProposalRow>>[] = [];
    const answerOf: Array<{ answer: D.PartnerAnswer; comment: string; answerDate: string | null }> = [];
    concludedIdx.forEach((pi, k) => {
      const d = 1 + ((k * 5 + fy) % (seedDepartments.length - 1));
      const n = (k + 1) % seedPartners[pi].items.length;
      const item = seedPartners[pi].items[n];
      const [title, content] = ideasFor(item)[(k + 1) % ideasFor(item).length];
      const answers: D.PartnerAnswer[] = ["can", "discuss", "cannot", "can"];
      const answered = fy === 2025 || k % 3 !== 2;
      cpRows.push({ title: `${title}（市からの提案）`, fiscalYear: fy, department: deptTitle(d), partner: ref(partnerIds[pi]), partnershipItem: ref(itemIds[pi][n]), content: `${content}市として会場と広報を担います。`, viewpoint: k % 3 === 0 ? "administrativeEvaluation" : "comprehensivePlan", answersProposal: k % 5 === 0 ? ref(ppIds[k]) : null, status: "submitted", call: ref(callIds[1]), sourceId: null });
      answerOf.push({ answer: answered ? answers[k % 4] : "pending", comment: answered && k % 4 === 1 ? "実施時期について協議したい。" : "", answerDate: answered ? `${fy}-07-${String(1 + k).padStart(2, "0")}` : null });
    });
    const cpIds = add<D.CityProposalRow>(store, S.cityProposals, cpRows);
    // The partners' answers are the coordinator's, in their own list (never on the department's row).
    add<D.ProposalAnswer>(
      store,
      S.proposalAnswers,
      answerOf.map((a, k) => ({ a, k })).filter((x) => x.a.answer !== "pending").map(({ a, k }) => ({ title: cpRows[k].title!, fiscalYear: fy, proposalId: cpIds[k], answer: a.answer, comment: a.comment, answerDate: a.answerDate })),
    );

    const [issueId] = add<D.MatchingIssue>(store, S.matchingIssues, [
      { title: `${fy}年度 第1回 提案のマッチング・結果のフィードバック`, fiscalYear: fy, editionNo: 1, status: "issued", issuedDate: `${fy}-08-20`, message: "実施を希望する場合は、企業等の担当者へ直接ご連絡ください。" },
    ]);
    const mRows: Partial<D.Draft<D.Matching>>[] = [];
    const contact = (partnerRef: D.LookupRef): { contactName: string; contactEmail: string; contactPhone: string } => {
      const i = partnerIds.indexOf(partnerRef.id);
      return { contactName: seedPartners[i].contact, contactEmail: `partnership${i + 1}@example.co.jp`, contactPhone: `042-49${i}-${String(1200 + i * 37).slice(0, 4)}` };
    };
    ppRows.forEach((pp, k) => mRows.push({ title: pp.title!, fiscalYear: fy, issue: ref(issueId), rowNo: mRows.length + 1, content: pp.content!, partner: pp.partner!, partnerProposal: ref(ppIds[k]), cityProposal: null, allDepartments: true, targetDepartments: [], ...contact(pp.partner!) }));
    cpRows.forEach((cp, k) => {
      if (answerOf[k].answer === "can" || answerOf[k].answer === "discuss")
        mRows.push({ title: cp.title!, fiscalYear: fy, issue: ref(issueId), rowNo: mRows.length + 1, content: cp.content!, partner: cp.partner!, partnerProposal: null, cityProposal: ref(cpIds[k]), allDepartments: false, targetDepartments: [cp.department!], ...contact(cp.partner!) });
    });
    const mIds = add<D.Matching>(store, S.matchings, mRows);

    if (fy === 2025) {
      const rrRows: Partial<D.Draft<D.ResultReport>>[] = [];
      const perDept = new Map<number, number>();
      mRows.forEach((m, k) => {
        const d = m.allDepartments ? 1 + (k % (seedDepartments.length - 1)) : deptIds.indexOf(m.targetDepartments![0].id);
        const rowNo = (perDept.get(d) ?? 0) + 1;
        perDept.set(d, rowNo);
        const item = m.partnerProposal ? ppRows[k].partnershipItem : cpRows.find((_, j) => cpIds[j] === m.cityProposal?.id)?.partnershipItem;
        rrRows.push({ title: m.title!, fiscalYear: fy, department: deptTitle(d), sectionName: "", rowNo, content: `${m.content!}参加者 ${40 + k * 7} 名。`, partner: m.partner!, partnershipItem: item ?? null, matching: ref(mIds[k]), cityProposal: m.cityProposal ?? null, status: "submitted", publishedAt: null, sourceId: null });
      });
      add<D.ResultReport>(store, S.resultReports, rrRows);
    }
  }

  add<D.Setting>(store, S.settings, [
    { key: "reviewCycleYears", value: "3" },
    { key: "decisionBufferDays", value: "30" },
    { key: "reviewWindowDays", value: "90" },
    // The page where the site owner placed the department portal web part (made below): every link to the portal.
    { key: PORTAL_PAGE_KEY, value: `${PARTNERSHIP_SITE}/SitePages/${SAMPLE_PORTAL_PAGE}` },
  ]);
  addSitePage(store, PARTNERSHIP_SITE, SAMPLE_PORTAL_PAGE, "部署ポータル", COORDINATOR_ID);
  // Who and when of an audit entry are SharePoint's Author and Created: each row is made at its own time.
  agreementIds.forEach((id, i) =>
    store.bulkAdd(
      S.listUrlName(S.auditLog),
      [toListValues(S.auditLog as unknown as AnyListDef, { title: seedPartners[i].concluded ? "協定を締結" : "打診を登録", entityList: S.agreements.title, entityId: id, action: "statusChange", detail: JSON.stringify({ status: agreementRows[i].status }) })],
      COORDINATOR_ID,
      `${seedPartners[i].concluded ?? agreementRows[i].approachDate}T01:00:00Z`,
    ),
  );
}

/**
 * What the coordinator (未来 花子) did with the sample years, through the product over HTTP:
 * the years' submission folders opened (as opening the calls does), and fiscal 2025's
 * results published (locking its folders and freezing the published file).
 */
export async function seedThroughProduct(sp: SPFI, siteUrl: string, opened: Record<string, Map<number, Set<string>>>): Promise<void> {
  const data = new PartnershipData(sp, siteUrl);
  for (const [key, years] of Object.entries(opened)) for (const [fy, codes] of years) await data.submissions.open(key as SubmittedListKey, fy, [...codes]);
  // Opening a Form 2 or Form 4 call opens its departments' submission folders.
  const departmentsById = new Map((await data.departments.list()).map((d) => [d.id, d.code]));
  for (const call of await data.calls.list()) {
    if (call.status !== "open" || call.form === "form1") continue;
    await data.submissions.open(call.form === "form2" ? "cityProposals" : "resultReports", call.fiscalYear, call.recipientDepartments.map((d) => departmentsById.get(d.id) ?? "").filter(Boolean));
  }
  const user = await data.currentUser();
  const results = new ResultsService(data, user, "2026-05-20");
  await results.publish(await results.year(2025));
  // The next decision's columns, as the product keeps them (SharePoint's own reminders read them).
  await refreshDecisionColumns(data, new Date().toISOString().slice(0, 10));
}
