import { randomUUID } from "crypto";
import type { SiteState, Store } from "./store";
import type { SiteSecurity } from "./security";
import { canManageGroup } from "./groupMembership";
import type { SiteUser } from "./users";

/**
 * `POST <site>/_vti_bin/client.svc/ProcessQuery` (CSOM's XML request), only as far as the product
 * uses it: setting a site group's Owner to another site group and updating the group. REST
 * cannot (`SetUserAsOwner` takes a user only; an `Owner` in a MERGE body is answered 204 and
 * ignored — SharePoint/sp-dev-docs#5031, pnp/pnpjs#957), so PnPjs' maintainers point to CSOM
 * (pnp/pnpjs#969); CLI for Microsoft 365 sets owners the same way (`SetProperty Name="Owner"`
 * in `spo site admin add`). Object paths from `SP.ClientContext.Current`
 * ({3747adcd-a3c3-41b9-bfab-4a64dd2f1e0a}) → Web → SiteGroups → GetById(n).
 * CSOM answers HTTP 200 with a JSON array whose first element carries ErrorInfo on failure;
 * nothing of a failed request is applied. Anything else answers a NotSupported error.
 */

interface Path {
  kind: string;
  name: string;
  parentId?: string;
  typeId?: string;
  params: string[];
}

type Reply = { status: number; headers: Record<string, string>; body: string };

const attr = (tag: string, name: string): string | undefined => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];

class CsomError extends Error {
  constructor(
    readonly code: number,
    readonly typeName: string,
    message: string,
  ) {
    super(message);
  }
}

const notSupported = (what: string): CsomError => new CsomError(-1, "Microsoft.SharePoint.Client.NotSupportedException", `Not supported by the local backend: ${what}`);

function parsePaths(xml: string): Map<string, Path> {
  const paths = new Map<string, Path>();
  const section = /<ObjectPaths>([\s\S]*)<\/ObjectPaths>/.exec(xml)?.[1] ?? "";
  for (const m of section.matchAll(/<(StaticProperty|Property|Method|Identity)\b([^>]*?)(\/>|>([\s\S]*?)<\/\1>)/g)) {
    const id = attr(m[2], "Id");
    if (!id) continue;
    const params = [...(m[4] ?? "").matchAll(/<Parameter\b[^>]*>([^<]*)<\/Parameter>/g)].map((p) => p[1]);
    paths.set(id, { kind: m[1], name: attr(m[2], "Name") ?? "", parentId: attr(m[2], "ParentId"), typeId: attr(m[2], "TypeId"), params });
  }
  return paths;
}

/** The site group an object path names (Current → Web → SiteGroups → GetById(n)), or an error. */
function groupOf(paths: Map<string, Path>, id: string | undefined, sec: SiteSecurity): number {
  const p = id ? paths.get(id) : undefined;
  const sg = p?.parentId ? paths.get(p.parentId) : undefined;
  const web = sg?.parentId ? paths.get(sg.parentId) : undefined;
  const ctx = web?.parentId ? paths.get(web.parentId) : undefined;
  const ok =
    p?.kind === "Method" && /^GetById$/i.test(p.name) && sg?.kind === "Property" && sg.name === "SiteGroups" && web?.kind === "Property" && web.name === "Web" && ctx?.kind === "StaticProperty" && ctx.name === "Current" && ctx.typeId?.toLowerCase() === "{3747adcd-a3c3-41b9-bfab-4a64dd2f1e0a}";
  if (!ok) throw notSupported(`object path ${id}`);
  const n = Number(p!.params[0]);
  if (!sec.groups.some((g) => g.Id === n)) throw new CsomError(-2146232832, "Microsoft.SharePoint.SPException", "Group cannot be found.");
  return n;
}

export function processQuery(store: Store, site: SiteState, user: SiteUser, xml: string): Reply {
  const trace = randomUUID();
  const head = { SchemaVersion: "15.0.0.0", LibraryVersion: "16.0.0.0", TraceCorrelationId: trace };
  const reply = (body: unknown[]): Reply => ({ status: 200, headers: { "content-type": "application/json; charset=utf-8" }, body: JSON.stringify(body) });
  try {
    const paths = parsePaths(xml);
    const actions = /<Actions>([\s\S]*)<\/Actions>/.exec(xml)?.[1] ?? "";
    const next = JSON.parse(JSON.stringify(site.security)) as SiteSecurity;
    const out: unknown[] = [];
    for (const m of actions.matchAll(/<(ObjectPath|SetProperty|Method|Query)\b([^>]*?)(\/>|>([\s\S]*?)<\/\1>)/g)) {
      const id = attr(m[2], "Id");
      const target = attr(m[2], "ObjectPathId");
      if (m[1] === "ObjectPath") {
        groupOf(paths, target, next);
        out.push(Number(id), { IsNull: false });
      } else if (m[1] === "SetProperty" && attr(m[2], "Name") === "Owner") {
        const gid = groupOf(paths, target, next);
        const ownerPath = /<Parameter\b[^>]*ObjectPathId="([^"]+)"/.exec(m[4] ?? "")?.[1];
        const ownerId = groupOf(paths, ownerPath, next);
        const g = next.groups.find((x) => x.Id === gid)!;
        // Changing a group's owner is its owner's (or a site collection administrator's) right.
        if (!canManageGroup(site, site.security.groups.find((x) => x.Id === gid)!, user)) {
          throw new CsomError(-2147024891, "System.UnauthorizedAccessException", "Access denied. You do not have permission to perform this action or access this resource.");
        }
        g.ownerId = ownerId;
      } else if (m[1] === "Method" && attr(m[2], "Name") === "Update") {
        groupOf(paths, target, next);
      } else throw notSupported(`${m[1]} ${attr(m[2], "Name") ?? ""}`);
    }
    store.saveSecurity(site.path, next);
    return reply([{ ...head, ErrorInfo: null }, ...out]);
  } catch (e) {
    const err = e instanceof CsomError ? e : new CsomError(-1, "System.Exception", e instanceof Error ? e.message : String(e));
    return reply([{ ...head, ErrorInfo: { ErrorMessage: err.message, ErrorValue: null, TraceCorrelationId: trace, ErrorCode: err.code, ErrorTypeName: err.typeName } }]);
  }
}
