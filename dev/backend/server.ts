import * as fs from "fs";
import * as http from "http";
import * as path from "path";
import { AddressInfo } from "net";
import { PARTNERSHIP_SITE, Store } from "./store";
import { createBareSites, placeRowsInDepartmentFolders, sampleMembership } from "./sites";
import { sitePage } from "./sitePages";
import { processQuery } from "./csom";
import { SiteSetup } from "../../src/data/setup/SiteSetup";
import { spForUrl } from "../../src/data/sp/spForUrl";
import { SharePointApi, SpRequest, SpResponse, userFromHeaders } from "./sharepoint";
import { errorBody, metadataLevel, SpError } from "./spErrors";
import { batchResponse, parseBatch } from "./batch";
import { recordCall, sentByProduct, shapeOf } from "./callRecorder";

/** The most requests one $batch may hold (see where it is checked). */
export const BATCH_LIMIT = 100;
import { GraphThrottle, handleGraph } from "./graph";
import { Faults } from "./faults";
import { seed, seedThroughProduct } from "./seed";
import { siteUsers } from "./users";
import { isValidIsoDate, onCityDay } from "../../src/domain/calendar";

/**
 * The local backend: a SharePoint REST + Microsoft Graph subset on loopback, persisted on
 * disk, that the product's own PnPjs and Graph code talks to when no tenant exists.
 */

export const SITE_PATH = PARTNERSHIP_SITE;

export interface BackendOptions {
  port?: number;
  host?: string;
  dataDir: string;
  /**
   * On an empty data folder: "seed" (default) runs the product's site setup on the bare
   * partnership site, as its owner, through this backend's own REST API, then loads the
   * sample data; "setup" runs setup only; "bare" leaves the partnership site as a new
   * tenant has it. `true`/`false` mean "seed"/"setup".
   */
  seed?: boolean | "seed" | "setup" | "bare";
  /** Folder of the built workbench page (served at /workbench/). */
  workbenchDir?: string;
  /** Log one line per request to stdout. */
  log?: boolean;
}

export interface Backend {
  url: string;
  siteUrl: string;
  port: number;
  store: Store;
  faults: Faults;
  /** Graph's documented per-team rate (4 requests a second), enforced on every team request. */
  graphThrottle: GraphThrottle;
  /** Requests served since start (a $batch counts once), for benchmarks and tests. */
  requestCount: () => number;
  close: () => Promise<void>;
}

function readBody(req: http.IncomingMessage, limit = 50 * 1024 * 1024): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        reject(new SpError(413, "-2147024809, System.ArgumentException", "The request is too large."));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

/**
 * The workbench's `?today=` (cookie `pd-today`, set by the workbench page): Graph messages
 * posted from that page are stamped on that day in the city, at the current time of day,
 * so the Teams panel agrees with the screens. Without it, the real clock.
 */
export function clockFromHeaders(headers: Record<string, string>): Date {
  const day = /(?:^|;\s*)pd-today=([^;]*)/.exec(headers.cookie ?? "")?.[1]?.trim();
  return day && isValidIsoDate(day) ? onCityDay(day) : new Date();
}

function headersOf(req: http.IncomingMessage): Record<string, string> {
  const h: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") h[k.toLowerCase()] = v;
  return h;
}

const mime: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".map": "application/json",
  ".png": "image/png",
  ".svg": "image/svg+xml",
};

export async function startBackend(opts: BackendOptions): Promise<Backend> {
  const store = new Store(opts.dataDir);
  const fresh = store.open();
  const mode = opts.seed === undefined || opts.seed === true ? "seed" : opts.seed === false ? "setup" : opts.seed;
  if (fresh) {
    createBareSites(store);
    store.compact();
  }
  const faults = new Faults();
  const graphThrottle = new GraphThrottle();
  let requests = 0;
  let sp: SharePointApi | null = null;
  /**
   * False while a fresh data folder's site is being set up and seeded (the server must listen
   * for that: setup goes through its own REST API). Meanwhile a workbench page is the waiting
   * page, which reloads itself once `/_dev/ready` says so, and `npm start` prints the URL only then.
   */
  let ready = !fresh || mode === "bare";

  const server = http.createServer((req, res) => {
    requests++;
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) {
        res.writeHead(500, { "content-type": "text/plain" });
      }
      res.end(String(e instanceof Error ? e.message : e));
    });
  });

  const send = (res: http.ServerResponse, r: SpResponse): void => {
    res.writeHead(r.status, r.headers);
    res.end(r.body);
  };

  const spError = (e: unknown, accept: string | undefined): SpResponse => {
    const err = e instanceof SpError ? e : new SpError(500, "-2146232832, Microsoft.SharePoint.SPException", e instanceof Error ? e.message : String(e));
    return {
      status: err.status,
      headers: { "content-type": "application/json;charset=utf-8", ...err.headers },
      body: errorBody(err, metadataLevel(accept)),
    };
  };

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", `http://${req.headers.host ?? "127.0.0.1"}`);
    const headers = headersOf(req);
    const user = userFromHeaders(headers);
    if (opts.log) process.stdout.write(`${req.method} ${url.pathname}${url.search} [${user.Title}]\n`);
    const p = url.pathname;
    // The catalog's completeness check (./callRecorder.ts): the shapes the product sends.
    const byProduct = sentByProduct(headers) || p.startsWith("/graph/");
    if (byProduct) recordCall(shapeOf(req.method ?? "GET", url, headers["x-http-method"]));

    if (p === "/" || p === "/workbench") {
      res.writeHead(302, { location: "/workbench/" });
      res.end();
      return;
    }
    if (p.startsWith("/workbench/") && opts.workbenchDir) {
      const rel = p.slice("/workbench/".length) || "index.html";
      if (!ready && rel.endsWith(".html")) {
        res.writeHead(503, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store", "retry-after": "2" });
        res.end(WAITING_PAGE);
        return;
      }
      const file = path.resolve(opts.workbenchDir, rel);
      if (file.startsWith(path.resolve(opts.workbenchDir)) && fs.existsSync(file) && fs.statSync(file).isFile()) {
        res.writeHead(200, { "content-type": mime[path.extname(file)] ?? "application/octet-stream", "cache-control": "no-store" });
        fs.createReadStream(file).pipe(res);
        return;
      }
      res.writeHead(404);
      res.end("not found");
      return;
    }
    if (p.startsWith("/_dev/")) return devRoute(req, res, p);
    if (p === "/favicon.ico") {
      res.writeHead(204);
      res.end();
      return;
    }

    if (p.startsWith("/graph/")) {
      const body = (await readBody(req)).toString("utf8");
      const r = handleGraph(req.method ?? "GET", p.slice("/graph".length), body, user, store, faults, graphThrottle, clockFromHeaders(headers));
      if (r.drop) {
        res.socket?.destroy();
        return;
      }
      res.writeHead(r.status, { "content-type": "application/json", ...r.headers });
      res.end(JSON.stringify(r.body));
      return;
    }

    if (/^\/sites\/[^/]+\/_api\//i.test(p)) {
      if (faults.take("sp429")) {
        res.writeHead(429, { "retry-after": String(faults.state.retryAfterSeconds), "content-type": "application/json" });
        res.end(JSON.stringify({ "odata.error": { code: "-2147024860, Microsoft.SharePoint.SPRequestThrottledException", message: { lang: "en-US", value: "The request has been throttled." } } }));
        return;
      }
      if (faults.take("sp503")) {
        res.writeHead(503, { "retry-after": String(faults.state.retryAfterSeconds), "content-type": "text/plain" });
        res.end("Service Unavailable");
        return;
      }
      const body = await readBody(req);
      // A write whose answer is lost: SharePoint did it, the client never hears (dropped connection, closed tab).
      const dropAfterCommit = (req.method ?? "GET") !== "GET" && !(/\/_api\/\$batch$/i.test(p) && !/changeset_/i.test(body.toString("utf8"))) && faults.take("spDropAfterCommit");
      if (/\/_api\/\$batch$/i.test(p)) {
        const requestsIn = parseBatch(headers["content-type"], body.toString("utf8"), user);
        if (byProduct) for (const r of requestsIn) recordCall(shapeOf(r.method, r.url, r.headers["x-http-method"]));
        if (requestsIn.length > BATCH_LIMIT) {
          // SharePoint answers at most 100 requests in one $batch (pnp/pnpcore#284; pnp/pnpjs#3207,
          // maintainers: "a known limitation that you should only have 100 items in a batched
          // request"). The status and text of SharePoint's refusal are not documented: the backend
          // refuses the whole batch with 400 and does nothing of it.
          res.writeHead(400, { "content-type": "application/json;odata=nometadata;charset=utf-8" });
          res.end(JSON.stringify({ "odata.error": { code: "-1, Microsoft.SharePoint.Client.InvalidClientQueryException", message: { lang: "en-US", value: `The batch holds ${requestsIn.length} requests; at most ${BATCH_LIMIT} are allowed.` } } }));
          return;
        }
        const responses = requestsIn.map((r) => runSp(r));
        if (dropAfterCommit) {
          res.socket?.destroy();
          return;
        }
        const out = batchResponse(responses);
        res.writeHead(200, { "content-type": out.contentType });
        if (faults.take("spDropBatch")) {
          res.write(out.parts[0] ?? "");
          res.socket?.destroy();
          return;
        }
        res.end(out.parts.join("") + out.end);
        return;
      }
      const answer = runSp({ method: req.method ?? "GET", url, headers, body, user });
      if (dropAfterCommit) {
        res.socket?.destroy();
        return;
      }
      send(res, answer);
      return;
    }

    // A site's pages (./sitePages.ts) and CSOM's endpoint, as far as the product uses it (./csom.ts).
    const page = /^(\/sites\/[^/]+)\/SitePages\/([^/]+\.aspx)$/i.exec(p);
    if (page && req.method === "GET") {
      const r = sitePage(store, page[1], decodeURIComponent(page[2]), user);
      if (r) return send(res, r);
    }
    const csom = /^(\/sites\/[^/]+)\/_vti_bin\/client\.svc\/ProcessQuery$/i.exec(p);
    const csomSite = csom && req.method === "POST" ? store.site(csom[1]) : undefined;
    if (csomSite) return send(res, processQuery(store, csomSite, user, (await readBody(req)).toString("utf8")));

    const att = /^(\/sites\/[^/]+)\/Lists\/([^/]+)\/Attachments\/(\d+)\/(.+)$/.exec(p);
    if (att) {
      const state = store.list(decodeURIComponent(att[2]), att[1]);
      const item = state?.items.get(Number(att[3]));
      const a = item?.attachments.find((x) => x.name === decodeURIComponent(att[4]));
      if (!a) {
        res.writeHead(404);
        res.end("not found");
        return;
      }
      const type = a.name.toLowerCase().endsWith(".pdf") ? "application/pdf" : "application/octet-stream";
      res.writeHead(200, { "content-type": type });
      res.end(Buffer.from(a.data, "base64"));
      return;
    }
    res.writeHead(404, { "content-type": "text/plain" });
    res.end("not found");
  }

  function runSp(r: SpRequest): SpResponse {
    try {
      const method = (r.headers["x-http-method"] ?? r.method).toUpperCase();
      if ((method === "MERGE" || method === "PATCH") && faults.take("sp412")) {
        throw new SpError(412, "-2130575305, Microsoft.SharePoint.SPException", "The request ETag value does not match the object's ETag value.");
      }
      return sp!.handle(r);
    } catch (e) {
      return spError(e, r.headers.accept);
    }
  }

  async function devRoute(req: http.IncomingMessage, res: http.ServerResponse, p: string): Promise<void> {
    const reply = (status: number, body: unknown): void => {
      res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
      res.end(JSON.stringify(body));
    };
    if (p === "/_dev/health") return reply(200, { ok: true });
    if (p === "/_dev/ready") return reply(200, { ready });
    if (p === "/_dev/users") return reply(200, siteUsers);
    if (p === "/_dev/faults") {
      if (req.method === "POST") {
        const body = JSON.parse((await readBody(req)).toString("utf8") || "{}") as Record<string, number>;
        return reply(200, faults.set(body));
      }
      return reply(200, faults.state);
    }
    if (p === "/_dev/graph/messages") return reply(200, { value: [...store.graphMessages].reverse() });
    reply(404, { error: "unknown dev route" });
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 4650, opts.host ?? "127.0.0.1", () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const origin = `http://${opts.host ?? "127.0.0.1"}:${port}`;
  sp = new SharePointApi(store, origin);
  if (fresh && mode !== "bare") {
    // The product's own site setup, as the partnership site's owner (未来 花子), over HTTP.
    const setup = new SiteSetup(spForUrl(origin + SITE_PATH, { "X-PD-User": "7" }), origin + SITE_PATH);
    await setup.run();
    let opened: ReturnType<typeof placeRowsInDepartmentFolders> = {};
    if (mode === "seed") {
      seed(store);
      opened = placeRowsInDepartmentFolders(store);
    }
    sampleMembership(store);
    store.compact();
    // Again, now that there are departments: their groups' folders and permissions.
    if (mode === "seed") {
      await setup.run();
      await seedThroughProduct(spForUrl(origin + SITE_PATH, { "X-PD-User": "7" }), origin + SITE_PATH, opened);
    }
    store.compact();
  }
  ready = true;
  return {
    url: origin,
    siteUrl: origin + SITE_PATH,
    port,
    store,
    faults,
    graphThrottle,
    requestCount: () => requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections?.();
        server.close(() => {
          store.close();
          resolve();
        });
      }),
  };
}

/**
 * What a workbench page answers while the sample site is still being set up (503, as the page
 * is not there yet): it says so in both languages and reloads itself once `/_dev/ready` says the
 * site is ready, so a page opened early never shows the product's 「まだ準備されていません」.
 */
export const WAITING_PAGE = `<!doctype html>
<html lang="ja"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>準備しています — 包括連携デスク</title>
<style>body{margin:0;padding:32px 16px;font-family:"Segoe UI","Yu Gothic UI",Meiryo,"Noto Sans CJK JP",sans-serif;color:#201f1e;background:#f3f2f1}main{max-width:560px;margin:0 auto;background:#fff;padding:24px;border-radius:4px}h1{font-size:20px;margin:0 0 12px}p{line-height:1.6;margin:8px 0}</style>
</head><body><main>
<h1>サンプル サイトを準備しています</h1>
<p role="status">ローカル バックエンドがサンプル サイトを作成し、サンプル データを入れています。終わるとこのページは自動で開き直します。</p>
<p lang="en">Setting up the sample site. This page reloads itself when it is ready.</p>
</main>
<script>
(function poll(){fetch("/_dev/ready",{cache:"no-store"}).then(function(r){return r.json()}).then(function(b){if(b&&b.ready)location.reload();else setTimeout(poll,1000)},function(){setTimeout(poll,2000)})})();
</script>
</body></html>
`;
