import * as fs from "fs";

/**
 * Records the shapes of the calls the product sends to the local backend, for the catalog's
 * completeness check (docs/sharepoint-calls.md, "How completeness is checked").
 *
 * A shape is the effective verb (X-HTTP-Method or a $batch part's request line), the path
 * under `/_api/` (or Graph's path, or CSOM's endpoint) with list URLs, titles, ids, GUIDs and
 * other quoted or numeric values replaced by placeholders, and the names of the query options.
 * Only SharePoint requests sent by PnPjs (with an `X-ClientService-ClientTag` header) are
 * recorded: a test's raw `fetch` probing the backend is not a call of the product. Every Graph
 * request is recorded (the Graph client adds its `SdkVersion` header only for Graph's own hosts).
 *
 * Recording is on when `PD_RECORD_CALLS` names a file (jest's globalSetup sets it); each shape
 * is appended as one JSON line, once per process.
 */

export interface CallShape {
  /** "sp" (SharePoint REST), "graph" or "csom". */
  api: "sp" | "graph" | "csom";
  method: string;
  /** Normalised path, e.g. `web/getlist('{url}')/items({n})`. */
  path: string;
  /** Query option names, sorted (`$filter`, `$select`, …; parameter aliases as `@a1`). */
  query: string[];
}

/** `web/getList('/sites/partnership/Lists/PD_X')/items(12)` → `web/getlist('{url}')/items({n})`. */
export function normaliseSpPath(rest: string): string {
  let p = rest;
  try {
    p = decodeURIComponent(p);
  } catch {
    /* keep as sent */
  }
  p = p.replace(/^\/+/, "").replace(/\/+$/, "").toLowerCase();
  // guid'…' and bare GUIDs first, then quoted strings (SharePoint doubles a quote inside), then numbers.
  p = p.replace(/guid'[0-9a-f-]{36}'/g, "guid'{guid}'");
  p = p.replace(/'(?:[^']|'')*'/g, (m) => (m === "'{guid}'" ? m : m.startsWith("'/") || m.includes("/") ? "'{url}'" : "'{s}'"));
  p = p.replace(/guid'\{s\}'/g, "guid'{guid}'");
  p = p.replace(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/g, "{guid}");
  p = p.replace(/(?<![a-z_$.{])\d+(?![a-z_])/g, "{n}");
  p = p.replace(/=(true|false)\b/g, "={b}");
  p = p.replace(/\(\)$/, "");
  return p;
}

const GRAPH_COLLECTIONS = new Set(["teams", "channels", "messages", "replies", "users", "groups", "chats", "sites", "drives", "items", "members"]);

/** `/v1.0/teams/abc/channels/19:x@thread.tacv2/messages` → `/teams/{id}/channels/{id}/messages`. */
export function normaliseGraphPath(path: string): string {
  let p = path;
  try {
    p = decodeURIComponent(p);
  } catch {
    /* keep */
  }
  const segs = p.replace(/^\/+/, "").split("/").filter(Boolean);
  if (segs[0] && /^(v1\.0|beta)$/i.test(segs[0])) segs.shift();
  const out: string[] = [];
  segs.forEach((s, i) => {
    const prev = i > 0 ? segs[i - 1].toLowerCase() : "";
    out.push(GRAPH_COLLECTIONS.has(prev) && !GRAPH_COLLECTIONS.has(s.toLowerCase()) ? "{id}" : s.toLowerCase());
  });
  return "/" + out.join("/");
}

export function queryNames(search: URLSearchParams): string[] {
  return [...new Set([...search.keys()].map((k) => k.toLowerCase()))].sort();
}

/** The shape of one request, or null when it is not an API call. */
export function shapeOf(method: string, url: URL, overrideMethod?: string): CallShape | null {
  const verb = (overrideMethod && method.toUpperCase() === "POST" ? overrideMethod : method).toUpperCase();
  const sp = /^\/sites\/[^/]+\/_api\/(.*)$/i.exec(url.pathname);
  if (sp) return { api: "sp", method: verb, path: normaliseSpPath(sp[1]), query: queryNames(url.searchParams) };
  if (/^\/sites\/[^/]+\/_vti_bin\/client\.svc\/processquery$/i.test(url.pathname)) return { api: "csom", method: verb, path: "_vti_bin/client.svc/processquery", query: [] };
  const graph = /^\/graph(\/.*)$/.exec(url.pathname);
  if (graph) return { api: "graph", method: verb, path: normaliseGraphPath(graph[1]), query: queryNames(url.searchParams) };
  return null;
}

export const shapeKey = (s: CallShape): string => `${s.api} ${s.method} ${s.path}${s.query.length ? " ?" + s.query.join("&") : ""}`;

/** Whether a request was sent by the product's clients (PnPjs or the Graph JS client). */
export function sentByProduct(headers: Record<string, string>): boolean {
  // PnPjs's Telemetry behaviour (in DefaultHeaders and SPBrowser) tags every request with the
  // path it calls; the Graph JS client sends `SdkVersion: graph-js/…`.
  return headers["x-clientservice-clienttag"] !== undefined || /graph-js/i.test(headers["sdkversion"] ?? "");
}

const seen = new Set<string>();

/** Appends the shape to `PD_RECORD_CALLS` (once per process per shape); does nothing when unset. */
export function recordCall(shape: CallShape | null): void {
  const file = process.env.PD_RECORD_CALLS;
  if (!file || !shape) return;
  const key = shapeKey(shape);
  if (seen.has(key)) return;
  seen.add(key);
  try {
    fs.appendFileSync(file, JSON.stringify(shape) + "\n");
  } catch {
    /* recording never breaks the backend */
  }
}

/** Every shape recorded in a file (deduplicated). */
export function readRecorded(file: string): CallShape[] {
  if (!fs.existsSync(file)) return [];
  const byKey = new Map<string, CallShape>();
  for (const line of fs.readFileSync(file, "utf8").split("\n")) {
    if (!line.trim()) continue;
    try {
      const s = JSON.parse(line) as CallShape;
      byKey.set(shapeKey(s), s);
    } catch {
      /* a line cut by a crashed worker */
    }
  }
  return [...byKey.values()];
}
