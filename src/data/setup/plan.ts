import type { AnyListDef, FieldDef, ViewDef } from "../schema/fieldTypes";
import { listUrlName } from "../schema/listSchema";
import { typeAsString, viewFieldName, viewQuery } from "./fieldXml";

/**
 * What the site setup sees on a site and what it would do there. Pure: the plan is a
 * difference between the schema and what SharePoint reported, so a second run after a
 * complete one is empty, and a run cut short by a fault is finished by the next one.
 */

export interface ObservedField {
  internalName: string;
  title: string;
  typeAsString: string;
  required: boolean;
  indexed: boolean;
  unique: boolean;
}

export interface ObservedView {
  id: string;
  title: string;
  /** File name of the view page, e.g. "AllItems.aspx". */
  fileName: string;
  defaultView: boolean;
  fields: string[];
}

export interface ObservedList {
  id: string;
  title: string;
  fields: ObservedField[];
  views: ObservedView[];
}

export interface ObservedSite {
  /** By list URL name (e.g. "PD_Agreements"); absent lists are not set. */
  lists: Record<string, ObservedList | undefined>;
  /** The schema version recorded by the last complete setup, or null (never set up). */
  recordedVersion: number | null;
}

export type SetupStep =
  | { kind: "createList"; list: string; displayName: string; fieldCount: number; viewCount: number }
  | { kind: "addField"; list: string; field: string; displayName: string }
  | { kind: "updateField"; list: string; field: string; displayName: string; changes: ("title" | "required")[] }
  | { kind: "addIndex"; list: string; field: string; displayName: string }
  | { kind: "addUnique"; list: string; field: string; displayName: string }
  | { kind: "addView"; list: string; view: string; displayName: string }
  | { kind: "addViewFields"; list: string; view: string; displayName: string; fields: string[] }
  | { kind: "manual"; list: string; field: string; displayName: string; reason: "typeDiffers"; found: string; expected: string }
  | { kind: "recordVersion"; from: number | null; to: number };

export interface SetupPlan {
  appVersion: number;
  siteVersion: number | null;
  /** What setup will do, in order (lookup targets first). */
  steps: SetupStep[];
  /** True when nothing needs doing (manual steps aside). */
  upToDate: boolean;
}

/** The column whose type this schema expects, as SharePoint names it. */
const expectedType = (f: FieldDef): string => typeAsString(f);

function sameView(v: ViewDef, o: ObservedView): boolean {
  return o.fileName.toLowerCase() === v.url.toLowerCase();
}

export function planSetup(lists: readonly AnyListDef[], site: ObservedSite, appVersion: number): SetupPlan {
  const steps: SetupStep[] = [];
  for (const def of lists) {
    const name = listUrlName(def);
    const found = site.lists[name];
    if (!found) {
      steps.push({ kind: "createList", list: name, displayName: def.displayName, fieldCount: Object.keys(def.fields).length, viewCount: def.views.length });
      continue;
    }
    const byName = new Map(found.fields.map((f) => [f.internalName.toLowerCase(), f]));
    for (const f of Object.values(def.fields)) {
      const o = byName.get(f.internalName.toLowerCase());
      const field = f.internalName;
      const displayName = f.displayName;
      if (!o) {
        steps.push({ kind: "addField", list: name, field, displayName });
        continue;
      }
      if (o.typeAsString !== expectedType(f)) {
        // Never retype a column that may hold data: the site owner decides.
        steps.push({ kind: "manual", list: name, field, displayName, reason: "typeDiffers", found: o.typeAsString, expected: expectedType(f) });
        continue;
      }
      const changes: ("title" | "required")[] = [];
      if (f.internalName === "Title" && o.title !== f.displayName) changes.push("title");
      if (!!f.required !== o.required) changes.push("required");
      if (changes.length) steps.push({ kind: "updateField", list: name, field, displayName, changes });
      if ((f.indexed || f.unique) && !o.indexed) steps.push({ kind: "addIndex", list: name, field, displayName });
      if (f.unique && !o.unique) steps.push({ kind: "addUnique", list: name, field, displayName });
    }
    for (const v of def.views) {
      const o = found.views.find((x) => sameView(v, x));
      if (!o) {
        steps.push({ kind: "addView", list: name, view: v.url, displayName: v.displayName });
        continue;
      }
      const have = new Set(o.fields.map((x) => x.toLowerCase()));
      const missing = v.fields.map((p) => viewFieldName(def, p)).filter((x) => !have.has(x.toLowerCase()));
      if (missing.length) steps.push({ kind: "addViewFields", list: name, view: v.url, displayName: v.displayName, fields: missing });
    }
  }
  const needsWork = steps.some((s) => s.kind !== "manual");
  const behind = site.recordedVersion === null || site.recordedVersion < appVersion;
  if (needsWork || behind) steps.push({ kind: "recordVersion", from: site.recordedVersion, to: appVersion });
  return { appVersion, siteVersion: site.recordedVersion, steps, upToDate: !steps.some((s) => s.kind !== "manual") };
}

/** The view's query as the setup writes it (exported for the backend's comparison test). */
export { viewQuery };
