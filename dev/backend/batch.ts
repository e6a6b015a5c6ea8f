import { randomUUID } from "crypto";
import type { SpRequest, SpResponse } from "./sharepoint";
import type { SiteUser } from "./users";

/**
 * OData $batch as PnPjs sends it: multipart/mixed with GETs directly under the batch
 * boundary and writes inside changesets; answered with a flat list of parts, one per
 * request, in request order.
 */

interface Part {
  headers: Record<string, string>;
  content: string;
}

function parseHeaders(block: string): Record<string, string> {
  const h: Record<string, string> = {};
  for (const line of block.split(/\r?\n/)) {
    const i = line.indexOf(":");
    if (i > 0) h[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
  }
  return h;
}

function splitParts(body: string, boundary: string): Part[] {
  const lines = body.split(/\r?\n/);
  const parts: Part[] = [];
  let current: string[] | null = null;
  for (const line of lines) {
    if (line === `--${boundary}--`) {
      if (current) parts.push(toPart(current.join("\n")));
      current = null;
      break;
    }
    if (line === `--${boundary}`) {
      if (current) parts.push(toPart(current.join("\n")));
      current = [];
      continue;
    }
    if (current) current.push(line);
  }
  return parts;
}

function toPart(raw: string): Part {
  const sep = raw.indexOf("\n\n");
  const head = sep < 0 ? raw : raw.slice(0, sep);
  const content = sep < 0 ? "" : raw.slice(sep + 2);
  return { headers: parseHeaders(head), content };
}

function boundaryOf(contentType: string | undefined): string | null {
  const m = /boundary="?([^";]+)"?/i.exec(contentType ?? "");
  return m ? m[1] : null;
}

/** The individual HTTP requests of a batch, in order. */
export function parseBatch(contentType: string | undefined, body: string, user: SiteUser): SpRequest[] {
  const boundary = boundaryOf(contentType);
  if (!boundary) throw new Error("A $batch request needs a multipart/mixed boundary.");
  const out: SpRequest[] = [];
  for (const part of splitParts(body, boundary)) {
    const inner = boundaryOf(part.headers["content-type"]);
    if (inner && /multipart\/mixed/i.test(part.headers["content-type"] ?? "")) {
      for (const cs of splitParts(part.content, inner)) out.push(toRequest(cs.content, user));
    } else {
      out.push(toRequest(part.content, user));
    }
  }
  return out;
}

function toRequest(http: string, user: SiteUser): SpRequest {
  const text = http.replace(/\r\n/g, "\n");
  const firstEnd = text.indexOf("\n");
  const requestLine = text.slice(0, firstEnd < 0 ? undefined : firstEnd);
  const m = /^(\w+)\s+(\S+)\s+HTTP\/1\.1$/.exec(requestLine.trim());
  if (!m) throw new Error(`Bad request line in batch: ${requestLine}`);
  const rest = firstEnd < 0 ? "" : text.slice(firstEnd + 1);
  const sep = rest.indexOf("\n\n");
  const headers = parseHeaders(sep < 0 ? rest : rest.slice(0, sep));
  const body = sep < 0 ? "" : rest.slice(sep + 2).replace(/\n+$/, "");
  const method = m[1].toUpperCase();
  // A write's verb arrives in the request line (MERGE, DELETE); carry it as the override header.
  const isOverride = method !== "GET" && method !== "POST";
  return {
    method: isOverride ? "POST" : method,
    url: new URL(m[2]),
    headers: isOverride ? { ...headers, "x-http-method": method } : headers,
    body: Buffer.from(body, "utf8"),
    user,
  };
}

const statusText: Record<number, string> = {
  200: "OK",
  201: "Created",
  204: "No Content",
  400: "Bad Request",
  403: "Forbidden",
  404: "Not Found",
  412: "Precondition Failed",
  500: "Internal Server Error",
};

export function batchResponse(responses: SpResponse[]): { contentType: string; parts: string[]; end: string } {
  const id = randomUUID();
  const parts = responses.map((r) => {
    const headerLines = Object.entries(r.headers).map(([k, v]) => `${k.toUpperCase()}: ${v}`);
    return [
      `--batchresponse_${id}`,
      "Content-Type: application/http",
      "Content-Transfer-Encoding: binary",
      "",
      `HTTP/1.1 ${r.status} ${statusText[r.status] ?? "Unknown"}`,
      ...headerLines,
      "",
      typeof r.body === "string" ? r.body : r.body.toString("utf8"),
      "",
    ].join("\r\n");
  });
  return { contentType: `multipart/mixed; boundary=batchresponse_${id}`, parts, end: `--batchresponse_${id}--\r\n` };
}
