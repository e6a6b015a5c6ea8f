import * as common from "CommonStrings";
import { formatEraDateAndTime, formatEraFiscalYear } from "../domain/calendar";
/** Fills {0}, {1}… in a localized template. */
export function fmt(template: string, ...args: Array<string | number>): string {
  return template.replace(/\{(\d+)\}/g, (m, i: string) => (args[Number(i)] !== undefined ? String(args[Number(i)]) : m));
}

/** A fiscal year as the screen's language says it: 「2026年度（令和8年度）」, "FY2026 (Apr 2026 – Mar 2027)". */
export function fiscalYearLabel(fy: number): string {
  return fmt(common.FiscalYearLabel, fy, formatEraFiscalYear(fy), fy + 1);
}

/** When a briefing (説明会) is, as the screen's language writes it: 「令和8年12月3日 午後2時から」, "2026-12-03 14:00". */
export function briefingWhen(date: string | null, time?: string): string {
  if (!date) return "";
  return common.DateStyle === "iso" ? (time ? `${date} ${time}` : date) : formatEraDateAndTime(date, time);
}
