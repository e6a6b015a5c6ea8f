import type { Queryable } from "@pnp/queryable";
import { delay } from "@pnp/core";
import { DataError } from "../contracts";
import { noteSending } from "./requestsSent";

/**
 * How requests are sent and retried, replacing PnPjs' (and SPFx's) fetch-with-retry, which
 * re-sends any request whose answer was lost — so a write SharePoint had already committed
 * was written twice (a Form 1 import of 5 rows made 10).
 *
 * - 429 and 503/504 are retried after Retry-After (or a doubling wait): SharePoint refused
 *   the request before doing anything, so sending it again is safe
 *   (learn.microsoft.com, "Avoid getting throttled or blocked in SharePoint Online").
 * - A request that got no answer (connection dropped, server gone) is retried only when it
 *   cannot have changed anything: a GET, or a `$batch` of GETs only. A write is never
 *   re-sent: it fails with kind "network" and `outcomeUnknown`, and the caller reads back
 *   what exists (each kind of write has a key or a reconciliation, see docs/quality.md).
 * - A request digest asked for while one for the same site and caller is on its way, or has
 *   arrived and is still valid, shares that answer: PnPjs's RequestDigest caches a digest only
 *   once it has read the answer, and it starts every request on a timer, so a batch whose digest
 *   step ran after the answer came in but before PnPjs had read it (two batches starting together
 *   on a loaded machine, a web part's first reads) POSTed /_api/contextinfo again. The answer is
 *   kept for the FormDigestTimeoutSeconds it states, counted from its arrival (so never longer
 *   than PnPjs keeps the digest); a failed answer is not kept.
 */
export function SafeRetry(props: { retries?: number; interval?: number } = {}): (instance: Queryable) => Queryable {
  const retries = props.retries ?? 3;
  const interval = props.interval ?? 200;

  async function send(u: string, init: RequestInit): Promise<Response> {
    const readOnly = isReadOnly(u, init);
    let wait = interval;
    for (let attempt = 0; ; attempt++) {
      let response: Response;
      try {
        response = await fetch(u, init);
      } catch (err) {
        if (/AbortError/.test((err as Error)?.name ?? "")) throw err;
        if (!readOnly) throw new DataError("network", `No answer to a write (${init.method ?? "POST"} ${u}); it may or may not have been saved`, 0, [], { outcomeUnknown: true });
        if (attempt >= retries) throw err;
        await delay(wait);
        wait *= 2;
        continue;
      }
      if ((response.status === 429 || response.status === 503 || response.status === 504) && attempt < retries) {
        const after = Number(response.headers.get("Retry-After"));
        await delay(Number.isFinite(after) && after > 0 ? after * 1000 : wait);
        wait *= 2;
        continue;
      }
      return response;
    }
  }

  return (instance: Queryable) => {
    instance.on.send.clear();
    instance.on.send(async function (url: URL, init: RequestInit): Promise<Response> {
      const u = url.toString();
      noteSending(u);
      if (!/\/_api\/contextinfo$/i.test(u) || (init.method ?? "GET").toUpperCase() !== "POST") return send(u, init);
      const key = digestKey(u, init);
      let shared = digests.get(key);
      if (shared && shared.validUntil !== undefined && Date.now() >= shared.validUntil) {
        digests.delete(key);
        shared = undefined;
      }
      if (!shared) {
        const entry: SharedDigest = { answer: readAnswer(send(u, init)) };
        digests.set(key, entry);
        const forget = (): void => {
          if (digests.get(key) === entry) digests.delete(key);
        };
        entry.answer.then((a) => {
          const seconds = a.status >= 200 && a.status < 300 ? digestSeconds(a.body) : 0;
          if (seconds > 0) entry.validUntil = Date.now() + seconds * 1000;
          else forget();
        }, forget);
        shared = entry;
      }
      // Each caller reads its own copy of the one answer.
      const a = await shared.answer;
      return new Response(a.status === 204 || a.status === 205 || a.status === 304 ? null : a.body, { status: a.status, statusText: a.statusText, headers: a.headers });
    });
    return instance;
  };
}

interface DigestAnswer {
  status: number;
  statusText: string;
  headers: Array<[string, string]>;
  body: string;
}
/** A digest request on its way, or its answer while the digest it holds is valid (`validUntil`, ms). */
interface SharedDigest {
  answer: Promise<DigestAnswer>;
  validUntil?: number;
}

async function readAnswer(response: Promise<Response>): Promise<DigestAnswer> {
  const r = await response;
  const headers: Array<[string, string]> = [];
  r.headers.forEach((value, name) => headers.push([name, value]));
  return { status: r.status, statusText: r.statusText, headers, body: await r.text() };
}

/** FormDigestTimeoutSeconds of a /_api/contextinfo answer (nometadata or verbose JSON); 0 when it has none. */
function digestSeconds(body: string): number {
  try {
    const json = JSON.parse(body) as { FormDigestTimeoutSeconds?: unknown; d?: { GetContextWebInformation?: { FormDigestTimeoutSeconds?: unknown } } };
    const seconds = Number(json.FormDigestTimeoutSeconds ?? json.d?.GetContextWebInformation?.FormDigestTimeoutSeconds);
    return Number.isFinite(seconds) && seconds > 0 ? seconds : 0;
  } catch {
    return 0;
  }
}

/** Digest requests on their way or answered, by site and caller (the headers but PnPjs's per-request id). */
const digests = new Map<string, SharedDigest>();
function digestKey(url: string, init: RequestInit): string {
  const headers = Object.entries((init.headers ?? {}) as Record<string, string>).filter(([k]) => k.toLowerCase() !== "x-pnpjs-requestid");
  return `${url}\n${JSON.stringify(headers.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))}`;
}

/** A GET, or a $batch whose parts are all GETs (no changeset): safe to send again. */
export function isReadOnly(url: string, init: RequestInit): boolean {
  const method = (init.method ?? "GET").toUpperCase();
  if (method === "GET" || method === "HEAD") return true;
  if (/\/_api\/\$batch(\?|$)/i.test(url) && typeof init.body === "string") return !/changeset_/i.test(init.body);
  return false;
}
