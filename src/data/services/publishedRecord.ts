import type * as D from "../../domain/types";
import { DataError, IPartnershipData } from "../contracts";
import { parsePublishedRecord, PublishedRecord } from "../../domain/submissions";

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
