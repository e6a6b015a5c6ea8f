import { read } from "./contracts";
import type { CurrentUser, IPartnershipData } from "./contracts";
import type { Department, ResultReport, SurveyResponse } from "../domain/types";
import { DepartmentHints, resolveDepartment } from "../domain/departments";
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

/**
 * What the department portal shows for the fiscal year, whichever department it turns out to be: read in one batched request.
 * Calls are to-dos until answered, whatever their year: every open call is read (a small list;
 * in April the Form 4 call is about the year just ended). The feedback lists of the year just
 * ended are read too, for that year's Form 4 (a row's もとになったフィードバックの行).
 */
function portalLists(data: IPartnershipData, fy: number) {
  const byYear = [{ prop: "fiscalYear" as const, op: "eq" as const, value: fy }];
  const sinceLastYear = [{ prop: "fiscalYear" as const, op: "ge" as const, value: fy - 1 }];
  return {
    issues: read(data.matchingIssues, { where: [...sinceLastYear, { prop: "status", op: "eq", value: "issued" }] }),
    matchings: read(data.matchings, { where: sinceLastYear }),
    // Since last year: a Form 2 call of the year just ended may still be open (its to-do is done once the department handed in).
    proposals: read(data.cityProposals, { where: sinceLastYear }),
    answers: read(data.proposalAnswers, { where: sinceLastYear }),
    surveys: read(data.surveyResponses, { where: [{ prop: "status", op: "eq", value: "requested" }] }),
    agreements: read(data.agreements, { where: [{ prop: "status", op: "eq", value: "surveying" }] }),
    wishes: read(data.implementationWishes, { where: byYear }),
    calls: read(data.calls, { where: [{ prop: "status", op: "eq", value: "open" }] }),
  };
}

/** A department's own rows for its to-do list: Form 4 rows of the year and of the year just ended (April's Form 4) and surveys already answered, for the given departments in one batched request. */
export async function readOwnRows(data: IPartnershipData, fy: number, departments: Array<{ id: number; title: string }>): Promise<{ results: ResultReport[]; answered: SurveyResponse[] }> {
  if (departments.length === 0) return { results: [], answered: [] };
  const byYear = [{ prop: "fiscalYear" as const, op: "ge" as const, value: fy - 1 }];
  const own = await data.readMany(
    Object.fromEntries(
      departments.flatMap((m) => [
        [`results${m.id}`, read(data.resultReports, { where: [...byYear, { prop: "department", op: "eq", value: { id: m.id, title: m.title } }] })],
        [`answered${m.id}`, read(data.surveyResponses, { where: [{ prop: "department", op: "eq", value: { id: m.id, title: m.title } }, { prop: "status", op: "eq", value: "answered" }] })],
      ]),
    ) as Record<string, ReturnType<typeof read>>,
  );
  const pick = <T,>(prefix: string): T[] => Object.entries(own).filter(([k]) => k.startsWith(prefix)).flatMap(([, v]) => v as T[]);
  return { results: pick<ResultReport>("results"), answered: pick<SurveyResponse>("answered") };
}

/** Where the portal is (its Teams tab, its web part's department code): which department it shows. */
export type PortalHints = Omit<DepartmentHints, "userCodes">;

/** Whose own rows the portal reads: the active departments the user belongs to and the one the portal shows. */
export function departmentsOf(departments: Department[], user: CurrentUser, hints: PortalHints): Department[] {
  const shown = resolveDepartment(departments, { ...hints, userCodes: user.departmentCodes });
  return departments.filter((d) => d.active && (user.departmentCodes.includes(d.code) || d.id === shown?.id));
}

/**
 * The department portal's data: the year's lists, the departments, and the own rows of the
 * user's departments (`ownOf`: whose rows `own` holds). The own rows need the user and the
 * departments, so these come first in a batch of their own, beside the lists: the own rows are
 * read while the lists still are, not after them.
 */
export async function readPortal(data: IPartnershipData, fy: number, first: { user: Promise<CurrentUser>; departments: Promise<Department[]>; hints: Promise<PortalHints> }) {
  const lists = data.readMany(portalLists(data, fy));
  lists.catch(() => undefined); // awaited below
  const ownOf = Promise.all([first.user, first.departments, first.hints]).then(([user, departments, hints]) => departmentsOf(departments, user, hints));
  const own = ownOf.then((mine) => readOwnRows(data, fy, mine));
  const [l, departments, mine, rows] = await Promise.all([lists, first.departments, ownOf, own]);
  return { ...l, departments, own: rows, ownOf: mine.map((d) => d.id) };
}
export type PortalLists = Awaited<ReturnType<typeof readPortal>>;

/** The portal read afresh (a reload: the user is known): the departments with the lists, then the own rows. */
export async function readPortalAgain(data: IPartnershipData, fy: number, user: CurrentUser, hints: PortalHints): Promise<PortalLists> {
  const { departments, ...l } = await data.readMany({ ...portalLists(data, fy), departments: read(data.departments) });
  const mine = departmentsOf(departments, user, hints);
  return { ...l, departments, own: await readOwnRows(data, fy, mine), ownOf: mine.map((d) => d.id) };
}

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

/** Starts who is signed in and the view's own first read against the partnership site (`hints`: where the department portal is). */
export function startFirstReads(data: IPartnershipData, today: string, view: FirstView, hints: Promise<PortalHints> = Promise.resolve({})): FirstReads {
  const reads = new FirstReads();
  if (view === "departmentPortal") {
    // The user and the departments in one batch (the own rows follow them), the year's lists in another.
    const first = data.currentUserWith({ departments: read(data.departments) });
    reads.start("user", () => first.user);
    reads.start("portal", () => readPortal(data, fiscalYearOf(today), { user: first.user, departments: first.lists.then((l) => l.departments), hints }));
    return reads;
  }
  reads.start("user", () => data.currentUser());
  if (view === "agreements") reads.start("register", () => readRegister(data));
  return reads;
}
