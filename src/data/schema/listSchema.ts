import type * as D from "../../domain/types";
import type { AnyListDef, ListDef, ListKey, ListPermissions } from "./fieldTypes";
import { bool, choice, date, dateTime, fiscalYear, lookup, lookupMulti, note, num, text, user } from "./fields";

/**
 * Every list Partnership Desk uses, once. The provisioning XML (sharepoint/assets),
 * the local backend's lists and the repositories' $select/$expand all derive from here.
 */

const coordinatorOnly: ListPermissions = { coordinators: "write", members: "read", visitors: "read" };
const departmentRows: ListPermissions = { coordinators: "write", members: "own", visitors: "read" };
const internalOnly: ListPermissions = { coordinators: "write", members: "read", visitors: "none" };
/**
 * Department rows that are submitted (Form 2, Form 4): drafts in the department's folder, the
 * submitted copy in the year's submission folder, where the department may only add. The
 * coordinators manage the permissions of those folders (open a year, lock it at publication).
 */
const submittedRows: ListPermissions = { coordinators: "manage", members: "own", visitors: "read" };

export const partners: ListDef<D.Partner> = {
  key: "partners",
  title: "Partners",
  displayName: "企業等",
  description: "包括連携協定の相手方（企業・大学・学校・金融機関・自治体・公共団体・団体など）。連名の協定では相手方ごとに登録します",
  permissions: coordinatorOnly,
  fields: {
    name: text("Title", "企業等名", { required: true, indexed: true, unique: true }),
    kana: text("NameKana", "フリガナ"),
    kind: choice(
      "PartnerKind",
      "種別",
      { company: "企業", university: "大学", school: "学校", financialInstitution: "金融機関", publicBody: "自治体・公共団体", association: "団体", other: "その他" },
      "company",
      { required: true },
    ),
    address: text("Address", "所在地"),
    contactName: text("ContactName", "担当者"),
    contactEmail: text("ContactEmail", "メールアドレス"),
    contactPhone: text("ContactPhone", "電話番号", { maxLength: 40 }),
    website: text("Website", "ウェブサイト"),
  },
  views: [{ url: "AllItems.aspx", displayName: "すべての企業等", default: true, fields: ["name", "kind", "contactName"] }],
};

export const departments: ListDef<D.Department> = {
  key: "departments",
  title: "Departments",
  displayName: "部署",
  description: "部・課・係（1行に1組織）と Teams チャネル",
  permissions: coordinatorOnly,
  fields: {
    title: text("Title", "部署名", { required: true }),
    code: text("UnitCode", "組織コード", { required: true, indexed: true, unique: true, maxLength: 40 }),
    departmentName: text("DepartmentName", "部", { required: true }),
    divisionName: text("DivisionName", "課", { required: true }),
    sectionName: text("SectionName", "係"),
    teamId: text("TeamId", "Teams チーム ID", { indexed: true, maxLength: 64 }),
    channelId: text("ChannelId", "Teams チャネル ID", { maxLength: 128 }),
    // Shown instead of the ids (issue 33, point 9): the names as Graph gave them when the channel was chosen.
    teamName: text("TeamName", "Teams チーム名", { maxLength: 255 }),
    channelName: text("ChannelName", "Teams チャネル名", { maxLength: 255 }),
    groupLogin: text("GroupLogin", "部署のグループ（Entra ID / Microsoft 365）"),
    isCoordinator: bool("IsCoordinator", "連携窓口（未来創造課）"),
    sortOrder: num("SortOrder", "表示順"),
    active: bool("Active", "有効", true),
  },
  views: [{ url: "AllItems.aspx", displayName: "すべての部署", default: true, fields: ["title", "code", "teamId"] }],
};

export const agreements: ListDef<D.Agreement> = {
  key: "agreements",
  title: "Agreements",
  displayName: "包括連携協定",
  description: "包括連携協定の台帳（打診から締結・見直し・終了まで）",
  permissions: coordinatorOnly,
  fields: {
    title: text("Title", "協定名", { required: true }),
    partner: lookup("Partner", "企業等", "partners", { required: true, indexed: true }),
    // A multi-value lookup cannot be indexed; the first partner stays in the indexed column above.
    coPartners: lookupMulti("CoPartners", "連名の企業等", "partners"),
    status: choice(
      "AgreementStatus",
      "状態",
      {
        approached: "打診",
        preparing: "検討中",
        surveying: "庁内調査中",
        concluded: "締結",
        declined: "見送り",
        underReview: "見直し中",
        terminated: "終了",
      },
      "preparing",
      { required: true, indexed: true },
    ),
    // 不明: an agreement imported from a register, which does not say who started it.
    origin: choice("Origin", "発意", { city: "市から", partner: "企業等から", unknown: "不明" }, "city", { required: true }),
    requestedByDepartment: lookup("RequestedByDepartment", "発意した部署", "departments"),
    requestedByExecutives: bool("RequestedByExecutives", "理事者の意向"),
    approachDate: date("ApproachDate", "打診日"),
    proposedContent: note("ProposedContent", "提案された協定内容"),
    briefingDate: date("BriefingDate", "庁内説明会の日"),
    briefingTime: text("BriefingTime", "庁内説明会の開始時刻", { maxLength: 5 }),
    briefingPlace: text("BriefingPlace", "庁内説明会の場所"),
    briefingDepartments: lookupMulti("BriefingDepartments", "説明会の出席部署", "departments"),
    surveyDeadline: date("SurveyDeadline", "庁内調査の期限"),
    concludedDate: date("ConcludedDate", "締結日", { indexed: true }),
    termStart: date("TermStart", "協定期間の開始"),
    termEnd: date("TermEnd", "現在の期間の終了"),
    nextReviewDate: date("NextReviewDate", "次回見直し日", { indexed: true }),
    // Kept by the product for SharePoint's own reminders (a flow or a list rule on this date; README).
    nextDecisionDate: date("NextDecisionDate", "次の判断期日", { indexed: true }),
    nextDecisionText: text("NextDecisionText", "次に判断すること"),
    declinedDate: date("DeclinedDate", "見送り日"),
    declinedReason: note("DeclinedReason", "見送りの理由"),
    initialTermMonths: num("InitialTermMonths", "当初期間（月）", { min: 1, max: 1200 }),
    initialTermEnd: date("InitialTermEnd", "当初期間の満了日"),
    endsAtFiscalYearEnd: bool("EndsAtFiscalYearEnd", "年度末まで"),
    renewalMonths: num("RenewalMonths", "更新の単位（月）", { min: 1, max: 1200 }),
    renewalRepeats: bool("RenewalRepeats", "以後も自動更新", true),
    noticeMonths: num("NoticeMonths", "申出の期限（満了前の月数）", { min: 0, max: 120 }),
    // 「満了の30日前までに」: a notice window written in days (wins over the months when set).
    noticeDays: num("NoticeDays", "申出の期限（満了前の日数）", { min: 1, max: 3650 }),
    noticeInWriting: bool("NoticeInWriting", "書面による申出"),
    reviewCycleYears: num("ReviewCycleYears", "見直しの周期（年）", { min: 1, max: 50 }),
    termClause: note("TermClause", "期間の条項（原文）", { maxLength: 4000 }),
    screening: note("Screening", "打診時の確認", { maxLength: 20000 }),
    importKey: text("ImportKey", "取込キー", { indexed: true }),
    // One per agreement a register import committed: SharePoint refuses a second row of the same key,
    // so two imports of the same register store each agreement once. Blank on every other row.
    registerKey: text("RegisterKey", "台帳の取込キー", { indexed: true, unique: true, maxLength: 255 }),
  },
  views: [
    {
      url: "AllItems.aspx",
      displayName: "協定台帳",
      default: true,
      fields: ["title", "partner", "coPartners", "status", "concludedDate", "nextReviewDate"],
      orderBy: [{ field: "concludedDate", ascending: false }],
    },
    {
      // The decisions due within 90 days and overdue ones, the most urgent first: what a
      // scheduled flow reads, and what a coordinator opens from the list without our page.
      url: "DecisionsDue.aspx",
      displayName: "判断期日の近い協定",
      fields: ["title", "partner", "status", "nextDecisionDate", "nextDecisionText"],
      where: { field: "nextDecisionDate", withinDays: 90 },
      orderBy: [{ field: "nextDecisionDate", ascending: true }],
    },
  ],
};

export const partnershipItems: ListDef<D.PartnershipItem> = {
  key: "partnershipItems",
  title: "PartnershipItems",
  displayName: "連携事項",
  description: "協定ごとの連携事項（第1号…）",
  permissions: coordinatorOnly,
  fields: {
    text: text("Title", "連携事項", { required: true }),
    agreement: lookup("Agreement", "協定", "agreements", { required: true, indexed: true }),
    itemNo: num("ItemNo", "号", { required: true, min: 1, max: 999 }),
  },
  views: [{ url: "AllItems.aspx", displayName: "すべての連携事項", default: true, fields: ["agreement", "itemNo", "text"] }],
};

export const agreementReviews: ListDef<D.AgreementReview> = {
  key: "agreementReviews",
  title: "AgreementReviews",
  displayName: "協定の見直し",
  description: "3年毎の見直しと自動更新・疑義の記録",
  permissions: coordinatorOnly,
  fields: {
    title: text("Title", "件名", { required: true }),
    agreement: lookup("Agreement", "協定", "agreements", { required: true, indexed: true }),
    reviewDate: date("ReviewDate", "見直し日"),
    dueDate: date("DueDate", "見直し期日", { indexed: true }),
    outcome: choice(
      "ReviewOutcome",
      "結果",
      { renewed: "自動更新", objection: "疑義あり", revised: "改定", terminated: "終了" },
      "renewed",
      { required: true },
    ),
    objectionBy: choice("ObjectionBy", "疑義の申出", { none: "なし", city: "市", partner: "企業等" }, "none"),
    objectionDetail: note("ObjectionDetail", "疑義の内容"),
    lookBack: note("LookBack", "3年間の振り返り", { maxLength: 20000 }),
    nextReviewDate: date("NextReviewDate", "次回見直し日"),
  },
  views: [{ url: "AllItems.aspx", displayName: "見直しの記録", default: true, fields: ["agreement", "reviewDate", "outcome"] }],
};

export const agreementTerms: ListDef<D.AgreementTerm> = {
  key: "agreementTerms",
  title: "AgreementTerms",
  displayName: "協定期間",
  description: "協定の期間（第n期）と更新の連鎖",
  permissions: coordinatorOnly,
  fields: {
    agreement: lookup("Agreement", "協定", "agreements", { required: true, indexed: true }),
    termNo: num("TermNo", "期", { required: true, min: 1, max: 999 }),
    termFrom: date("TermFrom", "開始日", { required: true }),
    termTo: date("TermTo", "終了日", { indexed: true }),
    decidedBy: text("Title", "決定者", { required: true }),
    objection: note("Objection", "疑義"),
  },
  views: [{ url: "AllItems.aspx", displayName: "期間", default: true, fields: ["agreement", "termNo", "termFrom", "termTo"] }],
};

export const surveyResponses: ListDef<D.SurveyResponse> = {
  key: "surveyResponses",
  title: "SurveyResponses",
  displayName: "庁内調査の回答",
  description: "打診を受けた協定についての部署ごと・連携事項ごとの回答",
  permissions: departmentRows,
  departmentField: "department",
  // The coordinator makes one row per department and item when a survey starts; departments answer in them.
  departmentAccess: "edit",
  fields: {
    title: text("Title", "件名", { required: true }),
    agreement: lookup("Agreement", "協定", "agreements", { required: true, indexed: true }),
    department: lookup("Department", "部署", "departments", { required: true, indexed: true }),
    partnershipItem: lookup("PartnershipItem", "連携事項", "partnershipItems"),
    status: choice("SurveyStatus", "状態", { requested: "依頼中", answered: "回答済" }, "requested", {
      required: true,
      indexed: true,
    }),
    feasible: bool("Feasible", "連携事業の可能性あり"),
    projectIdeas: note("ProjectIdeas", "具体的な事業案"),
    comment: note("Comment", "意見"),
    answeredAt: dateTime("AnsweredAt", "回答日時"),
  },
  views: [{ url: "AllItems.aspx", displayName: "すべての回答", default: true, fields: ["agreement", "department", "status"] }],
};

const formChoices = { form1: "別紙①", form2: "別紙②", form4: "別紙④" } as const;

export const calls: ListDef<D.Call> = {
  key: "calls",
  title: "Calls",
  displayName: "調査依頼",
  description: "年度ごとの提案・実績報告の依頼と期限",
  permissions: coordinatorOnly,
  fields: {
    title: text("Title", "件名", { required: true }),
    fiscalYear: fiscalYear(),
    form: choice("Form", "様式", formChoices, "form2", { required: true, indexed: true }),
    deadline: date("Deadline", "期限", { required: true }),
    message: note("Message", "依頼文"),
    status: choice("CallStatus", "状態", { open: "受付中", closed: "締切" }, "open", { required: true, indexed: true }),
    recipientDepartments: lookupMulti("RecipientDepartments", "依頼先の部署", "departments"),
    recipientPartners: lookupMulti("RecipientPartners", "依頼先の企業等", "partners"),
    // `<form>-<FY>`, written by the product: SharePoint itself refuses a second call of a form and year.
    callKey: text("CallKey", "依頼キー", { indexed: true, unique: true, maxLength: 40 }),
  },
  views: [{ url: "AllItems.aspx", displayName: "すべての依頼", default: true, fields: ["fiscalYear", "form", "title", "deadline"] }],
};

export const partnerProposals: ListDef<D.PartnerProposal> = {
  key: "partnerProposals",
  title: "PartnerProposals",
  displayName: "企業等からの提案（別紙①）",
  description: "連携事項の提案【企業等→市】",
  permissions: internalOnly,
  fields: {
    title: text("Title", "提案の件名", { required: true }),
    fiscalYear: fiscalYear(),
    partner: lookup("Partner", "企業名", "partners", { required: true, indexed: true }),
    partnershipItem: lookup("PartnershipItem", "該当する連携事項", "partnershipItems", { indexed: true }),
    content: note("Content", "提案内容", { required: true }),
    timing: choice("Timing", "提案時期", { startOfYear: "年度当初", anyTime: "随時" }, "startOfYear", { required: true }),
    call: lookup("Call", "調査依頼", "calls", { indexed: true }),
    receivedDate: date("ReceivedDate", "受付日"),
    // A key made from the row's content (year, partner, item, title, text), unique: the same proposal
    // entered twice, imported twice, or re-sent after a lost answer is refused by SharePoint itself.
    importKey: text("ImportKey", "取込キー", { indexed: true, unique: true, maxLength: 128 }),
  },
  views: [
    {
      url: "AllItems.aspx",
      displayName: "年度別",
      default: true,
      fields: ["fiscalYear", "partner", "partnershipItem", "title", "content"],
      groupBy: ["fiscalYear"],
    },
  ],
};

export const cityProposals: ListDef<D.CityProposalRow> = {
  key: "cityProposals",
  title: "CityProposals",
  displayName: "市からの提案（別紙②）",
  description: "連携事項の提案【市→企業等】（企業等の回答は「企業等の回答（別紙②）」）",
  permissions: submittedRows,
  departmentField: "department",
  submissions: true,
  fields: {
    title: text("Title", "提案の件名", { required: true }),
    fiscalYear: fiscalYear(),
    department: lookup("Department", "部課名", "departments", { required: true, indexed: true }),
    // Not required by the list since schema 12: a 提案なし row names no partner and has no content. A proposal must (CycleService).
    partner: lookup("Partner", "連携相手企業", "partners", { indexed: true }),
    partnershipItem: lookup("PartnershipItem", "該当する連携事項", "partnershipItems"),
    content: note("Content", "提案内容"),
    viewpoint: choice(
      "Viewpoint",
      "視点",
      { comprehensivePlan: "長期総合計画・実行計画", administrativeEvaluation: "前年度の行政評価", other: "その他" },
      "comprehensivePlan",
    ),
    answersProposal: lookup("AnswersProposal", "対応する企業等の提案", "partnerProposals"),
    status: choice("ProposalStatus", "状態", { draft: "下書き", submitted: "提出済", noProposal: "提案なし" }, "draft", {
      required: true,
      indexed: true,
    }),
    call: lookup("Call", "調査依頼", "calls", { indexed: true }),
    sourceId: num("SourceId", "下書きの ID", { min: 0, indexed: true }),
  },
  views: [
    {
      url: "AllItems.aspx",
      displayName: "年度・部署別",
      default: true,
      fields: ["fiscalYear", "department", "partner", "title", "status"],
      groupBy: ["fiscalYear", "department"],
    },
  ],
};

/**
 * The partner's answer to a city proposal (Form 2): the coordinator records it here, in a
 * list departments may read but never write (SharePoint has no column-level security, so it
 * cannot live on the department's own row). One answer per proposal (ProposalId is unique).
 */
export const proposalAnswers: ListDef<D.ProposalAnswer> = {
  key: "proposalAnswers",
  title: "ProposalAnswers",
  displayName: "企業等の回答（別紙②）",
  description: "市からの提案（別紙②）への企業等の回答（未来創造課が記録）",
  permissions: coordinatorOnly,
  fields: {
    title: text("Title", "件名", { required: true }),
    fiscalYear: fiscalYear(),
    proposalId: num("ProposalId", "市からの提案の ID", { required: true, indexed: true, unique: true, min: 1 }),
    answer: choice("PartnerAnswer", "企業等の回答", { pending: "未回答", can: "可", cannot: "否", discuss: "要協議" }, "pending", { required: true, indexed: true }),
    comment: note("AnswerComment", "回答のコメント"),
    answerDate: date("AnswerDate", "回答日"),
  },
  views: [{ url: "AllItems.aspx", displayName: "すべての回答", default: true, fields: ["fiscalYear", "proposalId", "answer", "answerDate"] }],
};

export const matchingIssues: ListDef<D.MatchingIssue> = {
  key: "matchingIssues",
  title: "MatchingIssues",
  displayName: "フィードバックの発行（別紙③）",
  description: "マッチング結果のフィードバック一覧の版（第n回）",
  permissions: coordinatorOnly,
  fields: {
    title: text("Title", "件名", { required: true }),
    fiscalYear: fiscalYear(),
    editionNo: num("EditionNo", "回", { required: true, min: 1, max: 999 }),
    status: choice("IssueStatus", "状態", { draft: "下書き", issued: "発行済" }, "draft", { required: true, indexed: true }),
    issuedDate: date("IssuedDate", "発行日"),
    message: note("Message", "送付文"),
  },
  views: [{ url: "AllItems.aspx", displayName: "すべての版", default: true, fields: ["fiscalYear", "editionNo", "status"] }],
};

export const matchings: ListDef<D.Matching> = {
  key: "matchings",
  title: "Matchings",
  displayName: "マッチング（別紙③の行）",
  description: "提案のマッチング・結果のフィードバック【未来創造課→各課】",
  permissions: coordinatorOnly,
  fields: {
    title: text("Title", "提案の件名", { required: true }),
    fiscalYear: fiscalYear(),
    issue: lookup("MatchingIssue", "版", "matchingIssues", { indexed: true }),
    rowNo: num("RowNo", "NO", { required: true, min: 1, max: 9999 }),
    content: note("Content", "提案内容"),
    partner: lookup("Partner", "企業等", "partners", { required: true, indexed: true }),
    partnerProposal: lookup("PartnerProposal", "企業等からの提案", "partnerProposals"),
    cityProposal: lookup("CityProposal", "市からの提案", "cityProposals"),
    allDepartments: bool("AllDepartments", "全部署向け", true),
    targetDepartments: lookupMulti("TargetDepartments", "対象部署", "departments"),
    contactName: text("ContactName", "企業等の担当者"),
    contactEmail: text("ContactEmail", "企業等のメールアドレス"),
    contactPhone: text("ContactPhone", "企業等の電話番号", { maxLength: 40 }),
  },
  views: [
    { url: "AllItems.aspx", displayName: "フィードバック一覧", default: true, fields: ["fiscalYear", "issue", "rowNo", "title", "partner"] },
  ],
};

export const implementationWishes: ListDef<D.ImplementationWish> = {
  key: "implementationWishes",
  title: "ImplementationWishes",
  displayName: "実施希望",
  description: "フィードバック一覧（別紙③）の行について、部署が実施を希望した記録",
  permissions: departmentRows,
  departmentField: "department",
  fields: {
    title: text("Title", "件名", { required: true }),
    fiscalYear: fiscalYear(),
    matching: lookup("Matching", "フィードバックの行", "matchings", { required: true, indexed: true }),
    department: lookup("Department", "部署", "departments", { required: true, indexed: true }),
    contactPerson: text("ContactPerson", "部署の担当者", { required: true }),
    comment: note("Comment", "コメント"),
  },
  views: [{ url: "AllItems.aspx", displayName: "すべての実施希望", default: true, fields: ["fiscalYear", "matching", "department", "contactPerson"] }],
};

export const notifications: ListDef<D.Notification> = {
  key: "notifications",
  title: "Notifications",
  displayName: "Teams 通知",
  description: "部署の Teams チャネルへの投稿の記録（送信済・失敗・再送）",
  permissions: internalOnly,
  fields: {
    title: text("Title", "件名", { required: true }),
    kind: choice(
      "NotificationKind",
      "種類",
      { matchingIssue: "フィードバック発行", callReminder: "依頼の督促", renewalReminder: "更新の判断", test: "テスト", callNotice: "依頼の通知", surveyNotice: "庁内調査の依頼", surveyReminder: "庁内調査の督促" },
      "matchingIssue",
      { required: true, indexed: true },
    ),
    department: lookup("Department", "部署", "departments", { indexed: true }),
    dedupeKey: text("DedupeKey", "重複防止キー", { required: true, indexed: true, unique: true, maxLength: 200 }),
    teamId: text("TeamId", "チーム ID", { maxLength: 64 }),
    channelId: text("ChannelId", "チャネル ID", { maxLength: 128 }),
    status: choice(
      "NotificationStatus",
      "状態",
      { pending: "送信中", sent: "送信済", failed: "失敗", notConfigured: "チャネル未設定" },
      "pending",
      { required: true, indexed: true },
    ),
    graphMessageId: text("GraphMessageId", "メッセージ ID"),
    error: note("ErrorText", "エラー"),
    attempts: num("Attempts", "試行回数", { min: 0 }),
    lastAttemptAt: dateTime("LastAttemptAt", "最終試行日時"),
  },
  views: [{ url: "AllItems.aspx", displayName: "すべての通知", default: true, fields: ["title", "department", "status", "attempts"] }],
};

export const resultReports: ListDef<D.ResultReport> = {
  key: "resultReports",
  title: "ResultReports",
  displayName: "実績報告（別紙④）",
  description: "年度末の連携事業の実績（部・課・係ごと）",
  permissions: submittedRows,
  departmentField: "department",
  submissions: true,
  fields: {
    title: text("Title", "取組の件名", { required: true }),
    fiscalYear: fiscalYear(),
    department: lookup("Department", "部課", "departments", { required: true, indexed: true }),
    sectionName: text("SectionName", "係"),
    rowNo: num("RowNo", "NO", { required: true, min: 1, max: 9999 }),
    content: note("Content", "取組内容", { required: true }),
    // Not required by the list since schema 7: a 該当なし row names no partner. An initiative must (ResultsService).
    partner: lookup("Partner", "連携企業名", "partners", { indexed: true }),
    partnershipItem: lookup("PartnershipItem", "該当する連携事項", "partnershipItems"),
    matching: lookup("Matching", "フィードバックの行", "matchings"),
    cityProposal: lookup("CityProposal", "市からの提案", "cityProposals"),
    status: choice("ResultStatus", "状態", { draft: "下書き", submitted: "提出済", published: "公表済", nothingToReport: "該当なし" }, "draft", {
      required: true,
      indexed: true,
    }),
    publishedAt: dateTime("PublishedAt", "公表日時"),
    sourceId: num("SourceId", "下書きの ID", { min: 0, indexed: true }),
  },
  views: [
    {
      url: "AllItems.aspx",
      displayName: "年度・部署別（年次報告）",
      default: true,
      fields: ["fiscalYear", "department", "rowNo", "title", "content", "partner", "status"],
      groupBy: ["fiscalYear", "department"],
      orderBy: [{ field: "rowNo", ascending: true }],
      rowLimit: 100,
    },
    {
      url: "ByPartner.aspx",
      displayName: "年度・企業等別",
      fields: ["fiscalYear", "partner", "department", "title", "content"],
      groupBy: ["fiscalYear", "partner"],
      orderBy: [{ field: "rowNo", ascending: true }],
      rowLimit: 100,
    },
  ],
};

/**
 * A publication of a year's results (公表): the coordinator's record, with the published files
 * (the rows as JSON, and CSV) attached. What the city published is read from here, never from
 * the live rows, so a later edit cannot change it; only a new publication (a new edition) can.
 */
export const publications: ListDef<D.Publication> = {
  key: "publications",
  title: "Publications",
  displayName: "実績の公表",
  description: "年度ごとの実績の公表の記録と公表した資料（添付ファイル）",
  permissions: coordinatorOnly,
  fields: {
    title: text("Title", "件名", { required: true }),
    fiscalYear: fiscalYear(),
    edition: num("Edition", "版", { required: true, min: 1, max: 999 }),
    publicationKey: text("PublicationKey", "公表キー", { required: true, indexed: true, unique: true, maxLength: 40 }),
    rowCount: num("RowCount", "件数", { min: 0 }),
    publishedAt: dateTime("PublishedAt", "公表日時"),
  },
  views: [{ url: "AllItems.aspx", displayName: "すべての公表", default: true, fields: ["fiscalYear", "edition", "rowCount", "publishedAt"] }],
};

export const auditLog: ListDef<D.AuditEntry> = {
  key: "auditLog",
  title: "AuditLog",
  displayName: "操作の記録",
  description: "判断と変更の記録（誰が・いつ・何を）。追記のみ。",
  permissions: { coordinators: "add", members: "add", visitors: "none" },
  fields: {
    title: text("Title", "操作", { required: true }),
    entityList: text("EntityList", "対象の一覧", { required: true, indexed: true, maxLength: 64 }),
    entityId: num("EntityId", "対象の ID", { required: true, indexed: true }),
    action: choice(
      "AuditAction",
      "種類",
      { create: "作成", update: "変更", delete: "削除", statusChange: "状態の変更", publish: "公表", notify: "通知" },
      "update",
      { required: true },
    ),
    // Who and when are SharePoint's own Author and Created: never written by the client.
    actor: user("Author", "登録者", { builtIn: true }),
    detail: note("Detail", "内容", { maxLength: 60000 }),
    occurredAt: dateTime("Created", "登録日時", { builtIn: true }),
  },
  views: [{ url: "AllItems.aspx", displayName: "すべての記録", default: true, fields: ["occurredAt", "actor", "title", "entityList"] }],
};

export const settings: ListDef<D.Setting> = {
  key: "settings",
  title: "PartnershipSettings",
  displayName: "設定",
  description: "サイトの設定（既定の協定期間・見直し周期など）",
  permissions: { coordinators: "write", members: "read", visitors: "read" },
  fields: {
    key: text("Title", "キー", { required: true, indexed: true, unique: true }),
    value: note("SettingValue", "値"),
  },
  views: [{ url: "AllItems.aspx", displayName: "すべての設定", default: true, fields: ["key", "value"] }],
};

/** In dependency order: a list comes after every list it looks up. */
export const allLists: readonly AnyListDef[] = [
  partners,
  departments,
  agreements,
  partnershipItems,
  agreementReviews,
  agreementTerms,
  surveyResponses,
  calls,
  partnerProposals,
  cityProposals,
  proposalAnswers,
  matchingIssues,
  matchings,
  implementationWishes,
  notifications,
  resultReports,
  publications,
  auditLog,
  settings,
] as unknown as readonly AnyListDef[];

export function listByKey(key: ListKey): AnyListDef {
  const def = allLists.find((l) => l.key === key);
  if (!def) throw new Error(`Unknown list ${key}`);
  return def;
}

/**
 * Version of the schema this release's site setup brings a site to. 1 was the first
 * release (lists provisioned by a feature); 2 is the first set up by the product itself;
 * 3 reads the audit trail's who and when from SharePoint's Author and Created; 4 keeps the
 * coordinators' facts off department rows (partners' answers, publications) and locks what
 * departments submitted in per-year submission folders; 5 keeps each agreement's next
 * decision date in its own indexed column with a view of decisions due (for reminders by
 * SharePoint's own means); 6 adds the kinds of notice (a call's first notice, a survey's
 * notice and its reminder) to the Notifications list's choices; 7 lets a department hand in
 * Form 4 as 該当なし (nothing to report): the ResultReports list's 状態 gains the choice 該当なし
 * and its 連携企業名 is no longer required by the list (a 該当なし row names no partner; the
 * results service still requires one of every initiative); 8 adds the partner kinds 学校
 * (school) and 自治体・公共団体 (publicBody) to the Partners list's 種別 choices; 9 lets an
 * agreement have several partners (連名): the Agreements list gains 連名の企業等 (CoPartners), a
 * multi-value lookup to Partners beside the indexed 企業等 that holds the first; 10 makes a call
 * unique per form and fiscal year: the Calls list gains 依頼キー (CallKey, `<form>-<FY>`), indexed and
 * unique, which setup writes on the calls already there before it enforces it; 11 makes an
 * imported agreement unique: the Agreements list gains 台帳の取込キー (RegisterKey), indexed and unique,
 * written when an import commits (blank on the agreements already there and on those made by hand);
 * 12 keeps each department's Teams team and channel names (TeamName, ChannelName) beside their ids,
 * so screens show names, not ids;
 * 13 lets a department hand in Form 2 as 提案なし (nothing to propose): the CityProposals list's 状態
 * gains the choice 提案なし and its 連携相手企業 and 提案内容 are no longer required by the list (a
 * 提案なし row names neither; the cycle service still requires both of every proposal); 14 lets a
 * notice be written in days: the Agreements list gains 申出の期限（満了前の日数）(NoticeDays), and 発意
 * (Origin) gains the choice 不明 for agreements imported from a register that does not say; 15
 * gives the briefing its time: the Agreements list gains 庁内説明会の開始時刻 (BriefingTime, 「14:00」).
 * Raise it with every change to the lists, columns, indexes or views.
 */
export const SCHEMA_VERSION = 15;

/** Lists live at a fixed URL under the site (`Lists/PD_<title>`), whatever their display name. */
export const LIST_URL_PREFIX = "PD_";

/** The list's URL segment under `Lists/`, e.g. "PD_Agreements". */
export const listUrlName = (def: { title: string }): string => `${LIST_URL_PREFIX}${def.title}`;

/** The list's server-relative URL on a site whose server-relative path is `sitePath`. */
export function listServerRelativeUrl(sitePath: string, def: { title: string }): string {
  return `${sitePath.replace(/\/+$/, "")}/Lists/${listUrlName(def)}`;
}

export function listByUrlName(name: string): AnyListDef | undefined {
  const n = name.toLowerCase();
  return allLists.find((l) => listUrlName(l).toLowerCase() === n);
}

export function listByTitle(title: string): AnyListDef | undefined {
  const t = title.toLowerCase();
  return allLists.find((l) => l.title.toLowerCase() === t);
}

/**
 * The folder a department's submitted rows of a fiscal year go into: `<UnitCode>-<FY>`, e.g.
 * "KODOMO-2026", beside the department's own folder of drafts ("KODOMO").
 */
export function submissionFolderName(unitCode: string, fiscalYear: number): string {
  return `${unitCode}-${fiscalYear}`;
}

/** The UnitCode and year of a submission folder's name, or null for a department's own folder. */
export function parseSubmissionFolder(name: string): { unitCode: string; fiscalYear: number } | null {
  const m = /^(.+)-(\d{4})$/.exec(name);
  return m ? { unitCode: m[1], fiscalYear: Number(m[2]) } : null;
}

/** SharePoint group names of the permissions model (see docs/permissions.md). */
export const siteGroups = {
  coordinators: "Partnership Desk Coordinators",
  members: "Partnership Desk Members",
  visitors: "Partnership Desk Visitors",
  /** One group per department; membership decides which rows are "own". */
  departmentPrefix: "Partnership Desk Dept ",
} as const;

/** How many characters a text column holds (SharePoint's MaxLength; 255 for a single line of text). */
export function maxLengthOf(f: { kind: string; maxLength?: number }): number {
  return (f.kind === "text" ? Math.min(f.maxLength ?? 255, 255) : f.maxLength) ?? 255;
}
