import type * as D from "../../domain/types";
import type { IPartnershipData } from "../contracts";
import { fitText } from "../../domain/text";
import { auditLog, maxLengthOf } from "../schema/listSchema";

/**
 * Appends one entry to the audit trail (操作の記録): what, on which row. Who and when are
 * SharePoint's own Author and Created of the entry, which no client can set.
 */
export async function recordAudit(
  data: IPartnershipData,
  entityList: string,
  entityId: number,
  action: D.AuditAction,
  title: string,
  detail: Record<string, unknown> = {},
): Promise<void> {
  await data.auditLog.add({
    // Built from names (an agreement's, a call's): fitted to its column, never refused for a length.
    title: fitText(title, maxLengthOf(auditLog.fields.title)),
    entityList,
    entityId,
    action,
    actor: null,
    detail: JSON.stringify(detail),
    occurredAt: null,
  });
}
