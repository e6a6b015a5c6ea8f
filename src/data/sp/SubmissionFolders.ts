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
import { addListFolder, alreadyExists, BATCH_LIMIT, chunks, FolderItem, readFolderItems } from "./folderItems";

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

  /**
   * The site's groups, the Add only level and the departments (the Departments list is small; the
   * folders' lists grow every year, so folders are never looked for by a query on them).
   */
  private async context(): Promise<{ groups: Map<string, number>; addOnly: number | null; departmentGroups: Record<string, string>; codes: string[] }> {
    const [batched, execute] = this.sp.batched();
    const groupsP = batched.web.siteGroups.select("Id", "Title")() as Promise<{ Id: number; Title: string }[]>;
    const roleP = (batched.web.roleDefinitions.getByName(ADD_ONLY_LEVEL).select("Id")() as Promise<{ Id: number }>).catch(() => null);
    const deptsP = batched.web.getList(S.listServerRelativeUrl(this.sitePath, S.departments)).items.select("UnitCode", "GroupLogin").top(5000)() as Promise<{ UnitCode: string | null; GroupLogin: string | null }[]>;
    await settle([groupsP, deptsP], execute);
    const groups = new Map((await groupsP).map((g) => [g.Title.toLowerCase(), g.Id]));
    const depts = await deptsP;
    const departmentGroups = Object.fromEntries(depts.filter((d) => d.UnitCode && d.GroupLogin && isDirectoryGroup(d.GroupLogin)).map((d) => [d.UnitCode!, d.GroupLogin!]));
    // A department held by an Entra group: its principal, which site setup added to the site when it gave the department its folders.
    const logins = Object.values(departmentGroups);
    if (logins.length) {
      const [b, exec] = this.sp.batched();
      const found = logins.map((login) => b.web.siteUsers.getByLoginName(login).select("Id")() as Promise<{ Id: number }>);
      const settled = await runBatch(exec, found);
      // One not yet in the site (setup has not run since it was chosen) is simply not ready.
      settled.forEach((r, i) => r.status === "fulfilled" && groups.set(logins[i].toLowerCase(), r.value.Id));
    }
    return { groups, addOnly: (await roleP)?.Id ?? null, departmentGroups, codes: depts.map((d) => d.UnitCode ?? "").filter(Boolean) };
  }

  async open(key: SubmittedListKey, fiscalYear: number, unitCodes: string[]): Promise<string[]> {
    if (unitCodes.length === 0) return [];
    const { groups, addOnly, departmentGroups } = await this.context();
    if (addOnly === null) throw new DataError("notFound", `The permission level ${ADD_ONLY_LEVEL} does not exist: run site setup`, 404);
    const all = unitCodes.map((code) => ({ code, name: S.submissionFolderName(code, fiscalYear), group: groups.get(departmentPrincipal({ departmentGroups }, code).toLowerCase()) }));
    // A department without its group (added since setup last ran) cannot be given a folder yet.
    const skipped = all.filter((w) => w.group === undefined).map((w) => w.code);
    const want = all.filter((w) => w.group !== undefined);
    if (want.length === 0) return skipped;
    const listUrl = this.listUrl(key);
    const before = await readFolderItems(this.sp, listUrl, want.map((w) => w.name));
    // A folder left without its list item (made the old way) cannot be secured: site setup repairs it.
    const broken = want.filter((w) => before.get(w.name.toLowerCase())?.state === "noItem");
    if (broken.length) throw new DataError("validation", `The folders ${broken.map((w) => w.name).join(", ")} have no list item: run site setup to repair them`, 409);
    const missing = want.filter((w) => before.get(w.name.toLowerCase())?.state === "missing");
    for (const part of chunks(missing)) {
      const [b, execute] = this.sp.batched();
      // A folder made by an earlier, interrupted attempt answers "already exists": that is what was wanted.
      await settle(
        part.map((w) => addListFolder(b, listUrl, w.name)),
        execute,
        alreadyExists,
      );
    }
    const after = missing.length ? await readFolderItems(this.sp, listUrl, want.map((w) => w.name)) : before;
    const made = want.map((w) => {
      const f = after.get(w.name.toLowerCase());
      if (f?.state !== "item") throw new DataError("notFound", `The folder ${w.name} was not created with its list item`, 404);
      return { ...w, folder: f };
    });
    // Two writes a folder: 50 folders a batch.
    for (const part of chunks(made, BATCH_LIMIT / 2)) {
      const [b, execute] = this.sp.batched();
      const list = b.web.getList(listUrl);
      const pending: Promise<unknown>[] = [];
      for (const w of part) {
        const item = list.items.getById(w.folder.id);
        // Copy the list's assignments (coordinators, owners, members' Read), then the department's Add only.
        if (!w.folder.unique) pending.push(item.breakRoleInheritance(true, false));
        pending.push(item.roleAssignments.add(w.group!, addOnly));
      }
      await settle(pending, execute);
    }
    return skipped;
  }

  async lock(key: SubmittedListKey, fiscalYear: number): Promise<number> {
    const { codes } = await this.context();
    const listUrl = this.listUrl(key);
    const folders = await readFolderItems(this.sp, listUrl, codes.map((c) => S.submissionFolderName(c, fiscalYear)));
    const open = [...folders.values()].filter((f): f is Extract<FolderItem, { state: "item" }> => f.state === "item" && f.unique);
    if (open.length === 0) return 0;
    for (const part of chunks(open)) {
      const [b, execute] = this.sp.batched();
      const list = b.web.getList(listUrl);
      await settle(
        part.map((f) => list.items.getById(f.id).resetRoleInheritance()),
        execute,
      );
    }
    return open.length;
  }
}
