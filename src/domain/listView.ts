/**
 * A list's view as Microsoft Lists keeps it: a filter per column (the values chosen in its
 * 「次で絞り込む」), the column it is sorted by and the columns shown. Each user keeps their own
 * view of a list, in the browser (localStorage), keyed by site, list and user, so one clerk's
 * view never changes another's and a view saved on one site is not applied to another's list.
 * Pure: the React side reads and writes the storage.
 */

export interface ListSort {
  key: string;
  desc: boolean;
}

export interface ListView {
  /** By column key: the values a row must have one of (a column without values is not filtered). */
  filters: Record<string, string[]>;
  /** null: the list's own default order. */
  sort: ListSort | null;
  /** The keys of the columns hidden (empty: all shown). */
  hidden: string[];
}

export const defaultListView = (): ListView => ({ filters: {}, sort: null, hidden: [] });

/** Whether a view differs from the default (nothing filtered, default order, every column). */
export function isDefaultView(v: ListView): boolean {
  return Object.values(v.filters).every((x) => x.length === 0) && v.sort === null && v.hidden.length === 0;
}

/** The rows whose value in every filtered column is one chosen (a row may have several, e.g. 連名の企業等). */
export function applyColumnFilters<T>(rows: readonly T[], filters: Record<string, string[]>, valuesOf: (row: T, key: string) => readonly string[]): T[] {
  const active = Object.entries(filters).filter(([, vs]) => vs.length > 0);
  if (active.length === 0) return [...rows];
  const sets = active.map(([k, vs]) => [k, new Set(vs)] as const);
  return rows.filter((r) => sets.every(([k, set]) => valuesOf(r, k).some((v) => set.has(v))));
}

export interface FilterOption {
  value: string;
  /** How many rows have it, among the rows that pass the other columns' filters (as Lists counts them). */
  count: number;
}

/**
 * The values a column's filter offers: every value its rows have, among the rows the other
 * columns' filters leave, plus any value already chosen (so a choice can always be undone),
 * in the order `order` gives (default: Japanese text order; "" — empty — last).
 */
export function columnFilterOptions<T>(
  rows: readonly T[],
  key: string,
  filters: Record<string, string[]>,
  valuesOf: (row: T, key: string) => readonly string[],
  order: (a: string, b: string) => number = (a, b) => a.localeCompare(b, "ja"),
): FilterOption[] {
  const others = Object.fromEntries(Object.entries(filters).filter(([k]) => k !== key));
  const counts = new Map<string, number>();
  for (const r of applyColumnFilters(rows, others, valuesOf)) for (const v of new Set(valuesOf(r, key))) counts.set(v, (counts.get(v) ?? 0) + 1);
  for (const v of filters[key] ?? []) if (!counts.has(v)) counts.set(v, 0);
  return [...counts.entries()].map(([value, count]) => ({ value, count })).sort((a, b) => (a.value === "" ? 1 : b.value === "" ? -1 : order(a.value, b.value)));
}

/** The storage key of one user's view of one list on one site (site URLs compared without case or trailing slash). */
export function listViewStorageKey(siteUrl: string, list: string, user: string): string {
  return `pd:view:${siteUrl.replace(/\/+$/, "").toLowerCase()}|${list}|${user.toLowerCase()}`;
}

/** A view as stored. */
export function listViewText(v: ListView): string {
  const filters = Object.fromEntries(Object.entries(v.filters).filter(([, vs]) => vs.length > 0));
  return JSON.stringify({ v: 1, filters, sort: v.sort, hidden: v.hidden });
}

/**
 * A stored view read back for a list with these columns: what is not a column of the list now
 * (a column since removed) or not well formed is left out; null when nothing usable was stored.
 */
export function parseListView(text: string | null | undefined, columnKeys: readonly string[]): ListView | null {
  if (!text) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  if (!raw || typeof raw !== "object") return null;
  const o = raw as { v?: unknown; filters?: unknown; sort?: unknown; hidden?: unknown };
  if (o.v !== 1) return null;
  const known = new Set(columnKeys);
  const filters: Record<string, string[]> = {};
  if (o.filters && typeof o.filters === "object") {
    for (const [k, vs] of Object.entries(o.filters as Record<string, unknown>)) {
      if (!known.has(k) || !Array.isArray(vs)) continue;
      const values = vs.filter((x): x is string => typeof x === "string");
      if (values.length) filters[k] = [...new Set(values)];
    }
  }
  const s = o.sort as { key?: unknown; desc?: unknown } | null | undefined;
  const sort = s && typeof s === "object" && typeof s.key === "string" && known.has(s.key) ? { key: s.key, desc: s.desc === true } : null;
  const hidden = Array.isArray(o.hidden) ? [...new Set(o.hidden.filter((x): x is string => typeof x === "string" && known.has(x)))] : [];
  // Never every column hidden: a list with no column shows nothing to click.
  return { filters, sort, hidden: hidden.length >= columnKeys.length ? [] : hidden };
}
