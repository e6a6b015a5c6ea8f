import { startBackend } from "../backend/server";
import { placeRowsInDepartmentFolders } from "../backend/sites";
import type { Store } from "../backend/store";
import { SiteSetup } from "../../src/data/setup/SiteSetup";
import { PartnershipData } from "../../src/data/sp/PartnershipData";
import { spForUrl } from "../../src/data/sp/spForUrl";
import * as S from "../../src/data/schema/listSchema";
import { addAgreements, addDepartmentTeams, addDepartments, addProposals, addResults, addYearOfCycle, departmentRows } from "./dataset";

/**
 * A city's partnership site in its tenth year (fiscal 2017–2026), built from the bench's data
 * set (dataset.ts) on top of the sample site as `npm start` makes it: 300 more agreements, 30
 * more departments (42 in all) whose groups and folders the product's own site setup makes, and
 * ten years of the yearly cycle, so that every list that grows by the year holds well over
 * SharePoint's list view threshold (5,000 rows). Each department's rows are in its folder, the
 * rows it handed in in the year's submission folder (`<UnitCode>-<FY>`): fiscal 2026's are open
 * (the product opened them), the earlier years' locked (inheriting the list, as publication
 * leaves them). The sample users keep their roles (dev/backend/users.ts).
 */

export const TEN_YEAR_FIRST = 2017;
export const TEN_YEAR_LAST = 2026;
/** Departments added to the sample twelve. */
export const TEN_YEAR_NEW_DEPARTMENTS = 30;

/** The lists that grow by the year (issue 30): each holds more than 5,000 rows on the ten-year site. */
export const growingLists = [S.partnerProposals, S.cityProposals, S.proposalAnswers, S.matchings, S.implementationWishes, S.notifications, S.resultReports, S.auditLog, S.surveyResponses].map(S.listUrlName);

export interface TenYearFigures {
  /** Rows of each product list (folders not counted). */
  rows: Record<string, number>;
  /** Folders of each list with department folders. */
  folders: Record<string, number>;
  departments: number;
  fiscalYears: [number, number];
  buildMs: number;
}

/** The added departments' Teams teams, in this process's directory (the Graph the backend answers). */
export function addTenYearTeams(): void {
  addDepartmentTeams(departmentRows(TEN_YEAR_NEW_DEPARTMENTS, true));
}

export function tenYearFigures(store: Store, buildMs: number): TenYearFigures {
  const rows: Record<string, number> = {};
  const folders: Record<string, number> = {};
  for (const def of S.allLists) {
    const items = [...store.list(S.listUrlName(def))!.items.values()];
    rows[S.listUrlName(def)] = items.filter((x) => x.fsObjType !== 1).length;
    const f = items.filter((x) => x.fsObjType === 1).length;
    if (f) folders[S.listUrlName(def)] = f;
  }
  return { rows, folders, departments: rows[S.listUrlName(S.departments)], fiscalYears: [TEN_YEAR_FIRST, TEN_YEAR_LAST], buildMs };
}

/** Builds the ten-year site into an empty `dataDir` (the backend's data folder: snapshot.json). */
export async function buildTenYearSite(dataDir: string): Promise<TenYearFigures> {
  const started = Date.now();
  // The sample site, as `npm start` makes it: setup by the product, sample rows and users, fiscal 2025 published.
  const backend = await startBackend({ port: 0, dataDir });
  try {
    const store = backend.store;
    const sp = spForUrl(backend.siteUrl, { "X-PD-User": "7" });
    addAgreements(store, 300);
    addDepartments(store, TEN_YEAR_NEW_DEPARTMENTS, true);
    // The owner runs setup for the new departments: their groups, their folders and the folders' permissions.
    await new SiteSetup(sp, backend.siteUrl).run();
    // The coordinator opens fiscal 2026's Form 2 and Form 4 for every department, as the year's calls do.
    const data = new PartnershipData(sp, backend.siteUrl);
    const codes = (await data.departments.list()).filter((d) => !d.isCoordinator).map((d) => d.code);
    for (const key of ["cityProposals", "resultReports"] as const) {
      const skipped = await data.submissions.open(key, TEN_YEAR_LAST, codes);
      if (skipped.length) throw new Error(`Departments without a group: ${skipped.join(", ")}`);
    }
    // Ten years of the cycle (the lists have grown past the threshold from here on).
    for (let fy = TEN_YEAR_FIRST; fy <= TEN_YEAR_LAST; fy++) {
      addProposals(store, fy, 1500, fy);
      addResults(store, fy, 700, 777, fy >= 2025 ? "submitted" : "published");
      addYearOfCycle(store, fy, { current: fy === TEN_YEAR_LAST });
    }
    // Earlier years' submission folders, as publication left them (inheriting the list: locked).
    for (const def of [S.cityProposals, S.resultReports]) {
      const state = store.list(S.listUrlName(def))!;
      const have = new Set([...state.items.values()].filter((x) => x.fsObjType === 1).map((x) => String(x.values.Title).toLowerCase()));
      const names: string[] = [];
      for (let fy = TEN_YEAR_FIRST; fy < TEN_YEAR_LAST; fy++) for (const code of codes) if (!have.has(S.submissionFolderName(code, fy).toLowerCase())) names.push(S.submissionFolderName(code, fy));
      for (const id of store.bulkAdd(S.listUrlName(def), names.map((Title) => ({ Title })), 7, `${TEN_YEAR_FIRST}-04-01T00:00:00Z`)) state.items.get(id)!.fsObjType = 1;
    }
    placeRowsInDepartmentFolders(store);
    store.compact();
    return tenYearFigures(store, Date.now() - started);
  } finally {
    await backend.close();
  }
}
