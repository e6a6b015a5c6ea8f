import type * as D from "../domain/types";
import type { PlacementProblem } from "../domain/rowPlacement";
import type { Role } from "../domain/roles";

/**
 * What the UI may depend on: repository and notifier contracts and the data layer's
 * errors. No PnPjs or Graph here, so components and tests can use it freely.
 */

export type ComparisonOp = "eq" | "ne" | "gt" | "ge" | "lt" | "le";

/** One condition on a domain property; the repository turns it into an escaped OData filter. */
export type Condition<T extends D.Stored> =
  | { prop: (keyof D.Draft<T> & string) | "id"; op: ComparisonOp; value: string | number | boolean | null | D.LookupRef }
  | { prop: keyof D.Draft<T> & string; op: "startsWith" | "contains"; value: string };

export interface ListQuery<T extends D.Stored> {
  /** All conditions must hold. Put a condition on an indexed column first for large lists. */
  where?: Condition<T>[];
  orderBy?: { prop: (keyof D.Draft<T> & string) | "id"; ascending?: boolean }[];
  /** At most this many rows (all rows when omitted, paging past 5,000). */
  limit?: number;
}

export interface FieldProblem {
  prop: string;
  code: "required" | "tooLong" | "notANumber" | "outOfRange" | "invalidChoice" | "invalidDate" | "notInteger";
  limit?: number;
}

export interface IListRepository<T extends D.Stored> {
  readonly listTitle: string;
  list(query?: ListQuery<T>): Promise<T[]>;
  get(id: number): Promise<T>;
  /** Checks a draft against the list schema; an empty array means it can be saved. */
  validate(draft: Partial<D.Draft<T>>, mode: "add" | "update"): FieldProblem[];
  add(draft: D.Draft<T>): Promise<T>;
  /** Saves only the given properties; refuses with kind "conflict" when `etag` is stale. Returns the new etag. */
  update(id: number, etag: string, patch: Partial<D.Draft<T>>): Promise<string>;
  remove(id: number, etag: string): Promise<void>;
  /** Adds several rows in batched requests (one HTTP request per 20 rows); resolves with their ids in order. */
  addMany(drafts: D.Draft<T>[]): Promise<number[]>;
  /** Saves several rows' changes in batched requests; rejects with the first failure (e.g. a conflict). */
  updateMany(changes: Array<{ id: number; etag: string; patch: Partial<D.Draft<T>> }>): Promise<string[]>;
  addAttachment(id: number, fileName: string, content: ArrayBuffer | Uint8Array): Promise<void>;
  listAttachments(id: number): Promise<{ fileName: string; url: string }[]>;
  /** Deletes several rows in batched requests; a row already gone counts as deleted. */
  removeMany(rows: Array<{ id: number; etag: string }>): Promise<void>;
  /** The text of one attachment of a row. */
  readAttachment(id: number, fileName: string): Promise<string>;
  /**
   * Rows of the query that are not where their folder says they belong (department rows only, see
   * domain/rowPlacement.ts): no other read returns them. Absent on lists without department folders.
   */
  anomalies?(query?: ListQuery<T>): Promise<Array<{ row: T; problem: PlacementProblem }>>;
}

/** A list whose department rows are submitted (Form 2, Form 4): drafts and submitted copies. */
export interface ISubmittedList<T extends D.Stored> extends IListRepository<T> {
  /**
   * Adds rows into their departments' submission folders of `fiscalYear` (`<UnitCode>-<FY>`),
   * where the department may only add: SharePoint refuses any later change by the department.
   * Refuses with kind "notFound" when the year's folder was not opened, "forbidden" once locked.
   */
  addSubmitted(drafts: D.Draft<T>[], fiscalYear: number): Promise<number[]>;
}

export type SubmittedListKey = "cityProposals" | "resultReports";

/**
 * The year's submission folders (提出先): opened by the coordinators when they open a call,
 * locked when a year is published (the folders then inherit the list: read-only for departments).
 */
export interface ISubmissionFolders {
  /**
   * Creates (if missing) each department's folder for the year, with its group at Add only.
   * Idempotent. Resolves with the UnitCodes skipped because the department has no group yet
   * (a department added since site setup last ran: the site owner runs setup).
   */
  open(list: SubmittedListKey, fiscalYear: number, unitCodes: string[]): Promise<string[]>;
  /** Takes the departments' Add only away from every folder of the year. Idempotent; resolves with how many folders were locked now. */
  lock(list: SubmittedListKey, fiscalYear: number): Promise<number>;
}

export interface CurrentUser {
  id: number;
  title: string;
  email: string;
  role: Role;
  /** UnitCodes of the departments the user belongs to (from the department groups). */
  departmentCodes: string[];
  /** May run site setup: holds Manage Lists, Manage Permissions and Create Groups on the partnership site (its owners, Full Control). */
  canManageSite?: boolean;
  /** The title of the partnership site's Owners group (who to ask for setup), when it could be read. */
  siteOwners?: string;
  /** The schema version site setup recorded on the partnership site; null when it was never set up. */
  siteVersion?: number | null;
  /** ready; notSetUp: setup never ran on the partnership site; needsUpgrade: it is at an older schema version than this app. */
  siteStatus?: "ready" | "notSetUp" | "needsUpgrade";
  /** The schema version this app's setup brings a site to. */
  appVersion?: number;
}

export interface ChannelMessage {
  /** A readable HTML body; user text inside it must already be escaped. */
  html: string;
  /** Adaptive Card JSON (an object), attached to the message. */
  adaptiveCard?: Record<string, unknown>;
  subject?: string;
}

export interface ITeamsNotifier {
  /** Posts one message; resolves with the Graph message id or rejects with a DataError. */
  postChannelMessage(teamId: string, channelId: string, message: ChannelMessage): Promise<{ messageId: string }>;
  /** The teams the signed-in user belongs to (Graph `/me/joinedTeams`): a delegated post reaches only these. */
  joinedTeams?(): Promise<Array<{ id: string; displayName: string }>>;
  /** A team's channels the signed-in user can see (Graph `/teams/{id}/channels`; private ones only to their members). */
  channels?(teamId: string): Promise<Array<{ id: string; displayName: string; membershipType: string }>>;
}

export type DataErrorKind =
  | "conflict" // 412: someone else saved first
  | "validation" // the data layer refused the values
  | "duplicate" // a unique column already holds the value
  | "threshold" // the list view threshold refused the query
  | "forbidden" // 403
  | "notFound" // 404
  | "throttled" // 429/503 after retries
  | "network" // no answer / connection dropped
  | "unknown";

export class DataError extends Error {
  constructor(
    readonly kind: DataErrorKind,
    message: string,
    readonly status?: number,
    readonly problems: FieldProblem[] = [],
    /** outcomeUnknown: a write got no answer — SharePoint may or may not have saved it (never re-sent blindly). */
    readonly detail: { outcomeUnknown?: boolean; /** Site setup refused before any write: the rights missing and the site's Owners group (the screen words them). */ setupRights?: { missing: ("manageLists" | "managePermissions" | "createGroups")[]; owners: string | null } } = {},
  ) {
    super(message);
    this.name = "DataError";
  }
}

export const isDataError = (e: unknown): e is DataError => e instanceof Error && (e as DataError).name === "DataError";

/** One read of a batched request: a repository and its query. Build it with `read()`. */
export interface ReadSpec<T extends D.Stored> {
  list: IListRepository<T>;
  query?: ListQuery<T>;
}
/** The loosest shape of a ReadSpec, so a record can mix entity types. */
export interface AnyReadSpec {
  list: { readonly listTitle: string };
  query?: object;
}
type ResultOf<R> = R extends { list: IListRepository<infer T> } ? T[] : never;
export type ReadResults<R> = { [K in keyof R]: ResultOf<R[K]> };

/** A typed read for `readMany`: the query's conditions are checked against the list's entity. */
export function read<T extends D.Stored>(list: IListRepository<T>, query?: ListQuery<T>): ReadSpec<T> {
  return { list, query };
}

export interface IPartnershipData {
  partners: IListRepository<D.Partner>;
  departments: IListRepository<D.Department>;
  /** Committed agreements only (an import's pending rows are never shown anywhere). */
  agreements: IListRepository<D.Agreement>;
  /** With an import's pending rows: for the register import alone. */
  agreementsWithPending: IListRepository<D.Agreement>;
  partnershipItems: IListRepository<D.PartnershipItem>;
  agreementReviews: IListRepository<D.AgreementReview>;
  agreementTerms: IListRepository<D.AgreementTerm>;
  surveyResponses: IListRepository<D.SurveyResponse>;
  calls: IListRepository<D.Call>;
  partnerProposals: IListRepository<D.PartnerProposal>;
  cityProposals: ISubmittedList<D.CityProposalRow>;
  proposalAnswers: IListRepository<D.ProposalAnswer>;
  matchingIssues: IListRepository<D.MatchingIssue>;
  matchings: IListRepository<D.Matching>;
  implementationWishes: IListRepository<D.ImplementationWish>;
  notifications: IListRepository<D.Notification>;
  resultReports: ISubmittedList<D.ResultReport>;
  publications: IListRepository<D.Publication>;
  submissions: ISubmissionFolders;
  auditLog: IListRepository<D.AuditEntry>;
  settings: IListRepository<D.Setting>;
  /** Several lists in one HTTP request ($batch); a list with more than one page is then paged on. */
  readMany<R extends Record<string, AnyReadSpec>>(specs: R): Promise<ReadResults<R>>;
  currentUser(): Promise<CurrentUser>;
  /**
   * Who is signed in and some lists, in one HTTP request, each answer on its own: a list that
   * cannot be read (a site not set up) does not keep the user from being known.
   */
  currentUserWith<R extends Record<string, AnyReadSpec>>(specs: R): { user: Promise<CurrentUser>; lists: Promise<ReadResults<R>> };
  /** A page of the partnership site by its server-relative path (the setting 部署ポータルのページ). */
  sitePage?(serverRelativePath: string): Promise<SitePageState>;
}

/** Whether a page of the site is there: found (its path as SharePoint spells it), missing (404), or not readable by the signed-in user (403). */
export type SitePageState = { state: "found"; url: string; name: string } | { state: "missing" } | { state: "forbidden" };

/** The result of checking a partnership site URL (property pane, first load). */
export interface SiteCheck {
  ok: boolean;
  /** notSetUp: the site exists but setup never ran; needsUpgrade: set up at an older schema version. */
  reason?: "noSite" | "notSetUp" | "needsUpgrade" | "forbidden" | "unreachable" | "invalidUrl";
  siteVersion?: number;
  appVersion?: number;
  detail?: string;
}

/** サイトの準備 (site setup): plan and apply the schema on the partnership site. */
export interface ISiteSetup {
  readonly appVersion: number;
  plan(): Promise<import("./setup/plan").SetupPlan>;
  run(onStep?: (step: import("./setup/plan").SetupStep, index: number, total: number) => void): Promise<import("./setup/plan").SetupPlan>;
  roleGroups(): Promise<{ groups: string[]; mapped: Partial<Record<import("./setup/plan").ProductRole, string>> }>;
  mapRole(role: import("./setup/plan").ProductRole, group: string | null): Promise<void>;
}

export type { ProductRole, SetupPlan, SetupStep } from "./setup/plan";
