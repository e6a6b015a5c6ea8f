/** SharePoint-shaped errors: the status, the SP error code and the English message SharePoint sends. */
export class SpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const notFound = (what: string): SpError =>
  new SpError(404, "-2130575322, Microsoft.SharePoint.SPException", `${what} does not exist. It may have been deleted by another user.`);

export const accessDenied = (): SpError =>
  new SpError(
    403,
    "-2147024891, System.UnauthorizedAccessException",
    "Access denied. You do not have permission to perform this action or access this resource.",
  );

export const badRequest = (message: string): SpError =>
  new SpError(400, "-1, Microsoft.SharePoint.Client.InvalidClientQueryException", message);

export const throttled = (): SpError =>
  new SpError(
    500,
    "-2147024860, Microsoft.SharePoint.SPQueryThrottledException",
    "The attempted operation is prohibited because it exceeds the list view threshold.",
  );

/**
 * A query joining more than 12 lookup or person columns (its $expand; Author and Editor count) is
 * refused by SharePoint Online's list view lookup threshold — sp-dev-docs#1521 ("12 lookup
 * limitation"), sp-dev-docs#4660 and pnp/pnpjs#2721 quote the message; one item by id is not.
 */
export const LOOKUP_THRESHOLD = 12;
export const lookupThrottled = (): SpError =>
  new SpError(
    500,
    "-2147024860, Microsoft.SharePoint.SPQueryThrottledException",
    "The query cannot be completed because the number of lookup columns it contains exceeds the lookup column threshold enforced by the administrator.",
  );

export type MetadataLevel = "verbose" | "minimal" | "none";

export function metadataLevel(accept: string | undefined): MetadataLevel {
  const a = (accept ?? "").toLowerCase();
  if (a.includes("odata=verbose")) return "verbose";
  if (a.includes("odata=nometadata")) return "none";
  return "minimal";
}

/** SharePoint answers verbose requests with `error`, JSON-light ones with `odata.error`. */
export function errorBody(e: SpError, level: MetadataLevel): string {
  const inner = { code: e.code, message: { lang: "en-US", value: e.message } };
  return JSON.stringify(level === "verbose" ? { error: inner } : { "odata.error": inner });
}
