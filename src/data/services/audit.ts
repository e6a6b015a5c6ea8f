import type * as D from "../../domain/types";
import type { CurrentUser, IPartnershipData } from "../contracts";

/** Appends one entry to the audit trail (操作の記録): who, when, what, on which row. */
export async function recordAudit(
  data: IPartnershipData,
  user: CurrentUser,
  entityList: string,
  entityId: number,
  action: D.AuditAction,
  title: string,
  detail: Record<string, unknown> = {},
): Promise<void> {
  await data.auditLog.add({
    title,
    entityList,
    entityId,
    action,
    // Who and when: SharePoint's Author and Created, set by SharePoint itself.
    actor: null,
    detail: JSON.stringify(detail),
    occurredAt: null,
  });
}
