import * as fs from "fs";
import * as path from "path";
import { allLists } from "../../src/data/schema/listSchema";
import type { AnyListDef } from "../../src/data/schema/fieldTypes";

/**
 * The backend's persistence: an in-memory copy of every list, a snapshot file and an
 * append-only journal. A write is appended and fsync'ed before it is applied and
 * acknowledged, so a `kill -9` never loses an acknowledged write; a torn last line
 * (the process died while appending, before acknowledging) is dropped on replay.
 */

export interface Attachment {
  name: string;
  /** base64 */
  data: string;
}

export interface StoredItem {
  Id: number;
  version: number;
  created: string;
  modified: string;
  authorId: number;
  editorId: number;
  /** Column values by internal name; lookups as <Name>Id (number | null, or number[] for multi). */
  values: Record<string, unknown>;
  attachments: Attachment[];
}

export interface GraphMessage {
  id: string;
  teamId: string;
  channelId: string;
  createdDateTime: string;
  body: { contentType: string; content: string };
  attachments: unknown[];
  from: { user: { id: string; displayName: string } };
  subject: string | null;
}

export interface ListState {
  def: AnyListDef;
  nextId: number;
  items: Map<number, StoredItem>;
}

type Op =
  | { op: "add"; list: string; item: StoredItem }
  | { op: "update"; list: string; id: number; values: Record<string, unknown>; modified: string; editorId: number }
  | { op: "delete"; list: string; id: number }
  | { op: "attach"; list: string; id: number; attachment: Attachment }
  | { op: "graph"; message: GraphMessage };

interface Snapshot {
  lists: Record<string, { nextId: number; items: StoredItem[] }>;
  graph: GraphMessage[];
}

export class Store {
  readonly lists = new Map<string, ListState>();
  readonly graphMessages: GraphMessage[] = [];
  private journalFd: number | null = null;
  private readonly snapshotPath: string;
  private readonly journalPath: string;

  constructor(private readonly dir: string) {
    this.snapshotPath = path.join(dir, "snapshot.json");
    this.journalPath = path.join(dir, "journal.jsonl");
    for (const def of allLists) this.lists.set(def.title.toLowerCase(), { def, nextId: 1, items: new Map() });
  }

  /** True when the folder held no data yet (the caller seeds it). */
  open(): boolean {
    fs.mkdirSync(this.dir, { recursive: true });
    const fresh = !fs.existsSync(this.snapshotPath) && !fs.existsSync(this.journalPath);
    if (fs.existsSync(this.snapshotPath)) {
      const snap = JSON.parse(fs.readFileSync(this.snapshotPath, "utf8")) as Snapshot;
      for (const [title, s] of Object.entries(snap.lists)) {
        const state = this.lists.get(title);
        if (!state) continue;
        state.nextId = s.nextId;
        for (const it of s.items) state.items.set(it.Id, it);
      }
      this.graphMessages.push(...snap.graph);
    }
    if (fs.existsSync(this.journalPath)) {
      const lines = fs.readFileSync(this.journalPath, "utf8").split("\n");
      for (const line of lines) {
        if (!line.trim()) continue;
        let op: Op;
        try {
          op = JSON.parse(line) as Op;
        } catch {
          break; // torn write at the tail: never acknowledged
        }
        this.apply(op);
      }
    }
    this.compact();
    return fresh;
  }

  /** Writes a fresh snapshot atomically and empties the journal. */
  compact(): void {
    const snap: Snapshot = { lists: {}, graph: this.graphMessages };
    for (const [title, s] of this.lists) snap.lists[title] = { nextId: s.nextId, items: [...s.items.values()] };
    const tmp = this.snapshotPath + ".tmp";
    const fd = fs.openSync(tmp, "w");
    fs.writeSync(fd, JSON.stringify(snap));
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fs.renameSync(tmp, this.snapshotPath);
    if (this.journalFd !== null) fs.closeSync(this.journalFd);
    this.journalFd = fs.openSync(this.journalPath, "w");
    fs.fsyncSync(this.journalFd);
  }

  close(): void {
    if (this.journalFd !== null) fs.closeSync(this.journalFd);
    this.journalFd = null;
  }

  list(title: string): ListState | undefined {
    return this.lists.get(title.toLowerCase());
  }

  private commit(op: Op): void {
    if (this.journalFd === null) throw new Error("store is not open");
    fs.writeSync(this.journalFd, JSON.stringify(op) + "\n");
    fs.fsyncSync(this.journalFd);
    this.apply(op);
  }

  private apply(op: Op): void {
    if (op.op === "graph") {
      this.graphMessages.push(op.message);
      return;
    }
    const state = this.lists.get(op.list);
    if (!state) return;
    switch (op.op) {
      case "add":
        state.items.set(op.item.Id, op.item);
        state.nextId = Math.max(state.nextId, op.item.Id + 1);
        break;
      case "update": {
        const it = state.items.get(op.id);
        if (!it) return;
        it.values = { ...it.values, ...op.values };
        it.version += 1;
        it.modified = op.modified;
        it.editorId = op.editorId;
        break;
      }
      case "delete":
        state.items.delete(op.id);
        break;
      case "attach": {
        const it = state.items.get(op.id);
        if (!it) return;
        it.attachments = [...it.attachments.filter((a) => a.name !== op.attachment.name), op.attachment];
        it.version += 1;
        break;
      }
    }
  }

  add(title: string, values: Record<string, unknown>, userId: number, now = new Date().toISOString()): StoredItem {
    const state = this.mustList(title);
    const item: StoredItem = {
      Id: state.nextId,
      version: 1,
      created: now,
      modified: now,
      authorId: userId,
      editorId: userId,
      values,
      attachments: [],
    };
    this.commit({ op: "add", list: state.def.title.toLowerCase(), item });
    return item;
  }

  update(title: string, id: number, values: Record<string, unknown>, userId: number): StoredItem {
    const state = this.mustList(title);
    this.commit({ op: "update", list: state.def.title.toLowerCase(), id, values, modified: new Date().toISOString(), editorId: userId });
    return state.items.get(id)!;
  }

  delete(title: string, id: number): void {
    const state = this.mustList(title);
    this.commit({ op: "delete", list: state.def.title.toLowerCase(), id });
  }

  attach(title: string, id: number, attachment: Attachment): void {
    const state = this.mustList(title);
    this.commit({ op: "attach", list: state.def.title.toLowerCase(), id, attachment });
  }

  addGraphMessage(message: GraphMessage): void {
    this.commit({ op: "graph", message });
  }

  /**
   * Loads many rows at once (seed data, benchmark datasets) without a journal line each,
   * then snapshots. Ids are assigned in order.
   */
  bulkAdd(title: string, rows: Record<string, unknown>[], userId: number, now = new Date().toISOString()): number[] {
    const state = this.mustList(title);
    const ids: number[] = [];
    for (const values of rows) {
      const Id = state.nextId++;
      state.items.set(Id, { Id, version: 1, created: now, modified: now, authorId: userId, editorId: userId, values, attachments: [] });
      ids.push(Id);
    }
    return ids;
  }

  private mustList(title: string): ListState {
    const s = this.list(title);
    if (!s) throw new Error(`List '${title}' does not exist`);
    return s;
  }
}
