import type { SPFI } from "@pnp/sp";
import "@pnp/sp/batching";
import "@pnp/sp/folders";
import { toDataError } from "./errors";
import { runBatch } from "./batch";

/**
 * Department folders are found by their path, never by a query over the list's rows.
 *
 * A filter on `FSObjType` (an unindexed column) over a list past 5,000 items is refused by
 * SharePoint with SPQueryThrottledException (pnp/pnpcore#1224, pnp/powershell#479), and so is
 * loading a large list's folder collection (pnp/pnpframework#234). The product knows every
 * folder's name (a department's UnitCode, or `<UnitCode>-<FY>`), and SharePoint answers a folder
 * addressed by its path (`GetFolderByServerRelativePath`) whatever the size of its list
 * (pnp/pnpframework#234: GetFolderByServerRelativeUrl "doesn't trigger the exception").
 */

/** What one folder's path answered. */
export type FolderItem =
  /** No folder of that name in the list. */
  | { state: "missing"; name: string }
  /**
   * The folder exists in the list's file system but has no list item: made by
   * `rootFolder.folders.addUsingPath` in a generic list (pnp/pnpjs#747, #100). Nothing can be
   * secured on it; site setup repairs it.
   */
  | { state: "noItem"; name: string }
  | { state: "item"; name: string; id: number; unique: boolean; perms: { High: number; Low: number } | null };

/** SharePoint answers at most 100 requests in one `$batch` (pnp/pnpcore#284; pnp/pnpjs#3207, maintainers). */
export const BATCH_LIMIT = 100;

/** `items` in chunks of `size`, in order. */
export function chunks<T>(items: readonly T[], size = BATCH_LIMIT): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

interface ItemFields {
  Id?: number;
  ID?: number;
  HasUniqueRoleAssignments?: boolean;
  EffectiveBasePermissions?: { High: string | number; Low: string | number };
}

/**
 * Reads the list items of the folders `names` directly under the list at `listUrl`
 * (server-relative), by path: `…/GetFolderByServerRelativePath(…)/ListItemAllFields`, in
 * batches of at most 100. `withPerms` also asks the signed-in user's effective permissions there.
 * Keyed by the name in lower case (SharePoint's URLs are case-insensitive).
 */
export async function readFolderItems(sp: SPFI, listUrl: string, names: readonly string[], withPerms = false): Promise<Map<string, FolderItem>> {
  const out = new Map<string, FolderItem>();
  const unique = [...new Map(names.map((n) => [n.toLowerCase(), n])).values()];
  const select = ["Id", "HasUniqueRoleAssignments", ...(withPerms ? ["EffectiveBasePermissions"] : [])];
  for (const part of chunks(unique)) {
    const [batched, execute] = sp.batched();
    const pending = part.map((name) => batched.web.getFolderByServerRelativePath(`${listUrl}/${name}`).listItemAllFields.select(...select)() as Promise<ItemFields>);
    const settled = await runBatch(execute, pending);
    settled.forEach((r, i) => {
      const name = part[i];
      if (r.status === "rejected") {
        const err = toDataError(r.reason);
        if (err.kind === "notFound") out.set(name.toLowerCase(), { state: "missing", name });
        else throw err;
        return;
      }
      const f = r.value ?? {};
      const id = f.Id ?? f.ID;
      if (typeof id !== "number") {
        out.set(name.toLowerCase(), { state: "noItem", name });
        return;
      }
      const p = f.EffectiveBasePermissions;
      out.set(name.toLowerCase(), { state: "item", name, id, unique: !!f.HasUniqueRoleAssignments, perms: p ? { High: Number(p.High), Low: Number(p.Low) } : null });
    });
  }
  return out;
}

/**
 * Makes a folder with its list item directly under the list at `listUrl`:
 * `…/GetFolderByServerRelativePath(<list root>)/AddSubFolderUsingPath`, which SharePoint Online
 * answers with a real list folder (pnp/pnpjs#100 and #1340; pnp/cli-microsoft365#6804 and
 * pnp/pnpcore#1680, 2025), where `rootFolder.folders.addUsingPath` makes none in a generic list.
 */
export function addListFolder(sp: SPFI, listUrl: string, name: string): Promise<unknown> {
  return sp.web.getFolderByServerRelativePath(listUrl).addSubFolderUsingPath(name);
}

/** "already exists": the folder a cut-short earlier attempt made — what was wanted. */
export const alreadyExists = (e: unknown): boolean => /already exists/i.test(String((e as Error)?.message ?? e));
