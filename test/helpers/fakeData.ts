import type * as D from "../../src/domain/types";
import { CurrentUser, DataError, IListRepository, IPartnershipData, ListQuery, ReadResults, AnyReadSpec } from "../../src/data/contracts";

/**
 * An in-memory IPartnershipData for component tests: implements the contract, not PnPjs.
 * Conditions support eq on plain values and lookups, which is what the screens use.
 */
export class FakeList<T extends D.Stored> implements IListRepository<T> {
  failNext: DataError | null = null;
  constructor(
    readonly listTitle: string,
    public rows: T[] = [],
  ) {}
  async list(q: ListQuery<T> = {}): Promise<T[]> {
    if (this.failNext) {
      const e = this.failNext;
      this.failNext = null;
      throw e;
    }
    return this.rows.filter((r) =>
      (q.where ?? []).every((c) => {
        const v = (r as unknown as Record<string, unknown>)[c.prop];
        if (c.op !== "eq") return true;
        const want = c.value;
        if (v && typeof v === "object" && "id" in v) return (v as D.LookupRef).id === (want as D.LookupRef).id;
        return v === want;
      }),
    );
  }
  async get(id: number): Promise<T> {
    const r = this.rows.find((x) => x.id === id);
    if (!r) throw new DataError("notFound", "not found", 404);
    return r;
  }
  validate(): [] {
    return [];
  }
  async add(draft: D.Draft<T>): Promise<T> {
    const row = { ...draft, id: this.rows.length + 1, etag: '"1"', modified: "" } as unknown as T;
    this.rows.push(row);
    return row;
  }
  async update(): Promise<string> {
    return '"2"';
  }
  async remove(): Promise<void> {}
  async addMany(drafts: D.Draft<T>[]): Promise<number[]> {
    const ids: number[] = [];
    for (const d of drafts) ids.push((await this.add(d)).id);
    return ids;
  }
  async updateMany(changes: Array<{ id: number }>): Promise<string[]> {
    return changes.map(() => '"2"');
  }
  async addAttachment(): Promise<void> {}
  async listAttachments(): Promise<[]> {
    return [];
  }
  async removeMany(rows: Array<{ id: number }>): Promise<void> {
    const gone = new Set(rows.map((r) => r.id));
    this.rows = this.rows.filter((r) => !gone.has(r.id));
  }
  async readAttachment(): Promise<string> {
    throw new DataError("notFound", "no attachment", 404);
  }
  async addSubmitted(drafts: D.Draft<T>[]): Promise<number[]> {
    return this.addMany(drafts);
  }
}

export function fakeData(user: CurrentUser, init: Partial<Record<keyof IPartnershipData, D.Stored[]>> = {}): IPartnershipData {
  const l = <T extends D.Stored>(title: string, key: keyof IPartnershipData): FakeList<T> => new FakeList<T>(title, (init[key] ?? []) as T[]);
  const data = {
    partners: l<D.Partner>("Partners", "partners"),
    departments: l<D.Department>("Departments", "departments"),
    agreements: l<D.Agreement>("Agreements", "agreements"),
    agreementsWithPending: l<D.Agreement>("Agreements", "agreements"),
    partnershipItems: l<D.PartnershipItem>("PartnershipItems", "partnershipItems"),
    agreementReviews: l<D.AgreementReview>("AgreementReviews", "agreementReviews"),
    agreementTerms: l<D.AgreementTerm>("AgreementTerms", "agreementTerms"),
    surveyResponses: l<D.SurveyResponse>("SurveyResponses", "surveyResponses"),
    calls: l<D.Call>("Calls", "calls"),
    partnerProposals: l<D.PartnerProposal>("PartnerProposals", "partnerProposals"),
    cityProposals: l<D.CityProposalRow>("CityProposals", "cityProposals"),
    proposalAnswers: l<D.ProposalAnswer>("ProposalAnswers", "proposalAnswers"),
    matchingIssues: l<D.MatchingIssue>("MatchingIssues", "matchingIssues"),
    matchings: l<D.Matching>("Matchings", "matchings"),
    implementationWishes: l<D.ImplementationWish>("ImplementationWishes", "implementationWishes"),
    notifications: l<D.Notification>("Notifications", "notifications"),
    resultReports: l<D.ResultReport>("ResultReports", "resultReports"),
    publications: l<D.Publication>("Publications", "publications"),
    submissions: { open: async (): Promise<string[]> => [], lock: async (): Promise<number> => 0 },
    auditLog: l<D.AuditEntry>("AuditLog", "auditLog"),
    settings: l<D.Setting>("PartnershipSettings", "settings"),
    async readMany<R extends Record<string, AnyReadSpec>>(specs: R): Promise<ReadResults<R>> {
      const out: Record<string, unknown> = {};
      for (const [k, s] of Object.entries(specs)) out[k] = await (s.list as FakeList<D.Stored>).list(s.query as ListQuery<D.Stored>);
      return out as ReadResults<R>;
    },
    async currentUser(): Promise<CurrentUser> {
      return user;
    },
    currentUserWith<R extends Record<string, AnyReadSpec>>(specs: R): { user: Promise<CurrentUser>; lists: Promise<ReadResults<R>> } {
      return { user: Promise.resolve(user), lists: data.readMany(specs) };
    },
  };
  return data;
}
