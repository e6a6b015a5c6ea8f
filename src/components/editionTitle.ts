import * as common from "CommonStrings";
import { fmt } from "./format";

/**
 * A Form 3 (別紙③) edition's title in the screen's language, from its fiscal year and number:
 * the stored Japanese title (「2026年度 第1回 提案のマッチング・結果のフィードバック」) stays in the
 * data and in the issued documents; an English screen shows the same edition in English.
 */
export function editionTitle(edition: { fiscalYear: number; editionNo: number }): string {
  return fmt(common.EditionTitle, edition.fiscalYear, edition.editionNo);
}
