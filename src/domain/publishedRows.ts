/**
 * 公表済 comes from the publication (issue 31). The product never stores a row as published:
 * publishing freezes the year's handed-in rows into the publication's file, and a row is shown
 * as published because that file includes it. A department may still write, into its own
 * submission folder while it is open (a folder reopened after publication for a late report),
 * a row whose 状態 says 公表済. Such a row is not published: it is not counted, not shown, not
 * published again in a later edition, and the coordinator is shown it as an anomaly.
 */

/** What a publication includes: the ids of the rows frozen in its file. */
export interface PublishedIds {
  rows: ReadonlyArray<{ id: number }>;
}

/**
 * Splits a year's rows into those that count and those stored as 公表済 that the year's
 * publication (null: none yet, or none whose file could be read) does not include.
 */
export function splitPublishedClaims<T extends { id: number; status: string }>(rows: readonly T[], published: PublishedIds | null): { counted: T[]; unpublished: T[] } {
  const frozen = new Set((published?.rows ?? []).map((r) => r.id));
  const counted: T[] = [];
  const unpublished: T[] = [];
  for (const r of rows) (r.status === "published" && !frozen.has(r.id) ? unpublished : counted).push(r);
  return { counted, unpublished };
}
