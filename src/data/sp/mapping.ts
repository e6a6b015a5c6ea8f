import type { Draft, LookupRef, PersonRef, Stored } from "../../domain/types";
import type { AnyListDef, FieldDef, ListDef } from "../schema/fieldTypes";

/**
 * Wire shape <-> domain shape, driven by the list schema. `ListItemInfo` is the JSON
 * SharePoint returns for an item (JSON light or verbose); domain objects never see it.
 */

export type ListItemInfo = Record<string, unknown>;

/** The city's offset from UTC: Japan keeps no daylight saving time. */
const CITY_OFFSET_MS = 9 * 60 * 60 * 1000;

/** A stored date/time as the calendar date in the city (YYYY-MM-DD). */
export function toCityDate(value: unknown): string | null {
  if (typeof value !== "string" || value === "") return null;
  if (/^\d{4}-\d\d-\d\d$/.test(value)) return value;
  const t = Date.parse(value);
  if (isNaN(t)) return null;
  return new Date(t + CITY_OFFSET_MS).toISOString().slice(0, 10);
}

/** A calendar date written to a date-only column (the site's regional setting is Tokyo). */
export function fromCityDate(date: string | null): string | null {
  return date ? `${date}T00:00:00Z` : null;
}

export interface SelectSpec {
  select: string[];
  expand: string[];
}

/** Only the columns the mapper reads: Id, Modified, each field, lookups projected to Id/Title. */
export function selectFor(def: AnyListDef): SelectSpec {
  const select = ["Id", "Modified"];
  const expand: string[] = [];
  for (const f of Object.values(def.fields)) {
    if (f.kind === "lookup" || f.kind === "lookupMulti") {
      select.push(`${f.internalName}/Id`, `${f.internalName}/Title`);
      expand.push(f.internalName);
    } else if (f.kind === "user") {
      select.push(`${f.internalName}/Id`, `${f.internalName}/Title`, `${f.internalName}/EMail`);
      expand.push(f.internalName);
    } else {
      select.push(f.internalName);
    }
  }
  return { select, expand };
}

export function etagOf(info: ListItemInfo): string {
  const meta = info.__metadata as { etag?: string } | undefined;
  const e = (info["odata.etag"] as string | undefined) ?? meta?.etag;
  return e ?? "*";
}

const results = (v: unknown): unknown[] => {
  if (Array.isArray(v)) return v;
  if (v && typeof v === "object" && Array.isArray((v as { results?: unknown[] }).results)) return (v as { results: unknown[] }).results;
  return [];
};

function toLookup(v: unknown): LookupRef | null {
  if (!v || typeof v !== "object") return null;
  const o = v as { Id?: unknown; Title?: unknown };
  return typeof o.Id === "number" ? { id: o.Id, title: typeof o.Title === "string" ? o.Title : "" } : null;
}

function toPerson(v: unknown): PersonRef | null {
  const l = toLookup(v);
  if (!l) return null;
  const e = (v as { EMail?: unknown }).EMail;
  return { ...l, email: typeof e === "string" ? e : "" };
}

function readField(f: FieldDef, info: ListItemInfo): unknown {
  const v = info[f.internalName];
  switch (f.kind) {
    case "text":
    case "note":
      return typeof v === "string" ? v : "";
    case "number":
      return typeof v === "number" ? v : null;
    case "boolean":
      return typeof v === "boolean" ? v : f.defaultValue;
    case "date":
      return toCityDate(v);
    case "dateTime":
      return typeof v === "string" && v !== "" ? v : null;
    case "choice": {
      const entry = Object.entries(f.choices).find(([, label]) => label === v);
      return entry ? entry[0] : f.defaultValue;
    }
    case "lookup":
      return toLookup(v);
    case "lookupMulti":
      return results(v).map(toLookup).filter((x): x is LookupRef => x !== null);
    case "user":
      return toPerson(v);
  }
}

export function fromListItem<T extends Stored>(def: ListDef<T> | AnyListDef, info: ListItemInfo): T {
  const out: Record<string, unknown> = {
    id: info.Id ?? info.ID,
    etag: etagOf(info),
    modified: typeof info.Modified === "string" ? info.Modified : "",
  };
  for (const [prop, f] of Object.entries(def.fields as Record<string, FieldDef>)) out[prop] = readField(f, info);
  return out as unknown as T;
}

function writeField(f: FieldDef, value: unknown): [string, unknown] {
  switch (f.kind) {
    case "lookup":
    case "user":
      return [`${f.internalName}Id`, value && typeof value === "object" ? (value as LookupRef).id : null];
    case "lookupMulti":
      return [`${f.internalName}Id`, Array.isArray(value) ? (value as LookupRef[]).map((x) => x.id) : []];
    case "choice":
      return [f.internalName, f.choices[value as string] ?? f.choices[f.defaultValue]];
    case "date":
      return [f.internalName, fromCityDate((value as string | null) ?? null)];
    case "dateTime":
      return [f.internalName, value === "" ? null : (value ?? null)];
    case "text":
    case "note":
      return [f.internalName, value ?? ""];
    default:
      return [f.internalName, value ?? null];
  }
}

/** The REST body for an add or update; only the properties present in `draft` are written. */
export function toListValues<T extends Stored>(def: ListDef<T> | AnyListDef, draft: Partial<Draft<T>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const fields = def.fields as Record<string, FieldDef>;
  for (const [prop, value] of Object.entries(draft as Record<string, unknown>)) {
    const f = fields[prop];
    if (!f || value === undefined || f.builtIn) continue;
    const [k, v] = writeField(f, value);
    out[k] = v;
  }
  return out;
}
