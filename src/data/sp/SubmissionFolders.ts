import type { SPFI } from "@pnp/sp";
import "@pnp/sp/batching";
import "@pnp/sp/folders";
import "@pnp/sp/site-groups/web";
import "@pnp/sp/site-users/web";
import "@pnp/sp/security/item";
import "@pnp/sp/security/web";
import type { ISubmissionFolders, SubmittedListKey } from "../contracts";
import { DataError } from "../contracts";
import * as S from "../schema/listSchema";
import { ADD_ONLY_LEVEL, departmentPrincipal, isDirectoryGroup } from "../setup/plan";
import { firstFailure, runBatch } from "./batch";

interface FolderRow {
  Id: number;
  FileLeafRef: string;
  HasUniqueRoleAssignments?: boolean;
}

/** Settles every request of a batch, then rejects with the first real failure. */
async function settle(pending: Promise<unknown>[], execute: () => Promise<void>, ignore: (e: unknown) => boolean = () => false): Promise<void> {
  const failed = firstFailure(await runBatch(execute, pending), ignore);
  if (failed) throw failed;
}

/**
 * The year's submission folders (`<UnitCode>-<FY>`) of the lists departments submit to.
 * Opening one breaks its inheritance (copying the list's: coordinators, members Read,
 * visitors, owners) and gives the department's group Add only there, so a department can
 * hand in rows but never change or delete them afterwards. Locking resets the folders to
 * inherit the list again: departments can then only read. Every step is planned from what
 * the list reports, so a run cut short is finished by the next.
 */
export class SubmissionFolders implements ISubmissionFolders {
  constructor(
    private readonly sp: SPFI,
    private readonly sitePath: string,
  ) {}

  private listUrl(key: SubmittedListKey): string {
    return S.listServerRelativeUrl(this.sitePath, key === "cityProposals" ? S.cityProposals : S.resultReports);
  }

  private async folders(key: SubmittedListKey, withGroups: boolean): Promise<{ folders: FolderRow[]; groups: Map<string, number>; addOnly: number | null; departmentGroups: Record<string, string> }> {
    const [batched, execute] = this.sp.batched();
    const foldersP = batched.web
      .getList(this.listUrl(key))
      .items.select("Id", "FileLeafRef", "HasUniqueRoleAssignments")
      .filter("FSObjType eq 1")
      .top(5000)() as Promise<FolderRow[]>;
    const groupsP = withGroups ? (batched.web.siteGroups.select("Id", "Title")() as Promise<{ Id: number; Title: string }[]>) : Promise.resolve([]);
    const roleP = withGroups ? (batched.web.roleDefinitions.getByName(ADD_ONLY_LEVEL).select("Id")() as Promise<{ Id: number }>).catch(() => null) : Promise.resolve(null);
    const deptsP = withGroups
      ? (batched.web.getList(S.listServerRelativeUrl(this.sitePath, S.departments)).items.select("UnitCode", "GroupLogin").top(5000)() as Promise<{ UnitCode: string; GroupLogin: string | null }[]>)
      : Promise.resolve([]);
    await settle([foldersP, groupsP, deptsP], execute);
    const groups = new Map((await groupsP).map((g) => [g.Title.toLowerCase(), g.Id]));
    const departmentGroups = Object.fromEntries((await deptsP).filter((d) => d.GroupLogin && isDirectoryGroup(d.GroupLogin)).map((d) => [d.UnitCode, d.GroupLogin!]));
    // A department held by an Entra group: its principal, which site setup added to the site when it gave the department its folders.
    const logins = Object.values(departmentGroups);
    if (logins.length) {
      const [b, exec] = this.sp.batched();
      const found = logins.map((login) => b.web.siteUsers.getByLoginName(login).select("Id")() as Promise<{ Id: number }>);
      const settled = await runBatch(exec, found);
      // One not yet in the site (setup has not run since it was chosen) is simply not ready.
      settled.forEach((r, i) => r.status === "fulfilled" && groups.set(logins[i].toLowerCase(), r.value.Id));
    }
    return { folders: await foldersP, groups, addOnly: (await roleP)?.Id ?? null, departmentGroups };
  }

  async open(key: SubmittedListKey, fiscalYear: number, unitCodes: string[]): Promise<string[]> {
    if (unitCodes.length === 0) return [];
    const { folders, groups, addOnly, departmentGroups } = await this.folders(key, true);
    if (addOnly === null) throw new DataError("notFound", `The permission level ${ADD_ONLY_LEVEL} does not exist: run site setup`, 404);
    const all = unitCodes.map((code) => ({ code, name: S.submissionFolderName(code, fiscalYear), group: groups.get(departmentPrincipal({ departmentGroups }, code).toLowerCase()) }));
    // A department without its group (added since setup last ran) cannot be given a folder yet.
    const skipped = all.filter((w) => w.group === undefined).map((w) => w.code);
    const want = all.filter((w) => w.group !== undefined);
    if (want.length === 0) return skipped;
    const byName = new Map(folders.map((f) => [f.FileLeafRef.toLowerCase(), f]));
    const missing = want.filter((w) => !byName.has(w.name.toLowerCase()));
    if (missing.length) {
      const [b, execute] = this.sp.batched();
      const root = b.web.getList(this.listUrl(key)).rootFolder;
      // A folder made by an earlier, interrupted attempt answers "already exists": that is what was wanted.
      await settle(
        missing.map((w) => root.folders.addUsingPath(w.name)),
        execute,
        (e) => /already exists/i.test(String((e as Error)?.message ?? e)),
      );
    }
    const after = missing.length ? (await this.folders(key, false)).folders : folders;
    const found = new Map(after.map((f) => [f.FileLeafRef.toLowerCase(), f]));
    const [b, execute] = this.sp.batched();
    const list = b.web.getList(this.listUrl(key));
    const pending: Promise<unknown>[] = [];
    for (const w of want) {
      const f = found.get(w.name.toLowerCase());
      if (!f) throw new DataError("notFound", `The folder ${w.name} was not created`, 404);
      const item = list.items.getById(f.Id);
      // Copy the list's assignments (coordinators, owners, members' Read), then the department's Add only.
      if (!f.HasUniqueRoleAssignments) pending.push(item.breakRoleInheritance(true, false));
      pending.push(item.roleAssignments.add(w.group!, addOnly));
    }
    await settle(pending, execute);
    return skipped;
  }

  async lock(key: SubmittedListKey, fiscalYear: number): Promise<number> {
    const { folders } = await this.folders(key, false);
    const open = folders.filter((f) => S.parseSubmissionFolder(f.FileLeafRef)?.fiscalYear === fiscalYear && f.HasUniqueRoleAssignments);
    if (open.length === 0) return 0;
    const [b, execute] = this.sp.batched();
    const list = b.web.getList(this.listUrl(key));
    await settle(
      open.map((f) => list.items.getById(f.Id).resetRoleInheritance()),
      execute,
    );
    return open.length;
  }
}
