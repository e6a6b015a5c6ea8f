import type * as D from "../../domain/types";
import type { RowAnomaly } from "../../domain/rowPlacement";
import type { IListRepository, ListQuery } from "../contracts";
import { ServiceBase } from "./ServiceBase";
import { read } from "../contracts";
import { splitPublishedClaims } from "../../domain/publishedRows";
import { readPublishedRecord } from "./publishedRecord";

/**
 * Department rows that are not where their folder says they belong (domain/rowPlacement.ts):
 * written by a member in its own folder with another department, a status or a year it cannot
 * have. No read counts, shows or publishes them; the coordinator is shown them here, with who
 * wrote each (SharePoint's Author, which no one can set) and where it is.
 */
export class RowAnomalyService extends ServiceBase {
  protected readonly coordinatorsOnly = "see rows outside their folders";

  /** The year's misplaced rows of every department list (survey answers of any year). */
  async year(fiscalYear: number): Promise<RowAnomaly[]> {
    this.requireCoordinator();
    const byYear = { where: [{ prop: "fiscalYear" as const, op: "eq" as const, value: fiscalYear }] };
    const of = async <T extends D.Stored & D.InFolder & { title: string; department: D.LookupRef | null }>(key: string, repo: IListRepository<T>, q?: ListQuery<T>): Promise<RowAnomaly[]> =>
      ((await repo.anomalies?.(q)) ?? []).map(({ row, problem }) => ({ list: key, id: row.id, title: row.title, department: row.department, author: row.author ?? null, editor: row.editor ?? null, folder: row.folder ?? "", problem }));
    const all = await Promise.all([
      of("cityProposals", this.data.cityProposals, byYear as ListQuery<D.CityProposalRow>),
      of("resultReports", this.data.resultReports, byYear as ListQuery<D.ResultReport>),
      of("implementationWishes", this.data.implementationWishes, byYear as ListQuery<D.ImplementationWish>),
      of("surveyResponses", this.data.surveyResponses),
    ]);
    return [...all.flat(), ...(await this.unpublished(fiscalYear))];
  }

  /** The year's results rows in their folders but stored as 公表済 where no publication of the year includes them. */
  private async unpublished(fiscalYear: number): Promise<RowAnomaly[]> {
    const byYear = [{ prop: "fiscalYear" as const, op: "eq" as const, value: fiscalYear }];
    const r = await this.data.readMany({ rows: read(this.data.resultReports, { where: byYear }), publications: read(this.data.publications, { where: byYear }) });
    if (!r.rows.some((x) => x.status === "published")) return [];
    return splitPublishedClaims(r.rows, await readPublishedRecord(this.data, r.publications)).unpublished.map((row) => ({ list: "resultReports", id: row.id, title: row.title, department: row.department, author: row.author ?? null, editor: row.editor ?? null, folder: row.folder ?? "", problem: "notPublished" as const }));
  }
}
