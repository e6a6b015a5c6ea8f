import type { SPFI } from "@pnp/sp";
import { SPQueryable, spPost } from "@pnp/sp";
import "@pnp/sp/webs";
import { DataError } from "../contracts";

/** SP.ClientContext.Current's type id in CSOM's XML requests. */
const CLIENT_CONTEXT = "{3747adcd-a3c3-41b9-bfab-4a64dd2f1e0a}";

interface CsomHead {
  ErrorInfo: { ErrorMessage: string; ErrorCode: number; ErrorTypeName: string } | null;
}

/**
 * Makes site group `ownerId` the owner of site group `groupId`. SharePoint's REST API cannot:
 * `SetUserAsOwner` takes a user only, and an `Owner` sent in an update is answered 204 and
 * ignored (SharePoint/sp-dev-docs#5031; pnp/pnpjs#957, whose maintainers declined a CSOM call in
 * PnPjs, pnp/pnpjs#969). CSOM can (`group.Owner = otherGroup; group.Update()`, as JSOM helpers
 * and CLI for Microsoft 365 do): one `_vti_bin/client.svc/ProcessQuery` request. CSOM answers
 * 200 with its error in the first element's ErrorInfo, which is turned into a DataError here.
 */
export async function setGroupOwner(sp: SPFI, siteUrl: string, groupId: number, ownerId: number): Promise<void> {
  const group = (id: number, pathId: number): string =>
    `<Method Id="${pathId}" ParentId="12" Name="GetById"><Parameters><Parameter Type="Int32">${id}</Parameter></Parameters></Method>`;
  const xml =
    `<Request xmlns="http://schemas.microsoft.com/sharepoint/clientquery/2009" SchemaVersion="15.0.0.0" LibraryVersion="16.0.0.0" ApplicationName="Partnership Desk">` +
    `<Actions><ObjectPath Id="1" ObjectPathId="13" /><ObjectPath Id="2" ObjectPathId="14" />` +
    `<SetProperty Id="3" ObjectPathId="13" Name="Owner"><Parameter ObjectPathId="14" /></SetProperty>` +
    `<Method Name="Update" Id="4" ObjectPathId="13" /></Actions>` +
    `<ObjectPaths><StaticProperty Id="10" TypeId="${CLIENT_CONTEXT}" Name="Current" /><Property Id="11" ParentId="10" Name="Web" />` +
    `<Property Id="12" ParentId="11" Name="SiteGroups" />${group(groupId, 13)}${group(ownerId, 14)}</ObjectPaths></Request>`;
  const url = `${siteUrl.replace(/\/+$/, "")}/_vti_bin/client.svc/ProcessQuery`;
  const answer = (await spPost(SPQueryable([sp.web, url]), { body: xml, headers: { "Content-Type": "text/xml" } })) as CsomHead[];
  const err = Array.isArray(answer) ? answer[0]?.ErrorInfo : { ErrorMessage: "Unexpected answer from ProcessQuery", ErrorCode: 0, ErrorTypeName: "" };
  if (err) throw new DataError(err.ErrorCode === -2147024891 ? "forbidden" : "unknown", err.ErrorMessage, err.ErrorCode === -2147024891 ? 403 : undefined);
}
