import type { SPFI } from "@pnp/sp";
import "@pnp/sp/batching";
import "@pnp/sp/site-users/web";
import "@pnp/sp/site-groups/web";
import type * as D from "../../domain/types";
import { roleFromGroups } from "../../domain/roles";
import type { AnyReadSpec, CurrentUser, IPartnershipData, ListQuery, ReadResults } from "../contracts";
import * as S from "../schema/listSchema";
import { SpListRepository, PAGE_SIZE } from "./SpListRepository";
import type { ListItemInfo } from "./mapping";
import { toDataError } from "./errors";

/** The data layer over SharePoint through PnPjs; built once per web part from an SPFI. */
export class PartnershipData implements IPartnershipData {
  readonly partners: SpListRepository<D.Partner>;
  readonly departments: SpListRepository<D.Department>;
  readonly agreements: SpListRepository<D.Agreement>;
  readonly partnershipItems: SpListRepository<D.PartnershipItem>;
  readonly agreementReviews: SpListRepository<D.AgreementReview>;
  readonly agreementTerms: SpListRepository<D.AgreementTerm>;
  readonly surveyResponses: SpListRepository<D.SurveyResponse>;
  readonly calls: SpListRepository<D.Call>;
  readonly partnerProposals: SpListRepository<D.PartnerProposal>;
  readonly cityProposals: SpListRepository<D.CityProposal>;
  readonly matchingIssues: SpListRepository<D.MatchingIssue>;
  readonly matchings: SpListRepository<D.Matching>;
  readonly implementationWishes: SpListRepository<D.ImplementationWish>;
  readonly notifications: SpListRepository<D.Notification>;
  readonly resultReports: SpListRepository<D.ResultReport>;
  readonly auditLog: SpListRepository<D.AuditEntry>;
  readonly settings: SpListRepository<D.Setting>;

  constructor(private readonly sp: SPFI) {
    this.partners = new SpListRepository(sp, S.partners);
    this.departments = new SpListRepository(sp, S.departments);
    this.agreements = new SpListRepository(sp, S.agreements);
    this.partnershipItems = new SpListRepository(sp, S.partnershipItems);
    this.agreementReviews = new SpListRepository(sp, S.agreementReviews);
    this.agreementTerms = new SpListRepository(sp, S.agreementTerms);
    this.surveyResponses = new SpListRepository(sp, S.surveyResponses);
    this.calls = new SpListRepository(sp, S.calls);
    this.partnerProposals = new SpListRepository(sp, S.partnerProposals);
    this.cityProposals = new SpListRepository(sp, S.cityProposals);
    this.matchingIssues = new SpListRepository(sp, S.matchingIssues);
    this.matchings = new SpListRepository(sp, S.matchings);
    this.implementationWishes = new SpListRepository(sp, S.implementationWishes);
    this.notifications = new SpListRepository(sp, S.notifications);
    this.resultReports = new SpListRepository(sp, S.resultReports);
    this.auditLog = new SpListRepository(sp, S.auditLog);
    this.settings = new SpListRepository(sp, S.settings);
  }

  async readMany<R extends Record<string, AnyReadSpec>>(specs: R): Promise<ReadResults<R>> {
    const [batched, execute] = this.sp.batched();
    const entries = Object.entries(specs).map(([key, spec]) => {
      const repo = spec.list as SpListRepository<D.Stored>;
      const query = (spec.query ?? {}) as ListQuery<D.Stored>;
      const items = batched.web.lists.getByTitle(repo.listTitle).items;
      return { key, query, repo, pending: repo.query(query, items)() as Promise<ListItemInfo[]> };
    });
    try {
      await execute();
      const out: Record<string, D.Stored[]> = {};
      for (const e of entries) {
        const page = (await e.pending).map((info) => e.repo.map(info));
        const limit = e.query.limit;
        const full = page.length === PAGE_SIZE && (limit === undefined || limit > PAGE_SIZE);
        if (!full) out[e.key] = page;
        // A full first page: continue by Id when the order allows, else read the list paged.
        else if (!e.query.orderBy?.length) out[e.key] = [...page, ...(await e.repo.listAfter(page[page.length - 1].id, e.query))];
        else out[e.key] = await e.repo.list(e.query);
      }
      return out as ReadResults<R>;
    } catch (err) {
      throw toDataError(err);
    }
  }

  async currentUser(): Promise<CurrentUser> {
    const [batched, execute] = this.sp.batched();
    const userP = batched.web.currentUser.select("Id", "Title", "Email")();
    const groupsP = batched.web.currentUser.groups.select("Id", "Title")();
    try {
      await execute();
      const [u, groups] = await Promise.all([userP, groupsP]);
      const { role, departmentCodes } = roleFromGroups(
        groups.map((g) => g.Title),
        S.siteGroups,
      );
      return { id: u.Id, title: u.Title, email: u.Email, role, departmentCodes };
    } catch (err) {
      throw toDataError(err);
    }
  }
}
