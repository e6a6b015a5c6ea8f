/**
 * Domain entities of Partnership Desk, named after the glossary (DESIGN.md §2).
 * Plain data: no SharePoint, no React. Dates are ISO calendar dates ("2026-04-01")
 * in the city's time zone; timestamps are full ISO strings.
 */

/** ISO calendar date, YYYY-MM-DD. */
export type IsoDate = string;
/** ISO timestamp, e.g. 2026-04-01T09:30:00.000Z. */
export type IsoDateTime = string;

/** A reference to a row of another list (a SharePoint lookup). */
export interface LookupRef {
  id: number;
  title: string;
}

/** A person (a SharePoint user field). */
export interface PersonRef {
  id: number;
  title: string;
  email: string;
}

/** Fields every stored entity carries. */
export interface Stored {
  id: number;
  /** Opaque version tag; sent back on update so a stale edit is refused. */
  etag: string;
  modified: IsoDateTime;
}

/** 企業 / 大学 / 学校 / 金融機関 / 自治体・公共団体 / 団体 (NPO included) / その他. */
export type PartnerKind = "company" | "university" | "school" | "financialInstitution" | "publicBody" | "association" | "other";

export interface Partner extends Stored {
  name: string;
  kana: string;
  kind: PartnerKind;
  address: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string;
  website: string;
}

export type AgreementStatus =
  | "approached" // 打診
  | "preparing" // 検討中 (city-initiated, or approach accepted for consideration)
  | "surveying" // 庁内調査中
  | "concluded" // 締結
  | "declined" // 見送り
  | "underReview" // 見直し中
  | "terminated"; // 終了

/** unknown: imported from a register, which does not say who started the agreement. */
export type AgreementOrigin = "city" | "partner" | "unknown";

/** Agreement terms as written (協定期間・更新・申出); the dates they give are computed in terms.ts. */
export interface TermRules {
  /** Initial term in months; with `initialTermEnd` null and this null, the agreement has no expiry. */
  initialTermMonths: number | null;
  /** A written end date (「令和9年3月31日まで」); wins over `initialTermMonths`. */
  initialTermEnd: IsoDate | null;
  /** The initial term runs on to the end of the fiscal year in which it would end (「…の属する年度の末日まで」). */
  endsAtFiscalYearEnd: boolean;
  /** Renewal unit in months; null = a fixed term that simply ends. */
  renewalMonths: number | null;
  /** false = renewed once only. */
  renewalRepeats: boolean;
  /** Notice must be given this many months before the term ends; null/0 = by the end itself. */
  noticeMonths: number | null;
  /**
   * Notice written in days before the term ends (「満了の30日前までに」); when set it wins over
   * `noticeMonths`. Optional: terms recorded before it existed have none.
   */
  noticeDays?: number | null;
  noticeInWriting: boolean;
  /** The city's own review (見直し), every n years; null = none besides the term decisions. */
  reviewCycleYears: number | null;
}

export interface Agreement extends Stored, TermRules {
  title: string;
  /** The partner the agreement is with; with several (連名), the first named. Indexed: lists filter on it. */
  partner: LookupRef | null;
  /**
   * The other partners of an agreement signed with several (「A大学、B大学及びC大学」): each is a
   * partner of its own, with its proposals, results and contact. Empty for most agreements.
   */
  coPartners: LookupRef[];
  status: AgreementStatus;
  origin: AgreementOrigin;
  requestedByDepartment: LookupRef | null;
  requestedByExecutives: boolean;
  approachDate: IsoDate | null;
  proposedContent: string;
  briefingDate: IsoDate | null;
  /** When the briefing starts (「14:00」), or "" (schema 15; absent on rows read before). */
  briefingTime?: string;
  briefingPlace: string;
  briefingDepartments: LookupRef[];
  surveyDeadline: IsoDate | null;
  concludedDate: IsoDate | null;
  termStart: IsoDate | null;
  termEnd: IsoDate | null;
  nextReviewDate: IsoDate | null;
  /** The next decision's date and what is decided (domain/decisions.ts nextDecisionColumns), kept for SharePoint's own reminders. */
  nextDecisionDate: IsoDate | null;
  nextDecisionText: string;
  declinedDate: IsoDate | null;
  declinedReason: string;
  // The terms (TermRules) are copied from the site's defaults when the agreement starts.
  /** The term clause as written in the agreement (e.g. imported from a register). */
  termClause: string;
  /** The intake screening checklist (JSON of domain/screening.ts `Screening`). */
  screening: string;
  /** Set on agreements imported from an existing register: "pending:…" until the import completes. */
  importKey: string;
  /** Set when a register import commits the agreement (unique in SharePoint); blank otherwise. */
  registerKey?: string;
}

export interface PartnershipItem extends Stored {
  agreement: LookupRef | null;
  itemNo: number;
  text: string;
}

export type ReviewOutcome = "renewed" | "objection" | "revised" | "terminated";
export type ObjectionBy = "city" | "partner" | "none";

export interface AgreementReview extends Stored {
  agreement: LookupRef | null;
  title: string;
  reviewDate: IsoDate | null;
  dueDate: IsoDate | null;
  outcome: ReviewOutcome;
  objectionBy: ObjectionBy;
  objectionDetail: string;
  lookBack: string;
  nextReviewDate: IsoDate | null;
}

export interface AgreementTerm extends Stored {
  agreement: LookupRef | null;
  termNo: number;
  termFrom: IsoDate | null;
  termTo: IsoDate | null;
  decidedBy: string;
  objection: string;
}

export type SurveyStatus = "requested" | "answered";

export interface SurveyResponse extends Stored, InFolder {
  title: string;
  agreement: LookupRef | null;
  department: LookupRef | null;
  partnershipItem: LookupRef | null;
  status: SurveyStatus;
  feasible: boolean;
  projectIdeas: string;
  comment: string;
  answeredAt: IsoDateTime | null;
}

export interface Department extends Stored {
  /** Display name, e.g. 「企画部 未来創造課」. */
  title: string;
  code: string;
  departmentName: string;
  divisionName: string;
  sectionName: string;
  teamId: string;
  channelId: string;
  /** The team's and channel's names when the channel was chosen (blank on rows set before they were kept). */
  teamName?: string;
  channelName?: string;
  isCoordinator: boolean;
  sortOrder: number;
  active: boolean;
  /**
   * The Entra ID / Microsoft 365 group holding the department's staff (its claims login name),
   * chosen by the coordinator; empty: the department's SharePoint group holds them.
   */
  groupLogin: string;
}

export type FormKind = "form1" | "form2" | "form4";
export type CallStatus = "open" | "closed";

export interface Call extends Stored {
  title: string;
  fiscalYear: number;
  form: FormKind;
  deadline: IsoDate | null;
  message: string;
  status: CallStatus;
  recipientDepartments: LookupRef[];
  recipientPartners: LookupRef[];
  /**
   * `<form>-<FY>` (see callKey): one call per form and fiscal year, unique in SharePoint. Empty on a
   * call made before the key existed until site setup writes it.
   */
  callKey: string;
}

export type ProposalTiming = "startOfYear" | "anyTime";

export interface PartnerProposal extends Stored {
  title: string;
  fiscalYear: number;
  partner: LookupRef | null;
  partnershipItem: LookupRef | null;
  content: string;
  timing: ProposalTiming;
  call: LookupRef | null;
  receivedDate: IsoDate | null;
  importKey: string;
}

export type ProposalViewpoint = "comprehensivePlan" | "administrativeEvaluation" | "other";
/** noProposal: 提案なし — the department handed in the year's Form 2 with nothing to propose (a marker row, no proposal). */
export type CityProposalStatus = "draft" | "submitted" | "noProposal";
export type PartnerAnswer = "pending" | "can" | "cannot" | "discuss";

/** A city proposal as its list stores it; the partner's answer is the coordinator's, in ProposalAnswers. */
export interface CityProposalRow extends Stored, InFolder {
  title: string;
  fiscalYear: number;
  department: LookupRef | null;
  partner: LookupRef | null;
  partnershipItem: LookupRef | null;
  content: string;
  viewpoint: ProposalViewpoint;
  answersProposal: LookupRef | null;
  status: CityProposalStatus;
  call: LookupRef | null;
  /** For a submitted copy, the id of the draft it was made from (0 or null otherwise). */
  sourceId: number | null;
}

/** The partner's answer to a city proposal, recorded by the coordinator. */
export interface ProposalAnswer extends Stored {
  title: string;
  fiscalYear: number;
  proposalId: number;
  answer: PartnerAnswer;
  comment: string;
  answerDate: IsoDate | null;
}

/** A city proposal with the partner's answer joined (pending when none is recorded). */
export interface CityProposal extends CityProposalRow {
  partnerAnswer: PartnerAnswer;
  answerComment: string;
  answerDate: IsoDate | null;
  /** The answer's own row, when one is recorded (for its ETag). */
  answerRow?: { id: number; etag: string } | null;
}

export interface Matching extends Stored {
  title: string;
  fiscalYear: number;
  issue: LookupRef | null;
  rowNo: number;
  content: string;
  partner: LookupRef | null;
  partnerProposal: LookupRef | null;
  cityProposal: LookupRef | null;
  allDepartments: boolean;
  targetDepartments: LookupRef[];
  /** The partner's contact as it stood when the row was written (frozen with the edition). */
  contactName: string;
  contactEmail: string;
  contactPhone: string;
}

/** A department's wish to carry out a feedback row (実施希望), with who to contact. */
export interface ImplementationWish extends Stored, InFolder {
  title: string;
  fiscalYear: number;
  matching: LookupRef | null;
  department: LookupRef | null;
  contactPerson: string;
  comment: string;
}

export type MatchingIssueStatus = "draft" | "issued";

export interface MatchingIssue extends Stored {
  title: string;
  fiscalYear: number;
  editionNo: number;
  status: MatchingIssueStatus;
  issuedDate: IsoDate | null;
  message: string;
}

export type NotificationKind = "matchingIssue" | "callReminder" | "renewalReminder" | "test" | "callNotice" | "surveyNotice" | "surveyReminder";
export type NotificationStatus = "pending" | "sent" | "failed" | "notConfigured";

export interface Notification extends Stored {
  title: string;
  kind: NotificationKind;
  department: LookupRef | null;
  /** One key per channel and cause, so that a retry never posts twice. */
  dedupeKey: string;
  teamId: string;
  channelId: string;
  status: NotificationStatus;
  graphMessageId: string;
  error: string;
  attempts: number;
  lastAttemptAt: IsoDateTime | null;
}

/**
 * draft: in the department's folder; submitted / published: an initiative handed in (the
 * published mark comes from the publication); nothingToReport: 該当なし, the department's
 * Form 4 for the year saying it has no results — a marker row in its submission folder, not
 * an initiative (see results.ts).
 */
export type ResultStatus = "draft" | "submitted" | "published" | "nothingToReport";

export interface ResultReport extends Stored, InFolder {
  title: string;
  fiscalYear: number;
  department: LookupRef | null;
  sectionName: string;
  rowNo: number;
  content: string;
  partner: LookupRef | null;
  /** The partnership item it falls under, for the three-yearly look-back. */
  partnershipItem: LookupRef | null;
  matching: LookupRef | null;
  cityProposal: LookupRef | null;
  status: ResultStatus;
  publishedAt: IsoDateTime | null;
  /** For a submitted copy, the id of the draft it was made from (0 or null otherwise). */
  sourceId: number | null;
}

/** A publication of a year's results: the published rows are its attached JSON. */
export interface Publication extends Stored {
  title: string;
  fiscalYear: number;
  edition: number;
  publicationKey: string;
  rowCount: number;
  publishedAt: IsoDateTime | null;
}

export type AuditAction = "create" | "update" | "delete" | "statusChange" | "publish" | "notify";

export interface AuditEntry extends Stored {
  title: string;
  entityList: string;
  entityId: number;
  action: AuditAction;
  actor: PersonRef | null;
  detail: string;
  occurredAt: IsoDateTime | null;
}

export interface Setting extends Stored {
  key: string;
  value: string;
}

/** Where a department row is stored and who wrote it, as read (never written; see rowPlacement.ts). */
export interface InFolder {
  /** The row's folder (SharePoint's FileDirRef). */
  folder?: string;
  /** Who wrote it (SharePoint's Author). */
  author?: LookupRef | null;
  /** Who changed it last (SharePoint's Editor). */
  editor?: LookupRef | null;
}

/** What a caller supplies to create or change an entity: everything but the stored fields. */
export type Draft<T extends Stored> = Omit<T, keyof Stored>;
