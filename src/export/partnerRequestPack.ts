import type { CityProposal, IsoDate, Partner, PartnershipItem } from "../domain/types";
import { formatEraFiscalYear } from "../domain/calendar";
import { LetterInput, partnerFileStem, RequestContact, RequestForm, requestLetter, safeFileName, uniqueStems } from "../domain/partnerRequests";
import { buildAnswersWorkbook, buildForm1Workbook } from "./cycleWorkbooks";
import type { ExcelModule } from "./excel";
import { buildEml } from "./eml";
import { buildZip } from "./zipWriter";

/**
 * All partners' requests for one call in one zip (issue 33, point 4): per partner the form's
 * workbook (別紙① to fill in, or 別紙② listing the city's proposals to answer) and a mail
 * draft (.eml) with the letter addressed to that partner and the workbook attached; and the
 * letter itself as text for the file (依頼文, 宛名「各位」). Loaded lazily with exceljs.
 */

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export interface PackPartner {
  partner: Partner;
  /** Form 1: the items the partner's agreements list. */
  items: PartnershipItem[];
  /** Form 2: the city's submitted proposals to this partner. */
  proposals: CityProposal[];
}

export interface PackInput {
  form: RequestForm;
  fiscalYear: number;
  deadline: IsoDate;
  today: IsoDate;
  contact: RequestContact;
  partners: PackPartner[];
  /** Form 2: 「第3号 子育て支援に関すること」 for a proposal. */
  itemTitle: (p: CityProposal) => string;
}

export interface Pack {
  fileName: string;
  zip: Uint8Array;
  /** The names inside, in order (for the screen and the tests). */
  entries: string[];
}

/** The zip's name: 「別紙1_令和9年度_企業等への依頼一式.zip」. */
export function packFileName(form: RequestForm, fiscalYear: number): string {
  return `${safeFileName(`${form === "form1" ? "別紙1" : "別紙2"}_${formatEraFiscalYear(fiscalYear)}_企業等への依頼一式`)}.zip`;
}

/** The letter as a Windows-friendly text file: CRLF, with a BOM so Notepad and older editors read UTF-8. */
export function letterText(body: string): string {
  return `\uFEFF${body.replace(/\r?\n/g, "\r\n")}\r\n`;
}

export async function buildPartnerRequestPack(excel: ExcelModule, input: PackInput): Promise<Pack> {
  const { form, fiscalYear, deadline, today, contact } = input;
  const base: Omit<LetterInput, "partner"> = { form, fiscalYear, deadline, date: today, contact };
  const files: Array<{ name: string; data: Uint8Array | string }> = [];
  const letterName = `${safeFileName(`依頼文_${form === "form1" ? "別紙1" : "別紙2"}_${formatEraFiscalYear(fiscalYear)}`)}.txt`;
  files.push({ name: letterName, data: letterText(requestLetter({ ...base, partner: null }).body) });
  const stems = uniqueStems(input.partners.map((p) => partnerFileStem(form, fiscalYear, p.partner.name)));
  for (const [i, { partner, items, proposals }] of input.partners.entries()) {
    const workbook = new Uint8Array(
      form === "form1" ? await buildForm1Workbook(excel, partner.name, fiscalYear, items) : await buildAnswersWorkbook(excel, partner.name, fiscalYear, proposals, input.itemTitle),
    );
    const letter = requestLetter({ ...base, partner: { name: partner.name, kind: partner.kind, contactName: partner.contactName }, proposalCount: form === "form2" ? proposals.length : undefined });
    const xlsxName = `${stems[i]}.xlsx`;
    files.push({ name: xlsxName, data: workbook });
    const eml = buildEml(
      {
        to: partner.contactEmail.trim() ? { address: partner.contactEmail.trim(), name: partner.contactName.trim() ? `${partner.name} ${partner.contactName.trim()} 様` : partner.name } : null,
        subject: letter.subject,
        body: letter.body,
        attachments: [{ name: xlsxName, mime: XLSX, data: workbook }],
      },
      String(i + 1),
    );
    files.push({ name: `${stems[i]}.eml`, data: eml });
  }
  return { fileName: packFileName(form, fiscalYear), zip: buildZip(files), entries: files.map((f) => f.name) };
}
