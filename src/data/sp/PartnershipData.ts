import type { SPFI } from "@pnp/sp";
import "@pnp/sp/batching";
import "@pnp/sp/site-users/web";
import "@pnp/sp/site-groups/web";
import "@pnp/sp/security/web";
import "@pnp/sp/security/list";
import type { Role } from "../../domain/roles";
import { PermissionKind } from "@pnp/sp/security";
import { SCHEMA_VERSION_KEY } from "../setup/keys";
import { missingSetupRights } from "../setup/setupRights";
import type * as D from "../../domain/types";
import { roleFromGroups } from "../../domain/roles";
import { isPendingImport } from "../../domain/agreements";
import { parseSurveyRecord, placementProblem, surveyProblem, surveyRecordKey } from "../../domain/rowPlacement";
import type { PlacementProblem, SurveyAsk } from "../../domain/rowPlacement";
import type { AnyReadSpec, CurrentUser, IPartnershipData, ISubmissionFolders, ListQuery, ReadResults, SitePageState, SubmittedListKey } from "../contracts";
import * as S from "../schema/listSchema";
import { SCHEMA_VERSION } from "../schema/listSchema";
import { SpListRepository, PAGE_SIZE } from "./SpListRepository";
import type { ListItemInfo } from "./mapping";
import { toDataError } from "./errors";
import { readFolderItems } from "./folderItems";
import { DataError, read } from "../contracts";

/** "/sites/partnership" from "https://city.sharepoint.com/sites/partnership/". */
export function sitePathOf(siteUrl: string): string {
  return new URL(siteUrl).pathname.replace(/\/+$/, "");
}

/** The data layer over SharePoint through PnPjs; built once per web part from an SPFI. */
export class PartnershipData implements IPartnershipData {
  readonly partners: SpListRepository<D.Partner>;
  readonly departments: SpListRepository<D.Department>;
  readonly agreements: SpListRepository<D.Agreement>;
  /** The agreements list with an import's not yet committed rows: only the register import uses it. */
  readonly agreementsWithPending: SpListRepository<D.Agreement>;
  readonly partnershipItems: SpListRepository<D.PartnershipItem>;
  readonly agreementReviews: SpListRepository<D.AgreementReview>;
  readonly agreementTerms: SpListRepository<D.AgreementTerm>;
  readonly surveyResponses: SpListRepository<D.SurveyResponse>;
  readonly calls: SpListRepository<D.Call>;
  readonly partnerProposals: SpListRepository<D.PartnerProposal>;
  readonly cityProposals: SpListRepository<D.CityProposalRow>;
  readonly proposalAnswers: SpListRepository<D.ProposalAnswer>;
  readonly matchingIssues: SpListRepository<D.MatchingIssue>;
  readonly matchings: SpListRepository<D.Matching>;
  readonly implementationWishes: SpListRepository<D.ImplementationWish>;
  readonly notifications: SpListRepository<D.Notification>;
  readonly resultReports: SpListRepository<D.ResultReport>;
  readonly publications: SpListRepository<D.Publication>;
  readonly submissions: ISubmissionFolders;
  readonly auditLog: SpListRepository<D.AuditEntry>;
  readonly settings: SpListRepository<D.Setting>;

  /** Each department's UnitCode by id: read once when first needed (or taken from a read of all departments). */
  private codes: Promise<Map<number, string>> | null = null;
  /** The survey records and items being read for checking survey rows, shared by reads at the same moment (null once read). */
  private surveyContext: Promise<{ items: D.PartnershipItem[]; records: D.Setting[] }> | null = null;

  /** Server-relative path of the partnership site, e.g. "/sites/partnership". */
  readonly sitePath: string;

  /** `sp` is bound to the partnership site, `siteUrl` its absolute URL (wherever the web part runs). */
  constructor(
    private readonly sp: SPFI,
    readonly siteUrl: string,
  ) {
    const sitePath = sitePathOf(siteUrl);
    this.sitePath = sitePath;
    // A department's folder is named by its UnitCode; the departments are read once, when first needed.
    // The UnitCode of each department named, read again when one is not known yet (a read that failed is tried again next time).
    const readCodes = (): Promise<Map<number, string>> => {
      const p = this.departments.list().then((ds) => new Map(ds.map((d) => [d.id, d.code])));
      p.catch(() => {
        if (this.codes === p) this.codes = null;
      });
      return (this.codes = p);
    };
    const codesFor = async (ids: number[]): Promise<Map<number, string>> => {
      let known = await (this.codes ?? readCodes());
      if (ids.some((id) => !known.has(id))) known = await readCodes();
      return known;
    };
    const folderOf = async (departmentId: number): Promise<string> => {
      const code = (await codesFor([departmentId])).get(departmentId);
      if (!code) throw new DataError("notFound", `Department ${departmentId} does not exist`, 404);
      return code;
    };
    // A department row counts only where its folder says it belongs (domain/rowPlacement.ts).
    const placement =
      <T extends D.Stored & D.InFolder>(def: { departmentField?: string; submissions?: boolean }, listUrl: string) =>
      async (rows: T[]): Promise<Array<PlacementProblem | null>> => {
        const deptOf = (r: T): number | null => ((r as unknown as Record<string, D.LookupRef | null>)[def.departmentField!] ?? null)?.id ?? null;
        const known = await codesFor(rows.map(deptOf).filter((id): id is number => id !== null));
        return rows.map((r) => {
          const id = deptOf(r);
          const x = r as unknown as { status?: string; fiscalYear?: number };
          return placementProblem(listUrl, { departmentCode: id === null ? null : (known.get(id) ?? null), status: x.status ?? null, fiscalYear: x.fiscalYear ?? null, folder: r.folder ?? "" }, !!def.submissions);
        });
      };
    const surveyPlacement = placement<D.SurveyResponse>(S.surveyResponses, S.listServerRelativeUrl(sitePath, S.surveyResponses));
    const surveyRows = async (rows: D.SurveyResponse[]): Promise<Array<PlacementProblem | null>> => {
      const inFolder = await surveyPlacement(rows);
      if (rows.length === 0) return [];
      // A survey answer row is for an item of its own agreement, as the coordinator made it and recorded it (a setting, which departments only read).
      // Reads of survey rows at the same moment (a clerk's departments in one batch) share this one read while it runs.
      const r = await (this.surveyContext ??= this.readMany({
        items: read(this.partnershipItems),
        records: read(this.settings, { where: [{ prop: "key", op: "startsWith", value: "survey:" }] }),
      }).finally(() => (this.surveyContext = null)));
      const agreementOfItem = new Map(r.items.map((i) => [i.id, i.agreement?.id ?? null]));
      const recorded = { rows: new Map<number, SurveyAsk>(), agreements: new Set<number>(), closedDigests: new Map<number, string>() };
      for (const s of r.records) {
        const rec = parseSurveyRecord(s.value);
        if (!rec || s.key !== surveyRecordKey(rec.agreementId)) continue;
        recorded.agreements.add(rec.agreementId);
        for (const [id, ask] of rec.rows) recorded.rows.set(id, ask);
        // A closed survey's answers as they stood at the decision (see AgreementService.closeSurvey).
        for (const [id, digest] of rec.closed?.digests ?? []) recorded.closedDigests.set(id, digest);
      }
      // SHA-256 is fetched only where a closed survey's rows are read.
      const digestOf = rows.some((row) => recorded.closedDigests.has(row.id)) ? (await import(/* webpackChunkName: "pd-digest" */ "../../domain/surveyDigest")).surveyAnswerDigest : null;
      return rows.map(
        (row, i) =>
          inFolder[i] ??
          surveyProblem({ id: row.id, agreementId: row.agreement?.id ?? null, departmentId: row.department?.id ?? null, itemId: row.partnershipItem?.id ?? null, digest: digestOf && recorded.closedDigests.has(row.id) ? digestOf(row) : undefined }, agreementOfItem, recorded),
      );
    };
    this.partners = new SpListRepository(sp, S.partners, sitePath);
    this.departments = new SpListRepository(sp, S.departments, sitePath);
    // An import's agreements are invisible until it commits: no screen, calendar or reminder sees them.
    this.agreements = new SpListRepository(sp, S.agreements, sitePath, undefined, isPendingImport);
    this.agreementsWithPending = new SpListRepository(sp, S.agreements, sitePath);
    this.partnershipItems = new SpListRepository(sp, S.partnershipItems, sitePath);
    this.agreementReviews = new SpListRepository(sp, S.agreementReviews, sitePath);
    this.agreementTerms = new SpListRepository(sp, S.agreementTerms, sitePath);
    this.surveyResponses = new SpListRepository(sp, S.surveyResponses, sitePath, folderOf, undefined, surveyRows);
    this.calls = new SpListRepository(sp, S.calls, sitePath);
    this.partnerProposals = new SpListRepository(sp, S.partnerProposals, sitePath);
    this.cityProposals = new SpListRepository(sp, S.cityProposals, sitePath, folderOf, undefined, placement(S.cityProposals, S.listServerRelativeUrl(sitePath, S.cityProposals)));
    this.proposalAnswers = new SpListRepository(sp, S.proposalAnswers, sitePath);
    this.matchingIssues = new SpListRepository(sp, S.matchingIssues, sitePath);
    this.matchings = new SpListRepository(sp, S.matchings, sitePath);
    this.implementationWishes = new SpListRepository(sp, S.implementationWishes, sitePath, folderOf, undefined, placement(S.implementationWishes, S.listServerRelativeUrl(sitePath, S.implementationWishes)));
    this.notifications = new SpListRepository(sp, S.notifications, sitePath);
    this.resultReports = new SpListRepository(sp, S.resultReports, sitePath, folderOf, undefined, placement(S.resultReports, S.listServerRelativeUrl(sitePath, S.resultReports)));
    this.publications = new SpListRepository(sp, S.publications, sitePath);
    this.submissions = new LazySubmissionFolders(sp, sitePath);
    this.auditLog = new SpListRepository(sp, S.auditLog, sitePath);
    this.settings = new SpListRepository(sp, S.settings, sitePath);
  }

  async readMany<R extends Record<string, AnyReadSpec>>(specs: R): Promise<ReadResults<R>> {
    const [batched, execute] = this.sp.batched();
    const lists = this.queueReads(batched, specs);
    try {
      await execute();
    } catch (err) {
      throw toDataError(err);
    }
    return lists();
  }

  currentUserWith<R extends Record<string, AnyReadSpec>>(specs: R): { user: Promise<CurrentUser>; lists: Promise<ReadResults<R>> } {
    const [batched, execute] = this.sp.batched();
    const user = this.queueCurrentUser(batched);
    const lists = this.queueReads(batched, specs);
    const sent = execute().catch((err: unknown) => {
      throw toDataError(err);
    });
    return { user: sent.then(user), lists: sent.then(lists) };
  }

  /** A page of this site (the department portal's page, for its setting and setup's check); its PnPjs module is fetched when first used. */
  async sitePage(serverRelativePath: string): Promise<SitePageState> {
    const { readSitePage } = await import(/* webpackChunkName: "pd-site-pages" */ "./sitePages");
    return readSitePage(this.sp, serverRelativePath);
  }

  async currentUser(): Promise<CurrentUser> {
    const [batched, execute] = this.sp.batched();
    const user = this.queueCurrentUser(batched);
    try {
      await execute();
    } catch (err) {
      throw toDataError(err);
    }
    return user();
  }

  /** Queues the lists' reads on a batch; what it returns reads the answers once the batch is sent (a list with more than one page is then paged on). */
  private queueReads<R extends Record<string, AnyReadSpec>>(batched: SPFI, specs: R): () => Promise<ReadResults<R>> {
    const entries = Object.entries(specs).map(([key, spec]) => {
      const repo = spec.list as SpListRepository<D.Stored>;
      const query = (spec.query ?? {}) as ListQuery<D.Stored>;
      const items = repo.listOn(batched).items;
      const pending = repo.query(query, items)() as Promise<ListItemInfo[]>;
      pending.catch(() => undefined); // read below, once the batch is sent
      return { key, query, repo, pending };
    });
    return async () => {
      try {
        const out: Record<string, D.Stored[]> = {};
        // All the departments read in the same request give their codes: checking where rows are costs no request more.
        const allDepartments = entries.find((e) => e.repo === (this.departments as unknown as SpListRepository<D.Stored>) && !e.query.where?.length && e.query.limit === undefined);
        if (allDepartments) {
          const raw = await allDepartments.pending;
          if (raw.length < PAGE_SIZE) this.codes = Promise.resolve(new Map(raw.map((info) => this.departments.map(info)).map((d) => [d.id, d.code])));
        }
        // Each list's rows sorted out at once: what the checks read (survey records) is read once for all of them, not once a list in turn.
        const placed = await Promise.all(entries.map(async (e) => e.repo.placed(e.repo.shown(await e.pending))));
        for (const [i, e] of entries.entries()) {
          const raw = await e.pending;
          const page = placed[i];
          const limit = e.query.limit;
          const full = raw.length === PAGE_SIZE && (limit === undefined || limit > PAGE_SIZE);
          if (!full) out[e.key] = page;
          // A full first page: continue by Id when the order allows, else read the list paged.
          else if (!e.query.orderBy?.length) out[e.key] = [...page, ...(await e.repo.listAfter(Number(raw[raw.length - 1].Id ?? raw[raw.length - 1].ID), e.query))];
          else out[e.key] = await e.repo.list(e.query);
        }
        return out as ReadResults<R>;
      } catch (err) {
        throw toDataError(err);
      }
    };
  }

  /** Queues who is signed in (their groups, permissions and the site's schema version) on a batch; what it returns reads the answers once the batch is sent. */
  private queueCurrentUser(batched: SPFI): () => Promise<CurrentUser> {
    const userP = batched.web.currentUser.select("Id", "Title", "Email")();
    const groupsP = batched.web.currentUser.groups.select("Id", "Title")();
    const permsP = batched.web.getCurrentUserEffectivePermissions().catch(() => null);
    // Who to ask for site setup: the site's Owners group.
    const ownersP = (batched.web.associatedOwnerGroup.select("Title")() as Promise<{ Title: string }>).then((g) => g.Title, () => undefined);
    // What the user may do, from SharePoint's effective permissions (membership through nested Entra groups counts).
    const agreementPermsP = this.agreements.listOn(batched).getCurrentUserEffectivePermissions().catch(() => null);
    const departmentListPermsP = this.cityProposals.listOn(batched).getCurrentUserEffectivePermissions().catch(() => null);
    // The departments (a small list): each one's folder in CityProposals is then addressed by its
    // path to learn where the user may add rows — never by a query on FSObjType, which SharePoint
    // refuses once the list passes 5,000 rows (pnp/pnpcore#1224; see folderItems.ts).
    const codesP = this.departments
      .listOn(batched)
      .items.select("Id", "UnitCode")
      .top(5000)()
      .catch(() => null) as Promise<{ Id: number; UnitCode: string | null }[] | null>;
    // The schema version setup recorded: in the same round trip, so every first view knows whether the site is ready.
    const versionP = this.settings
      .listOn(batched)
      .items.select("SettingValue")
      .filter(`Title eq '${SCHEMA_VERSION_KEY}'`)
      .top(1)() as Promise<{ SettingValue: string | null }[]>;
    for (const p of [userP, groupsP, versionP]) p.catch(() => undefined); // read below, once the batch is sent
    return async () => {
      try {
        const [u, groups] = await Promise.all([userP, groupsP]);
        const perms = await permsP;
        const siteVersion = await versionP.then(
          (rows) => (rows[0] && Number.isInteger(Number(rows[0].SettingValue)) ? Number(rows[0].SettingValue) : null),
          (e: unknown) => {
            if (toDataError(e).kind === "notFound") return null;
            throw e;
          },
        );
        const fromGroups = roleFromGroups(
          groups.map((g) => g.Title),
          S.siteGroups,
        ).departmentCodes;
        const agreementPerms = await agreementPermsP;
        const departmentListPerms = await departmentListPermsP;
        const can = (p: typeof perms, kind: PermissionKind): boolean => (p ? batched.web.hasPermissions(p, kind) : false);
        // Who may add anywhere in the list (the coordinators) has their own department from its group;
        // everyone else's departments are the folders they may write in.
        const listWide = can(departmentListPerms, PermissionKind.AddListItems);
        const departments = await codesP;
        // The same read gives each department's code, which where rows belong is checked against: no second read of the departments.
        if (departments && departments.length < PAGE_SIZE) this.codes ??= Promise.resolve(new Map(departments.map((d) => [d.Id, d.UnitCode ?? ""])));
        const codes = (departments ?? []).map((d) => d.UnitCode ?? "").filter(Boolean);
        // Only someone who cannot add list-wide needs their departments' folders read (a second round).
        const folders = listWide || !departmentListPerms || codes.length === 0 ? null : await readFolderItems(this.sp, S.listServerRelativeUrl(this.sitePath, S.cityProposals), codes, true).catch(() => null);
        const folderCodes = [...(folders?.values() ?? [])].filter((f) => f.state === "item" && can(f.perms, PermissionKind.AddListItems)).map((f) => f.name);
        const departmentCodes = listWide || !folders?.size ? fromGroups : folderCodes;
        const role: Role = can(agreementPerms, PermissionKind.EditListItems) ? "coordinator" : listWide || folderCodes.length > 0 ? "member" : "visitor";
        // Setup needs Manage Lists, Manage Permissions and Create Groups (Edit has only the first).
        const canManageSite = missingSetupRights(perms, batched.web).length === 0;
        const siteOwners = await ownersP;
        const siteStatus = siteVersion === null ? "notSetUp" : siteVersion < SCHEMA_VERSION ? "needsUpgrade" : "ready";
        return { id: u.Id, title: u.Title, email: u.Email, role, departmentCodes, canManageSite, siteOwners, siteVersion, siteStatus, appVersion: SCHEMA_VERSION };
      } catch (err) {
        throw toDataError(err);
      }
    };
  }
}

/**
 * Opening and locking a year's submission folders is the coordinator's, a few times a year: the
 * folder and permission code (and its PnPjs parts) is fetched the first time it is used. A fetch
 * that failed is tried again next time.
 */
class LazySubmissionFolders implements ISubmissionFolders {
  private real: Promise<ISubmissionFolders> | undefined;

  public constructor(private readonly sp: SPFI, private readonly sitePath: string) {}

  public open(list: SubmittedListKey, fiscalYear: number, unitCodes: string[]): Promise<string[]> {
    return this.load().then((f) => f.open(list, fiscalYear, unitCodes));
  }

  public lock(list: SubmittedListKey, fiscalYear: number): Promise<number> {
    return this.load().then((f) => f.lock(list, fiscalYear));
  }

  private load(): Promise<ISubmissionFolders> {
    if (!this.real) {
      this.real = import(/* webpackChunkName: "pd-submission-folders" */ "./SubmissionFolders").then((m) => new m.SubmissionFolders(this.sp, this.sitePath));
      void this.real.catch(() => (this.real = undefined));
    }
    return this.real;
  }
}
