import type { LookupRef } from "./types";

export interface CountRow {
  key: number;
  label: string;
  count: number;
}

/** Counts rows per lookup value, largest first, ties by label (Japanese collation). */
export function countBy<T>(rows: T[], pick: (r: T) => LookupRef | null): CountRow[] {
  const m = new Map<number, CountRow>();
  for (const r of rows) {
    const ref = pick(r);
    if (!ref) continue;
    const row = m.get(ref.id) ?? { key: ref.id, label: ref.title, count: 0 };
    row.count++;
    m.set(ref.id, row);
  }
  return [...m.values()].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, "ja"));
}
