import { read } from "./contracts";
import type { CurrentUser, IPartnershipData } from "./contracts";
import { isPendingImport } from "../domain/agreements";
import { fiscalYearOf } from "../domain/calendar";
import { parseSiteRules } from "../domain/siteRules";

/** The register, its items, partners, departments and the site's rules: one batched request. */
export async function readRegister(data: IPartnershipData) {
  const r = await data.readMany({ agreements: read(data.agreements), items: read(data.partnershipItems), partners: read(data.partners), departments: read(data.departments), settings: read(data.settings) });
  // An import in progress (or left by a closed tab) is not part of the register.
  return { ...r, agreements: r.agreements.filter((a) => !isPendingImport(a)), rules: parseSiteRules(r.settings) };
}
export type RegisterData = Awaited<ReturnType<typeof readRegister>>;

/** What the department portal shows for the fiscal year, whichever department it turns out to be: one batched request. */
export function readPortalLists(data: IPartnershipData, fy: number) {
  const byYear = [{ prop: "fiscalYear" as const, op: "eq" as const, value: fy }];
  return data.readMany({
    departments: read(data.departments),
    issues: read(data.matchingIssues, { where: [...byYear, { prop: "status", op: "eq", value: "issued" }] }),
    matchings: read(data.matchings, { where: byYear }),
    proposals: read(data.cityProposals, { where: byYear }),
    answers: read(data.proposalAnswers, { where: byYear }),
    surveys: read(data.surveyResponses, { where: [{ prop: "status", op: "eq", value: "requested" }] }),
    agreements: read(data.agreements, { where: [{ prop: "status", op: "eq", value: "surveying" }] }),
    wishes: read(data.implementationWishes, { where: byYear }),
    calls: read(data.calls, { where: [...byYear, { prop: "status", op: "eq", value: "open" }] }),
  });
}
export type PortalLists = Awaited<ReturnType<typeof readPortalLists>>;

/** A web part's first view, whose reads can start before its code has arrived. */
export type FirstView = "agreements" | "annualCycle" | "departmentPortal" | "results";

interface FirstReadKinds {
  user: CurrentUser;
  register: RegisterData;
  portal: PortalLists;
}

/**
 * The first reads of a web part, started in onInit while the view's code is still being fetched
 * (the web part's chunk and the page's other scripts): the view takes them when it mounts instead
 * of starting them then, so its rows wait for one round trip, not for the code and then the round
 * trip. Each is taken once; a reload reads afresh. A failure is left unreported until the view
 * takes the read and shows it.
 */
export class FirstReads {
  private readonly pending: { [K in keyof FirstReadKinds]?: Promise<FirstReadKinds[K]> } = {};

  start<K extends keyof FirstReadKinds>(kind: K, read: () => Promise<FirstReadKinds[K]>): void {
    const p = read();
    p.catch(() => undefined);
    this.pending[kind] = p as (typeof this.pending)[K];
  }

  /** The started read, once; undefined when none was started or it was already taken. */
  take<K extends keyof FirstReadKinds>(kind: K): Promise<FirstReadKinds[K]> | undefined {
    const p = this.pending[kind];
    delete this.pending[kind];
    return p;
  }
}

/** Starts who is signed in and the view's own first read against the partnership site. */
export function startFirstReads(data: IPartnershipData, today: string, view: FirstView): FirstReads {
  const reads = new FirstReads();
  reads.start("user", () => data.currentUser());
  if (view === "agreements") reads.start("register", () => readRegister(data));
  if (view === "departmentPortal") reads.start("portal", () => readPortalLists(data, fiscalYearOf(today)));
  return reads;
}
