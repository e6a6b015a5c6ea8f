import { DataError, DataErrorKind, isDataError } from "../contracts";

interface HttpLikeError {
  status?: number;
  statusCode?: number;
  message?: string;
  response?: { status?: number };
}

/**
 * Turns whatever PnPjs or fetch threw into a DataError the UI can explain. PnPjs puts
 * SharePoint's JSON error text into the message; the SharePoint error code decides the kind.
 */
export function toDataError(e: unknown): DataError {
  if (isDataError(e)) return e;
  const err = (e ?? {}) as HttpLikeError;
  const status = err.status ?? err.statusCode ?? err.response?.status;
  const message = err.message ?? String(e);
  let kind: DataErrorKind = "unknown";
  if (status === 412) kind = "conflict";
  else if (/SPQueryThrottledException|exceeds the list view threshold/.test(message)) kind = "threshold";
  else if (/SPDuplicateValuesFoundException/.test(message)) kind = "duplicate";
  else if (status === 403 || status === 401) kind = "forbidden";
  else if (status === 404) kind = "notFound";
  else if (status === 429 || status === 503 || status === 504 || /Retry count exceeded/.test(message)) kind = "throttled";
  else if (status === 400) kind = "validation";
  else if (status === undefined && /fetch failed|Failed to fetch|NetworkError|socket|ECONNRESET|terminated|network/i.test(message)) kind = "network";
  return new DataError(kind, message, status);
}
