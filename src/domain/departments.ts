import type { Department } from "./types";

export interface DepartmentHints {
  /** From the Teams tab's context. */
  teamId?: string;
  channelId?: string;
  /** From the web part's property pane. */
  configuredCode?: string;
  /** From the user's department groups. */
  userCodes?: string[];
}

/**
 * Which department a portal shows: the Teams channel it is pinned in first (a tab belongs
 * to one department's team), then the page's configured department, then the user's own.
 */
export function resolveDepartment(departments: Department[], hints: DepartmentHints): Department | null {
  const active = departments.filter((d) => d.active);
  if (hints.teamId) {
    const byChannel = active.find((d) => d.teamId === hints.teamId && (!hints.channelId || d.channelId === hints.channelId));
    const byTeam = byChannel ?? active.find((d) => d.teamId === hints.teamId);
    if (byTeam) return byTeam;
  }
  if (hints.configuredCode) {
    const d = active.find((x) => x.code === hints.configuredCode);
    if (d) return d;
  }
  for (const code of hints.userCodes ?? []) {
    const d = active.find((x) => x.code === code);
    if (d) return d;
  }
  return null;
}
