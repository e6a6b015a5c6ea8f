/**
 * Limits checked before a workbook (.xlsx, a zip) is unpacked: its central directory says
 * how large each part becomes, so a zip bomb (a few MB that inflate to a GB) or a sheet of
 * 100,000 rows is refused in milliseconds, before anything is inflated, instead of freezing
 * the page. ZIP64 archives (parts over 4 GB) are refused outright.
 */

export interface ZipLimits {
  /** All parts together, unpacked. */
  maxTotalBytes: number;
  /**
   * One worksheet's XML, unpacked. A row takes at least about 90 bytes of XML (two short cells),
   * so 6 MB cannot hold the 100,000-row sheets that froze the page, while a real register of a
   * thousand rows with long items (5 KB a row) still fits.
   */
  maxSheetBytes: number;
  maxEntries: number;
  maxSheets: number;
}

export const WORKBOOK_LIMITS: ZipLimits = { maxTotalBytes: 80 * 1024 * 1024, maxSheetBytes: 6 * 1024 * 1024, maxEntries: 2000, maxSheets: 50 };

export type ZipRefusal = { code: "notZip" } | { code: "tooLargeUnpacked"; limit: number } | { code: "tooManySheets"; limit: number } | { code: "sheetTooLarge"; limit: number; sheet: string };

export interface ZipEntry {
  name: string;
  unpacked: number;
  packed: number;
}

/** The central directory's entries, or null when the bytes are not a (non-ZIP64) zip. */
export function zipEntries(bytes: Uint8Array): ZipEntry[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // End of central directory: 22 bytes plus a comment of at most 65,535, at the very end.
  const min = Math.max(0, bytes.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= min; i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = view.getUint16(eocd + 10, true);
  const size = view.getUint32(eocd + 12, true);
  const offset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff || offset + size > bytes.length) return null;
  const out: ZipEntry[] = [];
  let p = offset;
  const decoder = new TextDecoder();
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== 0x02014b50) return null;
    const packed = view.getUint32(p + 20, true);
    const unpacked = view.getUint32(p + 24, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    if (packed === 0xffffffff || unpacked === 0xffffffff) return null;
    out.push({ name: decoder.decode(bytes.subarray(p + 46, p + 46 + nameLen)), unpacked, packed });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/** Why a workbook must not be unpacked, or null when it is within the limits. */
export function checkWorkbookZip(bytes: Uint8Array, limits: ZipLimits = WORKBOOK_LIMITS): ZipRefusal | null {
  const entries = zipEntries(bytes);
  if (!entries) return { code: "notZip" };
  if (entries.length > limits.maxEntries) return { code: "tooLargeUnpacked", limit: limits.maxTotalBytes };
  const total = entries.reduce((s, e) => s + e.unpacked, 0);
  if (total > limits.maxTotalBytes) return { code: "tooLargeUnpacked", limit: limits.maxTotalBytes };
  const sheets = entries.filter((e) => /^xl\/worksheets\/[^/]+\.xml$/i.test(e.name));
  if (sheets.length > limits.maxSheets) return { code: "tooManySheets", limit: limits.maxSheets };
  const big = sheets.find((e) => e.unpacked > limits.maxSheetBytes);
  if (big) return { code: "sheetTooLarge", limit: limits.maxSheetBytes, sheet: big.name };
  return null;
}
