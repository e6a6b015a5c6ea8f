import * as React from "react";
import { defaultListView, isDefaultView, ListView, listViewStorageKey, listViewText, parseListView } from "../../domain/listView";

/** The browser's storage, or null where there is none or it refuses (a private window, a locked-down Teams client). */
function storage(): Storage | null {
  try {
    return typeof window !== "undefined" && window.localStorage ? window.localStorage : null;
  } catch {
    return null;
  }
}

export interface IListViewState {
  view: ListView;
  setFilter: (key: string, values: string[]) => void;
  setHidden: (hidden: string[]) => void;
  /** What was last saved (or read at opening): null when the user has no saved view. */
  saved: ListView | null;
  /** Saves the view as it is now, with the sort given (the list's sortable headers keep theirs). Resolves false where the browser cannot store. */
  save: (sort: ListView["sort"]) => boolean;
  /** Forgets the saved view and shows the default. */
  reset: () => void;
  isDefault: boolean;
}

/**
 * One user's view of one list (filters per column, sort, hidden columns), kept in the browser's
 * localStorage under the site, the list and the user, read when the list opens.
 */
export function useListView(site: { siteUrl: string; list: string; user: string }, columnKeys: readonly string[]): IListViewState {
  const key = listViewStorageKey(site.siteUrl, site.list, site.user);
  const read = (): ListView | null => {
    try {
      return parseListView(storage()?.getItem(key), columnKeys);
    } catch {
      return null;
    }
  };
  const [saved, setSaved] = React.useState<ListView | null>(read);
  const [view, setView] = React.useState<ListView>(() => saved ?? defaultListView());
  const setFilter = (k: string, values: string[]): void => setView((v) => ({ ...v, filters: { ...v.filters, [k]: values } }));
  const setHidden = (hidden: string[]): void => setView((v) => ({ ...v, hidden }));
  const save = (sort: ListView["sort"]): boolean => {
    const next = { ...view, sort };
    try {
      const s = storage();
      if (!s) return false;
      s.setItem(key, listViewText(next));
    } catch {
      return false;
    }
    setView(next);
    setSaved(next);
    return true;
  };
  const reset = (): void => {
    try {
      storage()?.removeItem(key);
    } catch {
      // Nothing stored to forget.
    }
    setSaved(null);
    setView(defaultListView());
  };
  return { view, setFilter, setHidden, saved, save, reset, isDefault: isDefaultView(view) };
}
