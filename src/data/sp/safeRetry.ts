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
 * - A request digest asked for while one for the same site is on its way shares that answer:
 *   PnPjs's RequestDigest caches a digest only once it has arrived, so two batches starting
 *   together (a web part's first reads) each POSTed /_api/contextinfo.
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
      let shared = digestsOnTheirWay.get(key);
      if (!shared) {
        shared = send(u, init);
        digestsOnTheirWay.set(key, shared);
        const forget = (): void => void digestsOnTheirWay.delete(key);
        shared.then(forget, forget);
      }
      // Each caller reads its own copy of the one answer.
      return (await shared).clone();
    });
    return instance;
  };
}

/** Digest requests on their way, by site and caller (the headers but PnPjs's per-request id). */
const digestsOnTheirWay = new Map<string, Promise<Response>>();
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
