import type * as D from "../../domain/types";
import { DataError, IPartnershipData, read } from "../contracts";
import { parsePublishedRecord, PublishedRecord } from "../../domain/submissions";
import { splitPublishedClaims } from "../../domain/publishedRows";

/** The published file of an edition, attached to its publication. */
export const publicationFileName = (fiscalYear: number, edition: number): string => `results-${fiscalYear}-${edition}.json`;

/** The latest edition whose file could be read (an edition cut short before its file was attached is skipped), or null. */
export async function readPublishedRecord(data: IPartnershipData, pubs: readonly D.Publication[]): Promise<PublishedRecord | null> {
  for (const p of [...pubs].sort((a, b) => b.edition - a.edition)) {
    try {
      const rec = parsePublishedRecord(await data.publications.readAttachment(p.id, publicationFileName(p.fiscalYear, p.edition)));
      if (rec) return rec;
    } catch (e) {
      if ((e as DataError).kind !== "notFound") throw e;
    }
  }
  return null;
}

/**
 * Results rows of any years without those stored as 公表済 that their year's publication does not
 * include (domain/publishedRows.ts). Only a year with such a claim reads its publications (one
 * batch) and its published file: a read of rows without any 公表済 costs nothing more.
 */
export async function withoutUnpublishedClaims(data: IPartnershipData, rows: D.ResultReport[]): Promise<D.ResultReport[]> {
  const years = [...new Set(rows.filter((r) => r.status === "published").map((r) => r.fiscalYear))];
  if (years.length === 0) return rows;
  const pubs = await data.readMany(Object.fromEntries(years.map((y) => [`y${y}`, read(data.publications, { where: [{ prop: "fiscalYear", op: "eq", value: y }] })])));
  const records = new Map(await Promise.all(years.map(async (y) => [y, await readPublishedRecord(data, pubs[`y${y}`])] as const)));
  return rows.filter((r) => r.status !== "published" || splitPublishedClaims([r], records.get(r.fiscalYear) ?? null).counted.length === 1);
}
