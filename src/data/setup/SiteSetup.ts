import type { SPFI } from "@pnp/sp";
import "@pnp/sp/webs";
import "@pnp/sp/lists";
import "@pnp/sp/fields";
import "@pnp/sp/views";
import "@pnp/sp/items";
import "@pnp/sp/batching";
import type { IList } from "@pnp/sp/lists";
import type { AnyListDef } from "../schema/fieldTypes";
import { allLists, listServerRelativeUrl, listUrlName, SCHEMA_VERSION, settings as settingsList } from "../schema/listSchema";
import type { ISiteSetup, SiteCheck } from "../contracts";
import { toDataError } from "../sp/errors";
import { fieldXml, viewFieldName, viewPageName, viewQuery } from "./fieldXml";
import { ObservedList, ObservedSite, planSetup, SetupPlan, SetupStep } from "./plan";

import { SCHEMA_VERSION_KEY } from "./keys";
export { SCHEMA_VERSION_KEY };

/** SPAddFieldOptions: AddToDefaultContentType (1) | AddFieldInternalNameHint (8), so SharePoint's own forms show the column and it keeps our name. */
const ADD_FIELD_OPTIONS = 1 | 8;

interface FieldInfo {
  InternalName: string;
  Title: string;
  TypeAsString: string;
  Required: boolean;
  Indexed: boolean;
  EnforceUniqueValues: boolean;
}
interface ViewInfo {
  Id: string;
  Title: string;
  DefaultView: boolean;
  ServerRelativeUrl: string;
  ViewFields?: { Items?: string[] | { results: string[] } };
}

/**
 * サイトの準備: creates and upgrades the partnership site's lists from the one schema.
 * Reads the site in one batched round, plans the difference, and applies it step by step
 * in dependency order (a lookup's target list first). Every step is idempotent, so a run
 * cut short (closed tab, dropped connection) is completed by running setup again.
 */
export class SiteSetup implements ISiteSetup {
  readonly appVersion = SCHEMA_VERSION;
  private readonly sitePath: string;

  constructor(
    private readonly sp: SPFI,
    siteUrl: string,
    private readonly lists: readonly AnyListDef[] = allLists,
  ) {
    this.sitePath = new URL(siteUrl).pathname.replace(/\/+$/, "");
  }

  private list(sp: SPFI, def: { title: string }): IList {
    return sp.web.getList(listServerRelativeUrl(this.sitePath, def));
  }

  /** What is on the site now: the product's lists (by URL), their columns and views, and the recorded version. */
  async observe(): Promise<ObservedSite> {
    const [batched, execute] = this.sp.batched();
    const reads = this.lists.map((def) => {
      const l = this.list(batched, def);
      return {
        def,
        info: l.select("Id", "Title")() as Promise<{ Id: string; Title: string }>,
        fields: l.fields.select("InternalName", "Title", "TypeAsString", "Required", "Indexed", "EnforceUniqueValues")() as Promise<FieldInfo[]>,
        views: l.views.select("Id", "Title", "DefaultView", "ServerRelativeUrl", "ViewFields/Items").expand("ViewFields")() as Promise<ViewInfo[]>,
      };
    });
    const settingsRow = this.list(batched, settingsList)
      .items.select("Id", "SettingValue")
      .filter(`Title eq '${SCHEMA_VERSION_KEY}'`)
      .top(1)() as Promise<{ Id: number; SettingValue: string | null }[]>;
    await execute();
    const site: ObservedSite = { lists: {}, recordedVersion: null };
    for (const r of reads) {
      let info: { Id: string; Title: string };
      try {
        info = await r.info;
      } catch (e) {
        const err = toDataError(e);
        if (err.kind === "notFound") continue;
        throw err;
      }
      const [fields, views] = await Promise.all([r.fields, r.views]).catch((e: unknown) => {
        throw toDataError(e);
      });
      const list: ObservedList = {
        id: info.Id,
        title: info.Title,
        fields: fields.map((f) => ({
          internalName: f.InternalName,
          title: f.Title,
          typeAsString: f.TypeAsString,
          required: f.Required,
          indexed: f.Indexed,
          unique: f.EnforceUniqueValues,
        })),
        views: views.map((v) => {
          const items = v.ViewFields?.Items;
          return {
            id: v.Id,
            title: v.Title,
            fileName: v.ServerRelativeUrl.split("/").pop() ?? "",
            defaultView: v.DefaultView,
            fields: Array.isArray(items) ? items : (items?.results ?? []),
          };
        }),
      };
      site.lists[listUrlName(r.def)] = list;
    }
    try {
      const rows = await settingsRow;
      const v = rows[0] ? Number(rows[0].SettingValue) : NaN;
      site.recordedVersion = Number.isInteger(v) ? v : null;
    } catch (e) {
      if (toDataError(e).kind !== "notFound") throw toDataError(e);
    }
    return site;
  }

  async plan(): Promise<SetupPlan> {
    try {
      return planSetup(this.lists, await this.observe(), this.appVersion);
    } catch (e) {
      throw toDataError(e);
    }
  }

  /**
   * Applies the plan. `onStep` is told before each step (for a progress line). The plan is
   * re-read first, so a plan shown some minutes ago never repeats what another owner did since.
   */
  async run(onStep?: (step: SetupStep, index: number, total: number) => void): Promise<SetupPlan> {
    try {
      const site = await this.observe();
      const plan = planSetup(this.lists, site, this.appVersion);
      const ids = new Map<string, string>();
      for (const [name, l] of Object.entries(site.lists)) if (l) ids.set(name, l.id);
      let i = 0;
      for (const step of plan.steps) {
        onStep?.(step, i++, plan.steps.length);
        await this.apply(step, ids);
      }
      return plan;
    } catch (e) {
      throw toDataError(e);
    }
  }

  private defOf(name: string): AnyListDef {
    const def = this.lists.find((l) => listUrlName(l) === name);
    if (!def) throw new Error(`Unknown list ${name}`);
    return def;
  }

  private lookupTarget(def: AnyListDef, internalName: string, ids: Map<string, string>): string | undefined {
    const f = Object.values(def.fields).find((x) => x.internalName === internalName);
    if (!f || (f.kind !== "lookup" && f.kind !== "lookupMulti")) return undefined;
    const target = this.lists.find((l) => l.key === f.list);
    const id = target ? ids.get(listUrlName(target)) : undefined;
    if (!id) throw new Error(`The list that ${def.title}/${internalName} looks up has not been created`);
    return id;
  }

  private async addField(def: AnyListDef, internalName: string, ids: Map<string, string>): Promise<void> {
    const f = Object.values(def.fields).find((x) => x.internalName === internalName)!;
    const l = this.list(this.sp, def);
    if (f.internalName === "Title") {
      await l.fields.getByInternalNameOrTitle("Title").update({ Title: f.displayName, Required: !!f.required }, "SP.Field");
    } else {
      await l.fields.createFieldAsXml({ SchemaXml: fieldXml(f, this.lookupTarget(def, f.internalName, ids)), Options: ADD_FIELD_OPTIONS });
    }
    if (f.indexed || f.unique) await l.fields.getByInternalNameOrTitle(f.internalName).update({ Indexed: true }, "SP.Field");
    if (f.unique) await l.fields.getByInternalNameOrTitle(f.internalName).update({ EnforceUniqueValues: true }, "SP.Field");
  }

  private async addView(def: AnyListDef, url: string): Promise<void> {
    const v = def.views.find((x) => x.url === url)!;
    const l = this.list(this.sp, def);
    const fields = v.fields.map((p) => viewFieldName(def, p));
    if (v.default && /^AllItems\.aspx$/i.test(v.url)) {
      // Every custom list comes with its default view "AllItems.aspx": make it ours.
      const view = l.defaultView;
      await view.update({ Title: v.displayName, ViewQuery: viewQuery(def, v), RowLimit: v.rowLimit ?? 30 });
      await view.fields.removeAll();
      for (const name of fields) await view.fields.add(name);
      return;
    }
    // The page name comes from the title at creation; the Japanese title is set afterwards.
    const created = (await l.views.add(viewPageName(v), false, { ViewQuery: viewQuery(def, v), RowLimit: v.rowLimit ?? 30, DefaultView: !!v.default })) as { Id: string };
    const view = l.views.getById(created.Id);
    await view.update({ Title: v.displayName });
    // A new view starts with SharePoint's own columns: replace them with ours, in order.
    await view.fields.removeAll();
    for (const name of fields) await view.fields.add(name);
  }

  private async apply(step: SetupStep, ids: Map<string, string>): Promise<void> {
    switch (step.kind) {
      case "createList": {
        const def = this.defOf(step.list);
        // The URL comes from the title at creation (Lists/PD_Agreements); then the display name.
        const created = (await this.sp.web.lists.add(step.list, def.description, 100, false)) as { Id: string };
        ids.set(step.list, created.Id);
        await this.list(this.sp, def).update({ Title: def.displayName });
        for (const f of Object.values(def.fields)) await this.addField(def, f.internalName, ids);
        for (const v of def.views) await this.addView(def, v.url);
        return;
      }
      case "addField":
        return this.addField(this.defOf(step.list), step.field, ids);
      case "updateField": {
        const def = this.defOf(step.list);
        const f = Object.values(def.fields).find((x) => x.internalName === step.field)!;
        const patch: Record<string, unknown> = {};
        if (step.changes.includes("title")) patch.Title = f.displayName;
        if (step.changes.includes("required")) patch.Required = !!f.required;
        await this.list(this.sp, def).fields.getByInternalNameOrTitle(step.field).update(patch, "SP.Field");
        return;
      }
      case "addIndex":
        await this.list(this.sp, this.defOf(step.list)).fields.getByInternalNameOrTitle(step.field).update({ Indexed: true }, "SP.Field");
        return;
      case "addUnique":
        await this.list(this.sp, this.defOf(step.list)).fields.getByInternalNameOrTitle(step.field).update({ EnforceUniqueValues: true }, "SP.Field");
        return;
      case "addView":
        return this.addView(this.defOf(step.list), step.view);
      case "addViewFields": {
        const def = this.defOf(step.list);
        const v = def.views.find((x) => x.url === step.view)!;
        const l = this.list(this.sp, def);
        const view = v.default && /^AllItems\.aspx$/i.test(v.url) ? l.defaultView : l.views.getByTitle(v.displayName);
        for (const name of step.fields) await view.fields.add(name);
        return;
      }
      case "manual":
        return;
      case "recordVersion": {
        const items = this.list(this.sp, settingsList).items;
        const rows = (await items.select("Id").filter(`Title eq '${SCHEMA_VERSION_KEY}'`).top(1)()) as { Id: number }[];
        if (rows[0]) await items.getById(rows[0].Id).update({ SettingValue: String(step.to) });
        else await items.add({ Title: SCHEMA_VERSION_KEY, SettingValue: String(step.to) });
        return;
      }
    }
  }

  /** For the property pane: is `siteUrl` a site this product has been set up on? */
  static async check(sp: SPFI, siteUrl: string): Promise<SiteCheck> {
    try {
      const setup = new SiteSetup(sp, siteUrl);
      const plan = await setup.plan();
      if (plan.siteVersion === null) return { ok: false, reason: "notSetUp" };
      if (plan.siteVersion < plan.appVersion) return { ok: true, reason: "needsUpgrade", siteVersion: plan.siteVersion, appVersion: plan.appVersion };
      return { ok: true, siteVersion: plan.siteVersion, appVersion: plan.appVersion };
    } catch (e) {
      const err = toDataError(e);
      if (err.kind === "notFound") return { ok: false, reason: "noSite" };
      if (err.kind === "forbidden") return { ok: false, reason: "forbidden" };
      return { ok: false, reason: "unreachable", detail: err.message };
    }
  }
}
