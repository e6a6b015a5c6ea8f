import type * as D from "../../domain/types";
import { PORTAL_PAGE_KEY, PortalPageProblem, portalPagePath, portalPageSetting, portalPageUrl } from "../../domain/portalPage";
import { CurrentUser, IPartnershipData } from "../contracts";
import { recordAudit } from "./audit";
import { RuleError, ServiceBase } from "./ServiceBase";

/**
 * What is known of the setting 部署ポータルのページ: not set; not a page of this site; or the page
 * read through SharePoint's REST API — found, missing (404) or not readable by whoever checks.
 */
export type PortalPageCheck =
  | { state: "notSet" }
  | { state: "invalid"; value: string; problem: PortalPageProblem }
  | { state: "found"; value: string; path: string }
  | { state: "missing"; value: string; path: string }
  | { state: "forbidden"; value: string; path: string };

/**
 * The department portal's page (部署ポータルのページ): the setting every link to the portal is
 * made from, edited in the settings screen and checked by site setup (the page is read with
 * REST; a page that is not there is a warning, not a guess).
 */
export class PortalPageService extends ServiceBase {
  protected readonly coordinatorsOnly = "change the department portal's page";

  constructor(
    data: IPartnershipData,
    user: CurrentUser,
    today: D.IsoDate,
    /** The partnership site's absolute URL (the page must be one of its pages). */
    private readonly siteUrl: string,
  ) {
    super(data, user, today);
  }

  /** The setting as stored, its row (to update) and what is known of the page. */
  async read(): Promise<{ value: string; row: D.Setting | undefined; check: PortalPageCheck }> {
    const row = await this.row();
    const value = row ? portalPageSetting([row]) : "";
    return { value, row, check: await this.check(value) };
  }

  /** The portal's absolute URL for links in posts ("" when the setting is not a page of this site); the page itself is not read. */
  async url(): Promise<string> {
    const row = await this.row();
    return portalPageUrl(row ? [row] : [], this.siteUrl);
  }

  private async row(): Promise<D.Setting | undefined> {
    const [row] = await this.data.settings.list({ where: [{ prop: "key", op: "eq", value: PORTAL_PAGE_KEY }], limit: 1 });
    return row;
  }

  /** Reads the page a value names (nothing is written). */
  async check(value: string): Promise<PortalPageCheck> {
    const v = value.trim();
    if (!v) return { state: "notSet" };
    const p = portalPagePath(v, this.siteUrl);
    if (!("path" in p)) return { state: "invalid", value: v, problem: p.problem };
    if (!this.data.sitePage) throw new Error("This data layer cannot read site pages");
    const page = await this.data.sitePage(p.path);
    if (page.state === "found") return { state: "found", value: v, path: page.url };
    return { state: page.state, value: v, path: p.path };
  }

  /**
   * Saves the setting (coordinators): a value that is not a page of this site is refused; a page
   * that is not there (yet) is saved and said so, since the site owner may make it next.
   */
  async save(value: string, row: D.Setting | undefined): Promise<PortalPageCheck> {
    this.requireCoordinator();
    const check = await this.check(value);
    if (check.state === "invalid") throw new RuleError([{ field: "portalPage", code: check.problem }]);
    const stored = check.state === "notSet" ? "" : check.value;
    if (row) await this.data.settings.update(row.id, row.etag, { value: stored });
    else await this.data.settings.add({ key: PORTAL_PAGE_KEY, value: stored });
    await recordAudit(this.data, "PartnershipSettings", row?.id ?? 0, "update", "部署ポータルのページを変更", { value: stored });
    return check;
  }
}
