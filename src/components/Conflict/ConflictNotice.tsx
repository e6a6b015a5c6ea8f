import * as React from "react";
import * as common from "CommonStrings";
import { fmt } from "../format";
import { isDataError } from "../../data/contracts";
import { Notice } from "../light";

/** One field of a row, as the dialog opened it and as SharePoint has it now. */
export interface FieldChange {
  label: string;
  before: unknown;
  after: unknown;
}

/** The labels of the fields someone else changed meanwhile (compared by value). */
export function changedFields(fields: FieldChange[]): string[] {
  const same = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
  return fields.filter((f) => !same(f.before, f.after)).map((f) => f.label);
}

export const isConflict = (e: unknown): boolean => isDataError(e) && e.kind === "conflict";

/**
 * After a 412 the dialog reloaded the row (fresh ETag) and kept what the user typed: say what
 * the other person changed, and that saving again saves the user's text.
 */
export function ConflictNotice({ changed }: { changed: string[] | null }): JSX.Element | null {
  if (changed === null) return null;
  return (
    <Notice kind="warning" role="status">
      {changed.length ? fmt(common.Conflict.changed, changed.join("、")) : common.Conflict.unchanged}
    </Notice>
  );
}

/**
 * For a dialog that edits a row: the row as last read (`base`, whose ETag the next save uses).
 * After a 412, `reloadKeep` reads the row again — fresh ETag — while the dialog keeps what the
 * user typed; `reloaded` says a reload happened, so the dialog can show what changed.
 */
export function useReloadKeep<T>(initial: T, fetchFresh: () => Promise<T>): { base: T; reloaded: boolean; reloadKeep: () => Promise<void> } {
  const [base, setBase] = React.useState<T>(initial);
  const [reloaded, setReloaded] = React.useState(false);
  const reloadKeep = async (): Promise<void> => {
    setBase(await fetchFresh());
    setReloaded(true);
  };
  return { base, reloaded, reloadKeep };
}
