/** Who the user is to the product, from their SharePoint groups (docs/permissions.md). */
export type Role = "coordinator" | "member" | "visitor";

export interface GroupNames {
  coordinators: string;
  members: string;
  visitors: string;
  departmentPrefix: string;
}

/** The most capable role among the user's groups; no known group means read-only. */
export function roleFromGroups(groupTitles: string[], names: GroupNames): { role: Role; departmentCodes: string[] } {
  const set = new Set(groupTitles);
  const role: Role = set.has(names.coordinators) ? "coordinator" : set.has(names.members) ? "member" : "visitor";
  const departmentCodes = groupTitles
    .filter((t) => t.startsWith(names.departmentPrefix))
    .map((t) => t.slice(names.departmentPrefix.length).trim())
    .filter(Boolean);
  return { role, departmentCodes };
}

export const canEditAgreements = (role: Role): boolean => role === "coordinator";
